import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { guardInput, InputError, type GuardOptions } from "./inputGuard";
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

export interface LoadOptions extends Pick<GuardOptions, "limits"> {
  /** Read-only use (check, inspect): empty rows and cells may be dropped before parsing, so memory follows used cells. */
  readOnly?: boolean;
}

/** Guards the file (format, parts, size, cells) before any parsing, then reads it with ExcelJS, loaded only now. */
export async function loadWorkbook(file: string, options: LoadOptions = {}): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  const guarded = guardInput(file, { limits: options.limits, allowTrim: !!options.readOnly });
  const reader = await import("../xlsx/readWorkbook");
  try {
    if (guarded.trimmed) {
      const { default: Excel } = await import("exceljs");
      const workbook = new Excel.Workbook();
      await workbook.xlsx.load(Buffer.from(guarded.trimmed.buffer, guarded.trimmed.byteOffset, guarded.trimmed.byteLength) as unknown as ArrayBuffer);
      return { workbook, snapshot: reader.snapshotOfWorkbook(workbook, path.basename(file)) };
    }
    return await reader.readXlsx(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof RangeError) throw new InputError(inputText.outOfMemory(file));
    // The guard saw a whole package; what still fails is the content itself. The library's English stays out.
    throw new InputError(inputText.badContent(file));
  }
}

export interface Io { out: (s: string) => void; err: (s: string) => void; progress?: (s: string) => void }
