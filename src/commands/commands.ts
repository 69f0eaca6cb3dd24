// Ribbon ExecuteFunction handlers. The function name matches <FunctionName> in manifest.xml.
import { createExcelPort } from "../excel/port";
import { excelApiSupported, officeRunner } from "../excel/officeRunner";
import { runRibbonCheck } from "./ribbonCheck";

function notify(message: string, done: () => void): void {
  // Excel has no toast API for commands: a small dialog is the notification.
  const url = new URL("taskpane.html", window.location.href);
  url.hash = "notice=" + encodeURIComponent(message);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 35, displayInIframe: true }, () => done());
}

async function checkAnnex(event: Office.AddinCommands.Event): Promise<void> {
  const message = await runRibbonCheck(createExcelPort(officeRunner, excelApiSupported));
  notify(message, () => event.completed());
}

Office.onReady(() => {
  Office.actions.associate("checkAnnex", checkAnnex);
});
