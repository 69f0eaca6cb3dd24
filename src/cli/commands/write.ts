// `cdppe fill` and `cdppe add-year`: plan in the core, apply it to the .xlsx package (only the parts the plan reaches
// change), write the copy safely, say what changed.
import * as fs from "fs";
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
import { packageText } from "../../messages/package";
import { applyPlanToPackage, isEncrypted } from "../../xlsx/package/applyPackagePlan";
import { packageExtensionOfFile } from "../../xlsx/package/extension";
import { PackageError } from "../../xlsx/package/errors";
import { OutputExistsError, sameFile, writeFileAtomic } from "../../xlsx/package/safeWrite";
import { readSnapshotFromPackage } from "../../xlsx/package/readSnapshot";
import { guardInput } from "../inputGuard";
import { InputError, type Io } from "../load";
import { mappingFileText } from "../../messages/mapping";
import { readMappingFile } from "../mapping";

/** Cells named per sheet in the plan's summary (writeText.cellsLine shows 12, then « … »). */
const CELLS_NAMED = 13;

function describePlan(plan: EditPlan, file: string, force: boolean): string {
  // Lists grow by push: copying them to append made this quadratic (60 % of add-year at 10 000 rows).
  const lines = [writeText.planHeader(plan.kind, file), writeText.stats(plan.stats)];
  for (const c of [...(plan.newColumns ?? [])].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col)) {
    lines.push(writeText.newColumn(c.sheet, colToLetters(c.col), c.label));
  }
  // Only the first cells of each sheet are named (the count says the rest): no address made for 100 000 others.
  const bySheet = new Map<string, { cells: string[]; total: number }>();
  for (const e of plan.edits) {
    if (e.kind !== "setFormula") continue;
    let s = bySheet.get(e.sheet);
    if (!s) bySheet.set(e.sheet, (s = { cells: [], total: 0 }));
    if (s.total++ < CELLS_NAMED) s.cells.push(addr(e.row, e.col));
  }
  for (const [sheet, s] of bySheet) lines.push(writeText.cellsLine(sheet, s.cells, s.total));
  for (const c of plan.conflicts)
    lines.push(
      force
        ? writeText.conflictForced(`${c.sheet}!${c.cell}`, c.current)
        : writeText.conflict(`${c.sheet}!${c.cell}`, c.current, fillText.conflictReason[c.reason] ?? c.reason),
    );
  for (const n of plan.notes) lines.push(n);
  return lines.join("\n") + "\n";
}

type WriteOpts = { output?: string; dryRun?: boolean; force?: boolean; year?: string; mapping?: string };

/**
 * Reads, recognises and plans. The snapshot lives only here: once the plan is made it can be collected while the
 * package is rewritten (at 100 000 rows it is over a gigabyte of the heap).
 */
function planOf(
  kind: "fill" | "add-year",
  bytes: Buffer,
  input: string,
  parts: Map<string, Buffer>,
  opts: WriteOpts,
  year: number | undefined,
): { plan: EditPlan; fileName: string } | { noAnnex: string } {
  // The parts the guard inflated and checked serve the reader and the writer: nothing is inflated twice.
  const snapshot = readSnapshotFromPackage(bytes, input, new Map(parts));
  const layout = recognise(snapshot, { mapping: readMappingFile(opts.mapping, snapshot) });
  if (!layout.detail && !layout.summary) return { noAnnex: noAnnexMessage(layout.closest) };
  const plan = kind === "fill" ? planFill(snapshot, { force: opts.force }, layout) : planAddYear(snapshot, { year, force: opts.force }, layout);
  return { plan, fileName: snapshot.fileName ?? input };
}

async function run(kind: "fill" | "add-year", input: string, opts: WriteOpts, io: Io, setExit: (c: number) => void): Promise<void> {
  if (!opts.dryRun && !opts.output) {
    io.err(writeText.outputRequired + "\n");
    setExit(2);
    return;
  }
  if (opts.output && fs.existsSync(opts.output)) {
    // Identity, not spelling: a link to the input, "./x", or another case on a case-insensitive disk is the input.
    if (sameFile(opts.output, input)) {
      io.err(writeText.sameFile + "\n");
      setExit(2);
      return;
    }
    if (fs.statSync(opts.output).isDirectory()) {
      io.err(packageText.outputIsDirectory(opts.output) + "\n");
      setExit(2);
      return;
    }
    if (!opts.dryRun && !opts.force) {
      io.err(packageText.outputExists(opts.output) + "\n");
      setExit(2);
      return;
    }
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
  if (opts.output) {
    // The copy keeps the workbook's content type (macros included): its name must say the same, or Excel refuses it.
    const ext = packageExtensionOfFile(input);
    if (ext && path.extname(opts.output).toLowerCase() !== ext) {
      io.err((ext === ".xlsm" ? packageText.macrosNeedXlsm(opts.output) : packageText.wrongExtension(opts.output, ext)) + "\n");
      setExit(2);
      return;
    }
  }
  try {
    // Read once, through the same package layer that writes: no ExcelJS on this path.
    // The same guards as check: format, parts, size and cells are told in French before any parsing.
    const guarded = guardInput(input);
    const bytes = Buffer.from(guarded.bytes.buffer, guarded.bytes.byteOffset, guarded.bytes.byteLength);
    if (isEncrypted(bytes)) throw new PackageError(packageText.encrypted(input));
    const planned = planOf(kind, bytes, input, guarded.parts, opts, year);
    if ("noAnnex" in planned) {
      io.err(planned.noAnnex + "\n");
      setExit(2);
      return;
    }
    const { plan, fileName } = planned;
    if (plan.blocked) {
      io.err(plan.notes.join("\n") + "\n");
      setExit(2);
      return;
    }
    // Applied in memory even for a dry run, so that what the file holds and the write cannot handle is said first.
    const applied = plan.edits.length ? applyPlanToPackage(bytes, plan, input, guarded.parts) : null;
    const buffer = applied?.buffer ?? null;
    io.out(describePlan(plan, fileName, !!opts.force));
    // What the write changes beyond the plan's cells, as Excel would (a table widened, a column renamed), is said too.
    for (const n of applied?.notes ?? []) io.out(n + "\n");
    if (!buffer) {
      io.out(writeText.nothingToDo + "\n" + packageText.nothingWritten + "\n");
      setExit(0);
      return;
    }
    if (opts.dryRun) {
      io.out(writeText.dryRunDone + "\n");
      setExit(0);
      return;
    }
    try {
      writeFileAtomic(opts.output!, buffer, !!opts.force);
    } catch (e) {
      if (e instanceof OutputExistsError) {
        io.err(packageText.outputExists(opts.output!) + "\n");
        setExit(2);
        return;
      }
      const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
      io.err(packageText.writeFailed(opts.output!, why) + "\n");
      setExit(2);
      return;
    }
    io.out(writeText.written(opts.output!) + "\n");
    setExit(0);
  } catch (e) {
    if (e instanceof InputError || e instanceof PlanError || e instanceof PackageError) {
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
