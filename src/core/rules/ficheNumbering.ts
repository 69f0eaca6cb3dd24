import { rulesText } from "../../messages/rules";
import { layoutText } from "../../messages/layout";
import { finding } from "./helpers";
import { rowsConfirmed } from "./totalRow";
import { otherSheetParts } from "../layout/continued";
import type { TableView } from "../layout/view";
import { sameNumbering } from "./ficheKeys";
import type { Finding, Rule } from "./types";

export const ficheNumbering: Rule = {
  id: "fiche-numbering",
  perRow: false,
  skip: (ctx) => (ctx.detail?.col("fiche") !== undefined || ctx.summary?.col("fiche") !== undefined ? null : rulesText.skipped(["fiche"])),
  run(ctx) {
    const out: Finding[] = [];
    const sets = new Map<string, Set<string>>();
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v || v.col("fiche") === undefined) continue;
      const seen = new Map<string, number[]>();
      const ficheRows = v.ficheRows();
      for (let i = 0; i < ficheRows.length; i++) {
        const r = ficheRows[i]!;
        const list = seen.get(r.fiche!);
        if (list) list.push(r.row);
        else seen.set(r.fiche!, [r.row]);
      }
      // Most fiches are numbered once: nothing copied or made for them.
      seen.forEach((rows, fiche) => {
        for (let i = 1; i < rows.length; i++)
          out.push(finding(v, "fiche-numbering", "warning", rows[i]!, v.col("fiche")!, fiche, rulesText.ficheDuplicate(fiche, rows), 1, rows.length));
      });
      sets.set(v.t.kind, new Set(seen.keys()));
    }
    if (ctx.detail && sets.has("detail"))
      // The summary's fiches are looked for in every part of the detail, not in the first alone.
      for (const t of otherSheetParts(ctx.layout.tables, ctx.detail.t))
        for (const r of t.rows) if (r.kind === "fiche" && r.fiche !== null) sets.get("detail")!.add(r.fiche);
    const d = ctx.detail;
    const s = ctx.summary;
    // Across tables only when both readings are sure: a doubtful column or a lost row would make every fiche « missing ».
    const sure = (v: TableView) => !v.t.doubts.length && rowsConfirmed(v);
    if (d && s && sets.has("detail") && sets.has("summary") && sure(d) && sure(s)) {
      const name = { detail: layoutText.detail.toLowerCase(), summary: layoutText.summary.toLowerCase() };
      const keyOf = sameNumbering(sets.get("detail")!, sets.get("summary")!);
      for (const [v, other] of [
        [d, s],
        [s, d],
      ] as const) {
        const otherSet = new Set([...sets.get(other.t.kind)!].map(keyOf));
        const ficheRows = v.ficheRows();
        for (let i = 0; i < ficheRows.length; i++) {
          const r = ficheRows[i]!;
          if (otherSet.has(keyOf(r.fiche!))) continue;
          out.push(
            finding(
              v,
              "fiche-numbering",
              "warning",
              r.row,
              v.col("fiche")!,
              r.fiche,
              rulesText.ficheOnlyIn(r.fiche!, name[v.t.kind], name[other.t.kind]),
              r.fiche,
              null,
            ),
          );
        }
      }
    }
    return out;
  },
};
