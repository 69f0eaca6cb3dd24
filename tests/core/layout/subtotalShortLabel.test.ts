// « S/T Engagement 2 » is a sub-total as « Sous-total Engagement 2 » is: read as one, the TOTAL summing the sub-totals is
// right, not a formula « forgetting » every fiche row (corpus7 seeds 29, 30, 47, 58, 59: one false total-formula each).
import { checkAnnex } from "../../../src/core/check";
import type { Finding } from "../../../src/core/rules/types";
import { colToLetters, lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

test.each(["S/T Engagement", "S/T  Engagement", "s/t engagement"])("« %s 1 » is a sub-total", (words) => {
  const m = miniDetail({ fiches: fiches(6), engagements: [3, 3] });
  for (const row of m.subtotalRows)
    for (const cell of m.sheet.cells[row - 1] ?? [])
      if (cell && typeof cell.value === "string" && /^Sous-total/.test(cell.value)) cell.value = cell.value.replace("Sous-total Engagement", words);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("in the summary, « S/T Engagement n » rows are sub-totals and the TOTAL over them is right", () => {
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  const s = miniSummary(m.wb, fs);
  // Rebuild the rows below the header: per engagement, a title, its fiches, « S/T Engagement n »; then the TOTAL of those.
  const ficheRows = fs.map((f) => s.sheet.cells[s.rowOfFiche.get(String(f.n))! - 1]!.map((c) => (c ? { ...c } : c)));
  s.sheet.cells.length = 1;
  const amountCols = ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"].map((k) =>
    lettersToCol(s.colOf[k]!),
  );
  let r = 2;
  const subtotals: number[] = [];
  for (const g of [0, 1]) {
    setCell(s.sheet, r++, 1, { value: `Engagement ${g + 1}` });
    const first = r;
    for (const row of ficheRows.slice(3 * g, 3 * g + 3)) {
      row.forEach((c, k) => c && setCell(s.sheet, r, k + 1, c));
      r++;
    }
    setCell(s.sheet, r, 1, { value: `S/T Engagement ${g + 1}` });
    for (const c of amountCols) {
      const L = colToLetters(c);
      let v = 0;
      for (let k = first; k < r; k++) v += s.sheet.cells[k - 1]![c - 1]!.value as number;
      setCell(s.sheet, r, c, { value: v, formula: `SUM(${L}${first}:${L}${r - 1})` });
    }
    subtotals.push(r++);
  }
  setCell(s.sheet, r, 1, { value: "TOTAL" });
  for (const c of amountCols) {
    const L = colToLetters(c);
    const v = subtotals.reduce((a, k) => a + (s.sheet.cells[k - 1]![c - 1]!.value as number), 0);
    setCell(s.sheet, r, c, { value: v, formula: `SUM(${subtotals.map((k) => `${L}${k}`).join(",")})` });
  }
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});
