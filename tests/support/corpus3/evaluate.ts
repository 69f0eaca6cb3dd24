// Runs the product as a user would (`cdppe check FILE --format json`, `cdppe inspect FILE --format json`, the CLI's
// own entry in process) on a corpus3 workbook written to a real .xlsx, and compares its reading with the truth.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../src/cli/main";
import { parseRoleKey, SINGLE_ROLES, YEAR_BLOCKS } from "../../../src/core/layout/roles";
import type { Annex, TableTruth } from "./generate";
import { writeBook, type GBook } from "./grid";

export interface CliRun {
  code: number;
  json: unknown;
  err: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  let json: unknown = null;
  try {
    json = out.trim() ? JSON.parse(out) : null;
  } catch {
    json = null;
  }
  return { code, json, err };
}

let dir: string | null = null;
export function workDir(): string {
  // CORPUS3_DIR keeps the workbooks where a developer can open them (`cdppe inspect`, Excel).
  if (!dir)
    dir = process.env.CORPUS3_DIR
      ? (fs.mkdirSync(process.env.CORPUS3_DIR, { recursive: true }), process.env.CORPUS3_DIR)
      : fs.mkdtempSync(path.join(os.tmpdir(), "corpus3-"));
  return dir;
}

/** Removes the temporary workbooks (kept when CORPUS3_DIR names the folder). */
export function cleanup(): void {
  if (dir && !process.env.CORPUS3_DIR) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}

export async function writeTemp(book: GBook, name: string): Promise<string> {
  const file = path.join(workDir(), `${name}.xlsx`);
  await writeBook(book, file);
  return file;
}

export interface ReportFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  fiche: string | null;
  message: string;
}
export interface ReportTable {
  kind: string;
  sheet: string;
  range: string;
  columns: Record<string, string>;
  fiches: number;
  confidence?: number;
  missing?: string[];
}
export interface CheckJson {
  tables: ReportTable[];
  findings: ReportFinding[];
  skipped?: Array<{ rule: string; reason: string }>;
}

export async function checkBook(book: GBook, name: string): Promise<{ code: number; report: CheckJson | null; err: string; file: string }> {
  const file = await writeTemp(book, name);
  const r = await runCli(["check", file, "--format", "json"]);
  return { code: r.code, report: r.json as CheckJson | null, err: r.err, file };
}

export interface MappingJson {
  mapping?: { entries: Array<{ table: string; sheet: string; key: string; header: string | null; column: string | null }> };
}

export async function inspectFile(file: string): Promise<{ code: number; json: MappingJson | null }> {
  const r = await runCli(["inspect", file, "--format", "json"]);
  return { code: r.code, json: r.json as MappingJson | null };
}

export type ProblemCause = "table-missing" | "extra-table" | "missing" | "wrong-column" | "spurious";
export interface Problem {
  table: string;
  sheet: string;
  key: string;
  cause: ProblemCause;
  want: string | null;
  got: string | null;
  header: string;
}

/** Text roles no rule reads (label, theme, indicators): a miss there is counted apart. */
export function isMinor(p: Problem): boolean {
  return /^(label|theme|indicator)/.test(p.key) && p.cause !== "spurious";
}

/** Keys the report lists beside the primary one for the same column. */
function aliasOf(key: string, a: Annex): string | null {
  const yN = a.years[a.years.length - 1]!;
  if (key === `realised${yN}`) return "realisedLastYear";
  if (key === `rate${yN}`) return "rateLastYear";
  if (key === `consumedIn${yN}`) return "consumedLastYear";
  if (key === `consumedTo${yN - 1}`) return "consumedPrior";
  if (key === `realisedTo${yN - 1}`) return "realisedPrior";
  return null;
}

/** Roles a rule reads: a spurious one of these on a column that holds something else misleads the rules. */
function ruleRelevant(key: string): boolean {
  const k = parseRoleKey(key);
  if (!k) return false;
  const def = "role" in k ? SINGLE_ROLES[k.role] : YEAR_BLOCKS[k.block];
  if (def.content === "amount" || def.content === "rate") return true;
  return "role" in k && ["fiche", "source", "objective", "objectiveType", "modalite"].includes(k.role);
}

/** Compares the tables' `columns` of a report (or the inspect mapping) with the truth: every role at its true column. */
export function compareReading(a: Annex, tables: Array<{ kind: string; sheet: string; columns: Record<string, string> }>): Problem[] {
  const out: Problem[] = [];
  for (const t of a.truth) {
    const got = tables.find((x) => x.kind === t.kind && x.sheet === t.sheet);
    if (!got) {
      out.push({ table: t.kind, sheet: t.sheet, key: "*", cause: "table-missing", want: null, got: null, header: "" });
      continue;
    }
    out.push(...compareTable(a, t, got.columns));
  }
  for (const x of tables) {
    if (!a.truth.some((t) => t.kind === x.kind && t.sheet === x.sheet))
      out.push({ table: x.kind, sheet: x.sheet, key: "*", cause: "extra-table", want: null, got: null, header: "" });
  }
  return out;
}

function compareTable(a: Annex, t: TableTruth, cols: Record<string, string>): Problem[] {
  const out: Problem[] = [];
  for (const [key, want] of Object.entries(t.columns)) {
    const got = cols[key] ?? null;
    if (got !== want) out.push({ table: t.kind, sheet: t.sheet, key, cause: got ? "wrong-column" : "missing", want, got, header: t.headerOf[key] ?? "" });
  }
  const keyAt = new Map(Object.entries(t.columns).map(([k, l]) => [l, k]));
  for (const [key, col] of Object.entries(cols)) {
    if (key in t.columns) continue;
    const alias = aliasOf(key, a);
    if (alias && t.columns[alias] === col) continue;
    if (!ruleRelevant(key)) continue;
    const there = keyAt.get(col);
    const header = there ? `${there}: ${t.headerOf[there] ?? ""}` : t.extras[col] ? `extra: ${t.extras[col]}` : "(empty column)";
    out.push({ table: t.kind, sheet: t.sheet, key, cause: "spurious", want: null, got: col, header });
  }
  return out;
}

/** The inspect mapping as per-table columns maps. */
export function mappingTables(m: MappingJson | null): Array<{ kind: string; sheet: string; columns: Record<string, string> }> {
  const out: Array<{ kind: string; sheet: string; columns: Record<string, string> }> = [];
  for (const e of m?.mapping?.entries ?? []) {
    if (!e.column) continue;
    let t = out.find((x) => x.kind === e.table && x.sheet === e.sheet);
    if (!t) out.push((t = { kind: e.table, sheet: e.sheet, columns: {} }));
    t.columns[e.key] = e.column;
  }
  return out;
}
