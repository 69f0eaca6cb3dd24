import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../src/cli/main";

export interface CheckTable {
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
  tables: CheckTable[];
  findings: CheckFinding[];
  stderr: string;
}

/** `cdppe check FILE --format json` through the CLI's own main, in process, as a controller runs it. */
export async function checkBytes(bytes: Uint8Array, name: string, dir?: string): Promise<CheckResult> {
  const base = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
  const file = path.join(base, name);
  fs.writeFileSync(file, bytes);
  let out = "";
  let err = "";
  let exit: number;
  try {
    exit = await main(["check", file, "--format", "json"], { out: (s) => (out += s), err: (s) => (err += s) });
  } catch (e) {
    // the CLI's launcher turns this into « erreur interne inattendue »: keep the stack for the report
    exit = 2;
    err += `CRASH ${(e as Error).stack ?? String(e)}`;
  }
  if (!dir) fs.rmSync(base, { recursive: true, force: true });
  if (!out.trim()) return { exit, tables: [], findings: [], stderr: err };
  const r = JSON.parse(out) as { tables?: CheckTable[]; findings?: CheckFinding[] };
  return { exit, tables: r.tables ?? [], findings: r.findings ?? [], stderr: err };
}
