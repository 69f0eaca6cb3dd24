// Issue #10: the header band. How many header rows a table has (up to four, groups over groups over blocks over years),
// and how groups, merged, written over their first column only or repeated, and single headers merged down, written
// on the top row or on the bottom row, combine into each column's header.
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters, lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols, type MiniAnnex } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

type Align = "merge" | "top" | "bottom";
type Groups = "merge" | "first" | "repeat";
interface BandCol {
  path: string[];
  key: string;
}

/**
 * A detail annex whose header is `depth` rows: each column's path written level by level, groups (consecutive columns
 * with the same prefix) merged, over their first column only or repeated; a column's own header (its last level)
 * merged down to the bottom row, or left where it is (top: paths from the top row; bottom: paths ending on the bottom row).
 */
function banded(cols: BandCol[], depth: number, align: Align, groups: Groups, opts: { title?: string; top?: number } = {}): MiniAnnex {
  const top = opts.top ?? 2;
  const bottom = top + depth - 1;
  const m = miniDetail({ cols: cols.map((c) => ({ head: c.path[c.path.length - 1]!, key: c.key })), top: bottom });
  const s = m.sheet;
  // The one-row header miniDetail wrote (and its title) give way to the band.
  for (let r = 1; r <= bottom; r++) s.cells[r - 1] = [];
  s.merges = s.merges.filter((x) => x.r1 > bottom);
  if (opts.title) {
    setCell(s, top - 1, 1, { value: opts.title });
    s.merges.push({ r1: top - 1, c1: 1, r2: top - 1, c2: 8 });
  }
  const rowOf = (c: BandCol, level: number) => (align === "bottom" ? bottom - c.path.length + 1 + level : top + level);
  for (let level = 0; level < depth - 1; level++) {
    let i = 0;
    while (i < cols.length) {
      const c = cols[i]!;
      if (level >= c.path.length - 1) {
        i++;
        continue;
      }
      const prefix = c.path.slice(0, level + 1).join("\u0001");
      let j = i + 1;
      while (
        j < cols.length &&
        cols[j]!.path.length - 1 > level &&
        cols[j]!.path.slice(0, level + 1).join("\u0001") === prefix &&
        rowOf(cols[j]!, level) === rowOf(c, level)
      )
        j++;
      const r = rowOf(c, level);
      if (groups === "repeat") for (let x = i; x < j; x++) setCell(s, r, x + 1, { value: c.path[level]! });
      else {
        setCell(s, r, i + 1, { value: c.path[level]! });
        if (groups === "merge" && j - i > 1) s.merges.push({ r1: r, c1: i + 1, r2: r, c2: j });
      }
      i = j;
    }
  }
  cols.forEach((c, i) => {
    const r = rowOf(c, c.path.length - 1);
    const leaf = c.path[c.path.length - 1]!;
    setCell(s, r, i + 1, { value: /^20\d\d$/.test(leaf) ? Number(leaf) : leaf });
    if (align === "merge" && r < bottom) s.merges.push({ r1: r, c1: i + 1, r2: bottom, c2: i + 1 });
  });
  return { ...m, headerRows: Array.from({ length: depth }, (_, i) => top + i) };
}

const YEARS = [2021, 2022];
const singles: BandCol[] = [
  { path: ["N° fiche"], key: "fiche" },
  { path: ["Intitulé de la fiche action"], key: "label" },
  { path: ["Intitulé de l'objectif"], key: "objective" },
  { path: ["Obj. fondamental/ facultatif"], key: "objectiveType" },
  { path: ["Budget global"], key: "budget" },
];
const block = (up: string[], name: string, b: string, year: (y: number) => string, total: string): BandCol[] => [
  ...YEARS.map((y) => ({ path: [...up, name, year(y)], key: `${b}${y}` })),
  { path: [...up, name, total], key: `${b}Total` },
];
const realised: BandCol[] = [
  { path: ["Réalisations en 2022"], key: "realisedLastYear" },
  { path: ["Taux d'exécution 2022"], key: "rateLastYear" },
  { path: ["Réalisations depuis 2021"], key: "realisedSinceStart" },
  { path: ["Taux d'exécution global"], key: "rateGlobal" },
  { path: ["Écart prévu - réalisé"], key: "gap" },
];

/** Four levels: « PRÉVISIONNEL » / « Département » or « Cofinanceurs » / the block / « Prévu 2021 », « Sous-total ». */
function fourLevels(): BandCol[] {
  const prevu = (y: number) => `Prévu ${y}`;
  return [
    ...singles,
    ...block(["PRÉVISIONNEL", "Département"], "Masse salariale", "ms", prevu, "Sous-total"),
    ...block(["PRÉVISIONNEL", "Département"], "Crédits DGAS", "dgas", prevu, "Sous-total"),
    ...block(["PRÉVISIONNEL", "Département"], "Total Département", "cd", prevu, "Sous-total"),
    { path: ["Source de co-financement"], key: "source" },
    ...block(["PRÉVISIONNEL", "Cofinanceurs"], "ARS - FIR", "fir", prevu, "Sous-total"),
    ...block(["PRÉVISIONNEL", "Cofinanceurs"], "Crédits État (P304)", "etat", prevu, "Sous-total"),
    ...block(["PRÉVISIONNEL", "Cofinanceurs"], "ONDAM médico-social", "ondam", prevu, "Sous-total"),
    ...realised,
  ];
}

describe("headers on four rows", () => {
  const cases: Array<[Align, Groups]> = [
    ["merge", "first"],
    ["merge", "merge"],
    ["top", "first"],
    ["bottom", "first"],
    ["merge", "repeat"],
  ];
  test.each(cases)("single headers %s, groups %s: every column read, its header rows all four, no finding", (align, groups) => {
    const m = banded(fourLevels(), 4, align, groups);
    const d = recognise(m.wb).detail!;
    expect(d).not.toBeNull();
    expect(d.headerRows).toEqual(m.headerRows);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(d.missing).toEqual([]);
    // Each column's header text is its own path, every level of it and nothing of its neighbours' groups.
    const texts = Object.fromEntries(fourLevels().map((c) => [c.key, d.headers[lettersToCol(m.colOf[c.key]!)]]));
    expect(texts).toEqual(Object.fromEntries(fourLevels().map((c) => [c.key, c.path.join(" ")])));
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test.each<[Groups]>([["first"], ["merge"]])("groups %s: a hidden column between two blocks (« Code analytique ») is no part of either", (groups) => {
    const cols = fourLevels();
    const at = cols.findIndex((c) => c.key === "dgas2021");
    cols.splice(at, 0, { path: ["Code analytique"], key: "code" });
    const m = banded(cols, 4, "bottom", groups);
    m.sheet.hiddenCols.add(at + 1);
    const d = recognise(m.wb).detail!;
    const { code: _code, ...colOf } = m.colOf;
    expect(columnLetters(d)).toMatchObject(colOf);
    expect(d.headers[at + 1]).toBe("Code analytique");
    expect(d.hiddenCols).toEqual([at + 1]);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a title merged over the first columns above the band is no group of it", () => {
    const m = banded(fourLevels(), 4, "merge", "merge", { title: "CONTRAT DÉPARTEMENTAL DE PRÉVENTION ET DE PROTECTION DE L'ENFANCE", top: 3 });
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual([3, 4, 5, 6]);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a block's total under its group (« Sous-total ») carries every level of it in its header text", () => {
    const m = banded(fourLevels(), 4, "merge", "first");
    const d = recognise(m.wb).detail!;
    const col = lettersToCol(m.colOf.dgasTotal!);
    expect(d.headers[col]).toMatch(/PRÉVISIONNEL.*Département.*Crédits DGAS.*Sous-total/);
  });
});

describe("identical sub-headers under different groups", () => {
  // « Exécution 2022 » / Montant, Taux and « Exécution cumulée 2021-2022 » / Montant, Taux: two groups, four columns.
  const execution = (depth: number, rate = "Taux"): BandCol[] => {
    const up = depth === 3 ? ["RÉALISATIONS"] : [];
    return [
      ...singles,
      ...block([], "Masse salariale", "ms", String, "Total"),
      ...block([], "Budget DGAS", "dgas", String, "Total"),
      { path: ["Source de co-financement"], key: "source" },
      ...block([], "FIR", "fir", String, "Total"),
      ...block([], "ETAT", "etat", String, "Total"),
      ...block([], "ONDAM", "ondam", String, "Total"),
      { path: [...up, "Exécution 2022", "Montant"], key: "realisedLastYear" },
      { path: [...up, "Exécution 2022", rate], key: "rateLastYear" },
      { path: [...up, "Exécution cumulée 2021-2022", "Montant"], key: "realisedSinceStart" },
      { path: [...up, "Exécution cumulée 2021-2022", rate], key: "rateGlobal" },
      { path: ["Écart prévu - réalisé"], key: "gap" },
    ];
  };
  const cases: Array<[number, Align, Groups, string]> = [
    [2, "merge", "merge", "Taux"],
    [2, "merge", "first", "Taux"],
    [2, "bottom", "first", "Taux"],
    [2, "bottom", "merge", "Taux"],
    [3, "merge", "first", "Taux"],
    [3, "bottom", "merge", "Taux"],
    // A rate word that means the year's rate alone (« Taux d'exécution ») is the cumulative's under its group.
    [2, "merge", "first", "Taux d'exécution"],
    [2, "bottom", "first", "Taux d'exécution (%)"],
    [3, "merge", "first", "Taux de consommation"],
  ];
  test.each(cases)("%i rows, single headers %s, groups %s, « %s »: each column's header text names its own group", (depth, align, groups, rate) => {
    const cols = execution(depth, rate);
    // Two rows: the blocks are the groups; three: the blocks sit under the band's top row with the singles.
    const m = banded(cols, depth, align, groups);
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    const text = (k: string) => d.headers[lettersToCol(m.colOf[k]!)] ?? "";
    expect(text("realisedLastYear")).toMatch(/Exécution 2022.*Montant/);
    expect(text("rateLastYear")).toMatch(/Exécution 2022.*(Taux|%)/);
    expect(text("realisedSinceStart")).toMatch(/Exécution cumulée 2021-2022.*Montant/);
    expect(text("rateGlobal")).toMatch(/Exécution cumulée 2021-2022.*(Taux|%)/);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("where the band ends", () => {
  test("a summary beside the detail, its header on the detail's first body row (an engagement title): the detail's band stays two rows", () => {
    const m = miniDetail({ engagements: [2, 2] });
    const beside = miniSummary(m.wb, fiches(), YEARS, "tmp");
    m.wb.sheets.splice(m.wb.sheets.indexOf(beside.sheet), 1);
    const off = (m.sheet.cells[m.headerRows[0]! - 1] ?? []).length + 2;
    const down = m.headerRows[1]!;
    beside.sheet.cells.forEach((row, r) => row?.forEach((cell, c) => cell && setCell(m.sheet, r + 1 + down, c + 1 + off, cell)));
    const layout = recognise(m.wb);
    expect(layout.detail!.headerRows).toEqual(m.headerRows);
    expect(columnLetters(layout.detail!)).toMatchObject(m.colOf);
    // (The summary's band is another matter: its columns are what counts here.)
    const shifted = Object.fromEntries(Object.entries(beside.colOf).map(([k, L]) => [k, colToLetters(lettersToCol(L) + off)]));
    expect(columnLetters(layout.summary!)).toMatchObject(shifted);
  });
});

describe("generic sub-headers under a group written once", () => {
  test.each([["Taux"], ["€"], ["Montant (€)"], ["%"]])(
    "« Exécution budgétaire » / « Année 2022 » over its first column only: « %s » after it is still under both",
    (word) => {
      const cols: BandCol[] = [
        ...singles,
        ...block([], "Masse salariale", "ms", String, "Total"),
        ...block([], "Budget DGAS", "dgas", String, "Total"),
        { path: ["Source de co-financement"], key: "source" },
        ...block([], "FIR", "fir", String, "Total"),
        ...block([], "ETAT", "etat", String, "Total"),
        ...block([], "ONDAM", "ondam", String, "Total"),
        { path: ["Exécution budgétaire", "Année 2022", "Réalisé"], key: "realisedLastYear" },
        { path: ["Exécution budgétaire", "Année 2022", word], key: "rateLastYear" },
        { path: ["Réalisations depuis 2021"], key: "realisedSinceStart" },
        { path: ["Taux d'exécution global"], key: "rateGlobal" },
        { path: ["Écart prévu - réalisé"], key: "gap" },
      ];
      const m = banded(cols, 3, "bottom", "first");
      const d = recognise(m.wb).detail!;
      expect(d.headers[lettersToCol(m.colOf.rateLastYear!)]).toBe(`Exécution budgétaire Année 2022 ${word}`);
    },
  );
});

describe("a group's span", () => {
  const cols = (): BandCol[] => [
    ...fourLevels().filter((c) => !["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].includes(c.key)),
    { path: ["EXÉCUTION", "Année 2022", "Montant"], key: "realisedLastYear" },
    { path: ["EXÉCUTION", "Année 2022", "Taux d'exécution"], key: "rateLastYear" },
    { path: ["EXÉCUTION", "Depuis 2021", "Montant"], key: "realisedSinceStart" },
    { path: ["EXÉCUTION", "Depuis 2021", "Taux d'exécution"], key: "rateGlobal" },
    { path: ["Solde"], key: "gap" },
  ];
  // (Written over their first column only, « EXÉCUTION » beside « PRÉVISIONNEL » could as well be one of its groups.)
  test("groups merged: « PRÉVISIONNEL » over the blocks does not reach « EXÉCUTION » beside it", () => {
    const m = banded(cols(), 4, "bottom", "merge");
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual(m.headerRows);
    // (« Solde » alone on the bottom row after the group may be read under it or not: it means the same either way.)
    const own = cols().filter((c) => c.key !== "gap");
    const texts = Object.fromEntries(own.map((c) => [c.key, d.headers[lettersToCol(m.colOf[c.key]!)]]));
    expect(texts).toEqual(Object.fromEntries(own.map((c) => [c.key, c.path.join(" ")])));
    expect(d.headers[lettersToCol(m.colOf.gap!)]).toMatch(/^(EXÉCUTION Depuis 2021 )?Solde$/);
  });
});

describe("years typed as numbers under groups written over their first column only", () => {
  // « Prévisionnel » / « Part du Département » / « Financement Département » over 2022, 2023 typed as numbers, single
  // headers on the bottom row (corpus5 seeds 503, 519): the band is read whole, every year kept.
  const year = (y: number) => String(y);
  const numbered = (): BandCol[] => [
    ...singles,
    ...block(["PRÉVISIONNEL", "Part du Département"], "Masse salariale", "ms", year, "Cumul 2021-2022"),
    ...block(["PRÉVISIONNEL", "Part du Département"], "Budget DGAS", "dgas", year, "Cumul 2021-2022"),
    ...block(["PRÉVISIONNEL", "Part du Département"], "Financement Département", "cd", year, "Cumul 2021-2022"),
    { path: ["Source de co-financement"], key: "source" },
    ...block(["PRÉVISIONNEL", "Autres financeurs"], "FIR", "fir", year, "Cumul 2021-2022"),
    ...block(["PRÉVISIONNEL", "Autres financeurs"], "CNSA", "ondam", year, "Cumul 2021-2022"),
    ...block(["PRÉVISIONNEL", "Autres financeurs"], "Crédits d'État", "etat", year, "Cumul 2021-2022"),
    ...realised,
  ];
  test.each<[number, Groups]>([
    [4, "first"],
    [4, "merge"],
  ])("%i rows, groups %s: every block read with its years", (depth, groups) => {
    const m = banded(numbered(), depth, "bottom", groups);
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual(m.headerRows);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(d.missing).toEqual([]);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("three rows, the block's total before its years (« MASSE SALARIALE » / « TOTAL MASSE SALARIALE », 2021, 2022)", () => {
    const first = (up: string[], name: string, b: string): BandCol[] => [
      { path: [...up, name, `Total ${name}`], key: `${b}Total` },
      ...YEARS.map((y) => ({ path: [...up, name, String(y)], key: `${b}${y}` })),
    ];
    const cols: BandCol[] = [
      ...singles,
      ...first(["PART DU DÉPARTEMENT"], "MASSE SALARIALE", "ms"),
      ...first(["PART DU DÉPARTEMENT"], "DGAS", "dgas"),
      ...first(["AUTRES FINANCEURS"], "FONDS D'INTERVENTION RÉGIONAL", "fir"),
      ...first(["AUTRES FINANCEURS"], "ETAT - BOP 304", "etat"),
      ...first(["AUTRES FINANCEURS"], "ONDAM", "ondam"),
      { path: ["SOURCE DE CO-FINANCEMENT"], key: "source" },
      ...realised,
    ];
    const m = banded(cols, 3, "bottom", "first");
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual(m.headerRows);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("a deep band beside a shallow table", () => {
  // A four-row detail beside a summary whose header is one row on the detail's top row: the summary's engagement
  // title and fiches sit on the detail's lower header rows (corpus5 seeds 46, 245). The detail's band is still four.
  test.each<[Groups]>([["merge"], ["first"]])("groups %s: the detail's band is four rows, every year read", (groups) => {
    const m = banded(fourLevels(), 4, "merge", groups);
    const beside = miniSummary(m.wb, fiches(), YEARS, "tmp");
    m.wb.sheets.splice(m.wb.sheets.indexOf(beside.sheet), 1);
    const off = fourLevels().length + 2;
    const down = m.headerRows[0]! - 1;
    beside.sheet.cells.forEach((row, r) => row?.forEach((cell, c) => cell && setCell(m.sheet, r + 1 + down, c + 1 + off, cell)));
    const layout = recognise(m.wb);
    expect(layout.detail!.headerRows).toEqual(m.headerRows);
    expect(columnLetters(layout.detail!)).toMatchObject(m.colOf);
    const shifted = Object.fromEntries(Object.entries(beside.colOf).map(([k, L]) => [k, colToLetters(lettersToCol(L) + off)]));
    expect(columnLetters(layout.summary!)).toMatchObject(shifted);
  });
});

describe("a bare numbered title under a column of titles", () => {
  // « Engagement » over « Engagement 1 » (the summary's first body row, on the detail's second header row; corpus5
  // seeds 310, 344, 394, 600): the title is the column's first value, the column the summary's engagements.
  test.each([["Engagement"], ["ENGAGEMENT"]])("« %s » / « … 1 »: the summary's engagement column is read", (head) => {
    const m = banded(fourLevels(), 4, "merge", "merge");
    const beside = miniSummary(m.wb, fiches(), YEARS, "tmp");
    m.wb.sheets.splice(m.wb.sheets.indexOf(beside.sheet), 1);
    setCell(beside.sheet, 1, 1, { value: head });
    setCell(beside.sheet, 2, 1, { value: `${head} 1` });
    const off = fourLevels().length + 2;
    const down = m.headerRows[0]! - 1;
    beside.sheet.cells.forEach((row, r) => row?.forEach((cell, c) => cell && setCell(m.sheet, r + 1 + down, c + 1 + off, cell)));
    const layout = recognise(m.wb);
    expect(columnLetters(layout.detail!)).toMatchObject(m.colOf);
    const shifted = Object.fromEntries(Object.entries(beside.colOf).map(([k, L]) => [k, colToLetters(lettersToCol(L) + off)]));
    expect(columnLetters(layout.summary!)).toMatchObject(shifted);
  });
});

describe("a row of units under the header", () => {
  // « € » under every amount, « % » under every rate, blank under the texts: a header row, not the table's first row.
  test.each([
    ["€", "%"],
    ["en €", "en %"],
    ["k€", "%"],
    ["(en euros)", "(%)"],
  ])("units « %s » and « %s »: the band takes the row, every column read, no finding", (money, rate) => {
    const m = miniDetail();
    const s = m.sheet;
    const under = m.headerRows[m.headerRows.length - 1]!;
    const units = standardCols().map((c) =>
      /^rate/.test(c.key) ? rate : /^(ms|dgas|cd|fir|etat|ondam)(20\d{2}|Total)$|^(budget|realised|gap)/.test(c.key) ? money : null,
    );
    s.cells.splice(under, 0, []);
    s.rowCount++;
    s.merges = s.merges.map((x) => (x.r1 > under ? { ...x, r1: x.r1 + 1, r2: x.r2 + 1 } : x));
    for (const cell of s.cells.flat())
      if (cell?.formula) cell.formula = cell.formula.replace(/([A-Z]+)(\d+)/g, (_, L, n) => `${L}${Number(n) > under ? Number(n) + 1 : n}`);
    units.forEach((u, i) => u && setCell(s, under + 1, i + 1, { value: u }));
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual([...m.headerRows, under + 1]);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("single headers on the top row over one group of groups", () => {
  // « MOYENS FINANCIERS PRÉVISIONNELS » beside the single headers, over « FONDS PROPRES » and « FINANCEMENTS
  // PARTENAIRES », over the blocks, over the years; each written over its first column only (corpus5 seeds 114, 116,
  // 397): the band is four rows, though one group only of the second row sits under a blank cell.
  const prevu = (y: number) => `Prévu ${y}`;
  const cols = (): BandCol[] => [
    ...singles,
    ...block(["MOYENS FINANCIERS PRÉVISIONNELS", "FONDS PROPRES"], "MASSE SALARIALE", "ms", prevu, "2021-2022"),
    ...block(["MOYENS FINANCIERS PRÉVISIONNELS", "FONDS PROPRES"], "BUDGET DGAS", "dgas", prevu, "2021-2022"),
    ...block(["MOYENS FINANCIERS PRÉVISIONNELS", "FONDS PROPRES"], "TOTAL FONDS PROPRES", "cd", prevu, "2021-2022"),
    ...block(["MOYENS FINANCIERS PRÉVISIONNELS", "FINANCEMENTS PARTENAIRES"], "ARS", "fir", prevu, "2021-2022"),
    ...block(["MOYENS FINANCIERS PRÉVISIONNELS", "FINANCEMENTS PARTENAIRES"], "ÉTAT", "etat", prevu, "2021-2022"),
    ...block(["MOYENS FINANCIERS PRÉVISIONNELS", "FINANCEMENTS PARTENAIRES"], "ONDAM", "ondam", prevu, "2021-2022"),
    { path: ["SOURCE DE CO-FINANCEMENT"], key: "source" },
    ...realised,
  ];
  test.each<[Groups]>([["first"], ["merge"]])("groups %s: four rows, every column read, no finding", (groups) => {
    const m = banded(cols(), 4, "top", groups);
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual(m.headerRows);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("single headers on the top row, a group of one group on each side of the source", () => {
  // « Prévisionnel » over « Part du Département » over « Part CD » over the years, then « Financeur(s) », then
  // « Prévisionnel » over « Financements partenaires » over the co-financers, each written over its first column only
  // (corpus5 seed 397): no sub-header of the second row sits under a blank cell, the band is still four rows.
  const cols = (): BandCol[] => [
    ...singles,
    ...block(["Prévisionnel", "Part du Département"], "Part CD", "cd", String, "2021-2022"),
    { path: ["Financeur(s)"], key: "source" },
    ...block(["Prévisionnel", "Financements partenaires"], "ARS", "fir", String, "2021-2022"),
    ...block(["Prévisionnel", "Financements partenaires"], "État", "etat", String, "2021-2022"),
    ...block(["Prévisionnel", "Financements partenaires"], "Assurance maladie", "ondam", String, "2021-2022"),
    // (« Exécution » on the third row, nothing over it: the last text of the top row is « Prévisionnel ».)
    ...realised.map((c) => ({ ...c, path: ["", "", "Exécution", c.path[0]!] })),
  ];
  test("four rows, every column read, no finding", () => {
    const m = banded(cols(), 4, "top", "first");
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual(m.headerRows);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("a group starting on the second row right after the top row's last header", () => {
  // « Origine du co-financement » last on the top row, then « Prévisionnel » on the second row over « Cofinanceurs »
  // over « ARS », « Crédits assurance maladie »… (corpus5 seed 35): those columns belong to the band too.
  const cols = (): BandCol[] => [
    { path: ["Réf. fiche"], key: "fiche" },
    { path: ["Pilote"], key: "x-pilote" },
    { path: ["Fiche action"], key: "label" },
    { path: ["Observations"], key: "x-observations" },
    { path: ["Nombre de bénéficiaires"], key: "x-beneficiaires" },
    { path: ["Intitulé de l'objectif"], key: "objective" },
    { path: ["Total des moyens prévus en €"], key: "budget" },
    ...block(["Prévisionnel", "Financement départemental"], "Charges de personnel valorisées", "ms", (y) => `Année ${y}`, "2021-2022"),
    ...block(["Prévisionnel", "Financement départemental"], "Crédits DGAS", "dgas", (y) => `Année ${y}`, "2021-2022"),
    ...block(["Prévisionnel", "Financement départemental"], "Financement Département", "cd", (y) => `Année ${y}`, "2021-2022"),
    { path: ["Origine du co-financement"], key: "source" },
    { path: ["", "Prévisionnel", "Cofinanceurs", "ARS"], key: "firTotal" },
    { path: ["", "Prévisionnel", "Cofinanceurs", "Crédits d'État"], key: "etatTotal" },
    { path: ["", "Prévisionnel", "Cofinanceurs", "Crédits assurance maladie"], key: "ondamTotal" },
    ...realised.map((c) => ({ ...c, path: ["", "", "Suivi de l'exécution", c.path[0]!] })),
  ];
  test("four rows, every column read, no finding", () => {
    const m = banded(cols(), 4, "top", "first");
    // (Nothing at all over the co-financers on the top row, not even an empty text.)
    m.sheet.cells.forEach((row) => row?.forEach((cell, c) => cell?.value === "" && delete row[c]));
    const d = recognise(m.wb).detail!;
    expect(d).not.toBeNull();
    expect(d.headerRows).toEqual(m.headerRows);
    expect(columnLetters(d)).toMatchObject(Object.fromEntries(Object.entries(m.colOf).filter(([k]) => !k.startsWith("x-"))));
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("a deep band whose upper rows alone read as a summary", () => {
  // « Moyens prévus » / « Part du Département » / « Valorisation masse salariale » / « BP 2021 », single headers merged
  // down, beside a one-row summary whose fiches start on the detail's third row (corpus5 seed 498): the upper rows
  // alone read as a summary (« Part du Département », « Crédits prévus 2021-2022 »), the band as a whole is the detail.
  test("the detail is read at four rows, the summary beside it", () => {
    const bp = (y: number) => `BP ${y}`;
    const cols: BandCol[] = [
      { path: ["Code fiche"], key: "fiche" },
      { path: ["Action"], key: "label" },
      { path: ["Objectif national"], key: "objective" },
      { path: ["Obj. fondamental / facultatif"], key: "objectiveType" },
      ...block(["Moyens prévus", "Part du Département"], "Valorisation masse salariale", "ms", bp, "Cumul 2021-2022"),
      ...block(["Moyens prévus", "Part du Département"], "Budget DGAS", "dgas", bp, "Cumul 2021-2022"),
      ...block(["Moyens prévus", "Part du Département"], "Financement Département", "cd", bp, "Cumul 2021-2022"),
      { path: ["Co-financeur(s)"], key: "source" },
      { path: ["Moyens prévus", "Co-financements", "Montant FIR"], key: "firTotal" },
      { path: ["Moyens prévus", "Co-financements", "État (P304)"], key: "etatTotal" },
      { path: ["Moyens prévus", "Co-financements", "ONDAM"], key: "ondamTotal" },
      { path: ["Crédits prévus 2021-2022"], key: "budget" },
      { path: ["RÉALISATIONS", "Consommé 2022"], key: "realisedLastYear" },
      { path: ["RÉALISATIONS", "Exécution cumulée 2021-2022"], key: "realisedSinceStart" },
      { path: ["RÉALISATIONS", "Taux d'exécution global"], key: "rateGlobal" },
      { path: ["RÉALISATIONS", "Écart prévu / réalisé"], key: "gap" },
    ];
    const m = banded(cols, 4, "merge", "merge", { top: 1 });
    const beside = miniSummary(m.wb, fiches(), YEARS, "tmp");
    m.wb.sheets.splice(m.wb.sheets.indexOf(beside.sheet), 1);
    setCell(beside.sheet, 2, 1, { value: "Engagement 1" });
    const off = cols.length + 2;
    beside.sheet.cells.forEach((row, r) => row?.forEach((cell, c) => cell && setCell(m.sheet, r + 1, c + 1 + off, cell)));
    const layout = recognise(m.wb);
    expect(layout.detail?.headerRows).toEqual(m.headerRows);
    expect(columnLetters(layout.detail!)).toMatchObject(m.colOf);
    const shifted = Object.fromEntries(Object.entries(beside.colOf).map(([k, L]) => [k, colToLetters(lettersToCol(L) + off)]));
    expect(columnLetters(layout.summary!)).toMatchObject(shifted);
  });
});

describe("year-major blocks on three rows, each group written over its first column only", () => {
  // « Prévisionnel » / « 2022 » / « Masse salariale », « Budget DGAS », « FIR »… then « Total 2021-2022 » over the
  // same funders (corpus6 seed 16): each funder under the year written over the first of them.
  const funders: Array<[string, string]> = [
    ["Masse salariale", "ms"],
    ["Budget DGAS", "dgas"],
    ["FIR", "fir"],
    ["ONDAM", "ondam"],
    ["ETAT", "etat"],
  ];
  const cols = (span: string): BandCol[] => [
    { path: ["N° fiche"], key: "fiche" },
    { path: ["Intitulés fiches actions"], key: "label" },
    { path: ["Prévisionnel", "Source de co-financement"], key: "source" },
    ...YEARS.flatMap((y) => funders.map(([name, b]) => ({ path: ["Prévisionnel", String(y), name], key: `${b}${y}` }))),
    ...funders.map(([name, b]) => ({ path: ["Prévisionnel", span, name], key: `${b}Total` })),
    { path: ["Prévisionnel", "Moyens financiers prévisionnels"], key: "budget" },
    ...realised,
  ];
  test.each<[Groups]>([["first"], ["merge"]])("groups %s: every funder's years and totals read", (groups) => {
    const m = banded(cols("Total 2021-2022"), 3, "merge", groups);
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual(m.headerRows);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
  test("a span of one year (« Total 2022-2022 ») over a funder is its total, not its year", () => {
    expect(classifyHeader("Total 2022-2022", "Masse salariale")).toEqual({ role: "msTotal" });
    expect(classifyHeader("Cumul 2022-2022", "FIR")).toEqual({ role: "firTotal" });
  });
});
