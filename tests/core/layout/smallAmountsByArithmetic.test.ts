// corpus9 seeds 887, 903: small k€ amounts (a gap of 0,5 k€, the year's realisations of 0,73 k€, a summary's « Budget
// consommé dans l'année ») were doubted as rates (fractions under 1,5 on most rows): a layout-incomplete on annexes read
// right. The table's own arithmetic tells amounts from rates: amounts add up to the cent (gap = budget − cumulative,
// prior + year = cumulative, the summary's = the detail's), a rate is a ratio of two amounts. A column a relation confirms
// is money whatever its size; a true rate column read as an amount satisfies none and stays doubted.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { verifyReading } from "../../../src/core/layout/verify";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { miniDetail, miniSummary, type MiniFiche } from "../miniAnnex";

const YEARS = [2021, 2022];
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Six fiches in k€: the year's realisations and the gap under 1,5 k€, the cumulative above. */
function kFiches(): MiniFiche[] {
  return [0, 1, 2, 3, 4, 5].map((i) => {
    const ms = [r2(1.2 + 0.1 * i), 0.9];
    const dgas = [0.4, r2(0.35 + 0.1 * i)];
    const fir = i % 2 ? [0.3, 0.2] : [0, 0];
    const etat = [0.25, 0.15];
    const budget = [...ms, ...dgas, ...fir, ...etat].reduce((a, b) => a + b, 0);
    const plannedLast = ms[1]! + dgas[1]! + fir[1]! + etat[1]!;
    return {
      n: i + 1,
      ms,
      dgas,
      fir,
      etat,
      ondam: [0, 0],
      realisedLast: r2(plannedLast * (0.3 + 0.1 * i)),
      realisedSince: r2(budget - (0.15 + 0.2 * i)),
      source: fir[0] ? "FIR/ETAT" : "ETAT",
      objective: "Objectif 9 : Garantir l'accompagnement de tous les enfants protégés en situation de handicap",
      type: "Fondamental",
      label: `Action numéro ${i + 1} pour les enfants du département`,
    };
  });
}

/** Amounts shown with no unit in their format or header: only the arithmetic can tell. */
function annex() {
  const fs = kFiches();
  const m = miniDetail({ fiches: fs, years: YEARS, total: true });
  for (const [k, c] of Object.entries(m.colOf))
    if (!/^rate/.test(k))
      for (const r of m.rowOfFiche.values()) {
        const cell = m.sheet.cells[r - 1]?.[lettersToCol(c) - 1];
        if (cell && typeof cell.value === "number") setCell(m.sheet, r, lettersToCol(c), { ...cell, numFmt: "#,##0.00" });
      }
  return { m, fs };
}

const loud = (wb: Parameters<typeof checkAnnex>[0]) =>
  checkAnnex(wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell} ${f.message}`);

test("small realisations and gap that the table's arithmetic confirms are amounts, not rates", () => {
  const { m } = annex();
  const d = recognise(m.wb).detail!;
  expect(d.doubtful).toEqual([]);
  expect(loud(m.wb)).toEqual([]);
});

test("the summary's small consumption: prior + year = cumulative", () => {
  const { m, fs } = annex();
  miniSummary(m.wb, fs, YEARS);
  const l = recognise(m.wb);
  expect(l.summary?.doubtful).toEqual([]);
  expect(loud(m.wb)).toEqual([]);
});

test("the summary's small consumption alone: equal to the detail's, fiche by fiche", () => {
  const { m, fs } = annex();
  const s = miniSummary(m.wb, fs, YEARS);
  // No prior balance nor cumulative in the summary: nothing within it adds the year's consumption up.
  for (const k of ["consumedPrior", "consumedSinceStart"]) {
    const c = lettersToCol(s.colOf[k]!);
    for (let r = 1; r <= 2 + fs.length; r++) setCell(s.sheet, r, c, { value: null });
  }
  const l = recognise(m.wb);
  expect(l.summary?.columns.consumedLastYear).toBe(lettersToCol(s.colOf.consumedLastYear!));
  expect(l.summary?.doubtful).toEqual([]);
  expect(loud(m.wb)).toEqual([]);
});

test("a true rate column read as the year's realisations or as the gap stays doubtful", () => {
  const { m } = annex();
  const d = recognise(m.wb).detail!;
  for (const [role, rateRole] of [
    ["realisedLastYear", "rateLastYear"],
    ["gap", "rateGlobal"],
    ["realisedLastYear", "rateGlobal"],
  ] as const) {
    const columns = { ...d.columns, [role]: d.columns[rateRole]! };
    delete columns[rateRole];
    const doubts = verifyReading(m.sheet, "detail", columns, d.blocks, d.years, d.rows);
    expect({ role, rateRole, doubted: doubts.some((x) => x.key === role) }).toEqual({ role, rateRole, doubted: true });
  }
});
