// One number per cell, for maps and sets keyed by position. Excel has at most 16 384 columns: a row stride of 20 000
// keeps keys unique and exact (below 2^53 for every row Excel allows).
export const CELL_KEY_STRIDE = 20000;

export function cellKey(row: number, col: number): number {
  return row * CELL_KEY_STRIDE + col;
}

export function cellOfKey(key: number): { row: number; col: number } {
  return { row: Math.floor(key / CELL_KEY_STRIDE), col: key % CELL_KEY_STRIDE };
}
