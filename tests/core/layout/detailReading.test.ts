// Issue #10, third round: classes of detail-table misreading met on corpus3 seeds 1-400, each on a small hand-shaped
// annex (the reading, then no false finding on the clean annex).
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, standardCols, valueOf, type MiniAnnex, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};
/** Groups written over their first column only: the merges over the upper header row are dropped (singles stay merged down). */
function unmergeGroups(m: MiniAnnex): void {
  const top = m.headerRows[0]!;
  m.sheet.merges = m.sheet.merges.filter((x) => !(x.r1 === top && x.r2 === top));
}
const YEARS = [2021, 2022];
const byKey = new Map(standardCols(YEARS).map((c) => [c.key, c]));
const single = (k: string): MiniCol => ({ head: byKey.get(k)!.head, key: k });

/** Year-major blocks: « <year> » over MS | DGAS | Total CD | FIR | ETAT | ONDAM, then a total group over the same. */
function yearMajorCols(yearGroup: (y: number) => string, totalGroup: string): MiniCol[] {
  const names: Record<string, string> = { ms: "Masse salariale", dgas: "Crédits DGAS", cd: "Total Département", fir: "ARS (FIR)", etat: "PLF", ondam: "ONDAM" };
  const blocks = Object.keys(names);
  return [
    ...["fiche", "label", "objective", "objectiveType", "budget", "source"].map(single),
    ...YEARS.flatMap((y) => blocks.map((b) => ({ group: yearGroup(y), head: names[b]!, key: `${b}${y}` }))),
    ...blocks.map((b) => ({ group: totalGroup, head: names[b]!, key: `${b}Total` })),
    ...["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].map(single),
  ];
}

describe("year-major groups written over their first column only", () => {
  test("« Budget 2021 » over « Masse salariale » only, then « Crédits DGAS », « ARS (FIR) »… with no group: all of them years of 2021", () => {
    const m = miniDetail({ cols: yearMajorCols((y) => `Budget ${y}`, "Total"), years: YEARS });
    unmergeGroups(m);
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("bare years as groups (« 2021 » over « Total Département », « ONDAM »…), « Total 2021-2022 » over the totals", () => {
    const m = miniDetail({ cols: yearMajorCols((y) => String(y), "Total 2021-2022"), years: YEARS });
    unmergeGroups(m);
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a funder's total after its year under the same group (« FIR », « Total FIR ») is its total, not a second year", () => {
    const cols: MiniCol[] = [
      ...["fiche", "label", "objective", "objectiveType", "budget", "source"].map(single),
      ...YEARS.flatMap((y) => [
        { group: `Budget ${y}`, head: "Masse salariale", key: `ms${y}` },
        { group: `Budget ${y}`, head: "Crédits DGAS", key: `dgas${y}` },
        { group: `Budget ${y}`, head: "ARS (FIR)", key: `fir${y}` },
        { group: `Budget ${y}`, head: "PLF", key: `etat${y}` },
        { group: `Budget ${y}`, head: "ONDAM", key: `ondam${y}` },
      ]),
      { group: "Budget 2022", head: "Total FIR", key: "firTotal" },
      ...["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].map(single),
    ];
    const m = miniDetail({ cols, years: YEARS });
    unmergeGroups(m);
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
  });
});

describe("a title merged across the whole table above a header of year groups", () => {
  test("the title is no group: the header is the two rows under it", () => {
    const m = miniDetail({ cols: yearMajorCols((y) => String(y), "Total 2021-2022"), years: YEARS, top: 3 });
    const last = Object.keys(m.colOf).length;
    setCell(m.sheet, 2, 1, { value: "CONTRAT DÉPARTEMENTAL DE PRÉVENTION ET DE PROTECTION DE L'ENFANCE" });
    m.sheet.merges.push({ r1: 2, c1: 1, r2: 2, c2: last });
    // Years as numbers over their blocks, as a user types them.
    for (const y of YEARS) {
      const col = m.sheet.cells[2]!.findIndex((c) => c?.value === String(y)) + 1;
      setCell(m.sheet, 3, col, { value: y });
    }
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual([3, 4]);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

/**
 * A detail with a header of three rows: each column's [top, middle, leaf]; a top equal to the previous column's is
 * merged with it, middles are repeated (or written over their first column only); singles (only a top) written on the
 * bottom row, unmerged.
 */
function deepBottom(cols: Array<{ levels: [string, string, string]; key: string }>, years = YEARS, midFirstOnly = false) {
  const wb: WorkbookSnapshot = { sheets: [] };
  const sheet = emptySheet("Suivi FA");
  wb.sheets.push(sheet);
  sheet.defaultColWidth = 18;
  const top = 3;
  setCell(sheet, 1, 1, { value: "Suivi financier des fiches actions" });
  const colOf: Record<string, string> = {};
  cols.forEach((c, i) => {
    const col = i + 1;
    colOf[c.key] = colToLetters(col);
    const [a, b, l] = c.levels;
    if (!b && !l) return setCell(sheet, top + 2, col, { value: a });
    for (const [lv, text] of [
      [0, a],
      [1, b],
    ] as const) {
      if (!text) continue;
      const prev = cols[i - 1];
      // (Middle groups repeated over each of their columns, as many départements write them.)
      const same = prev && prev.levels[lv] === text && lv === 0;
      if (midFirstOnly && lv === 1 && prev && prev.levels[1] === text && prev.levels[0] === a) continue;
      if (same) {
        const m = sheet.merges.find((x) => x.r1 === top + lv && x.c2 === col - 1 && x.r2 === top + lv);
        if (m) m.c2 = col;
        else sheet.merges.push({ r1: top + lv, c1: col - 1, r2: top + lv, c2: col });
      } else setCell(sheet, top + lv, col, { value: text });
    }
    setCell(sheet, top + 2, col, { value: l });
  });
  fiches().forEach((f, k) =>
    cols.forEach((c, i) => {
      const v = c.key.startsWith("extra") ? 100 + k : valueOf(f, c.key, years);
      if (v !== null) setCell(sheet, top + 3 + k, i + 1, /^rate/.test(c.key) ? { value: v, numFmt: "0%" } : { value: v });
    }),
  );
  return { wb, colOf };
}

describe("a column beyond a group's span under a three-row header", () => {
  test("« Nombre de bénéficiaires » after « Exécution » / « Taux de consommation » / « 2022 » is no rate", () => {
    const L = (a: string, b = "", c = ""): [string, string, string] => [a, b, c];
    const y = (top: string, mid: string, k: string) => YEARS.map((yr) => ({ levels: L(top, mid, String(yr)), key: `${k}${yr}` }));
    const cols = [
      { levels: L("N° fiche"), key: "fiche" },
      { levels: L("Intitulé de la fiche action"), key: "label" },
      { levels: L("Objectif"), key: "objective" },
      { levels: L("Obj. fondamental/ facultatif"), key: "objectiveType" },
      { levels: L("Coût total"), key: "budget" },
      ...y("Financements prévus", "Masse salariale", "ms"),
      { levels: L("Financements prévus", "Masse salariale", "Cumul"), key: "msTotal" },
      ...y("Financements prévus", "Crédits DGAS", "dgas"),
      { levels: L("Financements prévus", "Crédits DGAS", "Cumul"), key: "dgasTotal" },
      ...y("Financements prévus", "ARS (FIR)", "fir"),
      ...y("Financements prévus", "Crédits Etat - PLF", "etat"),
      ...y("Financements prévus", "ONDAM", "ondam"),
      { levels: L("Source de co-financement"), key: "source" },
      { levels: L("Exécution", "Réalisé", "2022"), key: "realisedLastYear" },
      { levels: L("Exécution", "Réalisé", "2021-2022"), key: "realisedSinceStart" },
      { levels: L("Exécution", "Taux de consommation", "2022"), key: "rateLastYear" },
      { levels: L("Exécution", "Taux de consommation", "Reste à réaliser"), key: "gap" },
      { levels: L("Nombre de bénéficiaires"), key: "extra1" },
      { levels: L("Observations"), key: "extra2" },
    ];
    const m = deepBottom(cols);
    const d = recognise(m.wb).detail!;
    const want = Object.fromEntries(Object.entries(m.colOf).filter(([k]) => !k.startsWith("extra")));
    const letters = columnLetters(d);
    expect(letters).toMatchObject(want);
    expect(Object.values(letters)).not.toContain(m.colOf.extra1);
    expect(Object.values(letters)).not.toContain(m.colOf.extra2);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("a generic word under a group written over its first column only", () => {
  test("« Taux d'exécution » over « 2022 », then « Cumulé »: the global rate", () => {
    const cols = standardCols(YEARS).map((c) =>
      c.key === "rateLastYear"
        ? { group: "Taux d'exécution", head: "2022", key: c.key }
        : c.key === "rateGlobal"
          ? { group: "Taux d'exécution", head: "Cumulé", key: c.key }
          : c,
    );
    // The two rates side by side.
    const i = cols.findIndex((c) => c.key === "rateLastYear");
    const j = cols.findIndex((c) => c.key === "rateGlobal");
    const [g] = cols.splice(j, 1);
    cols.splice(i + 1, 0, g!);
    const m = miniDetail({ cols, years: YEARS });
    unmergeGroups(m);
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("amounts in thousands of euros", () => {
  test.each([
    ["", "Crédits prévus\nen milliers d'euros", "budget"],
    ["Valorisation RH (masse salariale)", "Total 2023-2027\nen milliers d'euros", "msTotal"],
    ["Valorisation RH (masse salariale)", "2023 en milliers d’euros", "ms2023"],
    ["", "Montant FIR (milliers d'euros)", "firTotal"],
  ])("« %s / %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
});

describe("short runs of columns beyond spacers", () => {
  test("fiche … Service pilote | spacer | budget | spacer | the blocks: one detail table", () => {
    const cols: MiniCol[] = [
      ...["fiche", "label", "objective", "objectiveType"].map(single),
      { head: "Partenaires", key: "partners" },
      { head: "Service pilote", key: "pilot" },
      { head: "", key: "spacer1" },
      single("budget"),
      { head: "", key: "spacer2" },
      ...standardCols(YEARS).filter((c) => !["fiche", "label", "objective", "objectiveType", "budget"].includes(c.key)),
    ];
    const m = miniDetail({ cols, years: YEARS });
    const d = recognise(m.wb).detail;
    expect(d).not.toBeNull();
    const want = Object.fromEntries(Object.entries(m.colOf).filter(([k]) => !/^(partners|pilot|spacer)/.test(k)));
    expect(columnLetters(d!)).toMatchObject(want);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("year-major blocks under a three-row header", () => {
  test("« Financements prévus » / « 2021 » over its first funder only / « Masse salariale », « Crédits DGAS »…, then « Total »", () => {
    const L = (a: string, b = "", c = ""): [string, string, string] => [a, b, c];
    const names: Record<string, string> = { ms: "Masse salariale", dgas: "Crédits DGAS", fir: "ARS (FIR)", etat: "PLF", ondam: "ONDAM" };
    const cols = [
      { levels: L("N° fiche"), key: "fiche" },
      { levels: L("Intitulé de la fiche action"), key: "label" },
      { levels: L("Objectif"), key: "objective" },
      { levels: L("Obj. fondamental/ facultatif"), key: "objectiveType" },
      { levels: L("Coût total"), key: "budget" },
      ...YEARS.flatMap((y) => Object.keys(names).map((b) => ({ levels: L("Financements prévus", String(y), names[b]), key: `${b}${y}` }))),
      ...Object.keys(names).map((b) => ({ levels: L("Financements prévus", "Total 2021-2022", names[b]), key: `${b}Total` })),
      { levels: L("Source de co-financement"), key: "source" },
      { levels: L("Exécution", "Réalisé", "2022"), key: "realisedLastYear" },
      { levels: L("Exécution", "Réalisé", "2021-2022"), key: "realisedSinceStart" },
      { levels: L("Exécution", "Taux de consommation", "2022"), key: "rateLastYear" },
      { levels: L("Exécution", "Taux de consommation", "Reste à réaliser"), key: "gap" },
    ];
    for (const firstOnly of [false, true]) {
      const m = deepBottom(cols, YEARS, firstOnly);
      const d = recognise(m.wb).detail!;
      expect(columnLetters(d)).toMatchObject(m.colOf);
      expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
    }
  });
});

describe("a block total written twice: in a funding recap before the blocks and at the end of its block", () => {
  const build = (filled: boolean) => {
    const std = standardCols(YEARS);
    const recap: MiniCol[] = ["cd", "fir", "etat", "ondam"].map((b) => ({ group: "Plan de financement", head: `Total ${b.toUpperCase()}`, key: `recap${b}` }));
    const at = std.findIndex((c) => c.key === "budget") + 1;
    const fs = fiches();
    const m = miniDetail({ cols: [...std.slice(0, at), ...recap, ...std.slice(at)], fiches: fs });
    if (filled) {
      for (const f of fs) {
        recap.forEach((c) => {
          const col = Object.keys(m.colOf).indexOf(c.key) + 1;
          setCell(m.sheet, m.rowOfFiche.get(String(f.n))!, col, { value: valueOf(f, `${c.key.slice(5)}Total`) as number });
        });
      }
    }
    return m;
  };

  test.each([
    ["holding the same amounts", true],
    ["left empty", false],
  ])("recap %s: each total read at the end of its block (the one its years add up to, nearest them)", (_, filled) => {
    const m = build(filled);
    const d = recognise(m.wb).detail!;
    const want = Object.fromEntries(Object.entries(m.colOf).filter(([k]) => !k.startsWith("recap")));
    expect(columnLetters(d)).toMatchObject(want);
    expect(d.ambiguous.map((a) => a.role)).not.toContain("firTotal");
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("French public-finance wording of the detail's columns", () => {
  test.each([
    // Realisations as the accounts name them: liquidated, the administrative account (CA).
    ["", "Liquidé 2023", "realised2023"],
    ["", "Compte administratif 2024", "realised2024"],
    ["", "CA 2023", "realised2023"],
    ["", "CA cumulés 2021-2023", "realisedSinceStart"],
    ["", "Liquidé cumulé 2020-2023", "realisedSinceStart"],
    // The ARS under its full name.
    ["", "Agence régionale de santé 2021", "fir2021"],
    ["", "Agence régionale de santé - Total en €", "firTotal"],
    ["Agence régionale de santé", "Total 2020-2024", "firTotal"],
    // A year qualified as planned.
    ["Masse salariale", "2020 (prévisionnel) en €", "ms2020"],
    ["Département", "2021 (prévisionnel) (en euros)", "cd2021"],
    ["Crédits DGAS", "Prévu 2022", "dgas2022"],
    ["ONDAM médico-social", "Prévu 2023", "ondam2023"],
    ["Crédits DGAS", "CP 2022", "dgas2022"],
    ["Total CD77", "BP 2022", "cd2022"],
    // A block's total under other names.
    ["Agence régionale de santé", "Sous-total", "firTotal"],
    ["DGAS", "Total période", "dgasTotal"],
    ["Crédits ARS", "2019-2023", "firTotal"],
    ["Masse salariale", "Sous-total (€)", "msTotal"],
    // The planned budget as programmed; the funders' origin.
    ["", "Montant total programmé (€)", "budget"],
    ["", "Origine des crédits", "source"],
  ])("« %s / %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
});

describe("rates and amounts under a year or a span", () => {
  test.each([
    ["Exécution 2023", "%", "rate2023"],
    ["CA 2023", "%", "rate2023"],
    ["CA 2023", "Montant", "realised2023"],
    ["Depuis 2022", "Taux d'exécution", "rateGlobal"],
    ["Depuis 2019", "%", "rateGlobal"],
    ["Exécution cumulée 2022-2023", "Taux", "rateGlobal"],
    ["Exécution cumulée 2022-2023", "Montant", "realisedSinceStart"],
    ["Réalisé cumulé 2023-2027", "Taux d'exécution", "rateGlobal"],
    ["Compte administratif Réalisé 2023", "%", "rate2023"],
    ["Suivi de l'exécution Année 2022", "%", "rate2022"],
  ])("« %s / %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
});

describe("a detail and a summary side by side, their headers of different depths", () => {
  test("the detail's header on three rows (singles on the bottom one), the summary's on two beside it: both read", () => {
    const L = (a: string, b = "", c = ""): [string, string, string] => [a, b, c];
    const y = (top: string, mid: string, k: string) => YEARS.map((yr) => ({ levels: L(top, mid, String(yr)), key: `${k}${yr}` }));
    const cols = [
      { levels: L("N° fiche"), key: "fiche" },
      { levels: L("Intitulé de la fiche action"), key: "label" },
      { levels: L("Objectif"), key: "objective" },
      { levels: L("Obj. fondamental/ facultatif"), key: "objectiveType" },
      { levels: L("Coût total"), key: "budget" },
      ...y("Financements prévus", "Masse salariale", "ms"),
      ...y("Financements prévus", "Crédits DGAS", "dgas"),
      ...y("Financements prévus", "ARS (FIR)", "fir"),
      ...y("Financements prévus", "Crédits Etat - PLF", "etat"),
      ...y("Financements prévus", "ONDAM", "ondam"),
      { levels: L("Source de co-financement"), key: "source" },
      { levels: L("Exécution", "Réalisé", "2022"), key: "realisedLastYear" },
      { levels: L("Exécution", "Réalisé", "2021-2022"), key: "realisedSinceStart" },
      { levels: L("Exécution", "Reste à réaliser", "Montant"), key: "gap" },
    ];
    const m = deepBottom(cols);
    const sheet = m.wb.sheets[0]!;
    // The summary two columns to the right: header on rows 3-4, its rows from row 5 (beside the detail's bottom header row).
    const left = cols.length + 3;
    const heads = ["Mesure", "N° fiche", "Département", "FIR", "État", "ONDAM", "Montant total", "Modalités de financement"];
    heads.forEach((h, i) => {
      const col = left + i;
      if (i >= 2 && i <= 5) {
        if (i === 2) {
          setCell(sheet, 3, col, { value: "Financements prévus" });
          sheet.merges.push({ r1: 3, c1: col, r2: 3, c2: col + 3 });
        }
        setCell(sheet, 4, col, { value: h });
      } else {
        setCell(sheet, 3, col, { value: h });
        sheet.merges.push({ r1: 3, c1: col, r2: 4, c2: col });
      }
    });
    fiches().forEach((f, k) => {
      const cd = valueOf(f, "cdTotal") as number;
      const [fir, etat, ondam] = ["firTotal", "etatTotal", "ondamTotal"].map((x) => valueOf(f, x) as number) as [number, number, number];
      const values = ["Mesure 1", f.n, cd, fir, etat, ondam, cd + fir + etat + ondam, "CD"];
      values.forEach((v, i) => setCell(sheet, 5 + k, left + i, { value: v }));
    });
    const layout = recognise(m.wb);
    expect(layout.detail?.headerRows).toEqual([3, 4, 5]);
    expect(columnLetters(layout.detail!)).toMatchObject(m.colOf);
    expect(layout.summary).not.toBeNull();
    expect(layout.summary!.headerRows).toEqual([3, 4]);
  });
});

describe("the TOTAL row above the fiches", () => {
  test("right under the header, the TOTAL does not end the table: its fiches are below it, read and checked", () => {
    const m = miniDetail({ years: YEARS });
    const headerEnd = m.headerRows[m.headerRows.length - 1]!;
    const cells = m.sheet.cells;
    const totalCells = cells[m.totalRow! - 1]!.map((c) => (c ? { value: c.value } : c));
    const data = cells.slice(headerEnd, m.totalRow! - 1);
    m.sheet.cells = [...cells.slice(0, headerEnd), totalCells, ...data];
    const d = recognise(m.wb).detail;
    expect(d).not.toBeNull();
    expect(d!.totalRow).toBe(headerEnd + 1);
    expect(d!.rows.filter((r) => r.kind === "fiche").length).toBe(4);
    expect(columnLetters(d!)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
    // A wrong TOTAL above is still found.
    const budgetCol = Object.keys(m.colOf).indexOf("budget");
    (m.sheet.cells[headerEnd]![budgetCol] as { value: number }).value += 1000;
    expect(loud(checkAnnex(m.wb).findings).map((f) => f.split(" ").slice(0, 2).join(" "))).toContain(`total-row ${m.colOf.budget}${headerEnd + 1}`);
  });
});

describe("groups over their first column only on every upper row of a three-row header", () => {
  test("« Compte administratif » / « Mandaté 2022 » over « Réalisé », then « % » alone: the year's rate", () => {
    const L = (a: string, b = "", c = ""): [string, string, string] => [a, b, c];
    const y = (top: string, mid: string, k: string) => YEARS.map((yr) => ({ levels: L(top, mid, String(yr)), key: `${k}${yr}` }));
    const cols = [
      { levels: L("N° fiche"), key: "fiche" },
      { levels: L("Intitulé de la fiche action"), key: "label" },
      { levels: L("Objectif"), key: "objective" },
      { levels: L("Obj. fondamental/ facultatif"), key: "objectiveType" },
      { levels: L("Coût total"), key: "budget" },
      ...y("Financements prévus", "Masse salariale", "ms"),
      ...y("Financements prévus", "Crédits DGAS", "dgas"),
      ...y("Financements prévus", "ARS (FIR)", "fir"),
      ...y("Financements prévus", "Crédits Etat - PLF", "etat"),
      ...y("Financements prévus", "ONDAM", "ondam"),
      { levels: L("Source de co-financement"), key: "source" },
      { levels: L("Compte administratif", "Mandaté 2022", "Réalisé"), key: "realisedLastYear" },
      { levels: L("", "", "%"), key: "rateLastYear" },
      { levels: L("", "Réalisé cumulé 2021-2022", "Réalisé"), key: "realisedSinceStart" },
      { levels: L("", "", "%"), key: "rateGlobal" },
    ];
    const m = deepBottom(cols);
    const sheet = m.wb.sheets[0]!;
    // The rates' and the cumulative's upper cells left blank (the builder writes singles on the bottom row only).
    const d = recognise(m.wb).detail!;
    expect(sheet.cells[2]).toBeDefined();
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});
