// The "Contrôle annexe" sheet: recreated at each check; findings as a table with links to their cells.
// Every text goes in as text (number format "@"): a label starting with "=" never becomes a formula.
import type { CheckReport } from "../core/check";
import { colToLetters, quoteSheet } from "../core/model/a1";
import { excelText } from "../messages/excel";
import { AdapterError } from "./errors";
import { reportText } from "../messages/report";
import { severityLabel } from "../messages/rules";
import type { HostContext, HostWorksheet } from "./host";

export const REPORT_SHEET = excelText.reportSheetName;

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

/** The id of the report sheet we made, kept in the workbook: a user's sheet of the same name is never ours. */
export const REPORT_NS = "urn:annexe-cdppe:report:1";

/**
 * Two round trips: (1) which sheet is ours (the marked id) and which names are taken; (2) clear our sheet and write
 * it again (not deleted: Excel's undo history survives), or add it under a free name when the user has one of that name.
 */
export async function writeReportSheet(ctx: HostContext, report: CheckReport, fileName: string, when: Date): Promise<string> {
  const sheets = ctx.workbook.worksheets;
  const marks = ctx.workbook.customXmlParts.getByNamespace(REPORT_NS).load("items/id");
  const candidates = [REPORT_SHEET, ...Array.from({ length: 8 }, (_, i) => `${REPORT_SHEET} (${i + 2})`)].map((name) => ({
    name,
    ws: sheets.getItemOrNullObject(name).load("isNullObject,id"),
  }));
  await ctx.sync();
  const markXml = marks.items.length ? marks.items[marks.items.length - 1]!.getXml() : null;
  if (markXml) await ctx.sync();
  const ourId = markXml ? (/<report[^>]*>([^<]*)<\/report>/.exec(markXml.value)?.[1] ?? null) : null;
  const ours = candidates.find((c) => !c.ws.isNullObject && ourId !== null && c.ws.id === ourId);
  let ws: HostWorksheet;
  let name: string;
  if (ours) {
    ws = ours.ws;
    name = ours.name;
    ws.getRange().clear();
  } else {
    const free = candidates.find((c) => c.ws.isNullObject);
    if (!free) throw new AdapterError(excelText.reportNoFreeName, "ReportNoFreeName");
    name = free.name;
    ws = sheets.add(name);
    ws.load("id");
  }
  const rows = reportRows(report, fileName, when);
  const last = colToLetters(rows[0]!.length);
  const all = ws.getRange(`A1:${last}${rows.length}`);
  // Text format first, so that no written label is taken for a formula; number columns get their own format.
  all.numberFormat = rows.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
  all.values = rows;
  report.findings.forEach((f, i) => {
    ws.getRange(`D${6 + i}`).hyperlink = {
      documentReference: `${quoteSheet(f.sheet)}!${f.cell}`,
      textToDisplay: `${f.sheet}!${f.cell}`,
      screenTip: reportText.goTo,
    };
  });
  all.format.autofitColumns();
  ws.getRange("E:E").format.columnWidth = 420;
  if (!ours) for (const m of marks.items) m.delete();
  await ctx.sync();
  if (!ours) {
    ctx.workbook.customXmlParts.add(`<report xmlns="${REPORT_NS}">${ws.id}</report>`);
    await ctx.sync();
  }
  return name;
}
