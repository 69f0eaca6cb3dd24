// The "Contrôle annexe" sheet: recreated at each check; findings as a table with links to their cells.
// Every text goes in as text (number format "@"): a label starting with "=" never becomes a formula.
import type { CheckReport } from "../core/check";
import { colToLetters, quoteSheet } from "../core/model/a1";
import { reportText } from "../messages/report";
import { severityLabel } from "../messages/rules";
import type { HostContext } from "./host";

export const REPORT_SHEET = "Contrôle annexe";

export function reportRows(report: CheckReport, fileName: string, when: Date): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [
    [reportText.title(fileName), "", "", "", "", "", ""],
    [reportText.when(when), "", "", "", "", "", ""],
    [reportText.counts, severityLabel.error, report.counts.error, severityLabel.warning, report.counts.warning, severityLabel.info, report.counts.info],
    ["", "", "", "", "", "", ""],
    [...reportText.headers],
  ];
  for (const f of report.findings) {
    const show = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "number" ? v : String(v));
    rows.push([f.rule, severityLabel[f.severity], f.fiche ?? "", `${f.sheet}!${f.cell}`, f.message, show(f.expected), show(f.actual)]);
  }
  return rows;
}

/** One round trip: delete the old sheet if there is one, add it again, write everything. */
export async function writeReportSheet(ctx: HostContext, report: CheckReport, fileName: string, when: Date, exists: boolean): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  if (exists) sheets.getItem(REPORT_SHEET).delete();
  const ws = sheets.add(REPORT_SHEET);
  const rows = reportRows(report, fileName, when);
  const last = colToLetters(rows[0]!.length);
  const all = ws.getRange(`A1:${last}${rows.length}`);
  // Text format first, so that no written label is taken for a formula; number columns get their own format.
  all.numberFormat = rows.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
  all.values = rows;
  report.findings.forEach((f, i) => {
    ws.getRange(`D${6 + i}`).hyperlink = { documentReference: `${quoteSheet(f.sheet)}!${f.cell}`, textToDisplay: `${f.sheet}!${f.cell}`, screenTip: reportText.goTo };
  });
  all.format.autofitColumns();
  ws.getRange("E:E").format.columnWidth = 420;
  await ctx.sync();
}
