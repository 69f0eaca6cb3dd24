import { FIR_OBJECTIVES, ONDAM_OBJECTIVES } from "../catalogue/objectives";
import { rulesText } from "../../messages/rules";
import type { SingleRole } from "../layout/types";
import { finding } from "./helpers";
import { moneyByFunder } from "./funding";
import { detailObjectives } from "./objectives";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";

export const funderTheme: Rule = {
  id: "funder-theme",
  perRow: false,
  uses: { detail: ["objective", "fir", "ondam", "firTotal", "ondamTotal"] },
  skip: (ctx) => (ctx.detail ? null : rulesText.skippedNoTable("detail")),
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    // The objectives of a fiche come from all its rows; its money goes with any of them.
    const numbers = new Map<string, number[]>();
    const entries = detailObjectives(v);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (!e.fiche || e.n === null) continue;
      const list = numbers.get(e.fiche);
      if (list) list.push(e.n);
      else numbers.set(e.fiche, [e.n]);
    }
    const cellOf = (f: "fir" | "ondam") => v.col(`${f}Total` as SingleRole) ?? v.yearCol(f, v.years(f)[0]!);
    const none: number[] = [];
    // forEach, and no closure over a fiche's values: nothing made per fiche (10 000 of them).
    v.rowsByFiche().forEach((rows, fiche) => {
      const money = moneyByFunder(v, rows);
      const ns = numbers.get(fiche) ?? none;
      const n = ns[0] ?? null;
      const ondam = money.get("ondam") ?? 0;
      if (ondam > EPS && fits(ns, ONDAM_OBJECTIVES) === null && cellOf("ondam") !== undefined) {
        out.push(
          finding(
            v,
            "funder-theme",
            "info",
            rows[0]!,
            cellOf("ondam")!,
            fiche,
            rulesText.funderThemeOndam(ondam, n),
            "objectifs 9, 15, 16, 24",
            n === null ? null : rulesText.objectiveRef(n),
          ),
        );
      }
      const fir = money.get("fir") ?? 0;
      if (fir > EPS && fits(ns, FIR_OBJECTIVES) === null && cellOf("fir") !== undefined) {
        out.push(
          finding(
            v,
            "funder-theme",
            "info",
            rows[0]!,
            cellOf("fir")!,
            fiche,
            rulesText.funderThemeFir(fir, n),
            rulesText.firObjectives,
            n === null ? null : rulesText.objectiveRef(n),
          ),
        );
      }
    });
    return out;
  },
};

/** The fiche's first objective number among `allowed`, or null. */
function fits(ns: number[], allowed: number[]): number | null {
  for (const x of ns) if (allowed.includes(x)) return x;
  return null;
}
