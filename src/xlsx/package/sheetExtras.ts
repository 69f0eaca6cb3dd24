// What a column insertion moves in a worksheet outside its cells: rule and validation formulas, sqref lists, ref
// attributes (dimension, autofilter, selection…), hyperlinks, watched cells, column page breaks, anchored controls.
import type { FormulaMover } from "./formulaMover";
import { mapCell, shiftSqref, type Insertion } from "./shiftRefs";
import { shiftFilterColumns } from "./tables";
import { escapeText, getAttr, setAttr, unescapeXml } from "./xml";

const sheetRectRe = /\s(ref|sqref|activeCell)="([^"]*)"/g;

/** Element texts holding formulas (rules, validations, x14 extensions) and sqref lists, outside sheetData. */
export function shiftSheetExtras(xml: string, sheet: string, ins: Insertion[], move: FormulaMover): string {
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

/** from/to cell anchors (0-based col and row), whatever prefixes they carry (<from><xdr:col> in sheet controls). */
export function shiftFromTo(xml: string, ins: Insertion[], sheet: string): string {
  return xml.replace(
    /(<(?:\w+:)?(?:from|to)>\s*<((?:\w+:)?)col>)(\d+)(<\/\2col>\s*<\2colOff>[^<]*<\/\2colOff>\s*<\2row>)(\d+)/g,
    (m, a: string, _p, col: string, b: string, row: string) => {
      const c = mapCell(ins, sheet, Number(row) + 1, Number(col) + 1) - 1;
      return c === Number(col) ? m : `${a}${c}${b}${row}`;
    },
  );
}

/** Form controls and embedded objects placed on the sheet itself (<controls>, <oleObjects>): those that move with cells. */
export function shiftSheetAnchors(tail: string, ins: Insertion[], sheet: string): string {
  if (!tail.includes("<anchor")) return tail;
  return tail.replace(/<(?:\w+:)?anchor\b[^>]*>[\s\S]*?<\/(?:\w+:)?anchor>/g, (anchor) => {
    const open = anchor.slice(0, anchor.indexOf(">") + 1);
    const moves = getAttr(open, "moveWithCells");
    return moves === "1" || moves === "true" ? shiftFromTo(anchor, ins, sheet) : anchor;
  });
}

