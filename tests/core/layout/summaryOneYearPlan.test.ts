// corpus10 (seeds 30, 32, 112, 148, 197, 198 of 1-200): a one-year annex's summary that sets its funders' columns under
// a group naming the year (« Plan de financement 2024 » over « CD | FIR | Etat | ONDAM ») beside its Modalités and
// consumption columns was typed a detail (a yearly block of each funder), so no summary was read and the detail was
// looked for in the wrong place. A summary splits nothing by year: one column per funder, all of one year, no masse
// salariale or DGAS, beside a column only the summary has (Modalités, Mesure), is the summary's funders.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols, summaryValues, type MiniFiche } from "../miniAnnex";

const YEAR = 2024;

function oneYearFiches(): MiniFiche[] {
  return fiches(5).map((f) => {
    const one = (xs: number[]) => [xs[1]!];
    const g = { ...f, ms: one(f.ms), dgas: one(f.dgas), fir: one(f.fir), etat: one(f.etat), ondam: one(f.ondam) };
    return { ...g, realisedSince: g.realisedLast };
  });
}

function summary(wb: WorkbookSnapshot, fs: MiniFiche[], group: string, withModalite = true) {
  const sheet = emptySheet("Synthèse");
  wb.sheets.unshift(sheet);
  sheet.defaultColWidth = 18;
  const heads: Array<[string, string, string?]> = [
    ["fiche", "N° FA"],
    ["budget", "Coût total"],
    ["departement", "CD", group],
    ["fir", "FIR", group],
    ["etat", "Etat", group],
    ["ondam", "ONDAM", group],
    ...(withModalite ? ([["modalite", "Modalités"]] as Array<[string, string]>) : []),
    ["consumedLastYear", `Budget consommé en ${YEAR}`, "Consommation"],
    ["consumedSinceStart", `Consommé depuis ${YEAR}`, "Consommation"],
  ];
  const colOf: Record<string, string> = {};
  heads.forEach(([k, h, g], i) => {
    colOf[k] = colToLetters(i + 1);
    if (g) {
      if (i === 0 || heads[i - 1]![2] !== g) setCell(sheet, 1, i + 1, { value: g });
      setCell(sheet, 2, i + 1, { value: h });
    } else {
      setCell(sheet, 1, i + 1, { value: h });
      sheet.merges.push({ r1: 1, c1: i + 1, r2: 2, c2: i + 1 });
    }
  });
  sheet.merges.push({ r1: 1, c1: 3, r2: 1, c2: 6 }, { r1: 1, c1: withModalite ? 8 : 7, r2: 1, c2: withModalite ? 9 : 8 });
  fs.forEach((f, i) => {
    const v = summaryValues(f);
    heads.forEach(([k], j) => setCell(sheet, 3 + i, j + 1, { value: v[k]! }));
  });
  return colOf;
}

// corpus10 seeds 30 and 561 (of 1-200 and 401-600): the same summary with no Modalités nor Mesure, its consumption
// columns alone saying which table it is; with no label beside them, it is still the summary.
test.each([
  [`Plan de financement ${YEAR}`, true],
  [`Financements ${YEAR}`, true],
  [`Plan de financement ${YEAR}`, false],
])("« %s » over the funders of a one-year summary (Modalités: %s): the summary's funders", (group, withModalite) => {
  const fs = oneYearFiches();
  const m = miniDetail({ fiches: fs, years: [YEAR], cols: standardCols([YEAR]).filter((c) => !/Total$/.test(c.key) || c.key === "cdTotal") });
  const colOf = summary(m.wb, fs, group, withModalite);
  const s = recognise(m.wb).tables.find((t) => t.kind === "summary");
  expect(s?.sheet).toBe("Synthèse");
  expect(s && Object.fromEntries(["departement", "fir", "etat", "ondam"].map((k) => [k, colToLetters(s.columns[k as "fir"]!)]))).toEqual({
    departement: colOf.departement,
    fir: colOf.fir,
    etat: colOf.etat,
    ondam: colOf.ondam,
  });
  expect(recognise(m.wb).tables.find((t) => t.kind === "detail")?.sheet).toBe("Suivi fiches actions");
  expect(
    checkAnnex(m.wb)
      .findings.filter((f) => f.severity !== "info")
      .map((f) => `${f.rule} ${f.sheet}!${f.cell}`),
  ).toEqual([]);
});
