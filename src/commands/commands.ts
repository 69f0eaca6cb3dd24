// Ribbon ExecuteFunction handlers. The function name matches <FunctionName> in manifest.xml.
import { createExcelPort } from "../excel/port";
import { excelApiSupported, mergesSupported, officeRunner } from "../excel/officeRunner";
import { completeOnEveryPath, runRibbonCheck } from "./ribbonCheck";

function notify(message: string, done: () => void): void {
  // Excel has no toast API for commands: a small dialog is the notification.
  const url = new URL("taskpane.html", window.location.href);
  url.hash = "notice=" + encodeURIComponent(message);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 35, displayInIframe: true }, () => done());
}

function checkAnnex(event: Office.AddinCommands.Event): Promise<void> {
  return completeOnEveryPath(
    () => runRibbonCheck(createExcelPort(officeRunner, excelApiSupported, { merges: mergesSupported() })),
    notify,
    () => event.completed(),
  );
}

// Office calls the handler and ignores what it returns: completeOnEveryPath catches every failure and completes the
// event itself, so the promise is left to run.
void Office.onReady(() => {
  Office.actions.associate("checkAnnex", (event: Office.AddinCommands.Event) => {
    void checkAnnex(event);
  });
});
