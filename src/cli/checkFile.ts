// One file through the guard, the reader and the core: the unit of work of `check`, in the main thread or a worker.
import type { CheckReport } from "../core/check";
import { batchText } from "../messages/cli";

export type FileResult = { file: string; report: CheckReport | null; error: string | null };

/** `mappingFile`: the user's corrected reading (`--mapping`), read against each file's sheets. */
export async function checkFile(file: string, declared: number[] | undefined, mappingFile?: string): Promise<FileResult> {
  const { InputError, loadWorkbook } = await import("./load");
  try {
    const { snapshot } = await loadWorkbook(file);
    const { checkAnnex } = await import("../core/check");
    const { readMappingFile } = await import("./mapping");
    const report = checkAnnex(snapshot, { declaredOptional: declared, mapping: readMappingFile(mappingFile, snapshot) });
    if (!report.tables.length) {
      const { noAnnexMessage } = await import("../messages/layout");
      return { file, report: null, error: noAnnexMessage(report.layout.closest) };
    }
    const { layout: _layout, ...plain } = report;
    return { file, report: plain, error: null };
  } catch (e) {
    if (e instanceof InputError) return { file, report: null, error: e.message };
    return { file, report: null, error: batchText.internalError(file) };
  }
}
