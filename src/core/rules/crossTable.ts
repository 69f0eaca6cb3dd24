import { rulesText } from "../../messages/rules";
import type { SingleRole } from "../layout/types";
import { finding } from "./helpers";
import { confident } from "./needs";
import { compareAmounts } from "../model/tolerance";
import type { Finding, Rule } from "./types";
import type { TableView } from "../layout/view";

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

/** A co-financer's block kept as its years with no total column: its total is their sum (as Total CD's already is). */
function byYears(d: TableView, dRole: SingleRole): "fir" | "etat" | "ondam" | undefined {
  const block = dRole === "firTotal" ? "fir" : dRole === "etatTotal" ? "etat" : dRole === "ondamTotal" ? "ondam" : undefined;
  return block && d.years(block).length && confident(d, block) ? block : undefined;
}

export const crossTable: Rule = {
  id: "cross-table",
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
    ],
    summary: ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"],
  },
  partial: true,
  skip: (ctx) => (ctx.detail && ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const d = ctx.detail!;
    const s = ctx.summary!;
    const detailRows = d.rowsByFiche();
    // (A summary fiche on several rows, numbered on each or merged down, is summed over all of them.)
    const summaryRows = s.rowsByFiche();
    const out: Finding[] = [];
    // Each pair of columns on its own, when both were read with confidence.
    const pairs = PAIRS.filter(
      ([sRole, dRole]) =>
        confident(s, sRole) &&
        confident(d, dRole) &&
        (dRole !== "cdTotal" ||
          d.col("cdTotal") !== undefined ||
          (d.years("cd").length
            ? confident(d, "cd")
            : // A share made of the blocks read holds only if the budget confirms them: refuted, a block may be unread.
              confident(d, "ms", "dgas", "msTotal", "dgasTotal", "budget"))),
    );
    for (const [fiche, srows] of summaryRows) {
      const drows = detailRows.get(fiche);
      if (!drows) continue;
      for (const pair of pairs) {
        const sRole = pair[0];
        const dRole = pair[1];
        const what = pair[2];
        const sc = s.col(sRole);
        const dc = d.col(dRole);
        const years = dc === undefined ? byYears(d, dRole) : undefined;
        if (sc === undefined || (dc === undefined && dRole !== "cdTotal" && !years)) continue;
        // Summed in row order from 0, as a reduce would: loops rather than two closures per fiche and pair.
        let sv = 0;
        for (let i = 0; i < srows.length; i++) sv += s.num(srows[i]!, sc);
        let dv = 0;
        for (let i = 0; i < drows.length; i++) dv += dc !== undefined ? d.num(drows[i]!, dc) : years ? d.blockTotal(drows[i]!, years) : d.cdTotalOf(drows[i]!);
        const cmp = compareAmounts(dv, sv);
        if (cmp === "equal") continue;
        out.push(
          cmp === "rounding"
            ? finding(s, "cross-table", "info", srows[0]!, sc, fiche, rulesText.rounding(what, dv, sv), dv, sv)
            : finding(s, "cross-table", "error", srows[0]!, sc, fiche, rulesText.crossTable(what, sv, dv), dv, sv),
        );
      }
    }
    return out;
  },
};
