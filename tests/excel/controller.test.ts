// The pane's controller over the Excel port on the test host: the undo scenarios of issue #11 as a user meets them.
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
import { recordNamespace } from "../../src/excel/undo";
import { PaneController } from "../../src/taskpane/controller";
import { fakeRunner, stateFromSnapshot, type FakeState } from "../support/fakeExcel";
import { fixtureSnapshot } from "../support/fixtures";

const D = "Suivi fiches actions";
// Under load (2 cores shared), a whole apply and undo of add-year can take longer than the 5 s default.
jest.setTimeout(60_000);
let fixture: WorkbookSnapshot;
beforeAll(async () => {
  fixture = await fixtureSnapshot();
});

function pane(state: FakeState) {
  return new PaneController(createExcelPort(fakeRunner(state), () => true));
}
const coloured = (state: FakeState) =>
  [...state.sheets.find((s) => s.name === D)!.cells.values()].filter((c) => ["#F8CBAD", "#FFE699", "#BDD7EE"].includes(c.fill ?? "")).length;

test("Élargir has its own Annuler; the Annuler shown after Signaler takes the flags off, not the widening", async () => {
  const state = stateFromSnapshot(structuredClone(fixture));
  const c = pane(state);
  await c.check();
  const overflow = c.getState().report!.findings.find((f) => f.rule === "display-overflow")!;
  await c.widen(overflow);
  expect(c.getState().error).toBeNull();
  expect(c.getState().undoable).toContain("widen");
  const widened = state.sheets.find((s) => s.name === D)!.widths.get(36);
  await c.flag();
  expect(coloured(state)).toBeGreaterThan(0);
  expect(c.getState().canUndo).toBe(true);
  await c.undo();
  expect(coloured(state)).toBe(0);
  expect(state.sheets.find((s) => s.name === D)!.widths.get(36)).toBe(widened);
  expect(c.getState().info).not.toMatch(/revenu à son état/);
  // The widening is still undoable, by its own button.
  await c.undo("widen");
  expect(state.sheets.find((s) => s.name === D)!.widths.get(36)).not.toBe(widened);
});

test("closed and reopened, the pane offers each action's undo; a typed cell is listed and kept unless confirmed", async () => {
  const state = stateFromSnapshot(structuredClone(fixture));
  const first = pane(state);
  await first.check();
  await first.applyFill();
  expect(first.getState().error).toBeNull();
  state.sheets.find((s) => s.name === D)!.cells.set("4:39", { value: 0.42, numFmt: "0%" });
  const reopened = pane(state);
  await reopened.check();
  expect(reopened.getState().undoable).toEqual(["fill"]);
  await reopened.undo();
  expect(reopened.getState().undoPending).toEqual({ kind: "fill", changed: ["AM4 (Suivi fiches actions)"] });
  expect(reopened.getState().info).toMatch(/Modifiées depuis\u00a0: AM4 \(Suivi fiches actions\)\. Elles seront conservées, sauf si vous confirmez/);
  await reopened.confirmUndo(true);
  expect(state.sheets.find((s) => s.name === D)!.cells.get("4:39")!.value).toBe(0.42);
  expect(reopened.getState().info).toMatch(/1 cellule modifiée depuis conservée/);
  expect(reopened.getState().undoable).toEqual([]);
});

test("a failed undo disarms its button: a second click replays nothing", async () => {
  const state = stateFromSnapshot(structuredClone(fixture));
  const c = pane(state);
  await c.check();
  await c.applyYear();
  expect(c.getState().undoable).toEqual(["add-year"]);
  for (const [id, xml] of state.parts) if (xml.includes(recordNamespace("add-year"))) state.parts.set(id, xml.slice(0, 200));
  const before = JSON.stringify(state.sheets.map((s) => s.cells.size));
  await c.undo();
  expect(c.getState().error).toMatch(/illisible/);
  expect(c.getState().undoable).toEqual([]);
  await c.undo();
  expect(JSON.stringify(state.sheets.map((s) => s.cells.size))).toBe(before);
  await c.clearAddinData();
  expect(state.parts.size).toBe(0);
});
