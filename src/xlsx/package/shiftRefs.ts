// Column insertion as Excel applies it to every reference of the package: formulas (cells, names, charts, rules),
// sqref lists and plain ranges. References are found once per formula and moved through every insertion of the plan.

export interface Insertion {
  /** Sheet name, compared case-insensitively as Excel does. */
  sheet: string;
  at: number;
  count: number;
  /** Only cells of these rows move (null: whole columns). */
  rows: [number, number] | null;
}

export interface Rect {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

const lettersOf: string[] = [];

export function colLetters(c: number): string {
  // Written for every cell a write touches: each column's letters made once.
  const known = lettersOf[c];
  if (known !== undefined) return known;
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (c > 0 && c <= 16384 && Number.isInteger(c)) lettersOf[c] = s;
  return s;
}

export function lettersCol(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) & 0xdf) - 64;
  return n;
}

// Sheet names compare case-insensitively; lower-cased once per name, not once per reference.
const lowerCache = new Map<string, string>();
function lower(s: string): string {
  let l = lowerCache.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (lowerCache.size < 10000) lowerCache.set(s, l);
  }
  return l;
}

/** The rect after the insertions, in order: a start at or past `at` moves, an end at or past `at` moves (range widens). */
export function mapRect(ins: readonly Insertion[], sheet: string, rect: Rect): Rect {
  let { c1, c2 } = rect;
  const target = lower(sheet);
  for (const i of ins) {
    if (i.sheet !== sheet && lower(i.sheet) !== target) continue;
    if (i.rows && (rect.r1 < i.rows[0] || rect.r2 > i.rows[1])) continue;
    if (c1 >= i.at) c1 += i.count;
    if (c2 >= i.at) c2 += i.count;
  }
  return c1 === rect.c1 && c2 === rect.c2 ? rect : { ...rect, c1, c2 };
}

export function mapCell(ins: readonly Insertion[], sheet: string, row: number, col: number): number {
  return mapRect(ins, sheet, { c1: col, r1: row, c2: col, r2: row }).c1;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;

/** "B2", "B2:D5" -> rect (null when not a plain area). */
export function parseArea(s: string): Rect | null {
  const [a, b] = s.split(":");
  const m1 = CELL.exec(a ?? "");
  const m2 = b === undefined ? m1 : CELL.exec(b);
  if (!m1 || !m2) return null;
  return { c1: lettersCol(m1[2]!), r1: Number(m1[4]), c2: lettersCol(m2[2]!), r2: Number(m2[4]) };
}

function areaText(r: Rect): string {
  const a = `${colLetters(r.c1)}${r.r1}`;
  return r.c1 === r.c2 && r.r1 === r.r2 ? a : `${a}:${colLetters(r.c2)}${r.r2}`;
}

/** "A1:B2 D4" (sqref, ref attributes): each area moved; unchanged text returned as is. */
export function shiftSqref(ins: readonly Insertion[], sheet: string, sqref: string): string {
  let changed = false;
  const out = sqref.split(/(\s+)/).map((part) => {
    if (part.includes("$")) {
      const s = shiftFormula(ins, sheet, part);
      if (s !== part) changed = true;
      return s;
    }
    const r = parseArea(part);
    if (!r) return part;
    const m = mapRect(ins, sheet, r);
    if (m === r) return part;
    changed = true;
    return areaText(m);
  });
  return changed ? out.join("") : sqref;
}

// --- Formulas -------------------------------------------------------------------------------------------------

export interface FormulaRef {
  start: number;
  end: number;
  /** Sheet named by the reference (unquoted), null when unqualified; external references are not listed. */
  sheet: string | null;
  prefix: string;
  kind: "cell" | "area" | "cols";
  c1: number;
  r1: number;
  c2: number;
  r2: number;
  abs: [boolean, boolean, boolean, boolean];
}

/** [A-Za-z0-9_.$\\] or any character from U+00C0 on, by code (this runs for every character of every formula). */
function isIdent(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36 || c === 92 || c >= 0xc0;
}
const AREA_RE = /\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7}/y;
const UNQUOTED_SHEET = /[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)?!/y;

function parseRefText(text: string): Omit<FormulaRef, "start" | "end" | "sheet" | "prefix"> | null {
  const parts = text.split(":");
  const one = (p: string) => /^(\$?)([A-Za-z]{0,3})(\$?)(\d{0,7})$/.exec(p);
  const a = one(parts[0]!);
  const b = parts.length > 1 ? one(parts[1]!) : a;
  if (!a || !b) return null;
  const hasCol = !!a[2] && !!b[2];
  const hasRow = !!a[4] && !!b[4];
  if (hasCol && hasRow) {
    const c1 = lettersCol(a[2]!),
      c2 = lettersCol(b[2]!);
    if (c1 > MAX_COL || c2 > MAX_COL) return null;
    return {
      kind: parts.length > 1 ? "area" : "cell",
      c1,
      r1: Number(a[4]),
      c2,
      r2: Number(b[4]),
      abs: [a[1] === "$", a[3] === "$", b[1] === "$", b[3] === "$"],
    };
  }
  if (hasCol && !a[4] && !b[4] && parts.length > 1) {
    const c1 = lettersCol(a[2]!),
      c2 = lettersCol(b[2]!);
    if (c1 > MAX_COL || c2 > MAX_COL) return null;
    return { kind: "cols", c1, r1: 1, c2, r2: MAX_ROW, abs: [a[1] === "$", false, b[1] === "$", false] };
  }
  return null; // whole rows, or not a reference: a column insertion never moves them
}

/** References of a formula (text unescaped from XML), skipping string literals, external and structured references. */
export function findFormulaRefs(f: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  let i = 0;
  const n = f.length;
  while (i < n) {
    const ch = f[i]!;
    if (ch === '"') {
      i++;
      while (i < n && !(f[i] === '"' && f[i + 1] !== '"')) i += f[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "[") {
      // External workbook index ([1]Sheet!A1) or structured reference (Table[Col]): skip it and what it qualifies.
      let depth = 0;
      while (i < n) {
        if (f[i] === "[") depth++;
        else if (f[i] === "]" && --depth === 0) break;
        i++;
      }
      i++;
      while (i < n && isIdent(f[i])) i++;
      if (f[i] === "!") {
        i++;
        AREA_RE.lastIndex = i;
        const m = AREA_RE.exec(f);
        if (m) i += m[0].length;
      }
      continue;
    }
    if (isIdent(f[i - 1]) && ch !== "'") {
      i++;
      continue;
    }
    const start = i;
    let sheet: string | null = null;
    let prefix = "";
    let external = false;
    if (ch === "'") {
      let j = i + 1;
      while (j < n && !(f[j] === "'" && f[j + 1] !== "'")) j += f[j] === "'" ? 2 : 1;
      if (f[j + 1] !== "!") {
        i = j + 1;
        continue;
      }
      const inner = f.slice(i + 1, j).replace(/''/g, "'");
      external = inner.startsWith("[") || inner.includes(":");
      sheet = inner;
      prefix = f.slice(i, j + 2);
      i = j + 2;
    } else {
      UNQUOTED_SHEET.lastIndex = i;
      const m = UNQUOTED_SHEET.exec(f);
      if (m) {
        sheet = m[0].slice(0, -1);
        external = sheet.includes(":");
        prefix = m[0];
        i += m[0].length;
      }
    }
    AREA_RE.lastIndex = i;
    const m = AREA_RE.exec(f);
    if (!m || isIdent(f[i + m[0].length]) || f[i + m[0].length] === "(" || f[i + m[0].length] === "!" || f[i + m[0].length] === "[") {
      // Not a reference here (a name, a function): move past the identifier.
      if (prefix) continue;
      i = start + 1;
      if (isIdent(ch)) while (i < n && isIdent(f[i])) i++;
      continue;
    }
    const parsed = parseRefText(m[0]);
    i += m[0].length;
    if (!parsed || external) continue;
    refs.push({ start, end: i, sheet, prefix, ...parsed });
  }
  return refs;
}

function refBody(r: FormulaRef): string {
  const d = (b: boolean) => (b ? "$" : "");
  if (r.kind === "cols") return `${d(r.abs[0])}${colLetters(r.c1)}:${d(r.abs[2])}${colLetters(r.c2)}`;
  const a = `${d(r.abs[0])}${colLetters(r.c1)}${d(r.abs[1])}${r.r1}`;
  return r.kind === "cell" ? a : `${a}:${d(r.abs[2])}${colLetters(r.c2)}${d(r.abs[3])}${r.r2}`;
}

/** Rewrites references through `map` (null keeps one); returns the same string object when nothing changes. */
export function rewriteFormula(f: string, map: (r: FormulaRef) => { c1: number; r1: number; c2: number; r2: number } | null): string {
  const refs = findFormulaRefs(f);
  if (!refs.length) return f;
  let out = "";
  let last = 0;
  let changed = false;
  for (const r of refs) {
    const next = map(r);
    if (!next || (next.c1 === r.c1 && next.c2 === r.c2 && next.r1 === r.r1 && next.r2 === r.r2)) continue;
    changed = true;
    out +=
      f.slice(last, r.start) + r.prefix + refBody({ ...r, ...next, kind: r.kind === "cell" && (next.c1 !== next.c2 || next.r1 !== next.r2) ? "area" : r.kind });
    last = r.end;
  }
  return changed ? out + f.slice(last) : f;
}

/** Column insertions applied to a formula written on `formulaSheet` (null: names and charts, where refs are qualified). */
export function shiftFormula(ins: readonly Insertion[], formulaSheet: string | null, f: string): string {
  return rewriteFormula(f, (r) => {
    const target = r.sheet ?? formulaSheet;
    if (target === null) return null;
    return mapRect(ins, target, r);
  });
}

/** The formula as seen from a cell `dr` rows and `dc` columns away (shared formulas): relative parts move. */
export function translateFormula(f: string, dr: number, dc: number): string {
  if (!dr && !dc) return f;
  return rewriteFormula(f, (r) => ({
    c1: r.abs[0] ? r.c1 : r.c1 + dc,
    r1: r.kind === "cols" || r.abs[1] ? r.r1 : r.r1 + dr,
    c2: r.abs[2] || (r.kind === "cell" && r.abs[0]) ? r.c2 : r.c2 + dc,
    r2: r.kind === "cols" || (r.kind === "cell" ? r.abs[1] : r.abs[3]) ? r.r2 : r.r2 + dr,
  }));
}

// --- Insertions compiled once per write ---------------------------------------------------------------------------

export type RectMap = (sheet: string, rect: Rect) => Rect;

/**
 * The insertions as one lookup per reference: on a sheet whose insertions all take whole columns, a table from each
 * column to where it lands after all of them (so nine inserted columns cost one step, not nine); other sheets
 * go through mapRect.
 */
export function compileInsertions(ins: readonly Insertion[]): RectMap {
  // Per lower-cased sheet: its table, null when some insertion takes only some rows, "none" when nothing moves there.
  const tables = new Map<string, Int32Array | null | "none">();
  const tableOf = (sheet: string): Int32Array | null | "none" => {
    const key = lower(sheet);
    const known = tables.get(key);
    if (known !== undefined) return known;
    const mine = ins.filter((i) => lower(i.sheet) === key);
    let t: Int32Array | null | "none" = "none";
    if (mine.length && mine.every((i) => !i.rows)) {
      t = new Int32Array(MAX_COL + 2);
      for (let c = 0; c < t.length; c++) {
        let x = c;
        for (const i of mine) if (x >= i.at) x += i.count;
        t[c] = x;
      }
    } else if (mine.length) t = null;
    tables.set(key, t);
    return t;
  };
  return (sheet, rect) => {
    const t = tableOf(sheet);
    if (t === "none") return rect;
    if (t === null) return mapRect(ins, sheet, rect);
    const c1 = rect.c1 <= MAX_COL + 1 ? t[rect.c1]! : rect.c1;
    const c2 = rect.c2 <= MAX_COL + 1 ? t[rect.c2]! : rect.c2;
    return c1 === rect.c1 && c2 === rect.c2 ? rect : { ...rect, c1, c2 };
  };
}

/** shiftFormula through compiled insertions. */
export function shiftFormulaBy(map: RectMap, formulaSheet: string | null, f: string): string {
  return rewriteFormula(f, (r) => {
    const target = r.sheet ?? formulaSheet;
    return target === null ? null : map(target, r);
  });
}
