// Unknown is not zero: a formula the reader could not compute (cells marked `uncomputed`) is never reported on, nor is
// anything computed from it. Findings on its row, on its fiche (in either table) and column-wide findings (totals,
// fiche-less) on its column are left out, and each rule that lost findings says so once under `skipped`.
import { addr, quoteSheet } from "../model/a1";
import type { TableView } from "../layout/view";
import { formulaText } from "../../messages/formulas";
import type { Finding, RuleContext, RuleId } from "./types";

interface Taint {
  rows: Set<string>;
  cols: Set<string>;
  fiches: Set<string>;
}

function taintOf(views: Array<TableView | null>): Taint | null {
  const t: Taint = { rows: new Set(), cols: new Set(), fiches: new Set() };
  for (const v of views) {
    if (!v) continue;
    const { r1, r2, c1, c2 } = v.t.range;
    const info = new Map(v.t.rows.map((r) => [r.row, r]));
    for (let row = r1; row <= r2; row++) {
      const cells = v.sheet.cells[row - 1];
      if (!cells) continue;
      for (let col = c1; col <= Math.min(c2, cells.length); col++) {
        if (!cells[col - 1]?.uncomputed) continue;
        t.rows.add(`${v.sheet.name}\n${row}`);
        t.cols.add(`${v.sheet.name}\n${col}`);
        const r = info.get(row);
        const fiche = r?.fiche ?? r?.continuationOf;
        if (fiche) t.fiches.add(fiche);
      }
    }
  }
  return t.rows.size ? t : null;
}

const colOf = (cell: string) => /^[A-Z]+/.exec(cell)?.[0] ?? "";
const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);
function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function withoutUncomputed(ctx: RuleContext, findings: Finding[]): { findings: Finding[]; skipped: Array<{ rule: RuleId; reason: string }> } {
  const info = ctx.wb.uncomputedFormulas;
  if (!info) return { findings, skipped: [] };
  const taint = taintOf([ctx.detail, ctx.summary]);
  if (!taint) return { findings, skipped: [] };
  const dropped = new Set<RuleId>();
  const kept = findings.filter((f) => {
    if (f.rule === "layout-incomplete") return true;
    const leans =
      taint.rows.has(`${f.sheet}\n${rowOf(f.cell)}`) ||
      (f.fiche !== null && taint.fiches.has(f.fiche)) ||
      (f.fiche === null && (taint.cols.has(`${f.sheet}\n${colNumber(colOf(f.cell))}`) || f.rule === "cross-table"));
    if (leans) dropped.add(f.rule);
    return !leans;
  });
  const e = info.examples[0];
  const reason = formulaText.uncomputed(info.uncomputed, e ? `${quoteSheet(e.sheet)}!${addr(e.row, e.col)}` : "?");
  return { findings: kept, skipped: [...dropped].map((rule) => ({ rule, reason })) };
}
