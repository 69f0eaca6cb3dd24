/** corpus10 writes its workbooks with ExcelJS (formulas with their cached results, formats, merges, hidden columns). */
import ExcelJS from "exceljs";
import { formulaText, letters, type Book } from "./grid";

export async function bookBytes(book: Book): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "corpus10";
  wb.created = new Date(Date.UTC(2025, 5, 30));
  wb.modified = wb.created;
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [c, w] of s.widths) ws.getColumn(c).width = w;
    for (const c of s.hidden) ws.getColumn(c).hidden = true;
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const x = ws.getCell(r, c);
      const v = cell.v;
      if (cell.f && cell.keep) x.value = { formula: formulaText(cell.f, s.name), result: typeof v === "number" || typeof v === "string" ? v : undefined };
      else if (v !== null && typeof v === "object" && !(v instanceof Date)) x.value = { error: v.error } as ExcelJS.CellErrorValue;
      else x.value = v;
      if (cell.fmt) x.numFmt = cell.fmt;
      if (cell.bold) x.font = { bold: true };
      if (cell.wrap) x.alignment = { wrapText: true, vertical: "middle" };
    }
    for (const m of s.merges) ws.mergeCells(`${letters(m.c1)}${m.r1}:${letters(m.c2)}${m.r2}`);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
