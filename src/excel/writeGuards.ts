// What Excel could refuse, or do beside the plan, checked in the re-check round trip before anything is written:
// merged areas over written cells, Excel tables (ListObjects) under written cells or across an insertion point, and
// array formulas (CSE or spilled) in written cells or across an insertion point. Excel would refuse part of an array and may extend a table's
// formulas on its own: either would leave a half-written or altered workbook.
import { colToLetters, rangeA1, type Rect } from "../core/model/a1";
import type { ExpectedCell } from "../core/plan/preconditions";
import type { EditPlan } from "../core/plan/types";
import { excelText } from "../messages/excel";
import type { HostRange, HostTableScopedCollection, HostWorksheet } from "./host";
import { queueMergedAreas } from "./mergedAreas";
import { Slicer } from "./slicer";

interface Probe {
  range: HostRange;
  tables: HostTableScopedCollection;
  arrays: boolean;
}

function probe(ws: HostWorksheet, address: string, arrays: boolean): Probe {
  const range = ws.getRange(address);
  const tables = range.getTables(false).load("items/name");
  if (arrays) range.load("hasSpill,savedAsArray");
  return { range, tables, arrays };
}

const hasArray = (p: Probe) => p.arrays && (p.range.hasSpill !== false || p.range.savedAsArray !== false);

/** Runs of rows per column: a message can then name the column's cells precisely. */
function columnRuns(cells: ExpectedCell[]): Array<{ col: number; r1: number; r2: number }> {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const l = byCol.get(c.col);
    if (l) l.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const runs: Array<{ col: number; r1: number; r2: number }> = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    for (const r of rows) {
      const last = runs[runs.length - 1];
      if (last && last.col === col && r <= last.r2 + 1) last.r2 = Math.max(last.r2, r);
      else runs.push({ col, r1: r, r2: r });
    }
  }
  return runs;
}

/**
 * Queues the probes (written cells as they are before any insertion; the two columns on both sides of each insertion
 * point) and returns what to call after the sync: the French message of the first obstacle, or null.
 * `arrays`: the host answers hasSpill/savedAsArray (ExcelApi 1.12); `merges`: it lists merged areas (ExcelApi 1.13).
 */
export async function queueWriteGuards(
  plan: EditPlan,
  expected: ExpectedCell[],
  sheet: (name: string) => HostWorksheet,
  arrays: boolean,
  merges = true,
  sl = new Slicer(),
): Promise<() => string | null> {
  const written: Array<{ sheet: string; where: string; p: Probe }> = [];
  const bySheet = new Map<string, ExpectedCell[]>();
  for (const e of expected) {
    if (sl.due) await sl.next();
    if (e.role !== "written") continue;
    const l = bySheet.get(e.sheet);
    if (l) l.push(e);
    else bySheet.set(e.sheet, [e]);
  }
  // Merged areas over written cells: Excel keeps a merged area's content in its top-left cell and refuses the others.
  const merged: Array<{ sheet: string; cells: Set<string>; read: (() => Rect[]) | null }> = [];
  for (const [name, cells] of bySheet) {
    const runs = columnRuns(cells);
    for (const run of runs) {
      if (sl.due) await sl.next();
      const where = run.r1 === run.r2 ? `${colToLetters(run.col)}${run.r1}` : rangeA1({ r1: run.r1, c1: run.col, r2: run.r2, c2: run.col });
      written.push({ sheet: name, where, p: probe(sheet(name), where, arrays) });
    }
    const areas = runs.map((r) => ({ rowIndex: r.r1 - 1, columnIndex: r.col - 1, rowCount: r.r2 - r.r1 + 1, columnCount: 1 }));
    const keys = new Set<string>();
    for (const c of cells) {
      keys.add(`${c.row}:${c.col}`);
      if (sl.due) await sl.next();
    }
    merged.push({ sheet: name, cells: keys, read: merges ? queueMergedAreas(sheet(name), areas) : null });
  }
  const crossings: Array<{ sheet: string; col: string; left: Probe; right: Probe }> = [];
  // Cells shifted right in some rows only: a table reaching beyond those rows would be cut (Excel refuses).
  const shifted: Array<{ sheet: string; col: string; touching: HostTableScopedCollection; inside: HostTableScopedCollection }> = [];
  for (const e of plan.edits) {
    if (e.kind !== "insertColumns" || e.at <= 1) continue;
    const column = (c: number) => (e.rows ? `${colToLetters(c)}${e.rows[0]}:${colToLetters(c)}${e.rows[1]}` : `${colToLetters(c)}:${colToLetters(c)}`);
    crossings.push({
      sheet: e.sheet,
      col: colToLetters(e.at),
      left: probe(sheet(e.sheet), column(e.at - 1), arrays),
      right: probe(sheet(e.sheet), column(e.at), arrays),
    });
    if (e.rows) {
      const band = sheet(e.sheet).getRange(`${colToLetters(e.at)}${e.rows[0]}:XFD${e.rows[1]}`);
      shifted.push({
        sheet: e.sheet,
        col: colToLetters(e.at),
        touching: band.getTables(false).load("items/name"),
        inside: band.getTables(true).load("items/name"),
      });
    }
  }
  return () => {
    for (const m of merged) {
      for (const area of m.read?.() ?? []) {
        for (let r = area.r1; r <= area.r2; r++)
          for (let c = area.c1; c <= area.c2; c++) {
            if ((r !== area.r1 || c !== area.c1) && m.cells.has(`${r}:${c}`)) return excelText.mergeWritten(m.sheet, rangeA1(area));
          }
      }
    }
    for (const w of written) {
      const t = w.p.tables.items[0];
      if (t) return excelText.tableWritten(t.name, w.sheet, w.where);
      if (hasArray(w.p)) return excelText.arrayWritten(w.sheet, w.where);
    }
    for (const x of crossings) {
      const right = new Set(x.right.tables.items.map((t) => t.name));
      const crossed = x.left.tables.items.find((t) => right.has(t.name));
      if (crossed) return excelText.tableCrossed(crossed.name, x.sheet, x.col);
      if (hasArray(x.left) && hasArray(x.right)) return excelText.arrayCrossed(x.sheet, x.col);
    }
    for (const x of shifted) {
      const inside = new Set(x.inside.items.map((t) => t.name));
      const cut = x.touching.items.find((t) => !inside.has(t.name));
      if (cut) return excelText.tableCut(cut.name, x.sheet, x.col);
    }
    return null;
  };
}
