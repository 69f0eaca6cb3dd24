// Applies a core edit plan through Office.js in one round trip, and stores how to undo it in the document.
import { colToLetters } from "../core/model/a1";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { Edit, EditPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";
import type { HostContext, HostWorksheet } from "./host";
import { charsToPoints } from "./readSnapshot";
import { buildUndoRecord, storeUndoRecord, type UndoRecord } from "./undo";

type CellWrite = { row: number; col: number; formula?: string; numFmt?: string };

/** Text written as a value must stay text: Excel would take "=…", "+…" or "@…" for a formula. */
export function literal(v: string): string {
  return /^[=+@]/.test(v) ? `'${v}` : v;
}

function cellInput(e: Extract<Edit, { kind: "setFormula" | "setValue" }>): string | number | boolean {
  if (e.kind === "setFormula") return `=${e.formula}`;
  const v = e.value;
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return typeof v === "string" ? literal(v) : v;
}

/**
 * Rectangles of contiguous writes: runs of rows per column, joined with neighbouring columns that share the run;
 * a cell inside a rectangle that the plan does not write gets null (left alone).
 */
export function blocksOf(writes: CellWrite[]): Array<{ row: number; col: number; rows: number; cols: number; cells: Array<Array<CellWrite | null>> }> {
  const byCol = new Map<number, CellWrite[]>();
  for (const w of writes) byCol.set(w.col, [...(byCol.get(w.col) ?? []), w]);
  const runs: Array<{ col: number; r1: number; r2: number; cells: Map<number, CellWrite> }> = [];
  for (const [col, list] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    const sorted = list.sort((a, b) => a.row - b.row);
    let cur: (typeof runs)[number] | null = null;
    for (const w of sorted) {
      if (cur && w.row === cur.r2 + 1) {
        cur.r2 = w.row;
        cur.cells.set(w.row, w);
      } else {
        cur = { col, r1: w.row, r2: w.row, cells: new Map([[w.row, w]]) };
        runs.push(cur);
      }
    }
  }
  const blocks: ReturnType<typeof blocksOf> = [];
  for (const run of runs) {
    const last = blocks[blocks.length - 1];
    if (last && last.row === run.r1 && last.rows === run.r2 - run.r1 + 1 && last.col + last.cols === run.col) {
      last.cols++;
      last.cells.forEach((line, i) => line.push(run.cells.get(run.r1 + i) ?? null));
      continue;
    }
    blocks.push({
      row: run.r1, col: run.col, rows: run.r2 - run.r1 + 1, cols: 1,
      cells: Array.from({ length: run.r2 - run.r1 + 1 }, (_, i) => [run.cells.get(run.r1 + i) ?? null]),
    });
  }
  return blocks;
}

function queueEdits(ctx: HostContext, plan: EditPlan): void {
  const sheets = new Map<string, HostWorksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  const writes = new Map<string, Map<string, CellWrite & { input?: string | number | boolean }>>();
  const flushWrites = () => {
    for (const [name, cells] of writes) {
      const ws = sheet(name);
      const list = [...cells.values()];
      for (const b of blocksOf(list.filter((c) => c.formula !== undefined))) {
        const range = ws.getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols);
        range.formulas = b.cells.map((line) => line.map((c) => (c ? (c as CellWrite & { input: string | number | boolean }).input : null)));
      }
      for (const b of blocksOf(list.filter((c) => c.numFmt !== undefined))) {
        const range = ws.getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols);
        range.numberFormat = b.cells.map((line) => line.map((c) => (c ? c.numFmt! : null)));
      }
    }
    writes.clear();
  };
  const write = (sheetName: string, row: number, col: number, patch: Partial<CellWrite & { input: string | number | boolean }>) => {
    let m = writes.get(sheetName);
    if (!m) writes.set(sheetName, (m = new Map()));
    const key = `${row}:${col}`;
    m.set(key, { ...(m.get(key) ?? { row, col }), ...patch });
  };
  for (const e of plan.edits) {
    switch (e.kind) {
      case "insertColumns": {
        // Insertions move cells: writes queued before them are flushed first so that their coordinates hold.
        flushWrites();
        const ws = sheet(e.sheet);
        const L1 = colToLetters(e.at);
        const L2 = colToLetters(e.at + e.count - 1);
        const P = colToLetters(e.copyFormatFrom);
        const address = e.rows ? `${L1}${e.rows[0]}:${L2}${e.rows[1]}` : `${L1}:${L2}`;
        ws.getRange(address).insert("Right");
        ws.getRange(address).copyFrom(e.rows ? `${P}${e.rows[0]}:${P}${e.rows[1]}` : `${P}:${P}`, "Formats");
        break;
      }
      case "setFormula":
      case "setValue":
        write(e.sheet, e.row, e.col, { formula: "", input: cellInput(e), ...(e.numFmt ? { numFmt: e.numFmt } : {}) });
        break;
      case "setNumberFormat":
        write(e.sheet, e.row, e.col, { numFmt: e.numFmt });
        break;
      case "merge":
        flushWrites();
        sheet(e.sheet).getRange(`${colToLetters(e.c1)}${e.r1}:${colToLetters(e.c2)}${e.r2}`).merge(false);
        break;
      case "setColumnWidth":
        sheet(e.sheet).getRange(`${colToLetters(e.col)}:${colToLetters(e.col)}`).format.columnWidth = charsToPoints(e.width);
        break;
    }
  }
  flushWrites();
}

/** One round trip: the plan, then the record that undoes it (kept in the workbook, so it survives closing the pane). */
export async function applyPlan(ctx: HostContext, plan: EditPlan, before: WorkbookSnapshot): Promise<{ record: UndoRecord; partId: string }> {
  // Nothing is sent unless the whole plan fits the workbook as it was read.
  validatePlan(before, plan);
  const record = buildUndoRecord(plan, before);
  // First in the batch: every sheet the plan writes must still exist, so that a sheet deleted meanwhile fails
  // the batch before any write (Excel stops a batch at its first failing command).
  for (const name of new Set(plan.edits.map((e) => e.sheet))) ctx.workbook.worksheets.getItem(name).load("name");
  queueEdits(ctx, plan);
  const part = storeUndoRecord(ctx, record);
  await ctx.sync();
  return { record, partId: part.id };
}

export { queueEdits };
