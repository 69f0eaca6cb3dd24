import * as fs from "fs";
import * as path from "path";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { guardInput, InputError, limitsOf, type GuardOptions } from "./inputGuard";
import { CellLimitError } from "../xlsx/package/errors";
import { inputText } from "../messages/cli";

export { InputError } from "./inputGuard";

// Compiled (build/node/cli) and source (src/cli) sit at different depths: find the package root.
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The 2022 annex shipped with the tool (the test fixture, one copy in the repository). */
export const SAMPLE_ANNEX = path.join(packageRoot(), "tests", "fixtures", "annexe-cdppe-2022.xlsx");

export type LoadOptions = Pick<GuardOptions, "limits">;

/**
 * Guards the file (format, parts, size, markup) before any parsing, then reads it through the package layer the
 * writes use: each sheet's XML scanned once, only used cells kept, no more of them than the limit (the read counts
 * them: the guard no longer scans each sheet a second time for that). No ExcelJS on any CLI path.
 */
export async function loadWorkbook(file: string, options: LoadOptions = {}): Promise<{ snapshot: WorkbookSnapshot }> {
  const guarded = guardInput(file, { limits: options.limits, streamed: true });
  const { maxCells } = limitsOf(options.limits);
  const { readSnapshotFromPackage } = await import("../xlsx/package/readSnapshot");
  try {
    return { snapshot: readSnapshotFromPackage(guarded.bytes, file, guarded.parts, { maxCells }) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof CellLimitError) throw new InputError(inputText.tooManyCells(file, e.count, maxCells));
    if (e instanceof RangeError) throw new InputError(inputText.outOfMemory(file));
    // The guard saw a whole package; what still fails is the content itself. No library or internal text leaks.
    throw new InputError(inputText.badContent(file));
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  progress?: (s: string) => void;
}
