// The rule kit's gate: a rule runs only where every role it needs or uses was read with confidence.
import { incompleteText } from "../../messages/layout";
import { rulesText } from "../../messages/rules";
import { YEAR_BLOCKS } from "../layout/roles";
import type { TableView } from "../layout/view";
import type { Rule, RuleContext } from "./types";

/** "fir" is a column of the summary but a yearly block of the detail table: a key is a block where no column has that role. */
const isBlock = (v: TableView, key: string) => v.col(key as "budget") === undefined && Object.prototype.hasOwnProperty.call(YEAR_BLOCKS, key);

/** The planned amounts by block, yearly and total: the columns a rule reading the money uses. */
export const PLANNED_BLOCKS = ["ms", "dgas", "cd", "fir", "etat", "ondam", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal"];

export function present(v: TableView, key: string): boolean {
  return isBlock(v, key) ? v.years(key as "ms").length > 0 : v.col(key as "budget") !== undefined;
}

export function doubtfulKey(v: TableView, key: string): boolean {
  if (!isBlock(v, key)) return v.t.doubtful.includes(key);
  return v.t.doubtful.some((d) => d.startsWith(key) && /^\d{4}$/.test(d.slice(key.length)));
}

function gaps(rule: Rule, ctx: RuleContext): { doubtful: string[]; missing: string[]; column: string[] } {
  const doubtful: string[] = [];
  const missing: string[] = [];
  /** Needed single columns read with doubt: a partial rule checks block by block, not without its one column. */
  const column: string[] = [];
  for (const kind of ["detail", "summary"] as const) {
    const v = ctx[kind];
    if (!v) continue;
    for (const key of rule.needs?.[kind] ?? []) {
      if (!present(v, key)) missing.push(key);
      else if (doubtfulKey(v, key)) {
        doubtful.push(key);
        if (!isBlock(v, key)) column.push(key);
      }
    }
    for (const key of rule.uses?.[kind] ?? []) if (present(v, key) && doubtfulKey(v, key)) doubtful.push(key);
  }
  return { doubtful: [...new Set(doubtful)], missing: [...new Set(missing)], column: [...new Set(column)] };
}

/** Why the engine skips the rule (a needed role missing, or a needed or used role doubtful), or null. */
export function needsReason(rule: Rule, ctx: RuleContext): string | null {
  const { doubtful, missing, column } = gaps(rule, ctx);
  if (doubtful.length && !rule.partial) return incompleteText.skippedDoubtful(doubtful);
  if (column.length) return incompleteText.skippedDoubtful(column);
  if (missing.length) return rulesText.skipped(missing);
  return null;
}

/** For a partial rule that runs: the part it leaves out because its roles were read with doubt, or null. */
export function partialReason(rule: Rule, ctx: RuleContext): string | null {
  if (!rule.partial) return null;
  const { doubtful } = gaps(rule, ctx);
  return doubtful.length ? incompleteText.skippedDoubtfulPart(doubtful) : null;
}

/** Whether every one of these role keys (single roles, or "fir2021" year cells, or whole blocks) was read with confidence. */
export function confident(v: TableView, ...keys: string[]): boolean {
  return keys.every((k) => !v.t.doubtful.includes(k) && !(isBlock(v, k) && doubtfulKey(v, k)));
}
