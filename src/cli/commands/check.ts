import type { Command } from "commander";
import type { CheckReport } from "../../core/check";
import type { Finding, Severity } from "../../core/rules/types";
import { batchText, checkText, cliText } from "../../messages/cli";
import { mappingFileText } from "../../messages/mapping";
import type { FileResult } from "../checkFile";
import { expandInputs, naturalCompare } from "../expandInputs";
import { InputError } from "../inputError";
import type { Io } from "../load";

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_NAMES: Record<string, Severity> = {
  erreur: "error",
  erreurs: "error",
  error: "error",
  avertissement: "warning",
  avertissements: "warning",
  avert: "warning",
  warning: "warning",
  info: "info",
  infos: "info",
  information: "info",
  informations: "info",
};

/** Errors, then warnings, then infos; within each, fiches in natural order (3, 12, 41), rows without fiche last. */
export function orderFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const s = SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity];
      if (s) return s;
      if (a.f.fiche !== b.f.fiche) {
        if (a.f.fiche === null) return 1;
        if (b.f.fiche === null) return -1;
        const n = naturalCompare(a.f.fiche, b.f.fiche);
        if (n) return n;
      }
      return a.i - b.i;
    })
    .map((x) => x.f);
}

export interface Filter {
  severities?: Set<Severity>;
  rules?: Set<string>;
}

/** The report as the user asked to see it: filtered, ordered, counts of what is shown. */
export function viewOf(r: CheckReport, filter: Filter): { report: CheckReport; hidden: number } {
  const shown = orderFindings(
    r.findings.filter((f) => (!filter.severities || filter.severities.has(f.severity)) && (!filter.rules || filter.rules.has(f.rule))),
  );
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const f of shown) counts[f.severity]++;
  return { report: { ...r, findings: shown, counts }, hidden: r.findings.length - shown.length };
}

export function verdictOf(res: FileResult, name = res.file): string {
  if (!res.report) return batchText.verdictUnread(name, res.error ?? "");
  const c = res.report.counts;
  return c.error ? batchText.verdictErrors(name, c.error, c.warning, c.info) : batchText.verdictOk(name, c.warning, c.info);
}

/** The text report of one file, as `check` prints it (bench/rulesShare.ts times it too). */
export function textOf(res: FileResult, hidden: number): string {
  const r = res.report!;
  const lines = [cliText.fileHeader(res.file), verdictOf(res)];
  lines.push(checkText.tables(r.tables.map((t) => checkText.table(t.kind, t.sheet, t.range, t.fiches, t.years))));
  lines.push(checkText.counts(r.counts.error, r.counts.warning, r.counts.info) + (hidden ? ` — ${batchText.filtered(hidden)}` : ""), "");
  if (!r.findings.length) lines.push(hidden ? batchText.filtered(hidden) : checkText.noFinding);
  for (const f of r.findings) {
    lines.push(`${checkText.severityTag[f.severity]} ${f.sheet}!${f.cell}${f.fiche ? checkText.ficheTag(f.fiche) : ""}  [${f.rule}]`);
    lines.push(`        ${f.message}`);
  }
  if (r.skipped.length) {
    lines.push("", checkText.skipped);
    for (const s of r.skipped) lines.push(checkText.skippedLine(s.rule, s.reason));
  }
  return lines.join("\n") + "\n";
}

/**
 * A CSV cell a spreadsheet cannot take for a formula: text starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe (OWASP). Numbers stay numbers.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v !== "number" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRows(res: FileResult): string[] {
  if (!res.report) return [[res.file, batchText.csvUnreadRule, batchText.csvUnreadSeverity, "", "", "", res.error, "", ""].map(csvField).join(";")];
  return res.report.findings.map((f) => [res.file, f.rule, f.severity, f.sheet, f.cell, f.fiche, f.message, f.expected, f.actual].map(csvField).join(";"));
}

function batchTable(results: FileResult[]): string {
  const head = checkText.batchHeader;
  const rows = results.map((r) =>
    r.report
      ? [
          r.file,
          r.report.counts.error,
          r.report.counts.warning,
          r.report.counts.info,
          r.report.tables.find((t) => t.kind === "detail")?.fiches ?? 0,
          r.report.counts.error ? checkText.statusErrors : checkText.statusOk,
        ]
      : [r.file, "-", "-", "-", "-", checkText.statusUnread],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (cells: Array<string | number>) =>
    cells.map((c, i) => (i === 0 || i === 5 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  ");
  return ["", checkText.batchTitle, fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)].join("\n") + "\n";
}

export function parseDeclared(v: string | undefined): number[] | undefined {
  if (!v) return undefined;
  const parts = v
    .split(/[,; ]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts.length || parts.some((n) => !Number.isInteger(n) || n <= 0)) throw new InputError(checkText.badDeclared(v));
  return parts;
}

function parseSeverities(v: string | undefined): Set<Severity> | undefined {
  if (!v) return undefined;
  const out = new Set<Severity>();
  for (const part of v.split(/[,; ]+/).filter(Boolean)) {
    const s = SEVERITY_NAMES[part.toLowerCase().replace(/\.$/, "")];
    if (!s) throw new InputError(batchText.badSeverity(part));
    out.add(s);
  }
  return out.size ? out : undefined;
}

function parseRules(v: string | undefined, known: string[]): Set<string> | undefined {
  if (!v) return undefined;
  const out = new Set<string>();
  for (const part of v.split(/[,; ]+/).filter(Boolean)) {
    if (!known.includes(part)) throw new InputError(batchText.badRule(part, known));
    out.add(part);
  }
  return out.size ? out : undefined;
}

type CheckOpts = { format: string; objectifsFacultatifs?: string; recursive?: boolean; gravite?: string; regle?: string; resume?: boolean; mapping?: string };

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("check")
    .description(checkText.description)
    .argument("[fichiers...]", checkText.filesArg)
    .option("-f, --format <format>", cliText.formatOption("text|json|csv"), "text")
    .option("-r, --recursive", batchText.recursiveOption)
    .option("-g, --gravite <liste>", batchText.severityOption)
    .option("--regle <liste>", batchText.ruleOption)
    .option("--resume", batchText.summaryOption)
    .option("--objectifs-facultatifs <liste>", checkText.declaredOption)
    .option("--mapping <fichier>", mappingFileText.option)
    .action(async (args: string[], opts: CheckOpts) => {
      if (!["text", "json", "csv"].includes(opts.format)) {
        io.err(cliText.badFormat(opts.format, "text, json, csv") + "\n");
        setExit(2);
        return;
      }
      let declared: number[] | undefined;
      const filter: Filter = {};
      try {
        declared = parseDeclared(opts.objectifsFacultatifs);
        filter.severities = parseSeverities(opts.gravite);
        filter.rules = parseRules(opts.regle, opts.regle ? Object.keys((await import("../../messages/rules")).ruleTitles) : []);
      } catch (e) {
        io.err((e as Error).message + "\n");
        setExit(2);
        return;
      }
      const { SAMPLE_ANNEX } = await import("../load");
      const entries = args.length ? expandInputs(args, { recursive: opts.recursive }) : [{ file: SAMPLE_ANNEX }];
      if (!entries.length) {
        io.err(batchText.noFile + "\n");
        setExit(2);
        return;
      }
      const toCheck = entries.filter((e) => !e.error).map((e) => e.file);
      const results: Array<FileResult | undefined> = entries.map((e) => (e.error ? { file: e.file, report: null, error: e.error } : undefined));
      const slotOf = new Map<number, number>();
      entries.forEach((e, i) => {
        if (!e.error) slotOf.set(slotOf.size, i);
      });
      const many = entries.length > 1;

      // Results are written in the order given as soon as every earlier one is known.
      let written = 0;
      let done = entries.length - toCheck.length;
      const hiddenOf: number[] = [];
      if (opts.format === "csv") io.out("\ufeff" + checkText.csvHeader.join(";") + "\r\n"); // BOM: Excel reads the accents right.
      const flush = () => {
        while (written < results.length && results[written]) {
          const res = results[written]!;
          const hidden = hiddenOf[written] ?? 0;
          if (res.error) io.err(`${res.error}\n`);
          if (opts.format === "csv") {
            const rows = csvRows(res);
            if (rows.length) io.out(rows.join("\r\n") + "\r\n");
          } else if (opts.format === "text") {
            // An unreadable file is told on stderr; its verdict line on stdout only keeps a batch's list whole.
            if (!res.report) {
              if (many) io.out(verdictOf(res) + "\n");
            } else if (opts.resume) io.out(verdictOf(res) + "\n");
            else io.out(textOf(res, hidden) + "\n");
          }
          setExit(res.error ? 2 : res.report!.counts.error ? 1 : 0);
          written++;
        }
      };
      flush();
      const { runChecks } = await import("../batch/runChecks");
      await runChecks(
        toCheck,
        (k, r) => {
          const slot = slotOf.get(k)!;
          if (r.report) {
            const v = viewOf(r.report, filter);
            results[slot] = { ...r, report: v.report };
            hiddenOf[slot] = v.hidden;
          } else results[slot] = r;
          done++;
          flush();
          if (io.progress && many) io.progress(batchText.progress(done, entries.length, r.file));
        },
        { declared, mapping: opts.mapping },
      );
      if (io.progress && many) io.progress("");
      const all = results as FileResult[];
      if (opts.format === "json") {
        const single = entries.length === 1 && args.length <= 1 && (args.length === 0 || entries[0]!.file === args[0]);
        // In a batch each report also says where its file is: two folders may hold the same file name.
        const objects = all.map((r) =>
          r.report ? (single ? r.report : { ...r.report, path: r.file }) : { file: r.file, error: r.error, status: batchText.csvUnreadSeverity },
        );
        io.out(JSON.stringify(single ? objects[0] : objects, null, 2) + "\n");
      } else if (opts.format === "text" && many) {
        io.out(batchTable(all));
      }
    });
}
