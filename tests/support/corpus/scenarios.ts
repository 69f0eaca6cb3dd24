// Scenarios for the mapping round trip (issue #10 item 4), shared by the CLI and pane tests.
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { lettersToCol } from "../../../src/core/model/a1";
import { generateCorpusAnnex, type CorpusAnnex } from "./generate";

/** A baseline annex (read right today) whose budget column gets a header no reader knows. */
export function annexWithOddBudgetHeader(): { a: CorpusAnnex; budget: string; header: string } {
  for (let s = 1; ; s++) {
    const a = generateCorpusAnnex(s);
    if (!a.variety.includes("house-words") || a.variety.includes("detail:sub-totals") || a.variety.includes("multirow-fiche")) continue;
    const t = a.truth.detail;
    const sheet = a.workbook.sheets.find((x) => x.name === t.sheet)!;
    const budget = t.columns.budget!;
    const header = "Enveloppe pluriannuelle";
    sheet.cells[t.headerRows[0]! - 1]![lettersToCol(budget) - 1] = { value: header, font: { bold: true } };
    return { a, budget, header };
  }
}

/** Inserts an empty column before `col` on one sheet, as Excel's "Insérer une colonne" moves cells (values only). */
export function insertColumn(wb: WorkbookSnapshot, sheetName: string, col: number): void {
  const s: SheetSnapshot = wb.sheets.find((x) => x.name === sheetName)!;
  s.cells = s.cells.map((r) => (r ? [...r.slice(0, col - 1), undefined, ...r.slice(col - 1)] : r));
  s.merges = s.merges.map((m) => ({ ...m, c1: m.c1 >= col ? m.c1 + 1 : m.c1, c2: m.c2 >= col ? m.c2 + 1 : m.c2 }));
  s.colWidths = [...s.colWidths.slice(0, col - 1), 12, ...s.colWidths.slice(col - 1)];
  s.hiddenCols = new Set([...s.hiddenCols].map((c) => (c >= col ? c + 1 : c)));
  s.colCount++;
  // Formulas are dropped: the file keeps the values Excel showed, which is what the checker reads.
  for (const r of s.cells) r?.forEach((c) => c && delete c.formula);
}
