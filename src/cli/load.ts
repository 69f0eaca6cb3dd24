import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { readXlsx } from "../xlsx/readWorkbook";
import { cliText } from "../messages/cli";

// Compiled (build/node/cli) and source (src/cli) sit at different depths: find the package root.
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const SAMPLE_ANNEX = path.join(packageRoot(), "samples", "annexe-cdppe-2022.xlsx");

export class InputError extends Error {}

export async function loadWorkbook(file: string): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  if (!fs.existsSync(file)) throw new InputError(cliText.fileMissing(file));
  if (fs.statSync(file).isDirectory()) throw new InputError(cliText.isDirectory(file));
  try {
    return await readXlsx(file);
  } catch (e) {
    throw new InputError(cliText.unreadable(file, e instanceof Error ? e.message : String(e)));
  }
}

export interface Io { out: (s: string) => void; err: (s: string) => void }
