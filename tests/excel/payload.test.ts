// Payloads and round trips on the test host, measured as JSON of what each sync carries (commands and their data one
// way, loaded results the other), held to Excel on the web's 5 MB by the host itself. Figures are printed for the record.
import ExcelJS from "exceljs";
import { checkAnnex } from "../../src/core/check";
import { planAddYear } from "../../src/core/compute/addYear";
import { planFill } from "../../src/core/compute/fill";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
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
const show = (label: string, state: FakeState) => `${label}: ${state.log.length} sync(s) — ${state.log.map((l, i) => `#${i + 1} req ${kb(l.request)} / resp ${kb(l.response)}`).join(", ")}`;

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
  await step("check (read)", async () => { snap = await port.read(); });
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
  for (const [label, wb] of [["2022 annex", fixture], ["+ 20 000 × 3", withList(20000, 3)], ["+ 50 000 × 1", withList(50000, 1)]] as const) {
    out.push(`== ${label}`, ...(await measure(structuredClone(wb))));
  }
  console.log(out.join("\n"));
}, 120_000);

test("add-year and its undo on 1 000 fiche rows: cell writes and the undo record in round trips under 5 MB, all undone", async () => {
  const g = generateAnnex({ fiches: 1000, years: [2020, 2021, 2022], seed: 7, withSummary: true });
  const state = stateFromSnapshot(g.workbook);
  const port = createExcelPort(fakeRunner(state), () => true);
  const snap = await port.read();
  const cells = () => JSON.stringify(state.sheets.map((s) => [...s.cells.entries()].filter(([, c]) => c.value !== null || c.formula).map(([k, c]) => [k, c.formula ?? c.value]).sort()));
  const before = cells();
  const lines: string[] = [];
  for (const [label, job] of [["nouvelle année", () => port.apply(planAddYear(snap), snap)], ["annuler", () => port.undo("add-year")]] as const) {
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
