// corpus9 seed 529: a one-year annex in k€, rates as fractions: the État's small amounts (0,5 k€, 1,4 k€, 0,1 k€) were
// taken for rates (fractions under 1,5 on most rows) and doubted in both tables (layout-incomplete, every rule that
// needs them skipped). One year gives no « years add up to the total » to tell them apart; the budget does: it is the
// sum of its parts, this column included, to the cent on every row, which a column of rates never is. A true rate
// column read as an amount stays doubted.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { verifyReading } from "../../../src/core/layout/verify";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { miniDetail, miniSummary, standardCols, type MiniFiche } from "../miniAnnex";

const YEARS = [2022];
const ETAT = [0.5, 1.4, 0.1, 3.8, 0.3, 0.7];

/** Six fiches in k€ over one year, the État's share small. */
function kFiches(): MiniFiche[] {
  return ETAT.map((etat, i) => {
    const ms = [2.5 + i];
    const dgas = [7.9 - i];
    const fir = [i % 2 ? 0.6 + i : 0];
    const planned = ms[0]! + dgas[0]! + fir[0]! + etat;
    const realisedLast = Math.round(planned * (0.3 + 0.1 * i) * 100) / 100;
    return {
      n: i + 1,
      ms,
      dgas,
      fir,
      etat: [etat],
      ondam: [0],
      realisedLast,
      realisedSince: realisedLast,
      source: fir[0] ? "FIR/ETAT" : "ETAT",
      objective: "Objectif 9 : Garantir l'accompagnement de tous les enfants protégés en situation de handicap",
      type: "Fondamental",
      label: `Action numéro ${i + 1} pour les enfants du département`,
    };
  });
}

const cols = () =>
  standardCols(YEARS)
    .filter((c) => !/^ondam|^(realisedSinceStart|rateGlobal|gap)$/.test(c.key))
    .map((c) => (c.key === "budget" ? { ...c, head: "Moyens financiers prévisionnels (k€)" } : c));

function annex(o: { numFmt?: string; noBudget?: boolean } = {}) {
  const fs = kFiches();
  const m = miniDetail({ cols: cols().filter((c) => !o.noBudget || c.key !== "budget"), fiches: fs, years: YEARS, total: true });
  for (const [k, c] of Object.entries(m.colOf))
    if (!/^rate/.test(k))
      for (const r of m.rowOfFiche.values()) {
        const cell = m.sheet.cells[r - 1]?.[lettersToCol(c) - 1];
        if (cell && typeof cell.value === "number") setCell(m.sheet, r, lettersToCol(c), { ...cell, numFmt: o.numFmt ?? "#,##0.0" });
      }
  return { m, fs };
}

const loud = (wb: Parameters<typeof checkAnnex>[0]) =>
  checkAnnex(wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell} ${f.message}`);

test("small k€ amounts of one year that the budget adds up are amounts, not rates", () => {
  const { m } = annex();
  const d = recognise(m.wb).detail!;
  expect(d.doubtful).toEqual([]);
  expect(loud(m.wb)).toEqual([]);
});

test("the same in the summary: its budget adds them up", () => {
  const { m, fs } = annex();
  miniSummary(m.wb, fs, YEARS);
  const l = recognise(m.wb);
  expect(l.summary?.doubtful).toEqual([]);
  expect(loud(m.wb)).toEqual([]);
});

// The same with no budget column to add them up: the number format, « 0,5 k€ », says money.
test("small amounts of one year shown in a k€ or € format are amounts, not rates", () => {
  for (const numFmt of ['#,##0.0\\ "k€"', '#,##0.0 [$€-40C]']) {
    const { m } = annex({ numFmt, noBudget: true });
    expect({ numFmt, doubtful: recognise(m.wb).detail!.doubtful }).toEqual({ numFmt, doubtful: [] });
  }
});

test("a true rate column read as the État's year stays doubtful", () => {
  const { m } = annex();
  const d = recognise(m.wb).detail!;
  const blocks = { ...d.blocks, etat: { 2022: d.columns.rateLastYear! } };
  const doubts = verifyReading(m.sheet, "detail", { ...d.columns }, blocks, d.years, d.rows);
  expect(doubts.map((x) => x.key)).toContain("etat2022");
});
