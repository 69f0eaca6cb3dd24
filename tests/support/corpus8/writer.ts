/**
 * Writes a corpus8 book through ExcelJS: formulas with their cached results (or without, as some tools leave them),
 * merges, widths, hidden columns and sheets, number formats, bold headers with wrapped line breaks. The report can
 * also have a copy saved again by LibreOffice, whose writer is another one again.
 */
import ExcelJS from "exceljs";
import { type Book, render } from "./book";

export async function writeBook(book: Book, opts: { noCache?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "corpus8";
  wb.created = new Date(Date.UTC(2025, 0, 15));
  wb.modified = wb.created;
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" });
    for (const [c, w] of s.widths) ws.getColumn(c).width = w;
    for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
    const keys = [...s.cells.keys()].map((k) => k.split(",").map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [r, c] of keys) {
      const cell = s.cells.get(`${r},${c}`)!;
      const x = ws.getCell(r, c);
      if (cell.fx) {
        const formula = render(cell.fx, s.name);
        const result = cell.error ? { error: cell.error } : cell.v === null ? "" : cell.v;
        x.value = (opts.noCache ? { formula } : { formula, result }) as ExcelJS.CellValue;
      } else if (cell.error) x.value = { error: cell.error } as ExcelJS.CellErrorValue;
      else if (cell.v !== null && cell.v !== "") x.value = cell.v;
      if (cell.fmt) x.numFmt = cell.fmt;
      if (cell.bold) x.font = { bold: true };
      if (typeof cell.v === "string" && cell.v.includes("\n")) x.alignment = { wrapText: true, vertical: "top" };
    }
    for (const m of s.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
