import type { Command } from "commander";
import { checkAnnex, type CheckReport } from "../../core/check";
import { noAnnexMessage } from "../../messages/layout";
import { checkText, cliText } from "../../messages/cli";
import { InputError, loadWorkbook, SAMPLE_ANNEX, type Io } from "../load";
import { mappingFileText } from "../../messages/mapping";
import { readMappingFile } from "../mapping";

type FileResult = { file: string; report: CheckReport | null; error: string | null };

function textOf(r: CheckReport): string {
  const lines = [cliText.fileHeader(r.file ?? "?")];
  lines.push(checkText.tables(r.tables.map((t) => checkText.table(t.kind, t.sheet, t.range, t.fiches, t.years))));
  lines.push(checkText.counts(r.counts.error, r.counts.warning, r.counts.info), "");
  if (!r.findings.length) lines.push(checkText.noFinding);
  for (const f of r.findings) {
    lines.push(`${checkText.severityTag[f.severity]} ${f.sheet}!${f.cell}${f.fiche ? ` (fiche ${f.fiche})` : ""}  [${f.rule}]`);
    lines.push(`        ${f.message}`);
  }
  if (r.skipped.length) {
    lines.push("", checkText.skipped);
    for (const s of r.skipped) lines.push(`  ${s.rule} : ${s.reason}`);
  }
  return lines.join("\n") + "\n";
}

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csvOf(results: FileResult[]): string {
  const rows = [checkText.csvHeader.join(";")];
  for (const res of results) {
    if (!res.report) continue;
    for (const f of res.report.findings) rows.push([res.file, f.rule, f.severity, f.sheet, f.cell, f.fiche, f.message, f.expected, f.actual].map(csvField).join(";"));
  }
  // BOM: Excel then reads the accents right.
  return "\ufeff" + rows.join("\r\n") + "\r\n";
}

function batchTable(results: FileResult[]): string {
  const head = checkText.batchHeader;
  const rows = results.map((r) => r.report
    ? [r.file, r.report.counts.error, r.report.counts.warning, r.report.counts.info, r.report.tables.find((t) => t.kind === "detail")?.fiches ?? 0, r.report.counts.error ? checkText.statusErrors : checkText.statusOk]
    : [r.file, "-", "-", "-", "-", checkText.statusUnread]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (cells: Array<string | number>) => cells.map((c, i) => (i === 0 || i === 5 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  ");
  return ["", checkText.batchTitle, fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)].join("\n") + "\n";
}

export function parseDeclared(v: string | undefined): number[] | undefined {
  if (!v) return undefined;
  const parts = v.split(/[,; ]+/).filter(Boolean).map(Number);
  if (!parts.length || parts.some((n) => !Number.isInteger(n) || n <= 0)) throw new InputError(checkText.badDeclared(v));
  return parts;
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("check")
    .description(checkText.description)
    .argument("[fichiers...]", checkText.filesArg)
    .option("-f, --format <format>", cliText.formatOption("text|json|csv"), "text")
    .option("--objectifs-facultatifs <liste>", checkText.declaredOption)
    .option("--mapping <fichier>", mappingFileText.option)
    .action(async (files: string[], opts: { format: string; objectifsFacultatifs?: string; mapping?: string }) => {
      if (!["text", "json", "csv"].includes(opts.format)) {
        io.err(cliText.badFormat(opts.format, "text, json, csv") + "\n");
        setExit(2);
        return;
      }
      let declared: number[] | undefined;
      try {
        declared = parseDeclared(opts.objectifsFacultatifs);
      } catch (e) {
        io.err((e as Error).message + "\n");
        setExit(2);
        return;
      }
      const list = files.length ? files : [SAMPLE_ANNEX];
      const results: FileResult[] = [];
      for (const file of list) {
        try {
          const { snapshot } = await loadWorkbook(file);
          const report = checkAnnex(snapshot, { declaredOptional: declared, mapping: readMappingFile(opts.mapping, snapshot) });
          if (!report.tables.length) {
            results.push({ file, report: null, error: noAnnexMessage(report.layout.closest) });
            continue;
          }
          const { layout: _layout, ...plain } = report;
          results.push({ file, report: plain, error: null });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          results.push({ file, report: null, error: e.message });
        }
      }
      for (const r of results) {
        if (r.error) io.err(`${r.file} : ${r.error}\n`);
        setExit(r.error ? 2 : r.report!.counts.error ? 1 : 0);
      }
      if (opts.format === "json") {
        const objects = results.map((r) => (r.report ? r.report : { file: r.file, error: r.error }));
        io.out(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2) + "\n");
      } else if (opts.format === "csv") {
        io.out(csvOf(results));
      } else {
        for (const r of results) if (r.report) io.out(textOf(r.report) + "\n");
        if (results.length > 1) io.out(batchTable(results));
      }
    });
}
