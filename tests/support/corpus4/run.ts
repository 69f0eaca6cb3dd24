// Runs corpus4 through the CLI exactly as a controller would: each annex written as a real .xlsx file, then
// `cdppe check FILE --format json` (exit code and report) and `cdppe inspect FILE --format json`, through the CLI's
// own `main`, in process. Compares the reading with the truth; collects false findings, faults found, look-alikes.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../src/cli/main";
import { arithmeticProblems } from "./arith";
import { colNumber } from "./book";
import { faultyAnnex, type Fault } from "./faults";
import { generateAnnex, type Annex, type TableTruth } from "./generate";
import { generateLookalike, LOOKALIKE_KINDS } from "./lookalikes";
import { writeXlsx, type Flavour } from "./xlsx";

export interface Finding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  fiche: string | null;
  message: string;
}
interface Report {
  tables?: Array<{ kind: string; sheet: string; columns: Record<string, string>; headerRows: number[] }>;
  findings?: Finding[];
}

export interface Problem {
  table: "detail" | "summary";
  key: string;
  cause: "missing" | "wrong-column" | "spurious" | "table-missing" | "extra-table";
  want?: string;
  got?: string;
  header: string;
}

export interface AnnexResult {
  seed: number;
  flavour: Flavour;
  features: string[];
  readRight: boolean;
  readRightRules: boolean;
  inspectRight: boolean | null;
  problems: Problem[];
  exitClean: number;
  crash: string | null;
  falseErrors: Finding[];
  falseWarnings: Finding[];
  layoutNotices: number;
  flooded: boolean;
  fault: Fault;
  faultFound: boolean;
  faultFindings: Finding[];
  faultExit: number;
  arithmetic: string[];
}

export interface LookalikeResult {
  kind: string;
  seed: number;
  code: number;
  findings: number;
  tables: string[];
  rejected: boolean;
}

export interface CorpusResult {
  annexes: AnnexResult[];
  lookalikes: LookalikeResult[];
  ms: number;
}

let dir: string | null = null;
function workDir(): string {
  if (process.env.CORPUS4_DIR) {
    fs.mkdirSync(process.env.CORPUS4_DIR, { recursive: true });
    return process.env.CORPUS4_DIR;
  }
  return (dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "corpus4-")));
}
export function cleanup(): void {
  if (dir && !process.env.CORPUS4_DIR) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function writeFile(name: string, bytes: Uint8Array): string {
  const f = path.join(workDir(), name);
  fs.writeFileSync(f, bytes);
  return f;
}

/** Role keys the rules do not read: label, theme, indicators, the summary's mesure and objective label. */
const NON_RULE = /^(label|theme|indicator.*|mesure|objectif)$/;

/** The CLI lists a yearly role under its year as well (realised2024 beside realisedLastYear): fold the aliases. */
function canonical(key: string, years: number[]): string {
  const yn = years[years.length - 1]!;
  if (key === `realised${yn}`) return "realisedLastYear";
  if (key === `rate${yn}`) return "rateLastYear";
  if (key === `consumedTo${yn - 1}`) return "consumedPrior";
  if (key === `consumedIn${yn}`) return "consumedLastYear";
  return key;
}

function headerAt(a: Annex, t: TableTruth, letter: string | undefined): string {
  if (!letter) return "";
  const sh = a.book.sheets.find((s) => s.name === t.sheet)!;
  const col = colNumber(letter);
  return t.headerRows
    .map((r) => sh.cells.get(`${letter}${r}`)?.v)
    .filter((x) => x !== null && x !== undefined && x !== "")
    .map(String)
    .join(" / ")
    .concat(col ? "" : "");
}

export function compareReading(a: Annex, tables: NonNullable<Report["tables"]>): Problem[] {
  const problems: Problem[] = [];
  for (const t of a.truth) {
    const got = tables.find((x) => x.kind === t.kind && x.sheet === t.sheet) ?? null;
    if (!got) {
      const elsewhere = tables.find((x) => x.kind === t.kind);
      problems.push({ table: t.kind, key: "*", cause: "table-missing", header: elsewhere ? `read on « ${elsewhere.sheet} » instead` : "" });
      continue;
    }
    const cols: Record<string, string> = {};
    for (const [k, v] of Object.entries(got.columns)) {
      const c = canonical(k, a.years);
      if (c !== k && got.columns[c]) continue;
      cols[c] = v;
    }
    for (const [k, want] of Object.entries(t.columns)) {
      const g = cols[k];
      if (!g) problems.push({ table: t.kind, key: k, cause: "missing", want, header: t.headerOf[k] ?? "" });
      else if (g !== want) problems.push({ table: t.kind, key: k, cause: "wrong-column", want, got: g, header: t.headerOf[k] ?? "" });
    }
    for (const [k, g] of Object.entries(cols))
      if (!(k in t.columns)) problems.push({ table: t.kind, key: k, cause: "spurious", got: g, header: headerAt(a, t, g) });
  }
  for (const x of tables)
    if (!a.truth.some((t) => t.kind === x.kind && t.sheet === x.sheet))
      problems.push({ table: x.kind as "detail", key: "*", cause: "extra-table", got: x.sheet, header: `« ${x.sheet} »` });
  return problems;
}

function sameCell(f: Finding, sheet: string, cells: string[]): boolean {
  return f.sheet === sheet && cells.includes(f.cell);
}

async function check(file: string): Promise<{ code: number; report: Report | null; crash: string | null }> {
  try {
    const r = await cli(["check", file, "--format", "json"]);
    let report: Report | null = null;
    try {
      report = r.out.trim() ? (JSON.parse(r.out) as Report) : null;
    } catch {
      return { code: r.code, report: null, crash: `unparsable JSON: ${r.out.slice(0, 200)} ${r.err.slice(0, 200)}` };
    }
    return { code: r.code, report, crash: r.code === 2 && !report ? `exit 2: ${r.err.trim().slice(0, 300)}` : null };
  } catch (e) {
    return { code: -1, report: null, crash: String((e as Error)?.stack ?? e).slice(0, 400) };
  }
}

export async function runAnnex(seed: number, opts: { inspect?: boolean; flavour?: Flavour } = {}): Promise<AnnexResult> {
  const a = generateAnnex(seed, { flavour: opts.flavour });
  const file = writeFile(`annex-${seed}.xlsx`, writeXlsx(a.book, a.flavour));
  const c = await check(file);
  const findings = c.report?.findings ?? [];
  const problems = c.report?.tables
    ? compareReading(a, c.report.tables)
    : [{ table: "detail" as const, key: "*", cause: "table-missing" as const, header: c.crash ?? "no report" }];
  const readRight = problems.length === 0 && !c.crash;
  const readRightRules = !c.crash && problems.every((p) => p.key !== "*" && NON_RULE.test(p.key));
  let inspectRight: boolean | null = null;
  if (opts.inspect) {
    try {
      const r = await cli(["inspect", file, "--format", "json"]);
      const j = r.out.trim() ? (JSON.parse(r.out) as Report) : null;
      inspectRight = !!j?.tables && compareReading(a, j.tables).length === 0;
    } catch {
      inspectRight = false;
    }
  }
  const falseErrors = findings.filter((f) => f.severity === "error");
  const falseWarnings = findings.filter((f) => f.severity === "warning");
  const layoutNotices = falseWarnings.filter((f) => f.rule === "layout-incomplete").length;
  const flooded = !readRight && findings.filter((f) => f.severity !== "info" && f.rule !== "layout-incomplete").length > 0;

  const fa = faultyAnnex(seed);
  const ffile = writeFile(`annex-${seed}-${fa.fault.kind.replace(/[:]/g, "_")}.xlsx`, writeXlsx(fa.annex.book, opts.flavour ?? fa.annex.flavour));
  const fc = await check(ffile);
  const ff = fc.report?.findings ?? [];
  const rules = [fa.fault.rule, ...fa.fault.alsoRules];
  const faultFound = ff.some((f) => rules.includes(f.rule) && sameCell(f, fa.fault.sheet, fa.fault.cells));
  return {
    seed,
    flavour: a.flavour,
    features: a.features,
    readRight,
    readRightRules,
    inspectRight,
    problems,
    exitClean: c.code,
    crash: c.crash ?? fc.crash,
    falseErrors,
    falseWarnings,
    layoutNotices,
    flooded,
    fault: fa.fault,
    faultFound,
    faultFindings: ff,
    faultExit: fc.code,
    arithmetic: arithmeticProblems(a),
  };
}

export async function runLookalike(kind: (typeof LOOKALIKE_KINDS)[number], seed: number): Promise<LookalikeResult> {
  const book = generateLookalike(kind, seed);
  const file = writeFile(`lookalike-${kind}-${seed}.xlsx`, writeXlsx(book, "excel"));
  const c = await check(file);
  const findings = c.report?.findings?.length ?? 0;
  const tables = (c.report?.tables ?? []).map((t) => `${t.kind}@${t.sheet}`);
  return { kind, seed, code: c.code, findings, tables, rejected: c.code === 2 && findings === 0 && tables.length === 0 };
}

export async function runCorpus(seeds: number[], lookalikeSeeds: number[], opts: { inspect?: boolean; flavour?: Flavour } = {}): Promise<CorpusResult> {
  const t0 = Date.now();
  const annexes: AnnexResult[] = [];
  for (const s of seeds) annexes.push(await runAnnex(s, opts));
  const lookalikes: LookalikeResult[] = [];
  for (const s of lookalikeSeeds) for (const k of LOOKALIKE_KINDS) lookalikes.push(await runLookalike(k, s));
  return { annexes, lookalikes, ms: Date.now() - t0 };
}

export interface Figures {
  n: number;
  readRight: number;
  readRightRules: number;
  inspectRight: number;
  inspected: number;
  falseErrors: number;
  falseWarnings: number;
  cleanWithErrorOrWarning: number;
  cleanExitNonZero: number;
  flooded: number;
  faultsFound: number;
  readRightRulesFaultsFound: number;
  lookalikes: number;
  lookalikesRejected: number;
  crashes: number;
  inconsistent: number;
}

export function figures(r: { annexes: AnnexResult[]; lookalikes: LookalikeResult[] }): Figures {
  const A = r.annexes;
  return {
    n: A.length,
    readRight: A.filter((a) => a.readRight).length,
    readRightRules: A.filter((a) => a.readRightRules).length,
    inspectRight: A.filter((a) => a.inspectRight).length,
    inspected: A.filter((a) => a.inspectRight !== null).length,
    falseErrors: A.reduce((s, a) => s + a.falseErrors.length, 0),
    falseWarnings: A.reduce((s, a) => s + a.falseWarnings.length, 0),
    cleanWithErrorOrWarning: A.filter((a) => a.falseErrors.length + a.falseWarnings.length > 0).length,
    cleanExitNonZero: A.filter((a) => a.exitClean !== 0).length,
    flooded: A.filter((a) => a.flooded).length,
    faultsFound: A.filter((a) => a.faultFound).length,
    readRightRulesFaultsFound: A.filter((a) => a.readRightRules && a.faultFound).length,
    lookalikes: r.lookalikes.length,
    lookalikesRejected: r.lookalikes.filter((x) => x.rejected).length,
    crashes: A.filter((a) => a.crash).length,
    inconsistent: A.filter((a) => a.arithmetic.length).length,
  };
}
