// Excel tables (ListObjects) under column insertions, as Excel treats them: a table an insertion falls inside widens,
// gaining a column named from its header cell (or « Colonne1 », « Colonne2 »… as French Excel names them, the name
// then written in the header cell too, since a table's header cells and column names must agree).
import { shiftFormula, shiftSqref, parseArea, type Insertion, type Rect } from "./shiftRefs";
import { escapeAttr, escapeText, getAttr, setAttr, unescapeXml } from "./xml";

export interface HeaderCell { row: number; col: number; name: string }

export interface WidenedTable { xml: string; headers: HeaderCell[] }

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

/**
 * The table part after the insertions on its sheet. `headerText(row, col)` is the text the plan writes in a header cell
 * of a new column (null when it writes none). References inside the part (ref, autoFilter, sort, A1 references in
 * calculated column and totals formulas) move like every other reference; filter column indexes follow their column.
 */
export function widenTable(xml: string, ins: readonly Insertion[], sheet: string, headerText: (row: number, col: number) => string | null): WidenedTable {
  const r0 = tableRect(xml);
  if (!r0) return { xml, headers: [] };
  const mine = ins.filter((i) => i.sheet.toLowerCase() === sheet.toLowerCase());
  const colsM = /<((?:\w+:)?tableColumns)\b([^>]*)>([\s\S]*?)<\/\1>/.exec(xml);
  const headers: HeaderCell[] = [];
  let out = xml;
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
    if (columns.some((c) => c === null)) {
      const tag = tableTagRe.exec(xml)![0];
      const headerRows = Number(getAttr(tag, "headerRowCount") ?? "1");
      const taken = new Set(columns.flatMap((c) => (c ? [unescapeXml(getAttr(c, "name") ?? "").toLowerCase()] : [])));
      let nextId = Math.max(0, ...columns.map((c) => (c ? Number(getAttr(c, "id") ?? 0) : 0)));
      let n = 1;
      const fresh = columns.map((c, k) => {
        if (c !== null) return c;
        const col = rect.c1 + k;
        let name = headerRows > 0 ? headerText(rect.r1, col)?.trim() || null : null;
        if (name && taken.has(name.toLowerCase())) name = null;
        if (!name) {
          while (taken.has(`colonne${n}`)) n++;
          name = `Colonne${n}`;
          if (headerRows > 0) headers.push({ row: rect.r1, col, name });
        }
        taken.add(name.toLowerCase());
        return `<${prefix}tableColumn id="${++nextId}" name="${escapeAttr(name)}"/>`;
      });
      const open = setAttr(`<${colsM[1]}${colsM[2]}>`, "count", String(fresh.length));
      out = out.replace(colsM[0], `${open}${fresh.join("")}</${colsM[1]}>`);
    }
  }
  out = shiftFilterColumns(out, mine, sheet);
  out = out.replace(/\s(ref)="([^"]*)"/g, (m, a: string, v: string) => {
    const n = shiftSqref(mine, sheet, v);
    return n === v ? m : ` ${a}="${n}"`;
  });
  out = out.replace(/<((?:\w+:)?(?:calculatedColumnFormula|totalsRowFormula))\b([^>]*)>([^<]*)<\/\1>/g, (m, tag: string, attrs: string, body: string) => {
    const next = shiftFormula(ins, sheet, unescapeXml(body));
    return next === unescapeXml(body) ? m : `<${tag}${attrs}>${escapeText(next)}</${tag}>`;
  });
  return { xml: out, headers };
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
