// The ribbon command completes its event on every path (Excel keeps a command busy until it does).
import { completeOnEveryPath } from "../../src/commands/ribbonCheck";
import { AdapterError } from "../../src/excel/errors";

jest.useFakeTimers();

test.each([
  ["the job and the dialog succeed", async () => "ok", (_m: string, done: () => void) => done()],
  [
    "the job throws",
    async () => {
      throw new Error("boom");
    },
    (_m: string, done: () => void) => done(),
  ],
  [
    "the dialog call throws",
    async () => "ok",
    () => {
      throw new Error("dialog");
    },
  ],
  ["the dialog never calls back", async () => "ok", () => undefined],
])("%s: completed exactly once", async (_label, job, notify) => {
  const complete = jest.fn();
  await completeOnEveryPath(job, notify, complete, 1000);
  jest.advanceTimersByTime(1000);
  expect(complete).toHaveBeenCalledTimes(1);
});

test("the message of a failing job is what the dialog shows; a bug is shown as an internal error", async () => {
  const shown: string[] = [];
  await completeOnEveryPath(
    async () => {
      throw new AdapterError("Excel est occupé", "Busy");
    },
    (m, done) => {
      shown.push(m);
      done();
    },
    () => undefined,
  );
  expect(shown).toEqual(["Excel est occupé"]);
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await completeOnEveryPath(
    async () => {
      throw new Error("boom");
    },
    (m, done) => {
      shown.push(m);
      done();
    },
    () => undefined,
  );
  expect(shown[1]).toMatch(/^Erreur interne du complément \(Error\u00a0: boom\)/);
  expect(logged).toHaveBeenCalledTimes(1);
  logged.mockRestore();
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
