import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../src/cli/main";

export interface CheckColumns {
  kind: string;
  sheet: string;
  range: string;
  headerRows: number[];
  years: number[];
  fiches: number;
  columns: Record<string, string>;
}
export interface CheckFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  sheet: string;
  cell: string;
  fiche: string | null;
  message: string;
}
export interface CheckResult {
  exit: number;
  tables: CheckColumns[];
  findings: CheckFinding[];
  stderr: string;
}

/** `cdppe check FILE --format json`, as a controller runs it, through the CLI's own main (in process). */
export async function checkBytes(bytes: Buffer, name: string, dir?: string): Promise<CheckResult> {
  const base = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "corpus5-"));
  const file = path.join(base, name);
  fs.writeFileSync(file, bytes);
  let out = "";
  let err = "";
  const exit = await main(["check", file, "--format", "json"], { out: (s) => (out += s), err: (s) => (err += s) });
  if (!dir) fs.rmSync(base, { recursive: true, force: true });
  if (!out.trim()) return { exit, tables: [], findings: [], stderr: err };
  const r = JSON.parse(out) as { tables: CheckColumns[]; findings: CheckFinding[] };
  return { exit, tables: r.tables ?? [], findings: r.findings ?? [], stderr: err };
}
