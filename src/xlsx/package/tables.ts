// Excel tables (ListObjects) under column insertions, as Excel treats them: a table an insertion falls inside widens,
// gaining a column named from its header cell (or « Colonne1 », « Colonne2 »… as French Excel names them, the name
// then written in the header cell too, since a table's header cells and column names must agree).
import { shiftSqref, parseArea, type Insertion, type Rect } from "./shiftRefs";
import { escapeAttr, escapeText, getAttr, setAttr, unescapeXml } from "./xml";

const tableTagRe = /<(?:\w+:)?table\b[^>]*>/;

export function tableRect(xml: string): Rect | null {
  const tag = tableTagRe.exec(xml)?.[0] ?? "";
  return parseArea(getAttr(tag, "ref") ?? "");
}

export function tableName(xml: string): string {
  const tag = tableTagRe.exec(xml)?.[0] ?? "";
  return getAttr(tag, "displayName") ?? getAttr(tag, "name") ?? "";
}

/** Tables bound to something outside the sheet (a query, an XML map) keep their column list in other parts too. */
export function tableBoundElsewhere(xml: string): boolean {
  const t = getAttr(tableTagRe.exec(xml)?.[0] ?? "", "tableType");
  return t !== null && t !== "worksheet";
}

/** Does an insertion of the plan fall strictly inside the table's columns (not at its first column)? */
export function crosses(i: Insertion, r: Rect): boolean {
  return r.c1 < i.at && i.at <= r.c2 && (!i.rows || (r.r2 >= i.rows[0] && r.r1 <= i.rows[1]));
}

export interface HeaderCell {
  row: number;
  col: number;
  name: string;
}

export interface WidenedTable {
  xml: string;
  /** Header cells to write so that they agree with the column names (new columns, deduplicated names). */
  headers: HeaderCell[];
  /** Columns renamed because the plan writes another text in their header cell (old name -> new name). */
  renames: Array<[string, string]>;
  /** Names of the columns the table gained. */
  added: string[];
}

// A column name in the name attribute: line breaks as Excel stores them.
const attrName = (s: string) => s.replace(/\r\n|\n|\r/g, (m) => (m === "\n" ? "_x000a_" : m === "\r" ? "_x000d_" : "_x000d__x000a_"));
const displayName = (s: string) => s.replace(/_x000d_/g, "\r").replace(/_x000a_/g, "\n");

/**
 * The table part after the insertions on its sheet and the header texts the plan writes. `headerText(row, col)` is
 * the text the plan writes in a header cell (null when it writes none). As in Excel: a new column inside the table
 * takes the header written in its cell or « ColonneN »; a header cell given another text renames its column; names
 * stay unique (« Montant2 »…), the header cell then written to agree. The ref, autoFilter and sort ranges move like
 * every other reference; filter column indexes follow their column. Formulas inside the part: see moveTableFormulas.
 */
export function widenTable(xml: string, ins: readonly Insertion[], sheet: string, headerText: (row: number, col: number) => string | null): WidenedTable {
  const r0 = tableRect(xml);
  if (!r0) return { xml, headers: [], renames: [], added: [] };
  const mine = ins.filter((i) => i.sheet.toLowerCase() === sheet.toLowerCase());
  const colsM = /<((?:\w+:)?tableColumns)\b([^>]*)>([\s\S]*?)<\/\1>/.exec(xml);
  const headers: HeaderCell[] = [];
  const renames: Array<[string, string]> = [];
  const added: string[] = [];
  let out = xml;
  const tag = tableTagRe.exec(xml)![0];
  const headerRows = Number(getAttr(tag, "headerRowCount") ?? "1");
  if (colsM) {
    const prefix = colsM[1]!.includes(":") ? colsM[1]!.slice(0, colsM[1]!.indexOf(":") + 1) : "";
    const columns: Array<string | null> = [...colsM[3]!.matchAll(/<(?:\w+:)?tableColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?tableColumn>)/g)].map((m) => m[0]);
    const rect = { ...r0 };
    for (const i of mine) {
      if (i.rows && (rect.r1 < i.rows[0] || rect.r2 > i.rows[1])) continue;
      if (rect.c1 < i.at && i.at <= rect.c2) {
        columns.splice(i.at - rect.c1, 0, ...new Array<null>(i.count).fill(null));
        rect.c2 += i.count;
      } else if (i.at <= rect.c1) {
        rect.c1 += i.count;
        rect.c2 += i.count;
      }
    }
    const nameOf = (c: string) => getAttr(c, "name") ?? "";
    // Names in use, ignoring case; a column being renamed frees its old name.
    const taken = new Set(columns.flatMap((c) => (c ? [nameOf(c).toLowerCase()] : [])));
    let nextId = Math.max(0, ...columns.map((c) => (c ? Number(getAttr(c, "id") ?? 0) : 0)));
    const unique = (name: string) => {
      if (!taken.has(name.toLowerCase())) return name;
      let n = 2;
      while (taken.has(`${name}${n}`.toLowerCase())) n++;
      return `${name}${n}`;
    };
    let changed = false;
    let blank = 1;
    const fresh = columns.map((c, k) => {
      const col = rect.c1 + k;
      const written = headerRows > 0 ? headerText(rect.r1, col) : null;
      if (c !== null) {
        if (written === null || !written.trim() || attrName(written) === nameOf(c)) return c;
        taken.delete(nameOf(c).toLowerCase());
        const name = unique(attrName(written));
        if (name !== attrName(written)) headers.push({ row: rect.r1, col, name: displayName(name) });
        taken.add(name.toLowerCase());
        renames.push([displayName(nameOf(c)), displayName(name)]);
        changed = true;
        return setAttr(c, "name", name);
      }
      changed = true;
      let name: string;
      if (written && written.trim()) name = unique(attrName(written));
      else {
        while (taken.has(`colonne${blank}`)) blank++;
        name = `Colonne${blank}`;
      }
      if (headerRows > 0 && name !== (written === null ? null : attrName(written))) headers.push({ row: rect.r1, col, name: displayName(name) });
      taken.add(name.toLowerCase());
      added.push(displayName(name));
      return `<${prefix}tableColumn id="${++nextId}" name="${escapeAttr(name)}"/>`;
    });
    if (changed) {
      const open = setAttr(`<${colsM[1]}${colsM[2]}>`, "count", String(fresh.length));
      out = out.replace(colsM[0], `${open}${fresh.join("")}</${colsM[1]}>`);
    }
  }
  out = shiftFilterColumns(out, mine, sheet);
  out = out.replace(/\s(ref)="([^"]*)"/g, (m, a: string, v: string) => {
    const n = shiftSqref(mine, sheet, v);
    return n === v ? m : ` ${a}="${n}"`;
  });
  return { xml: out, headers, renames, added };
}

/** Calculated-column and totals formulas of a table part, through `move` (references shifted, columns renamed). */
export function moveTableFormulas(xml: string, move: (f: string) => string): string {
  return xml.replace(/<((?:\w+:)?(?:calculatedColumnFormula|totalsRowFormula))\b([^>]*)>([^<]*)<\/\1>/g, (m, tag: string, attrs: string, body: string) => {
    const next = move(unescapeXml(body));
    return next === unescapeXml(body) ? m : `<${tag}${attrs}>${escapeText(next)}</${tag}>`;
  });
}

/** Renamed columns by table (both keys lower-cased): table -> old column name -> new name. */
export type ColumnRenames = Map<string, Map<string, string>>;

const escapeColumn = (n: string) => n.replace(/['[\]#]/g, "'$&");
const unescapeColumn = (n: string) => n.replace(/'(.)/g, "$1");
const identStart = /[A-Za-z_\\\u00C0-\uFFFF]/;
const identChar = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/** Index of the bracket closing the one at `open` (an apostrophe escapes the next character), or -1. */
function closing(f: string, open: number): number {
  let depth = 0;
  for (let i = open; i < f.length; i++) {
    const ch = f[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  return -1;
}

/** Column names inside one structured reference's brackets, renamed; specifiers (#This Row…) left as they are. */
function renameInside(body: string, map: Map<string, string>): string {
  let out = "";
  let last = 0;
  const starts: number[] = [];
  const nested: boolean[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") {
      if (nested.length) nested[nested.length - 1] = true;
      starts.push(i);
      nested.push(false);
    } else if (ch === "]") {
      const s = starts.pop()!;
      if (nested.pop()) continue;
      const raw = body.slice(s + 1, i);
      const at = raw.startsWith("@") ? "@" : "";
      const name = unescapeColumn(raw.slice(at.length)).trim();
      if (name.startsWith("#")) continue;
      const next = map.get(name.toLowerCase());
      if (next === undefined) continue;
      out += body.slice(last, s + 1) + at + escapeColumn(next);
      last = i;
    }
  }
  return last ? out + body.slice(last) : body;
}

/** A formula with its structured references (Table[Column], Table[[#This Row],[Column]]…) to renamed columns updated. */
export function renameStructuredRefs(f: string, renames: ColumnRenames): string {
  if (!renames.size || !f.includes("[")) return f;
  let out = "";
  let last = 0;
  let i = 0;
  while (i < f.length) {
    const ch = f[i]!;
    if (ch === '"') {
      i++;
      while (i < f.length && !(f[i] === '"' && f[i + 1] !== '"')) i += f[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (identStart.test(ch) && (i === 0 || !identChar.test(f[i - 1]!))) {
      let j = i;
      while (j < f.length && identChar.test(f[j]!)) j++;
      if (f[j] === "[") {
        const end = closing(f, j);
        if (end < 0) return last ? out + f.slice(last) : f;
        const map = renames.get(f.slice(i, j).toLowerCase());
        if (map) {
          const body = f.slice(j, end + 1);
          const next = renameInside(body, map);
          if (next !== body) {
            out += f.slice(last, j) + next;
            last = end + 1;
          }
        }
        i = end + 1;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  return last ? out + f.slice(last) : f;
}

/**
 * Filter settings are indexed by column within their autoFilter range: a column inserted before a filtered one moves
 * the index. Must run on the range as it was (before its ref is moved).
 */
export function shiftFilterColumns(xml: string, ins: readonly Insertion[], sheet: string): string {
  if (!xml.includes("filterColumn")) return xml;
  return xml.replace(/<((?:\w+:)?autoFilter)\b([^>]*)>([\s\S]*?)<\/\1>/g, (m, tag: string, attrs: string, body: string) => {
    const r = parseArea((getAttr(`<a${attrs}>`, "ref") ?? "").replace(/\$/g, ""));
    if (!r) return m;
    const c1 = mapRect1(ins, sheet, r, r.c1);
    const next = body.replace(/<(?:\w+:)?filterColumn\b[^>]*>/g, (fc) => {
      const id = Number(getAttr(fc, "colId"));
      if (!Number.isInteger(id)) return fc;
      // The rows of the whole range decide whether a row-restricted insertion applies, as for the range itself.
      const col = mapRect1(ins, sheet, r, r.c1 + id) - c1;
      return col === id ? fc : setAttr(fc, "colId", String(col));
    });
    return next === body ? m : `<${tag}${attrs}>${next}</${tag}>`;
  });
}

function mapRect1(ins: readonly Insertion[], sheet: string, r: Rect, col: number): number {
  let c = col;
  for (const i of ins) {
    if (i.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    if (i.rows && (r.r1 < i.rows[0] || r.r2 > i.rows[1])) continue;
    if (c >= i.at) c += i.count;
  }
  return c;
}
