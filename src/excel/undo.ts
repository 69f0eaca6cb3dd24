// Undo records: one per action (compléter, nouvelle année, élargir), kept in a custom XML part of the workbook so that
// a pane opened later can still undo. Undo respects the present: a cell is restored only if it still holds what the
// write put there; a new column is deleted only if it holds nothing typed since; the record is removed once used.
// A record that does not parse, or does not look like ours, is never replayed, and no older record replaces it.
import { addr, colToLetters } from "../core/model/a1";
import type { CellValue } from "../core/model/snapshot";
import { normaliseFormula } from "../core/plan/types";
import { excelText } from "../messages/excel";
import { blocksOfSliced, byBudget, type Block } from "./blocks";
import { AdapterError } from "./errors";
import type { HostContext, HostRange, HostWorksheet } from "./host";
import { probeProtection } from "./protection";
import { ColumnInsertions, shiftFormula } from "../core/model/columnInsert";
import { drive, runAll, Slicer } from "./slicer";
import { charsToPoints } from "./readSnapshot";

export type UndoKind = "fill" | "add-year" | "widen";
export const UNDO_KINDS: UndoKind[] = ["fill", "add-year", "widen"];
/** Records of the first version (one namespace for all kinds): never replayed, removed by "Effacer les données". */
export const LEGACY_UNDO_NS = "urn:annexe-cdppe:undo:1";
export const recordNamespace = (kind: string) => `urn:annexe-cdppe:undo:2:${kind}`;

/** One written cell. Short keys: a record of add-year at 10 000 rows stays small. */
export interface UndoCell {
  s: string;
  r: number;
  c: number;
  /** What the write put there ("=…" or a literal), and its number format. */
  w?: string | number | boolean;
  wf?: string;
  /** What was there before. Absent for a cell in a new column (deleted with it). */
  p?: string | number | boolean;
  pf?: string;
  /** Column in the workbook as it was before the write (the prior content's formulas are in those coordinates). */
  o?: number;
  /** New column only: fingerprint of what was written. */
  h?: string;
}

export interface UndoRecord {
  v: 2;
  id: string;
  kind: UndoKind;
  createdAt: string;
  workbook: string | null;
  /** In the order to delete (reverse of insertion); `at` in the coordinates of that moment. */
  deleteColumns: Array<{ sheet: string; at: number; count: number; rows: [number, number] | null; finalAt: number }>;
  cells: UndoCell[];
  widths: Array<{ sheet: string; col: number; prior: number; wrote: number }>;
}

/**
 * Text written as input must stay text: Excel parses what is written to values or formulas as if typed, so "=…",
 * "+…", "-…", "@…" would become a formula, "2023" or "42 %" a number, "VRAI" a logical, "#N/A" an error.
 * The apostrophe keeps it text (found through the real Office.js client: the new year's header « 2023 » became a number).
 */
export function textInput(v: string): string {
  return /^[=+\-@#]/.test(v) || /^\s*[\d.,]/.test(v) || /^\s*(true|false|vrai|faux)\s*$/i.test(v) ? `'${v}` : v;
}

export function inputOf(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return typeof v === "string" ? textInput(v) : v;
}

/** FNV-1a of a written input, normalised as Excel gives it back (formulas normalised, text without its apostrophe). */
export function hashInput(input: string | number | boolean): string {
  const text = typeof input === "string" && input.startsWith("'") ? input.slice(1) : input;
  const s = typeof text === "string" && text.startsWith("=") && text === input ? "=" + normaliseFormula(text) : JSON.stringify(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const EMPTY_HASH = hashInput("");

/** A cell of one sheet as one number (rows up to 1 048 576, columns up to 16 384). */
export const cellKey = (row: number, col: number): number => row * 16_385 + col;

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Characters of record text per custom XML part: each part is added and read in a round trip under 5 MB. */
export const PART_CHARS = 1_000_000;

/** The record as custom XML parts (several when large: add-year at thousands of rows), numbered, sharing its id. */
export function undoXmlParts(record: UndoRecord): string[] {
  return runAll(undoXmlPartSteps(record));
}

/** Cells stringified per slice between two safe points: the same text as JSON.stringify of the whole record. */
const CELLS_PER_STEP = 2_000;

export function* undoXmlPartSteps(record: UndoRecord): Generator<void, string[]> {
  // JSON escapes every quote inside a string, so the key with its empty array occurs once, where the cells go.
  const [head, tail] = JSON.stringify({ ...record, cells: [] }).split('"cells":[]') as [string, string];
  const pieces: string[] = [];
  let total = head.length + '"cells":['.length + 1 + tail.length;
  for (let i = 0; i < record.cells.length; i += CELLS_PER_STEP) {
    const piece = JSON.stringify(record.cells.slice(i, i + CELLS_PER_STEP)).slice(1, -1);
    total += piece.length + (pieces.length ? 1 : 0);
    pieces.push(piece);
    yield;
  }
  // The text is cut every PART_CHARS characters as it streams by: never joined whole (18 MB at 10 000 rows, one long
  // task of the pane's thread to build and flatten).
  const n = Math.max(1, Math.ceil(total / PART_CHARS));
  const out: string[] = [];
  let buffer: string[] = [];
  let room = PART_CHARS;
  const emit = () => {
    out.push(
      `<undo xmlns="${recordNamespace(record.kind)}" id="${escapeXml(record.id)}" part="${out.length}" of="${n}">${escapeXml(buffer.join(""))}</undo>`,
    );
    buffer = [];
    room = PART_CHARS;
  };
  const take = (text: string) => {
    let at = 0;
    while (text.length - at > room) {
      buffer.push(text.slice(at, at + room));
      at += room;
      emit();
    }
    if (at < text.length) {
      buffer.push(at ? text.slice(at) : text);
      room -= text.length - at;
    }
  };
  take(`${head}"cells":[`);
  for (let i = 0; i < pieces.length; i++) {
    if (i) take(",");
    take(pieces[i]!);
    yield;
  }
  take(`]${tail}`);
  if (buffer.length || !out.length) emit();
  return out;
}

interface PartHead {
  ns: string;
  id: string;
  part: number;
  of: number;
  body: string;
}
function headOf(xml: string): PartHead | null {
  const m = /^<undo xmlns="([^"]+)" id="([^"]*)" part="(\d+)" of="(\d+)">([\s\S]*)<\/undo>$/.exec(xml.trim());
  return m ? { ns: m[1]!, id: m[2]!, part: Number(m[3]), of: Number(m[4]), body: m[5]! } : null;
}

/** Whether parts (xml of each) form exactly one complete record of that kind; never mixes two records. */
export function parseUndoParts(xmls: string[], kind: UndoKind): UndoRecord | null {
  return runAll(parseUndoPartSteps(xmls, kind));
}

/** The same, in steps: a record of add-year at 10 000 rows is 18 MB of text, parsed a slice of cells at a time. */
export function* parseUndoPartSteps(xmls: string[], kind: UndoKind): Generator<void, UndoRecord | null> {
  const heads: Array<PartHead | null> = [];
  for (const x of xmls) {
    heads.push(headOf(x));
    yield;
  }
  if (!heads.length || heads.some((h) => !h || h.ns !== recordNamespace(kind))) return null;
  const first = heads[0]!;
  if (heads.length !== first.of || heads.some((h) => h!.id !== first.id || h!.of !== first.of)) return null;
  const ordered = [...heads].sort((a, b) => a!.part - b!.part);
  if (ordered.some((h, i) => h!.part !== i)) return null;
  // Pieces were cut before escaping: each piece's text unescapes alone (entities never straddle a cut).
  const bodies: string[] = [];
  for (const h of ordered) {
    bodies.push(unescapeXml(h!.body));
    yield;
  }
  return yield* recordSteps(bodies.join(""), kind, unescapeXml(first.id));
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** A record, or null when the XML is not a well-formed record of this version for that kind. */
export function parseUndoXml(xml: string, kind: UndoKind, id?: string): UndoRecord | null {
  const m = /^<undo xmlns="([^"]+)">([\s\S]*)<\/undo>$/.exec(xml.trim());
  if (!m || m[1] !== recordNamespace(kind)) return null;
  return runAll(recordSteps(unescapeXml(m[2]!), kind, id));
}

const CELLS_KEY = '"cells":[';

/**
 * JSON.parse of the record, its cells a slice at a time: they are flat objects, so outside strings each `}` ends one.
 * Text JSON.parse would refuse is refused here too (each slice and the rest are parsed by it); null when unreadable.
 */
function* parseInSteps(json: string): Generator<void, unknown> {
  // JSON escapes every quote inside a string: the key with its quote and bracket occurs only as the key.
  const at = json.indexOf(CELLS_KEY);
  if (at < 0) return JSON.parse(json);
  const cells: unknown[] = [];
  let start = at + CELLS_KEY.length;
  let inString = false;
  let count = 0;
  let depth = 0;
  let cut = false;
  for (let i = start; i < json.length; i++) {
    const ch = json.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
      continue;
    }
    if (cut && ch !== 32 && ch !== 10 && ch !== 13 && ch !== 9) {
      // After a slice: a comma, then the next cell; or the end of the array.
      cut = false;
      if (ch === 44) {
        start = i + 1;
        continue;
      }
      if (ch !== 93) throw new SyntaxError("record: cells");
    }
    if (ch === 34) inString = true;
    else if (ch === 123) {
      // A cell of ours is a flat object: anything nested is not a record of ours.
      if (++depth > 1) throw new SyntaxError("record: nested");
    } else if (ch === 91) throw new SyntaxError("record: nested");
    else if (ch === 125) {
      if (--depth < 0) throw new SyntaxError("record: cells");
      if (++count % CELLS_PER_STEP === 0) {
        for (const c of JSON.parse(`[${json.slice(start, i + 1)}]`) as unknown[]) cells.push(c);
        cut = true;
        start = i + 1;
        yield;
      }
    } else if (ch === 93) {
      if (depth !== 0) throw new SyntaxError("record: cells");
      const last = json.slice(start, i);
      if (last.trim() !== "") for (const c of JSON.parse(`[${last}]`) as unknown[]) cells.push(c);
      const rest = JSON.parse(`${json.slice(0, at)}"cells":[]${json.slice(i + 1)}`) as unknown;
      if (isObj(rest)) rest.cells = cells;
      return rest;
    }
  }
  throw new SyntaxError("record: unterminated");
}

function* recordSteps(json: string, kind: UndoKind, id?: string): Generator<void, UndoRecord | null> {
  let r: unknown;
  try {
    r = yield* parseInSteps(json);
  } catch {
    return null;
  }
  if (
    !isObj(r) ||
    r.v !== 2 ||
    r.kind !== kind ||
    typeof r.id !== "string" ||
    (id !== undefined && r.id !== id) ||
    !Array.isArray(r.cells) ||
    !Array.isArray(r.deleteColumns) ||
    !Array.isArray(r.widths)
  )
    return null;
  const okInput = (x: unknown) => x === undefined || typeof x === "string" || typeof x === "number" || typeof x === "boolean";
  let n = 0;
  for (const c of r.cells as unknown[]) {
    if (!isObj(c) || typeof c.s !== "string" || !Number.isInteger(c.r) || !Number.isInteger(c.c) || (c.r as number) < 1 || (c.c as number) < 1) return null;
    if (!okInput(c.w) || !okInput(c.p) || (c.wf !== undefined && typeof c.wf !== "string") || (c.pf !== undefined && typeof c.pf !== "string")) return null;
    if (++n % CELLS_PER_STEP === 0) yield;
  }
  for (const d of r.deleteColumns as unknown[])
    if (!isObj(d) || typeof d.sheet !== "string" || !Number.isInteger(d.at) || !Number.isInteger(d.count) || (d.count as number) < 1 || (d.at as number) < 1)
      return null;
  for (const w of r.widths as unknown[])
    if (!isObj(w) || typeof w.sheet !== "string" || !Number.isInteger(w.col) || typeof w.prior !== "number" || typeof w.wrote !== "number") return null;
  return r as unknown as UndoRecord;
}

const same = (live: unknown, wrote: string | number | boolean | undefined): boolean => {
  if (wrote === undefined) return true;
  if (typeof wrote === "string" && wrote.startsWith("="))
    return typeof live === "string" && live.startsWith("=") && normaliseFormula(live) === normaliseFormula(wrote);
  if (typeof wrote === "string" && wrote.startsWith("'")) return live === wrote.slice(1);
  if (typeof wrote === "number") return typeof live === "number" && Math.abs(live - wrote) <= 1e-9 * Math.max(1, Math.abs(wrote));
  return live === wrote || (wrote === "" && (live === null || live === undefined));
};

/** What a live cell held (its formulas entry), as input that writes it back the same: text stays text. */
function asInput(v: unknown): string | number | boolean {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string") return v.startsWith("=") ? v : textInput(v);
  return typeof v === "number" || typeof v === "boolean" ? v : String(v);
}

/** A whole-column reference (A:C), outside string literals: the core's reference mover leaves those alone. */
const WHOLE_COLUMNS = /(?:^|[^A-Za-z0-9_.$])\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])/;

/**
 * A restored cell's prior input in the present coordinates: its formula moved as the write's insertions moved the
 * workbook (in their order, each `at` in the coordinates of its moment), so that deleting them gives it back as it was.
 * Null when the formula has a reference the mover cannot move (then it is written after the deletions, as recorded).
 */
function priorMover(record: UndoRecord): (c: UndoCell) => string | number | boolean | null {
  const insertions = [...record.deleteColumns].reverse().map((d) => new ColumnInsertions(d.sheet, [{ at: d.at, count: d.count }], d.rows));
  return (c) => {
    const p = c.p!;
    if (!insertions.length || typeof p !== "string" || !p.startsWith("=")) return p;
    const body = p.slice(1);
    if (WHOLE_COLUMNS.test(body.includes('"') ? body.replace(/"(?:[^"]|"")*"/g, '""') : body)) return null;
    return `=${shiftFormula(body, c.s, insertions)}`;
  };
}

/** A cell an undo writes back: where it is now, what goes in, and what the read before saw there. */
interface Restore {
  row: number;
  col: number;
  cell: UndoCell;
  input?: string | number | boolean;
  numFmt?: string;
  seen: { formula: unknown; numFmt: unknown };
}

/** What puts a restored cell back as the read saw it (the record's own input where it held that). */
function backOf(r: Restore): { input: string | number | boolean; numFmt: string } {
  return { input: same(r.seen.formula, r.cell.w) ? r.cell.w! : asInput(r.seen.formula), numFmt: String(r.seen.numFmt) };
}

type RestoreItem = { sheet: string; block: Block<Restore>; formulas: boolean; formats: boolean };

/** Request bytes of a block's writes (as JSON: a value or null per position). */
function restoreBytes(it: RestoreItem, values: (r: Restore) => { input?: unknown; numFmt?: string }): number {
  let n = 120;
  for (const line of it.block.cells)
    for (const x of line) {
      const v = x ? values(x) : null;
      if (it.formulas) n += 6 + (v && v.input !== undefined ? JSON.stringify(v.input).length : 0);
      if (it.formats) n += 6 + (v && v.numFmt !== undefined ? v.numFmt.length + 2 : 0);
    }
  return n;
}

/** Queues a block's writes; `value` gives a position's input and format, undefined to leave it alone. */
function queueWrite(sheet: (n: string) => HostWorksheet, it: RestoreItem, value: (r: Restore) => { input?: string | number | boolean; numFmt?: string }): void {
  const b = it.block;
  const range = sheet(it.sheet).getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols);
  if (it.formulas) range.formulas = b.cells.map((l) => l.map((x) => (x && x.input !== undefined ? (value(x).input ?? null) : null)));
  if (it.formats) range.numberFormat = b.cells.map((l) => l.map((x) => (x && x.numFmt !== undefined ? (value(x).numFmt ?? null) : null)));
}

/**
 * Writes the cells back in round trips under the payload budget, all or nothing: each round trip first re-reads, in
 * its own batch, every cell it writes. A cell found changed since the undo's read, or a write Excel refuses, and every
 * round trip done is written back as the cells were (a cell changed meanwhile gets what it held then), and the undo
 * refuses: the record stays, nothing is undone.
 */
async function restoreInTrips(ctx: HostContext, kind: UndoKind, cells: Restore[], sheet: (n: string) => HostWorksheet, sl: Slicer): Promise<number> {
  const bySheet = new Map<string, Restore[]>();
  for (const c of cells) {
    const l = bySheet.get(c.cell.s);
    if (l) l.push(c);
    else bySheet.set(c.cell.s, [c]);
  }
  const items: RestoreItem[] = [];
  for (const [s, list] of bySheet)
    for (const block of await blocksOfSliced(list, sl)) {
      items.push({
        sheet: s,
        block,
        formulas: block.cells.some((l) => l.some((x) => x && x.input !== undefined)),
        formats: block.cells.some((l) => l.some((x) => x && x.numFmt !== undefined)),
      });
      if (sl.due) await sl.next();
    }
  // Both ways under the budget: the request carries the writes, the response the re-read (estimated as the reads are).
  const groups = byBudget(items, (it) => Math.max(restoreBytes(it, (x) => x), it.block.rows * it.block.cols * 120));
  const label = excelText.kindLabel[kind] ?? kind;
  /** Puts groups 0..last back; `now` holds what re-read cells held when they differ from the undo's read. */
  const rollBack = async (last: number, now: Map<Restore, { input: string | number | boolean; numFmt: string }>) => {
    for (let g = last; g >= 0; g--) {
      for (const it of groups[g]!) {
        queueWrite(sheet, it, (x) => now.get(x) ?? backOf(x));
        if (sl.due) await sl.next();
      }
      await ctx.sync();
    }
  };
  for (let g = 0; g < groups.length; g++) {
    const reads: Array<{ it: RestoreItem; range: HostRange }> = [];
    for (const it of groups[g]!) {
      const b = it.block;
      const range = sheet(it.sheet)
        .getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols)
        .load(it.formulas && it.formats ? "formulas,numberFormat" : it.formulas ? "formulas" : "numberFormat");
      reads.push({ it, range });
      queueWrite(sheet, it, (x) => x);
      if (sl.due) await sl.next();
    }
    try {
      await ctx.sync();
    } catch (e) {
      const code = (e as { code?: string }).code ?? "Unknown";
      try {
        await rollBack(g, new Map());
      } catch (r) {
        throw new AdapterError(excelText.undoNotRolledBack(label, code, (r as Error).message ?? String(r)), code);
      }
      throw new AdapterError(excelText.undoRolledBack(label, code), code);
    }
    const now = new Map<Restore, { input: string | number | boolean; numFmt: string }>();
    const changed: string[] = [];
    for (const { it, range } of reads) {
      const formulas = it.formulas ? range.formulas : null;
      const formats = it.formats ? range.numberFormat : null;
      const lines = it.block.cells;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        for (let j = 0; j < line.length; j++) {
          const x = line[j];
          if (!x) continue;
          const f = formulas ? formulas[i]![j] : undefined;
          const nf = formats ? formats[i]![j] : undefined;
          if ((x.input !== undefined && f !== x.seen.formula) || (x.numFmt !== undefined && nf !== x.seen.numFmt)) {
            const back = backOf(x);
            now.set(x, { input: x.input !== undefined ? asInput(f) : back.input, numFmt: x.numFmt !== undefined ? String(nf) : back.numFmt });
            changed.push(`${addr(x.cell.r, x.cell.c)} (${x.cell.s})`);
          }
        }
        if (sl.due) await sl.next();
      }
    }
    if (changed.length) {
      try {
        await rollBack(g, now);
      } catch (r) {
        throw new AdapterError(excelText.undoNotRolledBack(label, "ChangedSinceRead", (r as Error).message ?? String(r)), "ChangedSinceRead");
      }
      throw new AdapterError(excelText.undoChangedDuring(label, changed.slice(0, 8), Math.max(0, changed.length - 8)), "ChangedSinceRead");
    }
  }
  return groups.length;
}

export interface UndoOutcome {
  kind: UndoKind;
  /** Cells restored (or that would be). */
  restored: number;
  /** Cells changed since the write, kept (addresses). */
  changed: string[];
  /** New columns kept because they hold data typed since. */
  keptColumns: string[];
  /** Nothing written yet: the user must say whether the changed cells are kept. */
  needsConfirmation: boolean;
}

/** Locates the record of one action (2 round trips): null if none, an error if the newest one is unreadable. */
export async function loadRecord(ctx: HostContext, kind: UndoKind, sl = new Slicer()): Promise<{ record: UndoRecord; partIds: string[] } | null> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(recordNamespace(kind));
  parts.load("items/id");
  await ctx.sync();
  if (!parts.items.length) return null;
  // One record per action is kept; its parts must form it exactly, or nothing is replayed (never an older one instead).
  const xmls: string[] = [];
  for (let i = 0; i < parts.items.length; i += 2) {
    const batch = parts.items.slice(i, i + 2).map((p) => p.getXml());
    await ctx.sync();
    for (const x of batch) xmls.push(x.value);
  }
  const record = await drive(parseUndoPartSteps(xmls, kind), sl);
  if (!record) throw new AdapterError(excelText.undoCorrupt(excelText.kindLabel[kind] ?? kind), "CorruptRecord");
  return { record, partIds: parts.items.map((p) => p.id) };
}

/**
 * Undoes one action. `keepChanged`: undefined = stop and ask if any cell changed since (nothing written);
 * true = restore only the unchanged cells; false = restore the changed ones too. Columns holding data typed since
 * are never deleted. Round trips: 2 to find the record, 1 to read the present, 1 to write.
 */
export async function undoAction(ctx: HostContext, kind: UndoKind, keepChanged?: boolean): Promise<UndoOutcome | null> {
  // Its long loops give the pane's thread back every slice (an add-year record at 10 000 rows: 190 000 cells).
  const sl = new Slicer();
  const found = await loadRecord(ctx, kind, sl);
  if (!found) return null;
  const { record, partIds } = found;
  const sheetCache = new Map<string, HostWorksheet>();
  const sheet = (n: string) => {
    let ws = sheetCache.get(n);
    if (!ws) sheetCache.set(n, (ws = ctx.workbook.worksheets.getItem(n)));
    return ws;
  };
  // Round trip 3: what the written cells, the new columns and the widths hold now.
  // Only cells with a prior content: those in new columns are read with their columns below.
  const bySheet = new Map<string, UndoCell[]>();
  for (const c of record.cells) {
    if (c.p === undefined) continue;
    const l = bySheet.get(c.s);
    if (l) l.push(c);
    else bySheet.set(c.s, [c]);
    if (sl.due) await sl.next();
  }
  const reads: Array<{ sheet: string; block: Block<{ row: number; col: number; cell: UndoCell }>; range?: HostRange }> = [];
  for (const [s, list] of bySheet)
    for (const block of await blocksOfSliced(
      list.map((cell) => ({ row: cell.r, col: cell.c, cell })),
      sl,
    ))
      reads.push({ sheet: s, block });
  const used = new Map<string, HostRange>();
  for (const d of record.deleteColumns)
    if (!used.has(d.sheet)) used.set(d.sheet, sheet(d.sheet).getUsedRangeOrNullObject(true).load("isNullObject,rowIndex,rowCount"));
  const widthReads = record.widths.map((w) => ({
    w,
    range: sheet(w.sheet)
      .getRange(`${colToLetters(w.col)}:${colToLetters(w.col)}`)
      .load("format/columnWidth"),
  }));
  const groups = byBudget(reads, (r) => r.block.rows * r.block.cols * 120);
  const live = new Map<UndoCell, { formula: unknown; numFmt: unknown }>();
  // A protected sheet among those the undo writes: refused before anything is undone (never half-undone).
  const unlocked = probeProtection(ctx, [...record.cells.map((c) => c.s), ...record.deleteColumns.map((d) => d.sheet), ...record.widths.map((w) => w.sheet)]);
  for (let g = 0; g < Math.max(1, groups.length); g++) {
    for (const r of groups[g] ?? []) {
      r.range = sheet(r.sheet).getRangeByIndexes(r.block.row - 1, r.block.col - 1, r.block.rows, r.block.cols);
      r.range.load("formulas,numberFormat");
    }
    await ctx.sync();
    if (g === 0) unlocked();
    for (const r of groups[g] ?? []) {
      const { formulas, numberFormat } = r.range!;
      for (let i = 0; i < r.block.cells.length; i++) {
        const line = r.block.cells[i]!;
        for (let j = 0; j < line.length; j++) {
          const x = line[j];
          if (x) live.set(x.cell, { formula: formulas[i]![j], numFmt: numberFormat[i]![j] });
        }
        if (sl.due) await sl.next();
      }
    }
  }
  // The new columns' content (used rows only), read with the cells when the budget allows: one more trip otherwise.
  const colReads: Array<{ d: UndoRecord["deleteColumns"][number]; range: HostRange | null; row0: number }> = record.deleteColumns.map((d) => {
    const u = used.get(d.sheet)!;
    if (u.isNullObject) return { d, range: null, row0: 0 };
    const row0 = d.rows ? d.rows[0] - 1 : u.rowIndex;
    const rows = d.rows ? d.rows[1] - d.rows[0] + 1 : u.rowIndex + u.rowCount - row0;
    return {
      d,
      range: sheet(d.sheet)
        .getRangeByIndexes(row0, d.finalAt - 1, Math.max(1, rows), d.count)
        .load("formulas"),
      row0,
    };
  });
  if (colReads.some((c) => c.range)) await ctx.sync();
  // Keyed by sheet, then by a number per cell: no string per cell (hundreds of thousands at 10 000 rows).
  const writtenIn = new Map<string, Map<number, UndoCell>>();
  for (const c of record.cells) {
    if (c.p === undefined) {
      let m = writtenIn.get(c.s);
      if (!m) writtenIn.set(c.s, (m = new Map()));
      m.set(cellKey(c.r, c.c), c);
    }
    if (sl.due) await sl.next();
  }
  const keptColumns: string[] = [];
  const deletable = new Set<UndoRecord["deleteColumns"][number]>();
  for (const { d, range, row0 } of colReads) {
    let typed = false;
    let ours = 0;
    const lines = range?.formulas ?? [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        if (v === "" || v === null) continue;
        const mine = writtenIn.get(d.sheet)?.get(cellKey(row0 + i + 1, d.finalAt + j));
        if (!mine || mine.h !== hashInput(v as string | number | boolean)) typed = true;
        else ours++;
      }
      if (sl.due) await sl.next();
    }
    // Where the write put content and none of it is there now, the column there is not ours (one was inserted or
    // deleted since): it is never deleted.
    let wrote = false;
    for (const c of writtenIn.get(d.sheet)?.values() ?? []) {
      if (sl.due) await sl.next();
      if (
        c.s === d.sheet &&
        c.h !== undefined &&
        c.h !== EMPTY_HASH &&
        c.c >= d.finalAt &&
        c.c < d.finalAt + d.count &&
        (!d.rows || (c.r >= d.rows[0] && c.r <= d.rows[1]))
      ) {
        wrote = true;
        break;
      }
    }
    if (wrote && ours === 0) typed = true;
    if (typed) keptColumns.push(`${colToLetters(d.finalAt)}${d.count > 1 ? `:${colToLetters(d.finalAt + d.count - 1)}` : ""} (${d.sheet})`);
    else deletable.add(d);
  }
  const changed: UndoCell[] = [];
  const unchanged: UndoCell[] = [];
  for (const c of record.cells) {
    if (sl.due) await sl.next();
    if (c.p === undefined) continue;
    const l = live.get(c)!;
    if (same(l.formula, c.w) && (c.wf === undefined || String(l.numFmt) === c.wf)) unchanged.push(c);
    else changed.push(c);
  }
  const widthsBack = widthReads.filter(({ w, range }) => Math.abs(range.format.columnWidth - charsToPoints(w.wrote)) < 0.6);
  const outcome: UndoOutcome = {
    kind,
    restored: unchanged.length + widthsBack.length,
    changed: changed.map((c) => `${addr(c.r, c.c)} (${c.s})`),
    keptColumns,
    needsConfirmation: false,
  };
  if (changed.length && keepChanged === undefined) return { ...outcome, needsConfirmation: true };
  const restore = keepChanged === false ? [...unchanged, ...changed] : unchanged;
  if (keepChanged === false) outcome.restored += changed.length;
  // Deletable columns at their place at the moment of their deletion (right to left as recorded): a kept column left
  // of one was supposed to be gone at that point, so that one sits further right.
  const deletions: Array<{ d: UndoRecord["deleteColumns"][number]; at: number }> = [];
  const keptBefore: Array<UndoRecord["deleteColumns"][number]> = [];
  for (const d of record.deleteColumns) {
    const shift = keptBefore
      .filter((k) => k.sheet === d.sheet && JSON.stringify(k.rows) === JSON.stringify(d.rows) && d.at >= k.at)
      .reduce((a, k) => a + k.count, 0);
    if (deletable.has(d)) deletions.push({ d, at: d.at + shift });
    else keptBefore.push(d);
  }
  // Round trips 5…: the cells back where they are now, before any column is deleted, in round trips under the payload
  // budget. Their prior formulas were in the coordinates before the write: they go in moved as the insertions moved
  // the workbook, and the deletions at the end bring them back. Each round trip re-reads what it writes in its own
  // batch, before writing: a cell changed since the read above, or a write Excel refuses, and everything written back
  // so far is put back as it was (the record stays, the undo can be done again).
  const moved = priorMover(record);
  const early: Restore[] = [];
  const late: UndoCell[] = [];
  for (const c of restore) {
    if (sl.due) await sl.next();
    const prior = c.w === undefined ? undefined : moved(c);
    if (prior === null) late.push(c);
    else early.push({ row: c.r, col: c.c, cell: c, input: prior, numFmt: c.wf === undefined ? undefined : (c.pf ?? "General"), seen: live.get(c)! });
  }
  await restoreInTrips(ctx, kind, early, sheet, sl);
  // Last round trip: the record removed first, so that a batch Excel stops in mid-way is never replayed on columns
  // that moved; the widths (in the present coordinates), then the new columns deleted, then the few cells whose prior
  // formula the adapter cannot move (a whole-column reference) written back in the coordinates before the write.
  for (const id of partIds) ctx.workbook.customXmlParts.getItem(id).delete();
  for (const { w } of widthsBack) sheet(w.sheet).getRange(`${colToLetters(w.col)}:${colToLetters(w.col)}`).format.columnWidth = charsToPoints(w.prior);
  for (const { d, at } of deletions) {
    const L1 = colToLetters(at);
    const L2 = colToLetters(at + d.count - 1);
    sheet(d.sheet)
      .getRange(d.rows ? `${L1}${d.rows[0]}:${L2}${d.rows[1]}` : `${L1}:${L2}`)
      .delete("Left");
  }
  const backCol = (c: UndoCell) => {
    let col = c.c;
    for (const { d } of deletions) if (d.sheet === c.s && (!d.rows || (c.r >= d.rows[0] && c.r <= d.rows[1])) && d.finalAt < c.c) col -= d.count;
    return col;
  };
  const lateBySheet = new Map<string, Array<{ row: number; col: number; cell: UndoCell }>>();
  for (const cell of late) {
    const l = lateBySheet.get(cell.s);
    if (l) l.push({ row: cell.r, col: backCol(cell), cell });
    else lateBySheet.set(cell.s, [{ row: cell.r, col: backCol(cell), cell }]);
  }
  for (const [s, at] of lateBySheet)
    for (const b of await blocksOfSliced(at, sl)) {
      const range = sheet(s).getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols);
      range.formulas = b.cells.map((l) => l.map((x) => (x ? x.cell.p! : null)));
      if (b.cells.some((l) => l.some((x) => x && x.cell.wf !== undefined)))
        range.numberFormat = b.cells.map((l) => l.map((x) => (x && x.cell.wf !== undefined ? (x.cell.pf ?? "General") : null)));
    }
  try {
    await ctx.sync();
  } catch (e) {
    const code = (e as { code?: string }).code ?? "Unknown";
    throw new AdapterError(excelText.undoInterrupted(excelText.kindLabel[kind] ?? kind, code), code);
  }
  return outcome;
}

/** Which actions have a record in the workbook, and which records are unreadable (2 round trips). */
export async function listRecords(ctx: HostContext): Promise<{ available: UndoKind[]; corrupt: UndoKind[] }> {
  const scoped = UNDO_KINDS.map((k) => ({ k, parts: ctx.workbook.customXmlParts.getByNamespace(recordNamespace(k)).load("items/id") }));
  await ctx.sync();
  // A one-part record is read whole; a large one by its first part's head only (the undo itself reads all of it).
  const xmls = scoped.filter((s) => s.parts.items.length).map((s) => ({ k: s.k, n: s.parts.items.length, xml: s.parts.items[0]!.getXml() }));
  if (xmls.length) await ctx.sync();
  const available: UndoKind[] = [];
  const corrupt: UndoKind[] = [];
  for (const x of xmls) {
    const head = headOf(x.xml.value);
    const ok = x.n === 1 ? parseUndoParts([x.xml.value], x.k) !== null : !!head && head.ns === recordNamespace(x.k) && head.of === x.n;
    (ok ? available : corrupt).push(x.k);
  }
  return { available, corrupt };
}
