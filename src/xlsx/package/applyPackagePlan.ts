// Applies a core edit plan to the .xlsx package itself: only the parts the plan reaches are rewritten (as text, the rest
// of each part kept verbatim); every other entry of the zip is copied with its compressed bytes.
import type { Edit, EditPlan } from "../../core/plan/types";
import type { CellValue } from "../../core/model/snapshot";
import { packageText } from "../../messages/package";
import { PackageError } from "./errors";
import { parseRels, relsPathOf, sheetsOf, type Rel, type SheetRef } from "./parts";
import { SharedStrings } from "./sharedStrings";
import { SheetXml, type CellNode, type RowNode } from "./sheetXml";
import { colLetters, mapCell, mapRect, parseArea, shiftFormula, shiftSqref, translateFormula, type Insertion, type Rect } from "./shiftRefs";
import { Styles } from "./styles";
import {
  crosses,
  moveTableFormulas,
  renameStructuredRefs,
  shiftFilterColumns,
  tableBoundElsewhere,
  tableName,
  tableRect,
  widenTable,
  type ColumnRenames,
} from "./tables";
import { escapeText, getAttr, setAttr, unescapeXml } from "./xml";
import { entryData, makeEntry, readZip, writeZip, ZipFormatError, type ZipEntry } from "./zip";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export function isEncrypted(buf: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => buf[i] === b);
}

type Ins = Extract<Edit, { kind: "insertColumns" }>;

/** A cell tag with at most a style: `<c>` or `<c s="7">`. */
const SIMPLE_OPEN = /^<c(?: s="\d+")?>$/;

/** The s attribute of a cell tag, read in place in the usual spelling. */
function styleOf(open: string): string | null {
  const at = open.indexOf(' s="');
  if (at < 0) return getAttr(open, "s");
  return open.slice(at + 4, open.indexOf('"', at + 4));
}

/** The package, opened for editing: parts decoded on demand, changed parts tracked. */
class Package {
  entries: ZipEntry[];
  private byName = new Map<string, ZipEntry>();
  private texts = new Map<string, string>();
  changed = new Set<string>();
  removed = new Set<string>();

  /** `inflated`: parts already inflated and checked by the caller (the CLI's guard), used instead of inflating again. */
  constructor(
    buf: Uint8Array,
    file: string,
    private inflated?: ReadonlyMap<string, Uint8Array>,
  ) {
    try {
      this.entries = readZip(buf);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new PackageError(packageText.notXlsx(file));
      throw e;
    }
    for (const e of this.entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name) && !this.removed.has(name);
  }

  text(name: string): string | undefined {
    if (this.texts.has(name)) return this.texts.get(name);
    const e = this.byName.get(name);
    if (!e) return undefined;
    const known = this.inflated?.get(name);
    const t = known ? Buffer.from(known.buffer, known.byteOffset, known.byteLength).toString("utf8") : entryData(e).toString("utf8");
    this.texts.set(name, t);
    return t;
  }

  set(name: string, text: string): void {
    if (this.texts.get(name) === text) return;
    this.texts.set(name, text);
    this.changed.add(name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  toBuffer(): Buffer {
    const out: ZipEntry[] = [];
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      out.push(this.changed.has(e.name) ? makeEntry(e.name, Buffer.from(this.texts.get(e.name)!, "utf8"), e) : e);
    }
    return writeZip(out);
  }
}

const sheetRectRe = /\s(ref|sqref|activeCell)="([^"]*)"/g;

/** Element texts holding formulas (rules, validations, x14 extensions) and sqref lists, outside sheetData. */
function shiftSheetExtras(xml: string, sheet: string, ins: Insertion[], move: (sheet: string | null, f: string) => string): string {
  let out = shiftFilterColumns(xml, ins, sheet);
  out = shiftColBreaks(out, ins, sheet);
  out = out.replace(/<((?:\w+:)?(?:formula|formula1|formula2|f))>([^<]*)<\/\1>/g, (m, tag: string, body: string) => {
    const next = move(sheet, unescapeXml(body));
    return next === unescapeXml(body) ? m : `<${tag}>${escapeText(next)}</${tag}>`;
  });
  out = out.replace(/<((?:\w+:)?sqref)>([^<]*)<\/\1>/g, (m, tag: string, body: string) => {
    const next = shiftSqref(ins, sheet, body);
    return next === body ? m : `<${tag}>${next}</${tag}>`;
  });
  out = out.replace(/<[A-Za-z][^<>]*>/g, (tag) => {
    if (tag.startsWith("<pane") || tag.startsWith("<sheetFormatPr")) return tag;
    let t = tag.replace(sheetRectRe, (m, attr: string, value: string) => {
      const next = shiftSqref(ins, sheet, value);
      return next === value ? m : ` ${attr}="${next}"`;
    });
    if (t.startsWith("<cellWatch") || t.startsWith("<inputCells")) {
      // Watched cells and scenario input cells name one cell each.
      const r = getAttr(t, "r");
      const next = r === null ? r : shiftSqref(ins, sheet, r);
      if (r !== null && next !== r) t = setAttr(t, "r", next);
    }
    if (t.startsWith("<hyperlink")) {
      const loc = getAttr(t, "location");
      if (loc) {
        const next = move(sheet, loc);
        if (next !== loc) t = setAttr(t, "location", next);
      }
    }
    return t;
  });
  return out;
}

/** Manual page breaks before a column belong to that column (Excel's Range.PageBreak): they move with it. */
function shiftColBreaks(xml: string, ins: Insertion[], sheet: string): string {
  return xml.replace(/<((?:\w+:)?colBreaks)\b[^>]*>[\s\S]*?<\/\1>/g, (block) =>
    block.replace(/<(?:\w+:)?brk\b[^>]*>/g, (brk) => {
      const id = Number(getAttr(brk, "id") ?? NaN);
      if (!Number.isInteger(id)) return brk;
      // id is the last column before the break (1-based), i.e. the 0-based index of the column after it.
      const next = mapCell(ins, sheet, 1, id + 1) - 1;
      return next === id ? brk : setAttr(brk, "id", String(next));
    }),
  );
}

interface ColSpec {
  min: number;
  max: number;
  tag: string;
}

function parseCols(xml: string): { cols: ColSpec[]; start: number; end: number } | null {
  const m = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  if (!m) return null;
  const cols = [...m[1]!.matchAll(/<col\b[^>]*\/>/g)].map((c) => ({ min: Number(getAttr(c[0], "min")), max: Number(getAttr(c[0], "max")), tag: c[0] }));
  return { cols, start: m.index, end: m.index + m[0].length };
}

function colsXml(cols: ColSpec[]): string {
  return cols.length ? `<cols>${cols.map((c) => setAttr(setAttr(c.tag, "min", String(c.min)), "max", String(c.max))).join("")}</cols>` : "";
}

/** Column widths, styles, outline levels and hidden flags move with their columns; new ones copy their left neighbour. */
function insertIntoCols(cols: ColSpec[], e: Ins): ColSpec[] {
  const out: ColSpec[] = [];
  const from = cols.find((c) => c.min <= e.copyFormatFrom && e.copyFormatFrom <= c.max);
  for (const c of cols) {
    if (c.max < e.at) out.push(c);
    else if (c.min >= e.at) out.push({ ...c, min: c.min + e.count, max: c.max + e.count });
    else out.push({ ...c, max: c.max + e.count }); // the insertion falls inside: the span widens
  }
  const covered = out.some((c) => c.min <= e.at && e.at <= c.max);
  if (from && !covered) {
    let tag = setAttr(from.tag, "hidden", null);
    const right = cols.find((c) => c.min <= e.at && e.at <= c.max);
    if (!right || Number(getAttr(right.tag, "outlineLevel") ?? 0) === 0) tag = setAttr(setAttr(tag, "outlineLevel", null), "collapsed", null);
    out.push({ min: e.at, max: e.at + e.count - 1, tag });
    out.sort((a, b) => a.min - b.min);
  }
  return out;
}

function setWidth(cols: ColSpec[], col: number, width: number): ColSpec[] {
  const out: ColSpec[] = [];
  let done = false;
  for (const c of cols) {
    if (col < c.min || col > c.max) {
      out.push(c);
      continue;
    }
    if (c.min < col) out.push({ ...c, max: col - 1 });
    out.push({ min: col, max: col, tag: setAttr(setAttr(c.tag, "width", String(width)), "customWidth", "1") });
    if (c.max > col) out.push({ ...c, min: col + 1 });
    done = true;
  }
  if (!done) out.push({ min: col, max: col, tag: `<col min="${col}" max="${col}" width="${width}" customWidth="1"/>` });
  return out.sort((a, b) => a.min - b.min);
}

// Elements that follow mergeCells in a worksheet (schema order): a new <mergeCells> goes before the first present.
const AFTER_MERGES = [
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function addMerge(tail: string, ref: string): string {
  if (new RegExp(`<mergeCell ref="${ref}"\\s*/>`).test(tail)) return tail;
  if (/<mergeCells\b/.test(tail)) {
    return tail.replace(/(<mergeCells\b[^>]*>)([\s\S]*?)(<\/mergeCells>)/, (_m, open: string, body: string, close: string) => {
      const n = (body.match(/<mergeCell\b/g) ?? []).length + 1;
      return setAttr(open, "count", String(n)) + body + `<mergeCell ref="${ref}"/>` + close;
    });
  }
  let at = tail.length;
  for (const el of AFTER_MERGES) {
    const i = tail.search(new RegExp(`<${el}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  if (at === tail.length) at = tail.lastIndexOf("</worksheet>");
  return `${tail.slice(0, at)}<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>${tail.slice(at)}`;
}

const fOf = (inner: string) => /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(inner);

interface SharedGroup {
  si: string;
  master: { row: RowNode; cell: CellNode } | null;
  text: string;
  members: Array<{ row: RowNode; cell: CellNode }>;
}

function sharedGroups(doc: SheetXml): Map<string, SharedGroup> {
  const groups = new Map<string, SharedGroup>();
  for (const row of doc.rows) {
    if (!row.innerRaw.includes('t="shared"') && !(row.cells && row.cells.some((c) => c.inner.includes('t="shared"')))) continue;
    for (const cell of doc.cells(row)) {
      const f = fOf(cell.inner);
      if (!f || getAttr(`<f${f[1]}>`, "t") !== "shared") continue;
      const si = getAttr(`<f${f[1]}>`, "si") ?? "";
      let g = groups.get(si);
      if (!g) groups.set(si, (g = { si, master: null, text: "", members: [] }));
      g.members.push({ row, cell });
      if (f[2] !== undefined && getAttr(`<f${f[1]}>`, "ref") !== null) {
        g.master = { row, cell };
        g.text = unescapeXml(f[2]);
      }
    }
  }
  return groups;
}

function setFormulaText(cell: CellNode, f: string, keepAttrs: boolean): void {
  const m = fOf(cell.inner)!;
  const attrs = keepAttrs ? m[1]!.replace(/\/$/, "") : "";
  cell.inner = cell.inner.replace(m[0], `<f${attrs}>${escapeText(f)}</f>`);
}

/** Turns a shared formula group into plain formulas (each cell its own text), as Excel does when it must. */
function unshare(g: SharedGroup, text: (m: { row: RowNode; cell: CellNode }) => string, doc: SheetXml): void {
  for (const m of g.members) {
    setFormulaText(m.cell, text(m), false);
    doc.touch(m.row, m.cell);
  }
}

/** `notes`: what the write changes beyond the plan's own cells, as Excel would (tables widened or renamed), in French. */
export interface PackageResult {
  buffer: Buffer;
  changedParts: string[];
  notes: string[];
}

export function applyPlanToPackage(buf: Uint8Array, plan: EditPlan, file = "classeur", inflated?: ReadonlyMap<string, Uint8Array>): PackageResult {
  if (isEncrypted(buf)) throw new PackageError(packageText.encrypted(file));
  const pkg = new Package(buf, file, inflated);
  const rootRels = parseRels(pkg.text("_rels/.rels"), "");
  const wbPart = rootRels.find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const wbXml = pkg.text(wbPart);
  if (wbXml === undefined) throw new PackageError(packageText.notXlsx(file));
  const wbRelsPath = relsPathOf(wbPart);
  const wbRels = parseRels(pkg.text(wbRelsPath), wbPart);
  const sheets = sheetsOf(wbXml, wbRels);
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const docs = new Map<string, SheetXml>();
  const doc = (s: SheetRef) => {
    let d = docs.get(s.part);
    if (!d) docs.set(s.part, (d = new SheetXml(pkg.text(s.part) ?? "")));
    return d;
  };
  const sheetOf = (name: string) => {
    const s = byName.get(name) ?? sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new PackageError(packageText.sheetMissing(name));
    return s;
  };
  const relsOf = (part: string): Rel[] => parseRels(pkg.text(relsPathOf(part)), part);

  // --- What the write cannot handle: refuse before changing anything.
  const inserts = plan.edits.filter((e): e is Ins => e.kind === "insertColumns");
  const firstOther = plan.edits.findIndex((e) => e.kind !== "insertColumns");
  if (firstOther >= 0 && plan.edits.slice(firstOther).some((e) => e.kind === "insertColumns"))
    throw new PackageError(packageText.unsupported(packageText.insertAfterWrite));
  const ins: Insertion[] = inserts.map((e) => ({ sheet: e.sheet, at: e.at, count: e.count, rows: e.rows }));
  const edited = new Set(plan.edits.map((e) => e.sheet));
  for (const name of edited) {
    const s = sheetOf(name);
    const xml = pkg.text(s.part) ?? "";
    const prot = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(xml);
    if (prot) {
      const v = getAttr(prot[0], "sheet");
      if (v === "1" || v === "true") throw new PackageError(packageText.protectedSheet(s.name));
    }
  }
  for (const s of sheets) {
    const xml = pkg.text(s.part) ?? "";
    if (!xml.includes('t="array"') && !xml.includes('t="dataTable"')) continue;
    for (const m of xml.matchAll(/<f\b[^>]*\bt="(array|dataTable)"[^>]*>/g)) {
      const ref = getAttr(m[0], "ref");
      const r = ref ? parseArea(ref.replace(/\$/g, "")) : null;
      if (!r) continue;
      const crosses = ins.some(
        (i) => i.sheet.toLowerCase() === s.name.toLowerCase() && r.c1 < i.at && i.at <= r.c2 && (!i.rows || (r.r2 >= i.rows[0] && r.r1 <= i.rows[1])),
      );
      if (crosses) throw new PackageError(m[1] === "array" ? packageText.arrayAcross(s.name, ref!) : packageText.dataTableAcross(s.name, ref!));
      for (const e of plan.edits) {
        if ((e.kind !== "setFormula" && e.kind !== "setValue") || e.sheet !== s.name || inserts.length) continue;
        const inside = e.row >= r.r1 && e.row <= r.r2 && e.col >= r.c1 && e.col <= r.c2;
        if (inside && !(r.r1 === r.r2 && r.c1 === r.c2)) throw new PackageError(packageText.arrayWritten(s.name, ref!));
      }
    }
  }
  // Cells shifted on some rows only would cut a merged area reaching outside them: Excel refuses that too.
  for (const i of ins) {
    if (!i.rows) continue;
    const s = sheetOf(i.sheet);
    for (const m of (pkg.text(s.part) ?? "").matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
      const r = parseArea(getAttr(m[0], "ref") ?? "");
      if (r && r.r2 >= i.rows[0] && r.r1 <= i.rows[1] && (r.r1 < i.rows[0] || r.r2 > i.rows[1]) && i.at <= r.c2)
        throw new PackageError(packageText.mergeCut(s.name, getAttr(m[0], "ref")!));
    }
  }
  const tablesOf = (s: SheetRef) => relsOf(s.part).filter((r) => r.type === "table" && pkg.has(r.target));
  for (const i of ins) {
    const s = sheetOf(i.sheet);
    for (const t of tablesOf(s)) {
      const xml = pkg.text(t.target)!;
      const r = tableRect(xml);
      if (!r) continue;
      // Excel widens a table a whole column goes through; it refuses to shift only some of a table's rows.
      const partly = i.rows !== null && r.r2 >= i.rows[0] && r.r1 <= i.rows[1] && (r.r1 < i.rows[0] || r.r2 > i.rows[1]) && i.at <= r.c2;
      if (partly) throw new PackageError(packageText.tablePartlyShifted(s.name, tableName(xml)));
      if (crosses(i, r) && tableBoundElsewhere(xml)) throw new PackageError(packageText.tableAcross(s.name, tableName(xml)));
    }
  }

  let formulasMoved = false;
  // Header names of new table columns that the plan does not write itself (Excel writes « Colonne1 »…).
  const tableHeaders: Edit[] = [];
  let planHeaders: Map<string, string> | null = null;
  const headerTextOn =
    (sheet: string) =>
    (row: number, col: number): string | null => {
      if (!planHeaders) {
        planHeaders = new Map();
        for (const e of plan.edits)
          if (e.kind === "setValue" && typeof e.value === "string") planHeaders.set(`${e.sheet.toLowerCase()}!${e.row}!${e.col}`, e.value);
      }
      return planHeaders.get(`${sheet.toLowerCase()}!${row}!${col}`) ?? null;
    };
  // Tables first: the columns they gain and those the plan renames (a header cell given another text, as add-year
  // does for « (2020, 2021, 2022) ») decide how structured references read everywhere else.
  const renames: ColumnRenames = new Map();
  const notes: string[] = [];
  for (const s of sheets) {
    for (const t of tablesOf(s)) {
      const xml = pkg.text(t.target)!;
      const w = widenTable(xml, ins, s.name, headerTextOn(s.name));
      pkg.set(t.target, w.xml);
      for (const h of w.headers) tableHeaders.push({ kind: "setValue", sheet: s.name, row: h.row, col: h.col, value: h.name });
      if (w.added.length) notes.push(packageText.tableWidened(s.name, tableName(xml), w.added));
      for (const h of w.headers) notes.push(packageText.tableHeaderWritten(s.name, `${colLetters(h.col)}${h.row}`, h.name));
      for (const [from, to] of w.renames) notes.push(packageText.tableColumnRenamed(tableName(xml), from, to));
      if (!w.renames.length) continue;
      const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)![0];
      const map = new Map(w.renames.map(([from, to]) => [from.toLowerCase(), to]));
      for (const n of [getAttr(tag, "displayName"), getAttr(tag, "name")]) if (n) renames.set(n.toLowerCase(), map);
    }
  }
  const move = (sheet: string | null, f: string): string => renameStructuredRefs(ins.length ? shiftFormula(ins, sheet, f) : f, renames);
  // --- Column insertions: every reference of the package, then the cells of the sheets they hit.
  if (ins.length || renames.size) {
    const touched = (name: string) => ins.some((i) => i.sheet.toLowerCase() === name.toLowerCase());
    for (const s of sheets) {
      const d = doc(s);
      // Shared formulas: kept shared when every member still equals the master's translation, else made plain.
      const groups = sharedGroups(d);
      const inGroup = new Set<CellNode>();
      for (const g of groups.values()) {
        for (const m of g.members) inGroup.add(m.cell);
        if (!g.master) continue;
        const mr = g.master.row.r;
        const mc = g.master.cell.col;
        const expected = (m: { row: RowNode; cell: CellNode }) => move(s.name, translateFormula(g.text, m.row.r - mr, m.cell.col - mc));
        const nmc = mapCell(ins, s.name, mr, mc);
        const masterNew = move(s.name, g.text);
        const consistent = g.members.every((m) => translateFormula(masterNew, m.row.r - mr, mapCell(ins, s.name, m.row.r, m.cell.col) - nmc) === expected(m));
        if (!consistent) {
          unshare(g, expected, d);
          formulasMoved = true;
          continue;
        }
        if (masterNew !== g.text) {
          setFormulaText(g.master.cell, masterNew, true);
          d.touch(g.master.row, g.master.cell);
          formulasMoved = true;
        }
        const fm = fOf(g.master.cell.inner)!;
        const ref = getAttr(`<f${fm[1]}>`, "ref")!;
        const nref = shiftSqref(ins, s.name, ref);
        if (nref !== ref) {
          g.master.cell.inner = g.master.cell.inner.replace(fm[0], fm[0].replace(`ref="${ref}"`, `ref="${nref}"`));
          d.touch(g.master.row, g.master.cell);
        }
      }
      for (const row of d.rows) {
        const scoped = ins.some((i) => i.sheet.toLowerCase() === s.name.toLowerCase() && (!i.rows || (row.r >= i.rows[0] && row.r <= i.rows[1])));
        if (!scoped && !row.innerRaw.includes("<f")) continue;
        for (const cell of d.cells(row)) {
          if (inGroup.has(cell) || !cell.inner.includes("<f")) continue;
          const f = fOf(cell.inner);
          if (!f || f[2] === undefined) continue;
          const text = unescapeXml(f[2]);
          const next = move(s.name, text);
          if (next !== text) {
            cell.inner = cell.inner.replace(f[0], `<f${f[1]}>${escapeText(next)}</f>`);
            const ref = getAttr(`<f${f[1]}>`, "ref");
            if (ref) cell.inner = cell.inner.replace(`ref="${ref}"`, `ref="${shiftSqref(ins, s.name, ref)}"`);
            d.touch(row, cell);
            formulasMoved = true;
          }
        }
      }
      d.head2 = shiftSheetExtras(d.head2, s.name, ins, move);
      d.tail2 = shiftSheetExtras(d.tail2, s.name, ins, move);
      if (d.head2 !== d.head || d.tail2 !== d.tail) d.dirty = true;
      if (!touched(s.name)) continue;
      d.tail2 = shiftSheetAnchors(d.tail2, ins, s.name);
      // Cells move right, one insertion after the other; the new cells take the format of their left neighbour.
      for (const e of inserts) {
        if (e.sheet.toLowerCase() !== s.name.toLowerCase()) continue;
        for (const row of d.rows) {
          if (e.rows && (row.r < e.rows[0] || row.r > e.rows[1])) continue;
          const cells = d.cells(row);
          let moved = false;
          for (const c of cells) {
            if (c.col >= e.at) {
              c.col += e.count;
              c.raw = null;
              moved = true;
            }
          }
          const from = d.cell(row, e.copyFormatFrom, false);
          const style = from ? getAttr(from.open, "s") : null;
          if (style && style !== "0") {
            for (let k = 0; k < e.count; k++) d.cell(row, e.at + k, true)!.open = `<c s="${style}">`;
            moved = true;
          }
          if (moved) d.touch(row);
        }
        const cols = parseCols(d.head2);
        if (cols && !e.rows) d.head2 = d.head2.slice(0, cols.start) + colsXml(insertIntoCols(cols.cols, e)) + d.head2.slice(cols.end);
        d.dirty = true;
      }
      // Parts hanging off this sheet: notes and threaded comments, drawings (anchors), pivot tables' location, VML notes.
      for (const rel of relsOf(s.part)) {
        const xml = pkg.text(rel.target);
        if (xml === undefined) continue;
        if (rel.type === "comments" || rel.type === "threadedComment" || rel.type === "pivotTable") {
          pkg.set(
            rel.target,
            xml.replace(/\s(ref|sqref)="([^"]*)"/g, (m, a: string, v: string) => {
              const n = shiftSqref(ins, s.name, v);
              return n === v ? m : ` ${a}="${n}"`;
            }),
          );
        } else if (rel.type === "drawing") {
          pkg.set(rel.target, shiftDrawing(xml, ins, s.name));
        } else if (rel.type === "vmlDrawing") {
          pkg.set(rel.target, shiftVml(xml, ins, s.name));
        }
      }
    }
    // Tables' own formulas (calculated columns, totals), form controls' cell links and ranges, on any sheet.
    for (const s of sheets) {
      for (const t of tablesOf(s))
        pkg.set(
          t.target,
          moveTableFormulas(pkg.text(t.target)!, (f) => move(s.name, f)),
        );
      for (const rel of relsOf(s.part)) {
        if (rel.type !== "ctrlProp" && rel.type !== "vmlDrawing") continue;
        const xml = pkg.text(rel.target);
        if (xml !== undefined && /fmla|<x:Fmla/i.test(xml)) pkg.set(rel.target, moveControlFormulas(xml, s.name, move));
      }
    }
    // Workbook-level references: defined names (print area and titles too), charts, pivot cache sources.
    let wb = wbXml.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (m, open: string, body: string, close: string) => {
      const next = move(null, unescapeXml(body));
      return next === unescapeXml(body) ? m : open + escapeText(next) + close;
    });
    wb = setCalcOnLoad(wb);
    pkg.set(wbPart, wb);
    for (const name of pkg.names()) {
      if (/^xl\/charts\/chart(?:Ex)?\d*\.xml$/.test(name)) {
        const xml = pkg.text(name)!;
        pkg.set(
          name,
          xml.replace(/<((?:\w+:)?f)>([^<]*)<\/\1>/g, (m, tag: string, body: string) => {
            const next = move(null, unescapeXml(body));
            return next === unescapeXml(body) ? m : `<${tag}>${escapeText(next)}</${tag}>`;
          }),
        );
      } else if (/^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/.test(name)) {
        const xml = pkg.text(name)!;
        pkg.set(
          name,
          xml.replace(/<worksheetSource\b[^>]*>/g, (tag) => {
            const sheet = getAttr(tag, "sheet");
            const ref = getAttr(tag, "ref");
            if (!sheet || !ref || getAttr(tag, "r:id")) return tag;
            const next = shiftSqref(ins, sheet, ref);
            return next === ref ? tag : setAttr(tag, "ref", next);
          }),
        );
      }
    }
  }

  // --- Cell edits, in final coordinates.
  const sstRel = wbRels.find((r) => r.type === "sharedStrings");
  const sst = sstRel && pkg.text(sstRel.target) !== undefined ? new SharedStrings(pkg.text(sstRel.target)!) : null;
  const stylesRel = wbRels.find((r) => r.type === "styles");
  const styles = stylesRel && pkg.text(stylesRel.target) !== undefined ? new Styles(pkg.text(stylesRel.target)!) : null;
  const extent = new Map<string, Rect>();
  const grow = (s: SheetRef, row: number, col: number) => {
    const e = extent.get(s.part);
    if (!e) {
      extent.set(s.part, { r1: row, c1: col, r2: row, c2: col });
      return;
    }
    // In place: one rectangle per sheet, not one per edit.
    if (row < e.r1) e.r1 = row;
    if (col < e.c1) e.c1 = col;
    if (row > e.r2) e.r2 = row;
    if (col > e.c2) e.c2 = col;
  };
  const sharedBySheet = new Map<string, Map<CellNode, SharedGroup>>();
  const groupOf = (s: SheetRef, d: SheetXml, cell: CellNode) => {
    let m = sharedBySheet.get(s.part);
    if (!m) {
      m = new Map();
      for (const g of sharedGroups(d).values()) for (const x of g.members) m.set(x.cell, g);
      sharedBySheet.set(s.part, m);
    }
    return m.get(cell);
  };
  const styled = (cell: CellNode, numFmt: string | undefined): string => {
    const s = styleOf(cell.open);
    if (!numFmt || !styles) return s ?? "";
    return String(styles.withNumFmt(Number(s ?? 0), numFmt));
  };
  const openTag = (cell: CellNode, s: string, t: string | null) => {
    // The tag of a cell the plan creates (<c s="7">) is made directly: this runs for every cell a plan writes.
    if (t === null && SIMPLE_OPEN.test(cell.open)) {
      if (s && s !== "0") return `<c s="${s}">`;
      return cell.open !== "<c>" && s === "0" ? '<c s="0">' : "<c>";
    }
    let tag = setAttr(setAttr(setAttr(cell.open, "t", t), "cm", null), "vm", null);
    tag = setAttr(tag, "s", s && s !== "0" ? s : getAttr(tag, "s") === null ? null : s || null);
    return tag;
  };
  const valueInner = (v: CellValue | undefined): { t: string | null; v: string } => {
    if (v === null || v === undefined) return { t: null, v: "" };
    if (typeof v === "number") return Number.isFinite(v) ? { t: null, v: `<v>${v}</v>` } : { t: "e", v: "<v>#NUM!</v>" };
    if (typeof v === "boolean") return { t: "b", v: `<v>${v ? 1 : 0}</v>` };
    if (typeof v === "object") return { t: "e", v: `<v>${escapeText(v.error)}</v>` };
    return { t: null, v: "" };
  };
  let formulasWritten = false;
  for (const e of [...plan.edits, ...tableHeaders]) {
    if (e.kind === "insertColumns") continue;
    const s = sheetOf(e.sheet);
    const d = doc(s);
    if (e.kind === "merge") {
      d.tail2 = addMerge(d.tail2, `${colLetters(e.c1)}${e.r1}:${colLetters(e.c2)}${e.r2}`);
      d.dirty = true;
      grow(s, e.r2, e.c2);
      continue;
    }
    if (e.kind === "setColumnWidth") {
      const cols = parseCols(d.head2);
      if (cols) d.head2 = d.head2.slice(0, cols.start) + colsXml(setWidth(cols.cols, e.col, e.width)) + d.head2.slice(cols.end);
      else d.head2 = d.head2.replace(/<sheetData\b/, `${colsXml(setWidth([], e.col, e.width))}<sheetData`);
      d.dirty = true;
      continue;
    }
    const row = d.ensureRow(e.row);
    const cell = d.cell(row, e.col, true)!;
    grow(s, e.row, e.col);
    if (e.kind !== "setNumberFormat") {
      // Overwriting the master of a shared formula: its other cells get their own formula first.
      const g = groupOf(s, d, cell);
      if (g && g.master?.cell === cell) {
        const mr = g.master.row.r;
        const mc = g.master.cell.col;
        unshare(g, (m) => translateFormula(g.text, m.row.r - mr, m.cell.col - mc), d);
        for (const m of g.members) sharedBySheet.get(s.part)!.delete(m.cell);
      }
      sharedBySheet.get(s.part)?.delete(cell);
    }
    if (e.kind === "setNumberFormat") {
      cell.open = openTag(cell, styled(cell, e.numFmt), getAttr(cell.open, "t"));
    } else if (e.kind === "setFormula") {
      const r = e.result;
      const t = typeof r === "string" ? "str" : null;
      const v = r === null || r === undefined ? "" : typeof r === "string" ? `<v>${escapeText(r)}</v>` : `<v>${r}</v>`;
      cell.open = openTag(cell, styled(cell, e.numFmt), t);
      cell.inner = `<f>${escapeText(e.formula.charCodeAt(0) === 61 ? e.formula.slice(1) : e.formula)}</f>${v}`;
      formulasWritten = true;
    } else {
      const v = e.value;
      if (typeof v === "string") {
        if (sst) {
          cell.open = openTag(cell, styled(cell, e.numFmt), "s");
          cell.inner = `<v>${sst.indexOf(v)}</v>`;
        } else {
          cell.open = openTag(cell, styled(cell, e.numFmt), "inlineStr");
          cell.inner = `<is><t xml:space="preserve">${escapeText(v)}</t></is>`;
        }
      } else {
        const x = valueInner(v);
        cell.open = openTag(cell, styled(cell, e.numFmt), x.t);
        cell.inner = x.v;
      }
    }
    d.touch(row, cell);
  }

  // --- Serialise what changed.
  for (const s of sheets) {
    const d = docs.get(s.part);
    if (!d) continue;
    const ext = extent.get(s.part);
    if (ext) {
      d.head2 = d.head2.replace(/<dimension\b[^>]*>/, (tag) => {
        const r = parseArea(getAttr(tag, "ref") ?? "");
        if (!r) return tag;
        const u = { r1: Math.min(r.r1, ext.r1), c1: Math.min(r.c1, ext.c1), r2: Math.max(r.r2, ext.r2), c2: Math.max(r.c2, ext.c2) };
        if (u.r1 === r.r1 && u.c1 === r.c1 && u.r2 === r.r2 && u.c2 === r.c2) return tag;
        d.dirty = true;
        return setAttr(tag, "ref", `${colLetters(u.c1)}${u.r1}:${colLetters(u.c2)}${u.r2}`);
      });
    }
    if (d.dirty) pkg.set(s.part, d.toXml());
  }
  if (sst?.changed) pkg.set(sstRel!.target, sst.toXml());
  if (styles?.changed) pkg.set(stylesRel!.target, styles.toXml());
  if (formulasWritten || formulasMoved) {
    // Whoever opens the file next recalculates; the calculation chain lists cells that moved, so it goes.
    pkg.set(wbPart, setCalcOnLoad(pkg.text(wbPart)!));
    const chain = wbRels.find((r) => r.type === "calcChain");
    if (chain && pkg.has(chain.target)) {
      pkg.removed.add(chain.target);
      pkg.set(wbRelsPath, pkg.text(wbRelsPath)!.replace(new RegExp(`<Relationship\\b[^>]*Id="${chain.id}"[^>]*/>`), ""));
      const ct = pkg.text("[Content_Types].xml");
      if (ct) pkg.set("[Content_Types].xml", ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${chain.target.replace(/[.]/g, "\\.")}"[^>]*/>`), ""));
    }
  }
  return { buffer: pkg.toBuffer(), changedParts: [...pkg.changed, ...[...pkg.removed].map((r) => `-${r}`)], notes };
}

function setCalcOnLoad(wb: string): string {
  if (/<calcPr\b[^>]*\bfullCalcOnLoad="(1|true)"/.test(wb)) return wb;
  if (/<calcPr\b/.test(wb)) return wb.replace(/<calcPr\b[^>]*?\/?>/, (tag) => setAttr(tag, "fullCalcOnLoad", "1"));
  // No calcPr: it goes after the elements that precede it in the schema.
  const before = /<\/(?:\w+:)?(?:definedNames|sheets)>/g;
  let last = -1;
  for (const m of wb.matchAll(before)) last = m.index + m[0].length;
  return last < 0 ? wb : `${wb.slice(0, last)}<calcPr fullCalcOnLoad="1"/>${wb.slice(last)}`;
}

/** Drawing anchors (pictures, charts) on the sheet: from/to columns move like cells (absolute anchors stay). */
function shiftDrawing(xml: string, ins: Insertion[], sheet: string): string {
  return xml.replace(/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor)\b[^>]*>[\s\S]*?<\/(?:\w+:)?(?:twoCellAnchor|oneCellAnchor)>/g, (anchor) => {
    if (/editAs="absolute"/.test(anchor.slice(0, anchor.indexOf(">")))) return anchor;
    return shiftFromTo(anchor, ins, sheet);
  });
}

/** from/to cell anchors (0-based col and row), whatever prefixes they carry (<from><xdr:col> in sheet controls). */
function shiftFromTo(xml: string, ins: Insertion[], sheet: string): string {
  return xml.replace(
    /(<(?:\w+:)?(?:from|to)>\s*<((?:\w+:)?)col>)(\d+)(<\/\2col>\s*<\2colOff>[^<]*<\/\2colOff>\s*<\2row>)(\d+)/g,
    (m, a: string, _p, col: string, b: string, row: string) => {
      const c = mapCell(ins, sheet, Number(row) + 1, Number(col) + 1) - 1;
      return c === Number(col) ? m : `${a}${c}${b}${row}`;
    },
  );
}

/** Form controls and embedded objects placed on the sheet itself (<controls>, <oleObjects>): those that move with cells. */
function shiftSheetAnchors(tail: string, ins: Insertion[], sheet: string): string {
  if (!tail.includes("<anchor")) return tail;
  return tail.replace(/<(?:\w+:)?anchor\b[^>]*>[\s\S]*?<\/(?:\w+:)?anchor>/g, (anchor) => {
    const open = anchor.slice(0, anchor.indexOf(">") + 1);
    const moves = getAttr(open, "moveWithCells");
    return moves === "1" || moves === "true" ? shiftFromTo(anchor, ins, sheet) : anchor;
  });
}

/** Cell links and ranges of form controls (ctrlProp parts' attributes, legacy VML controls' elements). */
function moveControlFormulas(xml: string, sheet: string, move: (sheet: string | null, f: string) => string): string {
  let out = xml.replace(/<(?:\w+:)?formControlPr\b[^>]*>/g, (tag) => {
    let t = tag;
    for (const a of ["fmlaLink", "fmlaRange", "fmlaGroup", "fmlaTxbx"]) {
      const v = getAttr(t, a);
      if (v === null) continue;
      const next = move(sheet, v);
      if (next !== v) t = setAttr(t, a, next);
    }
    return t;
  });
  out = out.replace(/<(x:Fmla(?:Link|Range|Group|Txbx|Pict))>([^<]*)<\/\1>/g, (m, tag: string, body: string) => {
    const next = move(sheet, unescapeXml(body));
    return next === unescapeXml(body) ? m : `<${tag}>${escapeText(next)}</${tag}>`;
  });
  return out;
}

/** Legacy VML notes: the anchor and the cell a note belongs to move with it. */
function shiftVml(xml: string, ins: Insertion[], sheet: string): string {
  return xml.replace(/<x:ClientData\b[\s\S]*?<\/x:ClientData>/g, (block) => {
    const row = Number(/<x:Row>(\d+)<\/x:Row>/.exec(block)?.[1] ?? NaN);
    let out = block.replace(/<x:Column>(\d+)<\/x:Column>/, (m, c: string) => {
      if (Number.isNaN(row)) return m;
      const n = mapCell(ins, sheet, row + 1, Number(c) + 1) - 1;
      return `<x:Column>${n}</x:Column>`;
    });
    out = out.replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (m, a: string) => {
      const v = a.split(",").map((x) => Number(x.trim()));
      if (v.length !== 8 || v.some(Number.isNaN)) return m;
      const c1 = mapCell(ins, sheet, v[2]! + 1, v[0]! + 1) - 1;
      const c2 = mapCell(ins, sheet, v[6]! + 1, v[4]! + 1) - 1;
      if (c1 === v[0] && c2 === v[4]) return m;
      const parts = a.split(",");
      parts[0] = parts[0]!.replace(/\d+/, String(c1));
      parts[4] = parts[4]!.replace(/\d+/, String(c2));
      return `<x:Anchor>${parts.join(",")}</x:Anchor>`;
    });
    return out;
  });
}

// Exposed for tests of the pieces.
export { mapRect };
