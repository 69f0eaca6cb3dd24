// Round trips and payloads measured on the real wire: the adapter's operations run through the real Office.js client
// library, each sync's request and response being the JSON the library serialised and the one Excel would send back,
// counted in bytes. Every one must stay under Excel on the web's 5 MB; the figures are printed as a table.
import { checkAnnex } from "../../src/core/check";
import { planAddYear } from "../../src/core/compute/addYear";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
import { fakeRunner, stateFromSnapshot } from "../support/fakeExcel";
import { fixtureSnapshot } from "../support/fixtures";
import { generateAnnex } from "../support/annexGenerator";
import { officeJsHost } from "../support/officeJs/officeJsHost";
import { operations } from "../support/officeJs/operations";
import { WIRE_LIMIT, type WireLog } from "../support/officeJs/richApi";

jest.setTimeout(600_000);
let fixture: WorkbookSnapshot;

beforeAll(async () => {
  fixture = await fixtureSnapshot();
});

/** The annex with one more sheet, unrelated to it: a list of rows × cols (a label column, then amounts). */
function withList(rows: number, cols: number): WorkbookSnapshot {
  const wb = structuredClone(fixture);
  const list = emptySheet(`Liste ${rows}x${cols}`);
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) setCell(list, r, c, { value: c === 1 ? `Bénéficiaire ${r}` : r * c });
  wb.sheets.push(list);
  return wb;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Row {
  workbook: string;
  operation: string;
  syncs: WireLog[];
  cleanups: WireLog[];
}

async function measure(label: string, wb: WorkbookSnapshot): Promise<Row[]> {
  const state = stateFromSnapshot(structuredClone(wb));
  const host = officeJsHost(state);
  const port = createExcelPort(host.run, () => true, { merges: true });
  const rows: Row[] = [];
  for (const [operation, job] of operations()) {
    state.log = [];
    host.cleanups.length = 0;
    const result = await job(port);
    if (operation.startsWith("contrôler")) {
      // What the real client read gives the same findings as the test host's read of the same workbook.
      const plain = stateFromSnapshot(structuredClone(wb));
      expect(result).toEqual(
        checkAnnex(await createExcelPort(fakeRunner(plain), () => true, { merges: true }).read()).findings.map((f) => [
          f.rule,
          f.sheet,
          f.cell,
          f.severity,
          f.message,
        ]),
      );
    }
    rows.push({ workbook: label, operation, syncs: [...state.log], cleanups: [...host.cleanups] });
  }
  return rows;
}

function table(rows: Row[]): string {
  const lines = ["| classeur | opération | syncs | requête / réponse par sync (octets du JSON) | nettoyage Excel.run |", "|---|---|---|---|---|"];
  for (const r of rows) {
    const per = r.syncs.map((l, i) => `#${i + 1} ${kb(l.request)} / ${kb(l.response)}`).join(", ");
    const clean = r.cleanups.length ? r.cleanups.map((l) => `${kb(l.request)} / ${kb(l.response)}`).join(", ") : "—";
    lines.push(`| ${r.workbook} | ${r.operation} | ${r.syncs.length} | ${per} | ${clean} |`);
  }
  return lines.join("\n");
}

test("the 2022 annex alone, with a 20 000 × 3 list sheet, with a 50 000 × 1 sheet: every round trip under 5 MB both ways", async () => {
  const rows: Row[] = [];
  for (const [label, wb] of [
    ["annexe 2022", fixture],
    ["+ 20 000 × 3", withList(20_000, 3)],
    ["+ 50 000 × 1", withList(50_000, 1)],
  ] as const) {
    rows.push(...(await measure(label, wb)));
  }
  console.log(`Round trips through the real Office.js client (${new Date().toISOString().slice(0, 10)}):\n${table(rows)}`);
  for (const r of rows) {
    for (const l of [...r.syncs, ...r.cleanups]) {
      expect([r.workbook, r.operation, l.request < WIRE_LIMIT, l.response < WIRE_LIMIT]).toEqual([r.workbook, r.operation, true, true]);
    }
  }
  // Writes and undos do not depend on sheets they do not touch: the same round trips with or without the list sheets.
  const count = (w: string, op: string) => rows.find((r) => r.workbook === w && r.operation === op)!.syncs.length;
  for (const op of ["compléter", "annuler compléter", "nouvelle année", "annuler nouvelle année"]) {
    expect(count("annexe 2022", op)).toBeGreaterThan(0);
    expect([op, count("+ 20 000 × 3", op), count("+ 50 000 × 1", op)]).toEqual([op, count("annexe 2022", op), count("annexe 2022", op)]);
  }
});

test("Excel refusing a write in mid-way on a large annex (1 200 fiches): the rollback too stays under 5 MB, and restores all", async () => {
  const g = generateAnnex({ fiches: 1200, years: [2020, 2021, 2022], seed: 7, withSummary: true });
  const state = stateFromSnapshot(g.workbook);
  const cells = () =>
    JSON.stringify(
      state.sheets.map((s) => [
        s.name,
        [...s.cells.entries()]
          .filter(([, c]) => c.value !== null || c.formula)
          .map(([k, c]) => [k, c.formula ?? c.value, c.numFmt])
          .sort(),
        [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
      ]),
    );
  const before = cells();
  // The preview's snapshot (the test host reads the same as the real client, tested above), then the apply for real.
  const snap = await createExcelPort(fakeRunner(state), () => true, { merges: true }).read();
  state.log = [];
  let writes = 0;
  state.refuse = (op) => (op.kind === "write" && ++writes === 2 ? "GeneralException" : null);
  const port = createExcelPort(officeJsHost(state).run, () => true, { merges: true });
  const err = await port.apply(planAddYear(snap), snap).then(
    () => null,
    (e: Error) => e.message,
  );
  console.log(
    `1 200 fiches, nouvelle année refusée en cours d'écriture: ${state.log.map((l, i) => `#${i + 1} ${kb(l.request)} / ${kb(l.response)}`).join(", ")}`,
  );
  expect(err).toMatch(/\(GeneralException\)\. Ce qui avait déjà été écrit a été défait/);
  for (const l of state.log) expect(l.request).toBeLessThan(WIRE_LIMIT);
  state.refuse = undefined;
  expect(cells() === before).toBe(true);
  expect(state.parts.size).toBe(0);
});
