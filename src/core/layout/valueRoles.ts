// Roles a column's cells name better than its header: a column whose fiches say « Fondamental » / « Facultatif » (or
// « Socle » / « Optionnel ») is the objective type, whatever its header calls it (« Nature », « Catégorie »).
import type { SheetSnapshot } from "../model/snapshot";
import { columnsRead } from "./columnsRead";
import { normHead } from "./normalize";
import type { RowInfo, SingleRole, YearBlock } from "./types";

const OBJECTIVE_TYPE = /^(obj(ectif|\.)? )?(fondamental|facultatif|socle|optionnel)(le)?s?\b/;
/** Fewer fiches than this prove nothing by their values. */
const MIN_ROWS = 2;

/** The one column not read for any role whose fiche rows hold an objective type on (nearly) every written cell. */
export function objectiveTypeByValues(
  sheet: SheetSnapshot,
  c1: number,
  c2: number,
  columns: Partial<Record<SingleRole, number>>,
  blocks: Partial<Record<YearBlock, Record<number, number>>>,
  rows: RowInfo[],
): number | undefined {
  const used = columnsRead(columns, blocks);
  const ficheRows = rows.filter((r) => r.kind === "fiche" || r.kind === "continuation").map((r) => r.row);
  const found: number[] = [];
  for (let c = c1; c <= c2; c++) {
    if (used.has(c)) continue;
    let typed = 0;
    let other = 0;
    for (const r of ficheRows) {
      const v = sheet.cells[r - 1]?.[c - 1]?.value;
      if (v === null || v === undefined || v === "") continue;
      if (typeof v === "string" && OBJECTIVE_TYPE.test(normHead(v))) typed++;
      else other++;
    }
    // (One odd value is a typing fault the objective-type rule reports, not another column.)
    if (typed >= MIN_ROWS && other <= Math.max(1, Math.floor(typed / 10))) found.push(c);
  }
  return found.length === 1 ? found[0] : undefined;
}
