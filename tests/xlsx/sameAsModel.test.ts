// The package write gives the same cells as the ExcelJS model adapter (which the Office.js adapter test compares with
// Excel's): formulas, values and number formats, for fill and add-year on the 2022 annex and on a generated one.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { planAddYear } from "../../src/core/compute/addYear";
import { planFill } from "../../src/core/compute/fill";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { applyPlanToExcelJs } from "../../src/xlsx/applyPlan";
import { applyPlanToPackage } from "../../src/xlsx/package/applyPackagePlan";
import { readSnapshotFromPackage } from "../../src/xlsx/package/readSnapshot";
import { snapshotOfWorkbook } from "../../src/xlsx/readWorkbook";
import { generateAnnex } from "../support/annexGenerator";
import { FIXTURE_2022 } from "../support/fixtures";
import { writeXlsx } from "../support/xlsxWrite";

jest.setTimeout(120_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-same-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const norm = (f: string) => f.replace(/\s+/g, "").toUpperCase();

function cells(wb: WorkbookSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of wb.sheets)
    s.cells.forEach((row, r) =>
      row?.forEach((c, k) => {
        if (!c) return;
        // Formulas compare by text; constants by value (a formula's cached value depends on who recalculates).
        const what = c.formula !== undefined ? `=${norm(c.formula)}` : JSON.stringify(c.value);
        out.set(`${s.name}!${r + 1}:${k + 1}`, `${what} | ${(c.numFmt ?? "").replace(/\\/g, "")}`);
      }),
    );
  return out;
}

async function compare(file: string): Promise<void> {
  const bytes = fs.readFileSync(file);
  for (const job of ["fill", "add-year"] as const) {
    const model = new ExcelJS.Workbook();
    await model.xlsx.load(bytes as unknown as ArrayBuffer);
    const snapshot = snapshotOfWorkbook(model);
    const plan = job === "fill" ? planFill(snapshot) : planAddYear(snapshot);
    expect(plan.edits.length).toBeGreaterThan(0);
    applyPlanToExcelJs(model, plan);
    const viaModel = cells(snapshotOfWorkbook(model));
    const viaPackage = cells(readSnapshotFromPackage(applyPlanToPackage(bytes, plan).buffer, "x.xlsx"));
    const diff: string[] = [];
    for (const k of new Set([...viaModel.keys(), ...viaPackage.keys()]))
      if (viaModel.get(k) !== viaPackage.get(k)) diff.push(`${job} ${k}: ${viaModel.get(k)} ≠ ${viaPackage.get(k)}`);
    expect(diff.slice(0, 10)).toEqual([]);
  }
}

test("2022 annex", async () => compare(FIXTURE_2022));

test("a generated annex with its own layout", async () => {
  const g = generateAnnex({ fiches: 80, years: [2020, 2021, 2022], seed: 7 });
  const f = path.join(tmp, "g.xlsx");
  await writeXlsx(g.workbook, f);
  await compare(f);
});
