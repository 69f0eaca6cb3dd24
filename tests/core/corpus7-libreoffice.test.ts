/**
 * corpus7's formulas are what Excel computes: twelve annexes written without cached values, recalculated by
 * LibreOffice headless, agree with corpus7's own evaluator on every formula cell. So the product, which computes
 * uncached formulas itself, is judged against values a spreadsheet would show.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { recalc } from "../support/libreoffice";
import { a1 } from "../support/corpus7/book";
import { composeAnnex } from "../support/corpus7/compose";
import { writeBook } from "../support/corpus7/writer";

test("LibreOffice recalculates corpus7's formulas to corpus7's values (seeds 1..12)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus7-lo-"));
  const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
  const files: string[] = [];
  for (const seed of seeds) {
    const f = path.join(dir, `annex-${seed}.xlsx`);
    fs.writeFileSync(f, await writeBook(composeAnnex(seed).book, { noCache: true }));
    files.push(f);
  }
  const out = recalc(files, path.join(dir, "out"));
  const wrong: string[] = [];
  let formulas = 0;
  for (const [i, seed] of seeds.entries()) {
    const a = composeAnnex(seed);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out[i]!);
    for (const s of a.book.sheets)
      for (const [k, cell] of s.cells) {
        if (!cell.fx) continue;
        formulas++;
        const [r, c] = k.split(",").map(Number) as [number, number];
        const raw = wb.getWorksheet(s.name)!.getCell(r, c).value;
        // ExcelJS reads a cached 0 or "" as no result
        const lo = raw && typeof raw === "object" && "formula" in raw ? (raw.result ?? (cell.v === "" ? "" : 0)) : raw;
        const mine = cell.v ?? "";
        const same = typeof mine === "number" ? typeof lo === "number" && Math.abs(lo - mine) < 1e-6 : (lo ?? "") === mine;
        if (!same) wrong.push(`${seed} ${s.name}!${a1(r, c)}: LibreOffice ${JSON.stringify(lo)}, corpus7 ${JSON.stringify(mine)}`);
      }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  expect(formulas).toBeGreaterThan(1000);
  expect(wrong).toEqual([]);
}, 180000);
