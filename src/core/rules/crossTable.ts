import { rulesText } from "../../messages/rules";
import type { SingleRole } from "../layout/types";
import { TableView as View } from "../layout/view";
import { otherSheetParts } from "../layout/continued";
import { keptPrecision } from "../layout/amountUnit";
import { detailRowsBySummaryKey } from "./ficheKeys";
import { finding } from "./helpers";
import { confident } from "./needs";
import { compareAmounts, ROUNDING_EUR } from "../model/tolerance";
import type { Finding, Rule } from "./types";

const PAIRS: Array<[SingleRole, SingleRole, string]> = [
  ["budget", "budget", rulesText.crossTablePairs.budget],
  ["departement", "cdTotal", rulesText.crossTablePairs.departement],
  ["fir", "firTotal", rulesText.crossTablePairs.fir],
  ["etat", "etatTotal", rulesText.crossTablePairs.etat],
  ["ondam", "ondamTotal", rulesText.crossTablePairs.ondam],
  ["consumedLastYear", "realisedLastYear", rulesText.crossTablePairs.consumedLastYear],
  ["consumedSinceStart", "realisedSinceStart", rulesText.crossTablePairs.consumedSinceStart],
  ["consumedPrior", "realisedPrior", rulesText.crossTablePairs.consumedPrior],
];

export const crossTable: Rule = {
  id: "cross-table",
  perRow: false,
  uses: {
    detail: [
      "budget",
      "msTotal",
      "dgasTotal",
      "cdTotal",
      "firTotal",
      "etatTotal",
      "ondamTotal",
      "realisedLastYear",
      "realisedSinceStart",
      "realisedPrior",
      "cd",
      "fir",
      "etat",
      "ondam",
    ],
    summary: ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"],
  },
  partial: true,
  skip: (ctx) => (ctx.detail && ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const d = ctx.detail!;
    const s = ctx.summary!;
    // (« F01 » in the detail is fiche « 1 » of the summary; a fiche on a part continued on another sheet is that part's.)
    const detailRows = detailRowsByPart(ctx, d, s);
    // (A summary fiche on several rows, numbered on each or merged down, is summed over all of them.)
    const summaryRows = s.rowsByFiche();
    const out: Finding[] = [];
    // One table in k€, the other in euros (each saying so, the figures confirming it): both compared in euros, as the annex's messages print them.
    const scales = s.t.unitScales;
    // Each pair of columns on its own, when both were read with confidence.
    const pairs = PAIRS.filter(
      ([sRole, dRole]) =>
        confident(s, sRole) &&
        confident(d, dRole) &&
        (d.col(dRole) !== undefined || dRole === "cdTotal" || !!yearsOnly(d, dRole)) &&
        (dRole !== "cdTotal" ||
          d.col("cdTotal") !== undefined ||
          (d.years("cd").length
            ? confident(d, "cd")
            : // A share made of the blocks read holds only if the budget confirms them: refuted, a block may be unread.
              confident(d, "ms", "dgas", "msTotal", "dgasTotal", "budget"))),
    );
    // Each pair's columns looked up once, not once per fiche (a co-financer kept by year is checked against the table's years).
    const compared: Array<{ what: string; sc: number; dc: number | undefined; block: "fir" | "etat" | "ondam" | null }> = [];
    for (const [sRole, dRole, what] of pairs) {
      const sc = s.col(sRole);
      const dc = d.col(dRole);
      const block = dc === undefined ? yearsOnly(d, dRole) : null;
      if (sc === undefined || (dc === undefined && dRole !== "cdTotal" && !block)) continue;
      compared.push({ what, sc, dc, block });
    }
    // forEach: no entry array per fiche (10 000 of them).
    summaryRows.forEach((srows, fiche) => {
      const part = detailRows.get(fiche);
      if (!part) return;
      const drows = part.rows;
      for (let p = 0; p < compared.length; p++) {
        const { what, sc, dc, block } = compared[p]!;
        // Summed in row order from 0, as a reduce would: loops rather than two closures per fiche and pair.
        let sv = 0;
        for (let i = 0; i < srows.length; i++) sv += s.num(srows[i]!, sc);
        let dv = 0;
        const pv = part.v;
        for (let i = 0; i < drows.length; i++)
          dv += dc !== undefined ? pv.num(drows[i]!, dc) : block ? pv.blockTotal(drows[i]!, block) : pv.cdTotalOf(drows[i]!);
        // (A detail share derived from several k€ columns carries their rounding too: not compared across units.)
        if (scales && dc === undefined) continue;
        if (scales) {
          // (Within what the k€ figures can say, 38,71 k€ being 38 705 € to 38 715 €, the two are the same amount.)
          let slack = ROUNDING_EUR;
          for (let i = 0; i < srows.length; i++) slack += keptPrecision(s.num(srows[i]!, sc), scales.summary);
          for (let i = 0; i < drows.length; i++) slack += keptPrecision(pv.num(drows[i]!, dc), scales.detail);
          const [se, de] = [sv * scales.summary, dv * scales.detail];
          if (Math.abs(se - de) > slack) out.push(finding(s, "cross-table", "error", srows[0]!, sc, fiche, rulesText.crossTable(what, se, de), de, se));
          continue;
        }
        const cmp = compareAmounts(dv, sv);
        if (cmp === "equal") continue;
        out.push(
          cmp === "rounding"
            ? finding(s, "cross-table", "info", srows[0]!, sc, fiche, rulesText.rounding(what, dv, sv), dv, sv)
            : finding(s, "cross-table", "error", srows[0]!, sc, fiche, rulesText.crossTable(what, sv, dv), dv, sv),
        );
      }
    });
    return out;
  },
};

/**
 * A co-financer kept by year with no total column: its amount is the sum of its years, when it has a column for every
 * year of the table (a year left unread would make the sum short) and those were read with confidence.
 */
function yearsOnly(d: View, role: SingleRole): "fir" | "etat" | "ondam" | null {
  const block = role === "firTotal" ? "fir" : role === "etatTotal" ? "etat" : role === "ondamTotal" ? "ondam" : null;
  if (!block || d.col(role) !== undefined || !d.t.years.length) return null;
  const ys = d.years(block);
  return ys.length === d.t.years.length && d.t.years.every((y) => ys.includes(y)) && confident(d, block) ? block : null;
}

/**
 * Each summary fiche's detail rows and the view they are read in: the detail's first part, else a part continued on
 * another sheet with the very same columns, read surely (the rows a check of the first part alone would leave out).
 */
function detailRowsByPart(ctx: Parameters<Rule["run"]>[0], d: View, s: View): Map<string, { v: View; rows: number[] }> {
  const out = new Map<string, { v: View; rows: number[] }>();
  const parts = [d];
  for (const t of otherSheetParts(ctx.layout.tables, d.t)) {
    const v = t.doubts.length || t.doubtful.length ? null : View.of(ctx.wb, t);
    if (v) parts.push(v);
  }
  for (const v of parts)
    detailRowsBySummaryKey(v, s).forEach((rows, fiche) => {
      if (!out.has(fiche)) out.set(fiche, { v, rows });
    });
  return out;
}
