// « S/T Engagement 2 » is a sub-total as « Sous-total Engagement 2 » is (corpus7 seed 30: in the summary, the TOTAL
// summing the S/T rows was said to forget every fiche).
import { checkAnnex } from "../../../src/core/check";
import { colToLetters } from "../../../src/core/model/a1";
import type { Cell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary } from "../miniAnnex";

/** The summary in two engagements, each closed by a « label N » row of SUMs, then a TOTAL over those rows. */
function summaryWithSubtotals(label: string) {
  const fs = fiches(4);
  const m = miniDetail({ fiches: fs });
  const s = miniSummary(m.wb, fs);
  const [header, title, f1, f2, f3, f4] = s.sheet.cells as Cell[][];
  const width = header!.length;
  const sumRow = (text: string, rows: number[], values: Cell[][]): Cell[] => {
    const out: Cell[] = [{ value: text }];
    for (let c = 3; c < width; c++) {
      const nums = values.map((v) => v[c]?.value);
      if (!nums.every((x) => typeof x === "number")) continue;
      const L = colToLetters(c + 1);
      out[c] = { value: nums.reduce((a, b) => a + b, 0), formula: `SUM(${rows.map((r) => `${L}${r}`).join(",")})` };
    }
    return out;
  };
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_x, i) => a + i);
  const st1 = sumRow(`${label} 1`, range(3, 4), [f1!, f2!]);
  const st2 = sumRow(`${label} 2`, range(7, 8), [f3!, f4!]);
  const total = sumRow("TOTAL", [5, 9], [st1, st2]);
  const title2: Cell[] = [{ value: "Engagement 2 : Rester à l'écoute des enfants" }];
  s.sheet.cells = [header!, title!, f1!, f2!, st1, title2, f3!, f4!, st2, total];
  s.sheet.rowCount = s.sheet.cells.length;
  return m;
}

test.each(["Sous-total Engagement", "S/T Engagement", "S/T engagement n°"])("« %s N » rows of the summary are its sub-totals: no finding", (label) => {
  const m = summaryWithSubtotals(label);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});
