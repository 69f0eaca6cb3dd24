// Sum rows read by their arithmetic, never guessed (issue #10: no false finding on an annex read right).
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell, type Cell } from "../../../src/core/model/snapshot";
import { budgetOf, fiches, miniDetail, miniSummary, standardCols, type MiniFiche } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

const zero = (f: MiniFiche): MiniFiche => ({
  ...f,
  ms: [0, 0],
  dgas: [0, 0],
  fir: [0, 0],
  etat: [0, 0],
  ondam: [0, 0],
  realisedLast: 0,
  realisedSince: 0,
  source: "",
});

/** Engagement title rows carrying =SUM over their fiches (corpus4 « engsum »), the TOTAL adding the title rows. */
function sumsOnTitles(engagements: number[], fs: MiniFiche[]) {
  const m = miniDetail({ fiches: fs, engagements });
  for (const cells of m.sheet.cells) for (const cell of cells ?? []) if (cell && typeof cell.value === "number" && Number.isNaN(cell.value)) cell.value = null;
  const titles: number[] = [];
  m.subtotalRows.forEach((sub, gi) => {
    const title = sub - engagements[gi]! - 1;
    titles.push(title);
    const from = m.sheet.cells[sub - 1]!;
    from.forEach((cell, i) => {
      if (!cell || i === 0) return;
      m.sheet.cells[title - 1]![i] = cell;
      delete from[i];
    });
    from[0] = { value: null };
  });
  // The emptied sub-total rows are removed so each title row is followed by its fiches only.
  const total = m.sheet.cells[m.totalRow! - 1]!;
  for (const cell of total) if (cell?.formula) cell.formula = cell.formula.replace(/\d+/g, (n) => String(titles[m.subtotalRows.indexOf(Number(n))] ?? n));
  return { m, titles };
}

// corpus4 seed 89: « ENGAGEMENT 3 » sums one fiche with no money (=SUM(E25:E25) showing 0), « ENGAGEMENT 4 » one fiche.
test("an engagement row whose one fiche has no money, then one over a single fiche: both sub-totals, no false total-formula", () => {
  const fs = fiches(5);
  fs[3] = zero(fs[3]!);
  const { m, titles } = sumsOnTitles([3, 1, 1], fs);
  const d = recognise(m.wb).detail!;
  expect(d.groups.map((g) => g.subtotalRow)).toEqual(titles);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

describe("a misread column gives the one layout-incomplete, not a finding per row", () => {
  test("a column read as the balance at 31/12 of the previous year that does not make the cumulative with the year: doubtful, not summed", () => {
    const cols = standardCols();
    cols.push({ head: "Réalisé au 31/12/2021", key: "prior" });
    const m = miniDetail({ cols });
    const col = lettersToCol(m.colOf.prior!);
    // Another table's figures sit there (a summary laid to the right): they add up to nothing of this table.
    [...m.rowOfFiche.values()].forEach((r, i) => setCell(m.sheet, r, col, { value: 1000 * (i + 1) + 17 }));
    setCell(m.sheet, m.totalRow!, col, { value: 1 });
    const d = recognise(m.wb).detail!;
    expect(d.columns.realisedPrior).toBe(col);
    expect(d.doubtful).toContain("realisedPrior");
    expect(loud(checkAnnex(m.wb).findings)).toEqual([`layout-incomplete ${m.colOf.fiche}${m.headerRows[0]}`]);
  });

  test("the same column when it does make the cumulative: confirmed, its TOTAL checked", () => {
    const cols = standardCols();
    cols.push({ head: "Réalisé au 31/12/2021", key: "prior" });
    const fs = fiches();
    const m = miniDetail({ cols, fiches: fs });
    const col = lettersToCol(m.colOf.prior!);
    let sum = 0;
    fs.forEach((f) => {
      setCell(m.sheet, m.rowOfFiche.get(String(f.n))!, col, { value: f.realisedSince - f.realisedLast });
      sum += f.realisedSince - f.realisedLast;
    });
    setCell(m.sheet, m.totalRow!, col, { value: sum + 5000 });
    expect(recognise(m.wb).detail!.doubtful).toEqual([]);
    // (typed as a number beside SUM formulas: total-formula says so too)
    expect(loud(checkAnnex(m.wb).findings).filter((f) => !f.startsWith("total-formula"))).toEqual([`total-row ${m.colOf.prior}${m.totalRow}`]);
  });

  test("a source column holding amounts: doubtful, no source-funder per fiche", () => {
    const m = miniDetail();
    const col = lettersToCol(m.colOf.source!);
    [...m.rowOfFiche.values()].forEach((r, i) => setCell(m.sheet, r, col, { value: 25000 * (i + 1) }));
    const d = recognise(m.wb).detail!;
    expect(d.doubtful).toContain("source");
    expect(loud(checkAnnex(m.wb).findings)).toEqual([`layout-incomplete ${m.colOf.fiche}${m.headerRows[0]}`]);
  });

  test("a header row inside the body (years and « Montant » typed in the amount columns) is never a fiche, whatever its first cell", () => {
    const m = miniDetail({ total: false });
    const at = m.headerRows[m.headerRows.length - 1]!;
    const row: Cell[] = [];
    row[lettersToCol(m.colOf.fiche!) - 1] = { value: 7 };
    row[lettersToCol(m.colOf.ms2021!) - 1] = { value: "2021" };
    row[lettersToCol(m.colOf.ms2022!) - 1] = { value: "2022" };
    row[lettersToCol(m.colOf.budget!) - 1] = { value: "Montant (€)" };
    m.sheet.cells.splice(at, 0, row);
    m.sheet.rowCount++;
    const d = recognise(m.wb).detail!;
    expect(d.rows.find((r) => r.row === at + 1)!.kind).not.toBe("fiche");
    expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(4);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("one amount typed as text on a fiche row stays a fiche (number-as-text reports it)", () => {
    const m = miniDetail();
    const r = m.rowOfFiche.get("2")!;
    setCell(m.sheet, r, lettersToCol(m.colOf.ms2021!), { value: "10 014 €" });
    expect(recognise(m.wb).detail!.rows.find((x) => x.row === r)!.kind).toBe("fiche");
    expect(loud(checkAnnex(m.wb).findings)).toContain(`number-as-text ${m.colOf.ms2021}${r}`);
  });
});

describe("fiche-numbering across tables only when both tables' rows are confirmed by their sums", () => {
  function annex(totalOver: MiniFiche[]) {
    const fs = fiches(4);
    const { wb } = miniDetail({ fiches: fs });
    const s = miniSummary(wb, fs.slice(1));
    const r = 3 + 3;
    setCell(s.sheet, r, 1, { value: "TOTAL" });
    const sums: Record<string, number> = {
      budget: totalOver.reduce((a, f) => a + budgetOf(f), 0),
      departement: totalOver.reduce((a, f) => a + f.ms[0]! + f.ms[1]! + f.dgas[0]! + f.dgas[1]!, 0),
      fir: totalOver.reduce((a, f) => a + f.fir[0]! + f.fir[1]!, 0),
      etat: totalOver.reduce((a, f) => a + f.etat[0]! + f.etat[1]!, 0),
      ondam: totalOver.reduce((a, f) => a + f.ondam[0]! + f.ondam[1]!, 0),
      consumedLastYear: totalOver.reduce((a, f) => a + f.realisedLast, 0),
      consumedSinceStart: totalOver.reduce((a, f) => a + f.realisedSince, 0),
      consumedPrior: totalOver.reduce((a, f) => a + f.realisedSince - f.realisedLast, 0),
    };
    for (const [k, v] of Object.entries(sums)) setCell(s.sheet, r, lettersToCol(s.colOf[k]!), { value: v });
    return { wb, s, fs };
  }

  test("the summary's TOTAL counts a fiche its rows do not show (a row lost to the reading): no « fiche only in » finding", () => {
    const fs = fiches(4);
    const { wb } = annex(fs);
    expect(checkAnnex(wb).findings.filter((f) => f.rule === "fiche-numbering")).toEqual([]);
  });

  test("the summary's TOTAL agrees with its rows: the fiche missing from it is reported", () => {
    const fs = fiches(4);
    const { wb } = annex(fs.slice(1));
    expect(
      checkAnnex(wb)
        .findings.filter((f) => f.rule === "fiche-numbering")
        .map((f) => f.fiche),
    ).toEqual(["1"]);
  });
});

// corpus4 seed 347 (values only): « Axe 1 » titles carrying a stray figure (another table's, laid beside), « S/T axe 1 ».
test("a title row with a stray figure is not the sub-total: the row under the fiches that adds them up is", () => {
  const m = miniDetail({ fiches: fiches(6), engagements: [3, 3] });
  for (const cells of m.sheet.cells) for (const cell of cells ?? []) if (cell?.formula) delete cell.formula;
  m.subtotalRows.forEach((r, i) => setCell(m.sheet, r, 1, { value: `S/T axe ${i + 1}` }));
  const col = lettersToCol(m.colOf.realisedSinceStart!);
  const titles = m.subtotalRows.map((r) => r - 4);
  titles.forEach((t) => {
    expect(String(m.sheet.cells[t - 1]![0]!.value)).toMatch(/^Engagement/);
    // The first fiche's figure, as a table beside would put it: the title « adds up » on that one column by chance.
    setCell(m.sheet, t, col, { value: m.sheet.cells[t]![col - 1]!.value });
  });
  const d = recognise(m.wb).detail!;
  expect(d.groups.map((g) => g.subtotalRow)).toEqual(m.subtotalRows);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("another table's header under blank rows ends the detail table, even with header words in its amount columns", () => {
  const m = miniDetail({ total: false });
  const last = Math.max(...m.rowOfFiche.values());
  const at = last + 3;
  m.sheet.cells[m.headerRows[0]! - 1]!.forEach((cell, i) => cell && setCell(m.sheet, at, i + 1, { value: cell.value }));
  m.sheet.cells[m.headerRows[1]! - 1]!.forEach((cell, i) => cell && setCell(m.sheet, at + 1, i + 1, { value: cell.value }));
  const d = recognise(m.wb).tables.find((t) => t.kind === "detail" && t.range.r1 === m.headerRows[0])!;
  expect(d.range.r2).toBe(last);
});

describe("a fiche spread over rows with its number written on each", () => {
  function repeated() {
    const fs = fiches(4);
    const m = miniDetail({ fiches: fs, split: [1] });
    const first = m.rowOfFiche.get("2")!;
    const fc = lettersToCol(m.colOf.fiche!);
    m.sheet.merges = m.sheet.merges.filter((g) => !(g.c1 === fc && g.r1 === first));
    setCell(m.sheet, first + 1, fc, { value: 2 });
    setCell(m.sheet, first + 1, lettersToCol(m.colOf.label!), { value: "dont volet 2 : fonctionnement" });
    return { m, first, fc };
  }

  test("is one fiche: its source from both rows, no duplicate, no finding", () => {
    const { m, first } = repeated();
    const d = recognise(m.wb).detail!;
    expect(d.rows.find((r) => r.row === first + 1)).toMatchObject({ kind: "continuation", continuationOf: "2" });
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  // corpus3 seed 194: FA09 renumbered FA08, the same objective and type as its neighbour, a label of its own.
  test("the next fiche given its neighbour's number, with the same objective and type, is still a duplicate", () => {
    const m = miniDetail({ fiches: fiches(4) });
    const r3 = m.rowOfFiche.get("3")!;
    setCell(m.sheet, r3, lettersToCol(m.colOf.fiche!), { value: 2 });
    expect(loud(checkAnnex(m.wb).findings)).toContain(`fiche-numbering ${m.colOf.fiche}${r3}`);
  });

  // corpus4 seed 253: A3 twice, the same label, objective and type on both rows (an indicator of its own).
  test("a row repeating its neighbour's number, label, objective and type is still a duplicate", () => {
    const m = miniDetail({ fiches: fiches(4) });
    const r2 = m.rowOfFiche.get("2")!;
    const r3 = m.rowOfFiche.get("3")!;
    const lc = lettersToCol(m.colOf.label!);
    setCell(m.sheet, r3, lettersToCol(m.colOf.fiche!), { value: 2 });
    setCell(m.sheet, r3, lc, { value: m.sheet.cells[r2 - 1]![lc - 1]!.value });
    expect(loud(checkAnnex(m.wb).findings)).toContain(`fiche-numbering ${m.colOf.fiche}${r3}`);
  });

  test("the next fiche given its neighbour's number (its own objective) is still a duplicate", () => {
    const m = miniDetail({ fiches: fiches(4) });
    const fc = lettersToCol(m.colOf.fiche!);
    const r3 = m.rowOfFiche.get("3")!;
    setCell(m.sheet, r3, fc, { value: 2 });
    setCell(m.sheet, r3, lettersToCol(m.colOf.objective!), { value: "Objectif 11 : Renforcer l'ODPE" });
    expect(loud(checkAnnex(m.wb).findings)).toContain(`fiche-numbering ${m.colOf.fiche}${r3}`);
  });
});
