// Applies a core edit plan through Office.js, all or nothing, never from a stale snapshot:
//  1. one round trip re-reads what the plan relies on (prior content of every written cell, row and column anchors,
//     sheet protection) and what Excel could refuse (merged areas, tables, array formulas: writeGuards.ts), and
//     refuses, naming what changed or stands in the way, before anything is written;
//  2. structure (insertions, merges, widths) in one round trip, then cell writes in round trips under the payload
//     budget, the undo record with the last one;
//  3. if Excel refuses in mid-way, what was applied is undone in one more round trip and the message says so.
import { colToLetters, rangeA1, type Rect } from "../core/model/a1";

import type { WorkbookSnapshot } from "../core/model/snapshot";
import { renderNumber } from "../core/format/numfmt";
import { cellName, insertionsOf, originalCol, preconditionsOf, stillHolds, type ExpectedCell, type Insertion } from "../core/plan/preconditions";
import type { Edit, EditPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";
import { excelText } from "../messages/excel";
import { formatPercent } from "../messages/format";
import { blocksOf, blocksOfSliced, byBudget } from "./blocks";
import { AdapterError } from "./errors";
import type { HostContext, HostRange, HostWorksheet } from "./host";
import { queueMergedAreas, type Area } from "./mergedAreas";
import { charsToPoints } from "./readSnapshot";
import { queueWriteGuards } from "./writeGuards";
import { drive, runAll, Slicer } from "./slicer";
import { cellKey, hashInput, inputOf, recordNamespace, textInput, type UndoCell, type UndoRecord, undoXmlPartSteps } from "./undo";

/** Text written as a value must stay text (see textInput: formulas, numbers, logicals, errors). */
export function literal(v: string): string {
  return textInput(v);
}

function cellInput(e: Extract<Edit, { kind: "setFormula" | "setValue" }>): string | number | boolean {
  if (e.kind === "setFormula") return `=${e.formula}`;
  const v = e.value;
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return typeof v === "string" ? literal(v) : v;
}

/** Items between two safe points of a long loop (see slicer.ts). */
const STEP = 512;

type Write = { sheet: string; row: number; col: number; input?: string | number | boolean; numFmt?: string };

/** The plan's cell writes, merged per cell (a later edit of the same cell wins), in final coordinates. */
function* writesOf(plan: EditPlan): Generator<void, Write[]> {
  // Per sheet, a number per cell: no string per edit (190 000 edits at 10 000 rows).
  const bySheet = new Map<string, Map<number, Write>>();
  const out: Write[] = [];
  let n = 0;
  for (const e of plan.edits) {
    if (++n % STEP === 0) yield;
    if (e.kind !== "setFormula" && e.kind !== "setValue" && e.kind !== "setNumberFormat") continue;
    let byKey = bySheet.get(e.sheet);
    if (!byKey) bySheet.set(e.sheet, (byKey = new Map()));
    const k = cellKey(e.row, e.col);
    let w = byKey.get(k);
    if (!w) {
      byKey.set(k, (w = { sheet: e.sheet, row: e.row, col: e.col }));
      out.push(w);
    }
    if (e.kind === "setNumberFormat") w.numFmt = e.numFmt;
    else {
      w.input = cellInput(e);
      if (e.numFmt) w.numFmt = e.numFmt;
    }
  }
  return out;
}

/** What a live cell holds, in French, for a message. */
export function describeLive(formula: unknown, numFmt: unknown): string {
  if (formula === "" || formula === null || formula === undefined) return excelText.emptyNow;
  if (typeof formula === "string" && formula.startsWith("=")) return excelText.formulaNow(formula);
  if (typeof formula === "number")
    return typeof numFmt === "string" && numFmt.includes("%")
      ? formatPercent(formula)
      : renderNumber(formula, typeof numFmt === "string" ? numFmt : "General").text;
  return excelText.formulaShown(String(formula));
}

const describeExpected = (e: ExpectedCell) => e.formula ?? (e.value === null ? "" : typeof e.value === "object" ? e.value.error : String(e.value));

function sheetsOf(ctx: HostContext): (name: string) => HostWorksheet {
  const cache = new Map<string, HostWorksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) cache.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
    return ws;
  };
}

/** Reads cells (formulas and formats) grouped in rectangles; one round trip per payload budget, usually one. */
export async function readCells<T extends { sheet: string; row: number; col: number }>(
  ctx: HostContext,
  cells: T[],
  extra?: () => void,
  sl = new Slicer(),
): Promise<Map<T, { formula: unknown; numFmt: unknown }>> {
  const bySheet = new Map<string, T[]>();
  for (const c of cells) {
    const l = bySheet.get(c.sheet);
    if (l) l.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  const reads: Array<{ sheet: string; block: ReturnType<typeof blocksOf<T>>[number]; range?: HostRange }> = [];
  for (const [sheet, list] of bySheet) for (const block of await blocksOfSliced(list, sl)) reads.push({ sheet, block });
  const out = new Map<T, { formula: unknown; numFmt: unknown }>();
  const sheet = sheetsOf(ctx);
  const groups = byBudget(reads, (r) => r.block.rows * r.block.cols * 120);
  if (!groups.length) groups.push([]);
  for (let g = 0; g < groups.length; g++) {
    for (const r of groups[g]!) {
      r.range = sheet(r.sheet).getRangeByIndexes(r.block.row - 1, r.block.col - 1, r.block.rows, r.block.cols);
      r.range.load("formulas,numberFormat");
    }
    if (g === 0) extra?.();
    await ctx.sync();
    for (const r of groups[g]!) {
      const { formulas, numberFormat } = r.range!;
      for (let i = 0; i < r.block.cells.length; i++) {
        const line = r.block.cells[i]!;
        for (let j = 0; j < line.length; j++) {
          const c = line[j];
          if (c) out.set(c, { formula: formulas[i]![j], numFmt: numberFormat[i]![j] });
        }
        if (sl.due) await sl.next();
      }
    }
  }
  return out;
}

/** Merged areas an insertion would cut or whose formats it would copy in part: unmerged before, merged again after. */
function mergesAround(
  merges: Array<{ r1: number; c1: number; r2: number; c2: number }>,
  ins: { at: number; rows: [number, number] | null; copyFormatFrom: number },
) {
  return merges.filter(
    (m) =>
      m.c1 < m.c2 &&
      (!ins.rows || (m.r1 <= ins.rows[1] && m.r2 >= ins.rows[0])) &&
      ((m.c1 < ins.at && m.c2 >= ins.at) || (m.c1 <= ins.copyFormatFrom && m.c2 >= ins.copyFormatFrom)),
  );
}

/** Columns past the sheet's last used one where a merged area cut by a row-limited insertion is still looked for. */
const MERGE_MARGIN_COLS = 64;

/** A merged area Excel would refuse to cut: cells shifted right in some rows only, the area reaching beyond them. */
function mergeCut(plan: EditPlan, live: Map<string, Rect[]>): { sheet: string; area: Rect; col: number } | null {
  for (const e of plan.edits) {
    if (e.kind !== "insertColumns" || !e.rows) continue;
    const [r1, r2] = e.rows;
    const cut = (live.get(e.sheet) ?? []).find((m) => m.c2 >= e.at && m.r1 <= r2 && m.r2 >= r1 && (m.r1 < r1 || m.r2 > r2));
    if (cut) return { sheet: e.sheet, area: cut, col: e.at };
  }
  return null;
}

/** Queues the reads of the merged areas an insertion could cut: the columns on both sides of each insertion point and
 * the column whose formats it copies, over the rows it shifts (the sheet's rows as read for a whole-column insertion). */
function mergeReadsAround(plan: EditPlan, before: WorkbookSnapshot, sheet: (n: string) => HostWorksheet): Array<{ name: string; read: (() => Rect[]) | null }> {
  const areas = new Map<string, Area[]>();
  for (const e of plan.edits) {
    if (e.kind !== "insertColumns") continue;
    const s = before.sheets.find((x) => x.name === e.sheet);
    if (!s) continue;
    const [r1, r2] = e.rows ?? [1, Math.max(1, s.rowCount)];
    let list = areas.get(e.sheet);
    if (!list) areas.set(e.sheet, (list = []));
    for (const c of new Set([Math.max(1, e.at - 1), e.at, e.copyFormatFrom]))
      list.push({ rowIndex: r1 - 1, columnIndex: c - 1, rowCount: r2 - r1 + 1, columnCount: 1 });
    // Cells shifted right in some rows only: a merged area across the first or last of them would be cut.
    if (e.rows) {
      const width = Math.max(s.colCount, e.at) + MERGE_MARGIN_COLS - e.at + 1;
      for (const r of new Set(e.rows)) list.push({ rowIndex: r - 1, columnIndex: e.at - 1, rowCount: 1, columnCount: width });
    }
  }
  return [...areas].map(([name, list]) => ({ name, read: queueMergedAreas(sheet(name), list) }));
}

/** Queues the structure; returns the merged areas it takes apart, as they were before (to merge again if refused). */
function queueStructure(ctx: HostContext, plan: EditPlan, before: WorkbookSnapshot, sheet: (n: string) => HostWorksheet): Array<{ sheet: string; area: Rect }> {
  // Merged areas as the adapter tracks them through the insertions (Excel would refuse to cut or half-copy one).
  const merges = new Map(before.sheets.map((s) => [s.name, s.merges.map((m) => ({ ...m }))]));
  const original = new Map<Rect, Rect>();
  for (const list of merges.values()) for (const m of list) original.set(m, { ...m });
  const unmerged: Array<{ sheet: string; area: Rect }> = [];
  for (const e of plan.edits) {
    if (e.kind === "insertColumns") {
      const ws = sheet(e.sheet);
      const list = merges.get(e.sheet) ?? [];
      const around = mergesAround(list, e);
      for (const m of around) {
        ws.getRange(rangeA1(m)).unmerge();
        unmerged.push({ sheet: e.sheet, area: original.get(m)! });
      }
      const L1 = colToLetters(e.at);
      const L2 = colToLetters(e.at + e.count - 1);
      const P = colToLetters(e.copyFormatFrom);
      const address = e.rows ? `${L1}${e.rows[0]}:${L2}${e.rows[1]}` : `${L1}:${L2}`;
      ws.getRange(address).insert("Right");
      ws.getRange(address).copyFrom(e.rows ? `${P}${e.rows[0]}:${P}${e.rows[1]}` : `${P}:${P}`, "Formats");
      // Every tracked merge moves as Excel moves it; the ones taken apart are merged again, widened if cut.
      for (const m of list) {
        const inRows = !e.rows || (m.r1 >= e.rows[0] && m.r2 <= e.rows[1]);
        if (!inRows) continue;
        if (m.c1 >= e.at) m.c1 += e.count;
        if (m.c2 >= e.at) m.c2 += e.count;
      }
      for (const m of around) ws.getRange(rangeA1(m)).merge(false);
    } else if (e.kind === "merge") {
      sheet(e.sheet)
        .getRange(`${colToLetters(e.c1)}${e.r1}:${colToLetters(e.c2)}${e.r2}`)
        .merge(false);
    } else if (e.kind === "setColumnWidth") {
      sheet(e.sheet).getRange(`${colToLetters(e.col)}:${colToLetters(e.col)}`).format.columnWidth = charsToPoints(e.width);
    }
  }
  return unmerged;
}

/** Cell writes as rectangles, in round trips under the budget (request bytes measured from the data sent). */
async function writeGroups(
  writes: Write[],
  sl: Slicer,
): Promise<Array<Array<{ sheet: string; block: ReturnType<typeof blocksOf<Write>>[number]; kind: "input" | "numFmt"; bytes: number }>>> {
  const bySheet = new Map<string, Write[]>();
  for (const w of writes) {
    const l = bySheet.get(w.sheet);
    if (l) l.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  const items: Array<{ sheet: string; block: ReturnType<typeof blocksOf<Write>>[number]; kind: "input" | "numFmt"; bytes: number }> = [];
  for (const [sheet, list] of bySheet) {
    const inputs: Write[] = [];
    const formats: Write[] = [];
    for (const w of list) {
      if (w.input !== undefined) inputs.push(w);
      if (w.numFmt !== undefined) formats.push(w);
    }
    for (const block of await blocksOfSliced(inputs, sl)) {
      items.push({
        sheet,
        block,
        kind: "input",
        bytes: 120 + block.cells.reduce((a, l) => a + l.reduce((b, c) => b + 6 + (c ? JSON.stringify(c.input).length : 0), 0), 0),
      });
      if (sl.due) await sl.next();
    }
    for (const block of await blocksOfSliced(formats, sl)) {
      items.push({
        sheet,
        block,
        kind: "numFmt",
        bytes: 120 + block.cells.reduce((a, l) => a + l.reduce((b, c) => b + 6 + (c ? c.numFmt!.length + 2 : 0), 0), 0),
      });
      if (sl.due) await sl.next();
    }
  }
  return byBudget(items, (i) => i.bytes);
}

export interface ApplyResult {
  record: UndoRecord;
  syncs: number;
}

export interface ApplyOptions {
  /** The host answers hasSpill/savedAsArray (ExcelApi 1.12): array formulas are checked before writing. */
  arrays?: boolean;
  /** false: this Excel cannot read merged areas (ExcelApi < 1.13), none are read (the call would fail). */
  merges?: boolean;
  /** What prepareApply gave for this plan and snapshot, made elsewhere (the pane's worker): not made again here. */
  prepared?: PreparedApply;
  /** How long loops give the thread back (tests: a slicer that yields at every safe point). */
  slicer?: Slicer;
}

/** What an apply derives from the plan and the snapshot alone, before any round trip: the plan checked, and the cells
 * it relies on. Plain data: the pane's worker makes it (at 10 000 rows it would hold the pane's thread for long). */
export interface PreparedApply {
  expected: ExpectedCell[];
}

export function prepareApply(plan: EditPlan, before: WorkbookSnapshot): PreparedApply {
  validatePlanLive(before, plan);
  return { expected: preconditionsOf(plan, before).cells };
}

export async function applyPlan(
  ctx: HostContext,
  plan: EditPlan,
  before: WorkbookSnapshot,
  now = new Date(),
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const sl = options.slicer ?? new Slicer();
  const pre = { cells: (options.prepared ?? prepareApply(plan, before)).expected };
  const sheet = sheetsOf(ctx);
  const names = [...new Set(plan.edits.map((e) => e.sheet))];
  let syncs = 0;
  // Round trip 1: the sheets (still there, protection now) and every cell the plan relies on, as it is now.
  const probes = names.map((n) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(n);
    ws.load("isNullObject");
    ws.protection.load("protected");
    return { name: n, ws };
  });
  const oldParts = ctx.workbook.customXmlParts.getByNamespace(recordNamespace(plan.kind));
  oldParts.load("items/id");
  // Merged areas where columns go in, as they are now (the snapshot may not carry them: ExcelApi < 1.13 reads none):
  // those across an insertion point or over the column whose formats are copied, read in parts within Excel's limit.
  const present = names.every((n) => before.sheets.some((s) => s.name === n));
  const merges = options.merges !== false;
  const mergeReads = present && merges ? mergeReadsAround(plan, before, sheet) : [];
  // Tables and array formulas in the way: Excel would refuse part of an array, or extend a table on its own.
  const obstacle = present ? await queueWriteGuards(plan, pre.cells, sheet, options.arrays ?? true, merges, sl) : () => null;
  const live = await readCells(ctx, present ? pre.cells : [], () => undefined, sl);
  syncs++;
  for (const p of probes) if (p.ws.isNullObject) throw new AdapterError(excelText.sheetMissing(p.name), "ItemNotFound");
  for (const p of probes) if (p.ws.protection.protected) throw new AdapterError(excelText.sheetProtected(p.name), "AccessDenied");
  const changed: string[] = [];
  let more = 0;
  for (const e of pre.cells) {
    if (sl.due) await sl.next();
    const l = live.get(e)!;
    if (stillHolds(e, l)) continue;
    if (changed.length >= 3) {
      more++;
      continue;
    }
    const where = cellName(e);
    if (e.role === "written") {
      const contentSame = stillHolds({ ...e, role: "row-anchor" }, l);
      changed.push(excelText.cellNow(e.sheet, where, contentSame ? excelText.formatNow(String(l.numFmt)) : describeLive(l.formula, l.numFmt)));
    } else changed.push(excelText.anchorMoved(e.sheet, where, describeExpected(e), describeLive(l.formula, l.numFmt)));
  }
  if (changed.length) throw new AdapterError(excelText.changedSince(changed, more), "ChangedSinceRead");
  const blocked = obstacle();
  if (blocked) throw new AdapterError(blocked, "WouldBeRefused");

  const liveMerges = new Map<string, Rect[]>();
  for (const { name, read } of mergeReads) {
    if (!read) continue;
    liveMerges.set(name, read());
  }
  const cut = mergeCut(plan, liveMerges);
  if (cut) throw new AdapterError(excelText.mergeCut(cut.sheet, rangeA1(cut.area), colToLetters(cut.col)), "WouldBeRefused");
  const structureBefore: WorkbookSnapshot = {
    ...before,
    sheets: before.sheets.map((s) => (liveMerges.has(s.name) ? { ...s, merges: liveMerges.get(s.name)! } : s)),
  };
  const writes = await drive(writesOf(plan), sl);
  const record = await drive(undoRecordSteps(plan, pre.cells, before, now, writes), sl);
  const recordParts = await drive(undoXmlPartSteps(record), sl);
  const groups = await writeGroups(writes, sl);
  const hasStructure = plan.edits.some((e) => e.kind === "insertColumns" || e.kind === "merge" || e.kind === "setColumnWidth");
  let structureDone = false;
  let unmerged: Array<{ sheet: string; area: Rect }> = [];
  let written = 0;
  try {
    if (hasStructure) {
      unmerged = queueStructure(ctx, plan, structureBefore, sheet);
      await ctx.sync();
      syncs++;
    }
    structureDone = true;
    for (let g = 0; g < Math.max(1, groups.length); g++) {
      for (const item of groups[g] ?? []) {
        const range = sheet(item.sheet).getRangeByIndexes(item.block.row - 1, item.block.col - 1, item.block.rows, item.block.cols);
        if (item.kind === "input") range.formulas = item.block.cells.map((line) => line.map((c) => (c ? c.input! : null)));
        else range.numberFormat = item.block.cells.map((line) => line.map((c) => (c ? c.numFmt! : null)));
        if (sl.due) await sl.next();
      }
      // A one-part record goes with the last writes; a large one in round trips of its own after them.
      if (g >= Math.max(1, groups.length) - 1 && recordParts.length === 1) {
        for (const p of oldParts.items) p.delete();
        ctx.workbook.customXmlParts.add(recordParts[0]!);
      }
      await ctx.sync();
      syncs++;
      written = g + 1;
    }
    if (recordParts.length > 1) {
      for (let i = 0; i < recordParts.length; i++) {
        ctx.workbook.customXmlParts.add(recordParts[i]!);
        // The older record of this action goes only once the new one is complete.
        if (i === recordParts.length - 1) for (const p of oldParts.items) p.delete();
        await ctx.sync();
        syncs++;
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? "Unknown";
    const what = structureDone ? excelText.refusedWrite : excelText.refusedInsert;
    try {
      await rollBack(ctx, plan, record, structureDone, written, pre.cells, unmerged);
      if (recordParts.length > 1) await removeParts(ctx, plan.kind, record.id);
    } catch (r) {
      throw new AdapterError(excelText.midBatchNotRolledBack(what, code, (r as Error).message ?? String(r)), code);
    }
    throw new AdapterError(excelText.midBatchRolledBack(what, code), code);
  }
  return { record, syncs };
}

/** Removes the parts of one record (a large record half-stored when Excel refused). */
async function removeParts(ctx: HostContext, kind: EditPlan["kind"], id: string): Promise<void> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(recordNamespace(kind)).load("items/id");
  await ctx.sync();
  const xmls = parts.items.map((p) => ({ p, xml: p.getXml() }));
  await ctx.sync();
  for (const x of xmls) if (x.xml.value.includes(` id="${id}" `)) x.p.delete();
  await ctx.sync();
}

/** The static checks (sizes, sheets named by the plan); protection is checked on the live workbook instead. */
function validatePlanLive(before: WorkbookSnapshot, plan: EditPlan): void {
  validatePlan({ ...before, sheets: before.sheets.map((s) => (s.protected ? { ...s, protected: false } : s)) }, plan);
}

export function buildUndoRecord(plan: EditPlan, expected: ExpectedCell[], before: WorkbookSnapshot, now = new Date()): UndoRecord {
  return runAll(undoRecordSteps(plan, expected, before, now, runAll(writesOf(plan))));
}

function* undoRecordSteps(plan: EditPlan, expected: ExpectedCell[], before: WorkbookSnapshot, now: Date, writes: Write[]): Generator<void, UndoRecord> {
  const inserts = insertionsOf(plan);
  const prior = new Map<string, Map<number, ExpectedCell>>();
  let n = 0;
  for (const e of expected) {
    if (e.role === "written") {
      let m = prior.get(e.sheet);
      if (!m) prior.set(e.sheet, (m = new Map()));
      m.set(cellKey(e.row, e.col), e);
    }
    if (++n % STEP === 0) yield;
  }
  const cells: UndoCell[] = [];
  for (const w of writes) {
    if (++n % STEP === 0) yield;
    const col = originalCol(inserts, w.sheet, w.row, w.col);
    if (col === null) {
      // In a new column: deleted with it; only a fingerprint, to tell our content from data typed since.
      cells.push({ s: w.sheet, r: w.row, c: w.col, h: w.input === undefined ? undefined : hashInput(w.input) });
      continue;
    }
    const e = prior.get(w.sheet)?.get(cellKey(w.row, col));
    const was = e ? (e.formula ?? inputOf(e.value)) : "";
    cells.push({ s: w.sheet, r: w.row, c: w.col, w: w.input, wf: w.numFmt, p: was, pf: e?.numFmt ?? "General", o: col });
  }
  const sheets = new Map(before.sheets.map((s) => [s.name, s]));
  const widths: UndoRecord["widths"] = [];
  for (const e of plan.edits) {
    if (e.kind !== "setColumnWidth") continue;
    const s = sheets.get(e.sheet)!;
    const col = originalCol(inserts, e.sheet, 1, e.col);
    if (col === null) continue;
    widths.push({ sheet: e.sheet, col: e.col, prior: s.colWidths[col - 1] ?? s.defaultColWidth, wrote: e.width });
  }
  return {
    v: 2,
    kind: plan.kind,
    createdAt: now.toISOString(),
    workbook: before.fileName ?? null,
    id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    // Deleting the inserted columns in the reverse order of their insertion puts every cell back where it was.
    deleteColumns: [...inserts].reverse().map((i: Insertion) => ({ sheet: i.sheet, at: i.at, count: i.count, rows: i.rows, finalAt: i.finalAt })),
    cells,
    widths,
  };
}

/**
 * Puts the workbook back after Excel refused part of the writes. Cells: their prior content, verified in round trip 1,
 * is written back (harmless for cells not reached). Structure: if its round trip failed, the anchors say how many
 * insertions Excel did before refusing; those are deleted in reverse order.
 */
async function rollBack(
  ctx: HostContext,
  plan: EditPlan,
  record: UndoRecord,
  structureDone: boolean,
  writtenGroups: number,
  expected: ExpectedCell[],
  unmerged: Array<{ sheet: string; area: Rect }>,
): Promise<void> {
  const sheet = sheetsOf(ctx);
  const inserts = insertionsOf(plan);
  let doneInserts = inserts.length;
  if (!structureDone) doneInserts = await insertionsDone(ctx, inserts, expected);
  void writtenGroups;
  // The inserted columns first (last inserted first): the cells are then back in the coordinates of their prior content.
  for (let i = doneInserts - 1; i >= 0; i--) {
    const d = inserts[i]!;
    const L1 = colToLetters(d.at);
    const L2 = colToLetters(d.at + d.count - 1);
    sheet(d.sheet)
      .getRange(d.rows ? `${L1}${d.rows[0]}:${L2}${d.rows[1]}` : `${L1}:${L2}`)
      .delete("Left");
  }
  // Merged areas taken apart before Excel refused: merged again as they were (merging a merged area is harmless).
  if (!structureDone) for (const u of unmerged) sheet(u.sheet).getRange(rangeA1(u.area)).merge(false);
  // Prior content as rectangles, in round trips under the payload budget (one write per cell overflowed 5 MB at
  // 1 200 fiches, and the rollback itself was refused).
  let groups: Array<Array<{ sheet: string; block: ReturnType<typeof blocksOf<{ row: number; col: number; c: UndoCell }>>[number]; bytes: number }>> = [];
  if (structureDone) {
    const bySheet = new Map<string, Array<{ row: number; col: number; c: UndoCell }>>();
    for (const c of record.cells) {
      if (c.p === undefined || c.o === undefined) continue;
      const l = bySheet.get(c.s);
      if (l) l.push({ row: c.r, col: c.o, c });
      else bySheet.set(c.s, [{ row: c.r, col: c.o, c }]);
    }
    const items: (typeof groups)[number] = [];
    for (const [s, list] of bySheet)
      for (const block of blocksOf(list))
        items.push({
          sheet: s,
          block,
          bytes:
            300 + block.cells.reduce((a, l) => a + l.reduce((b, x) => b + 12 + (x ? JSON.stringify(x.c.p).length + (x.c.pf ?? "General").length : 0), 0), 0),
        });
    groups = byBudget(items, (i) => i.bytes);
    for (const w of record.widths) sheet(w.sheet).getRange(`${colToLetters(w.col)}:${colToLetters(w.col)}`).format.columnWidth = charsToPoints(w.prior);
  }
  for (let g = 0; g < Math.max(1, groups.length); g++) {
    for (const { sheet: s, block } of groups[g] ?? []) {
      const r = sheet(s).getRangeByIndexes(block.row - 1, block.col - 1, block.rows, block.cols);
      r.formulas = block.cells.map((l) => l.map((x) => (x ? x.c.p! : null)));
      r.numberFormat = block.cells.map((l) => l.map((x) => (x ? (x.c.pf ?? "General") : null)));
    }
    await ctx.sync();
  }
}

/** How many of the plan's insertions Excel made before refusing one: the column anchors tell where the columns are. */
async function insertionsDone(ctx: HostContext, inserts: Insertion[], expected: ExpectedCell[]): Promise<number> {
  const anchors = expected.filter((e) => e.role === "column-anchor" && inserts.some((i) => i.sheet === e.sheet && e.col >= i.at));
  if (!anchors.length || !inserts.length) return 0;
  const colAfter = (e: ExpectedCell, k: number) => {
    let col = e.col;
    for (let i = 0; i < k; i++) {
      const ins = inserts[i]!;
      if (ins.sheet === e.sheet && (!ins.rows || (e.row >= ins.rows[0] && e.row <= ins.rows[1])) && col >= ins.at) col += ins.count;
    }
    return col;
  };
  const probes: Array<{ e: ExpectedCell; k: number; sheet: string; row: number; col: number }> = [];
  for (let k = 0; k <= inserts.length; k++) for (const e of anchors) probes.push({ e, k, sheet: e.sheet, row: e.row, col: colAfter(e, k) });
  const unique = new Map<string, { sheet: string; row: number; col: number }>();
  for (const p of probes) unique.set(`${p.sheet}!${p.row}:${p.col}`, { sheet: p.sheet, row: p.row, col: p.col });
  const live = await readCells(ctx, [...unique.values()]);
  const byKey = new Map([...live.entries()].map(([c, v]) => [`${c.sheet}!${c.row}:${c.col}`, v]));
  for (let k = inserts.length; k >= 0; k--) {
    if (probes.filter((p) => p.k === k).every((p) => stillHolds(p.e, byKey.get(`${p.sheet}!${p.row}:${p.col}`)!))) return k;
  }
  throw new Error(excelText.columnPositionUnknown);
}
