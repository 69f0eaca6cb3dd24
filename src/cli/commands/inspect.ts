import type { Command } from "commander";
import type { TableSummary } from "../../core/layout/describe";
import { layoutText, noAnnexMessage, roleLabel } from "../../messages/layout";
import { cliText, inspectText } from "../../messages/cli";
import { mappingFileText } from "../../messages/mapping";
import type { Io } from "../load";

function textReport(file: string, tables: TableSummary[]): string {
  const lines = [cliText.fileHeader(file)];
  for (const t of tables) {
    lines.push("", inspectText.table(t.kind === "detail" ? layoutText.detail : layoutText.summary, t.sheet, t.range));
    lines.push(inspectText.headers(t.headerRows, t.years, t.fiches, layoutText.confidence(t.confidence)));
    if (t.totalRow) lines.push(inspectText.totalRow(t.totalRow));
    for (const c of t.continuationRows) lines.push(inspectText.continuation(c.row, c.of));
    for (const g of t.groups) lines.push(inspectText.group(g.key, g.titleRow, g.rows, g.subtotalRow));
    lines.push(inspectText.columns);
    for (const [k, v] of Object.entries(t.columns)) lines.push(`    ${v.padEnd(4)} ${roleLabel(k)}`);
    lines.push(`  ${layoutText.missing(t.missing)}`);
    if (t.hiddenColumns.length) lines.push(`  ${layoutText.hidden(t.hiddenColumns)}`);
    for (const a of t.ambiguous) lines.push(`  ${layoutText.ambiguous(a.role, a.columns)}`);
  }
  return lines.join("\n") + "\n";
}

export function registerInspect(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("inspect")
    .description(cliText.inspectDescription)
    .argument("[fichier]", cliText.fileArg)
    .option("-f, --format <format>", cliText.formatOption("text|json"), "text")
    .option("--mapping <fichier>", mappingFileText.option)
    .action(async (fileArg: string | undefined, opts: { format: string; mapping?: string }) => {
      // Loaded here, not at start-up: `cdppe --help` must not pay for the reader and the core.
      const { InputError, loadWorkbook, SAMPLE_ANNEX } = await import("../load");
      const { recognise } = await import("../../core/layout/recognise");
      const { describeTable } = await import("../../core/layout/describe");
      const { mappingFromLayout } = await import("../../core/layout/mapping");
      const { readMappingFile } = await import("../mapping");
      const file = fileArg ?? SAMPLE_ANNEX;
      try {
        const { snapshot } = await loadWorkbook(file);
        const layout = recognise(snapshot, { mapping: readMappingFile(opts.mapping, snapshot) });
        const tables = layout.tables.map(describeTable);
        if (!tables.length) {
          io.err(noAnnexMessage(layout.closest) + "\n");
          setExit(2);
          return;
        }
        if (opts.format === "json") io.out(JSON.stringify({ file: snapshot.fileName, tables, mapping: mappingFromLayout(snapshot, layout) }, null, 2) + "\n");
        else io.out(textReport(snapshot.fileName ?? file, tables));
        setExit(0);
      } catch (e) {
        if (e instanceof InputError) {
          io.err(e.message + "\n");
          setExit(2);
          return;
        }
        throw e;
      }
    });
}
