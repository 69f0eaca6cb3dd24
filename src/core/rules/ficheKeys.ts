// One numbering in two spellings: the detail writes « F01 » where the summary writes « 1 ». Rules that pair the two
// tables' fiches compare them on one key.
import type { TableView } from "../layout/view";

const PREFIX = /^([A-Z]{1,2})(?=\d)/;

/**
 * One letter prefix shared by every fiche of a table whose counterpart uses none: the same numbering. Returns the key
 * both tables compare on (the prefix dropped then, else the number as read).
 */
export function sameNumbering(a: Iterable<string>, b: Iterable<string>): (fiche: string) => string {
  const prefixes = (s: Iterable<string>) => new Set([...s].map((f) => PREFIX.exec(f)?.[1] ?? ""));
  const pa = prefixes(a);
  const pb = prefixes(b);
  const shared = (p: Set<string>, q: Set<string>) => p.size === 1 && !p.has("") && q.size === 1 && q.has("");
  return shared(pa, pb) || shared(pb, pa) ? (f) => f.replace(PREFIX, "") : (f) => f;
}

/** The detail's rows of each fiche, keyed as the summary numbers its fiches. */
export function detailRowsBySummaryKey(d: TableView, s: TableView): Map<string, number[]> {
  const detail = d.rowsByFiche();
  const summary = s.rowsByFiche();
  const keyOf = sameNumbering(detail.keys(), summary.keys());
  const out = new Map<string, number[]>();
  // forEach: no entry array per fiche (10 000 of them).
  detail.forEach((rows, fiche) => {
    const k = keyOf(fiche);
    const list = out.get(k);
    if (list) for (let i = 0; i < rows.length; i++) list.push(rows[i]!);
    else out.set(k, rows.slice());
  });
  // The summary's own keys: a fiche it spells « F01 » where the detail says « 1 ».
  const back = new Map<string, number[]>();
  summary.forEach((_, fiche) => {
    const rows = out.get(keyOf(fiche));
    if (rows) back.set(fiche, rows);
  });
  return back;
}
