// One broken cell, one finding. An Excel error (#REF!, #DIV/0!, #N/A…) or an amount typed as text is said at its cell
// (cell-error, number-as-text); what is computed from it — its row's sums and rates, its fiche in the other table,
// its column's totals — is not checked, as for a formula left uncalculated: whether Excel counts it 0 or the user
// meant the number, the sums around it would otherwise cascade into errors that are only that cell.
import { addr, quoteSheet } from "../model/a1";
import { isError, type Cell } from "../model/snapshot";
import type { TableView } from "../layout/view";
import { rulesText } from "../../messages/rules";
import { summedColumns } from "./helpers";
import { isNilDash, parseAmountText } from "./numberAsText";
import { CELL_LOCAL, leansOn, taintOf } from "./uncomputed";
import type { Finding, RuleContext, RuleId } from "./types";

/** Amount columns (and the gap) per view, looked up once. */
function amountCols(v: TableView, memo: Map<TableView, Set<number>>): Set<number> {
  let s = memo.get(v);
  if (!s) {
    s = new Set(summedColumns(v));
    memo.set(v, s);
  }
  return s;
}

export function withoutUnreadableDependents(ctx: RuleContext, findings: Finding[]): { findings: Finding[]; skipped: Array<{ rule: RuleId; reason: string }> } {
  const memo = new Map<TableView, Set<number>>();
  const unreadable = (cell: Cell, col: number, v: TableView, row: number): boolean => {
    const val = cell.value;
    if (val === null || typeof val === "number" || typeof val === "boolean") return false;
    // Only the rows the rules read (fiches, their continuations, totals): not the header, titles or notes.
    const kind = v.rowInfo(row)?.kind;
    if (kind !== "fiche" && kind !== "continuation" && kind !== "total" && kind !== "subtotal") return false;
    return isError(val) || (amountCols(v, memo).has(col) && !isNilDash(val) && (parseAmountText(val) ?? 0) !== 0);
  };
  const taint = taintOf([ctx.detail, ctx.summary], unreadable);
  if (!taint) return { findings, skipped: [] };
  const first = [...taint.cells][0]!.split("\n");
  const where = `${quoteSheet(first[0]!)}!${addr(Number(first[1]), Number(first[2]))}`;
  const dropped: RuleId[] = [];
  const kept = findings.filter((f) => {
    if (CELL_LOCAL.has(f.rule)) return true;
    const leans = leansOn(taint, f);
    if (leans && !dropped.includes(f.rule)) dropped.push(f.rule);
    return !leans;
  });
  return { findings: kept, skipped: dropped.map((rule) => ({ rule, reason: rulesText.skippedUnreadable(where) })) };
}
