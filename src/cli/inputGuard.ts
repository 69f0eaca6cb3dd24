// Checks a file before any parser sees it: what it is (regular file, size, format), whether the package is whole,
// and how many cells it really uses. Every refusal is an InputError with a French message; no library text leaks.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { inputText } from "../messages/cli";
import { readZip, type ZipEntry } from "../xlsx/package/zip";
import { InputError } from "./inputError";
import { readingPackage } from "./v8Flags";

export { InputError };

export const LIMITS = {
  /** Bytes of the .xlsx file itself. */
  maxBytes: 200 * 1024 * 1024,
  /** Bytes of the package once unzipped (a zip bomb is small on disk). */
  maxUnzipped: 1024 * 1024 * 1024,
  /**
   * Cells holding a value or a formula, all sheets together. An annex of 100 000 fiche rows holds 6.3 million; the
   * package reader checks it in 1.7 GB at most, so twice as many stay within Node's default heap.
   */
  maxCells: 10_000_000,
  /** <row> and <c> elements that ExcelJS would materialise, all sheets together, when they cannot be trimmed. */
  maxElements: 8_000_000,
};

/** Limits an administrator may lower or raise: CDPPE_MAX_OCTETS (file bytes), CDPPE_MAX_CELLULES (used cells). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<typeof LIMITS> {
  const out: Partial<typeof LIMITS> = {};
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  const bytes = num(env.CDPPE_MAX_OCTETS);
  const cells = num(env.CDPPE_MAX_CELLULES);
  if (bytes) out.maxBytes = bytes;
  if (cells) out.maxCells = cells;
  return out;
}

export interface SheetCount {
  name: string;
  part: string;
  rows: number;
  cells: number;
  usedCells: number;
}

export interface GuardResult {
  bytes: Uint8Array;
  /** Each worksheet counted; none for a streamed read (its reader counts the cells it keeps). */
  sheets: SheetCount[];
  /** Every part, inflated and checked (size, CRC): a reader takes them from here instead of inflating again. */
  parts: Map<string, Buffer>;
  /** The same package without empty rows and empty cells, when they outnumber the used ones (read-only use). */
  trimmed?: Uint8Array;
}

export interface GuardOptions {
  limits?: Partial<typeof LIMITS>;
  allowTrim?: boolean;
  /**
   * For a reader that keeps only used cells (the package reader): empty rows and cells cost it nothing, so the
   * package is neither trimmed nor held to the element bound (which protects readers that materialise every element).
   * Its sheets are not counted either: that reader must hold the cells it keeps to `maxCells` itself (loadWorkbook).
   */
  streamed?: boolean;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

export function errnoMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return inputText.missing(file);
    case "EACCES":
    case "EPERM":
      return inputText.permission(file);
    case "EISDIR":
      return inputText.directory(file);
    case "ENOTDIR":
      return inputText.missing(file);
    case "ELOOP":
      return inputText.loop(file);
    case "ENAMETOOLONG":
      return inputText.nameTooLong(file);
    case "EMFILE":
    case "ENFILE":
      return inputText.tooManyOpen(file);
    case "ENOMEM":
      return inputText.tooBig(file, inputText.limitBytes(LIMITS.maxBytes));
    default:
      return inputText.disk(file);
  }
}

/** Stat without opening: a named pipe or a device is refused before anything reads it. */
export function statInput(file: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (e) {
    throw new InputError(errnoMessage(file, e));
  }
}

function readWhole(file: string, size: number): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    throw new InputError(errnoMessage(file, e));
  }
  try {
    // The size seen at stat time bounds the read: a file growing underneath cannot make us read more.
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = fs.readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } catch (e) {
    throw new InputError(errnoMessage(file, e));
  } finally {
    fs.closeSync(fd);
  }
}

function utf16Contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, "utf16le"));
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) bad++;
  }
  return bad * 50 < n;
}

/** Classifies a file that is not a zip package and throws the French reason. */
function refuseNotZip(file: string, bytes: Uint8Array): never {
  const ext = path.extname(file).toLowerCase();
  if (startsWith(bytes, OLE)) {
    if (utf16Contains(bytes, "EncryptionInfo") || utf16Contains(bytes, "EncryptedPackage")) throw new InputError(inputText.encrypted(file));
    throw new InputError(inputText.oldXls(file));
  }
  if (bytes.length >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) throw new InputError(inputText.pdf(file));
  if (looksLikeText(bytes)) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1").toLowerCase();
    if (ext === ".csv" || ext === ".txt" || ext === ".tsv") throw new InputError(inputText.csv(file));
    if (head.includes("<html") || head.includes("<!doctype html") || head.includes("<table")) throw new InputError(inputText.html(file));
    if (head.startsWith("<?xml") || head.includes("<workbook")) throw new InputError(inputText.xml2003(file));
    throw new InputError(inputText.csv(file));
  }
  throw new InputError(inputText.unknownFormat(file));
}

interface Listed {
  entry: ZipEntry;
  originalSize: number;
  crc: number;
}

const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;

/** The entries as the central directory lists them (sizes and CRC-32 as recorded there). */
function listEntries(file: string, bytes: Uint8Array): Map<string, Listed> {
  const entries = new Map<string, Listed>();
  try {
    for (const entry of readZip(bytes)) entries.set(entry.name, { entry, originalSize: u32(entry.central, 24), crc: u32(entry.central, 16) });
  } catch {
    throw new InputError(inputText.corruptZip(file));
  }
  return entries;
}

/** One entry inflated (zlib, native), never past the size the directory declares: a lying entry cannot fill memory. */
function inflateEntry(file: string, e: Listed, oneChunk = false): Buffer {
  const raw = e.entry.local.subarray(e.entry.dataStart, e.entry.dataStart + e.entry.compressedSize);
  try {
    if (e.entry.method === 0) return Buffer.from(raw);
    // Once the declared sizes are known to fit the limits: one output chunk of the declared size, instead of 16 KiB
    // chunks joined at the end (a second copy of a 200 MB sheet at its peak).
    const chunkSize = oneChunk ? Math.max(64, e.originalSize) : undefined;
    if (e.entry.method === 8) return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.originalSize), chunkSize });
  } catch {
    // Damaged deflate data, or more data than declared.
  }
  throw new InputError(inputText.corruptZip(file));
}

/**
 * Where "<mergeCells" first occurs, as b.indexOf("<mergeCells") finds it, searched by "mergeCe": Node looks for a
 * needle of up to 7 bytes by its first byte (memchr), "m" here, rare in a sheet; a longer needle, or one starting with
 * "<" (every 9 bytes of a sheet), is 6 times slower to search for over a sheet's markup (136 → 19 ms for the 212 MB
 * sheet of 100 000 fiche rows, without a merge until its end).
 */
function mergeCellsAt(b: Buffer): number {
  for (let i = b.indexOf("mergeCe"); i >= 0; i = b.indexOf("mergeCe", i + 1)) {
    if (i > 0 && b[i - 1] === 0x3c && b[i + 7] === 0x6c && b[i + 8] === 0x6c && b[i + 9] === 0x73) return i - 1;
  }
  return -1;
}

/** Cells covered by merged areas: a merge over a whole sheet would make a reader walk billions of cells. */
function mergedArea(xml: Uint8Array): number {
  const b = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const start = mergeCellsAt(b);
  if (start < 0) return 0;
  const end = b.indexOf("</mergeCells>", start);
  const text = b.toString("latin1", start, end < 0 ? b.length : end);
  let area = 0;
  const colOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const m of text.matchAll(/ref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"/g)) {
    area += (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(colOf(m[3]!) - colOf(m[1]!)) + 1);
  }
  return area;
}

const decode = (u: Buffer | undefined) => (u ? u.toString("utf8") : "");

/** Attribute values of each element named `tag` (no XML library: these parts are small and regular). */
function elements(xml: string, tag: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const re = new RegExp(`<(?:[A-Za-z0-9_]+:)?${tag}\\b([^>]*)>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs: Record<string, string> = {};
    const ar = /([A-Za-z0-9_:]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    for (let a = ar.exec(m[1]!); a; a = ar.exec(m[1]!)) attrs[a[1]!.replace(/^[A-Za-z0-9_]+:(?=id$)/, "r:")] = a[3] ?? a[4] ?? "";
    out.push(attrs);
  }
  return out;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (path.posix.dirname(base) + "/" + target).split("/");
  const stack: string[] = [];
  for (const p of parts) {
    if (p === "..") stack.pop();
    else if (p && p !== ".") stack.push(p);
  }
  return stack.join("/");
}

/**
 * Where the children of a cell end when written the usual way, from `p` (just after the cell's tag): <v> and <f>
 * elements without attributes, each closed right after its text, then "</c>". Returns the index of that "</c>"'s ">",
 * or -1 for any other make (then scanned tag by tag). Each "<" met here starts a well-formed tag that is neither a row
 * nor a cell, as a tag-by-tag scan would find: three to five tags a cell checked at once (most of a sheet's tags).
 */
function cellChildrenEnd(xml: Uint8Array, p: number, n: number): number {
  for (;;) {
    if (p + 3 >= n || xml[p] !== 0x3c) return -1;
    const name = xml[p + 1];
    if (name === 0x2f /* / */) return xml[p + 2] === 0x63 /* c */ && xml[p + 3] === 0x3e ? p + 3 : -1;
    if ((name !== 0x76 /* v */ && name !== 0x66) /* f */ || xml[p + 2] !== 0x3e) return -1;
    let q = p + 3;
    while (q < n && xml[q] !== 0x3c) q++;
    if (q + 3 >= n || xml[q + 1] !== 0x2f || xml[q + 2] !== name || xml[q + 3] !== 0x3e) return -1;
    p = q + 4;
  }
}

/** What countRange counts, carried from one range of a sheet to the next. */
interface SheetTally {
  rows: number;
  cells: number;
  used: number;
  malformed: boolean;
  lastTag: number;
}

/**
 * Bytes of a sheet counted per call of countRange: the scan returns often, so V8 compiles it once, for its next call,
 * instead of also compiling it to replace the call running (on-stack replacement, a second compile of the same loop).
 */
const COUNT_RANGE_BYTES = 4 * 1024;

/**
 * Counts <row>, <c> and used <c> (not self-closing) elements in a sheet part, on bytes, in one pass. On the way, the
 * markup is checked for what a damaged part shows and a reader that keeps only what it needs would not notice: a
 * "<" that starts no tag, or a document that does not end by closing its root element.
 */
export function countSheet(xml: Uint8Array, rangeBytes = COUNT_RANGE_BYTES): { rows: number; cells: number; usedCells: number; malformed: boolean } {
  const tally: SheetTally = { rows: 0, cells: 0, used: 0, malformed: false, lastTag: -1 };
  const n = xml.length;
  for (let i = 0; i < n; ) i = countRange(xml, i, Math.min(n, i + rangeBytes), tally);
  const malformed = tally.malformed || !closesRoot(xml, tally.lastTag);
  return { rows: tally.rows, cells: tally.cells, usedCells: tally.used, malformed };
}

/** Whether the tag at lastTag, a part's last, closes its root (a worksheet, a chartsheet…) with only white space after. */
function closesRoot(xml: Uint8Array, lastTag: number): boolean {
  const n = xml.length;
  if (lastTag < 0 || xml[lastTag + 1] !== 0x2f) return false;
  let e = lastTag;
  while (e < n && xml[e] !== 0x3e) e++;
  if (e >= n) return false;
  for (let t = e + 1; t < n; t++) if (xml[t] !== 0x20 && xml[t] !== 0x0a && xml[t] !== 0x0d && xml[t] !== 0x09) return false;
  return true;
}

/**
 * The tags starting in xml[from..to) counted into `tally` (a tag is read whole, past `to` if it runs on); returns where
 * the next range starts: just after the last tag read.
 */
function countRange(xml: Uint8Array, from: number, to: number, tally: SheetTally): number {
  let rows = 0;
  let cells = 0;
  let used = 0;
  let malformed = false;
  let lastTag = tally.lastTag;
  const n = xml.length;
  let i = from;
  // A plain loop over the bytes: a native indexOf per tag cost more in calls than it saved (110 ms for a 20 MB sheet
  // of 10 000 fiche rows, 25 ms this way).
  for (; i < to; i++) {
    if (xml[i] !== 0x3c) continue;
    lastTag = i;
    let j = i + 1;
    const first = j < n ? xml[j]! : -1;
    // A name (letter, "_", or any non-ASCII byte), "/", "?" or "!" follows every "<" of well-formed XML.
    if (!(
      (first >= 0x61 && first <= 0x7a) ||
      (first >= 0x41 && first <= 0x5a) ||
      first === 0x5f ||
      first >= 0x80 ||
      first === 0x2f ||
      first === 0x3f ||
      first === 0x21
    )) {
      malformed = true;
      continue;
    }
    // Skip a namespace prefix such as "x:".
    let k = j;
    while (k < n && k - j < 16) {
      const b = xml[k]!;
      if ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39)) k++;
      else break;
    }
    if (k < n && xml[k] === 0x3a) j = k + 1;
    const c0 = j < n ? xml[j] : -1;
    const c1 = j + 1 < n ? xml[j + 1] : -1;
    if (c0 === 0x63 /* c */ && (c1 === 0x20 || c1 === 0x3e || c1 === 0x2f)) {
      cells++;
      let e = j + 1;
      while (e < n && xml[e] !== 0x3e) e++;
      if (xml[e - 1] !== 0x2f) {
        used++;
        const end = cellChildrenEnd(xml, e + 1, n);
        if (end > e) {
          lastTag = end - 3;
          e = end;
        }
      }
      i = e;
    } else if (c0 === 0x72 && c1 === 0x6f && j + 2 < n && xml[j + 2] === 0x77) {
      const c3 = j + 3 < n ? xml[j + 3] : -1;
      if (c3 === 0x20 || c3 === 0x3e || c3 === 0x2f) rows++;
    }
  }
  tally.rows += rows;
  tally.cells += cells;
  tally.used += used;
  if (malformed) tally.malformed = true;
  tally.lastTag = lastTag;
  return i;
}

/**
 * Every kind of tag countSheet meets (cells used and empty, with a formula, inline, namespaced; rows; a declaration),
 * counted once before the first sheet: V8 compiles countRange once it runs hot, for the kinds it has seen, and threw
 * that code away to compile it again at the first formula met afterwards.
 */
const WARM_UP_SHEET = Buffer.from(
  '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/><c r="C1"><f>A1</f><v>1</v></c>' +
    '<c r="D1" t="inlineStr"><is><t>a</t></is></c></row><x:row r="2"><x:c r="A2"><v>2</v></x:c></x:row><row r="3"/></sheetData></worksheet>',
);
let warmedUp = false;

/**
 * A "<" followed by what starts no tag (as countSheet reads it: a name's first character, "/", "?" or "!"). A "<" that
 * ends the text has nothing after it: a slice never ends on one, and the part's own last "<" is held to close its root.
 * (A class after the "<", not a lookahead: a fifth faster over a sheet's markup.)
 */
const STRAY_LT = /<[^A-Za-z_/?!\u0080-\u00ff]/;
/**
 * Bytes of a part searched at a time, as Latin-1 text (a character a byte: the same test as on the bytes). Small: a
 * slice's text dies young, in the young generation; slices of megabytes stayed in the large-object space until the next
 * full collection (+21 MB of peak memory at 10 000 fiche rows).
 */
const MARKUP_SLICE = 64 * 1024;

/**
 * What countSheet finds damaged, without counting: a "<" that starts no tag, or a document that does not end by
 * closing its root element. One native search instead of a byte loop in JavaScript: at 5 000 fiche rows 9 ms against
 * 24 ms, and no large function for V8 to compile (12 ms more on a compiler thread) (issue 15).
 */
export function markupDamaged(xml: Uint8Array, sliceBytes = MARKUP_SLICE): boolean {
  const b = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const n = b.length;
  for (let from = 0; from < n; ) {
    let to = Math.min(n, from + sliceBytes);
    // A slice never ends on a "<": the character after it is in the same slice (or there is none: damaged).
    while (to < n && b[to - 1] === 0x3c) to++;
    if (STRAY_LT.test(b.toString("latin1", from, to))) return true;
    from = to;
  }
  return !closesRoot(b, b.lastIndexOf(0x3c));
}

/** Drops self-closing cells and rows left empty: what ExcelJS would otherwise hold in memory for nothing. */
export function trimSheet(xml: string): string {
  return xml
    .replace(/<c\b[^>]*\/>/g, "")
    .replace(/<row\b[^>]*\/>/g, "")
    .replace(/<row\b[^>]*>\s*<\/row>/g, "");
}

/** The limits in force: the defaults, then the administrator's (environment), then the caller's. */
export function limitsOf(given?: Partial<typeof LIMITS>): typeof LIMITS {
  return { ...LIMITS, ...limitsFromEnv(), ...given };
}

/**
 * Reads and checks `file`; throws InputError with the French reason when it is not a whole .xlsx package
 * within the limits. Nothing is parsed as a workbook here.
 */
export function guardInput(file: string, options: GuardOptions = {}): GuardResult {
  const limits = limitsOf(options.limits);
  const st = statInput(file);
  if (st.isDirectory()) throw new InputError(inputText.directory(file));
  if (!st.isFile()) throw new InputError(inputText.notRegular(file));
  if (st.size === 0) throw new InputError(inputText.empty(file));
  if (st.size > limits.maxBytes) throw new InputError(inputText.tooBig(file, inputText.limitBytes(limits.maxBytes)));
  const bytes = readWhole(file, st.size);
  if (bytes.length === 0) throw new InputError(inputText.empty(file));

  if (!startsWith(bytes, ZIP_LOCAL)) {
    if (startsWith(bytes, ZIP_EMPTY)) throw new InputError(inputText.notWorkbookZip(file));
    refuseNotZip(file, bytes);
  }
  const entries = listEntries(file, bytes);
  if (entries.has("mimetype")) {
    const mime = decode(inflateEntry(file, entries.get("mimetype")!));
    if (mime.includes("opendocument.spreadsheet")) throw new InputError(inputText.ods(file));
    if (mime.includes("opendocument")) throw new InputError(inputText.otherOpenDocument(file));
  }
  if (entries.has("xl/workbook.bin")) throw new InputError(inputText.xlsb(file));
  if (entries.has("word/document.xml") || entries.has("ppt/presentation.xml")) throw new InputError(inputText.otherOffice(file));
  let unzipped = 0;
  for (const e of entries.values()) unzipped += e.originalSize;
  if (unzipped > limits.maxUnzipped) throw new InputError(inputText.tooBigUnzipped(file, inputText.limitBytes(limits.maxUnzipped)));
  // Before anything is inflated: a large package is read (and written) under V8's own heap settings.
  readingPackage(unzipped);

  const crc32 = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  const parts = new Map<string, Buffer>();
  for (const [name, e] of entries) {
    if (name.endsWith("/")) continue;
    const got = inflateEntry(file, e, true);
    if (e.originalSize !== got.length) throw new InputError(inputText.corruptZip(file));
    if (crc32 && crc32(got) >>> 0 !== e.crc) throw new InputError(inputText.corruptZip(file));
    parts.set(name, got);
  }

  const rels = decode(parts.get("_rels/.rels"));
  const officeDoc = elements(rels, "Relationship").find((r) => /\/officeDocument$/.test(r.Type ?? ""));
  const workbookPart = officeDoc?.Target ? resolvePart("", officeDoc.Target) : "xl/workbook.xml";
  if (!parts.get("[Content_Types].xml") && !parts.get(workbookPart)) throw new InputError(inputText.notWorkbookZip(file));
  if (!parts.get(workbookPart)) throw new InputError(inputText.missingWorkbook(file, workbookPart));
  const workbookXml = decode(parts.get(workbookPart));
  if (!/<(?:[A-Za-z0-9_]+:)?workbook\b/.test(workbookXml)) throw new InputError(inputText.missingWorkbook(file, workbookPart));
  const wbRelsPart = resolvePart(workbookPart, `_rels/${path.posix.basename(workbookPart)}.rels`);
  const wbRels = elements(decode(parts.get(wbRelsPart)), "Relationship");
  const sheetEls = elements(workbookXml, "sheet");
  if (!sheetEls.length) throw new InputError(inputText.noSheet(file));
  if (!parts.get(wbRelsPart)) throw new InputError(inputText.missingPart(file, wbRelsPart));

  // Styles, shared strings, theme: a missing one changes what the cells read (text indexes instead of text).
  for (const r of wbRels) {
    if (r.TargetMode === "External" || !r.Target || /\/(worksheet|chartsheet|dialogsheet|macrosheet)$/.test(r.Type ?? "")) continue;
    if (/\/(sharedStrings|styles)$/.test(r.Type ?? "") && !parts.get(resolvePart(workbookPart, r.Target)))
      throw new InputError(inputText.missingPart(file, resolvePart(workbookPart, r.Target)));
  }
  if (!warmedUp && !options.streamed) {
    warmedUp = true;
    // (A few times: V8 records what a function meets only once it has run a little.)
    for (let i = 0; i < 4; i++) countSheet(WARM_UP_SHEET);
  }
  const sheets: SheetCount[] = [];
  let used = 0;
  let elementsTotal = 0;
  let trimWorth = false;
  for (const s of sheetEls) {
    const rel = wbRels.find((r) => r.Id === s["r:id"]);
    const name = s.name ?? "?";
    if (!rel?.Target) throw new InputError(inputText.missingSheet(file, name, "?"));
    const part = resolvePart(workbookPart, rel.Target);
    const xml = parts.get(part);
    if (!xml) throw new InputError(inputText.missingSheet(file, name, part));
    if (/\/worksheet$/.test(rel.Type ?? "") || part.includes("worksheets/")) {
      // A streamed reader keeps used cells only and holds them to maxCells as it reads: only the markup is checked here.
      const count = options.streamed ? null : countSheet(xml);
      if (count ? count.malformed : markupDamaged(xml)) throw new InputError(inputText.badContent(file));
      const merged = mergedArea(xml);
      if (merged > limits.maxCells) throw new InputError(inputText.tooManyMerged(file, name, merged, limits.maxCells));
      if (!count) continue;
      sheets.push({ name, part, rows: count.rows, cells: count.cells, usedCells: count.usedCells });
      used += count.usedCells;
      elementsTotal += count.rows + count.cells;
      if (count.rows + count.cells - count.usedCells > 50_000 && count.rows + count.cells > 4 * (count.usedCells + 1)) trimWorth = true;
    }
  }
  if (used > limits.maxCells) throw new InputError(inputText.tooManyCells(file, used, limits.maxCells));

  const result: GuardResult = { bytes, sheets, parts };
  if (options.streamed) return result;
  if (trimWorth && options.allowTrim) {
    // Latin-1 maps each byte to one character and back: UTF-8 passes through untouched, at one byte per character.
    const zippable: Record<string, Uint8Array> = Object.fromEntries(parts);
    for (const s of sheets) {
      const bytesOf = parts.get(s.part)!;
      zippable[s.part] = Buffer.from(trimSheet(bytesOf.toString("latin1")), "latin1");
    }
    // fflate only here: the one path that writes a zip while reading.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { zipSync } = require("fflate") as typeof import("fflate");
    result.trimmed = zipSync(zippable, { level: 1 });
  } else if (elementsTotal > limits.maxElements) {
    throw new InputError(inputText.tooManyElements(file, elementsTotal, limits.maxElements));
  }
  return result;
}
