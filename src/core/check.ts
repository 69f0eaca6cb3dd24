// One call that recognises the annex, runs every rule and builds the report of annex-spec §6.
import { rowFigures } from "./compute/rates";
import { otherSheetParts } from "./layout/continued";
import { describeTable } from "./layout/describe";
import { recognise } from "./layout/recognise";
import type { AnnexLayout } from "./layout/types";
import { TableView } from "./layout/view";
import { parseAddr } from "./model/a1";
import type { WorkbookSnapshot } from "./model/snapshot";
import { RULES } from "./rules/registry";
import type { CheckOptions, Finding, RuleContext, RuleId, Severity } from "./rules/types";
import { needsReason, partialReason } from "./rules/needs";
import { rulesText } from "../messages/rules";
import { layoutIncomplete } from "./rules/layoutIncomplete";
import { withoutUncomputed } from "./rules/uncomputed";
import { continuedParts, partTotalFindings, totalRow } from "./rules/totalRow";
import { withoutUnreadableDependents } from "./rules/unreadableAmounts";
import { annexAmountUnit, detectAmountUnit } from "./layout/amountUnit";
import { withAmountUnit } from "../messages/unit";

export interface ReportTable {
  kind: string;
  sheet: string;
  range: string;
  headerRows: number[];
  years: number[];
  fiches: number;
  columns: Record<string, string>;
  confidence: number;
  missing: string[];
  doubtful: string[];
}
export interface ReportRow {
  sheet: string;
  row: number;
  fiche: string | null;
  rateLastYear: number | null;
  rateGlobal: number | null;
  gap: number;
}

export interface CheckReport {
  file: string | null;
  tables: ReportTable[];
  rows: ReportRow[];
  findings: Finding[];
  skipped: Array<{ rule: RuleId; reason: string }>;
  counts: Record<Severity, number>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Rule ids are lowercase ASCII words and hyphens, which the default collation (localeCompare) orders as their code units
 * do (tests/core/ruleOrder.test.ts): compared directly, without the 10 to 20 ms it cost a check to load ICU's collator.
 */
export const compareRuleIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortFindings(fs: Finding[], sheetOrder: string[]): Finding[] {
  // Each finding's place parsed once, not at every comparison (a file with thousands of findings).
  const keyed = fs.map((f) => {
    const { row, col } = parseAddr(f.cell);
    return { f, k: [sheetOrder.indexOf(f.sheet), row, col] };
  });
  keyed.sort((x, y) => {
    const ka = x.k;
    const kb = y.k;
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return SEVERITY_ORDER[x.f.severity] - SEVERITY_ORDER[y.f.severity] || compareRuleIds(x.f.rule, y.f.rule);
  });
  return keyed.map((x) => x.f);
}

type Views = { detail: TableView | null; summary: TableView | null };

const viewsOf = (wb: WorkbookSnapshot, layout: AnnexLayout): Views => ({ detail: TableView.of(wb, layout.detail), summary: TableView.of(wb, layout.summary) });

/** `views`: the tables' views when the caller already has them (their row figures are then computed once for both). */
export function runRules(
  wb: WorkbookSnapshot,
  layout: AnnexLayout,
  options: CheckOptions = {},
  views: Views = viewsOf(wb, layout),
): { findings: Finding[]; skipped: CheckReport["skipped"] } {
  // An annex kept in k€: rules compare with a 1 € tolerance in that unit and their messages print k€.
  const unit = annexAmountUnit([views.detail, views.summary].map((v) => (v ? detectAmountUnit(v.sheet, v.t) : null)));
  return withAmountUnit(unit, () => runRulesInUnit(wb, layout, options, views));
}

function runRulesInUnit(
  wb: WorkbookSnapshot,
  layout: AnnexLayout,
  options: CheckOptions,
  views: Views,
): { findings: Finding[]; skipped: CheckReport["skipped"] } {
  const ctx: RuleContext = { wb, layout, detail: views.detail, summary: views.summary, options };
  const findings: Finding[] = [];
  const skipped: CheckReport["skipped"] = [];
  let gated = 0;
  for (const rule of RULES) {
    const gate = rule.skip(ctx) === null ? needsReason(rule, ctx) : null;
    if (gate) gated++;
    const why = gate ?? rule.skip(ctx);
    if (why) skipped.push({ rule: rule.id, reason: why });
    else {
      // One push per finding: spreading an array of 100 000 findings as arguments overflows the stack.
      for (const f of rule.run(ctx)) findings.push(f);
      // A partial rule ran on the roles read with confidence; the doubtful part is skipped and said so.
      const part = partialReason(rule, ctx);
      if (part) {
        gated++;
        skipped.push({ rule: rule.id, reason: part });
      }
    }
  }
  // An incomplete or doubtful reading is said once per table, instead of rules running on guesses.
  const noTable = new Set([
    rulesText.skippedNoTable("detail"),
    rulesText.skippedNoTable("summary"),
    rulesText.skippedNoTable("both"),
    rulesText.skippedNoTotal,
  ]);
  const forRoles = skipped.filter((x) => !noTable.has(x.reason)).length;
  findings.push(...layoutIncomplete(ctx, Math.max(gated, forRoles)));
  const computed = withoutUncomputed(ctx, findings);
  skipped.push(...computed.skipped);
  const known = withoutUnreadableDependents(ctx, computed.findings);
  skipped.push(...known.skipped);
  for (const f of otherPartsFindings(ctx)) known.findings.push(f);
  return {
    findings: sortFindings(
      known.findings,
      wb.sheets.map((s) => s.name),
    ),
    skipped,
  };
}

/**
 * The detail continued on other sheets, read with its very columns and surely: each part's fiche rows checked by the
 * rules flagged `perRow`. Totals, cross-table and catalogue rules stay with the first part and the summary (a part alone holds
 * neither the whole total nor every objective).
 */
function otherPartsFindings(ctx: RuleContext): Finding[] {
  if (!ctx.detail) return [];
  const out: Finding[] = [];
  for (const t of otherSheetParts(ctx.layout.tables, ctx.detail.t)) {
    const v = TableView.of(ctx.wb, t);
    if (!v || t.doubts.length || t.doubtful.length) continue;
    const part: RuleContext = { ...ctx, detail: v, summary: null };
    const found: Finding[] = [];
    for (const rule of RULES) {
      if (!rule.perRow || rule.skip(part) !== null || needsReason(rule, part) !== null) continue;
      for (const f of rule.run(part)) found.push(f);
    }
    // Its TOTAL, the whole detail's or its own (the first part's TOTAL is the total-row rule's).
    if (needsReason(totalRow, part) === null) for (const f of partTotalFindings(v, continuedParts(ctx, v))) found.push(f);
    for (const f of withoutUncomputed(part, found).findings) out.push(f);
  }
  return out;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function computedRows(wb: WorkbookSnapshot, layout: AnnexLayout, view: TableView | null = TableView.of(wb, layout.detail)): ReportRow[] {
  const v = view;
  if (!v) return [];
  const out: ReportRow[] = [];
  for (const r of v.t.rows) {
    if (r.kind !== "fiche" && r.kind !== "continuation" && r.kind !== "total") continue;
    const f = rowFigures(v, r.row);
    if (!f) continue;
    out.push({
      sheet: v.sheet.name,
      row: r.row,
      fiche: r.fiche,
      rateLastYear: f.rateLastYear === null ? null : round(f.rateLastYear, 4),
      rateGlobal: f.rateGlobal === null ? null : round(f.rateGlobal, 4),
      gap: round(f.gap, 2),
    });
  }
  return out;
}

export function checkAnnex(
  wb: WorkbookSnapshot,
  options: CheckOptions = {},
  layout: AnnexLayout = recognise(wb, { mapping: options.mapping }),
): CheckReport & { layout: AnnexLayout } {
  const views = viewsOf(wb, layout);
  const { findings, skipped } = layout.detail || layout.summary ? runRules(wb, layout, options, views) : { findings: [], skipped: [] };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    file: wb.fileName ?? null,
    tables: layout.tables.map((t) => {
      const d = describeTable(t);
      return {
        kind: d.kind,
        sheet: d.sheet,
        range: d.range,
        headerRows: d.headerRows,
        years: d.years,
        fiches: d.fiches,
        columns: d.columns,
        confidence: d.confidence,
        missing: d.missing,
        doubtful: t.doubtful,
      };
    }),
    rows: computedRows(wb, layout, views.detail),
    findings,
    skipped,
    counts,
    layout,
  };
}
