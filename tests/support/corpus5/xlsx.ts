import ExcelJS from "exceljs";
import { addr, colLetter, type Grid, isErr } from "./grid";

/** The cells of a one-column range « Z5:Z40 ». */
function expand(ref: string): string[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return [ref];
  const out: string[] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push(`${m[1]}${r}`);
  return out;
}

/** Writes a corpus5 workbook through ExcelJS (corpus4 writes its own package; corpus5 uses a real library's writer). */
export async function writeXlsx(g: Grid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "corpus5";
  wb.created = new Date(Date.UTC(2024, 5, 30));
  wb.modified = wb.created;
  for (const s of g.sheets) {
    const views: Partial<ExcelJS.WorksheetView>[] = s.frozen ? [{ state: "frozen", xSplit: s.frozen.col, ySplit: s.frozen.row }] : [];
    const ws = wb.addWorksheet(s.name, { views, state: s.state });
    for (const [c, w] of s.widths) ws.getColumn(c).width = w;
    for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
    for (const [c, l] of s.outlineCols) ws.getColumn(c).outlineLevel = l;
    const table = s.table;
    const inTable = (r: number, c: number) => !!table && r >= table.top && r <= table.bottom && c >= table.left && c <= table.right;
    const cellValue = (v: unknown, f: string | undefined): ExcelJS.CellValue => {
      if (f) {
        if (g.noCache) return { formula: f };
        const result = isErr(v as never) ? { error: (v as { error: string }).error } : v === null ? undefined : v;
        return { formula: f, result } as ExcelJS.CellFormulaValue;
      }
      if (isErr(v as never)) return { error: (v as { error: string }).error } as ExcelJS.CellErrorValue;
      return v as ExcelJS.CellValue;
    };
    if (table) {
      // The table's cells are written by addTable: header names and rows.
      const names: string[] = [];
      for (let c = table.left; c <= table.right; c++) names.push(String(s.cells.get(`${table.top},${c}`)?.v ?? `Colonne${c}`));
      const rows: ExcelJS.CellValue[][] = [];
      const last = table.totalsRow ? table.bottom - 1 : table.bottom;
      let hidden = false;
      for (let r = table.top + 1; r <= last; r++) if (s.hiddenRows.has(r)) hidden = true;
      const totals = (c: number): Partial<ExcelJS.TableColumnProperties> => {
        if (!table.totalsRow) return {};
        const cell = s.cells.get(`${table.bottom},${c}`);
        if (c === table.left) return { totalsRowLabel: String(cell?.v ?? "Total") };
        if (!cell?.f) return { totalsRowFunction: "none" };
        const result = g.noCache || isErr(cell.v) ? undefined : (cell.v as number);
        const whole = `SUM(${colLetter(c)}${table.top + 1}:${colLetter(c)}${table.bottom - 1})`;
        if (table.structured && !hidden && cell.f === whole)
          return { totalsRowFunction: "sum", totalsRowResult: result } as Partial<ExcelJS.TableColumnProperties>;
        return { totalsRowFunction: "custom", totalsRowFormula: cell.f, totalsRowResult: result } as Partial<ExcelJS.TableColumnProperties>;
      };
      for (let r = table.top + 1; r <= last; r++) {
        const row: ExcelJS.CellValue[] = [];
        for (let c = table.left; c <= table.right; c++) {
          const cell = s.cells.get(`${r},${c}`);
          row.push(cell ? cellValue(cell.v, cell.f) : null);
        }
        rows.push(row);
      }
      ws.addTable({
        name: table.name,
        ref: addr(table.top, table.left),
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: names.map((name, j) => ({ name, filterButton: true, ...totals(table.left + j) })),
        rows,
        totalsRow: !!table.totalsRow,
      });
      // Typed totals (no formula) are written as values in the totals row.
      if (table.totalsRow)
        for (let c = table.left + 1; c <= table.right; c++) {
          const cell = s.cells.get(`${table.bottom},${c}`);
          if (cell && !cell.f && cell.v !== null) ws.getCell(table.bottom, c).value = cellValue(cell.v, undefined);
        }
    }
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const x = ws.getCell(r, c);
      if (!inTable(r, c)) x.value = cellValue(cell.v, cell.f);
      if (cell.rich && typeof cell.v === "string" && !inTable(r, c)) {
        const i = cell.v.search(/[ \n]/);
        x.value = i > 0 ? { richText: [{ text: cell.v.slice(0, i), font: { bold: true } }, { text: cell.v.slice(i) }] } : cell.v;
      }
      if (cell.note) x.note = cell.note;
      if (cell.fmt) x.numFmt = cell.fmt;
      if (cell.bold) x.font = { bold: true };
      if (cell.wrap) x.alignment = { wrapText: true, vertical: "top" };
    }
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const m of s.merges) ws.mergeCells(m);
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
    for (const v of s.validations ?? [])
      for (const a of expand(v.ref)) ws.getCell(a).dataValidation = { type: "list", allowBlank: true, formulae: [`"${v.list}"`] };
    for (const ref of s.condFormats ?? [])
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "cellIs",
            operator: "greaterThan",
            formulae: [1],
            priority: 1,
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
          },
        ],
      });
    if (s.printTitles) ws.pageSetup.printTitlesRow = s.printTitles;
    if (s.protect) await ws.protect("", { formatColumns: true, autoFilter: true });
  }
  for (const n of g.names ?? []) wb.definedNames.add(n.ref, n.name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
