// Issue #10, corpus4 classes of header wording: what a column's header says, and what its neighbours say when its own
// words leave it open (realisations as « Montant » / « Taux » pairs under a year or a span, groups written over their
// first column only, bare « Sous-total » block totals, the summary's « Exécution » / « Total »).
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { setCell, type SheetSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols, type MiniAnnex, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};
const YEARS = [2021, 2022];
const std = standardCols(YEARS);
const before = std.filter((c) => !["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].includes(c.key));
const gap: MiniCol = { head: "Reste à réaliser", key: "gap" };

/** Groups written over their first column only: the merges over the upper header row are dropped, and the group text
 * is left on the first column alone (miniDetail writes it there). */
function unmergeGroups(m: MiniAnnex): void {
  const top = m.headerRows[0]!;
  m.sheet.merges = m.sheet.merges.filter((x) => !(x.r1 === top && x.r2 === top));
}

describe("header words", () => {
  test.each([
    ["Année 2024", "%", "rate2024"],
    ["Exercice 2024", "Taux", "rate2024"],
    ["ANNÉE 2023", "Taux d'exécution", "rate2023"],
    ["Modalités", "CD", "modalite"],
    ["Modalité de financement", "FIR + PLF", "modalite"],
    ["Objectif", "Axe 1 - Agir le plus précocement possible", "objective"],
    ["ENGAGEMENT", "Engagement 1 : Agir le plus précocement possible", "theme"],
    ["CONTRAT DÉPARTEMENTAL DE PRÉVENTION ET DE PROTECTION DE L'ENFANCE", "Action", "label"],
    ["CONTRAT DÉPARTEMENTAL DE PRÉVENTION ET DE PROTECTION DE L'ENFANCE", "Intitulé", "label"],
    ["", "Crédits disponibles", "gap"],
    ["Numéro fiche", "action", "fiche"],
    ["Financement départemental", "Masse salariale", "msTotal"],
    // Abbreviations and other words of a finance officer.
    ["", "Tx d'exécution", "rateLastYear"],
    ["", "TX RÉALISATION CUMULÉ", "rateGlobal"],
    ["", "Réalisé/Prévu", "rateLastYear"],
    ["", "Différence prévu - réalisé", "gap"],
    ["", "Numéro d'action", "fiche"],
    ["", "Code fiche", "fiche"],
    ["", "Fiche-action", "fiche"],
    ["", "Montant total de l'action", "budget"],
    ["", "Enveloppe globale", "budget"],
    ["", "Financement total", "budget"],
    ["", "Origine des fonds", "source"],
    ["", "Partenaires financiers", "source"],
    ["", "Autofinancement 2023", "cd2023"],
    ["", "Dépt 2023", "cd2023"],
    ["", "Coût réel 2023", "realised2023"],
    ["", "Montant réel", "realisedLastYear"],
    ["", "Taux réel/prévu", "rateLastYear"],
    ["Réel 2023", "FIR", null],
    ["", "Montant versé", "realisedLastYear"],
    ["", "Montant global", "budget"],
    ["", "Crédits alloués", "budget"],
    ["", "Montant programmé", "budget"],
    ["", "Montant alloué FIR", "firTotal"],
  ])("« %s » / « %s » is %s", (g, s, k) => {
    expect(key(g, s)).toBe(k);
  });

  test("a year alone over an amount says nothing by itself: its neighbours decide", () => {
    expect(key("Année 2024", "Montant")).toBeNull();
    expect(key("Année 2024", "€")).toBeNull();
  });

  test.each([
    ["Réalisé 2023", "FIR"],
    ["Réalisations 2023", "Part CD"],
    ["Consommé", "ETAT"],
    ["Taux d'exécution", "FIR"],
    ["Écart", "CD"],
  ])("a funder under a realisation, a rate or a gap (« %s » / « %s ») is a split no rule reads, not the funder's planned amount", (g, s) => {
    expect(key(g, s)).toBeNull();
  });

  test("a span written with a slash is a span; « Total » under one year is that year's", () => {
    expect(key("", "Réalisé 2021/2023")).toBe("realisedSinceStart");
    expect(key("Réalisé 2023", "Total")).toBe("realised2023");
    expect(key("Réalisations", "Total")).toBe("realisedSinceStart");
  });

  test.each([
    ["Part CD (MS + DGAS)", "cdTotal"],
    ["Total Département (MS + budget DGAS)", "cdTotal"],
    ["Masse salariale + DGAS 2023", "cd2023"],
    ["Masse salariale DGAS", "msTotal"],
    ["Total ETAT + FIR + ONDAM", null],
    ["Budget = CD + FIR + ETAT + ONDAM", "budget"],
    ["Budget total (CD + cofinanceurs)", "budget"],
    ["ONDAM (CNSA / Assurance maladie)", "ondamTotal"],
  ])("funders added up: « %s » is %s", (h, k) => {
    expect(key("", h)).toBe(k);
  });

  test.each([
    "État d'avancement",
    "Avis ARS",
    "Commentaire ARS",
    "Observations CD",
    "Validation Etat",
    "Nombre d'ETP",
    "ETP 2023",
    "Direction pilote",
    "Date de fin",
  ])("text about the action, not its money, even naming a funder: « %s » stays unread", (h) => {
    expect(key("", h)).toBeNull();
  });

  test("valued posts are the masse salariale", () => {
    expect(key("", "Masse salariale (ETP valorisés)")).toBe("msTotal");
    expect(key("", "ETP valorisés 2023")).toBe("ms2023");
    expect(key("", "Direction")).toBe("theme");
  });

  test("words that name nothing of the annex stay unread", () => {
    expect(key("", "Code analytique")).toBeNull();
    expect(key("", "Partenaires")).toBeNull();
    expect(key("", "Financement total CD")).toBe("cdTotal");
  });

  test("« Contrat départemental » names the contract, not the département's funds", () => {
    expect(key("", "Contrat départemental de prévention et de protection de l'enfance")).toBeNull();
  });
});

describe("realisations as amount and rate pairs", () => {
  const pairs = (yearGroup: string, spanGroup: string, amount: string, rate: string): MiniCol[] => [
    ...before,
    { group: yearGroup, head: amount, key: "realisedLastYear" },
    { group: yearGroup, head: rate, key: "rateLastYear" },
    { group: spanGroup, head: amount, key: "realisedSinceStart" },
    { group: spanGroup, head: rate, key: "rateGlobal" },
    gap,
  ];

  test.each([
    ["Année 2022", "Cumul 2021-2022", "Montant", "%"],
    ["Exercice 2022", "Depuis 2021", "€", "Taux"],
    ["2022", "Cumul 2021-2022", "Montant", "Taux d'exécution"],
  ])("« %s » and « %s » over « %s » | « %s »", (yg, sg, amount, rate) => {
    const m = miniDetail({ cols: pairs(yg, sg, amount, rate), years: YEARS });
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("groups written over the amount only: each « Taux » is the rate of the amount before it", () => {
    const m = miniDetail({ cols: pairs("Mandaté 2022", "Depuis 2021", "Montant", "Taux d'exécution"), years: YEARS });
    unmergeGroups(m);
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("an amount under the year alone beside the cumulative worded the same (« Année 2022 » / « € », « Depuis 2021 » / « € »)", () => {
    const cols: MiniCol[] = [
      ...before,
      { group: "Année 2022", head: "€", key: "realisedLastYear" },
      { group: "Depuis 2021", head: "€", key: "realisedSinceStart" },
      gap,
    ];
    const m = miniDetail({ cols, years: YEARS });
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a rate with words of its own keeps them: « Taux d'exécution » after the cumulative is not the global rate when « Taux global » is there", () => {
    const cols: MiniCol[] = [
      ...before,
      { head: "Réalisé 2022", key: "realisedLastYear" },
      { head: "Réalisé cumulé", key: "realisedSinceStart" },
      { head: "Taux d'exécution", key: "rateLastYear" },
      { head: "Taux global", key: "rateGlobal" },
      gap,
    ];
    const m = miniDetail({ cols, years: YEARS });
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
  });
});

describe("realisations split per funder beside the annex's own columns", () => {
  test("« Réalisé 2022 » over CD | FIR | ETAT | ONDAM | Total: the total is the year's realisation, the splits stay unread", () => {
    const cols: MiniCol[] = [
      ...before,
      { group: "Réalisé 2022", head: "CD", key: "splitCd" },
      { group: "Réalisé 2022", head: "FIR", key: "splitFir" },
      { group: "Réalisé 2022", head: "ETAT", key: "splitEtat" },
      { group: "Réalisé 2022", head: "ONDAM", key: "splitOndam" },
      { group: "Réalisé 2022", head: "Total", key: "realisedLastYear" },
      ...std.slice(-4),
    ];
    const m = miniDetail({ cols, years: YEARS });
    const d = recognise(m.wb).detail!;
    const { splitCd, splitFir, splitEtat, splitOndam, ...expected } = m.colOf;
    expect(columnLetters(d)).toMatchObject(expected);
    for (const col of [splitCd, splitFir, splitEtat, splitOndam]) expect(Object.values(columnLetters(d))).not.toContain(col);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("a bare « Total » after the funders' totals", () => {
  test("« Total CD | FIR | ETAT | ONDAM | Total »: the total is the planned budget", () => {
    const cols: MiniCol[] = [
      ...std.filter((c) => ["fiche", "label", "objective", "objectiveType", "source"].includes(c.key)),
      ...std.filter((c) => /^(ms|dgas)/.test(c.key)),
      { head: "Total CD", key: "cdTotal" },
      { head: "FIR", key: "firTotal" },
      { head: "ETAT", key: "etatTotal" },
      { head: "ONDAM", key: "ondamTotal" },
      { head: "Total", key: "budget" },
      ...std.slice(-5),
    ];
    const m = miniDetail({ cols, years: YEARS });
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("after the co-financers alone it is theirs, not the budget", () => {
    const cols: MiniCol[] = [
      ...std.filter((c) => !["budget"].includes(c.key) && !/^(fir|etat|ondam)/.test(c.key) && !/^(realised|rate|gap)/.test(c.key)),
      { head: "FIR", key: "firTotal" },
      { head: "ETAT", key: "etatTotal" },
      { head: "ONDAM", key: "ondamTotal" },
      { head: "Total", key: "cofinancing" },
      ...std.slice(-5),
    ];
    const m = miniDetail({ cols, years: YEARS });
    const d = recognise(m.wb).detail;
    expect(d?.columns.budget).toBeUndefined();
  });
});

describe("block totals written « Sous-total » under a group written over the first year only", () => {
  test("each funder's « Sous-total » is its total", () => {
    const block = (group: string, b: string): MiniCol[] => [
      ...YEARS.map((y) => ({ group, head: String(y), key: `${b}${y}` })),
      { group, head: "Sous-total", key: `${b}Total` },
    ];
    const cols: MiniCol[] = [
      ...std.slice(0, 5),
      ...block("Masse salariale", "ms"),
      ...block("Budget DGAS", "dgas"),
      ...block("Département", "cd"),
      { head: "Financeur(s)", key: "source" },
      ...block("FIR", "fir"),
      ...block("Etat - programme 304", "etat"),
      ...block("CNSA", "ondam"),
      ...std.slice(-5),
    ];
    const m = miniDetail({ cols, years: YEARS });
    unmergeGroups(m);
    const d = recognise(m.wb).detail!;
    expect(columnLetters(d)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

/** The summary's consumption columns (J, K, L) under one group: « 2020-2021 » (the prior span), « Année 2022 », a total. */
function groupConsumed(sheet: SheetSnapshot, group: string, total: string): void {
  // Rows move down one: the header gets a group row above it; the other headers are merged down over both rows.
  sheet.cells.unshift([]);
  sheet.rowCount++;
  for (let c = 1; c <= 9; c++) {
    setCell(sheet, 1, c, sheet.cells[1]![c - 1]);
    setCell(sheet, 2, c, undefined);
    sheet.merges.push({ r1: 1, c1: c, r2: 2, c2: c });
  }
  setCell(sheet, 1, 10, { value: group });
  sheet.merges.push({ r1: 1, c1: 10, r2: 1, c2: 12 });
  setCell(sheet, 2, 10, { value: "2020-2021" });
  setCell(sheet, 2, 11, { value: "Année 2022" });
  setCell(sheet, 2, 12, { value: total });
}

describe("summary consumption under one group", () => {
  test.each([
    ["Exécution", "Total"],
    ["Réalisations", "Cumul"],
    ["EXÉCUTION", "CUMUL"],
    ["Budget consommé", "Cumul"],
  ])("« %s » over the prior span, the year and « %s »", (group, total) => {
    const fs = fiches();
    const m = miniDetail({ fiches: fs, years: YEARS });
    const s = miniSummary(m.wb, fs);
    groupConsumed(s.sheet, group, total);
    const sum = recognise(m.wb).summary!;
    expect(columnLetters(sum)).toMatchObject({ consumedPrior: "J", consumedLastYear: "K", consumedSinceStart: "L" });
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("funders under more of their names (corpus6)", () => {
  test.each([
    ["Sécurité sociale", "2022", "ondam2022"],
    ["", "Sécurité sociale 2023", "ondam2023"],
    ["Sécurité sociale", "Dotation 2022", "ondam2022"],
    ["A.R.S.", "2022", "fir2022"],
    ["", "A.R.S. 2024", "fir2024"],
    ["Budget direction enfance", "CP 2022", "dgas2022"],
    ["Crédits de fonctionnement", "CP 2022", "dgas2022"],
    ["Credits de fonctionnement", "Dotation 2023", "dgas2023"],
    ["", "Dépenses hors personnel 2022", "dgas2022"],
    ["Dépenses hors personnel", "CP 2021", "dgas2021"],
    // (What a block excludes still names nothing: « Budget DGAS (hors masse salariale) » is the DGAS.)
    ["", "Budget DGAS (hors masse salariale) 2022", "dgas2022"],
    ["", "Dépenses réalisées 2022", "realised2022"],
  ])("« %s » / « %s » → %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
});

describe("the planned budget and the modalities in more words (corpus6)", () => {
  test.each([
    ["", "TOTAL PREVU", "budget"],
    ["", "TOTAL PREVU (€)", "budget"],
    ["", "Dotation globale en €", "budget"],
    ["", "Crédits de paiement prévus", "budget"],
    ["FIR", "Total prévu", "firTotal"],
    ["", "Financement Etat/AM", "modalite"],
    ["", "FINANCEMENT ETAT/AM", "modalite"],
    ["", "Financement  Etat/AM :", "modalite"],
  ])("« %s » / « %s » → %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
});
