// The fake Excel's own reference shifter: written apart from the core's (src/core/model/formulaRefs.ts) so that a
// shifting bug cannot hide in both. Handles A1 cells and ranges, $ anchors, sheet prefixes (quoted or not), whole
// columns (A:C); leaves strings, function names and defined names alone, as Excel does.

export interface RefMove {
  sheet: string;
  /** Rows the move applies to (null: whole columns). */
  rows: [number, number] | null;
  /** Column -> new column (null: deleted). */
  map: (col: number) => number | null;
}

const LETTERS = (n: number) => {
  let s = "";
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
};
const NUMBER = (l: string) => [...l.toUpperCase()].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);

// sheet prefix? then either col:col or cell(:cell)?
const REF =
  /((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\d(A-Za-z_]))/g;

function sheetOf(prefix: string | undefined, own: string): string {
  if (!prefix) return own;
  const p = prefix.slice(0, -1);
  return p.startsWith("'") ? p.slice(1, -1).replace(/''/g, "'") : p;
}

/** Rewrites a formula (without "=") for a column move on one sheet; `own` is the sheet holding the formula. */
export function moveRefs(formula: string, own: string, move: RefMove): string {
  let out = "";
  let i = 0;
  // Split out string literals: references are never inside "…".
  const parts = formula.split(/("(?:[^"]|"")*")/);
  for (const part of parts) {
    if (part.startsWith('"')) {
      out += part;
      continue;
    }
    out += part.replace(
      REF,
      (
        m: string,
        prefix: string | undefined,
        d1: string,
        l1: string,
        d2: string,
        r1: string,
        d3: string,
        l2: string,
        d4: string,
        r2: string,
        dc1: string,
        cl1: string,
        dc2: string,
        cl2: string,
        offset: number,
        whole: string,
      ) => {
        const after = whole[offset + m.length];
        const beforeCh = offset > 0 ? whole[offset - 1] : "";
        if (after === "(" || (beforeCh && /[A-Za-z0-9_.]/.test(beforeCh))) return m; // a function or a longer name
        if (sheetOf(prefix, own) !== move.sheet) return m;
        const pre = prefix ?? "";
        if (cl1) {
          if (move.rows) return m;
          const a = move.map(NUMBER(cl1));
          const b = move.map(NUMBER(cl2));
          if (a === null && b === null) return `${pre}#REF!`;
          return `${pre}${dc1}${LETTERS(a ?? b!)}:${dc2}${LETTERS(b ?? a!)}`;
        }
        const row1 = Number(r1);
        const row2 = r2 ? Number(r2) : row1;
        if (move.rows && (Math.min(row1, row2) < move.rows[0] || Math.max(row1, row2) > move.rows[1])) return m;
        const c1 = NUMBER(l1);
        const c2 = l2 ? NUMBER(l2) : c1;
        let n1 = move.map(c1);
        let n2 = move.map(c2);
        if (!l2) return n1 === null ? `${pre}#REF!` : `${pre}${d1}${LETTERS(n1)}${d2}${r1}`;
        if (n1 === null && n2 === null) return `${pre}#REF!`;
        // A range losing an end keeps what is left of it.
        if (n1 === null) for (let c = c1 + 1; c <= c2 && n1 === null; c++) n1 = move.map(c);
        if (n2 === null) for (let c = c2 - 1; c >= c1 && n2 === null; c--) n2 = move.map(c);
        return `${pre}${d1}${LETTERS(n1!)}${d2}${r1}:${d3}${LETTERS(n2!)}${d4}${r2}`;
      },
    );
    i++;
  }
  void i;
  return out;
}

export const insertMove = (sheet: string, rows: [number, number] | null, at: number, count: number): RefMove => ({
  sheet,
  rows,
  map: (c) => (c >= at ? c + count : c),
});
export const deleteMove = (sheet: string, rows: [number, number] | null, at: number, count: number): RefMove => ({
  sheet,
  rows,
  map: (c) => (c < at ? c : c >= at + count ? c - count : null),
});
