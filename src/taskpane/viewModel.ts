// What the pane shows, derived from the controller's state by pure functions: components only render these.
import type { CheckReport } from "../core/check";
import { extendYearText } from "../core/compute/addYear";
import type { AnnexLayout, SingleRole } from "../core/layout/types";
import { addr, colToLetters, parseAddr } from "../core/model/a1";
import type { CellValue, WorkbookSnapshot } from "../core/model/snapshot";
import type { EditPlan } from "../core/plan/types";
import { percentDecimals } from "../core/format/percent";
import { compareAmounts } from "../core/model/tolerance";
import type { Finding, RuleId, Severity } from "../core/rules/types";
import { formatEuro, formatPercent, quoted } from "../messages/format";
import { roleLabel } from "../messages/layout";
import { paneText } from "../messages/pane";
import { fillText } from "../messages/plans";
import { ruleTitles, severityLabel } from "../messages/rules";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const findingKey = (f: Finding) => `${f.rule}|${f.sheet}|${f.cell}`;

/** Rules that compare a total with the sum of its parts: within 1 € it is print rounding, reported as info. */
const SUM_RULES: ReadonlySet<RuleId> = new Set<RuleId>(["year-sum", "cd-split", "budget-sum", "total-row", "cross-table", "consumed-sum"]);

/** A rounding note: an info of a sum rule whose figures differ by print rounding only (decided on data, not on wording). */
export function isRoundingNote(f: Finding): boolean {
  return (
    f.severity === "info" &&
    SUM_RULES.has(f.rule) &&
    typeof f.expected === "number" &&
    typeof f.actual === "number" &&
    compareAmounts(f.expected, f.actual) === "rounding"
  );
}

/** One collator for every comparison: localeCompare with options builds one per call (issue 15: thousands of findings). */
const FICHE_ORDER = new Intl.Collator("fr", { numeric: true });
const LABEL_ORDER = new Intl.Collator("fr");

/** Natural fiche order: 3 < 12 < 12 bis < 13 < 41; findings outside any fiche (totals) after the fiches. */
export function compareFiches(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1;
  if (!Number.isNaN(na) && na !== nb) return na - nb;
  return FICHE_ORDER.compare(a, b);
}

/** The single-role column under a cell, from the recognised layout ("rateGlobal"), or null. */
export function roleAt(layout: AnnexLayout, sheet: string, cell: string): SingleRole | null {
  const { row, col } = parseAddr(cell);
  for (const t of layout.tables) {
    if (t.sheet !== sheet || col < t.range.c1 || col > t.range.c2 || row < t.range.r1 || row > t.range.r2) continue;
    for (const [role, c] of Object.entries(t.columns)) if (c === col) return role as SingleRole;
  }
  return null;
}

const isRate = (role: SingleRole | null) => role === "rateLastYear" || role === "rateGlobal";

/** A percentage with the decimals it needs (53 %, 53,3 %). */
function percent(x: number): string {
  return formatPercent(x, Math.abs(x * 100 - Math.round(x * 100)) < 0.05 ? 0 : 1);
}

/** An expected or found figure as the officer reads it: amounts in euros, rates in %, counts as counts. */
export function figureText(f: Finding, value: Finding["expected"], layout: AnnexLayout): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value !== "number") return String(value);
  if (f.rule === "fiche-numbering") return String(value);
  if (f.rule === "rate-mismatch" && isRate(roleAt(layout, f.sheet, f.cell))) return percent(value);
  return formatEuro(value);
}

export interface FindingItem {
  key: string;
  finding: Finding;
  severityLabel: string;
  title: string;
  where: string;
  message: string;
  /** "Attendu : … · constaté : …", or null when the finding has neither. */
  figures: string | null;
  seen: boolean;
  canWiden: boolean;
}

export interface FindingsFilter {
  severities: ReadonlySet<Severity>;
  rule: string;
  hideSeen: boolean;
}

export interface FindingsView {
  verdict: string;
  /** The verdict's tone: the worst severity found, or "ok". */
  tone: Severity | "ok";
  sections: Array<{ severity: Severity; title: string; items: FindingItem[] }>;
  /** Print-rounding notes, shown folded after everything else. */
  rounding: FindingItem[];
  /** Findings that pass the filters (rounding notes included). */
  shown: number;
  rules: Array<{ value: string; label: string }>;
}

export function findingsView(report: CheckReport & { layout: AnnexLayout }, seen: readonly string[], filter: FindingsFilter): FindingsView {
  const seenSet = new Set(seen);
  const item = (f: Finding): FindingItem => {
    const figures =
      f.expected === null && f.actual === null
        ? null
        : paneText.check.figures(figureText(f, f.expected, report.layout), figureText(f, f.actual, report.layout));
    return {
      key: findingKey(f),
      finding: f,
      severityLabel: severityLabel[f.severity],
      title: ruleTitles[f.rule] ?? f.rule,
      where: paneText.check.where(f.fiche, f.sheet, f.cell),
      message: f.message,
      figures,
      seen: seenSet.has(findingKey(f)),
      canWiden: f.rule === "display-overflow",
    };
  };
  const kept = report.findings.filter(
    (f) => filter.severities.has(f.severity) && (!filter.rule || f.rule === filter.rule) && (!filter.hideSeen || !seenSet.has(findingKey(f))),
  );
  // The core lists findings by sheet, row, column: a stable sort by fiche keeps that order within a fiche.
  const ordered = [...kept].sort((a, b) => compareFiches(a.fiche, b.fiche));
  const sections = SEVERITIES.map((severity) => ({
    severity,
    title: paneText.check.counts[severity],
    items: ordered.filter((f) => f.severity === severity && !isRoundingNote(f)).map(item),
  })).filter((s) => s.items.length > 0);
  const rounding = ordered.filter(isRoundingNote).map(item);
  const counts = { error: report.counts.error, warning: report.counts.warning };
  const rules = [...new Set(report.findings.map((f) => f.rule))]
    .map((r) => ({ value: r, label: ruleTitles[r] ?? r }))
    .sort((a, b) => LABEL_ORDER.compare(a.label, b.label));
  return {
    verdict: paneText.check.verdict(counts),
    tone: counts.error ? "error" : counts.warning ? "warning" : "ok",
    sections,
    rounding,
    shown: kept.length,
    rules,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// « Compléter »: each formula as it will be written, and for a conflict the typed value beside the computed one.

const FRENCH_FUNCTIONS: Record<string, string> = {
  IF: "SI",
  SUM: "SOMME",
  IFERROR: "SIERREUR",
  ROUND: "ARRONDI",
  AND: "ET",
  OR: "OU",
  SUMPRODUCT: "SOMMEPROD",
  NOT: "NON",
  ISBLANK: "ESTVIDE",
};

/** A formula as French Excel shows it in the formula bar: SI, SOMME, « ; » between arguments, decimal comma. */
export function frenchFormula(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const word = /^[A-Z][A-Z0-9.]*(?=\()/.exec(formula.slice(i));
    if (word && !/[A-Za-z0-9_$]/.test(formula[i - 1] ?? "")) {
      out += FRENCH_FUNCTIONS[word[0]] ?? word[0];
      i += word[0].length;
      continue;
    }
    if (ch === ",") out += ";";
    else if (ch === "." && /\d/.test(formula[i - 1] ?? "") && /\d/.test(formula[i + 1] ?? "")) out += ",";
    else out += ch;
    i++;
  }
  return out;
}

/** What a rate or gap cell shows: 53 %, 401 970,40 €, « sans budget », or "vide". */
function shownValue(value: CellValue | undefined, role: SingleRole | null, numFmt?: string): string {
  if (value === null || value === undefined || value === "") return paneText.fill.empty;
  if (typeof value === "number") return isRate(role) ? formatPercent(value, percentDecimals(numFmt)) : formatEuro(value);
  if (typeof value === "string") return value.startsWith("=") ? value : quoted(value);
  return String(value);
}

export interface FormulaColumn {
  key: string;
  letter: string;
  label: string;
  /** The column's formulas, the first FORMULA_LINES of them: 10 000 lines would hold the pane for seconds. */
  lines: Array<{ cell: string; formula: string; result: string }>;
  /** How many formulas the column gets in all. */
  count: number;
}

/** Formulas listed per column; the others follow the same pattern, row after row. */
export const FORMULA_LINES = 200;
export interface ConflictLine {
  key: string;
  where: string;
  reason: string;
  typed: string;
  computed: string;
}
export interface FillPreview {
  formulas: number;
  columns: FormulaColumn[];
  conflicts: ConflictLine[];
  notes: string[];
}

export function fillPreview(plan: EditPlan, layout: AnnexLayout): FillPreview {
  const columns = new Map<string, FormulaColumn>();
  for (const e of plan.edits) {
    if (e.kind !== "setFormula") continue;
    const letter = colToLetters(e.col);
    const key = `${e.sheet}!${letter}`;
    let c = columns.get(key);
    if (c && c.count >= FORMULA_LINES) {
      c.count++;
      continue;
    }
    const role = roleAt(layout, e.sheet, addr(e.row, e.col));
    if (!c) columns.set(key, (c = { key, letter, label: role ? roleLabel(role) : e.sheet, lines: [], count: 0 }));
    c.count++;
    c.lines.push({ cell: addr(e.row, e.col), formula: frenchFormula(e.formula), result: shownValue(e.result, role, e.numFmt) });
  }
  const conflicts = plan.conflicts.map((c) => {
    const role = roleAt(layout, c.sheet, c.cell);
    const typed = typeof c.current === "string" && c.current.startsWith("=") ? `=${frenchFormula(c.current.slice(1))}` : shownValue(c.current, role);
    return {
      key: `${c.sheet}!${c.cell}`,
      where: paneText.fill.conflictCell(c.cell, c.fiche),
      reason: fillText.conflictReason[c.reason] ?? c.reason,
      typed,
      computed: shownValue(c.plannedResult, role),
    };
  });
  // The conflicts have their own list: their summary note would say it twice.
  const n = plan.conflicts.length;
  const notes = plan.notes.filter((x) => x !== fillText.conflictsKept(n) && x !== fillText.forced(n));
  return { formulas: plan.stats.formulas, columns: [...columns.values()].sort((a, b) => a.key.localeCompare(b.key)), conflicts, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// « Nouvelle année »: columns inserted, titles rewritten, and titles left as they are.

type Insert = Extract<EditPlan["edits"][number], { kind: "insertColumns" }>;
const applies = (e: Insert, sheet: string, row: number) => e.sheet === sheet && (!e.rows || (row >= e.rows[0] && row <= e.rows[1]));

/** Where a cell of the plan's final coordinates was before the insertions (null: a new column). */
export function beforeInsertions(inserts: Insert[], sheet: string, row: number, col: number): number | null {
  let c = col;
  for (const e of [...inserts].reverse()) {
    if (!applies(e, sheet, row) || c < e.at) continue;
    if (c < e.at + e.count) return null;
    c -= e.count;
  }
  return c;
}

export function afterInsertions(inserts: Insert[], sheet: string, row: number, col: number): number {
  let c = col;
  for (const e of inserts) if (applies(e, sheet, row) && c >= e.at) c += e.count;
  return c;
}

export interface YearPreview {
  last: number | null;
  insertions: Array<{ key: string; text: string }>;
  retitled: Array<{ key: string; text: string }>;
  kept: Array<{ key: string; text: string }>;
}

export function yearPreview(plan: EditPlan | null, snapshot: WorkbookSnapshot | null, layout: AnnexLayout | null, year: number | null): YearPreview {
  const last = layout?.detail?.years.at(-1) ?? null;
  const out: YearPreview = { last, insertions: [], retitled: [], kept: [] };
  if (!plan || plan.blocked || !snapshot || !layout || year === null) return out;
  out.insertions = [...(plan.newColumns ?? [])]
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col)
    .map((c) => ({ key: `${c.sheet}!${c.col}`, text: paneText.year.insert(c.sheet, colToLetters(c.col), c.label) }));
  const inserts = plan.edits.filter((e): e is Insert => e.kind === "insertColumns");
  const cellText = (sheet: string, row: number, col: number) => {
    const v = snapshot.sheets.find((s) => s.name === sheet)?.cells[row - 1]?.[col - 1]?.value;
    return typeof v === "string" ? v : null;
  };
  const rewritten = new Set<string>();
  const retitled: Array<{ sheet: string; row: number; col: number; text: string }> = [];
  for (const e of plan.edits) {
    if (e.kind !== "setValue" || typeof e.value !== "string") continue;
    const col = beforeInsertions(inserts, e.sheet, e.row, e.col);
    const before = col === null ? null : cellText(e.sheet, e.row, col);
    if (col === null || before === null || before === e.value) continue;
    rewritten.add(`${e.sheet}!${e.row}:${col}`);
    retitled.push({ sheet: e.sheet, row: e.row, col: e.col, text: paneText.year.retitle(`${e.sheet}!${addr(e.row, e.col)}`, before, e.value) });
  }
  out.retitled = retitled
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col)
    .map((r) => ({ key: `${r.sheet}!${r.row}:${r.col}`, text: r.text }));
  if (last === null) return out;
  // Titles above and in the headers of each table that name the last year as a period's end or a closing date.
  const seen = new Set<string>();
  const kept: Array<{ order: number[]; item: { key: string; text: string } }> = [];
  for (const t of layout.tables) {
    const sheet = snapshot.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    const lastHeader = Math.max(...t.headerRows);
    for (let row = 1; row <= lastHeader; row++) {
      for (let col = 1; col <= sheet.colCount; col++) {
        const id = `${t.sheet}!${row}:${col}`;
        const text = cellText(t.sheet, row, col);
        if (!text || seen.has(id) || rewritten.has(id) || extendYearText(text, last, year) === text) continue;
        seen.add(id);
        const where = `${t.sheet}!${addr(row, afterInsertions(inserts, t.sheet, row, col))}`;
        kept.push({ order: [snapshot.sheets.indexOf(sheet), row, col], item: { key: id, text: paneText.year.keptTitle(where, text.trim()) } });
      }
    }
  }
  out.kept = kept.sort((a, b) => a.order[0]! - b.order[0]! || a.order[1]! - b.order[1]! || a.order[2]! - b.order[2]!).map((k) => k.item);
  return out;
}
