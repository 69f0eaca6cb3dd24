// Cells grouped into rectangles (one range request each) and rectangles grouped into round trips under a payload
// budget. Linear: each list is built with push, never copied to append.
import { drive, runAll, type Slicer } from "./slicer";

export interface At {
  row: number;
  col: number;
}
export interface Block<T extends At> {
  row: number;
  col: number;
  rows: number;
  cols: number;
  cells: Array<Array<T | null>>;
}

/** Per round trip, under Excel on the web's 5 MB for a request and for a response. */
export const PAYLOAD_BUDGET = 4_000_000;

/**
 * Rectangles of contiguous cells: runs of rows per column, joined with neighbouring columns that share the run;
 * a position inside a rectangle that is not in the list gets null (left alone by a write).
 */
export function blocksOf<T extends At>(cells: T[]): Array<Block<T>> {
  return runAll(blockSteps(cells));
}

/** The same, giving the thread back when a slice of time is spent (tens of thousands of cells in the pane). */
export function blocksOfSliced<T extends At>(cells: T[], sl: Slicer): Promise<Array<Block<T>>> {
  return drive(blockSteps(cells), sl);
}

/** Items between two safe points of the loops below. */
const STEP = 512;

function* blockSteps<T extends At>(cells: T[]): Generator<void, Array<Block<T>>> {
  let n = 0;
  const byCol = new Map<number, T[]>();
  for (const w of cells) {
    const list = byCol.get(w.col);
    if (list) list.push(w);
    else byCol.set(w.col, [w]);
    if (++n % STEP === 0) yield;
  }
  const runs: Array<{ col: number; r1: number; r2: number; cells: Map<number, T> }> = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const sorted = byCol.get(col)!.sort((a, b) => a.row - b.row);
    yield;
    let cur: (typeof runs)[number] | null = null;
    for (const w of sorted) {
      if (++n % STEP === 0) yield;
      if (cur && w.row === cur.r2) continue;
      if (cur && w.row === cur.r2 + 1) {
        cur.r2 = w.row;
        cur.cells.set(w.row, w);
      } else {
        cur = { col, r1: w.row, r2: w.row, cells: new Map([[w.row, w]]) };
        runs.push(cur);
      }
    }
  }
  const blocks: Array<Block<T>> = [];
  // Index of the open block by its row span and right edge, so joining a run is a lookup, not a scan.
  const open = new Map<string, Block<T>>();
  for (const run of runs) {
    if (++n % STEP === 0) yield;
    const k = `${run.r1}:${run.r2}:${run.col}`;
    const last = open.get(k);
    if (last) {
      open.delete(k);
      last.cols++;
      last.cells.forEach((line, i) => line.push(run.cells.get(run.r1 + i) ?? null));
      open.set(`${run.r1}:${run.r2}:${run.col + 1}`, last);
      continue;
    }
    const b: Block<T> = {
      row: run.r1,
      col: run.col,
      rows: run.r2 - run.r1 + 1,
      cols: 1,
      cells: Array.from({ length: run.r2 - run.r1 + 1 }, (_, i) => [run.cells.get(run.r1 + i) ?? null]),
    };
    blocks.push(b);
    open.set(`${run.r1}:${run.r2}:${run.col + 1}`, b);
  }
  return blocks;
}

/** Items grouped in order so that each group's estimated bytes stay under the budget (an oversized item alone). */
export function byBudget<T>(items: T[], bytes: (t: T) => number, budget = PAYLOAD_BUDGET): T[][] {
  const groups: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const it of items) {
    const b = bytes(it);
    if (cur.length && size + b > budget) {
      groups.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(it);
    size += b;
  }
  if (cur.length) groups.push(cur);
  return groups;
}
