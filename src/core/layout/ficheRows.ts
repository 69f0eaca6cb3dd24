// A table's rows grouped by fiche: read by the recognition (both tables' fiches compared) and by the rules (through
// TableView), on the same rows arrays. Built once per rows array: at 10 000 fiches each build is 10 000 map entries.
import type { RowInfo } from "./types";

const memo = new WeakMap<readonly RowInfo[], Map<string, number[]>>();

/**
 * Fiche number -> its rows (the fiche row first, then continuations). Shared: not to be changed, nor the rows array
 * after this is asked (a table's rows are final once read).
 */
export function rowsByFiche(rows: readonly RowInfo[]): Map<string, number[]> {
  let m = memo.get(rows);
  if (m) return m;
  m = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const key = r.kind === "fiche" ? r.fiche : r.kind === "continuation" ? r.continuationOf : null;
    if (!key) continue;
    const list = m.get(key);
    if (list) list.push(r.row);
    else m.set(key, [r.row]);
  }
  memo.set(rows, m);
  return m;
}
