// The columns a table's reading gives a role to (single roles and every year of every block): the rest are the
// columns left unread, where a role the header words missed may sit.
import type { SingleRole, YearBlock } from "./types";

export function columnsRead(columns: Partial<Record<SingleRole, number>>, blocks: Partial<Record<YearBlock, Record<number, number>>>): Set<number> {
  const read = new Set<number>();
  for (const c of Object.values(columns)) if (c !== undefined) read.add(c);
  for (const years of Object.values(blocks)) for (const c of Object.values(years ?? {})) read.add(c);
  return read;
}
