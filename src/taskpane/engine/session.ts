// The pane's heavy work on one snapshot: check (recognition, rules, charts), then the write plans and their previews
// when a tab asks. Plain data in, plain data out: it runs in the worker (checkWorker.ts) or, without one, in the pane.
import { checkAnnex, type CheckReport } from "../../core/check";
import { planAddYear } from "../../core/compute/addYear";
import { ratesByEngagement, ratesByFunder, type RateBar } from "../../core/compute/consumption";
import { planFill } from "../../core/compute/fill";
import type { ColumnMapping } from "../../core/layout/mapping";
import { describeTable, type TableSummary } from "../../core/layout/describe";
import type { AnnexLayout } from "../../core/layout/types";
import type { WorkbookSnapshot } from "../../core/model/snapshot";
import type { EditPlan } from "../../core/plan/types";
import { prepareApply, type PreparedApply } from "../../excel/applyPlan";
import { fillPreview, yearPreview, type FillPreview, type YearPreview } from "../viewModel";

/** The report with its tables described for the pane (made here, off the UI thread: it walks every row). */
export type PaneReport = CheckReport & { layout: AnnexLayout; described: { detail: TableSummary | null; summary: TableSummary | null } };

export interface CheckOutcome {
  report: PaneReport;
  charts: { engagements: RateBar[]; funders: RateBar[] };
}

export type PlanKind = "fill" | "year";
/** What a plan is made with: Compléter's « remplacer aussi les saisies », the year to add. */
export type PlanParams = { kind: "fill"; force: boolean } | { kind: "year"; year: number };

/** A write plan as the pane shows it: its summary and preview; the edits stay where the plan was made until applied. */
export interface PreparedPlan<P> {
  blocked: boolean;
  notes: string[];
  stats: EditPlan["stats"];
  edits: number;
  conflicts: number;
  preview: P;
}
export type PreparedFill = PreparedPlan<FillPreview>;
export type PreparedYear = PreparedPlan<YearPreview>;

const sameParams = (a: PlanParams, b: PlanParams) => JSON.stringify(a) === JSON.stringify(b);

export class CoreSession {
  private snapshot: WorkbookSnapshot | null = null;
  private layout: AnnexLayout | null = null;
  private readonly plans = new Map<PlanKind, { params: PlanParams; plan: EditPlan; prepared?: PreparedApply }>();

  constructor(private readonly measure?: (text: string) => number) {}

  /** Keeps the snapshot for the plans asked later, forgets the plans of the previous one. */
  check(snapshot: WorkbookSnapshot, mapping: ColumnMapping | undefined): CheckOutcome {
    this.snapshot = snapshot;
    this.layout = null;
    this.plans.clear();
    const measure = this.measure;
    const report = checkAnnex(snapshot, measure ? { measureText: (t) => measure(t), mapping } : { mapping });
    this.layout = report.layout;
    const charts = report.tables.length
      ? { engagements: ratesByEngagement(snapshot, report.layout), funders: ratesByFunder(snapshot, report.layout) }
      : { engagements: [], funders: [] };
    const described = {
      detail: report.layout.detail ? describeTable(report.layout.detail) : null,
      summary: report.layout.summary ? describeTable(report.layout.summary) : null,
    };
    return { report: { ...report, described }, charts };
  }

  /** The plan for these parameters on the last check, made once and kept for the apply. */
  plan(params: PlanParams): EditPlan {
    const { snapshot, layout } = this.ready();
    const kept = this.plans.get(params.kind);
    if (kept && sameParams(kept.params, params)) return kept.plan;
    const plan = params.kind === "fill" ? planFill(snapshot, { force: params.force }, layout) : planAddYear(snapshot, { year: params.year }, layout);
    this.plans.set(params.kind, { params, plan });
    return plan;
  }

  /** What the apply of that plan derives from it before any round trip (checked once, kept with the plan). */
  prepareApply(params: PlanParams): PreparedApply {
    const { snapshot } = this.ready();
    const plan = this.plan(params);
    const kept = this.plans.get(params.kind)!;
    return (kept.prepared ??= prepareApply(plan, snapshot));
  }

  prepare(params: PlanParams): PreparedFill | PreparedYear {
    const { snapshot, layout } = this.ready();
    const plan = this.plan(params);
    const base = {
      blocked: !!plan.blocked,
      notes: plan.notes,
      stats: plan.stats,
      edits: plan.edits.length,
      conflicts: plan.conflicts.length,
    };
    return params.kind === "fill" ? { ...base, preview: fillPreview(plan, layout) } : { ...base, preview: yearPreview(plan, snapshot, layout, params.year) };
  }

  private ready(): { snapshot: WorkbookSnapshot; layout: AnnexLayout } {
    // The pane asks for plans only after a check that found the annex: anything else is a bug of ours.
    if (!this.snapshot || !this.layout) throw new Error("plan asked before any check");
    return { snapshot: this.snapshot, layout: this.layout };
  }
}
