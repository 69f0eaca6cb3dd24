// Formulas written down a column (`SUM(F5:J5)`, `SUM(F6:J6)`…) differ only by their own row number where it ends a
// cell reference. Cut there, one formula stands for the whole column: a plan parses and rewrites it once.

/** A character no formula holds: joins a template's pieces into a map key. */
export const HOLE = "\u0000";

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** What may continue a name or a function: a reference ends before none of these. */
const continuesName = (c: number) => isLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 40 /* ( */ || c === 33; /* ! */

/** Does the row number at `at` end a reference: 1 to 3 letters before it (each part may carry a $), alone as a word? */
function endsReference(f: string, at: number, len: number): boolean {
  if (continuesName(f.charCodeAt(at + len))) return false;
  let i = at - 1;
  if (f.charCodeAt(i) === 36 /* $ */) i--;
  let letters = 0;
  while (i >= 0 && isLetter(f.charCodeAt(i))) {
    letters++;
    i--;
  }
  if (letters < 1 || letters > 3) return false;
  if (i >= 0 && f.charCodeAt(i) === 36) i--;
  // The word starts here: nothing of a longer name (letters, digits, _ or .) before it.
  if (i < 0) return true;
  const c = f.charCodeAt(i);
  return !(isLetter(c) || isDigit(c) || c === 95 || c === 46);
}

/**
 * The formula cut at each place where `rowText` ends a plain cell reference (F5, $F$5, F$5; never inside a name, a
 * function such as LOG10 or a sheet name), or null when the formula holds a quote, a string or a bracket (names and
 * texts could then hold the same digits). `pieces.join(rowText)` gives the formula back.
 */
export function rowPieces(f: string, rowText: string): string[] | null {
  if (f.includes("'") || f.includes('"') || f.includes("[")) return null;
  const pieces: string[] = [];
  let last = 0;
  for (let at = f.indexOf(rowText); at >= 0; at = f.indexOf(rowText, at + 1)) {
    if (at < last || !endsReference(f, at, rowText.length)) continue;
    pieces.push(f.slice(last, at));
    last = at + rowText.length;
  }
  pieces.push(f.slice(last));
  return pieces;
}

/** `rowPieces(f, rowText).join(HOLE)`, made as one string (a memo key, asked for every formula a plan rewrites). */
function templateKey(f: string, rowText: string): string | null {
  if (f.includes("'") || f.includes('"') || f.includes("[")) return null;
  let key = "";
  let last = 0;
  for (let at = f.indexOf(rowText); at >= 0; at = f.indexOf(rowText, at + 1)) {
    if (at < last || !endsReference(f, at, rowText.length)) continue;
    key += f.slice(last, at) + HOLE;
    last = at + rowText.length;
  }
  return last === 0 ? f : key + f.slice(last);
}

/**
 * A memo of a row-blind rewrite: `rewrite(formula, row)` must depend on the row only through the references its
 * number ends (as moving columns and extending a row's own ranges do). Each formula is looked up by its template
 * and the answer made from the template of the first answer; anything unsafe goes to `rewrite` itself.
 */
export class RowTemplateMemo {
  /** By context, then by template: no key string made of both for each formula. */
  private readonly memo = new Map<string, Map<string, string[] | null>>();
  private size = 0;

  constructor(private readonly limit = 100000) {}

  /** `context`: what else the rewrite depends on (sheet, columns), part of the key. */
  get(formula: string, row: number, context: string, rewrite: () => string | null): string | null {
    const rowText = String(row);
    const k = templateKey(formula, rowText);
    if (k === null) return rewrite();
    let byTemplate = this.memo.get(context);
    if (!byTemplate) this.memo.set(context, (byTemplate = new Map()));
    const known = byTemplate.get(k);
    if (known !== undefined) return known === null ? null : known.length === 1 ? known[0]! : known.join(rowText);
    const out = rewrite();
    if (this.size < this.limit) {
      if (out === null) {
        byTemplate.set(k, null);
        this.size++;
      } else {
        const t = rowPieces(out, rowText);
        if (t) {
          byTemplate.set(k, t);
          this.size++;
        }
      }
    }
    return out;
  }
}
