// "Contrôler l'annexe" from the ribbon: check, refresh the report sheet, say the counts. No pane needed.
import { checkAnnex } from "../core/check";
import { userMessage } from "../excel/errors";
import type { AnnexPort } from "../excel/port";
import { noAnnexMessage } from "../messages/layout";
import { ribbonText } from "../messages/ribbon";

export async function runRibbonCheck(port: AnnexPort, now = new Date()): Promise<string> {
  try {
    // The user's saved reading of the columns, as the pane uses it, read in the snapshot's own round trips.
    const { snapshot, mapping } = port.readWithMapping ? await port.readWithMapping() : { snapshot: await port.read(), mapping: null };
    const report = checkAnnex(snapshot, { mapping: mapping ?? undefined });
    if (!report.tables.length) return noAnnexMessage(report.layout.closest);
    await port.writeReport(report, snapshot, now);
    return ribbonText.done(report.counts.error, report.counts.warning, report.counts.info);
  } catch (e) {
    return userMessage(e, "ribbon");
  }
}

/**
 * Runs a ribbon job and completes its event exactly once on every path: job failing, notification throwing,
 * or its callback never coming (Excel would otherwise keep the command busy).
 */
export async function completeOnEveryPath(
  job: () => Promise<string>,
  notify: (message: string, done: () => void) => void,
  complete: () => void,
  waitMs = 10_000,
): Promise<void> {
  let completed = false;
  const once = () => {
    if (completed) return;
    completed = true;
    complete();
  };
  let message: string;
  try {
    message = await job();
  } catch (e) {
    message = userMessage(e, "ribbon");
  }
  try {
    notify(message, once);
    setTimeout(once, waitMs);
  } catch {
    once();
  }
}
