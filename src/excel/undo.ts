// Undo records: what a plan changed and how to put it back, kept in a custom XML part of the workbook.
import { colToLetters } from "../core/model/a1";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { EditPlan } from "../core/plan/types";
import type { HostContext } from "./host";
import { blocksOf, literal } from "./applyPlan";
import { charsToPoints } from "./readSnapshot";

export const UNDO_NS = "urn:annexe-cdppe:undo:1";

export interface UndoRecord {
  id: string;
  kind: EditPlan["kind"];
  createdAt: string;
  /** Columns the plan inserted, in final coordinates, to delete right to left. */
  deleteColumns: Array<{ sheet: string; at: number; count: number; rows: [number, number] | null }>;
  /** Cells the plan overwrote, as they were, in the coordinates valid once the columns are deleted. */
  restore: Array<{ sheet: string; row: number; col: number; input: string | number | boolean; numFmt: string }>;
  widths: Array<{ sheet: string; col: number; width: number }>;
}

type Insert = { sheet: string; at: number; count: number; rows: [number, number] | null; finalAt: number };

function insertionsOf(plan: EditPlan): Insert[] {
  const ins = plan.edits.filter((e): e is Extract<typeof e, { kind: "insertColumns" }> => e.kind === "insertColumns");
  const sameGroup = (a: { sheet: string; rows: [number, number] | null }, b: { sheet: string; rows: [number, number] | null }) =>
    a.sheet === b.sheet && JSON.stringify(a.rows) === JSON.stringify(b.rows);
  return ins.map((e) => ({
    sheet: e.sheet, at: e.at, count: e.count, rows: e.rows,
    finalAt: e.at + ins.filter((o) => sameGroup(o, e) && o.at < e.at).reduce((a, o) => a + o.count, 0),
  }));
}

const covers = (i: Insert, sheet: string, row: number) => i.sheet === sheet && (!i.rows || (row >= i.rows[0] && row <= i.rows[1]));

/** Final column -> original column, or null for a cell in an inserted column. */
function originalCol(inserts: Insert[], sheet: string, row: number, col: number): number | null {
  let shift = 0;
  for (const i of inserts) {
    if (!covers(i, sheet, row)) continue;
    if (col >= i.finalAt && col < i.finalAt + i.count) return null;
    if (col >= i.finalAt + i.count) shift += i.count;
  }
  return col - shift;
}

export function buildUndoRecord(plan: EditPlan, before: WorkbookSnapshot, now = new Date()): UndoRecord {
  const inserts = insertionsOf(plan);
  const sheets = new Map(before.sheets.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const restore: UndoRecord["restore"] = [];
  const widths: UndoRecord["widths"] = [];
  for (const e of plan.edits) {
    if (e.kind === "setColumnWidth") {
      const s = sheets.get(e.sheet)!;
      widths.push({ sheet: e.sheet, col: e.col, width: s.colWidths[e.col - 1] ?? s.defaultColWidth });
      continue;
    }
    if (e.kind !== "setFormula" && e.kind !== "setValue" && e.kind !== "setNumberFormat") continue;
    const col = originalCol(inserts, e.sheet, e.row, e.col);
    if (col === null) continue;
    const key = `${e.sheet}!${e.row}:${col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cell = sheets.get(e.sheet)?.cells[e.row - 1]?.[col - 1];
    const v = cell?.value ?? null;
    const input = cell?.formula ? `=${cell.formula}` : v === null ? "" : typeof v === "object" ? v.error : typeof v === "string" ? literal(v) : v;
    restore.push({ sheet: e.sheet, row: e.row, col, input, numFmt: cell?.numFmt ?? "General" });
  }
  return {
    id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    kind: plan.kind, createdAt: now.toISOString(),
    deleteColumns: inserts.map(({ sheet, finalAt, count, rows }) => ({ sheet, at: finalAt, count, rows })).sort((a, b) => b.at - a.at),
    restore, widths,
  };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function undoXml(record: UndoRecord): string {
  return `<undo xmlns="${UNDO_NS}">${escapeXml(JSON.stringify(record))}</undo>`;
}

export function parseUndoXml(xml: string): UndoRecord | null {
  const m = /<undo[^>]*>([\s\S]*)<\/undo>/.exec(xml);
  if (!m) return null;
  try {
    return JSON.parse(unescapeXml(m[1]!)) as UndoRecord;
  } catch {
    return null;
  }
}

/** Queued with the plan's writes: the record lands in the same round trip. */
export function storeUndoRecord(ctx: HostContext, record: UndoRecord): { id: string } {
  return ctx.workbook.customXmlParts.add(undoXml(record)).load("id");
}

/** Queues the inverse of a record: deletions right to left, then the cells and widths as they were. */
export function queueUndo(ctx: HostContext, record: UndoRecord): void {
  for (const d of record.deleteColumns) {
    const ws = ctx.workbook.worksheets.getItem(d.sheet);
    const L1 = colToLetters(d.at);
    const L2 = colToLetters(d.at + d.count - 1);
    ws.getRange(d.rows ? `${L1}${d.rows[0]}:${L2}${d.rows[1]}` : `${L1}:${L2}`).delete("Left");
  }
  const bySheet = new Map<string, UndoRecord["restore"]>();
  for (const r of record.restore) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  for (const [sheet, cells] of bySheet) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const byKey = new Map(cells.map((c) => [`${c.row}:${c.col}`, c]));
    for (const b of blocksOf(cells.map((c) => ({ row: c.row, col: c.col, formula: "" })))) {
      const range = ws.getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols);
      range.formulas = b.cells.map((line) => line.map((c) => (c ? byKey.get(`${c.row}:${c.col}`)!.input : null)));
      range.numberFormat = b.cells.map((line) => line.map((c) => (c ? byKey.get(`${c.row}:${c.col}`)!.numFmt : null)));
    }
  }
  for (const w of record.widths) ctx.workbook.worksheets.getItem(w.sheet).getRange(`${colToLetters(w.col)}:${colToLetters(w.col)}`).format.columnWidth = charsToPoints(w.width);
}

/** The most recent record in the workbook (one round trip), with the part that holds it. */
export async function latestUndoRecord(ctx: HostContext): Promise<{ record: UndoRecord; partId: string } | null> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(UNDO_NS);
  parts.load("items/id");
  await ctx.sync();
  if (!parts.items.length) return null;
  const xmls = parts.items.map((p) => ({ id: p.id, xml: p.getXml() }));
  await ctx.sync();
  const records = xmls.map((x) => ({ partId: x.id, record: parseUndoXml(x.xml.value) })).filter((x): x is { partId: string; record: UndoRecord } => !!x.record);
  records.sort((a, b) => a.record.createdAt.localeCompare(b.record.createdAt));
  return records[records.length - 1] ?? null;
}
