// Ribbon ExecuteFunction handlers. The function name matches <FunctionName> in manifest.xml.
import { app } from "../messages/fr";

function notify(message: string, done: () => void): void {
  // Excel has no toast API for commands: a small dialog is the notification.
  const url = new URL("taskpane.html", window.location.href);
  url.hash = "notice=" + encodeURIComponent(message);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 20, width: 30 }, () => done());
}

function checkAnnex(event: Office.AddinCommands.Event): void {
  notify(app.checkComing, () => event.completed());
}

Office.onReady(() => {
  Office.actions.associate("checkAnnex", checkAnnex);
});
