// Excel formulas as OOXML stores them (no leading "=", English names, comma separators) cut into tokens.
// Anything the evaluator does not model (defined names, structured or external references, arrays, 3D references)
// becomes an "unsupported" token: the formula's value is then unknown, never guessed.

export type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string }
  /** A reference; sheet null = the formula's own sheet. Whole columns and rows are bounded by Excel's limits. */
  | { t: "ref"; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { t: "func"; v: string }
  | { t: "op"; v: string }
  | { t: "("; v?: undefined }
  | { t: ")"; v?: undefined }
  | { t: ","; v?: undefined }
  | { t: "unsupported"; v: string };

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

const ERRORS = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const STRING = /"((?:[^"]|"")*)"/y;
// Sheet prefix: 'quoted name'! or a bare name! ([1] marks an external workbook; Sheet1:Sheet3 a 3D reference).
const SHEET =
  /(?:'((?:[^']|'')+)'|([A-Za-z_\u00A0-\uFFFF\\][A-Za-z0-9_.\u00A0-\uFFFF]*|\[\d+\][^!'"()+\-*/^&=<>,;:\s]*)(?::[A-Za-z_\u00A0-\uFFFF][A-Za-z0-9_.\u00A0-\uFFFF]*)?)!/y;
const CELL_RANGE = /\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?(?![A-Za-z0-9_.(![])/y;
const COL_RANGE = /\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![A-Za-z0-9_.(![])/y;
const ROW_RANGE = /\$?(\d{1,7}):\$?(\d{1,7})(?![A-Za-z0-9_.(![])/y;
const NAME = /[A-Za-z_\\\u00A0-\uFFFF][A-Za-z0-9_.\\\u00A0-\uFFFF]*/y;
const OPERATORS = ["<>", "<=", ">=", "<", ">", "=", "+", "-", "*", "/", "^", "&", "%"];

function letters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) & 0xdf) - 64;
  return n;
}

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** A reference (with its sheet prefix already read) at i, or null. */
function refAt(s: string, i: number, sheet: string | null): { token: Token; end: number } | null {
  let m = at(CELL_RANGE, s, i);
  if (m) {
    const c1 = letters(m[1]!);
    const r1 = Number(m[2]);
    const c2 = m[3] ? letters(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    if (c1 > MAX_COL || c2 > MAX_COL || r1 < 1 || r2 < 1 || r1 > MAX_ROW || r2 > MAX_ROW) return null;
    const token: Token = { t: "ref", sheet, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
    return { token, end: i + m[0].length };
  }
  m = at(COL_RANGE, s, i);
  if (m) {
    const c1 = letters(m[1]!);
    const c2 = letters(m[2]!);
    if (c1 > MAX_COL || c2 > MAX_COL) return null;
    return { token: { t: "ref", sheet, r1: 1, c1: Math.min(c1, c2), r2: MAX_ROW, c2: Math.max(c1, c2) }, end: i + m[0].length };
  }
  m = at(ROW_RANGE, s, i);
  if (m) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    if (r1 < 1 || r2 < 1 || r1 > MAX_ROW || r2 > MAX_ROW) return null;
    return { token: { t: "ref", sheet, r1: Math.min(r1, r2), c1: 1, r2: Math.max(r1, r2), c2: MAX_COL }, end: i + m[0].length };
  }
  return null;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Characters that, right after a cell reference, make it something else (a name, a function, a sheet). */
const isNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 40 || c === 33 || c === 91;

/** One cell "$AB$12" at i without regular expressions: [end, row, col], or null. */
function plainCellAt(s: string, i: number): [number, number, number] | null {
  let k = i;
  if (s.charCodeAt(k) === 36) k++;
  let col = 0;
  const l0 = k;
  while (k < s.length && isLetter(s.charCodeAt(k)) && k - l0 < 3) col = col * 26 + (s.charCodeAt(k++) & 0xdf) - 64;
  if (k === l0) return null;
  if (s.charCodeAt(k) === 36) k++;
  const d0 = k;
  let row = 0;
  while (k < s.length && isDigit(s.charCodeAt(k)) && k - d0 < 7) row = row * 10 + s.charCodeAt(k++) - 48;
  if (k === d0 || row < 1 || row > MAX_ROW || col > MAX_COL) return null;
  return [k, row, col];
}

/** The common case, an unqualified cell or cell range (D4, $L$4:L45), read by hand: most formulas are only these. */
function plainRefAt(s: string, i: number): { token: Token; end: number } | null {
  const a = plainCellAt(s, i);
  if (!a) return null;
  let [end, r2, c2] = a;
  if (s.charCodeAt(end) === 58 /* : */) {
    const b = plainCellAt(s, end + 1);
    if (!b) return null;
    [end, r2, c2] = b;
  }
  if (end < s.length && isNameChar(s.charCodeAt(end))) return null;
  const [, r1, c1] = a;
  return { token: { t: "ref", sheet: null, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) }, end };
}

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const ch = s[i]!;
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') {
      const m = at(STRING, s, i);
      if (!m) return [{ t: "unsupported", v: "string" }];
      out.push({ t: "str", v: m[1]!.replace(/""/g, '"') });
      i += m[0].length;
      continue;
    }
    if (ch === "#") {
      const m = at(ERRORS, s, i);
      if (!m) return [{ t: "unsupported", v: s.slice(i, i + 8) }];
      out.push({ t: "err", v: m[0] });
      i += m[0].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch });
      i++;
      continue;
    }
    if (ch === "{" || ch === "[" || ch === ";" || ch === "@") return [{ t: "unsupported", v: ch }];
    const fast = plainRefAt(s, i);
    if (fast) {
      out.push(fast.token);
      i = fast.end;
      continue;
    }
    // A sheet-qualified reference.
    const sh = ch === "'" || ch === "[" || /[A-Za-z_\u00A0-\uFFFF\\]/.test(ch) ? at(SHEET, s, i) : null;
    if (sh) {
      const raw = sh[1] !== undefined ? sh[1].replace(/''/g, "'") : sh[2]!;
      if (raw.includes("[") || sh[0].includes(":")) return [{ t: "unsupported", v: sh[0] }];
      const r = refAt(s, i + sh[0].length, raw);
      if (!r) return [{ t: "unsupported", v: s.slice(i, i + sh[0].length + 8) }];
      out.push(r.token);
      i = r.end;
      continue;
    }
    if (ch === "'") return [{ t: "unsupported", v: "'" }];
    if (ch === "$" || /[A-Za-z0-9]/.test(ch)) {
      const r = refAt(s, i, null);
      if (r) {
        out.push(r.token);
        i = r.end;
        continue;
      }
    }
    if ((ch >= "0" && ch <= "9") || ch === ".") {
      const m = at(NUMBER, s, i);
      if (!m) return [{ t: "unsupported", v: ch }];
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    const name = at(NAME, s, i);
    if (name) {
      const word = name[0];
      i += word.length;
      if (s[i] === "(") {
        out.push({ t: "func", v: word.toUpperCase().replace(/^(?:_XLFN\.)?(?:_XLWS\.)?/, "") });
        continue;
      }
      const up = word.toUpperCase();
      if (up === "TRUE" || up === "FALSE") out.push({ t: "bool", v: up === "TRUE" });
      // A defined name, a table's structured reference or anything else not modelled.
      else return [{ t: "unsupported", v: word }];
      continue;
    }
    const op = OPERATORS.find((o) => s.startsWith(o, i));
    if (!op) return [{ t: "unsupported", v: ch }];
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}
