// A1 addresses as Excel's request processor parses and prints them. Written for the test host alone: it does not
// use the core's a1 module, so that an addressing bug cannot hide in both.

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoted(sheet: string): string {
  return /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "B4", "B4:D9", "B:D", "4:9", with or without $ and a sheet prefix; null when not an address. */
export function parseAddress(address: string): (Rect & { sheet: string | null; wholeColumns: boolean; wholeRows: boolean }) | null {
  let a = address.trim();
  let sheet: string | null = null;
  const bang = a.lastIndexOf("!");
  if (bang >= 0) {
    const s = a.slice(0, bang);
    sheet = s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
    a = a.slice(bang + 1);
  }
  a = a.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const c1 = columnNumber(m[1]!),
      r1 = Number(m[2]);
    const c2 = m[3] ? columnNumber(m[3]) : c1,
      r2 = m[4] ? Number(m[4]) : r1;
    if (r1 < 1 || r2 < 1 || r1 > MAX_ROWS || r2 > MAX_ROWS || c1 > MAX_COLS || c2 > MAX_COLS) return null;
    return { sheet, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2), wholeColumns: false, wholeRows: false };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const c1 = columnNumber(m[1]!),
      c2 = columnNumber(m[2]!);
    return { sheet, r1: 1, r2: MAX_ROWS, c1: Math.min(c1, c2), c2: Math.max(c1, c2), wholeColumns: true, wholeRows: false };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]),
      r2 = Number(m[2]);
    return { sheet, r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: 1, c2: MAX_COLS, wholeColumns: false, wholeRows: true };
  }
  return null;
}

/** Excel's Range.address: sheet-qualified, no $, a single cell without ":", whole columns or rows as "B:D", "4:9". */
export function formatAddress(sheet: string, r: Rect): string {
  let a: string;
  if (r.r1 === 1 && r.r2 === MAX_ROWS) a = `${letters(r.c1)}:${letters(r.c2)}`;
  else if (r.c1 === 1 && r.c2 === MAX_COLS) a = `${r.r1}:${r.r2}`;
  else if (r.r1 === r.r2 && r.c1 === r.c2) a = `${letters(r.c1)}${r.r1}`;
  else a = `${letters(r.c1)}${r.r1}:${letters(r.c2)}${r.r2}`;
  return `${quoted(sheet)}!${a}`;
}

export const overlaps = (a: Rect, b: Rect) => a.r1 <= b.r2 && a.r2 >= b.r1 && a.c1 <= b.c2 && a.c2 >= b.c1;
export const contains = (outer: Rect, inner: Rect) => outer.r1 <= inner.r1 && outer.r2 >= inner.r2 && outer.c1 <= inner.c1 && outer.c2 >= inner.c2;
