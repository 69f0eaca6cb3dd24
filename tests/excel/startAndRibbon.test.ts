// The ribbon command completes its event on every path (Excel keeps a command busy until it does).
import { completeOnEveryPath } from "../../src/commands/ribbonCheck";

jest.useFakeTimers();

test.each([
  ["the job and the dialog succeed", async () => "ok", (_m: string, done: () => void) => done()],
  ["the job throws", async () => { throw new Error("boom"); }, (_m: string, done: () => void) => done()],
  ["the dialog call throws", async () => "ok", () => { throw new Error("dialog"); }],
  ["the dialog never calls back", async () => "ok", () => undefined],
])("%s: completed exactly once", async (_label, job, notify) => {
  const complete = jest.fn();
  await completeOnEveryPath(job, notify, complete, 1000);
  jest.advanceTimersByTime(1000);
  expect(complete).toHaveBeenCalledTimes(1);
});

test("the message of a failing job is what the dialog shows", async () => {
  const shown: string[] = [];
  await completeOnEveryPath(async () => { throw new Error("Excel est occupé"); }, (m, done) => { shown.push(m); done(); }, () => undefined);
  expect(shown).toEqual(["Excel est occupé"]);
});

test("the pane waits for Office.onReady however long Excel takes (no give-up after 4 s)", async () => {
  const { detectHost } = await import("../../src/taskpane/officeHost");
  const g = globalThis as { Office?: unknown };
  g.Office = { onReady: (cb: (info: { host: string }) => void) => setTimeout(() => cb({ host: "Excel" }), 9000) };
  const seen: string[] = [];
  const pending = detectHost().then((h) => seen.push(h.kind));
  jest.advanceTimersByTime(5000);
  await Promise.resolve();
  expect(seen).toEqual([]);
  jest.advanceTimersByTime(4000);
  await pending;
  expect(seen).toEqual(["excel"]);
  delete g.Office;
});
