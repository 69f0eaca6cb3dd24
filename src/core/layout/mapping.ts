// The user's reading of an annex, saved and passed back: which column holds each role, keyed by sheet and header text
// (so it survives inserted columns), with the column letter as a fallback. A mapped role is confirmed; "absent" is a choice.
import { colToLetters, lettersToCol } from "../model/a1";
import type { WorkbookSnapshot } from "../model/snapshot";
import { norm } from "./normalize";
import { parseRoleKey } from "./roles";
import type { AnnexLayout, TableKind } from "./types";
import { mappingText } from "../../messages/layout";

export interface MappingEntry {
  table: "detail" | "summary";
  sheet: string;
  /** Key as in the report's `columns` map: "fiche", "budget", "firTotal", "fir2021", "realisedLastYear"… */
  key: string;
  /** The chosen column's header text (group + sub, normalised) so the mapping survives inserted columns. */
  header: string | null;
  /** Column letter when saved (fallback); null together with header null = the user says "absent". */
  column: string | null;
}
export interface ColumnMapping {
  version: 1;
  entries: MappingEntry[];
}

/** Header text as stored in a mapping and compared: group and sub-header, normalised (lower case, no accents, single spaces). */
export function headerKey(text: string): string {
  return norm(text);
}

/** The layout's current reading as a mapping: every role read (confirmed, doubtful or user-set), and the user's "absent" choices. */
export function mappingFromLayout(wb: WorkbookSnapshot, layout: AnnexLayout): ColumnMapping {
  void wb;
  const entries: MappingEntry[] = [];
  for (const t of [layout.detail, layout.summary]) {
    if (!t) continue;
    for (const r of t.readings) {
      if (r.col !== null) entries.push({ table: t.kind, sheet: t.sheet, key: r.key, header: headerKey(r.header) || null, column: colToLetters(r.col) });
      else if (r.status === "user") entries.push({ table: t.kind, sheet: t.sheet, key: r.key, header: null, column: null });
    }
  }
  return { version: 1, entries };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Validates a mapping read from JSON; says in French what is wrong (entry number, field). */
export function parseMapping(json: unknown): ColumnMapping | { error: string } {
  if (!isObj(json)) return { error: mappingText.notObject };
  if (json.version !== 1) return { error: mappingText.badVersion(String(json.version)) };
  if (!Array.isArray(json.entries)) return { error: mappingText.noEntries };
  const entries: MappingEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < json.entries.length; i++) {
    const e: unknown = json.entries[i];
    const n = i + 1;
    if (!isObj(e)) return { error: mappingText.entryNotObject(n) };
    if (e.table !== "detail" && e.table !== "summary") return { error: mappingText.badTable(n, String(e.table)) };
    if (typeof e.sheet !== "string" || !e.sheet) return { error: mappingText.badSheet(n) };
    if (typeof e.key !== "string" || !parseRoleKey(e.key)) return { error: mappingText.badKey(n, String(e.key)) };
    const header = e.header ?? null;
    const column = e.column ?? null;
    if (header !== null && typeof header !== "string") return { error: mappingText.badHeader(n) };
    if (column !== null && (typeof column !== "string" || !/^[A-Za-z]{1,3}$/.test(column.trim()))) return { error: mappingText.badColumn(n, String(column)) };
    const id = `${e.table}\u0000${e.sheet}\u0000${e.key}`;
    if (seen.has(id)) return { error: mappingText.duplicate(n, e.key) };
    seen.add(id);
    entries.push({
      table: e.table,
      sheet: e.sheet,
      key: e.key,
      header: header === null || header.trim() === "" ? null : header,
      column: column === null ? null : column.trim().toUpperCase(),
    });
  }
  return { version: 1, entries };
}

/**
 * Resolves an entry against a table's header: a unique header match first (normalised text), else the saved letter.
 * Returns null for "absent", undefined when it cannot be resolved (the entry is then ignored).
 */
export function resolveEntry(entry: MappingEntry, headers: Map<number, string>): number | null | undefined {
  if (entry.header === null && entry.column === null) return null;
  if (entry.header !== null) {
    const want = headerKey(entry.header);
    const hits = [...headers].filter(([, h]) => headerKey(h) === want).map(([c]) => c);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1 && entry.column !== null) {
      const c = lettersToCol(entry.column);
      if (hits.includes(c)) return c;
    }
  }
  if (entry.column !== null) return lettersToCol(entry.column);
  return undefined;
}

export function entriesFor(mapping: ColumnMapping | undefined, kind: TableKind, sheet: string): MappingEntry[] {
  return mapping ? mapping.entries.filter((e) => e.table === kind && e.sheet === sheet) : [];
}
