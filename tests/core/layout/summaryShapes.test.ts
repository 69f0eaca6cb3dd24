// Classes of summary tables misread or not found on corpus3: header shapes (groups repeated over each column, written
// over their first column only, short funder names) and summaries worded like a detail table. Each test builds a small
// summary beside the detail table of the same fiches, so that the reading and the findings (none) are both checked.
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { budgetOf, fiches, miniDetail, YEARS, type MiniFiche } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};

/** One summary column: its group (upper row, "" for none), its header (lower row) and its role. */
type Col = [group: string, head: string, role: string];
type GroupStyle = "first-only" | "repeat" | "merge";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
function summaryValue(f: MiniFiche, role: string): string | number {
  const mod = f.source
    .split("/")
    .map((x) => (x === "ETAT" ? "PLF" : x === "ONDAM" ? "AM" : x))
    .join("/");
  const values: Record<string, string | number> = {
    mesure: "Mesure 1",
    objectif: "Objectif 9",
    fiche: f.n,
    label: `Action ${f.n}`,
    budget: budgetOf(f),
    departement: sum(f.ms) + sum(f.dgas),
    fir: sum(f.fir),
    etat: sum(f.etat),
    ondam: sum(f.ondam),
    modalite: mod,
    consumedPrior: f.realisedSince - f.realisedLast,
    consumedLastYear: f.realisedLast,
    consumedSinceStart: f.realisedSince,
  };
  return values[role]!;
}

/**
 * The detail table of the fiches on its own sheet, then a summary on another sheet: a title row, two header rows
 * (groups written as `style` says), an engagement title row, one row per fiche, a TOTAL row.
 */
function annexWithSummary(cols: Col[], style: GroupStyle, opts: { top?: number; detailTop?: number; singleOnLower?: boolean } = {}) {
  const fs = fiches();
  const wb: WorkbookSnapshot = { sheets: [] };
  miniDetail({ fiches: fs, top: opts.detailTop, singleOnLower: opts.singleOnLower }, wb);
  const sheet = emptySheet("Récapitulatif");
  wb.sheets.push(sheet);
  const top = opts.top ?? 3;
  setCell(sheet, 1, 1, { value: "Rapport financier de la contractualisation — bilan d'exécution 2022" });
  const colOf: Record<string, string> = {};
  cols.forEach(([group, head, role], i) => {
    const c = i + 1;
    colOf[role] = colToLetters(c);
    const first = group && (i === 0 || cols[i - 1]![0] !== group);
    if (group && (first || style === "repeat")) setCell(sheet, top, c, { value: group });
    if (group && first && style === "merge") {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1]![0] === group) j++;
      if (j > i) sheet.merges.push({ r1: top, c1: c, r2: top, c2: j + 1 });
    }
    setCell(sheet, top + 1, c, { value: head });
  });
  setCell(sheet, top + 2, 1, { value: "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants" });
  const first = top + 3;
  fs.forEach((f, k) => cols.forEach(([, , role], i) => setCell(sheet, first + k, i + 1, { value: summaryValue(f, role) })));
  const totalRow = first + fs.length;
  setCell(sheet, totalRow, 1, { value: "TOTAL" });
  cols.forEach(([, , role], i) => {
    if (["mesure", "objectif", "fiche", "label", "modalite"].includes(role)) return;
    const L = colToLetters(i + 1);
    setCell(sheet, totalRow, i + 1, { value: sum(fs.map((f) => summaryValue(f, role) as number)), formula: `SUM(${L}${first}:${L}${totalRow - 1})` });
  });
  return { wb, colOf };
}

const y0 = YEARS[0]!;
const yn = YEARS[YEARS.length - 1]!;

describe("a planned-funding group named « Plan de financement »", () => {
  test.each([
    ["Plan de financement", "Montant total", "budget"],
    ["Plan de financement", "Total", "budget"],
    ["PLAN DE\nFINANCEMENT", "TOTAL\nEN EUROS", "budget"],
    ["Plan de financement", "FIR", "firTotal"],
    ["Plan de financement", "Département", "departement"],
  ])("« %s / %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
});

describe("the prior balance and the funding mode under other names", () => {
  test.each([
    ["", "Réalisé antérieur", "realisedPrior"],
    ["", "Réalisé\nantérieur (€)", "realisedPrior"],
    ["Exécution", "Antérieur", "realisedPrior"],
    ["Réalisations", "Antérieur", "realisedPrior"],
    ["", "Consommé antérieur", "consumedPrior"],
    ["", "Réalisé\njusqu'en 2024", "realisedTo2024"],
    ["", "FA n°", "fiche"],
    ["", "FA N°", "fiche"],
    ["", "Mode de financement", "modalite"],
    ["", "MODE DE\nFINANCEMENT", "modalite"],
  ])("« %s / %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });

  // corpus4 seeds 2, 10, 14: « Réalisé antérieur » read as the year's consumption, then « Réalisé 2026 » taken for the prior balance.
  test("« Réalisé antérieur | Réalisé 2022 | Budget consommé 2021-2022 »: prior, year, cumulative", () => {
    const cols: Col[] = [
      ["", "Mesure", "mesure"],
      ["", "Fiche action N°", "fiche"],
      ["", "Part CD", "departement"],
      ["", "ARS", "fir"],
      ["", "Etat", "etat"],
      ["", "Assurance maladie", "ondam"],
      ["", "Budget global", "budget"],
      ["", "Mode de financement", "modalite"],
      ["", "Réalisé antérieur", "consumedPrior"],
      ["", `Réalisé ${yn}`, "consumedLastYear"],
      ["", `Budget consommé ${y0}-${yn}`, "consumedSinceStart"],
    ];
    const { wb, colOf } = annexWithSummary(cols, "merge");
    const l = recognise(wb);
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(l.summary!.missing).toEqual(["objectif"]);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});

const consumed = (group: string): Col[] => [
  [group, `au 31/12/${yn - 1}`, "consumedPrior"],
  [group, `en ${yn}`, "consumedLastYear"],
  [group, `${y0}-${yn}`, "consumedSinceStart"],
];

describe("groups written over their first column only, the first sub-header directly under the group", () => {
  // corpus3 seed 206: « Budget prévisionnel » over Total | Département | Etat | AM, « Budget consommé » over en 2022 | 2021-2022.
  test("« Total » under « Budget prévisionnel » is the budget, « en 2022 » under « Budget consommé » the year's consumption", () => {
    const cols: Col[] = [
      ["", "Mesure", "mesure"],
      ["", "Objectifs", "objectif"],
      ["", "N° fiche", "fiche"],
      ["Budget prévisionnel", "Total", "budget"],
      ["Budget prévisionnel", "Département", "departement"],
      ["Budget prévisionnel", "FIR", "fir"],
      ["Budget prévisionnel", "Etat (P304)", "etat"],
      ["Budget prévisionnel", "Assurance maladie", "ondam"],
      ["", "Modalités de financement Etat/AM", "modalite"],
      ["Budget consommé", `en ${yn}`, "consumedLastYear"],
      ["Budget consommé", `${y0}-${yn}`, "consumedSinceStart"],
    ];
    const { wb, colOf } = annexWithSummary(cols, "first-only");
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(l.summary!.missing).toEqual(["consumedPrior"]);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});

describe("group headers repeated over every column of their group (no merge)", () => {
  const planned = (group: string): Col[] => [
    [group, "Département", "departement"],
    [group, "Etat", "etat"],
    [group, "FIR", "fir"],
    [group, "Assurance maladie", "ondam"],
    [group, "Budget global", "budget"],
  ];
  // corpus3 seed 128: the row of column names reads alone, the repeated groups above it qualify « au 31/12 », « en 2022 ».
  test.each(["Plan de financement", "Répartition"])("above a row that reads alone (« %s » repeated): the groups qualify the columns under them", (group) => {
    const cols: Col[] = [
      ["", "Engagement", "mesure"],
      ["", "Objectifs", "objectif"],
      ["", "Fiche action N°", "fiche"],
      ...planned(group),
      ...consumed("Réalisé"),
    ];
    const { wb, colOf } = annexWithSummary(cols, "repeat");
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
  // corpus3 seeds 148, 374: the repeated groups are on the row of roles itself (« Modalités », « Réalisé » ×3).
  test("on the row of the single headers: the header is read on two rows", () => {
    const cols: Col[] = [
      ["", "AXE", "mesure"],
      ["", "OBJECTIFS", "objectif"],
      ["", "N° FA", "fiche"],
      ["PLAN DE FINANCEMENT", "DÉPARTEMENT\nEN EUROS", "departement"],
      ["PLAN DE FINANCEMENT", "ARS\nEN EUROS", "fir"],
      ["PLAN DE FINANCEMENT", "ÉTAT\nEN EUROS", "etat"],
      ["PLAN DE FINANCEMENT", "AM\nEN EUROS", "ondam"],
      ["PLAN DE FINANCEMENT", "TOTAL\nEN EUROS", "budget"],
      ["", "MODALITÉS", "modalite"],
      ...consumed("RÉALISÉ"),
    ];
    const { wb, colOf } = annexWithSummary(cols, "repeat");
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});

describe("funders named short in the summary header (« Part CD », « FIR », « Etat », « AM »)", () => {
  // corpus3 seed 177: a bare funder name is as often a cell value as a header; in a row with no amount, it is a header.
  test("merged groups over a row of short names: the summary is found", () => {
    const cols: Col[] = [
      ["", "N° FA", "fiche"],
      ["Financements prévus", "Budget global", "budget"],
      ["Financements prévus", "Part CD", "departement"],
      ["Financements prévus", "FIR", "fir"],
      ["Financements prévus", "Etat", "etat"],
      ["Financements prévus", "AM", "ondam"],
      ["", "Modalité", "modalite"],
      ...consumed("Consommation"),
    ];
    const { wb, colOf } = annexWithSummary(cols, "merge");
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
  // corpus3 seed 296: alone, neither header row holds four roles; read together they do.
  test("groups over their first column only and short names under them: the two rows are read together", () => {
    const cols: Col[] = [
      ["", "Fiche action\nN°", "fiche"],
      [`Financements prévus\n${y0}-${yn}`, "Total", "budget"],
      [`Financements prévus\n${y0}-${yn}`, "Part CD", "departement"],
      [`Financements prévus\n${y0}-${yn}`, "ARS", "fir"],
      [`Financements prévus\n${y0}-${yn}`, "Etat", "etat"],
      [`Financements prévus\n${y0}-${yn}`, "AM", "ondam"],
      ...consumed("Consommation"),
    ];
    const { wb, colOf } = annexWithSummary(cols, "first-only");
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});

describe("a summary worded like a detail table, with no column only the summary has", () => {
  // corpus3 seeds 244, 342, 400: « Axe », « Part CD », « Réalisé » over au 31/12 | en 2022 | 2021-2022, no Modalités: every
  // role it has a detail table may have too, but it has no yearly block, no label, no source. Beside a detail table that
  // has them, it is the summary.
  test.each<GroupStyle>(["merge", "repeat", "first-only"])("groups %s: it is the summary, the detail table stays the detail", (style) => {
    const cols: Col[] = [
      ["", "Axe", "mesure"],
      ["", "Objectif national", "objectif"],
      ["", "N° FA", "fiche"],
      ["Financements prévus", "Total", "budget"],
      ["Financements prévus", "Part CD", "departement"],
      ["Financements prévus", "FIR", "fir"],
      ["Financements prévus", "PLF", "etat"],
      ["Financements prévus", "Assurance maladie", "ondam"],
      ...consumed("Réalisé"),
    ];
    const { wb, colOf } = annexWithSummary(cols, style);
    const l = recognise(wb);
    expect(l.tables.map((t) => [t.kind, t.sheet])).toEqual([
      ["detail", "Suivi fiches actions"],
      ["summary", "Récapitulatif"],
    ]);
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });

  test("alone in the workbook, such a table is still not taken for a summary nor flagged wrong", () => {
    const cols: Col[] = [
      ["", "Axe", "mesure"],
      ["", "N° FA", "fiche"],
      ["Financements prévus", "Total", "budget"],
      ["Financements prévus", "Part CD", "departement"],
      ["Financements prévus", "FIR", "fir"],
      ...consumed("Réalisé"),
    ];
    const { wb } = annexWithSummary(cols, "merge");
    wb.sheets.shift();
    expect(loud(checkAnnex(wb).findings).filter((f) => !/^layout-incomplete/.test(f))).toEqual([]);
  });
});

// corpus4 (38 of 200 summaries not found, 87 % of them naming each action): a summary with its own « Intitulé de
// l'action » column beside Modalités and its consumption columns is still the summary, not a second detail table.
test("a summary naming each action (« Intitulé de l'action ») is read as the summary", () => {
  const cols: Col[] = [
    ["", "Fiche", "fiche"],
    ["", "Intitulé de l'action", "label"],
    ["", "Coût total", "budget"],
    ["", "Conseil départemental", "departement"],
    ["", "Crédits ARS", "fir"],
    ["", "PLF", "etat"],
    ["", "CNSA", "ondam"],
    ["", "Modalités", "modalite"],
    ["", `Réalisé jusqu'en ${yn - 1}`, "consumedPrior"],
    ["", `Consommé ${yn}`, "consumedLastYear"],
    ["", "Total consommé", "consumedSinceStart"],
  ];
  const { wb, colOf } = annexWithSummary(cols, "merge");
  const l = recognise(wb);
  expect(l.tables.filter((t) => t.kind === "detail")).toHaveLength(1);
  expect(columnLetters(l.summary!)).toMatchObject(colOf);
  expect(loud(checkAnnex(wb).findings)).toEqual([]);
});

// corpus4 (summary table-missing, 28 of seeds 1-200): a summary naming each action whose realisations are worded like
// the detail's (« Mandaté au 31/12/2021 », « Réalisé 2022 ») has only one column the summary alone has (Modalités);
// beside a detail table with its yearly blocks and its source, it is the summary all the same: an annex has one
// detail table.
test("a summary naming each action, its consumption worded like the detail's, is the summary beside the detail", () => {
  const cols: Col[] = [
    ["", "Fiche action", "fiche"],
    ["", "Intitulé de l'action", "label"],
    ["Répartition par financeur", "Financement départemental", "departement"],
    ["Répartition par financeur", "PLF", "etat"],
    ["Répartition par financeur", "Crédits ARS", "fir"],
    ["Répartition par financeur", "Assurance maladie", "ondam"],
    ["", "Budget global", "budget"],
    ["", "Modalités", "modalite"],
    ["", `Mandaté au 31/12/${yn - 1}`, "consumedPrior"],
    ["", `Réalisé ${yn}`, "consumedLastYear"],
    ["", "Total consommé", "consumedSinceStart"],
  ];
  const { wb, colOf } = annexWithSummary(cols, "merge");
  const l = recognise(wb);
  expect(l.tables.filter((t) => t.kind === "detail")).toHaveLength(1);
  expect(l.summary).not.toBeNull();
  expect(columnLetters(l.summary!)).toMatchObject(colOf);
  expect(loud(checkAnnex(wb).findings)).toEqual([]);
});

// corpus4 (placement:right, 7 of seeds 1-200): the summary set to the right of the detail on the same sheet, past an
// empty column, its header on other rows than the detail's (lower, or one row where the detail has two). The detail
// stops at the empty column (the summary names its fiche number, budget and funders again), and the summary is found
// beside it, its header read on its own rows.
describe("a summary to the right of the detail on the same sheet", () => {
  const cols: Col[] = [
    ["", "N° FA", "fiche"],
    ["", "Libellé", "label"],
    ["", "Moyens financiers", "budget"],
    ["", "Part CD", "departement"],
    ["", "ARS (FIR)", "fir"],
    ["", "PLF", "etat"],
    ["", "AM", "ondam"],
    ["", "Modalités de financement", "modalite"],
    ["", `Mandaté au 31/12/${yn - 1}`, "consumedPrior"],
    ["", `Budget consommé en ${yn}`, "consumedLastYear"],
    ["", "Réalisé cumulé", "consumedSinceStart"],
  ];
  test.each([
    [-2, 2],
    [-1, 2],
    [0, 2],
    [3, 2],
    [-2, 5],
    [-1, 6],
    [-2, 3, true],
    [-1, 3, true],
    [-2, 2, true],
    [-3, 3, true],
  ])("its header %i rows from row 4, the detail's header on row %i", (shift, detailTop, singleOnLower = false) => {
    const { wb, colOf } = annexWithSummary(cols, "merge", { top: 4, detailTop, singleOnLower });
    const [detail, summary] = wb.sheets as [SheetSnapshot, SheetSnapshot];
    const left = detail.colCount + 2;
    for (let r = 1; r <= summary.rowCount; r++) {
      if (r + shift < 1) continue;
      for (let c = 1; c <= summary.colCount; c++) {
        const cell = summary.cells[r - 1]?.[c - 1];
        if (!cell) continue;
        const L = colToLetters(c);
        const formula = cell.formula?.replace(new RegExp(`${L}(\\d+)`, "g"), (_, n: string) => `${colToLetters(c + left - 1)}${Number(n) + shift}`);
        setCell(detail, r + shift, c + left - 1, { ...cell, formula });
      }
    }
    wb.sheets.pop();
    const l = recognise(wb);
    expect(l.tables.map((t) => t.kind).sort()).toEqual(["detail", "summary"]);
    expect(l.detail!.range.c2).toBeLessThan(left);
    const want = Object.fromEntries(Object.entries(colOf).map(([k, L]) => [k, colToLetters(letterCol(L) + left - 1)]));
    expect(columnLetters(l.summary!)).toMatchObject(want);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});

function letterCol(L: string): number {
  let n = 0;
  for (const ch of L) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
