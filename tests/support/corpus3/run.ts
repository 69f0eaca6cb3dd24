// Runs corpus3 through the CLI (check and inspect, JSON) and gathers the figures issue #10 is judged on.
import { arithmeticProblems } from "./arith";
import { checkBook, compareReading, inspectFile, isMinor, mappingTables, type Problem, type ReportFinding } from "./evaluate";
import { applicableFaults, injectFault, type Fault, type FaultKind } from "./faults";
import { generateAnnex, type Annex } from "./generate";
import { generateLookalike, LOOKALIKE_KINDS } from "./lookalikes";
import { Rng } from "./rng";

export interface AnnexResult {
  seed: number;
  features: string[];
  arithmetic: string[];
  readRight: boolean;
  /** Every role a rule reads at its true column (label, theme and indicators aside). */
  readRightRules: boolean;
  problems: Problem[];
  inspectRight: boolean | null;
  inspectProblems: Problem[];
  exitClean: number;
  falseErrors: ReportFinding[];
  falseWarnings: ReportFinding[];
  layoutNotices: number;
  flood: boolean;
  fault: Fault;
  faultFound: boolean;
  faultFindings: ReportFinding[];
}

export interface CorpusResult {
  annexes: AnnexResult[];
  lookalikes: Array<{ kind: string; seed: number; rejected: boolean; code: number; findings: number; tables: string[] }>;
  ms: number;
}

export function faultFor(a: Annex, seed: number): FaultKind {
  const kinds = applicableFaults(a);
  return new Rng(seed * 7919 + 17).pick(kinds);
}

export async function runAnnex(seed: number, opts: { inspect?: boolean } = {}): Promise<AnnexResult> {
  const a = generateAnnex(seed);
  const arithmetic = arithmeticProblems(a);
  const clean = await checkBook(a.book, `annex-${seed}`);
  const tables = clean.report?.tables ?? [];
  const problems = clean.report
    ? compareReading(a, tables)
    : a.truth.map((t) => ({
        table: t.kind,
        sheet: t.sheet,
        key: "*",
        cause: "table-missing" as const,
        want: null,
        got: null,
        header: clean.err.trim().slice(0, 200),
      }));
  let inspectRight: boolean | null = null;
  let inspectProblems: Problem[] = [];
  if (opts.inspect) {
    const ins = await inspectFile(clean.file);
    inspectProblems = compareReading(a, mappingTables(ins.json));
    inspectRight = inspectProblems.length === 0;
  }
  const findings = clean.report?.findings ?? [];
  const falseErrors = findings.filter((f) => f.severity === "error");
  const falseWarnings = findings.filter((f) => f.severity === "warning");
  const layoutNotices = findings.filter((f) => f.rule === "layout-incomplete").length;
  const readRight = problems.length === 0;
  // A wrong reading says so once per table and nothing else (errors/warnings).
  const flood = falseErrors.length + falseWarnings.length > layoutNotices && !problems.every(isMinor);
  const kind = faultFor(a, seed);
  const { book, fault } = injectFault(a, kind, seed * 31 + 7);
  const faulty = await checkBook(book, `annex-${seed}-${kind}`);
  const ff = faulty.report?.findings ?? [];
  const cells = [fault.cell, ...fault.alt];
  const faultFound = ff.some((f) => f.rule === fault.rule && f.sheet === fault.sheet && cells.includes(f.cell));
  return {
    seed,
    features: a.features,
    arithmetic,
    readRight,
    readRightRules: problems.every(isMinor),
    problems,
    inspectRight,
    inspectProblems,
    exitClean: clean.code,
    falseErrors,
    falseWarnings,
    layoutNotices,
    flood,
    fault,
    faultFound,
    faultFindings: ff.filter((f) => f.severity !== "info"),
  };
}

export async function runLookalike(kind: (typeof LOOKALIKE_KINDS)[number], seed: number) {
  const r = await checkBook(generateLookalike(kind, seed), `lookalike-${kind}-${seed}`);
  const findings = r.report?.findings?.length ?? 0;
  return {
    kind,
    seed,
    rejected: r.code === 2 && !r.report?.tables?.length && findings === 0,
    code: r.code,
    findings,
    tables: (r.report?.tables ?? []).map((t) => `${t.kind}@${t.sheet}`),
  };
}

export async function runCorpus(seeds: number[], lookalikeSeeds: number[], opts: { inspect?: boolean } = {}): Promise<CorpusResult> {
  const t0 = Date.now();
  const annexes: AnnexResult[] = [];
  for (const s of seeds) annexes.push(await runAnnex(s, opts));
  const lookalikes = [];
  for (const kind of LOOKALIKE_KINDS) for (const s of lookalikeSeeds) lookalikes.push(await runLookalike(kind, s));
  return { annexes, lookalikes, ms: Date.now() - t0 };
}

export function figures(r: CorpusResult) {
  const n = r.annexes.length;
  return {
    n,
    readRight: r.annexes.filter((x) => x.readRight).length,
    readRightRules: r.annexes.filter((x) => x.readRightRules).length,
    inspectRight: r.annexes.filter((x) => x.inspectRight).length,
    inspected: r.annexes.filter((x) => x.inspectRight !== null).length,
    falseErrors: r.annexes.reduce((a, x) => a + x.falseErrors.length, 0),
    falseWarnings: r.annexes.reduce((a, x) => a + x.falseWarnings.length, 0),
    cleanWithErrorOrWarning: r.annexes.filter((x) => x.falseErrors.length + x.falseWarnings.length > 0).length,
    cleanExitNonZero: r.annexes.filter((x) => x.exitClean !== 0).length,
    flooded: r.annexes.filter((x) => x.flood).length,
    faultsFound: r.annexes.filter((x) => x.faultFound).length,
    readRightRulesFaultsFound: r.annexes.filter((x) => x.readRightRules && x.faultFound).length,
    inconsistent: r.annexes.filter((x) => x.arithmetic.length > 0).length,
    lookalikes: r.lookalikes.length,
    lookalikesRejected: r.lookalikes.filter((x) => x.rejected).length,
  };
}
