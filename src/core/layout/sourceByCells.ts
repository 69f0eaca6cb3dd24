// Two columns worded as the source of co-financing (« Co-financeur(s) » and « Partenaires associés »): the one whose
// cells name funders (FIR, ETAT, ONDAM, the département, or none in words) on the most fiche rows is the source; the
// other holds partners, comments or anything else. The header cannot tell; the fiches' cells do.
import type { SheetSnapshot } from "../model/snapshot";
import { parseSource } from "../catalogue/funders";
import type { RowInfo } from "./types";

/** Fiche rows whose cell in column c names funders and nothing unknown. */
function fundersNamed(sheet: SheetSnapshot, c: number, rows: RowInfo[]): number {
  let n = 0;
  for (const r of rows) {
    if (r.kind !== "fiche" && r.kind !== "continuation") continue;
    const v = sheet.cells[r.row - 1]?.[c - 1]?.value;
    if (typeof v !== "string" || !v.trim()) continue;
    const p = parseSource(v);
    if ((p.funders.size || p.namesCd) && !p.unknown.length) n++;
  }
  return n;
}

/** The source column among those worded as it; `current` when the cells do not prefer another. */
export function sourceByCells(sheet: SheetSnapshot, candidates: number[], current: number | undefined, rows: RowInfo[]): number | undefined {
  if (candidates.length < 2) return current;
  let best = current;
  let bestScore = current === undefined ? -1 : fundersNamed(sheet, current, rows);
  for (const c of candidates) {
    const s = fundersNamed(sheet, c, rows);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
