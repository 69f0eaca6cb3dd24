import type { AnnexLayout } from "../layout/types";
import type { TableView } from "../layout/view";
import type { ColumnMapping } from "../layout/mapping";
import type { FontInfo, WorkbookSnapshot } from "../model/snapshot";

export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "year-sum"
  | "cd-split"
  | "budget-sum"
  | "total-row"
  | "total-formula"
  | "cell-error"
  | "display-overflow"
  | "number-as-text"
  | "negative-amount"
  | "source-funder"
  | "modalite"
  | "objective-type"
  | "objective-missing"
  | "fiche-numbering"
  | "cross-table"
  | "source-vs-modalite"
  | "consumed-sum"
  | "realised-without-budget"
  | "over-execution"
  | "cumulative-below-year"
  | "rate-mismatch"
  | "fundamental-coverage"
  | "funder-theme"
  | "cofinancing-cd"
  | "layout-incomplete";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  fiche: string | null;
  message: string;
  expected: number | string | null;
  actual: number | string | null;
}

export interface CheckOptions {
  /** Optional objectives the contract commits to (from the execution report, not the workbook). */
  declaredOptional?: number[];
  /** Real text width in pixels (the pane measures with a canvas); the core estimates when absent. */
  measureText?: (text: string, font: FontInfo | undefined) => number;
  /** The user's reading of the columns (pane view or --mapping): used when the layout is recognised by checkAnnex. */
  mapping?: ColumnMapping;
}

export interface RuleContext {
  wb: WorkbookSnapshot;
  layout: AnnexLayout;
  detail: TableView | null;
  summary: TableView | null;
  options: CheckOptions;
}

/** Role keys by table: single roles ("budget", "source") or whole yearly blocks ("ms", "fir"). */
export interface RoleNeeds {
  detail?: string[];
  summary?: string[];
}

export interface Rule {
  id: RuleId;
  /** Roles the rule cannot run without: missing or doubtful, the engine skips it and says why. */
  needs?: RoleNeeds;
  /** Roles it reads when present: read with doubt, the engine skips it rather than run it on a guess. */
  uses?: RoleNeeds;
  /**
   * The rule checks each block, column or pair on its own and leaves out by itself those read with doubt (see
   * `confident`): the engine runs it on the rest and lists the doubtful part under `skipped`. Missing needs still skip it.
   */
  partial?: boolean;
  /**
   * The rule looks at one fiche's rows at a time (no total, no other table, no catalogue): it is also run on each part of
   * a detail continued on other sheets (check.ts), where a part alone holds neither the whole total nor every objective.
   * Required: each new rule says which it is, rather than a list elsewhere forgetting it.
   */
  perRow: boolean;
  /** Why the rule cannot run on this annex (missing columns or table), or null. */
  skip(ctx: RuleContext): string | null;
  run(ctx: RuleContext): Finding[];
}
