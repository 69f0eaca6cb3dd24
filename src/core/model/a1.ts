// A1 helpers. Rows and columns are 1-based everywhere in the core, as Excel numbers them.

export function colToLetters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function addr(row: number, col: number): string {
  return colToLetters(col) + row;
}

export function parseAddr(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 address: ${a1}`);
  return { row: Number(m[2]), col: lettersToCol(m[1]!) };
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function rangeA1(r: Rect): string {
  return r.r1 === r.r2 && r.c1 === r.c2 ? addr(r.r1, r.c1) : `${addr(r.r1, r.c1)}:${addr(r.r2, r.c2)}`;
}

export function parseRange(a1: string): Rect {
  const [a, b] = a1.split(":");
  const p = parseAddr(a!);
  const q = b ? parseAddr(b) : p;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

/** Sheet name as it must appear in a formula reference ('Suivi fiches actions'!A1). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
