// Parts hanging off a sheet that point at its cells: drawings (anchors), legacy VML notes and controls.
import type { FormulaMover } from "./formulaMover";
import { shiftFromTo } from "./sheetExtras";
import { mapCell, type Insertion } from "./shiftRefs";
import { escapeText, getAttr, setAttr, unescapeXml } from "./xml";

/** Drawing anchors (pictures, charts) on the sheet: from/to columns move like cells (absolute anchors stay). */
export function shiftDrawing(xml: string, ins: Insertion[], sheet: string): string {
  return xml.replace(/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor)\b[^>]*>[\s\S]*?<\/(?:\w+:)?(?:twoCellAnchor|oneCellAnchor)>/g, (anchor) => {
    if (/editAs="absolute"/.test(anchor.slice(0, anchor.indexOf(">")))) return anchor;
    return shiftFromTo(anchor, ins, sheet);
  });
}


/** Cell links and ranges of form controls (ctrlProp parts' attributes, legacy VML controls' elements). */
export function moveControlFormulas(xml: string, sheet: string, move: FormulaMover): string {
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
export function shiftVml(xml: string, ins: Insertion[], sheet: string): string {
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

