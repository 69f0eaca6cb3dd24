import ExcelJS from "exceljs";
import { OfficeMockObject } from "office-addin-mock";
import { checkAnnex } from "../../src/core/check";
import { planAddYear } from "../../src/core/compute/addYear";
import { planFill } from "../../src/core/compute/fill";
import { recognise } from "../../src/core/layout/recognise";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
import { BYTES_PER_CELL, groupChunks, planChunks, SYNC_BUDGET_BYTES } from "../../src/excel/readSnapshot";
import { REPORT_SHEET } from "../../src/excel/reportSheet";
import { AdapterError } from "../../src/excel/errors";
import { applyPlanToExcelJs } from "../../src/xlsx/applyPlan";
import { snapshotOfWorkbook } from "../../src/xlsx/readWorkbook";
import { FakeContext, fakeRunner, NotLoadedError, snapshotFromState, stateFromSnapshot, type FakeState } from "../support/fakeExcel";
import { FIXTURE_2022, fixtureSnapshot } from "../support/fixtures";
import { generateAnnex } from "../support/annexGenerator";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM-only uuid Jest cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

const D = "Suivi fiches actions";
// Under load (2 cores shared), a whole apply and undo of add-year can take longer than the 5 s default.
jest.setTimeout(60_000);
let fixture: WorkbookSnapshot;

beforeAll(async () => {
  fixture = await fixtureSnapshot();
});

function fresh(snapshot = fixture) {
  const state = stateFromSnapshot(structuredClone(snapshot));
  const port = createExcelPort(fakeRunner(state), () => true);
  return { state, port };
}

/** Cells as plain data for comparisons: formula or literal value, and number format. */
function cellsOf(wb: WorkbookSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of wb.sheets)
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const content = c.formula ? `=${c.formula}` : JSON.stringify(c.value);
        // Empty cells: the .xlsx reader keeps no format for them; their formats are compared separately.
        if (content === "null") return;
        out[`${s.name}!${r + 1}:${col + 1}`] = `${content} | ${c.numFmt ?? "General"}`;
      }),
    );
  return out;
}

async function exceljsAfter(plan: ReturnType<typeof planFill>): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE_2022);
  applyPlanToExcelJs(wb, plan);
  return snapshotOfWorkbook(wb);
}

describe("read", () => {
  test("the whole 2022 workbook in 2 round trips, recognised and checked like the file", async () => {
    const { state, port } = fresh();
    const snap = await port.read();
    expect(state.syncs).toBe(2);
    const layout = recognise(snap);
    expect(layout.detail!.rows.filter((r) => r.kind === "fiche")).toHaveLength(41);
    expect(layout.summary!.groups).toHaveLength(5);
    const fromOffice = checkAnnex(snap).findings.map((f) => [f.rule, f.cell, f.fiche]);
    const fromFile = checkAnnex(fixture).findings.map((f) => [f.rule, f.cell, f.fiche]);
    expect(fromOffice).toEqual(fromFile);
    // Office.js text is the formatted text, never "#####": the rule computes the overflow itself.
    expect(snap.sheets[1]!.cells[45]![35]!.text).toMatch(/1.155.000/);
  });

  test("a large sheet is read in chunks that share round trips up to the payload budget, never one trip per chunk", async () => {
    const g = generateAnnex({ fiches: 2500, years: [2020, 2021, 2022, 2023, 2024], seed: 4, withSummary: false });
    const { state, port } = fresh(g.workbook);
    const snap = await port.read();
    const detail = g.workbook.sheets.find((s) => s.name === g.expected.detail.sheet)!;
    const used = [{ rowIndex: 0, columnIndex: 0, rowCount: detail.rowCount, columnCount: detail.colCount }];
    const chunks = planChunks(used);
    expect(chunks.length).toBeGreaterThan(5);
    // One trip for the sheets, one for the light pass (the small sheet read whole in it), then exactly one per
    // budget-full group of the large sheet's chunks: fewer trips than chunks.
    expect(state.syncs).toBe(2 + groupChunks(chunks).length);
    expect(state.syncs - 2).toBeLessThan(chunks.length);
    expect(state.syncs - 2).toBeGreaterThanOrEqual(Math.ceil((detail.rowCount * detail.colCount * BYTES_PER_CELL) / SYNC_BUDGET_BYTES));
    expect(recognise(snap).detail!.rows.filter((r) => r.kind === "fiche")).toHaveLength(2500);
  });

  test("chunk groups are full: no two neighbouring groups would fit one budget", () => {
    const groups = groupChunks(planChunks([{ rowIndex: 0, columnIndex: 0, rowCount: 30000, columnCount: 60 }]));
    const bytes = (g: (typeof groups)[number]) => g.reduce((a, c) => a + c.rows * c.cols * BYTES_PER_CELL, 0);
    for (const g of groups) expect(bytes(g)).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    for (let i = 0; i + 1 < groups.length; i++)
      expect(bytes(groups[i]!) + groups[i + 1]![0]!.rows * groups[i + 1]![0]!.cols * BYTES_PER_CELL).toBeGreaterThan(SYNC_BUDGET_BYTES);
  });
});

describe("apply and undo", () => {
  test("fill: one round trip to re-check, one to write, the same cells as the ExcelJS adapter", async () => {
    const { state, port } = fresh();
    const plan = planFill(fixture);
    await port.apply(plan, fixture);
    expect(state.syncs).toBe(2);
    const viaOffice = cellsOf(snapshotFromState(state));
    const viaFile = cellsOf(await exceljsAfter(plan));
    for (const e of plan.edits) if (e.kind === "setFormula") expect(viaOffice[`${e.sheet}!${e.row}:${e.col}`]).toBe(viaFile[`${e.sheet}!${e.row}:${e.col}`]);
    expect(viaOffice[`${D}!4:39`]).toBe('=IF((W4+AB4+AF4+AJ4)=0,IF(N(AL4)=0,"","sans budget"),AL4/(W4+AB4+AF4+AJ4)) | 0%');
  });

  test("add-year: re-check, structure, cells (3 round trips), and every cell of both workbooks equal to the ExcelJS adapter's", async () => {
    const { state, port } = fresh();
    const plan = planAddYear(fixture);
    await port.apply(plan, fixture);
    expect(state.syncs).toBe(3);
    const office = snapshotFromState(state);
    const file = await exceljsAfter(plan);
    expect(cellsOf(office)).toEqual(cellsOf(file));
    // New, still empty cells carry the previous year's formats in both (realisations 2023, row 10: accounting format).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE_2022);
    applyPlanToExcelJs(wb, plan);
    for (const [row, col] of [
      [10, 47],
      [10, 17],
      [4, 33],
    ] as const) {
      const sheet = state.sheets.find((s) => s.name === D)!;
      const fake = sheet.cells.get(`${row}:${col}`);
      if (!fake) throw new Error(`no ${row}:${col} among ${[...sheet.cells.keys()].filter((k) => k.startsWith(`${row}:`)).join(" ")}`);
      expect(fake.value).toBeNull();
      expect(fake.numFmt).toBe(wb.getWorksheet(D)!.getCell(row, col).numFmt);
      expect(fake.numFmt).not.toBe("General");
    }
    for (const name of [D, "Synthèse financière"]) {
      const sort = (ms: Array<{ r1: number; c1: number }>) => [...ms].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
      expect(sort(office.sheets.find((s) => s.name === name)!.merges)).toEqual(sort(file.sheets.find((s) => s.name === name)!.merges));
    }
  });

  test("undo restores byte-identical formulas and formats, merges and widths (fill, then add-year)", async () => {
    for (const [kind, makePlan] of [
      ["fill", planFill],
      ["add-year", planAddYear],
    ] as const) {
      const { state, port } = fresh();
      const before = JSON.stringify(cellsOf(snapshotFromState(state)));
      const merges = JSON.stringify(state.sheets.map((s) => [...s.merges].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)));
      const widths = JSON.stringify(state.sheets.map((s) => [...s.widths.entries()].sort((a, b) => a[0] - b[0])));
      await port.apply(makePlan(fixture), fixture);
      expect(JSON.stringify(cellsOf(snapshotFromState(state)))).not.toBe(before);
      state.syncs = 0;
      const undone = await port.undo(kind);
      expect(undone).toMatchObject({ needsConfirmation: false, changed: [], keptColumns: [] });
      // Record (2), the present (1), the new columns (add-year), the cells back with their re-read (1), then the
      // record removed and the columns deleted (1).
      expect(state.syncs).toBe(kind === "fill" ? 5 : 6);
      const now = cellsOf(snapshotFromState(state));
      const was = JSON.parse(before) as Record<string, string>;
      const diff = Object.keys({ ...now, ...was })
        .filter((k) => now[k] !== was[k])
        .map((k) => [k, was[k], now[k]]);
      expect(diff).toEqual([]);
      expect(JSON.stringify(now)).toBe(before);
      expect(JSON.stringify(state.sheets.map((s) => [...s.merges].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)))).toBe(merges);
      expect(JSON.stringify(state.sheets.map((s) => [...s.widths.entries()].sort((a, b) => a[0] - b[0])))).toBe(widths);
      expect(state.parts.size).toBe(0);
      expect(await port.undo(kind)).toBeNull();
    }
  });

  test("the undo record lives in the workbook: a pane opened later can still undo", async () => {
    const { state, port } = fresh();
    const before = JSON.stringify(cellsOf(snapshotFromState(state)));
    await port.apply(planFill(fixture), fixture);
    const later = createExcelPort(fakeRunner(state), () => true);
    state.syncs = 0;
    expect((await later.undo("fill"))!.kind).toBe("fill");
    expect(state.syncs).toBe(5);
    expect(JSON.stringify(cellsOf(snapshotFromState(state)))).toBe(before);
  });

  test("a protected sheet: a French message, and nothing sent to Excel", async () => {
    const snap = structuredClone(fixture);
    snap.sheets.find((s) => s.name === D)!.protected = true;
    const { state, port } = fresh(snap);
    const before = JSON.stringify(cellsOf(snapshotFromState(state)));
    await expect(port.apply(planFill(fixture), snap)).rejects.toThrow(/protégée.*Rien n'a été écrit/);
    // Only the re-check round trip: nothing written, no record.
    expect(state.syncs).toBe(1);
    expect(JSON.stringify(cellsOf(snapshotFromState(state)))).toBe(before);
    expect(state.parts.size).toBe(0);
  });

  test("a sheet deleted while the pane was open: French message, nothing half-written", async () => {
    const { state, port } = fresh();
    const before = cellsOf(snapshotFromState(state));
    state.sheets = state.sheets.filter((s) => s.name !== "Synthèse financière");
    const err = await port.apply(planAddYear(fixture), fixture).catch((e) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err.message).toContain("supprimée ou renommée");
    const after = cellsOf(snapshotFromState(state));
    for (const [k, v] of Object.entries(after)) expect([k, v]).toEqual([k, before[k]]);
  });

  test("an Excel without the requirement set: a French message, no call", async () => {
    const state = stateFromSnapshot(fixture);
    const port = createExcelPort(fakeRunner(state), () => false);
    await expect(port.read()).rejects.toThrow(/trop ancienne/);
    expect(state.batches).toBe(0);
  });
});

describe("navigate, flag, report", () => {
  test("a finding's cell is selected across sheets", async () => {
    const { state, port } = fresh();
    await port.select(D, "AJ46");
    expect(state.selection).toBe(`${D}!AJ46`);
    expect(state.active).toBe(D);
    expect(state.syncs).toBe(1);
  });

  test("flags colour the finding cells; clearing restores exactly what was there, user fills included", async () => {
    const snap = structuredClone(fixture);
    snap.sheets.find((s) => s.name === D)!.cells[19]![24]!.fill = "#00B050"; // Y20 had the user's own green
    const { state, port } = fresh(snap);
    const fills = () => JSON.stringify(state.sheets.map((s) => [...s.cells.entries()].filter(([, c]) => c.fill).map(([k, c]) => [k, c.fill])));
    const before = fills();
    const findings = checkAnnex(snap).findings;
    expect(await port.flag(findings, snap)).toBe(new Set(findings.map((f) => f.sheet + f.cell)).size);
    const y20 = state.sheets.find((s) => s.name === D)!.cells.get("20:25")!;
    expect(y20.fill).toBe("#FFE699");
    expect(state.sheets.find((s) => s.name === D)!.cells.get("46:36")!.fill).toBe("#F8CBAD");
    // Flagging again (a second check) then clearing still gives back the user's green, not our yellow.
    await port.flag(findings, await port.read());
    expect(await port.clearFlags()).toBeGreaterThan(0);
    expect(fills()).toBe(before);
    expect(y20.fill).toBe("#00B050");
  });

  test("the report sheet is recreated at each check, labels stay text, cells are links", async () => {
    const { state, port } = fresh();
    const report = checkAnnex(fixture);
    report.findings[0] = { ...report.findings[0]!, message: '=HYPERLINK("x") n\'est pas une formule' };
    expect(await port.writeReport(report, fixture, new Date(2026, 10, 22, 9, 5))).toBe(REPORT_SHEET);
    // Which sheet is ours and which names are taken, the sheet, then its mark (its id is known only once added).
    expect(state.syncs).toBe(3);
    const id = state.sheets.find((s) => s.name === REPORT_SHEET)!.id;
    await port.writeReport(report, { ...fixture, sheets: [...fixture.sheets, { ...fixture.sheets[0]!, name: REPORT_SHEET }] }, new Date(2026, 10, 22, 9, 6));
    const sheets = state.sheets.filter((s) => s.name === REPORT_SHEET);
    expect(sheets).toHaveLength(1);
    // Cleared and written again, not deleted and re-created: Excel's undo history survives.
    expect(sheets[0]!.id).toBe(id);
    const r = sheets[0]!;
    expect(r.cells.get("1:1")!.value).toBe("Contrôle de l'annexe financière CDPPE — annexe-cdppe-2022.xlsx");
    expect(r.cells.get("2:1")!.value).toBe("Contrôle du 22/11/2026 à 09:06");
    expect(r.cells.get("3:3")!.value).toBe(1);
    expect(r.cells.get("5:5")!.value).toBe("Message");
    expect(r.cells.get("6:5")).toMatchObject({ value: '=HYPERLINK("x") n\'est pas une formule', numFmt: "@" });
    expect(r.cells.get("6:5")!.formula).toBeUndefined();
    expect(r.hyperlinks.get("D6")).toMatchObject({ documentReference: `'Synthèse financière'!${report.findings[0].cell}` });
    expect(r.cells.size).toBeGreaterThan(55 * 7);
  });

  test("seen findings are remembered in the document", async () => {
    const { state, port } = fresh();
    expect(await port.loadSeen()).toEqual([]);
    await port.saveSeen(["modalite|Synthèse financière|I18"]);
    await port.saveSeen(["modalite|Synthèse financière|I18", "display-overflow|Suivi fiches actions|AJ46"]);
    const later = createExcelPort(fakeRunner(state), () => true);
    expect(await later.loadSeen()).toEqual(["modalite|Synthèse financière|I18", "display-overflow|Suivi fiches actions|AJ46"]);
  });
});

describe("the fake keeps Office.js's rules (checked against office-addin-mock)", () => {
  test("a property read before load() and sync() fails in both; after them it reads", async () => {
    type MockWb = { name: unknown; load: (p: string) => void };
    const mock = new OfficeMockObject({ host: "excel", workbook: { name: "annexe.xlsx" } }) as unknown as { workbook: MockWb; sync: () => Promise<void> };
    expect(mock.workbook.name).not.toBe("annexe.xlsx");
    mock.workbook.load("name");
    expect(mock.workbook.name).not.toBe("annexe.xlsx");
    await mock.sync();
    expect(mock.workbook.name).toBe("annexe.xlsx");

    const ctx = new FakeContext(stateFromSnapshot({ fileName: "annexe.xlsx", sheets: [] }));
    expect(() => ctx.workbook.name).toThrow(NotLoadedError);
    ctx.workbook.load("name");
    expect(() => ctx.workbook.name).toThrow(NotLoadedError);
    await ctx.sync();
    expect(ctx.workbook.name).toBe("annexe.xlsx");
  });

  test("a load queued before a write sees the value before the write, as in Excel", async () => {
    const state: FakeState = stateFromSnapshot(fixture);
    const ctx = new FakeContext(state);
    const r = ctx.workbook.worksheets.getItem(D).getRange("AM4");
    r.load("formulas");
    r.formulas = [["=1+1"]];
    await ctx.sync();
    expect(r.formulas).toEqual([[""]]);
  });
});
