// The file extension a package needs: Excel opens a workbook only when its name agrees with its content type.
import * as fs from "fs";
import { parseRels } from "./parts";
import { getAttr } from "./xml";
import { entryData, readZip, type ZipEntry } from "./zip";

const EXTENSION_OF_MAIN: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": ".xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": ".xltm",
};

/**
 * The extension Excel requires for this package, from its workbook part's content type (null when unknown): Excel
 * refuses to open a macro-enabled workbook named .xlsx, or a plain one named .xlsm. The write keeps the content type,
 * so the output's name must agree with it.
 */
export function packageExtension(buf: Uint8Array): string | null {
  let entries: ZipEntry[];
  try {
    entries = readZip(buf);
  } catch {
    return null;
  }
  const text = (n: string) => {
    const e = entries.find((x) => x.name === n);
    return e ? entryData(e).toString("utf8") : undefined;
  };
  const wbPart = parseRels(text("_rels/.rels"), "").find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const ct = text("[Content_Types].xml") ?? "";
  const override = [...ct.matchAll(/<Override\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => (getAttr(t, "PartName") ?? "").replace(/^\//, "").toLowerCase() === wbPart.toLowerCase());
  return EXTENSION_OF_MAIN[(override && getAttr(override, "ContentType")) ?? ""] ?? null;
}

/** The same for a file on disk; null when it cannot be read as a package (the input guard then says why). */
export function packageExtensionOfFile(file: string): string | null {
  try {
    return packageExtension(fs.readFileSync(file));
  } catch {
    return null;
  }
}
