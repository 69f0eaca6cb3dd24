// A total row worded in the plural (« TOTAUX », « Totaux »), corpus9 seed 559: read as a row of the table, it fails the
// summary's budget relation as soon as one fiche does (a fault), the budget is then doubted and the fault is missed.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { budgetOf, fiches, miniDetail, type MiniFiche } from "../miniAnnex";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Fiches funded by the département alone. */
const cdOnly = (): MiniFiche[] => fiches().map((f) => ({ ...f, fir: [0, 0], etat: [0, 0], ondam: [0, 0], source: "" }));

function annex(label: string, budgetOfFiche: (f: MiniFiche) => number = budgetOf) {
  const fs = cdOnly();
  const wb: WorkbookSnapshot = { sheets: [] };
  miniDetail({ fiches: fs }, wb);
  const sheet = emptySheet("Synthèse");
  wb.sheets.push(sheet);
  const heads: Array<[string, (f: MiniFiche) => number | string]> = [
    ["N° fiche", (f) => f.n],
    ["Budget total", budgetOfFiche],
    ["CD", (f) => sum(f.ms) + sum(f.dgas)],
    ["Modalités de financement Etat/AM", () => "CD"],
    ["Réalisé 2021", (f) => f.realisedSince - f.realisedLast],
    ["Dépenses 2022", (f) => f.realisedLast],
    ["Consommé 2021-2022", (f) => f.realisedSince],
  ];
  heads.forEach(([h], i) => setCell(sheet, 2, i + 1, { value: h }));
  fs.forEach((f, k) => heads.forEach(([, v], i) => setCell(sheet, 3 + k, i + 1, { value: v(f) })));
  const total = 3 + fs.length;
  setCell(sheet, total, 1, { value: label });
  heads.forEach(([, v], i) => {
    if (i === 0 || i === 3) return;
    const L = colToLetters(i + 1);
    setCell(sheet, total, i + 1, { value: sum(fs.map((f) => v(f) as number)), formula: `SUM(${L}3:${L}${total - 1})` });
  });
  return { wb, total };
}

describe("a total row worded in the plural", () => {
  test.each(["TOTAUX", "Totaux", "Totaux CDPPE"])("« %s » is the summary's total row", (label) => {
    const { wb, total } = annex(label);
    expect(recognise(wb).summary!.totalRow).toBe(total);
  });

  test("one fiche's budget typed wrong in the summary: a cross-table error at its cell, the reading kept", () => {
    const { wb } = annex("TOTAUX", (f) => budgetOf(f) + (f.n === 2 ? 900 : 0));
    const findings = checkAnnex(wb).findings;
    expect(findings.filter((f) => f.rule === "layout-incomplete")).toEqual([]);
    expect(findings.filter((f) => f.rule === "cross-table").map((f) => f.cell)).toEqual(["B4"]);
  });
});
