import { rulesText } from "../../messages/rules";
import { finding, summedColumns } from "./helpers";
import { oddCells } from "./oddCells";
import type { Finding, Rule } from "./types";

const bare = (text: string) => text.replace(/[\s\u00a0\u202f]/g, "").replace(/(€|eur|euros?)$/i, "");

/** « - », « – », « -  € »: how finance officers write a nil amount; SUM reads it as 0, as they mean it. */
export const isNilDash = (text: string): boolean => /^[-\u2010-\u2015\u2212]+$/.test(bare(text));

/** "1 155 000 €", "12,5" -> a number; anything else -> null. */
export function parseAmountText(text: string): number | null {
  const t = bare(text);
  const m = /^(-)?(\d+(?:[.,]\d+)?)$/.exec(t.replace(/\.(?=\d{3}(?:\D|$))/g, ""));
  if (!m) return null;
  const n = Number(m[2]!.replace(",", "."));
  return m[1] ? -n : n;
}

export const numberAsText: Rule = {
  id: "number-as-text",
  perRow: true,
  skip: (ctx) => (ctx.detail || ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      const cols = summedColumns(v);
      // Rows with text in an amount column, from the table's odd cells: the others hold nothing to say.
      const withText = new Set<number>();
      const odd = oddCells(v);
      for (let i = 0; i < odd.cells.length; i++) if (typeof odd.cells[i]!.value === "string") withText.add(odd.rows[i]!);
      // Indexed loops: an iterator per row and column costs more than the check (10 000 rows of 40 amounts).
      const rows = v.t.rows;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        if (r.kind === "title" || r.kind === "blank" || !withText.has(r.row)) continue;
        for (let k = 0; k < cols.length; k++) {
          const c = cols[k]!;
          const val = v.cell(r.row, c)?.value;
          if (typeof val !== "string" || !val.trim() || isNilDash(val)) continue;
          const n = parseAmountText(val);
          // « 0 € » typed as text: Excel leaving it out of a sum changes no total.
          if (n === 0) continue;
          const fiche = r.fiche ?? r.continuationOf;
          out.push(
            n !== null
              ? finding(v, "number-as-text", "warning", r.row, c, fiche, rulesText.numberAsText(val.trim(), n), n, val)
              : finding(v, "number-as-text", "warning", r.row, c, fiche, rulesText.textInAmount(val.trim()), null, val),
          );
        }
      }
    }
    return out;
  },
};
