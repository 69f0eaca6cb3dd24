// Which column holds the fiche numbers, decided by the cells when the headers leave a doubt:
// "N°" beside "Fiche action" (a label), or no header naming the numbers at all.
import type { CellValue, SheetSnapshot } from "../model/snapshot";
import { parseFiche } from "./rows";
import { isFilled, isTitledFiche, SUBTOTAL, SUM_WORDS, TOTAL } from "./rowWords";
import { normHead } from "./normalize";

const SAMPLE_ROWS = 80;
/** « Obj. 2 Bilans de santé », « Obj 3 - … »: an objective's title row between its fiches, as « Objectif 3 » is. */
const OBJECTIVE_TITLE = /^obj\.? ?\d/;

// (In both samples the TOTAL or two empty rows end the table; engagement and objective titles and sub-totals between
// the fiches say nothing of the column, and what lies under the table, a legend or a signature, is no fiche.)
const GRAND_TOTAL = /^(ensemble|total general|total annexe)\b/;

/** The cells of a column under the header down to the table's end. */
function* bodyCells(sheet: SheetSnapshot, col: number, headerEnd: number): Generator<CellValue> {
  const last = Math.min(sheet.rowCount, headerEnd + SAMPLE_ROWS);
  let empty = 0;
  for (let r = headerEnd + 1; r <= last; r++) {
    const row = sheet.cells[r - 1];
    if (!row || !row.some(isFilled)) {
      if (++empty >= 2) return;
      continue;
    }
    empty = 0;
    const v = row[col - 1]?.value ?? null;
    if (v === null || (typeof v === "string" && !v.trim())) continue;
    if (typeof v === "string") {
      const t = normHead(v, 40);
      if ((TOTAL.test(t) && !SUBTOTAL.test(t)) || GRAND_TOTAL.test(t)) return;
      if (SUM_WORDS.test(t) || OBJECTIVE_TITLE.test(t)) continue;
    }
    yield v;
  }
}

/** Fiche-number cells and other filled cells in the rows under the header. */
export function ficheScore(sheet: SheetSnapshot, col: number, headerEnd: number): { hits: number; others: number } {
  let hits = 0;
  let others = 0;
  for (const v of bodyCells(sheet, col, headerEnd)) {
    if (parseFiche(v) !== null) hits++;
    else others++;
  }
  return { hits, others };
}

/**
 * Among the columns the headers call "fiche", the one whose cells are fiche numbers; when none is, an unnamed column
 * of fiche numbers among the first ones. Returns the column and the candidates it was preferred to.
 */
export function chooseFicheColumn(sheet: SheetSnapshot, headerEnd: number, named: number[], unnamed: number[]): { col: number | undefined; others: number[] } {
  const scored = named.map((col) => ({ col, ...ficheScore(sheet, col, headerEnd) }));
  const good = scored.filter((s) => s.hits > 0 && s.hits >= s.others).sort((a, b) => b.hits - a.hits || a.col - b.col);
  if (good.length) return { col: good[0]!.col, others: named.filter((c) => c !== good[0]!.col) };
  for (const col of unnamed) {
    const s = ficheScore(sheet, col, headerEnd);
    if (s.hits >= 2 && s.hits >= 3 * s.others) return { col, others: named };
  }
  return { col: named[0], others: named.slice(1) };
}

/** A column whose cells are nearly all a fiche's number and title together (« 3 - Créer un observatoire »). */
export function titledColumn(sheet: SheetSnapshot, col: number, headerEnd: number): boolean {
  let titled = 0;
  let others = 0;
  for (const v of bodyCells(sheet, col, headerEnd)) {
    if (isTitledFiche(v)) titled++;
    else others++;
  }
  return titled >= 2 && titled >= 2 * others;
}
