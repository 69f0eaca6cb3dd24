import { nationalType } from "../catalogue/objectives";
import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { confident } from "./needs";
import { detailObjectives, objectiveByLabel, objectivesFromSummary } from "./objectives";
import type { TableView } from "../layout/view";
import type { Finding, Rule } from "./types";

const TYPE_LABEL = { fondamental: "Fondamental", facultatif: "Facultatif" } as const;

export const objectiveTypeRule: Rule = {
  id: "objective-type",
  perRow: false,
  // The objective is the detail's, else the summary's for the same fiche.
  needs: { detail: ["objectiveType"] },
  skip: (ctx) => {
    if (!ctx.detail) return rulesText.skippedNoTable("detail");
    const m = missingRoles(ctx.detail, ["objective", "objectiveType"]);
    if (m.length === 1 && m[0] === "objective" && summaryObjectives(ctx.summary)) return null;
    return m.length ? rulesText.skipped(m) : null;
  },
  run(ctx) {
    const v = ctx.detail!;
    const entries = v.col("objective") !== undefined ? detailObjectives(v) : objectivesFromSummary(v, ctx.summary!);
    const typesByNumber = new Map<number, Array<{ fiche: string | null; type: string }>>();
    // Indexed loops over the entries (one per fiche, 10 000 of them): no iterator result per entry while unoptimised.
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.n === null || !e.type) continue;
      const list = typesByNumber.get(e.n);
      if (list) list.push({ fiche: e.fiche, type: e.type });
      else typesByNumber.set(e.n, [{ fiche: e.fiche, type: e.type }]);
    }
    const out: Finding[] = [];
    const declared = ctx.options.declaredOptional;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.n === null) continue;
      const typeCol = v.col("objectiveType")!;
      const national = nationalType(e.n);
      const parts: string[] = [];
      if (e.type && e.type !== national) {
        const others = (typesByNumber.get(e.n) ?? []).filter((x) => x.type !== e.type && x.fiche !== e.fiche);
        if (others.length)
          parts.push(
            rulesText.objectiveBothWays(
              e.n,
              e.typeText ?? TYPE_LABEL[e.type],
              others.map((x) => rulesText.ficheTyped(String(x.fiche), TYPE_LABEL[x.type as "fondamental"])),
            ),
          );
        parts.push(rulesText.objectiveAgainstCatalogue(e.n, e.typeText ?? TYPE_LABEL[e.type], national));
      }
      if (declared && national === "facultatif" && !declared.includes(e.n)) parts.push(rulesText.objectiveNotDeclared(e.n, declared));
      const byLabel = objectiveByLabel(e.text);
      if (byLabel !== null && byLabel !== e.n) parts.push(rulesText.objectiveLabelNumber(e.n, byLabel));
      if (!parts.length) continue;
      out.push(finding(v, "objective-type", "warning", e.typeRow, typeCol, e.fiche, parts.join(" "), TYPE_LABEL[national], e.typeText));
    }
    return out;
  },
};

/** A summary whose « Objectif » column was read with confidence. */
function summaryObjectives(s: TableView | null | undefined): s is TableView {
  return !!s && s.col("objectif") !== undefined && confident(s, "objectif");
}
