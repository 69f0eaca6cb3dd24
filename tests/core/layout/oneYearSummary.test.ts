// The summary of a one-year annex (corpus9 seeds 74, 299, 303, 367, 437): the fiche, the planned amounts per funder
// and a single consumption column, with no Modalités, no Mesure and no second consumption column. No column says
// « summary » on its own, yet the table is the detail's fiches summed per funder: it is read as the summary when it
// stands beside a detail of the same fiches, and the cross-table check then holds it to the detail's figures.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { budgetOf, fiches, miniDetail, standardCols, type MiniFiche } from "../miniAnnex";

const YEAR = 2022;
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

/** The fiches of miniAnnex kept to their last year: a one-year annex. */
function oneYearFiches(etatOnly = false): MiniFiche[] {
  return fiches().map((f) => {
    const fir = etatOnly ? 0 : f.fir[1]!;
    const ondam = etatOnly ? 0 : f.ondam[1]!;
    return {
      ...f,
      ms: [f.ms[1]!],
      dgas: [f.dgas[1]!],
      fir: [fir],
      etat: [f.etat[1]!],
      ondam: [ondam],
      realisedSince: f.realisedLast,
      source: ["ETAT", ...(fir ? ["FIR"] : []), ...(ondam ? ["ONDAM"] : [])].join("/"),
    };
  });
}

/** One summary column: its group (upper row, "" for none), its header and its role. */
type Col = [group: string, head: string, role: string];

function summaryValue(f: MiniFiche, role: string): string | number {
  const values: Record<string, string | number> = {
    objectif: "Objectif 9",
    fiche: f.n,
    budget: budgetOf(f),
    departement: f.ms[0]! + f.dgas[0]!,
    fir: f.fir[0]!,
    etat: f.etat[0]!,
    ondam: f.ondam[0]!,
    consumedLastYear: f.realisedLast,
  };
  return values[role]!;
}

/** Writes the summary at (top, left) of `sheet`: groups merged over their columns, an engagement row, the fiches, a TOTAL. */
function writeSummary(
  sheet: SheetSnapshot,
  fs: MiniFiche[],
  cols: Col[],
  top: number,
  left: number,
  change?: (f: MiniFiche, role: string) => number | undefined,
) {
  const grouped = cols.some(([g]) => g);
  const head = grouped ? top + 1 : top;
  const colOf: Record<string, string> = {};
  cols.forEach(([group, h, role], i) => {
    const c = left + i;
    colOf[role] = colToLetters(c);
    if (!grouped) return setCell(sheet, top, c, { value: h });
    if (!group) {
      setCell(sheet, top, c, { value: h });
      sheet.merges.push({ r1: top, c1: c, r2: top + 1, c2: c });
      return;
    }
    if (i === 0 || cols[i - 1]![0] !== group) {
      setCell(sheet, top, c, { value: group });
      let j = i;
      while (j + 1 < cols.length && cols[j + 1]![0] === group) j++;
      if (j > i) sheet.merges.push({ r1: top, c1: c, r2: top, c2: left + j });
    }
    setCell(sheet, head, c, { value: h });
  });
  setCell(sheet, head + 1, left, { value: "Engagement 1 : Agir le plus précocement possible" });
  const first = head + 2;
  const rowOf = new Map<string, number>();
  fs.forEach((f, k) => {
    rowOf.set(String(f.n), first + k);
    cols.forEach(([, , role], i) => setCell(sheet, first + k, left + i, { value: change?.(f, role) ?? summaryValue(f, role) }));
  });
  const totalRow = first + fs.length;
  setCell(sheet, totalRow, left, { value: "TOTAL" });
  cols.forEach(([, , role], i) => {
    if (role === "fiche" || role === "objectif") return;
    const L = colToLetters(left + i);
    const v = fs.reduce((a, f) => a + ((change?.(f, role) ?? summaryValue(f, role)) as number), 0);
    setCell(sheet, totalRow, left + i, { value: v, formula: `SUM(${L}${first}:${L}${totalRow - 1})` });
  });
  return { colOf, rowOf };
}

interface Options {
  /** Beside the detail on its sheet rather than on a sheet of its own. */
  beside?: boolean;
  /** The summary's fiches, when not the detail's. */
  summaryFiches?: MiniFiche[];
  /** A summary value changed (a fault). */
  change?: (f: MiniFiche, role: string) => number | undefined;
  /** No detail table at all. */
  alone?: boolean;
  /** The State the only co-financer. */
  etatOnly?: boolean;
}

function annex(cols: Col[], o: Options = {}) {
  const fs = oneYearFiches(o.etatOnly);
  const wb: WorkbookSnapshot = { sheets: [] };
  const detailCols = standardCols([YEAR]).filter((c) => !["realisedSinceStart", "rateGlobal", "gap"].includes(c.key));
  if (!o.alone) miniDetail({ fiches: fs, years: [YEAR], cols: detailCols, top: 3 }, wb);
  let sheet: SheetSnapshot;
  let left = 1;
  if (o.beside && !o.alone) {
    sheet = wb.sheets[0]!;
    left = detailCols.length + 3;
  } else {
    sheet = emptySheet("Synthèse");
    setCell(sheet, 1, 1, { value: `Rapport financier — exercice ${YEAR}` });
    wb.sheets.unshift(sheet);
  }
  const { colOf, rowOf } = writeSummary(sheet, o.summaryFiches ?? fs, cols, 3, left, o.change);
  return { wb, colOf, rowOf, sheet };
}

const BARE: Col[] = [
  ["", "N° fiche", "fiche"],
  ["", "Enveloppe", "budget"],
  ["", "Conseil\ndépartemental", "departement"],
  ["", "ARS", "fir"],
  ["", "Etat", "etat"],
  ["", "AM", "ondam"],
  ["", `Dépenses ${YEAR}`, "consumedLastYear"],
];
const GROUPED: Col[] = [
  ["", "N° fiche", "fiche"],
  ["Plan de\nfinancement", "Coût total", "budget"],
  ["Plan de\nfinancement", "Part CD", "departement"],
  ["Plan de\nfinancement", "ARS", "fir"],
  ["Plan de\nfinancement", "État (P304)", "etat"],
  ["Plan de\nfinancement", "AM", "ondam"],
  ["Réalisé", `Dépenses ${YEAR}`, "consumedLastYear"],
];
const WORDED: Col[] = [
  ["", "Objectif", "objectif"],
  ["", "Fiche", "fiche"],
  ["", "Budget total", "budget"],
  ["", "Conseil départemental", "departement"],
  ["", "ARS (FIR)", "fir"],
  ["", "État (P304)", "etat"],
  ["", "Assurance maladie", "ondam"],
  ["", `Consommé en ${YEAR}`, "consumedLastYear"],
];

describe("the summary of a one-year annex: planned amounts per funder and one consumption column", () => {
  test.each([
    ["bare funder names beside the others (« ARS », « AM »)", BARE, false],
    ["planned amounts under one group, the consumption under another", GROUPED, false],
    ["worded in full, objective first", WORDED, false],
    ["bare funder names, beside the detail on its sheet", BARE, true],
    ["worded in full, beside the detail on its sheet", WORDED, true],
  ])("%s: read, and clean", (_, cols, beside) => {
    const { wb, colOf } = annex(cols, { beside });
    const l = recognise(wb);
    expect(l.detail).not.toBeNull();
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(l.summary!.doubtful).toEqual([]);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });

  // corpus9 seed 299: « Part CD » is short enough to be a source cell's value; beside « État (P304) » it is a header.
  test("one co-financer, « Part CD » beside it under « Plan de financement »: read, and clean", () => {
    const cols: Col[] = [
      ["", "N° fiche", "fiche"],
      ["Plan de\nfinancement", "Coût total", "budget"],
      ["Plan de\nfinancement", "Part CD", "departement"],
      ["Plan de\nfinancement", "État (P304)", "etat"],
      ["Réalisé", `Dépenses ${YEAR}`, "consumedLastYear"],
    ];
    const { wb, colOf } = annex(cols, { etatOnly: true });
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });

  test("a Département typed wrong in the summary is a cross-table error at its cell", () => {
    const fs = oneYearFiches();
    const { wb, colOf, rowOf, sheet } = annex(GROUPED, {
      change: (f, role) => (f.n === 3 && role === "departement" ? f.ms[0]! + f.dgas[0]! + 700 : undefined),
    });
    const found = checkAnnex(wb).findings.filter((f) => f.rule === "cross-table");
    expect(fs.length).toBeGreaterThan(2);
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`${sheet.name}!${colOf.departement}${rowOf.get("3")}`]);
  });

  test("without a detail table, such a table is no annex summary", () => {
    const { wb } = annex(WORDED, { alone: true });
    expect(recognise(wb).summary).toBeNull();
  });

  test("beside a detail of other fiches, it is not read as the detail's summary", () => {
    const others = oneYearFiches().map((f) => ({ ...f, n: Number(f.n) + 40 }));
    const { wb } = annex(WORDED, { summaryFiches: others });
    const l = recognise(wb);
    expect(l.summary).toBeNull();
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});
