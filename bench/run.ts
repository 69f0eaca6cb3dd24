// `npm run bench`: speed figures, printed (not asserted). Targets: recognition of 10 000 rows x 60 columns under 1 s, linear growth.
import * as path from "path";
import * as fs from "fs";
import * as os from "os";
import ExcelJS from "exceljs";
import { checkAnnex } from "../src/core/check";
import { planAddYear } from "../src/core/compute/addYear";
import { planFill } from "../src/core/compute/fill";
import { applyPlanToExcelJs } from "../src/xlsx/applyPlan";
import { snapshotOfWorkbook } from "../src/xlsx/readWorkbook";
import { toExcelJs } from "../tests/support/xlsxWrite";
import { recognise } from "../src/core/layout/recognise";
import type { WorkbookSnapshot } from "../src/core/model/snapshot";
import { readXlsx } from "../src/xlsx/readWorkbook";
import { generateAnnex } from "../tests/support/annexGenerator";
import { row, time, timeAsync } from "./timing";

const FIXTURE = path.resolve(__dirname, "..", "..", "..", "tests", "fixtures", "annexe-cdppe-2022.xlsx");

async function main(): Promise<void> {
  console.log("Annexe CDPPE — mesures (médiane de plusieurs passages, Node " + process.version + ")\n");
  const read = await timeAsync(() => readXlsx(FIXTURE));
  const snap = read.result.snapshot;
  console.log(`Lecture ExcelJS de l'annexe 2022 : ${read.ms.toFixed(1)} ms`);
  const rec = time(() => recognise(snap), 20);
  console.log(`Reconnaissance, annexe 2022 : ${rec.ms.toFixed(2)} ms (${rec.result.tables.length} tableaux)\n`);

  console.log("Reconnaissance sur annexes synthétiques (5 années, 2 tableaux) :");
  const widths = [10, 9, 12, 12, 14];
  console.log(row(["fiches", "colonnes", "ms", "µs/ligne", "croissance"], widths));
  let prev: { n: number; ms: number } | null = null;
  for (const n of [1000, 10000, 50000]) {
    const g = generateAnnex({ fiches: n, years: [2020, 2021, 2022, 2023, 2024], seed: 42 });
    const cols = g.workbook.sheets.find((s) => s.name === g.expected.detail.sheet)!.colCount;
    const r = time(() => recognise(g.workbook), n >= 50000 ? 3 : 5);
    const fiches = r.result.detail?.rows.filter((x) => x.kind === "fiche").length;
    if (fiches !== n) throw new Error(`recognised ${fiches} fiches out of ${n}`);
    const growth = prev ? `x${(r.ms / prev.ms).toFixed(1)} pour x${n / prev.n}` : "";
    console.log(row([n, cols, r.ms.toFixed(1), ((r.ms * 1000) / n).toFixed(1), growth], widths));
    prev = { n, ms: r.ms };
  }
  await benchCheck(snap);
  await benchWrite();
}

async function benchWrite(): Promise<void> {
  console.log("\nÉcriture (plan dans le cœur + application ExcelJS en mémoire) :");
  const cases: Array<[string, () => Promise<ExcelJS.Workbook>]> = [
    ["annexe 2022", async () => (await readXlsx(FIXTURE)).workbook],
    ["10 000 fiches", async () => toExcelJs(generateAnnex({ fiches: 10000, years: [2020, 2021, 2022, 2023, 2024], seed: 9 }).workbook)],
  ];
  for (const [name, load] of cases) {
    for (const job of ["fill", "add-year"] as const) {
      const wb = await load();
      const snapshot = snapshotOfWorkbook(wb);
      const t0 = process.hrtime.bigint();
      const plan = job === "fill" ? planFill(snapshot) : planAddYear(snapshot);
      const t1 = process.hrtime.bigint();
      applyPlanToExcelJs(wb, plan);
      const t2 = process.hrtime.bigint();
      console.log(`  ${name.padEnd(14)} ${job.padEnd(9)} plan ${(Number(t1 - t0) / 1e6).toFixed(0).padStart(6)} ms   application ${(Number(t2 - t1) / 1e6).toFixed(0).padStart(6)} ms   (${plan.edits.length} modifications)`);
    }
  }
}

async function benchCheck(fixture: WorkbookSnapshot): Promise<void> {
  console.log("\nContrôle (reconnaissance + 24 règles) :");
  const c = time(() => checkAnnex(fixture), 20);
  console.log(`  annexe 2022 : ${c.ms.toFixed(2)} ms (${c.result.findings.length} constatations)`);
  const g = generateAnnex({ fiches: 10000, years: [2020, 2021, 2022, 2023, 2024], seed: 5 });
  const big = time(() => checkAnnex(g.workbook), 3);
  console.log(`  10 000 fiches x ${g.workbook.sheets.find((s) => s.name === g.expected.detail.sheet)!.colCount} colonnes : ${big.ms.toFixed(0)} ms (${big.result.findings.length} constatations)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-bench-"));
  const files = Array.from({ length: 100 }, (_, i) => path.join(dir, `annexe-${i}.xlsx`));
  for (const f of files) fs.copyFileSync(FIXTURE, f);
  const t0 = process.hrtime.bigint();
  let findings = 0;
  for (const f of files) findings += checkAnnex((await readXlsx(f)).snapshot).findings.length;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`  lot de 100 copies de l'annexe 2022 (lecture .xlsx comprise) : ${secs.toFixed(2)} s, ${(100 / secs).toFixed(1)} fichiers/s (${findings} constatations)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
