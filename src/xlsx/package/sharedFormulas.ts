// Shared formulas under a write. A group is kept shared when every member still equals the master's translation
// once references move; otherwise, or when the plan overwrites its master, each member gets its own formula, as
// Excel does. Decided before the sheet is scanned, from one look at the sheet's shared cells.
import { CellSpans, forEachRow, type SheetFrame } from "./sheetScan";
import { shiftSqref, translateFormula, type Insertion } from "./shiftRefs";
import { escapeText, getAttr, unescapeXml } from "./xml";

export const fOf = (inner: string) => /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(inner);

/** The cell content with its <f> element holding `f` (its attributes kept or dropped). */
export function setFormulaText(inner: string, f: string, keepAttrs: boolean): string {
  const m = fOf(inner)!;
  const attrs = keepAttrs ? m[1]!.replace(/\/$/, "") : "";
  return inner.replace(m[0], `<f${attrs}>${escapeText(f)}</f>`);
}

/** What becomes of one shared cell: a new formula text (null: kept), a new ref for the master's range. */
export interface SharedChange {
  text: string | null;
  keepAttrs: boolean;
  ref: [string, string] | null;
  /** The formula now reads differently (the workbook recalculates on load). */
  moved: boolean;
}

/** Changes by cell of the sheet as read: key row * 32768 + column. */
export type SharedPlan = Map<number, SharedChange>;

export const cellKey = (row: number, col: number) => row * 32768 + col;

interface Member {
  row: number;
  col: number;
}

interface Group {
  master: Member | null;
  text: string;
  ref: string | null;
  members: Member[];
}

export interface SharedContext {
  sheet: string;
  ins: readonly Insertion[];
  /** The sheet's formula mover, null when nothing moves. */
  move: ((f: string) => string) | null;
  finalCol(row: number, col: number): number;
  /** Does the plan write (not only format) this cell, in final coordinates? Null: the plan writes no cell here. */
  overwritten: ((row: number, col: number) => boolean) | null;
}

export function planShared(xml: string, frame: SheetFrame, c: SharedContext): SharedPlan | null {
  if (!xml.includes("shared", frame.start) || !(c.move || c.overwritten)) return null;
  const groups = sharedGroups(xml, frame);
  if (!groups.size) return null;
  const plan: SharedPlan = new Map();
  for (const g of groups.values()) {
    if (!g.master) continue;
    const m0 = g.master;
    const move = c.move ?? ((f: string) => f);
    const expected = (m: Member) => move(translateFormula(g.text, m.row - m0.row, m.col - m0.col));
    const unshare = (moved: boolean) => {
      for (const m of g.members) plan.set(cellKey(m.row, m.col), { text: expected(m), keepAttrs: false, ref: null, moved });
    };
    if (c.overwritten?.(m0.row, c.finalCol(m0.row, m0.col))) {
      unshare(false);
      continue;
    }
    if (!c.move) continue;
    const masterNew = c.move(g.text);
    const nmc = c.finalCol(m0.row, m0.col);
    const consistent = g.members.every((m) => translateFormula(masterNew, m.row - m0.row, c.finalCol(m.row, m.col) - nmc) === expected(m));
    if (!consistent) {
      unshare(true);
      continue;
    }
    const nref = g.ref === null ? null : shiftSqref(c.ins, c.sheet, g.ref);
    const ref: [string, string] | null = g.ref !== null && nref !== g.ref ? [g.ref, nref!] : null;
    if (masterNew !== g.text || ref) plan.set(cellKey(m0.row, m0.col), { text: masterNew !== g.text ? masterNew : null, keepAttrs: true, ref, moved: masterNew !== g.text });
  }
  return plan;
}

/** The sheet's shared formula groups by si, with their master (the cell holding the text and the ref). */
function sharedGroups(xml: string, frame: SheetFrame): Map<string, Group> {
  const groups = new Map<string, Group>();
  const cells = new CellSpans();
  let next = xml.indexOf("shared", frame.start);
  forEachRow(xml, frame.start, frame.end, (row) => {
    // The next occurrence, found once and kept while rows before it go by: one pass over the text.
    if (next >= 0 && next < row.openEnd) next = xml.indexOf("shared", row.openEnd);
    if (next < 0 || next > row.innerEnd) return;
    cells.read(xml, row.openEnd + 1, row.innerEnd);
    for (let k = 0; k < cells.n; k++) {
      if (cells.selfClosing[k]) continue;
      const inner = xml.slice(cells.openEnd[k]! + 1, cells.end[k]! - 4);
      if (!inner.includes("shared")) continue;
      const f = fOf(inner);
      const tag = f ? `<f${f[1]}>` : "";
      if (!f || getAttr(tag, "t") !== "shared") continue;
      const si = getAttr(tag, "si") ?? "";
      let g = groups.get(si);
      if (!g) groups.set(si, (g = { master: null, text: "", ref: null, members: [] }));
      const m = { row: row.r, col: cells.col[k]! };
      g.members.push(m);
      const ref = getAttr(tag, "ref");
      if (f[2] !== undefined && ref !== null) {
        g.master = m;
        g.text = unescapeXml(f[2]);
        g.ref = ref;
      }
    }
  });
  return groups;
}

/** The cell content after its shared change. */
export function applySharedChange(inner: string, ch: SharedChange): string {
  let out = ch.text === null ? inner : setFormulaText(inner, ch.text, ch.keepAttrs);
  if (ch.ref) {
    const fm = fOf(out)!;
    out = out.replace(fm[0], fm[0].replace(`ref="${ch.ref[0]}"`, `ref="${ch.ref[1]}"`));
  }
  return out;
}
