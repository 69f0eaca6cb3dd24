// One worksheet through the write: what lies around its rows (cols, merges, rules, validations, anchors, dimension)
// moved and edited as text, the parts hanging off it moved, then its rows streamed once.
import type { Edit } from "../../core/plan/types";
import type { IndexedEdits } from "./cellEdits";
import { rowFormulaMover, type FormulaMover } from "./formulaMover";
import { addMerge } from "./mergeCells";
import type { SheetRef } from "./parts";
import { planShared, type SharedPlan } from "./sharedFormulas";
import { insertIntoCols, setWidth, withCols } from "./sheetCols";
import { shiftSheetAnchors, shiftSheetExtras } from "./sheetExtras";
import { frameOf, type SheetFrame } from "./sheetScan";
import { streamRows } from "./sheetStream";
import { colLetters, mapCell, parseArea, type Rect } from "./shiftRefs";
import type { StyleRequests } from "./styleRequests";
import { shiftSheetLinkedParts } from "./workbookRefs";
import type { WriteContext } from "./writeContext";
import { getAttr, setAttr } from "./xml";

export interface SheetWrite {
  edits: IndexedEdits;
  styles: StyleRequests;
  hasSst: boolean;
  move: FormulaMover | null;
}

export interface SheetResult {
  /** The sheet's new text in pieces, joined by the caller once styles are known (null: unchanged). */
  pieces: string[] | null;
  formulasMoved: boolean;
  formulasWritten: boolean;
}

export function writeSheet(ctx: WriteContext, s: SheetRef, w: SheetWrite): SheetResult {
  const xml = ctx.pkg.text(s.part) ?? "";
  const frame = frameOf(xml);
  const mine = ctx.inserts.filter((e) => e.sheet.toLowerCase() === s.name.toLowerCase());
  let { head, tail } = frame;
  if (w.move) {
    const move = w.move;
    head = shiftSheetExtras(head, s.name, ctx.ins, move);
    tail = shiftSheetExtras(tail, s.name, ctx.ins, move);
  }
  if (mine.length) {
    tail = shiftSheetAnchors(tail, ctx.ins, s.name);
    for (const e of mine) if (!e.rows) head = withCols(head, (cols) => insertIntoCols(cols, e), false);
    shiftSheetLinkedParts(ctx.pkg, s, ctx.ins);
  }
  const framed = applyFrameEdits(ctx.plan.edits, s, head, tail);
  head = updateDimension(framed.head, extentOf(w.edits, s, framed.merged));
  tail = framed.tail;
  const sheetMove = w.move;
  const rows = streamRows(xml, frame, {
    sheet: s.name,
    inserts: mine,
    ins: ctx.ins,
    move: sheetMove ? rowFormulaMover((f) => sheetMove(s.name, f), ctx.ins.every((i) => !i.rows)) : null,
    shared: sharedPlanOf(xml, frame, ctx, s, w),
    edits: w.edits.bySheet.get(s.part) ?? null,
    all: w.edits,
    styles: w.styles,
    hasSst: w.hasSst,
  });
  const same = !rows.parts && head === frame.head && tail === frame.tail;
  const pieces = same ? null : [head, ...(rows.parts ?? [xml.slice(frame.start, frame.end)]), tail];
  return { pieces, formulasMoved: rows.formulasMoved, formulasWritten: rows.formulasWritten };
}

function sharedPlanOf(xml: string, frame: SheetFrame, ctx: WriteContext, s: SheetRef, w: SheetWrite): SharedPlan | null {
  const edits = w.edits.bySheet.get(s.part);
  const move = w.move;
  return planShared(xml, frame, {
    sheet: s.name,
    ins: ctx.ins,
    move: move ? (f) => move(s.name, f) : null,
    finalCol: (row, col) => mapCell(ctx.ins, s.name, row, col),
    overwritten: edits
      ? (row, col) => (edits.byRow.get(row) ?? []).some((i) => {
          const e = w.edits.all[i]!;
          return e.kind !== "setNumberFormat" && "col" in e && e.col === col;
        })
      : null,
  });
}

/** The plan's merges and column widths on this sheet, in plan order. */
function applyFrameEdits(edits: readonly Edit[], s: SheetRef, head: string, tail: string): { head: string; tail: string; merged: Rect | null } {
  let merged: Rect | null = null;
  for (const e of edits) {
    if ((e.kind !== "merge" && e.kind !== "setColumnWidth") || e.sheet.toLowerCase() !== s.name.toLowerCase()) continue;
    if (e.kind === "merge") {
      tail = addMerge(tail, `${colLetters(e.c1)}${e.r1}:${colLetters(e.c2)}${e.r2}`);
      merged = grow(merged, e.r2, e.c2);
    } else head = withCols(head, (cols) => setWidth(cols, e.col, e.width), true);
  }
  return { head, tail, merged };
}

function grow(r: Rect | null, row: number, col: number): Rect {
  if (!r) return { r1: row, c1: col, r2: row, c2: col };
  return { r1: Math.min(r.r1, row), c1: Math.min(r.c1, col), r2: Math.max(r.r2, row), c2: Math.max(r.c2, col) };
}

/** The rectangle the plan's cells (and merges) reach on this sheet. */
function extentOf(edits: IndexedEdits, s: SheetRef, merged: Rect | null): Rect | null {
  const sheet = edits.bySheet.get(s.part);
  if (!sheet || !sheet.rows.length) return merged;
  let c1 = Infinity;
  let c2 = -Infinity;
  for (const list of sheet.byRow.values())
    for (const i of list) {
      const col = (edits.all[i] as { col: number }).col;
      if (col < c1) c1 = col;
      if (col > c2) c2 = col;
    }
  const cells = { r1: sheet.rows[0]!, c1, r2: sheet.rows[sheet.rows.length - 1]!, c2 };
  return merged ? { r1: Math.min(merged.r1, cells.r1), c1: Math.min(merged.c1, c1), r2: Math.max(merged.r2, cells.r2), c2: Math.max(merged.c2, c2) } : cells;
}

/** The dimension ref grown to hold every cell written. */
function updateDimension(head: string, ext: Rect | null): string {
  if (!ext) return head;
  return head.replace(/<dimension\b[^>]*>/, (tag) => {
    const r = parseArea(getAttr(tag, "ref") ?? "");
    if (!r) return tag;
    const u = { r1: Math.min(r.r1, ext.r1), c1: Math.min(r.c1, ext.c1), r2: Math.max(r.r2, ext.r2), c2: Math.max(r.c2, ext.c2) };
    if (u.r1 === r.r1 && u.c1 === r.c1 && u.r2 === r.r2 && u.c2 === r.c2) return tag;
    return setAttr(tag, "ref", `${colLetters(u.c1)}${u.r1}:${colLetters(u.c2)}${u.r2}`);
  });
}
