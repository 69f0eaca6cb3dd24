// Rates typed in percentage points (« 85 » for 85 %, format « 0 »), as some départements keep them: the numbers confirm
// the reading, so no doubt is raised; a wrong one is still a rate-mismatch; fill writes the same scale.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import type { Finding } from "../../../src/core/rules/types";
import { planFill } from "../../../src/core/compute/fill";
import { fiches, miniDetail } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

function annex() {
  const m = miniDetail({ fiches: fiches(6) });
  for (const key of ["rateLastYear", "rateGlobal"]) {
    const c = lettersToCol(m.colOf[key]!);
    for (const row of m.rowOfFiche.values()) {
      const cell = m.sheet.cells[row - 1]![c - 1]!;
      cell.value = Math.round((cell.value as number) * 1000) / 10;
      cell.numFmt = "0.0";
      delete cell.formula;
    }
  }
  return m;
}

test("rates in percentage points are confirmed by the numbers: no finding", () => {
  const m = annex();
  expect(recognise(m.wb).detail!.percentPoints).toEqual(["rateLastYear", "rateGlobal"]);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a wrong rate in points is a rate-mismatch at its cell", () => {
  const m = annex();
  const row = m.rowOfFiche.get("3")!;
  const cell = m.sheet.cells[row - 1]![lettersToCol(m.colOf.rateGlobal!) - 1]!;
  cell.value = (cell.value as number) + 7;
  expect(loud(checkAnnex(m.wb).findings)).toEqual([`rate-mismatch ${m.colOf.rateGlobal}${row}`]);
});

test("fill writes the rates ×100 in their own format", () => {
  const m = annex();
  const plan = planFill(m.wb);
  const col = lettersToCol(m.colOf.rateGlobal!);
  const edit = plan.edits.find((e) => e.kind === "setFormula" && e.col === col);
  expect(edit).toMatchObject({ numFmt: "0.0" });
  expect((edit as { formula: string }).formula).toMatch(/\*100\)$/);
  expect(plan.conflicts).toEqual([]);
});
