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
  uses: { detail: ["objective", "fir", "ondam", "firTotal", "ondamTotal"] },
  skip: (ctx) => (ctx.detail ? null : rulesText.skippedNoTable("detail")),
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    // The objectives of a fiche come from all its rows; its money goes with any of them.
    const numbers = new Map<string, number[]>();
    for (const e of detailObjectives(v)) {
      if (!e.fiche || e.n === null) continue;
      const list = numbers.get(e.fiche);
      if (list) list.push(e.n);
      else numbers.set(e.fiche, [e.n]);
    }
    for (const [fiche, rows] of v.rowsByFiche()) {
      const money = moneyByFunder(v, rows);
      const ns = numbers.get(fiche) ?? [];
      const fits = (allowed: number[]) => ns.find((x) => allowed.includes(x)) ?? null;
      const n = ns[0] ?? null;
      const cellOf = (f: "fir" | "ondam") => v.col(`${f}Total` as SingleRole) ?? v.yearCol(f, v.years(f)[0]!);
      const ondam = money.get("ondam") ?? 0;
      if (ondam > EPS && fits(ONDAM_OBJECTIVES) === null && cellOf("ondam") !== undefined) {
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
      if (fir > EPS && fits(FIR_OBJECTIVES) === null && cellOf("fir") !== undefined) {
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
    }
    return out;
  },
};
