// Issue 15: the check and the plans answer later (a worker). A newer check supersedes an older one, a newer year
// replaces an older one: an answer that comes back late is never shown; an engine's bug is an internal error with
// its detail.
import type { ColumnMapping } from "../../src/core/layout/mapping";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import type { EditPlan } from "../../src/core/plan/types";
import { createExcelPort } from "../../src/excel/port";
import { PaneController } from "../../src/taskpane/controller";
import { InlineEngine, type CoreEngine } from "../../src/taskpane/engine/engine";
import type { CheckOutcome, PlanParams, PreparedFill, PreparedYear } from "../../src/taskpane/engine/session";
import { cloneSnapshot, fakeRunner, stateFromSnapshot } from "../support/fakeExcel";
import { fixtureSnapshot } from "../support/fixtures";

jest.setTimeout(60_000);
let fixture: WorkbookSnapshot;
beforeAll(async () => {
  fixture = await fixtureSnapshot();
});

/** The real engine, whose answers wait until the test lets each one go (in any order). */
class HeldEngine implements CoreEngine {
  readonly where = "inline" as const;
  readonly inner = new InlineEngine();
  readonly held: Array<{ label: string; release: () => void }> = [];
  failPrepare: Error | null = null;
  private hold<T>(label: string, answer: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => this.held.push({ label, release: () => void answer.then(resolve, reject) }));
  }
  check(snapshot: WorkbookSnapshot, mapping: ColumnMapping | undefined): Promise<CheckOutcome> {
    return this.hold(`check ${this.held.length}`, this.inner.check(snapshot, mapping));
  }
  prepare(params: PlanParams & { kind: "fill" }): Promise<PreparedFill>;
  prepare(params: PlanParams & { kind: "year" }): Promise<PreparedYear>;
  prepare(params: PlanParams): Promise<PreparedFill | PreparedYear> {
    if (this.failPrepare) return Promise.reject(this.failPrepare);
    const answer: Promise<PreparedFill | PreparedYear> = params.kind === "fill" ? this.inner.prepare(params) : this.inner.prepare(params);
    return this.hold(`${params.kind} ${params.kind === "year" ? params.year : params.force}`, answer);
  }
  plan(params: PlanParams): Promise<EditPlan> {
    return this.inner.plan(params);
  }
  /** Lets the held answer go and waits for the pane to take it. */
  async release(label: string): Promise<void> {
    const i = this.held.findIndex((h) => h.label === label);
    if (i < 0) throw new Error(`nothing held as ${label}: ${this.held.map((h) => h.label).join(", ")}`);
    this.held.splice(i, 1)[0]!.release();
    for (let k = 0; k < 20; k++) await new Promise((r) => setTimeout(r, 0));
  }
}

const settle = async () => {
  for (let k = 0; k < 20; k++) await new Promise((r) => setTimeout(r, 0));
};

test("a check answered after a newer one is dropped: the newer check's findings stay", async () => {
  const snap = cloneSnapshot(fixture);
  const state = stateFromSnapshot(snap);
  const engine = new HeldEngine();
  const c = new PaneController(
    createExcelPort(fakeRunner(state), () => true),
    undefined,
    engine,
  );
  const first = c.check();
  await settle();
  // The workbook changes (a budget typed wrong), and the officer checks again before the first answer came.
  const cell = state.sheets.find((s) => s.name === "Suivi fiches actions")!.cells.get("4:12")!;
  cell.value = Number(cell.value) + 1000;
  const second = c.check();
  await settle();
  expect(engine.held.map((h) => h.label)).toEqual(["check 0", "check 1"]);
  await engine.release("check 1");
  await second;
  const errors = c.getState().report!.counts.error;
  expect(errors).toBeGreaterThan(1);
  await engine.release("check 0");
  await first;
  expect(c.getState().report!.counts.error).toBe(errors);
  expect(c.getState().error).toBeNull();
});

test("the year changed twice: the preview is the last year's, whatever order the answers come in", async () => {
  const engine = new HeldEngine();
  const c = new PaneController(
    createExcelPort(fakeRunner(stateFromSnapshot(cloneSnapshot(fixture))), () => true),
    undefined,
    engine,
  );
  const checked = c.check();
  await settle();
  await engine.release("check 0");
  await checked;
  void c.preparePlan("year");
  c.setYear(2024);
  c.setYear(2023);
  await settle();
  expect(c.getState().preparing.year).toBe(true);
  await engine.release("year 2023");
  const shown = c.getState().yearPlan!;
  expect(shown.blocked).toBe(false);
  expect(shown.preview.insertions.map((i) => i.text).join(" ")).toContain("2023");
  expect(c.getState().preparing.year).toBe(false);
  // The answer for 2024 comes late: it is dropped. The first ask's (2023 too, same check) may be taken: it is the same.
  await engine.release("year 2024");
  expect(c.getState().yearPlan).toBe(shown);
  await engine.release("year 2023");
  expect(c.getState().year).toBe(2023);
  expect(c.getState().yearPlan).toEqual(shown);
});

test("a bug in the engine: an internal error in French, with the stack to report", async () => {
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const engine = new HeldEngine();
    const c = new PaneController(
      createExcelPort(fakeRunner(stateFromSnapshot(cloneSnapshot(fixture))), () => true),
      undefined,
      engine,
    );
    const checked = c.check();
    await settle();
    await engine.release("check 0");
    await checked;
    const bug = new TypeError("plan.edits is undefined");
    engine.failPrepare = bug;
    await c.preparePlan("fill");
    expect(c.getState().error).toMatch(/^Erreur interne du complément \(TypeError\u00a0: plan\.edits is undefined\)/);
    expect(c.getState().errorDetail).toBe(bug.stack);
    expect(c.getState().preparing.fill).toBe(false);
  } finally {
    logged.mockRestore();
  }
});
