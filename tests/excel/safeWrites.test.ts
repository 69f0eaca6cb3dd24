// The fault scenarios of issue #11, one test each, replayed on the test host through the Excel port: values typed
// after the preview, rows inserted, protection, Excel refusing in mid-way, undo over changed cells, repeated undo,
// corrupt records, the report sheet and the user's own sheets.
import { checkAnnex } from "../../src/core/check";
import { colToLetters as colLetters, parseAddr } from "../../src/core/model/a1";
import { planAddYear } from "../../src/core/compute/addYear";
import { planFill } from "../../src/core/compute/fill";
import { planWiden } from "../../src/core/compute/widen";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
import { REPORT_SHEET } from "../../src/excel/reportSheet";
import { LEGACY_UNDO_NS, recordNamespace } from "../../src/excel/undo";
import { fakeRunner, snapshotFromState, stateFromSnapshot, type FakeSheet, type FakeState } from "../support/fakeExcel";
import { fixtureSnapshot } from "../support/fixtures";
import { generateAnnex } from "../support/annexGenerator";
import { officeJsRunner } from "../support/officeJs/officeJsHost";
import type { HostRunner } from "../../src/excel/host";

const D = "Suivi fiches actions";
// Under load (2 cores shared), a whole apply and undo of add-year can take longer than the 5 s default.
jest.setTimeout(60_000);
let fixture: WorkbookSnapshot;
const HOSTS: Array<[string, (state: FakeState) => HostRunner]> = [
  ["the test host", fakeRunner],
  ["the real Office.js client", officeJsRunner],
];
let hostRunner: (state: FakeState) => HostRunner = fakeRunner;

beforeAll(async () => {
  fixture = await fixtureSnapshot();
});

/** A pane's view of the workbook: the snapshot comes from the port, as in the add-in. */
async function opened(mutate?: (state: FakeState) => void) {
  const state = stateFromSnapshot(structuredClone(fixture));
  mutate?.(state);
  const port = createExcelPort(hostRunner(state), () => true);
  const snapshot = await port.read();
  state.syncs = 0;
  state.log = [];
  return { state, port, snapshot };
}

const dump = (state: FakeState) =>
  JSON.stringify(
    state.sheets.map((s) => [
      s.name,
      [...s.cells.entries()]
        .filter(([, c]) => c.value !== null || c.formula)
        .map(([k, c]) => [k, c.formula ?? c.value, c.numFmt])
        .sort(),
      [...s.merges].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1),
      [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
    ]),
  );
const sheet = (state: FakeState, name = D): FakeSheet => state.sheets.find((s) => s.name === name)!;
/** A user typing in Excel (no add-in involved). */
const type = (state: FakeState, row: number, col: number, value: number | string, numFmt = "General") => {
  sheet(state).cells.set(`${row}:${col}`, { value, numFmt });
};

/** The user inserts a whole row in Excel: cells and merges below move down (formulas are not needed here). */
function insertRow(s: FakeSheet, at: number): void {
  const moved = new Map<string, FakeSheet["cells"] extends Map<string, infer C> ? C : never>();
  for (const [k, c] of s.cells) {
    const [r, col] = k.split(":").map(Number) as [number, number];
    moved.set(r >= at ? `${r + 1}:${col}` : k, c);
  }
  s.cells = moved;
  s.merges = s.merges.map((m) => (m.r1 >= at ? { ...m, r1: m.r1 + 1, r2: m.r2 + 1 } : m.r2 >= at ? { ...m, r2: m.r2 + 1 } : m));
}

// Each scenario runs on the test host and through the real Office.js client library (tests/support/officeJs).
describe.each(HOSTS)("through %s", (_label, runner) => {
  beforeAll(() => {
    hostRunner = runner;
  });

  describe("writes are checked against the workbook as it is now", () => {
    test("42 % typed in AM4 after the check: Compléter refuses, names AM4 and its value, writes nothing, leaves no undo", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planFill(snapshot);
      expect(plan.edits.some((e) => e.kind === "setFormula" && e.row === 4 && e.col === 39)).toBe(true);
      type(state, 4, 39, 0.42, "0%");
      const before = dump(state);
      const err = await port.apply(plan, snapshot).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/AM4 \(Suivi fiches actions\) contient maintenant 42\s%/);
      expect((err as Error).message).toMatch(/Rien n'a été écrit\u00a0: relancez l'aperçu/);
      expect(dump(state)).toBe(before);
      expect(sheet(state).cells.get("4:39")!.value).toBe(0.42);
      expect(state.syncs).toBe(1);
      expect((await port.undoable()).available).toEqual([]);
    });

    test("a fiche row inserted after the preview: Nouvelle année refuses (the anchors moved), nothing lands on the wrong fiche", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      insertRow(sheet(state), 10);
      const before = dump(state);
      const err = await port.apply(plan, snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/a changé depuis l'aperçu/);
      expect((err as Error).message).toMatch(/ne contient plus « .* » mais .* insérées, supprimées ou déplacées|contient maintenant/);
      expect(dump(state)).toBe(before);
    });

    test("the sheet protected between preview and apply: refused before any write, the message says protection", async () => {
      const { state, port, snapshot } = await opened();
      sheet(state).protected = true;
      const before = dump(state);
      const err = await port.apply(planAddYear(snapshot), snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/«\u00a0Suivi fiches actions\u00a0» est protégée\u00a0:.*Rien n'a été écrit/);
      expect(dump(state)).toBe(before);
      expect(state.parts.size).toBe(0);
    });

    test("Excel refuses the third insertion in mid-way: the two done are undone, the message says insertion, not protection", async () => {
      const { state, port, snapshot } = await opened();
      let inserts = 0;
      state.refuse = (op) => (op.kind === "insert" && ++inserts === 3 ? "InvalidOperation" : null);
      const before = dump(state);
      const err = await port.apply(planAddYear(snapshot), snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(
        /Excel a refusé l'insertion de colonnes en cours d'écriture \(InvalidOperation\)\. Ce qui avait déjà été écrit a été défait/,
      );
      expect((err as Error).message).not.toMatch(/protég/);
      const a = JSON.parse(dump(state)) as Array<[string, Array<[string, unknown, string]>, unknown, unknown]>;
      const b = JSON.parse(before) as typeof a;
      const diff = a.flatMap((s, i) => {
        const was = new Map(b[i]![1].map((c) => [c[0], JSON.stringify(c)]));
        return s[1].filter((c) => was.get(c[0]) !== JSON.stringify(c)).map((c) => [s[0], JSON.stringify(c), was.get(c[0])]);
      });
      expect(diff.slice(0, 5)).toEqual([]);
      expect(JSON.stringify(a.map((s) => s[2]))).toBe(JSON.stringify(b.map((s) => s[2])));
      expect(dump(state)).toBe(before);
      expect(state.parts.size).toBe(0);
    });

    test("Excel refuses a cell write after the columns went in: everything is undone, no record is left", async () => {
      const { state, port, snapshot } = await opened();
      let refused = false;
      state.refuse = (op) => (op.kind === "write" && !refused ? ((refused = true), "GeneralException") : null);
      const before = dump(state);
      const err = await port.apply(planAddYear(snapshot), snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/l'écriture de cellules.*\(GeneralException\).*défait/);
      state.refuse = undefined;
      expect(dump(state)).toBe(before);
      expect(state.parts.size).toBe(0);
    });

    test("the host returns merged areas as Excel does: a pane reading them gets the workbook's merges", async () => {
      const state = stateFromSnapshot(structuredClone(fixture));
      const snap = await createExcelPort(hostRunner(state), () => true, { merges: true }).read();
      const sort = (ms: Array<{ r1: number; c1: number }>) => JSON.stringify([...ms].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1));
      for (const s of fixture.sheets) expect(sort(snap.sheets.find((x) => x.name === s.name)!.merges)).toBe(sort(s.merges));
    });

    test("add-year over merged group headers: the adapter unmerges, inserts and merges again (the host refuses a half-copied merge)", async () => {
      const { state, port, snapshot } = await opened();
      // The host holds the fixture's merged headers (row 2, groups of years) and refuses to paste formats across one.
      expect(sheet(state).merges.some((m) => m.r1 === 2 && m.c2 > m.c1)).toBe(true);
      await port.apply(planAddYear(snapshot), snapshot);
      // Every merged group header that took a new year grew by one column; none was lost.
      const multi = (s: FakeSheet) => s.merges.filter((m) => m.r1 === 2 && m.r2 === 2 && m.c2 > m.c1);
      expect(multi(sheet(state)).length).toBe(fixture.sheets.find((s) => s.name === D)!.merges.filter((m) => m.r1 === 2 && m.r2 === 2 && m.c2 > m.c1).length);
    });
  });

  describe("undo respects the present", () => {
    test("figures typed in the new 2023 column since: Annuler keeps the column and the figures, restores the rest, is then disarmed", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      await port.apply(plan, snapshot);
      const col = plan.newColumns!.find((c) => c.sheet === D)!.col;
      for (let r = 4; r <= 10; r++) type(state, r, col, 1000 * r, "#,##0");
      const outcome = await port.undo("add-year");
      expect(outcome!.keptColumns.length).toBeGreaterThan(0);
      for (let r = 4; r <= 10; r++) expect(sheet(state).cells.get(`${r}:${col}`)!.value).toBe(1000 * r);
      // Disarmed: a second click has nothing to replay and deletes nothing.
      const after = dump(state);
      expect(await port.undo("add-year")).toBeNull();
      expect(dump(state)).toBe(after);
    });

    test("a cell changed since Compléter: undo stops and lists it, then keeps it on request and restores the rest", async () => {
      const { state, port, snapshot } = await opened();
      const before = dump(state);
      await port.apply(planFill(snapshot), snapshot);
      type(state, 4, 39, 0.42, "0%");
      const ask = await port.undo("fill");
      expect(ask).toMatchObject({ needsConfirmation: true, changed: ["AM4 (Suivi fiches actions)"] });
      expect(state.parts.size).toBe(1);
      const done = await port.undo("fill", true);
      expect(done).toMatchObject({ needsConfirmation: false, changed: ["AM4 (Suivi fiches actions)"] });
      expect(sheet(state).cells.get("4:39")!.value).toBe(0.42);
      type(state, 4, 39, "", "General");
      sheet(state).cells.delete("4:39");
      const fresh = JSON.parse(before) as unknown[];
      expect(JSON.parse(dump(state))).toEqual(fresh);
      expect(await port.undo("fill")).toBeNull();
    });

    test("a corrupt latest record is refused with a message and never replaced by an older one", async () => {
      const { state, port, snapshot } = await opened();
      await port.apply(planFill(snapshot), snapshot);
      const applied = dump(state);
      // An older record (first version) that would wipe cells if replayed, and the newest one corrupt.
      state.parts.set(
        "{old}",
        `<undo xmlns="${LEGACY_UNDO_NS}">{"id":"x","kind":"fill","deleteColumns":[],"restore":[{"sheet":"${D}","row":4,"col":38,"input":"","numFmt":"General"}],"widths":[]}</undo>`,
      );
      for (const [id, xml] of state.parts) if (xml.includes(recordNamespace("fill"))) state.parts.set(id, xml.replace(/"cells":\[/, '"cells":[{"s":1},'));
      await expect(port.undo("fill")).rejects.toThrow(/illisible ou ne vient pas de ce complément\u00a0: il a été ignoré, rien n'a été modifié/);
      expect(dump(state)).toBe(applied);
      expect((await port.undoable()).corrupt).toEqual(["fill"]);
      expect(await port.clearAddinData()).toBe(2);
      expect(state.parts.size).toBe(0);
    });

    test("each action has its own undo, still offered to a pane opened later; flags are undone by their own button", async () => {
      const { state, port, snapshot } = await opened();
      const widthBefore = sheet(state).widths.get(36);
      const widen = planWiden(snapshot, D, "AJ46");
      expect(widen.edits.length).toBeGreaterThan(0);
      await port.apply(widen, snapshot);
      await port.apply(planFill(await port.read()), await port.read());
      const findings = checkAnnex(snapshot).findings;
      const flagged = await port.flag(findings, snapshot);
      expect(flagged).toBeGreaterThan(0);
      const later = createExcelPort(hostRunner(state), () => true);
      expect((await later.undoable()).available.sort()).toEqual(["fill", "widen"]);
      // Undoing the widening leaves the flags and the fill alone.
      const fills = () => [...sheet(state).cells.values()].filter((c) => c.fill === "#F8CBAD" || c.fill === "#FFE699" || c.fill === "#BDD7EE").length;
      const coloured = fills();
      await later.undo("widen");
      expect(sheet(state).widths.get(36)).toBe(widthBefore);
      expect(fills()).toBe(coloured);
      // Flags: one recoloured by the user since keeps the user's colour.
      const y20 = sheet(state).cells.get("20:25")!;
      y20.fill = "#00B050";
      expect(await later.clearFlags()).toBe(flagged - 1);
      expect(fills()).toBe(0);
      expect(y20.fill).toBe("#00B050");
      expect((await later.undoable()).available).toEqual(["fill"]);
    });
  });

  describe("the workbook's own state", () => {
    test("corrupt saved entries (seen, flags) never block the check or the flags", async () => {
      const { state, port, snapshot } = await opened();
      state.parts.set("{seen}", '<seen xmlns="urn:annexe-cdppe:seen:1">{not json</seen>');
      state.parts.set("{flags}", '<flags xmlns="urn:annexe-cdppe:flags:1">[[[</flags>');
      expect(await port.loadSeen()).toEqual([]);
      expect(await port.flag(checkAnnex(snapshot).findings, snapshot)).toBeGreaterThan(0);
    });

    test("a user's own sheet named « Contrôle annexe » is never replaced; ours is cleared and rewritten, not deleted", async () => {
      const { state, port, snapshot } = await opened((s) => {
        s.sheets.push({
          ...s.sheets[0]!,
          name: REPORT_SHEET,
          id: "{mine}",
          cells: new Map([["1:1", { value: "mes notes", numFmt: "General" }]]),
          merges: [],
          tables: [],
          widths: new Map(),
          hyperlinks: new Map(),
          hiddenCols: new Set(),
          hiddenRows: new Set(),
        });
      });
      const report = checkAnnex(snapshot);
      const name = await port.writeReport(report, snapshot);
      expect(name).toBe(`${REPORT_SHEET} (2)`);
      expect(sheet(state, REPORT_SHEET).cells.get("1:1")!.value).toBe("mes notes");
      const id = sheet(state, name).id;
      expect(await port.writeReport(report, snapshot)).toBe(name);
      expect(sheet(state, name).id).toBe(id);
      expect(state.sheets.filter((s) => s.name.startsWith(REPORT_SHEET))).toHaveLength(2);
    });

    test("after a completed undo nothing of that action stays in the workbook", async () => {
      const { state, port, snapshot } = await opened();
      await port.apply(planFill(snapshot), snapshot);
      expect(state.parts.size).toBe(1);
      await port.apply(planFill(snapshot), snapshot).catch(() => undefined);
      expect(state.parts.size).toBe(1);
      await port.undo("fill");
      expect(state.parts.size).toBe(0);
      void snapshotFromState;
    });
  });

  describe("what Excel could refuse is checked before the first write", () => {
    const insertAt = (plan: ReturnType<typeof planAddYear>, name = D) =>
      plan.edits.find((e): e is Extract<typeof e, { kind: "insertColumns" }> => e.kind === "insertColumns" && e.sheet === name)!;

    test("an Excel table over the rate columns: Compléter refuses, names the table, writes nothing", async () => {
      const { state, port, snapshot } = await opened();
      sheet(state).tables.push({ name: "TabSuivi", r1: 3, c1: 1, r2: 46, c2: 42 });
      const before = dump(state);
      const err = await port.apply(planFill(snapshot), snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/tableau Excel «\u00a0TabSuivi\u00a0» \(Suivi fiches actions\)/);
      expect((err as Error).message).toMatch(/Rien n'a été écrit/);
      expect(dump(state)).toBe(before);
      expect(state.parts.size).toBe(0);
      expect(state.syncs).toBe(1);
    });

    test("a table an inserted year column would cross: Nouvelle année refuses, names the table and the column", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      const ins = insertAt(plan);
      // A small table beside the annex, below it, spanning the insertion point.
      sheet(state).tables.push({ name: "Notes", r1: 60, c1: ins.at - 2, r2: 64, c2: ins.at + 1 });
      const before = dump(state);
      const err = await port.apply(plan, snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/tableau Excel «\u00a0Notes\u00a0»/);
      expect((err as Error).message).toMatch(/colonne/);
      expect(dump(state)).toBe(before);
      expect(state.parts.size).toBe(0);
    });

    test("a CSE array formula over written cells: Compléter refuses, names the cells, writes nothing (the host would refuse part of an array)", async () => {
      const { state, port, snapshot } = await opened();
      sheet(state).arrays = [{ r1: 4, c1: 39, r2: 6, c2: 39, kind: "cse" }];
      const before = dump(state);
      const err = await port.apply(planFill(snapshot), snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/formule matricielle/);
      expect((err as Error).message).toMatch(/AM\d+/);
      expect((err as Error).message).toMatch(/Rien n'a été écrit/);
      expect(dump(state)).toBe(before);
    });

    test("a spilled array across the insertion point: Nouvelle année refuses before inserting anything", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      const ins = insertAt(plan);
      sheet(state).arrays = [{ r1: 70, c1: ins.at - 1, r2: 72, c2: ins.at, kind: "spill" }];
      const before = dump(state);
      const err = await port.apply(plan, snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/formule matricielle/);
      expect((err as Error).message).toMatch(/insérée|insérer/);
      expect(dump(state)).toBe(before);
    });

    test("an array or a table in a column beside the insertion, not across it, does not block Nouvelle année", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      const ins = insertAt(plan);
      sheet(state).arrays = [{ r1: 70, c1: ins.at, r2: 72, c2: ins.at + 1, kind: "spill" }];
      sheet(state).tables.push({ name: "ADroite", r1: 80, c1: ins.at, r2: 84, c2: ins.at + 2 });
      await port.apply(plan, snapshot);
      expect(sheet(state).tables.find((t) => t.name === "ADroite")!.c1).toBeGreaterThan(ins.at);
    });

    test("the host refuses what Excel refuses: a write into part of a CSE array, an insertion through one", async () => {
      const state = stateFromSnapshot(structuredClone(fixture));
      sheet(state).arrays = [{ r1: 70, c1: 2, r2: 72, c2: 3, kind: "cse" }];
      const run = hostRunner(state);
      await expect(
        run(async (ctx) => {
          ctx.workbook.worksheets.getItem(D).getRange("B71").formulas = [[1]];
          await ctx.sync();
        }),
      ).rejects.toThrow(/array/);
      await expect(
        run(async (ctx) => {
          ctx.workbook.worksheets.getItem(D).getRange("C:C").insert("Right");
          await ctx.sync();
        }),
      ).rejects.toThrow(/array/);
    });
  });

  describe("insertions limited to a table's rows (two tables on one sheet)", () => {
    async function openedTwoTables() {
      const g = generateAnnex({ bothOnOneSheet: true, seed: 2 });
      const state = stateFromSnapshot(g.workbook);
      const port = createExcelPort(hostRunner(state), () => true);
      const snapshot = await port.read();
      const plan = planAddYear(snapshot);
      const ins = plan.edits.find((e): e is Extract<typeof e, { kind: "insertColumns" }> => e.kind === "insertColumns" && e.rows !== null)!;
      state.syncs = 0;
      return { state, port, snapshot, plan, ins, s: state.sheets.find((x) => x.name === ins.sheet)! };
    }

    test("a merged area right of the insertion that crosses the table's last row: refused before the first write, named", async () => {
      const { state, port, snapshot, plan, ins, s } = await openedTwoTables();
      s.merges.push({ r1: ins.rows![1], c1: 45, r2: ins.rows![1] + 2, c2: 45 });
      const before = dump(state);
      const err = await port.apply(plan, snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(new RegExp(`AS${ins.rows![1]}:AS${ins.rows![1] + 2}`));
      expect((err as Error).message).toMatch(/fusionnée/);
      expect((err as Error).message).toMatch(/Rien n'a été écrit/);
      expect(dump(state)).toBe(before);
      expect(state.parts.size).toBe(0);
    });

    test("a table right of the insertion that the shifted rows would cut: refused before the first write, named", async () => {
      const { state, port, snapshot, plan, ins, s } = await openedTwoTables();
      s.tables.push({ name: "Annexe2", r1: ins.rows![1] - 1, c1: 44, r2: ins.rows![1] + 3, c2: 46 });
      const before = dump(state);
      const err = await port.apply(plan, snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/tableau Excel «\u00a0Annexe2\u00a0»/);
      expect(dump(state)).toBe(before);
    });

    test("without such obstacles the same add-year goes through", async () => {
      const { port, snapshot, plan } = await openedTwoTables();
      await expect(port.apply(plan, snapshot)).resolves.toBeTruthy();
    });
  });

  describe("merged areas beyond Excel's 512 per call", () => {
    test("add-year on a sheet with 600 more merged areas across an insertion point: read in parts, each unmerged, shifted and merged again", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      const ins = plan.edits.find((e): e is Extract<typeof e, { kind: "insertColumns" }> => e.kind === "insertColumns" && e.sheet === D)!;
      const base = 60;
      for (let i = 0; i < 600; i++) {
        sheet(state).merges.push({ r1: base + i, c1: ins.at - 1, r2: base + i, c2: ins.at });
        sheet(state).cells.set(`${base + i}:${ins.at - 1}`, { value: `note ${i}`, numFmt: "General" });
      }
      const merged = await createExcelPort(hostRunner(state), () => true, { merges: true }).read();
      const again = await createExcelPort(hostRunner(state), () => true, { merges: true }).read();
      const plan2 = planAddYear(again);
      expect(plan2.edits.filter((e) => e.kind === "insertColumns")).toEqual(plan.edits.filter((e) => e.kind === "insertColumns"));
      expect(merged.sheets.find((s) => s.name === D)!.merges.length).toBe(fixture.sheets.find((s) => s.name === D)!.merges.length + 600);
      await port.apply(plan2, again);
      const after = sheet(state).merges.filter((m) => m.r1 >= base);
      expect(after).toHaveLength(600);
      // Every one still spans the same two columns of data, now with the new year column inside it.
      for (const m of after) expect(m.c2 - m.c1).toBe(1 + ins.count);
    });
  });

  describe("flags respect the present too", () => {
    test("a flagged cell recoloured by the user, then Signaler again: flagged anew, and Effacer gives the user's colour back, not the original", async () => {
      const { state, port, snapshot } = await opened();
      const findings = checkAnnex(snapshot).findings;
      await port.flag(findings, snapshot);
      const y20 = sheet(state).cells.get("20:25")!;
      expect(y20.fill).toBeDefined();
      y20.fill = "#00B050";
      await port.flag(findings, snapshot);
      expect(y20.fill).not.toBe("#00B050");
      await port.clearFlags();
      expect(y20.fill).toBe("#00B050");
      const ours = ["#F8CBAD", "#FFE699", "#BDD7EE"];
      expect([...sheet(state).cells.values()].filter((c) => c.fill && ours.includes(c.fill))).toHaveLength(0);
    });

    test("a cell flagged before and recoloured by the user, no longer a finding: Signaler again leaves the user's colour", async () => {
      const { state, port, snapshot } = await opened();
      const findings = checkAnnex(snapshot).findings;
      await port.flag(findings, snapshot);
      const y20 = sheet(state).cells.get("20:25")!;
      y20.fill = "#00B050";
      await port.flag(
        findings.filter((f) => !(f.sheet === D && f.cell === "Y20")),
        snapshot,
      );
      expect(y20.fill).toBe("#00B050");
      await port.clearFlags();
      expect(y20.fill).toBe("#00B050");
    });

    test("a cell the user coloured after the check, then flagged: clearing the flags gives the user's colour back, not the one the check saw", async () => {
      const { state, port, snapshot } = await opened();
      const findings = checkAnnex(snapshot).findings.filter((f) => f.sheet === D);
      const { row, col } = parseAddr(findings[0]!.cell);
      const cell = sheet(state).cells.get(`${row}:${col}`) ?? { value: null, numFmt: "General" };
      sheet(state).cells.set(`${row}:${col}`, cell);
      cell.fill = "#FFC000";
      await port.flag(findings, snapshot);
      expect(cell.fill).not.toBe("#FFC000");
      await port.clearFlags();
      expect(cell.fill).toBe("#FFC000");
    });
  });

  describe("an undo Excel refuses", () => {
    test("the sheet protected since add-year: Annuler refuses before changing anything, says protection, stays available", async () => {
      const { state, port, snapshot } = await opened();
      await port.apply(planAddYear(snapshot), snapshot);
      sheet(state).protected = true;
      const before = dump(state);
      const err = await port.undo("add-year").catch((e: Error) => e);
      expect((err as Error).message).toMatch(/«\u00a0Suivi fiches actions\u00a0» est protégée/);
      expect(dump(state)).toBe(before);
      expect((await port.undoable()).available).toEqual(["add-year"]);
    });

    test("Excel refuses in mid-undo: the message says the undo was interrupted, and the record is gone so a second click deletes nothing", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      await port.apply(plan, snapshot);
      let deletes = 0;
      state.refuse = (op) => (op.kind === "delete" && ++deletes === 2 ? "GeneralException" : null);
      const err = await port.undo("add-year").catch((e: Error) => e);
      state.refuse = undefined;
      expect((err as Error).message).toMatch(/interrompu/);
      expect((err as Error).message).not.toMatch(/Rien n'a été (écrit|modifié)/);
      expect((await port.undoable()).available).toEqual([]);
      const after = dump(state);
      expect(await port.undo("add-year")).toBeNull();
      expect(dump(state)).toBe(after);
    });
  });

  describe("merged cells among the written ones", () => {
    test("a merged area over written cells (not at its top-left cell): Compléter refuses before the first write, naming the area", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planFill(snapshot);
      const w = plan.edits.find((e): e is Extract<typeof e, { kind: "setFormula" }> => e.kind === "setFormula" && e.sheet === D && e.row > 4)!;
      // The user merges the written cell with the one above it after the check.
      sheet(state).merges.push({ r1: w.row - 1, c1: w.col, r2: w.row, c2: w.col });
      const before = dump(state);
      const err = await port.apply(plan, snapshot).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/fusionn/);
      expect((err as Error).message).toContain(`${colLetters(w.col)}${w.row - 1}:${colLetters(w.col)}${w.row}`);
      expect((err as Error).message).toMatch(/Rien n'a été écrit/);
      expect(state.log.length).toBe(1);
      expect(dump(state)).toBe(before);
    });
  });

  describe("undo never deletes a column that is not the one it inserted", () => {
    test("the user inserts an empty column where the new year column was: Annuler deletes neither, and says so", async () => {
      const { state, port, snapshot } = await opened();
      const plan = planAddYear(snapshot);
      await port.apply(plan, snapshot);
      const col = plan.newColumns!.find((c) => c.sheet === D)!.col;
      await fakeRunner(state)(async (ctx) => {
        ctx.workbook.worksheets
          .getItem(D)
          .getRange(`${colLetters(col)}:${colLetters(col)}`)
          .insert("Right");
        await ctx.sync();
      });
      const width = () => Math.max(...[...sheet(state).cells.keys()].map((k) => Number(k.split(":")[1])));
      const w = width();
      const outcome = await port.undo("add-year", true);
      expect(outcome!.keptColumns.some((k) => k.startsWith(colLetters(col)))).toBe(true);
      // The user's empty column is still there: every cell right of it is where it was.
      expect(width()).toBeGreaterThanOrEqual(w - (plan.newColumns!.filter((c) => c.sheet === D).length - 1));
      expect(sheet(state).cells.get(`3:${col + 1}`)?.value ?? sheet(state).cells.get(`2:${col + 1}`)?.value).toBeTruthy();
    });
  });
});
