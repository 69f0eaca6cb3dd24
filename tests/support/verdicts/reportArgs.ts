// What a corpus report script reads from its command line (`N [--from S] [--verbose] [--seed S]`, a directory variable
// to keep the workbooks) and how it prints a seed's fault, the same for every corpus that shares the verdicts.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CheckResult } from "./run";

export interface ReportArgs {
  count: number;
  from: number;
  oneSeed: number | null;
  verbose: boolean;
  /** The directory the workbooks are kept in (the variable named), or undefined. */
  keep: string | undefined;
  /** Where the workbooks are written: `keep`, or a temporary directory removed by `done`. */
  work: string;
  done: () => void;
}

export function reportArgs(argv: string[], keepVariable: string, tmpPrefix: string): ReportArgs {
  const option = (name: string) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : null);
  const keep = process.env[keepVariable];
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  return {
    count: Number(argv.find((x, i) => /^\d+$/.test(x) && !/^--/.test(argv[i - 1] ?? "")) ?? 100),
    from: option("--from") ?? 1,
    oneSeed: option("--seed"),
    verbose: argv.includes("--verbose"),
    keep,
    work,
    done: () => {
      if (!keep) fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The seed's fault, whether it was found, and the faulty copy's errors and warnings. */
export function printFault(o: {
  fault: { kind: string; what: string; sheet: string; cells: string[]; rules: string[] };
  found: boolean;
  faulty: CheckResult;
}): void {
  console.log(
    `\nfault ${o.fault.kind}: ${o.fault.what} at ${o.fault.sheet}!${o.fault.cells.join("/")} (${o.fault.rules.join(" | ")}) → ${o.found ? "FOUND" : "missed"}`,
  );
  for (const f of o.faulty.findings.filter((x) => x.severity !== "info"))
    console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.message}`);
}
