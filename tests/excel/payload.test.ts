// Payloads and round trips on the test host, measured as JSON of what each sync carries (commands and their data one
// way, loaded results the other), held to Excel on the web's 5 MB by the host itself. Figures are printed for the record.
import ExcelJS from "exceljs";
import { checkAnnex } from "../../src/core/check";
import { planAddYear } from "../../src/core/compute/addYear";
import { planFill } from "../../src/core/compute/fill";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
import { HEADER_AREA_ROWS } from "../../src/excel/readSnapshot";
import { runRibbonCheck } from "../../src/commands/ribbonCheck";
import { snapshotOfWorkbook } from "../../src/xlsx/readWorkbook";
import { fakeRunner, PAYLOAD_LIMIT, stateFromSnapshot, type FakeState } from "../support/fakeExcel";
import { FIXTURE_2022 } from "../support/fixtures";
import { generateAnnex } from "../support/annexGenerator";

let fixture: WorkbookSnapshot;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE_2022);
  fixture = snapshotOfWorkbook(wb, "annexe-cdppe-2022.xlsx");
});

function withList(rows: number, cols: number): WorkbookSnapshot {
  const wb = structuredClone(fixture);
  const list = emptySheet(`Liste ${rows}x${cols}`);
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) setCell(list, r, c, { value: c === 1 ? `Bénéficiaire ${r}` : r * c });
  wb.sheets.push(list);
  return wb;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const show = (label: string, state: FakeState) =>
  `${label}: ${state.log.length} sync(s) — ${state.log.map((l, i) => `#${i + 1} req ${kb(l.request)} / resp ${kb(l.response)}`).join(", ")}`;

async function measure(wb: WorkbookSnapshot): Promise<string[]> {
  const state = stateFromSnapshot(wb);
  const port = createExcelPort(fakeRunner(state), () => true);
  const lines: string[] = [];
  const step = async (label: string, job: () => Promise<unknown>) => {
    state.log = [];
    await job();
    for (const l of state.log) {
      expect(l.request).toBeLessThan(PAYLOAD_LIMIT);
      expect(l.response).toBeLessThan(PAYLOAD_LIMIT);
    }
    lines.push(show(label, state));
    return state.log.length;
  };
  let snap!: WorkbookSnapshot;
  expect(
    await step("check (read)", async () => {
      snap = await port.read();
    }),
  ).toBeLessThanOrEqual(2);
  expect(checkAnnex(snap).tables.length).toBeGreaterThan(0);
  await step("compléter", () => port.apply(planFill(snap), snap));
  await step("annuler compléter", () => port.undo("fill"));
  const again = await port.read();
  await step("nouvelle année", () => port.apply(planAddYear(again), again));
  await step("annuler nouvelle année", () => port.undo("add-year"));
  await step("ribbon (check + report)", () => runRibbonCheck(port));
  return lines;
}

test("the 2022 annex alone, with a 20 000 × 3 list sheet, with a 50 000 × 1 sheet: every sync under 5 MB both ways", async () => {
  const out: string[] = [];
  for (const [label, wb] of [
    ["2022 annex", fixture],
    ["+ 20 000 × 3", withList(20000, 3)],
    ["+ 50 000 × 1", withList(50000, 1)],
  ] as const) {
    out.push(`== ${label}`, ...(await measure(structuredClone(wb))));
  }
  console.log(out.join("\n"));
}, 120_000);

test("add-year and its undo on 1 000 fiche rows: cell writes and the undo record in round trips under 5 MB, all undone", async () => {
  const g = generateAnnex({ fiches: 1000, years: [2020, 2021, 2022], seed: 7, withSummary: true });
  const state = stateFromSnapshot(g.workbook);
  const port = createExcelPort(fakeRunner(state), () => true);
  const snap = await port.read();
  const cells = () =>
    JSON.stringify(
      state.sheets.map((s) =>
        [...s.cells.entries()]
          .filter(([, c]) => c.value !== null || c.formula)
          .map(([k, c]) => [k, c.formula ?? c.value])
          .sort(),
      ),
    );
  const before = cells();
  const lines: string[] = [];
  for (const [label, job] of [
    ["nouvelle année", () => port.apply(planAddYear(snap), snap)],
    ["annuler", () => port.undo("add-year")],
  ] as const) {
    state.log = [];
    await job();
    for (const l of state.log) {
      expect(l.request).toBeLessThan(PAYLOAD_LIMIT);
      expect(l.response).toBeLessThan(PAYLOAD_LIMIT);
    }
    lines.push(show(`1 000 fiches, ${label}`, state));
  }
  expect(cells()).toBe(before);
  expect(state.parts.size).toBe(0);
  console.log(lines.join("\n"));
}, 300_000);

describe("a light first pass locates the annex; only the annex is read", () => {
  const LIST = (wb: WorkbookSnapshot) => wb.sheets[wb.sheets.length - 1]!.name;
  /** Reads through the port with the read log on; returns the snapshot and what each sheet had read. */
  async function readLogged(wb: WorkbookSnapshot, merges = false) {
    const state = stateFromSnapshot(wb);
    state.reads = [];
    const snap = await createExcelPort(fakeRunner(state), () => true, { merges }).read();
    return { state, snap, reads: state.reads };
  }
  const findingsOf = (wb: WorkbookSnapshot) => JSON.stringify(checkAnnex(wb).findings.map((f) => [f.rule, f.sheet, f.cell]));

  test.each([
    [20000, 3],
    [50000, 1],
  ])(
    "annex + %i × %i list: two syncs under 5 MB, the list sheet read only in its header area (values), the same findings",
    async (rows, cols) => {
      for (const listFirst of [false, true]) {
        const wb = withList(rows, cols);
        if (listFirst) wb.sheets.unshift(wb.sheets.pop()!);
        const list = listFirst ? wb.sheets[0]!.name : LIST(wb);
        const { state, snap, reads } = await readLogged(wb);
        expect(state.log.length).toBeLessThanOrEqual(2);
        for (const l of state.log) {
          expect(l.request).toBeLessThan(PAYLOAD_LIMIT);
          expect(l.response).toBeLessThan(PAYLOAD_LIMIT);
        }
        const onList = reads.filter((r) => r.sheet === list);
        expect(onList.length).toBeGreaterThan(0);
        expect([...new Set(onList.map((r) => r.what))]).toEqual(["values"]);
        expect(Math.max(...onList.map((r) => r.r2))).toBeLessThanOrEqual(HEADER_AREA_ROWS);
        expect(onList.reduce((a, r) => a + (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1), 0)).toBeLessThanOrEqual(HEADER_AREA_ROWS * cols);
        expect(findingsOf(snap)).toBe(findingsOf(fixture));
        expect(checkAnnex(snap).tables.length).toBe(checkAnnex(fixture).tables.length);
      }
    },
    120_000,
  );

  test("hidden rows and columns of the annex: one visible-cells request per sheet, none for unrelated sheets", async () => {
    const wb = withList(20000, 3);
    const detail = wb.sheets.find((s) => s.name === "Suivi fiches actions")!;
    for (const r of [5, 6, 9, 20]) detail.hiddenRows.add(r);
    detail.hiddenCols.add(3);
    const { snap, reads } = await readLogged(wb);
    const got = snap.sheets.find((s) => s.name === detail.name)!;
    expect([...got.hiddenRows].sort((a, b) => a - b)).toEqual([5, 6, 9, 20]);
    expect([...got.hiddenCols]).toEqual([3]);
    const visible = reads.filter((r) => r.what === "visible" || r.what === "rowHidden");
    expect(visible.filter((r) => r.sheet === detail.name)).toHaveLength(1);
    expect(visible.filter((r) => r.sheet === LIST(wb))).toHaveLength(0);
  });

  test("an annex in a large sheet (1 000 fiches below 30 lines of notes) is found by the light pass and read whole, in round trips under 5 MB", async () => {
    const g = generateAnnex({ fiches: 1000, years: [2020, 2021, 2022], seed: 3, withSummary: true, titleLines: 30 });
    const wb = structuredClone(g.workbook);
    const list = emptySheet("Liste");
    for (let r = 1; r <= 20000; r++) for (let c = 1; c <= 3; c++) setCell(list, r, c, { value: c === 1 ? `Bénéficiaire ${r}` : r * c });
    wb.sheets.unshift(list);
    const { state, snap, reads } = await readLogged(wb);
    for (const l of state.log) {
      expect(l.request).toBeLessThan(PAYLOAD_LIMIT);
      expect(l.response).toBeLessThan(PAYLOAD_LIMIT);
    }
    const report = checkAnnex(snap);
    expect(report.tables.map((t) => t.kind).sort()).toEqual(["detail", "summary"]);
    expect(report.tables.find((t) => t.kind === "detail")!.fiches).toBe(1000);
    expect(Math.max(...reads.filter((r) => r.sheet === "Liste").map((r) => r.r2))).toBeLessThanOrEqual(HEADER_AREA_ROWS);
    console.log(show("1 000 fiches + 20 000 × 3, check (read)", state));
  }, 120_000);

  test("more than 512 merged areas on the annex sheet: read in parts within Excel's limit, all of them found", async () => {
    const wb = structuredClone(fixture);
    const detail = wb.sheets.find((s) => s.name === "Suivi fiches actions")!;
    const extra = emptySheet("Fusions");
    for (let r = 1; r <= 700; r++) {
      setCell(extra, r, 1, { value: `n° ${r}` });
      extra.merges.push({ r1: r, c1: 2, r2: r, c2: 3 });
    }
    setCell(extra, 1, 2, { value: "x" });
    wb.sheets.push(extra);
    // The annex sheet itself: its own merges plus 600 more below the table.
    const base = detail.rowCount + 5;
    for (let r = 0; r < 600; r++) {
      setCell(detail, base + r, 1, { value: `note ${r}` });
      detail.merges.push({ r1: base + r, c1: 1, r2: base + r, c2: 2 });
    }
    const { snap, reads } = await readLogged(wb, true);
    const sort = (ms: Array<{ r1: number; c1: number }>) => JSON.stringify([...ms].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1));
    expect(sort(snap.sheets.find((s) => s.name === detail.name)!.merges)).toBe(sort(detail.merges));
    expect(reads.filter((r) => r.what === "merges" && r.sheet === detail.name).length).toBeGreaterThan(1);
  });

  test("the host refuses to list more than 512 merged areas in one call, as Excel does", async () => {
    const wb = structuredClone(fixture);
    const s = emptySheet("Fusions");
    for (let r = 1; r <= 600; r++) {
      setCell(s, r, 1, { value: r });
      s.merges.push({ r1: r, c1: 1, r2: r, c2: 2 });
    }
    wb.sheets.push(s);
    const state = stateFromSnapshot(wb);
    const err = await fakeRunner(state)(async (ctx) => {
      const m = (
        ctx.workbook.worksheets.getItem("Fusions").getRange("A1:B600") as unknown as { getMergedAreasOrNullObject(): { load(p: string): unknown } }
      ).getMergedAreasOrNullObject();
      m.load("areas/items/address");
      await ctx.sync();
    }).catch((e: Error) => e);
    expect(String(err)).toMatch(/merged/);
  });
});

test("ten wide sheets (150 × 300 each): the light pass spreads over round trips under the budget, never one over 5 MB", async () => {
  const wb = structuredClone(fixture);
  for (let k = 0; k < 10; k++) {
    const s = emptySheet(`Large ${k}`);
    for (let r = 1; r <= 150; r++) for (let c = 1; c <= 300; c++) setCell(s, r, c, { value: `texte assez long pour peser ${r}-${c}` });
    wb.sheets.push(s);
  }
  const state = stateFromSnapshot(wb);
  state.reads = [];
  const snap = await createExcelPort(fakeRunner(state), () => true).read();
  for (const l of state.log) {
    expect(l.request).toBeLessThan(PAYLOAD_LIMIT);
    expect(l.response).toBeLessThan(PAYLOAD_LIMIT);
  }
  expect(checkAnnex(snap).tables.length).toBe(2);
  // Only the header areas of the large sheets were read, values only.
  const large = state.reads.filter((r) => r.sheet.startsWith("Large"));
  expect([...new Set(large.map((r) => r.what))]).toEqual(["values"]);
  console.log(show("annex + 10 sheets of 150 × 300, check (read)", state));
}, 60_000);
