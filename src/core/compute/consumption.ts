// Consumption rates for the pane's chart: per engagement (summary table) and per funder (detail table).
import type { AnnexLayout } from "../layout/types";
import { TableView } from "../layout/view";
import type { WorkbookSnapshot } from "../model/snapshot";

export interface RateBar {
  key: string;
  label: string;
  planned: number;
  consumed: number;
  rate: number | null;
}

/** Per engagement: consumed since the start / budget of its rows (the summary's groups). */
export function ratesByEngagement(wb: WorkbookSnapshot, layout: AnnexLayout): RateBar[] {
  const v = TableView.of(wb, layout.summary);
  if (!v || v.col("budget") === undefined || v.col("consumedSinceStart") === undefined) return [];
  return v.t.groups.map((g) => {
    const planned = g.rows.reduce((a, r) => a + v.num(r, v.col("budget")), 0);
    const consumed = g.rows.reduce((a, r) => a + v.num(r, v.col("consumedSinceStart")), 0);
    return { key: g.key, label: g.title, planned, consumed, rate: planned ? consumed / planned : null };
  });
}

/**
 * Per funder (CD, FIR, ETAT, ONDAM): the annex does not split realisations by funder, so each fiche's spending is
 * shared out in proportion to what each funder planned for it. An estimate, and labelled as such in the pane.
 */
export function ratesByFunder(wb: WorkbookSnapshot, layout: AnnexLayout): RateBar[] {
  const v = TableView.of(wb, layout.detail);
  if (!v || v.col("realisedSinceStart") === undefined) return [];
  const funders = [
    ["cd", "CD"],
    ["fir", "FIR"],
    ["etat", "ETAT"],
    ["ondam", "ONDAM"],
  ] as const;
  const planned = new Map<string, number>(funders.map(([k]) => [k, 0]));
  const consumed = new Map<string, number>(funders.map(([k]) => [k, 0]));
  for (const rows of v.rowsByFiche().values()) {
    const parts = funders.map(([k]) => rows.reduce((a, r) => a + v.blockTotal(r, k), 0));
    const total = parts.reduce((a, b) => a + b, 0);
    const spent = rows.reduce((a, r) => a + v.num(r, v.col("realisedSinceStart")), 0);
    funders.forEach(([k], i) => {
      planned.set(k, planned.get(k)! + parts[i]!);
      if (total > 0) consumed.set(k, consumed.get(k)! + (spent * parts[i]!) / total);
    });
  }
  return funders
    .filter(([k]) => k === "cd" || v.col(`${k}Total` as "firTotal") !== undefined || v.years(k).length)
    .map(([k, label]) => ({
      key: k,
      label,
      planned: planned.get(k)!,
      consumed: consumed.get(k)!,
      rate: planned.get(k) ? consumed.get(k)! / planned.get(k)! : null,
    }));
}
