// How every formula of the package moves: the plan's column insertions (compiled once), then structured references
// to table columns the write renames.
import { compileInsertions, shiftFormulaBy, type Insertion } from "./shiftRefs";
import { renameStructuredRefs, type ColumnRenames } from "./tables";

/** A formula written on `sheet` (null: names and charts, where references are qualified), moved. */
export type FormulaMover = (sheet: string | null, f: string) => string;

export function formulaMover(ins: readonly Insertion[], renames: ColumnRenames): FormulaMover {
  const map = ins.length ? compileInsertions(ins) : null;
  return (sheet, f) => renameStructuredRefs(map ? shiftFormulaBy(map, sheet, f) : f, renames);
}

const HOLE = "\u0000";

/**
 * The formulas of one sheet moved row by row. Formulas written down a column (`D5/E5`, `D6/E6`…) differ only by
 * their row number where it follows a column's letters; once that number is taken out, one move serves them all.
 * Only when the insertions take whole columns (a reference then moves the same on every row) and for formulas with
 * no quoted sheet name or bracket (names of sheets or table columns could hold the same digits).
 */
export function rowFormulaMover(move: (f: string) => string, rowBlind: boolean): (f: string, rowText: string) => string {
  if (!rowBlind) return (f) => move(f);
  const cache = new Map<string, string[]>();
  return (f, rowText) => {
    if (f.includes("'") || f.includes("[")) return move(f);
    const key = holes(f, rowText);
    if (key === null) return move(f);
    const known = cache.get(key);
    if (known) return known.join(rowText);
    const moved = move(f);
    const template = holes(moved, rowText);
    // The same holes in the moved text (letters change, digits never do); else this formula is not cached.
    if (template !== null && cache.size < 100000 && count(template) === count(key)) cache.set(key, template.split(HOLE));
    return moved;
  };
}

/** The formula with its row number taken out where it ends a cell reference (after a letter or $, before neither a digit nor !). */
function holes(f: string, rowText: string): string | null {
  let at = f.indexOf(rowText);
  if (at < 0) return null;
  let out = "";
  let last = 0;
  for (; at >= 0; at = f.indexOf(rowText, at + rowText.length)) {
    const before = f.charCodeAt(at - 1);
    const after = f.charCodeAt(at + rowText.length);
    const letter = (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 36;
    if (!letter || (after >= 48 && after <= 57) || after === 33) continue;
    out += f.slice(last, at) + HOLE;
    last = at + rowText.length;
  }
  return last ? out + f.slice(last) : null;
}

function count(s: string): number {
  let n = 0;
  for (let i = s.indexOf(HOLE); i >= 0; i = s.indexOf(HOLE, i + 1)) n++;
  return n;
}
