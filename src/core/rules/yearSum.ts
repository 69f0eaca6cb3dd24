import { roleLabel } from "../../messages/layout";
import { rulesText } from "../../messages/rules";
import type { SingleRole } from "../layout/types";
import { finding } from "./helpers";
import { compareAmounts } from "./tolerance";
import type { Finding, Rule } from "./types";

export const yearSum: Rule = {
  id: "year-sum",
  uses: { detail: ["ms", "dgas", "cd", "fir", "etat", "ondam", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal"] },
  skip: (ctx) => (ctx.detail ? null : rulesText.skippedNoTable("detail")),
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    for (const r of [...v.dataRows(), ...v.t.rows.filter((x) => x.kind === "total")]) {
      for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const) {
        const totalCol = v.col(`${b}Total` as SingleRole);
        const years = v.years(b);
        if (totalCol === undefined || !years.length || v.amount(r.row, totalCol) === null) continue;
        const expected = years.reduce((a, y) => a + v.num(r.row, v.yearCol(b, y)), 0);
        const actual = v.num(r.row, totalCol);
        const cmp = compareAmounts(expected, actual);
        if (cmp === "equal") continue;
        const what = roleLabel(`${b}Total`);
        out.push(cmp === "rounding"
          ? finding(v, "year-sum", "info", r.row, totalCol, r.fiche ?? r.continuationOf, rulesText.rounding(what, expected, actual), expected, actual)
          : finding(v, "year-sum", "error", r.row, totalCol, r.fiche ?? r.continuationOf, rulesText.yearSum(what, years, expected, actual), expected, actual));
      }
    }
    return out;
  },
};
