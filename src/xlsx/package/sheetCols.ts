// The <cols> element of a worksheet: widths, styles, outline levels and hidden flags per column span.
import type { Edit } from "../../core/plan/types";
import { getAttr, setAttr } from "./xml";

type Ins = Extract<Edit, { kind: "insertColumns" }>;

export interface ColSpec {
  min: number;
  max: number;
  tag: string;
}

export function parseCols(xml: string): { cols: ColSpec[]; start: number; end: number } | null {
  const m = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  if (!m) return null;
  const cols = [...m[1]!.matchAll(/<col\b[^>]*\/>/g)].map((c) => ({ min: Number(getAttr(c[0], "min")), max: Number(getAttr(c[0], "max")), tag: c[0] }));
  return { cols, start: m.index, end: m.index + m[0].length };
}

export function colsXml(cols: ColSpec[]): string {
  return cols.length ? `<cols>${cols.map((c) => setAttr(setAttr(c.tag, "min", String(c.min)), "max", String(c.max))).join("")}</cols>` : "";
}

/** Column widths, styles, outline levels and hidden flags move with their columns; new ones copy their left neighbour. */
export function insertIntoCols(cols: ColSpec[], e: Ins): ColSpec[] {
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

export function setWidth(cols: ColSpec[], col: number, width: number): ColSpec[] {
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

/** The head of a sheet with its cols changed by `change` (a <cols> element made before <sheetData> when absent). */
export function withCols(head: string, change: (cols: ColSpec[]) => ColSpec[], createIfAbsent: boolean): string {
  const cols = parseCols(head);
  if (cols) return head.slice(0, cols.start) + colsXml(change(cols.cols)) + head.slice(cols.end);
  return createIfAbsent ? head.replace(/<sheetData\b/, `${colsXml(change([]))}<sheetData`) : head;
}
