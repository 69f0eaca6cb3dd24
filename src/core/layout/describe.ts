// The recognised layout as plain data for reports: column letters by role ("budget": "L", "ms2020": "M").
import { colToLetters, rangeA1 } from "../model/a1";
import type { TableLayout } from "./types";

/** Left to right; a column that has a role and a year (realised2022 = realisedLastYear) is listed under both keys. */
export function columnLetters(t: TableLayout): Record<string, string> {
  const entries: Array<[string, number]> = [];
  for (const [role, col] of Object.entries(t.columns)) if (col !== undefined) entries.push([role, col]);
  for (const [block, years] of Object.entries(t.blocks)) {
    for (const [y, col] of Object.entries(years ?? {})) entries.push([`${block}${y}`, col]);
  }
  entries.sort((a, b) => a[1] - b[1]);
  return Object.fromEntries(entries.map(([k, c]) => [k, colToLetters(c)]));
}

export function ficheCount(t: TableLayout): number {
  return new Set(t.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).size;
}

export interface TableSummary {
  kind: TableLayout["kind"];
  sheet: string;
  range: string;
  headerRows: number[];
  years: number[];
  fiches: number;
  columns: Record<string, string>;
  totalRow: number | null;
  continuationRows: Array<{ row: number; of: string | null }>;
  groups: Array<{ key: string; title: string; titleRow: number; rows: number; subtotalRow: number | null }>;
  missing: string[];
  ambiguous: Array<{ role: string; columns: string[] }>;
  hiddenColumns: string[];
  confidence: number;
  /** Roles the table's arithmetic did not confirm, with the reason (French). */
  doubtful: Array<{ role: string; column: string; why: string }>;
  /** Every role with its column letter (null when missing or set absent), header text and status, for « Lecture de l'annexe ». */
  readings: Array<{ key: string; column: string | null; header: string; status: string }>;
}

export function describeTable(t: TableLayout): TableSummary {
  return {
    kind: t.kind,
    sheet: t.sheet,
    range: rangeA1(t.range),
    headerRows: t.headerRows,
    years: t.years,
    fiches: ficheCount(t),
    columns: columnLetters(t),
    totalRow: t.totalRow,
    continuationRows: t.rows.filter((r) => r.kind === "continuation").map((r) => ({ row: r.row, of: r.continuationOf })),
    groups: t.groups.map((g) => ({ key: g.key, title: g.title, titleRow: g.titleRow, rows: g.rows.length, subtotalRow: g.subtotalRow })),
    missing: t.missing,
    ambiguous: t.ambiguous.map((a) => ({ role: a.role, columns: a.cols.map(colToLetters) })),
    hiddenColumns: t.hiddenCols.map(colToLetters),
    confidence: t.confidence,
    doubtful: t.doubts.map((d) => ({ role: d.key, column: colToLetters(d.col), why: d.why })),
    readings: t.readings.map((r) => ({ key: r.key, column: r.col === null ? null : colToLetters(r.col), header: r.header, status: r.status })),
  };
}
