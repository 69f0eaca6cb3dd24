// "Élargir la colonne": the width (in characters) that shows every number of the column, as a plan.
import { renderNumber } from "../format/numfmt";
import { CELL_PADDING_PX, textWidthPx } from "../format/textWidth";
import { parseAddr } from "../model/a1";
import { colWidth, type WorkbookSnapshot } from "../model/snapshot";
import { emptyPlan, type EditPlan } from "../plan/types";

export function planWiden(wb: WorkbookSnapshot, sheetName: string, cell: string, measure: (text: string) => number = (t) => textWidthPx(t)): EditPlan {
  const plan = emptyPlan("widen");
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) return plan;
  const { col } = parseAddr(cell);
  let widest = 0;
  for (const row of sheet.cells) {
    const c = row?.[col - 1];
    if (!c || typeof c.value !== "number") continue;
    const text = c.text && !/^#+$/.test(c.text) ? c.text : renderNumber(c.value, c.numFmt).text;
    widest = Math.max(widest, measure(text) * ((c.font?.size ?? 11) / 11));
  }
  // Characters of 7 px, the padding kept, one character of air.
  const chars = Math.ceil(((widest + CELL_PADDING_PX) / 7 + 1) * 4) / 4;
  if (chars > colWidth(sheet, col)) plan.edits.push({ kind: "setColumnWidth", sheet: sheetName, col, width: chars });
  return plan;
}
