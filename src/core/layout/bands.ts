// Tables side by side on one sheet: which columns belong to the table being read, and what is left of a sheet once
// its tables are found. The recogniser reads each table from its own columns, so that a neighbour's header standing on
// other rows neither splits nor stretches it.
import type { Rect } from "../model/a1";
import { isBlankValue, type Cell, type SheetSnapshot } from "../model/snapshot";
import { classifyHeader } from "./classify";
import { parseFiche } from "./rowWords";

/** As in recognise.ts: a longer text is a note, not a header. */
const MAX_HEADER_TEXT = 250;

/** Rows withoutTables blanked whole (every cell undefined), shared by all such rows of one length. */
const BLANKED = new WeakSet<ReadonlyArray<Cell | undefined>>();

/** Whether a row is one withoutTables blanked whole: nothing to look for in it. */
export function isBlankedRow(row: ReadonlyArray<Cell | undefined>): boolean {
  return BLANKED.has(row);
}

/** The sheet with the cells and merges of the tables found blanked: what is left to search. */
export function withoutTables(sheet: SheetSnapshot, tables: Array<{ range: Rect }>): SheetSnapshot {
  // Row by row: each row copied and the tables' column spans on it blanked in one native fill (600 000 cells at 10 000
  // fiche rows: a callback per cell cost more than the search that follows).
  // A row wholly within a table is blank: one blank row of each length is shared by all of them (never changed: the
  // copy is only searched), not 10 000 arrays made to be collected.
  const blankRows = new Map<number, undefined[]>();
  const blankRow = (length: number) => {
    let b = blankRows.get(length);
    if (!b) {
      blankRows.set(length, (b = new Array<undefined>(length).fill(undefined)));
      BLANKED.add(b);
    }
    return b;
  };
  const cells: SheetSnapshot["cells"] = new Array(sheet.cells.length);
  for (let i = 0; i < sheet.cells.length; i++) {
    const row = sheet.cells[i];
    if (!row) {
      cells[i] = row;
      continue;
    }
    let out: Array<Cell | undefined> | null = null;
    for (const t of tables) {
      if (i + 1 < t.range.r1 || i + 1 > t.range.r2) continue;
      if (!out && t.range.c1 <= 1 && t.range.c2 >= row.length) {
        out = blankRow(row.length);
        break;
      }
      (out ??= row.slice()).fill(undefined, t.range.c1 - 1, t.range.c2);
    }
    // (A row beside every table is shared as it is: nothing changes the copy's rows.)
    cells[i] = out ?? row;
  }
  const merges = sheet.merges.filter((m) => !tables.some((t) => m.r1 <= t.range.r2 && m.r2 >= t.range.r1 && m.c1 <= t.range.c2 && m.c2 >= t.range.c1));
  return { ...sheet, cells, merges };
}

/**
 * Column bands of the rows r..r+3 (runs of columns with some text or merge on those rows, split by columns empty on
 * all of them) that each name a fiche number column: two tables side by side. When their fiche headers stand on
 * different rows, the headers are on different rows too: the sheet with the other bands' columns blanked (from r
 * down), so that the table of row r's headers is read from its own columns only; null when nothing is to be split.
 */
export function besideOthers(sheet: SheetSnapshot, r: number, roles: Array<{ col: number }>, minRoles: number): SheetSnapshot | null {
  const rows = [r, r + 1, r + 2, r + 3].filter((x) => x <= sheet.rowCount);
  let maxCol = 0;
  for (const x of rows) maxCol = Math.max(maxCol, sheet.cells[x - 1]?.length ?? 0);
  const used = (c: number) =>
    rows.some((x) => !isBlankValue(sheet.cells[x - 1]?.[c - 1]?.value ?? null)) ||
    sheet.merges.some((m) => m.c1 <= c && c <= m.c2 && m.r1 <= rows[rows.length - 1]! && m.r2 >= r);
  const bands: Array<{ c1: number; c2: number; ficheRow: number | null; ficheCol: number; roles: number }> = [];
  for (let c = 1; c <= maxCol; c++) {
    if (!used(c)) continue;
    const last = bands[bands.length - 1];
    if (last && last.c2 === c - 1) last.c2 = c;
    else bands.push({ c1: c, c2: c, ficheRow: null, ficheCol: 0, roles: 0 });
  }
  for (const b of bands) {
    for (const x of rows) {
      for (let c = b.c1; c <= b.c2 && b.ficheRow === null; c++) {
        const v = sheet.cells[x - 1]?.[c - 1]?.value;
        const cls = typeof v === "string" && v.length <= MAX_HEADER_TEXT ? classifyHeader("", v) : null;
        if (cls && "role" in cls && cls.role === "fiche") {
          b.ficheRow = x;
          b.ficheCol = c;
        }
      }
    }
    b.roles = roles.filter((x) => x.col >= b.c1 && x.col <= b.c2).length;
  }
  const named = bands.filter((b) => b.ficheRow !== null);
  if (named.length < 2) return null;
  // Headers on the same row but of different depths: one band's data starts on the row where the other's header goes on.
  const sameRow = new Set(named.map((b) => b.ficheRow)).size < 2;
  if (sameRow && new Set(named.map((b) => dataRightUnder(sheet, b))).size < 2) return null;
  const own = named.reduce((a, b) => (b.roles > a.roles ? b : a));
  if (own.roles < minRoles) return null;
  const others = named.filter((b) => b !== own);
  const blank = (x: number, c: number) => x >= r && others.some((b) => c >= b.c1 && c <= b.c2);
  const cells = sheet.cells.map((row, i) => row?.map((cell, j) => (blank(i + 1, j + 1) ? undefined : cell)));
  const merges = sheet.merges.filter((m) => !(m.r2 >= r && others.some((b) => m.c1 <= b.c2 && m.c2 >= b.c1)));
  return { ...sheet, cells, merges };
}

/** Whether any cell beside the tables found, on the rows they span (and a few above), holds something to search. */
export function anythingBeside(sheet: SheetSnapshot, tables: Array<{ range: Rect }>, above: number): boolean {
  for (const t of tables) {
    for (let r = Math.max(1, t.range.r1 - above); r <= t.range.r2; r++) {
      const row = sheet.cells[r - 1];
      if (!row) continue;
      for (let c = 1; c <= row.length; c++) {
        if (isBlankValue(row[c - 1]?.value ?? null)) continue;
        if (!tables.some((o) => r >= o.range.r1 && r <= o.range.r2 && c >= o.range.c1 && c <= o.range.c2)) return true;
      }
    }
  }
  return false;
}

/** Whether a band's fiche header has a fiche number or amounts right under it (its body starts there), not more header. */
function dataRightUnder(sheet: SheetSnapshot, b: { c1: number; c2: number; ficheRow: number | null; ficheCol: number }): boolean {
  const row = sheet.cells[b.ficheRow!];
  if (!row) return false;
  if (parseFiche(row[b.ficheCol - 1]?.value ?? null) !== null) return true;
  let numbers = 0;
  for (let c = b.c1; c <= b.c2; c++) if (typeof row[c - 1]?.value === "number") numbers++;
  return numbers >= 2;
}
