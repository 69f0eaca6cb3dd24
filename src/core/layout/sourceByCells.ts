// Two columns worded as the source of co-financing (« Co-financeur(s) » and « Partenaires associés »): the one whose
// cells name funders (FIR, ETAT, ONDAM, the département, in any of their names the headers know) on the most fiche rows
// is the source; the other holds partners, comments or anything else. The header cannot tell; the fiches' cells do.
import type { SheetSnapshot } from "../model/snapshot";
import { blockOf } from "./classify";
import { normHead } from "./normalize";
import type { RowInfo } from "./types";

/** A cell written as a list of funders: every item a funder's name (« ARS (FIR) / Etat + AM »). */
function namesFunders(text: string): boolean {
  const items = normHead(text, 200)
    .split(/\s*(?:\/|\+|,|;|&|\bet\b|\s-\s|\n)\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length > 0 && items.every((x) => blockOf(x) !== null);
}

/** Fiche rows whose cell in column c names funders. */
function fundersNamed(sheet: SheetSnapshot, c: number, rows: RowInfo[]): number {
  let n = 0;
  for (const r of rows) {
    if (r.kind !== "fiche" && r.kind !== "continuation") continue;
    const v = sheet.cells[r.row - 1]?.[c - 1]?.value;
    if (typeof v === "string" && v.trim() && namesFunders(v)) n++;
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

/** A cell that says no co-financer (« Sans cofinancement », « Néant », « Aucun », « - »). */
const SAYS_NONE = /^(sans|neant|aucun|aucune|pas de|non|nc|na|n ?\/ ?a|0|-+|\/|x)\b|^[-/x0]*$/;

/** Whether a cell names a funder anywhere in it (a word, or a list of them), or says there is none. */
function speaksOfFunders(text: string): boolean {
  const t = normHead(text, 200).trim();
  if (!t || SAYS_NONE.test(t) || blockOf(t) !== null || namesFunders(t)) return true;
  return t.split(/[^a-z0-9']+/).some((w) => w.length > 1 && blockOf(w) !== null);
}

/**
 * A column worded as the source of co-financing (« Partenaires associés ») whose filled fiche cells, three or more, name
 * no funder at all nor say there is none (« en cours », « partenariat CAF », « action reportée »): comments or partners,
 * not the source. The header proposed it; the cells refute it, and a warning on every fiche would only flood.
 */
export function sourceRefutedByCells(sheet: SheetSnapshot, c: number, rows: RowInfo[]): boolean {
  let filled = 0;
  for (const r of rows) {
    if (r.kind !== "fiche" && r.kind !== "continuation") continue;
    const v = sheet.cells[r.row - 1]?.[c - 1]?.value;
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") return false;
    if (!v.trim()) continue;
    if (speaksOfFunders(v)) return false;
    filled++;
  }
  return filled >= 3;
}
