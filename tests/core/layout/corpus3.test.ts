// Classes of misreading found on corpus3 (annexes made independently of the recogniser), one test per class, on
// small hand-shaped annexes: the reading, then no false finding.
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters, lettersToCol } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { budgetOf, fiches, miniDetail, miniSummary, standardCols, valueOf, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const rename = (cols: MiniCol[], key: string, head: string, group?: string): MiniCol[] =>
  cols.map((c) => (c.key === key ? { ...c, head, group: group ?? c.group } : c));
const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};

describe("wording of other départements", () => {
  test.each([
    ["", "Action", "label"],
    ["", "RÉF. FICHE", "fiche"],
    ["", "Référence fiche", "fiche"],
    ["", "Intitulé", "label"],
    ["", "Nom de l'action", "label"],
    ["Numéro fiche", "action", "fiche"],
    ["", "Caractère de l'objectif", "objectiveType"],
    ["", "Nature de l'objectif", "objectiveType"],
    ["", "Taux global", "rateGlobal"],
    ["", "Taux cumulé", "rateGlobal"],
    ["Cumul 2020-2022", "Taux", "rateGlobal"],
    ["Depuis 2021", "Taux", "rateGlobal"],
    ["Cumul 2020-2022", "Montant", "realisedSinceStart"],
    ["Depuis 2023", "Montant", "realisedSinceStart"],
    ["", "Montant total", "budget"],
    ["Financements prévus", "Total", "budget"],
    ["Financements prévus 2023-2025", "Montant total", "budget"],
    ["FIR", "Montant total", "firTotal"],
    ["", "Champ", "theme"],
    ["", "Domaine", "theme"],
    ["Objectifs chiffrés", "2023", "indicator2023"],
    ["", "DÉPENSES 2021\nEN EUROS", "realised2021"],
  ])("« %s / %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });

  test("a unit after a year or a name says nothing of the column: « 2025⏎(€) », « Part CD (€) »", () => {
    expect(key("Masse salariale", "2025\n(€)")).toBe("ms2025");
    expect(key("Crédits ARS", "2026 (€)")).toBe("fir2026");
    expect(key("", "Part CD (€)")).toBe("cdTotal");
  });

  test("« Budget DGAS (hors masse salariale) » is the DGAS block, not the masse salariale", () => {
    expect(key("Budget DGAS (hors masse salariale)", "2023")).toBe("dgas2023");
    expect(key("Budget DGAS (hors masse salariale)", "Cumul")).toBe("dgasTotal");
    expect(key("Budget DGAS (hors masse salariale)", "Total 2023-2027")).toBe("dgasTotal");
  });

  test("year-major blocks: « Budget 2021 » over MS | Crédits DGAS | Crédits ARS | PLF | AM, then « Total 2020-2022 » over the same", () => {
    expect(["MS", "Crédits DGAS", "Crédits ARS", "PLF", "AM"].map((s) => key("Budget 2021", s))).toEqual([
      "ms2021",
      "dgas2021",
      "fir2021",
      "etat2021",
      "ondam2021",
    ]);
    expect(["MS", "Crédits DGAS", "Crédits ARS", "PLF", "AM"].map((s) => key("Total 2020-2022", s))).toEqual([
      "msTotal",
      "dgasTotal",
      "firTotal",
      "etatTotal",
      "ondamTotal",
    ]);
    // A realised or rate group with a year is not a planned block.
    expect(key("Exécution 2022", "Montant")).toBe("realised2022");
  });

  test("a detail worded that way reads right and is clean", () => {
    let cols = rename(standardCols(), "label", "Action");
    cols = rename(cols, "objectiveType", "Caractère de l'objectif");
    cols = rename(cols, "rateGlobal", "Taux global");
    const m = miniDetail({ cols });
    expect(columnLetters(recognise(m.wb).detail!)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a detail in year-major blocks reads right and is clean", () => {
    const years = [2021, 2022];
    const byKey = new Map(standardCols(years).map((c) => [c.key, c]));
    const names: Record<string, string> = { ms: "MS", dgas: "Crédits DGAS", cd: "Total CD", fir: "Crédits ARS", etat: "PLF", ondam: "AM" };
    const blocks = Object.keys(names);
    const cols: MiniCol[] = [
      ...["fiche", "label", "objective", "objectiveType", "budget", "source"].map((k) => ({ head: byKey.get(k)!.head, key: k })),
      ...years.flatMap((y) => blocks.map((b) => ({ group: `Budget ${y}`, head: names[b]!, key: `${b}${y}` }))),
      ...blocks.map((b) => ({ group: `Total ${years[0]}-${years[1]}`, head: names[b]!, key: `${b}Total` })),
      ...["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].map((k) => ({ head: byKey.get(k)!.head, key: k })),
    ];
    const m = miniDetail({ cols, years });
    expect(columnLetters(recognise(m.wb).detail!)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("rates typed rounded finer than they show", () => {
  test("57,75 % typed for 57,746 % and shown 57,8 % is not a wrong rate; 59 % is", () => {
    const fs = fiches();
    const f = fs[0]!;
    f.realisedSince = Math.round(budgetOf(f) * 0.57746);
    const m = miniDetail({ fiches: fs });
    const col = lettersToCol(m.colOf.rateGlobal!);
    const row = m.rowOfFiche.get("1")!;
    const exact = f.realisedSince / budgetOf(f);
    expect(Math.round(exact * 1000)).toBe(577);
    setCell(m.sheet, row, col, { value: Math.round(exact * 10000) / 10000, numFmt: "0.0%" });
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
    setCell(m.sheet, row, col, { value: 0.59, numFmt: "0.0%" });
    expect(loud(checkAnnex(m.wb).findings).map((x) => x.split(" ").slice(0, 2).join(" "))).toEqual([`rate-mismatch ${m.colOf.rateGlobal}${row}`]);
  });
});

describe("a CD split in two with no CD column", () => {
  test("the summary's Département is compared with masse salariale + DGAS: clean", () => {
    const fs = fiches();
    const cols = standardCols().filter((c) => !/^cd/.test(c.key));
    const m = miniDetail({ fiches: fs, cols });
    miniSummary(m.wb, fs);
    const layout = recognise(m.wb);
    expect(layout.summary).not.toBeNull();
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("spacer columns between groups", () => {
  test("a lone group beyond an empty column (« Réalisations en 2022 », then « Réalisation depuis 2021 ») stays in the table", () => {
    const cols = standardCols().flatMap((c, i): MiniCol[] =>
      /^(realisedLastYear|realisedSinceStart|gap)$/.test(c.key) ? [{ head: "", key: `spacer${i}` }, c] : [c],
    );
    const m = miniDetail({ cols });
    const letters = columnLetters(recognise(m.wb).detail!);
    expect([letters.realisedLastYear, letters.rateLastYear, letters.realisedSinceStart, letters.rateGlobal, letters.gap]).toEqual([
      m.colOf.realisedLastYear,
      m.colOf.rateLastYear,
      m.colOf.realisedSinceStart,
      m.colOf.rateGlobal,
      m.colOf.gap,
    ]);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

/** A detail whose header has three rows: groups, sub-groups, then years or Montant/Taux; singles merged down. */
function deepDetail(cols: Array<{ levels: [string, string, string]; key: string }>, years = [2021, 2022], firstOnly = false) {
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
    if (!b && !l) {
      setCell(sheet, top, col, { value: a });
      sheet.merges.push({ r1: top, c1: col, r2: top + 2, c2: col });
      return;
    }
    for (const [lv, text] of [
      [0, a],
      [1, b],
    ] as const) {
      const prev = cols[i - 1];
      const same = prev && prev.levels[lv] === text && (lv === 0 || prev.levels[0] === a);
      if (same && firstOnly && lv === 1) continue;
      if (same) {
        const m = sheet.merges.find((x) => x.r1 === top + lv && x.c2 === col - 1 && x.r2 === top + lv);
        if (m) m.c2 = col;
        else sheet.merges.push({ r1: top + lv, c1: col - 1, r2: top + lv, c2: col });
      } else setCell(sheet, top + lv, col, { value: text });
    }
    setCell(sheet, top + 2, col, { value: l });
  });
  const fs = fiches();
  fs.forEach((f, k) =>
    cols.forEach((c, i) => {
      const v = valueOf(f, c.key, years);
      if (v !== null) setCell(sheet, top + 3 + k, i + 1, /^rate/.test(c.key) ? { value: v, numFmt: "0%" } : { value: v });
    }),
  );
  return { wb, colOf };
}

const DEEP_COLS = (() => {
  const y = (b: string, g: string, key: string) => [2021, 2022].map((yr) => ({ levels: [g, b, `${yr}\n(€)`] as [string, string, string], key: `${key}${yr}` }));
  return [
    { levels: ["N° de la fiche action", "", ""] as [string, string, string], key: "fiche" },
    { levels: ["Intitulé de la fiche action", "", ""] as [string, string, string], key: "label" },
    { levels: ["Objectif", "", ""] as [string, string, string], key: "objective" },
    { levels: ["Nature de l'objectif", "", ""] as [string, string, string], key: "objectiveType" },
    ...y("Masse salariale", "Financement départemental", "ms"),
    { levels: ["Financement départemental", "Masse salariale", "Total 2021-2022"] as [string, string, string], key: "msTotal" },
    ...y("Crédits DGAS", "Financement départemental", "dgas"),
    { levels: ["Financement départemental", "Crédits DGAS", "Total crédits DGAS"] as [string, string, string], key: "dgasTotal" },
    ...y("Crédits ARS", "Cofinanceurs", "fir"),
    ...y("Montant ETAT", "Cofinanceurs", "etat"),
    ...y("ONDAM", "Cofinanceurs", "ondam"),
    { levels: ["Partenaires financeurs", "", ""] as [string, string, string], key: "source" },
    { levels: ["Budget prévisionnel total", "", ""] as [string, string, string], key: "budget" },
    { levels: ["Réalisations", "Exécution 2022", "Montant"] as [string, string, string], key: "realisedLastYear" },
    { levels: ["Réalisations", "Exécution 2022", "Taux"] as [string, string, string], key: "rateLastYear" },
    { levels: ["Réalisations", "Cumul 2021-2022", "Montant"] as [string, string, string], key: "realisedSinceStart" },
    { levels: ["Réalisations", "Cumul 2021-2022", "Taux"] as [string, string, string], key: "rateGlobal" },
  ];
})();

describe("headers of three rows", () => {
  test("« Financement départemental » / « Masse salariale » / « 2021 (€) », « Réalisations » / « Cumul 2021-2022 » / « Taux »: read right, clean", () => {
    const m = deepDetail(DEEP_COLS);
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual([3, 4, 5]);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("sub-groups written over their first column only, with no merge (« Crédits ARS » over « 2021 », « 2022 », then « Total »)", () => {
    const m = deepDetail(DEEP_COLS, [2021, 2022], true);
    const d = recognise(m.wb).detail!;
    expect(d.headerRows).toEqual([3, 4, 5]);
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("merged groups on the row above the row of roles (« Budget consommé » over « au 31/12/2021 », « en 2022 », « 2021-2022 »)", () => {
    const fs = fiches();
    const m = miniDetail({ fiches: fs });
    const s = miniSummary(m.wb, fs);
    // The summary's header on one row, its three consumption columns under a merged group above.
    const top = recognise(m.wb).summary!.headerRows[0]!;
    const sheet = s.sheet;
    const [p, l, c] = [s.colOf.consumedPrior!, s.colOf.consumedLastYear!, s.colOf.consumedSinceStart!].map(lettersToCol) as [number, number, number];
    sheet.merges = sheet.merges.filter((x) => x.r1 !== top);
    for (let col = 1; col <= sheet.colCount; col++) {
      const lower = sheet.cells[top]?.[col - 1]?.value;
      if (lower === null || lower === undefined) continue;
      // One header row: the lower row's text moves up, except under the group.
      if (col !== p && col !== l && col !== c) {
        setCell(sheet, top, col, { value: lower });
        setCell(sheet, top + 1, col, undefined);
      }
    }
    sheet.cells.splice(top - 1, 0, []);
    sheet.rowCount++;
    for (const x of sheet.merges) {
      x.r1++;
      x.r2++;
    }
    setCell(sheet, top, p, { value: "Budget consommé" });
    sheet.merges.push({ r1: top, c1: p, r2: top, c2: c });
    setCell(sheet, top + 1, p, { value: "au 31/12/2021" });
    setCell(sheet, top + 1, l, { value: "en 2022" });
    setCell(sheet, top + 1, c, { value: "2021-2022" });
    for (const col of [p, l, c]) setCell(sheet, top + 2, col, undefined);
    const summary = recognise(m.wb).summary!;
    const letters = columnLetters(summary);
    expect([letters.consumedPrior, letters.consumedLastYear, letters.consumedSinceStart]).toEqual([
      s.colOf.consumedPrior,
      s.colOf.consumedLastYear,
      s.colOf.consumedSinceStart,
    ]);
  });
});

describe("groups written over their first column only, with no merge and no years under them", () => {
  // corpus3 seed 19: « Financements prévus » over CD | FIR | AM | Total, « Consommation » over au 31/12 | en 2027 | 2025-2027.
  test("the summary is found, each sub-header read under the group on its left", () => {
    const wb: WorkbookSnapshot = { sheets: [] };
    const sheet = emptySheet("Récap engagements");
    wb.sheets.push(sheet);
    const top = ["Axe", "N° fiche", "Financements prévus", "", "", "", "Consommation", "", ""];
    const sub = ["", "", "CD", "FIR", "AM", "Total", "au 31/12/2026", "en 2027", "2025-2027"];
    top.forEach((t, i) => t && setCell(sheet, 3, i + 1, { value: t }));
    sub.forEach((t, i) => t && setCell(sheet, 4, i + 1, { value: t }));
    const rows: Array<[number, number, number, number, number]> = [
      [1, 675000, 0, 328184, 61282],
      [2, 428500, 137000, 111536, 198869],
      [3, 424000, 0, 67157, 112360],
    ];
    rows.forEach(([n, cd, fir, prior, last], i) => {
      const r = 5 + i;
      const values = ["ENGAGEMENT 1", n, cd, fir, 0, cd + fir, prior, last, prior + last];
      values.forEach((v, c) => setCell(sheet, r, c + 1, { value: v }));
    });
    sheet.rowCount = 7;
    sheet.colCount = 9;
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject({
      fiche: "B",
      departement: "C",
      fir: "D",
      ondam: "E",
      budget: "F",
      consumedPrior: "G",
      consumedLastYear: "H",
      consumedSinceStart: "I",
    });
  });
  // corpus3 seed 13: the column names on the second row already read as a table; the groups above them qualify three.
  test("over a header row that reads alone, the groups of the row above still qualify the columns under them", () => {
    const wb: WorkbookSnapshot = { sheets: [] };
    const sheet = emptySheet("Synthèse");
    wb.sheets.push(sheet);
    const top = ["", "Plan de financement", "", "", "", "", "", "Budget consommé", "", ""];
    const sub = [
      "Fiche action",
      "Conseil départemental (€)",
      "ARS (FIR) (€)",
      "Etat (€)",
      "AM (€)",
      "Montant total (€)",
      "Modalités de financement",
      "au 31/12/2025 (€)",
      "en 2026 (€)",
      "2022-2026 (€)",
    ];
    top.forEach((t, i) => t && setCell(sheet, 1, i + 1, { value: t }));
    sub.forEach((t, i) => t && setCell(sheet, 2, i + 1, { value: t }));
    const rows: Array<[string, number, number, string, number, number]> = [
      ["Fiche 1", 1111500, 0, "CD", 614337, 45587],
      ["Fiche 2", 989000, 332000, "PLF", 895389, 46304],
      ["Fiche 3", 420000, 0, "CD", 100000, 20000],
    ];
    rows.forEach(([f, cd, etat, m, prior, last], i) => {
      const values = [f, cd, 0, etat, 0, cd + etat, m, prior, last, prior + last];
      values.forEach((v, c) => setCell(sheet, 3 + i, c + 1, { value: v }));
    });
    sheet.rowCount = 5;
    sheet.colCount = 10;
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject({
      fiche: "A",
      departement: "B",
      budget: "F",
      consumedPrior: "H",
      consumedLastYear: "I",
      consumedSinceStart: "J",
    });
  });
});

describe("a summary worded like a detail table", () => {
  // corpus3 seed 17: « Axe », « Objectif », « Réalisé » over au 31/12 | en 2022 | 2020-2022, but « Département » and no yearly block.
  test("with no yearly block and a column only the summary names, it is the summary", () => {
    const wb: WorkbookSnapshot = { sheets: [] };
    const sheet = emptySheet("Récapitulatif");
    wb.sheets.push(sheet);
    const heads = [
      "Axe",
      "Objectif",
      "Fiche action N°",
      "Département (en €)",
      "Etat (P304) (en €)",
      "ONDAM (en €)",
      "ARS (FIR) (en €)",
      "Montant total (en €)",
      "au 31/12/2021 (en €)",
      "en 2022 (en €)",
      "2020-2022 (en €)",
    ];
    setCell(sheet, 3, 9, { value: "Réalisé" });
    sheet.merges.push({ r1: 3, c1: 9, r2: 3, c2: 11 });
    heads.forEach((t, i) => setCell(sheet, 4, i + 1, { value: t }));
    const rows: Array<[string, number, number, number, number]> = [
      ["A1", 641500, 155000, 292848, 76509],
      ["A2", 300000, 0, 100000, 50000],
      ["A3", 250000, 40000, 90000, 10000],
    ];
    rows.forEach(([f, cd, fir, prior, last], i) => {
      const values = ["ENGAGEMENT 1", "Soutenir les actions innovantes en PMI", f, cd, 0, 0, fir, cd + fir, prior, last, prior + last];
      values.forEach((v, c) => setCell(sheet, 5 + i, c + 1, { value: v }));
    });
    sheet.rowCount = 7;
    sheet.colCount = 11;
    const l = recognise(wb);
    expect(l.detail).toBeNull();
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject({ fiche: "C", departement: "D", budget: "H", consumedSinceStart: "K" });
  });
});
