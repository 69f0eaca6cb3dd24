// `--mapping FILE.json`: the user's reading of the columns, as written by `cdppe inspect --format json` and edited.
import * as fs from "fs";
import { parseMapping, type ColumnMapping } from "../core/layout/mapping";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { mappingFileText } from "../messages/mapping";
import { InputError } from "./load";

/** Reads and validates a mapping file; accepts the bare mapping or the whole `inspect --format json` output. */
export function readMappingFile(file: string | undefined, wb: WorkbookSnapshot): ColumnMapping | undefined {
  if (file === undefined) return undefined;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new InputError(mappingFileText.missing(file));
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\ufeff/, ""));
  } catch (e) {
    throw new InputError(mappingFileText.notJson(file, e instanceof Error ? e.message : String(e)));
  }
  if (typeof json === "object" && json !== null && !("version" in json) && "mapping" in json) json = json.mapping;
  const parsed = parseMapping(json);
  if ("error" in parsed) throw new InputError(mappingFileText.invalid(file, parsed.error));
  const names = wb.sheets.map((s) => s.name);
  const unknown = parsed.entries.find((e) => !names.includes(e.sheet));
  if (unknown) throw new InputError(mappingFileText.unknownSheet(file, unknown.sheet, names));
  return parsed;
}
