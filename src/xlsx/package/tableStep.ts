// Tables first: the columns they gain and those the plan renames (a header cell given another text, as add-year
// does for « (2020, 2021, 2022) ») decide how structured references read everywhere else.
import type { Edit, EditPlan } from "../../core/plan/types";
import { packageText } from "../../messages/package";
import { colLetters } from "./shiftRefs";
import { tableName, widenTable, type ColumnRenames } from "./tables";
import { tablesOf } from "./workbookRefs";
import type { WriteContext } from "./writeContext";
import { getAttr } from "./xml";

export interface TableStep {
  renames: ColumnRenames;
  /** Header names of new table columns that the plan does not write itself (Excel writes « Colonne1 »…). */
  headers: Edit[];
  /** What the write changes beyond the plan's cells, in French. */
  notes: string[];
}

export function widenTables({ pkg, plan, sheets, ins }: WriteContext): TableStep {
  const step: TableStep = { renames: new Map(), headers: [], notes: [] };
  const headerText = planHeaderText(plan);
  for (const s of sheets) {
    for (const t of tablesOf(pkg, s)) {
      const xml = pkg.text(t.target)!;
      const w = widenTable(xml, ins, s.name, (row, col) => headerText(s.name, row, col));
      pkg.set(t.target, w.xml);
      for (const h of w.headers) step.headers.push({ kind: "setValue", sheet: s.name, row: h.row, col: h.col, value: h.name });
      if (w.added.length) step.notes.push(packageText.tableWidened(s.name, tableName(xml), w.added));
      for (const h of w.headers) step.notes.push(packageText.tableHeaderWritten(s.name, `${colLetters(h.col)}${h.row}`, h.name));
      for (const [from, to] of w.renames) step.notes.push(packageText.tableColumnRenamed(tableName(xml), from, to));
      if (!w.renames.length) continue;
      const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)![0];
      const map = new Map(w.renames.map(([from, to]) => [from.toLowerCase(), to]));
      for (const n of [getAttr(tag, "displayName"), getAttr(tag, "name")]) if (n) step.renames.set(n.toLowerCase(), map);
    }
  }
  return step;
}

/** The text the plan writes in a cell, if any (indexed on first use: most workbooks have no table). */
function planHeaderText(plan: EditPlan): (sheet: string, row: number, col: number) => string | null {
  let byCell: Map<string, string> | null = null;
  return (sheet, row, col) => {
    if (!byCell) {
      byCell = new Map();
      for (const e of plan.edits)
        if (e.kind === "setValue" && typeof e.value === "string") byCell.set(`${e.sheet.toLowerCase()}!${e.row}!${e.col}`, e.value);
    }
    return byCell.get(`${sheet.toLowerCase()}!${row}!${col}`) ?? null;
  };
}
