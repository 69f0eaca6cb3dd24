// `cdppe fill` and `cdppe add-year`: plan in the core, apply with ExcelJS to a copy, say what changed.
import * as path from "path";
import type { Command } from "commander";
import { planFill } from "../../core/compute/fill";
import { planAddYear } from "../../core/compute/addYear";
import { addr, colToLetters } from "../../core/model/a1";
import type { EditPlan } from "../../core/plan/types";
import { PlanError } from "../../core/plan/validate";
import { recognise } from "../../core/layout/recognise";
import { noAnnexMessage } from "../../messages/layout";
import { fillText } from "../../messages/plans";
import { writeText } from "../../messages/cli";
import { applyPlanToExcelJs } from "../../xlsx/applyPlan";
import { InputError, loadWorkbook, type Io } from "../load";
import { mappingFileText } from "../../messages/mapping";
import { readMappingFile } from "../mapping";

function describePlan(plan: EditPlan, file: string, force: boolean): string {
  const lines = [writeText.planHeader(plan.kind, file), writeText.stats(plan.stats)];
  for (const c of [...(plan.newColumns ?? [])].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col)) {
    lines.push(writeText.newColumn(c.sheet, colToLetters(c.col), c.label));
  }
  const bySheet = new Map<string, string[]>();
  for (const e of plan.edits) if (e.kind === "setFormula") bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), addr(e.row, e.col)]);
  for (const [sheet, cells] of bySheet) lines.push(writeText.cellsLine(sheet, cells));
  for (const c of plan.conflicts) lines.push(force ? writeText.conflictForced(`${c.sheet}!${c.cell}`, c.current) : writeText.conflict(`${c.sheet}!${c.cell}`, c.current, fillText.conflictReason[c.reason] ?? c.reason));
  lines.push(...plan.notes);
  return lines.join("\n") + "\n";
}

type WriteOpts = { output?: string; dryRun?: boolean; force?: boolean; year?: string; mapping?: string };

async function run(kind: "fill" | "add-year", input: string, opts: WriteOpts, io: Io, setExit: (c: number) => void): Promise<void> {
  if (!opts.dryRun && !opts.output) {
    io.err(writeText.outputRequired + "\n");
    setExit(2);
    return;
  }
  if (opts.output && path.resolve(opts.output) === path.resolve(input)) {
    io.err(writeText.sameFile + "\n");
    setExit(2);
    return;
  }
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      io.err(writeText.badYear(opts.year) + "\n");
      setExit(2);
      return;
    }
  }
  try {
    const { workbook, snapshot } = await loadWorkbook(input);
    const layout = recognise(snapshot, { mapping: readMappingFile(opts.mapping, snapshot) });
    if (!layout.detail && !layout.summary) {
      io.err(noAnnexMessage(layout.closest) + "\n");
      setExit(2);
      return;
    }
    const plan = kind === "fill" ? planFill(snapshot, { force: opts.force }, layout) : planAddYear(snapshot, { year, force: opts.force }, layout);
    if (plan.blocked) {
      io.err(plan.notes.join("\n") + "\n");
      setExit(2);
      return;
    }
    io.out(describePlan(plan, snapshot.fileName ?? input, !!opts.force));
    if (opts.dryRun) {
      io.out(writeText.dryRunDone + "\n");
      setExit(0);
      return;
    }
    if (!plan.edits.length) io.out(writeText.nothingToDo + "\n");
    applyPlanToExcelJs(workbook, plan);
    await workbook.xlsx.writeFile(opts.output!);
    io.out(writeText.written(opts.output!) + "\n");
    setExit(0);
  } catch (e) {
    if (e instanceof InputError || e instanceof PlanError) {
      io.err(e.message + "\n");
      setExit(2);
      return;
    }
    throw e;
  }
}

export function registerWrite(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("fill")
    .description(writeText.fillDescription)
    .argument("<fichier>", writeText.inputArg)
    .option("-o, --output <fichier>", writeText.outputOption)
    .option("--dry-run", writeText.dryRun)
    .option("--force", writeText.force)
    .option("--mapping <fichier>", mappingFileText.option)
    .action((input: string, opts: WriteOpts) => run("fill", input, opts, io, setExit));
  program
    .command("add-year")
    .description(writeText.addYearDescription)
    .argument("<fichier>", writeText.inputArg)
    .option("-y, --year <année>", writeText.yearOption)
    .option("-o, --output <fichier>", writeText.outputOption)
    .option("--dry-run", writeText.dryRun)
    .option("--force", writeText.force)
    .option("--mapping <fichier>", mappingFileText.option)
    .action((input: string, opts: WriteOpts) => run("add-year", input, opts, io, setExit));
}
