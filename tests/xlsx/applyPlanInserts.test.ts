// The ExcelJS adapter rewrites every formula once for all of a plan's inserts (composed), with the same result as
// Excel's one-insert-at-a-time; a formula the plan writes after the inserts is left as written (final coordinates).
import ExcelJS from "exceljs";
import type { Edit, EditPlan } from "../../src/core/plan/types";
import { applyPlanToExcelJs } from "../../src/xlsx/applyPlan";

const plan = (edits: Edit[]): EditPlan =>
  ({
    kind: "add-year",
    edits,
    conflicts: [],
    notes: [],
    stats: { formulas: 0, values: 0, formats: 0, insertedColumns: 0, unchanged: 0 },
  }) as unknown as EditPlan;

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("A");
  const b = wb.addWorksheet("B");
  for (let r = 1; r <= 4; r++) for (let c = 1; c <= 8; c++) a.getCell(r, c).value = r * 10 + c;
  a.getCell(5, 1).value = { formula: "SUM(B1:G1)" };
  a.getCell(5, 2).value = { formula: "C2+F2+H2" };
  a.getCell(5, 3).value = { formula: "SUM(B2:C3)" };
  b.getCell(1, 1).value = { formula: "A!F1*2+SUM(A!B1:A!D4)" };
  b.getCell(1, 2).value = { formula: "F1" };
  return wb;
}
const formulas = (wb: ExcelJS.Workbook) =>
  wb.worksheets.flatMap((ws) => {
    const out: string[] = [];
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push(`${ws.name}!${r}:${c}=${cell.formula}`);
      }),
    );
    return out;
  });
const ins = (at: number, count: number, rows: [number, number] | null = null): Edit => ({
  kind: "insertColumns",
  sheet: "A",
  at,
  count,
  rows,
  copyFormatFrom: at - 1,
});

test("two inserts right to left, whole columns: formulas shifted as by two successive inserts", () => {
  const wb = book();
  applyPlanToExcelJs(wb, plan([ins(6, 2), ins(3, 1), { kind: "setFormula", sheet: "A", row: 6, col: 1, formula: "SUM(D1:E1)" }]));
  expect(formulas(wb)).toEqual(["A!5:1=SUM(B1:J1)", "A!5:2=D2+I2+K2", "A!5:4=SUM(B2:D3)", "A!6:1=SUM(D1:E1)", "B!1:1=A!I1*2+SUM(A!B1:A!E4)", "B!1:2=F1"]);
  // The same as applying each insert on its own, in turn.
  const step = book();
  applyPlanToExcelJs(step, plan([ins(6, 2)]));
  applyPlanToExcelJs(step, plan([ins(3, 1)]));
  applyPlanToExcelJs(step, plan([{ kind: "setFormula", sheet: "A", row: 6, col: 1, formula: "SUM(D1:E1)" }]));
  expect(formulas(step)).toEqual(formulas(wb));
});

test("inserts limited to a table's rows move only references wholly inside those rows", () => {
  const wb = book();
  applyPlanToExcelJs(wb, plan([ins(6, 1, [1, 2]), ins(3, 1, [1, 2])]));
  const f = formulas(wb);
  expect(f).toContain("A!5:1=SUM(B1:I1)");
  expect(f).toContain("A!5:2=D2+H2+J2");
  // Rows 2-3 are not wholly inside rows 1-2: untouched.
  expect(f).toContain("A!5:3=SUM(B2:C3)");
  expect(f).toContain("B!1:1=A!H1*2+SUM(A!B1:A!D4)");
});
