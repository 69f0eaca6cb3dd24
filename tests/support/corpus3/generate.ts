// corpus3: annexes as other départements plausibly keep them, designed independently of the product's recogniser
// and of the other corpus generators. One seed gives one workbook (a GBook, written as .xlsx) and its truth: every
// role's column letter per table, the rows of fiches, sub-totals and totals, and the variety features it used.
import { ENGAGEMENTS, FICHE_LABELS, INDICATORS, OBJECTIVES, THEMES, type Objective } from "./domain";
import { addr, letters, newSheet, recompute, setCell, type Calc, type GBook, type GCell, type GSheet, type Ref, type Value } from "./grid";
import { Rng } from "./rng";

export type Funder = "fir" | "etat" | "ondam";
export const FUNDERS: Funder[] = ["fir", "etat", "ondam"];

export interface Part {
  ms: number[];
  dgas: number[];
  fir: number[];
  etat: number[];
  ondam: number[];
  realisedLast: number;
  realisedSince: number;
  text: string;
  /** Realised per year (the last one is realisedLast); their sum is realisedSince. */
  realisedYears: number[];
}
export interface FicheData {
  num: string;
  numValue: number | string;
  engagement: number;
  objective: Objective;
  label: string;
  theme: string;
  indicator: string;
  parts: Part[];
}

export interface TableTruth {
  kind: "detail" | "summary";
  sheet: string;
  headerRows: number[];
  /** role key -> column letter */
  columns: Record<string, string>;
  /** role key -> header text as written (group / sub joined) */
  headerOf: Record<string, string>;
  /** column letter -> header of a column that holds no role (Commentaires, Service pilote, dates…) */
  extras: Record<string, string>;
  /** every fiche row: the row, the fiche, which part of it (0 = the row carrying the number) */
  ficheRows: Array<{ row: number; fiche: string; part: number }>;
  subtotalRows: number[];
  totalRow: number | null;
}

export interface Annex {
  seed: number;
  book: GBook;
  truth: TableTruth[];
  features: string[];
  years: number[];
  fiches: FicheData[];
  funders: Funder[];
  cdMode: CdMode;
  /** Formulas or values for totals, used by faults that need a formula. */
  totalsAreFormulas: boolean;
}

type CdMode = "full" | "split" | "single" | "splitTotal";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// ---------- wording ----------

const FUNDER_WORDS: Record<Funder, Array<{ group: string; total: string; short: string }>> = {
  fir: [
    { group: "Montant FIR", total: "Montant FIR", short: "FIR" },
    { group: "FIR", total: "Total FIR", short: "FIR" },
    { group: "ARS (FIR)", total: "Total ARS", short: "ARS" },
    { group: "Crédits ARS", total: "Total crédits ARS", short: "ARS" },
    { group: "Fonds d'intervention régional", total: "Total FIR", short: "FIR" },
    { group: "Financement ARS - FIR", total: "Total FIR", short: "FIR" },
  ],
  etat: [
    { group: "Montant ETAT", total: "Montant ETAT", short: "ETAT" },
    { group: "État", total: "Total État", short: "État" },
    { group: "Etat (P304)", total: "Total Etat", short: "Etat" },
    { group: "Programme 304", total: "Total P304", short: "P304" },
    { group: "Crédits Etat - PLF", total: "Total PLF", short: "PLF" },
    { group: "DGCS (programme 304)", total: "Total Etat", short: "Etat" },
  ],
  ondam: [
    { group: "Montant ONDAM", total: "Montant ONDAM", short: "ONDAM" },
    { group: "ONDAM", total: "Total ONDAM", short: "ONDAM" },
    { group: "Assurance maladie", total: "Total assurance maladie", short: "AM" },
    { group: "ONDAM médico-social (AM)", total: "Total ONDAM", short: "ONDAM" },
    { group: "Assurance maladie - ONDAM", total: "Total AM", short: "AM" },
  ],
};
const MS_WORDS = [
  { group: "Masse salariale", total: "Total masse salariale", short: "MS" },
  { group: "MASSE SALARIALE", total: "TOTAL MASSE SALARIALE", short: "MS" },
  { group: "Masse salariale (ETP valorisés)", total: "Total MS", short: "MS" },
  { group: "Dépenses de personnel", total: "Total dépenses de personnel", short: "Personnel" },
  { group: "Valorisation RH (masse salariale)", total: "Total valorisation RH", short: "MS" },
];
const DGAS_WORDS = [
  { group: "Budget DGAS", total: "Total budget DGAS", short: "DGAS" },
  { group: "Crédits DGAS", total: "Total crédits DGAS", short: "DGAS" },
  { group: "Budget DGAS (hors masse salariale)", total: "Total DGAS", short: "DGAS" },
  { group: "Dépenses directes DGAS", total: "Total DGAS", short: "DGAS" },
];
const CD_WORDS = [
  { group: "Total CD", total: "Total CD", short: "CD" },
  { group: "Conseil départemental", total: "Total Conseil départemental", short: "CD" },
  { group: "Département", total: "Total Département", short: "Département" },
  { group: "Fonds propres CD", total: "Total fonds propres", short: "CD" },
  { group: "Part départementale", total: "Total part départementale", short: "CD" },
  { group: "Financement Département", total: "Total Département", short: "CD" },
];

const SOURCE_NAMES: Record<Funder, string[]> = {
  fir: ["FIR", "FIR", "ARS", "ARS (FIR)", "Crédits ARS"],
  etat: ["ETAT", "ETAT", "État", "PLF", "P304", "Etat"],
  ondam: ["ONDAM", "ONDAM", "AM", "Assurance maladie", "CNSA"],
};
const MODALITE_NAMES: Record<Funder, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };

function shortYear(y: number) {
  return String(y).slice(2);
}

// ---------- the generator ----------

interface ColDef {
  key: string; // role key, or "extra:<name>"
  sup?: string;
  supId?: string;
  group?: string;
  groupId?: string;
  leaf: string;
  flat: string;
  kind: "text" | "amount" | "rate" | "date" | "num";
  hidden?: boolean;
}

interface Style {
  amountFmt: string;
  rateFmt: string;
  zero: "zero" | "empty";
  upper: boolean;
  breaks: number;
  headerRows: 1 | 2 | 3;
  single: "merge" | "top" | "bottom";
  totals: "formula" | "value";
  blockTotals: "formula" | "value";
  cdYear: "formula" | "value";
  budget: "formula" | "value";
  rates: "formula" | "value";
  width: number;
  yearNumbers: boolean;
  euro: string;
  /** Group headers merged across their block, written over the first column only (« centrer sur plusieurs colonnes »), or repeated. */
  groups: "merge" | "first-only" | "repeat";
}

export function generateAnnex(seed: number): Annex {
  const rng = new Rng(seed);
  // Variety added later draws from its own stream, so that adding it leaves the earlier seeds' layouts alone.
  const rngX = new Rng(seed * 7 + 100003);
  const features: string[] = [];
  const feat = (f: string) => features.push(f);

  // Years: any start 2020..2025, any count up to 2027.
  const y0 = rng.pick([2020, 2020, 2020, 2021, 2021, 2022, 2023, 2024, 2025]);
  const maxN = 2027 - y0 + 1;
  const nYears = Math.max(2, Math.min(maxN, rng.pick([2, 2, 3, 3, 3, 4, 4, 5, 6, 8])));
  const years = Array.from({ length: nYears }, (_, i) => y0 + i);
  const yN = years[years.length - 1]!;
  feat(`years:${y0}-${yN}`);

  // Funders present as blocks: at least one.
  let funders = FUNDERS.filter(() => rng.chance(0.75));
  if (!funders.length) funders = [rng.pick(FUNDERS)];
  funders = rng.chance(0.6) ? funders : rng.shuffle(funders);
  feat(`funders:${funders.join("+")}`);
  const cdMode: CdMode = rng.pick(["full", "full", "split", "single", "splitTotal"] as CdMode[]);
  feat(`cd:${cdMode}`);

  const style: Style = {
    amountFmt: rng.pick(['#,##0 "€"', '#,##0\\ "€"', '_-* #,##0 "€"_-;-* #,##0 "€"_-;_-* "-"?? "€"_-;_-@_-', "#,##0", '#,##0.00 "€"']),
    rateFmt: rng.pick(["0%", "0.0%", "0.00%"]),
    zero: rng.chance(0.6) ? "zero" : "empty",
    upper: rng.chance(0.2),
    breaks: rng.pick([0, 0, 0.3, 0.6]),
    headerRows: rng.pick([1, 2, 2, 2, 3] as const),
    single: rng.pick(["merge", "merge", "top", "bottom"] as const),
    totals: rng.chance(0.7) ? "formula" : "value",
    blockTotals: rng.chance(0.6) ? "formula" : "value",
    cdYear: rng.chance(0.5) ? "formula" : "value",
    budget: rng.chance(0.5) ? "formula" : "value",
    rates: rng.chance(0.5) ? "formula" : "value",
    width: rng.int(15, 20),
    yearNumbers: rng.chance(0.7),
    euro: rng.pick(["", "", "", "", " (€)", " (en €)", "\nen euros"]),
    groups: rngX.chance(0.75) ? "merge" : rngX.chance(0.5) ? "first-only" : "repeat",
  };
  if (style.groups !== "merge") feat(`group-headers:${style.groups}`);
  if (style.euro) feat("header:euro-suffix");
  if (!style.yearNumbers) feat("year-header:text");
  feat(`header:${style.headerRows}row${style.headerRows > 1 ? `/${style.single}` : ""}`);
  if (style.upper) feat("upper-case");
  if (style.breaks) feat("line-breaks");
  feat(`totals:${style.totals}`);
  feat(`zero:${style.zero}`);

  // ----- the data -----
  const nFiches = rng.int(6, 34);
  const ficheForm = rng.pick(["int", "int", "pad", "FA", "FA-", "Fiche", "dotted", "bis", "letter", "FAnum"] as const);
  feat(`fiche-number:${ficheForm}`);
  const multiRow = rng.chance(0.35);
  const multiMoney = multiRow && rng.chance(0.6);
  // Hidden cents: amounts typed with cents, shown without (the 2022 annex has some).
  const cents = rng.chance(0.15);
  if (cents) feat("amounts:hidden-cents");
  // Amounts in thousands of euros (« en k€ »): the arithmetic is the same, the figures are small decimals.
  const kEuro = !cents && rngX.chance(0.08);
  if (kEuro) {
    feat("amounts:k€");
    style.amountFmt = rngX.pick(["#,##0.0", '#,##0.0 "k€"', "0.0"]);
    style.euro = rngX.pick([" (k€)", " (en k€)", "\nen milliers d'euros"]);
  }
  const money2 = (x: number) => (kEuro ? x / 1000 : cents && x ? x + rng.int(1, 99) / 100 : x);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const roundReal = (x: number) => (kEuro ? Math.round(x * 10) / 10 : cents ? r2(x) : Math.round(x));
  if (multiRow) feat(multiMoney ? "multi-row-fiche:money-split" : "multi-row-fiche:text");
  const fiches: FicheData[] = [];
  const objectivesPool = rng.shuffle(OBJECTIVES).slice(0, rng.int(5, OBJECTIVES.length));
  for (let i = 0; i < nFiches; i++) {
    const objective = rng.pick(objectivesPool);
    const nParts = multiRow && rng.chance(0.3) ? rng.int(2, 3) : 1;
    const parts: Part[] = [];
    // Which funders carry money for this fiche: plausible by objective (FIR for PMI, ONDAM for handicap).
    const has: Record<Funder, boolean> = {
      fir: funders.includes("fir") && objective.fir && rng.chance(0.7),
      etat: funders.includes("etat") && rng.chance(0.55),
      ondam: funders.includes("ondam") && objective.ondam && rng.chance(0.7),
    };
    for (let p = 0; p < nParts; p++) {
      const money = p === 0 || multiMoney;
      const start = rng.chance(0.2) ? rng.int(0, Math.max(0, years.length - 1)) : 0; // an action starting later
      const yearly = (on: boolean, lo: number, hi: number) => years.map((_, k) => (money && on && k >= start ? money2(rng.amount(lo, hi)) : 0));
      const ms = yearly(rng.chance(0.6), 5000, 120000);
      const dgas = yearly(true, 2000, 250000);
      const part: Part = {
        ms,
        dgas,
        fir: yearly(has.fir && (p === 0 || rng.chance(0.5)), 5000, 90000),
        etat: yearly(has.etat && (p === 0 || rng.chance(0.5)), 5000, 150000),
        ondam: yearly(has.ondam && (p === 0 || rng.chance(0.5)), 5000, 200000),
        realisedLast: 0,
        realisedSince: 0,
        realisedYears: [],
        text: p === 0 ? "" : rng.pick(["Volet 2 : recrutement", "Volet investissement", "Suite : fonctionnement", "Sous-action b", "2e tranche"]),
      };
      // Realisations: never above plan, cumulative ≥ last year.
      const planned = years.map((_, k) => part.ms[k]! + part.dgas[k]! + part.fir[k]! + part.etat[k]! + part.ondam[k]!);
      part.realisedYears = planned.map((v, k) => roundReal(v * (k === years.length - 1 ? 0.2 + 0.8 * rng.next() : 0.3 + 0.7 * rng.next())));
      part.realisedLast = part.realisedYears[years.length - 1]!;
      part.realisedSince = kEuro ? Math.round(sum(part.realisedYears) * 10) / 10 : r2(sum(part.realisedYears));
      parts.push(part);
    }
    fiches.push({
      num: "",
      numValue: "",
      engagement: objective.engagement,
      objective,
      label: rng.pick(FICHE_LABELS),
      theme: rng.pick(THEMES),
      indicator: rng.pick(INDICATORS),
      parts,
    });
  }
  fiches.sort((a, b) => a.engagement - b.engagement);
  // Numbers.
  const perEng = new Map<number, number>();
  let seq = 0;
  for (const f of fiches) {
    seq++;
    const k = (perEng.get(f.engagement) ?? 0) + 1;
    perEng.set(f.engagement, k);
    switch (ficheForm) {
      case "int":
        f.numValue = seq;
        f.num = String(seq);
        break;
      case "pad":
        f.num = String(seq).padStart(2, "0");
        f.numValue = f.num;
        break;
      case "FA":
        f.num = `FA ${seq}`;
        f.numValue = f.num;
        break;
      case "FA-":
        f.num = `FA-${seq}`;
        f.numValue = f.num;
        break;
      case "FAnum":
        f.num = `FA${String(seq).padStart(2, "0")}`;
        f.numValue = f.num;
        break;
      case "Fiche":
        f.num = `Fiche ${seq}`;
        f.numValue = f.num;
        break;
      case "dotted":
        f.num = `${f.engagement + 1}.${k}`;
        f.numValue = f.num;
        break;
      case "letter":
        f.num = `${"ABCDE"[f.engagement]}${k}`;
        f.numValue = f.num;
        break;
      case "bis":
        break;
    }
  }
  if (ficheForm === "bis") {
    let n = 0;
    let prev = "";
    for (const f of fiches) {
      if (n > 0 && rng.chance(0.2) && !prev.includes("bis")) f.num = `${n} bis`;
      else f.num = String(++n);
      f.numValue = /bis/.test(f.num) ? f.num : Number(f.num);
      prev = f.num;
    }
  }

  const funderTotal = (f: FicheData, fu: Funder) => sum(f.parts.map((p) => sum(p[fu])));
  const cdTotalOf = (p: Part) => sum(p.ms) + sum(p.dgas);

  // ----- sheets and placement -----
  const together = rng.chance(0.35);
  const summaryFirst = rng.chance(0.5);
  const hasSummary = rng.chance(0.92);
  const hasDetail = true;
  const detailName = rng.pick([
    "Suivi fiches actions",
    "Détail",
    "Fiches actions",
    "Tableau 2",
    "Annexe 1 - détail",
    "Suivi FA",
    "Feuil2",
    "Bilan détaillé",
    `CDPPE ${yN}`,
    "Données",
  ]);
  const summaryName = rng.pick([
    "Synthèse financière",
    "Synthèse",
    "Récapitulatif",
    "Tableau 1",
    "Annexe 1",
    "Rapport financier",
    "Feuil1",
    "Récap engagements",
  ]);
  const book: GBook = { sheets: [] };
  const truth: TableTruth[] = [];
  let detailSheet: GSheet;
  let summarySheet: GSheet | null = null;
  if (together) {
    detailSheet = newSheet(rng.pick([detailName, `Annexe financière ${yN}`, "Annexe financière"]));
    summarySheet = hasSummary ? detailSheet : null;
    feat(hasSummary ? `one-sheet:${summaryFirst ? "summary-first" : "detail-first"}` : "detail-only");
    book.sheets.push(detailSheet);
  } else {
    detailSheet = newSheet(detailName);
    summarySheet = hasSummary ? newSheet(summaryName === detailName ? `${summaryName} (2)` : summaryName) : null;
    feat(hasSummary ? `two-sheets:${summaryFirst ? "summary-first" : "detail-first"}` : "detail-only");
    if (summarySheet && summaryFirst) book.sheets.push(summarySheet, detailSheet);
    else book.sheets.push(detailSheet, ...(summarySheet ? [summarySheet] : []));
  }
  // Extra sheets that are not tables.
  if (rng.chance(0.3)) {
    const notes = newSheet(rng.pick(["Notes", "Mode d'emploi", "Lisez-moi", "Paramètres"]));
    setCell(notes, 1, 1, { v: "Annexe financière du CDPPE — notes" });
    setCell(notes, 3, 1, { v: `Les montants sont exprimés en euros. Exercice ${yN}.` });
    setCell(notes, 4, 1, { v: "Source : services financiers de la DGAS" });
    book.sheets.splice(rng.int(0, book.sheets.length), 0, notes);
    feat("extra-sheet:notes");
  }
  if (rng.chance(0.12)) {
    // A pivot-like recap of totals per funder, placed before the annex.
    const piv = newSheet(rng.pick(["TCD", "Récap financeurs", "Tableau croisé"]));
    setCell(piv, 1, 1, { v: "Financeur", bold: true });
    setCell(piv, 1, 2, { v: "Somme de Montant", bold: true });
    const rowsP: Array<[string, number]> = [
      ["CD", sum(fiches.map((f) => sum(f.parts.map(cdTotalOf))))],
      ...funders.map((fu) => [fu.toUpperCase(), sum(fiches.map((f) => funderTotal(f, fu)))] as [string, number]),
    ];
    rowsP.forEach(([l, v], i) => {
      setCell(piv, 2 + i, 1, { v: l });
      setCell(piv, 2 + i, 2, { v, fmt: style.amountFmt });
    });
    setCell(piv, 2 + rowsP.length, 1, { v: "Total général", bold: true });
    setCell(piv, 2 + rowsP.length, 2, { v: sum(rowsP.map((x) => x[1])), fmt: style.amountFmt, bold: true });
    piv.widths.set(2, 18);
    book.sheets.unshift(piv);
    feat("extra-sheet:pivot-before");
  }

  const startCol = rng.pick([1, 1, 1, 2, 3]);
  if (startCol > 1) feat(`start-col:${letters(startCol)}`);
  const titleRows = rng.pick([0, 1, 1, 2, 3, 4]);
  if (titleRows) feat(`title-rows:${titleRows}`);

  const dirtyHeaders = rngX.chance(0.15);
  if (dirtyHeaders) feat("header:nbsp-trailing-space");
  const footnotes = rngX.chance(0.15);
  if (footnotes) feat("header:footnote-calls");
  const hText = (s: string) => {
    let t = style.upper ? s.toUpperCase() : s;
    if (style.breaks && t.length > 14 && rng.chance(style.breaks)) {
      const sp = [...t.matchAll(/ /g)].map((m) => m.index);
      if (sp.length) {
        const i = sp[Math.floor(sp.length / 2)]!;
        t = t.slice(0, i) + "\n" + t.slice(i + 1);
      }
    }
    // Copy-paste traces: a non-breaking space, a trailing space; footnote calls on some headers.
    if (dirtyHeaders && t.length > 6 && rngX.chance(0.3)) t = rngX.chance(0.5) ? t.replace(" ", "\u00a0") : `${t} `;
    if (footnotes && /\D/.test(t) && t.length > 8 && rngX.chance(0.12)) t = `${t}${rngX.pick([" (1)", "*", " (2)", " **"])}`;
    return t;
  };

  const mergeTitles = rngX.chance(0.3);
  if (mergeTitles) feat("title:merged-across");
  const autoFilter = rngX.chance(0.25);
  if (autoFilter) feat("autofilter");
  const writeTitles = (s: GSheet, r0: number, n: number, which: string, width: number): number => {
    const titles = [
      "CONTRAT DÉPARTEMENTAL DE PRÉVENTION ET DE PROTECTION DE L'ENFANCE",
      `${which} — bilan d'exécution ${yN}`,
      `Département de ${rng.pick(["la Gironde", "l'Isère", "la Somme", "Loire-Atlantique", "la Marne", "l'Hérault", "la Vienne"])}`,
      `Mise à jour : ${rng.int(1, 28)}/0${rng.int(1, 6)}/${yN + 1}`,
    ];
    let r = r0;
    for (let i = 0; i < n; i++) {
      if (i === 0 && rng.chance(0.3)) {
        s.heights.set(r, 48); // a logo row: tall, empty
        r++;
        continue;
      }
      setCell(s, r, startCol, { v: titles[i % titles.length]!, bold: true });
      if (mergeTitles && i === 0) s.merges.push([r, startCol, r, startCol + width - 1]);
      r++;
    }
    return r;
  };

  // ----- detail columns -----
  const cols: ColDef[] = [];
  const add = (c: ColDef) => cols.push(c);
  const fichePick = rng.pick([
    { leaf: "N° fiche" },
    { leaf: "N°" },
    { leaf: "Numéro fiche action" },
    { leaf: "N° FA" },
    { leaf: "Fiche n°" },
    { leaf: "FA" },
    { leaf: "N° de la fiche action" },
    { leaf: "Réf. fiche" },
    { leaf: "N° action" },
    { leaf: "Nº" },
    { leaf: "No fiche" },
    { leaf: "Numéro" },
    { leaf: "N° fiche\naction" },
  ]);
  const labelPick = rng.pick([
    "Intitulé de la fiche action",
    "Fiche action",
    "Libellé de l'action",
    "Intitulés fiches actions",
    "Action",
    "Intitulé",
    "Nom de l'action",
  ]);
  add({ key: "fiche", leaf: fichePick.leaf, flat: fichePick.leaf, kind: "text" });
  add({ key: "label", leaf: labelPick, flat: labelPick, kind: "text" });
  if (rng.chance(0.5)) {
    const t = rng.pick(["Thème", "Thématique", "Domaine", "Champ"]);
    add({ key: "theme", leaf: t, flat: t, kind: "text" });
  }
  const objCols: ColDef[] = [];
  const objWording = rng.pick(["Objectif", "Intitulés objectifs", "Objectif national", "Objectif de la stratégie", "Objectifs"]);
  const objForm = rng.pick(["long", "long", "obj", "num-dash", "num"] as const);
  feat(`objective:${objForm}`);
  objCols.push({ key: "objective", leaf: objWording, flat: objWording, kind: "text" });
  const typeWording = rng.pick([
    "Obj. fondamental/ facultatif",
    "Type d'objectif",
    "Fondamental / facultatif",
    "Nature de l'objectif",
    "Objectif fondamental ou facultatif",
    "Caractère de l'objectif",
  ]);
  objCols.push({ key: "objectiveType", leaf: typeWording, flat: typeWording, kind: "text" });
  for (const c of rng.chance(0.8) ? objCols : objCols.reverse()) add(c);
  const typeForm = rng.pick(["cap", "cap", "upper", "lower"] as const);
  if (rng.chance(0.6)) {
    const t = rng.pick(["Indicateur", "Indicateurs de suivi", "Indicateur(s)", "Indicateurs"]);
    add({ key: "indicator", leaf: t, flat: t, kind: "text" });
    if (rng.chance(0.35)) {
      // Indicator targets per year, under a group: numbers, percentages or words in year columns that are not money.
      const g = rng.pick(["Valeurs cibles", "Cibles", "Objectifs chiffrés", "Indicateurs"]);
      const leafForm = rng.pick(["y", "cible"] as const);
      for (const y of years)
        add({ key: `indicator${y}`, group: g, groupId: "ind", leaf: leafForm === "y" ? String(y) : `Cible ${y}`, flat: `Cible ${y}`, kind: "text" });
      feat("indicator-targets");
    }
  }
  const extrasFront = rng
    .shuffle([
      { key: "extra:Service pilote", leaf: "Service pilote", flat: "Service pilote", kind: "text" as const },
      { key: "extra:Partenaires", leaf: "Partenaires", flat: "Partenaires", kind: "text" as const },
      { key: "extra:Date de début", leaf: "Date de début", flat: "Date de début", kind: "date" as const },
      { key: "extra:Échéance", leaf: "Échéance", flat: "Échéance", kind: "date" as const },
      { key: "extra:Public visé", leaf: "Public visé", flat: "Public visé", kind: "text" as const },
    ])
    .slice(0, rng.pick([0, 0, 1, 2, 3]));
  for (const e of extrasFront) {
    add(e);
    feat(`extra-col:${e.leaf}`);
  }

  const budgetWord = rng.pick([
    `Moyens financiers prévisionnels (${years.join(", ")})`,
    "Moyens financiers prévisionnels",
    "Budget prévisionnel total",
    "Coût total",
    "Montant prévu",
    "Crédits prévus",
    "Budget global",
    `Budget prévisionnel ${y0}-${yN}`,
    "Coût total prévisionnel de l'action",
    "Montant total prévu",
  ]);
  const budgetAfter = rng.chance(0.3);
  const budgetCol: ColDef = { key: "budget", leaf: budgetWord, flat: budgetWord, kind: "amount" };
  if (!budgetAfter) add(budgetCol);
  feat(`budget:${budgetAfter ? "after-blocks" : "before-blocks"}`);

  const supPlanned = rng.pick(["Moyens financiers prévisionnels", "FINANCEMENTS PRÉVUS", "Plan de financement", "Financements prévisionnels"]);
  const supCD = rng.pick(["Financement départemental", "Conseil départemental", "Part Département"]);
  const supCo = rng.pick(["Co-financements", "Cofinanceurs", "Financements partenaires"]);
  const yearLeaf = rng.pick(["y", "y", "y", "annee", "short", "paren"] as const);
  const totalAtStart = rng.chance(0.1);
  // Co-financers given as one amount each (no years): the yearly rate cannot be computed from the sheet, so none is kept.
  const funderTotalOnly = rng.chance(0.08);
  if (funderTotalOnly) feat("funders:total-only");
  const blockTotalsMissing = rng.chance(0.08);
  if (totalAtStart) feat("block-total:first");
  if (blockTotalsMissing) feat("block-total:none-for-funders");
  feat(`year-leaf:${yearLeaf}`);
  let gid = 0;
  const block = (prefix: string, w: { group: string; total: string; short: string }, sup: string | undefined, withTotal = true) => {
    const id = `g${gid++}`;
    const yc: ColDef[] = years.map((y) => {
      const leaf = yearLeaf === "y" ? String(y) : yearLeaf === "annee" ? `Année ${y}` : yearLeaf === "short" ? `${w.short} ${y}` : `${y}\n(€)`;
      return { key: `${prefix}${y}`, sup, supId: sup, group: w.group, groupId: id, leaf, flat: `${w.group} ${y}`, kind: "amount" };
    });
    const tl = rng.pick(["Total", w.total, w.total, `Total ${y0}-${yN}`, "Cumul"]);
    const tc: ColDef = {
      key: `${prefix}Total`,
      sup,
      supId: sup,
      group: w.group,
      groupId: id,
      leaf: tl,
      flat: tl === "Total" || tl === "Cumul" || tl.startsWith("Total 20") ? `${w.total}` : tl,
      kind: "amount",
    };
    if (!withTotal) return yc;
    return totalAtStart ? [tc, ...yc] : [...yc, tc];
  };
  const cdCols: ColDef[] = [];
  const useSup3 = style.headerRows === 3;
  const cdSup = useSup3 ? (rng.chance(0.5) ? supCD : supPlanned) : undefined;
  if (cdMode === "full" || cdMode === "split" || cdMode === "splitTotal") {
    cdCols.push(...block("ms", rng.pick(MS_WORDS), cdSup), ...block("dgas", rng.pick(DGAS_WORDS), cdSup));
  }
  if (cdMode === "full" || cdMode === "single") cdCols.push(...block("cd", rng.pick(CD_WORDS), cdSup));
  if (cdMode === "splitTotal") {
    const t = rng.pick(["Total CD", "Total Département", "Total Conseil départemental"]);
    cdCols.push({ key: "cdTotal", sup: cdSup, supId: cdSup, leaf: t, flat: t, kind: "amount" });
  }
  const sourceWord = rng.pick([
    "Source de co-financement",
    "Co-financeur(s)",
    "Financeur(s)",
    "Cofinanceurs",
    "Source(s) de financement",
    "Co-financement",
    "Partenaires financeurs",
  ]);
  const sourceCol: ColDef = { key: "source", leaf: sourceWord, flat: sourceWord, kind: "text" };
  const sourcePos = rng.pick(["before-funders", "before-funders", "after-funders", "end"] as const);
  feat(`source:${sourcePos}`);
  const funderCols: ColDef[] = [];
  const coSup = useSup3 ? (rng.chance(0.5) ? supCo : supPlanned) : undefined;
  for (const fu of funders) {
    const w = rng.pick(FUNDER_WORDS[fu]);
    if (funderTotalOnly) {
      const t = rng.pick([w.total, w.group, `${w.group} ${y0}-${yN}`]);
      funderCols.push({ key: `${fu}Total`, sup: coSup, supId: coSup, leaf: t, flat: t, kind: "amount" });
    } else funderCols.push(...block(fu, w, coSup, !blockTotalsMissing));
  }
  const cdAfterFunders = rng.chance(0.15);
  if (cdAfterFunders) feat("cd-after-funders");
  const money: ColDef[] = [];
  // Year-major: one group per year over the funders (« 2021 » over MS | DGAS | Total CD | FIR…), then a totals group.
  const yearMajor = !funderTotalOnly && !blockTotalsMissing && cdMode !== "splitTotal" && rng.chance(0.12);
  if (yearMajor) {
    feat("year-major-blocks");
    const names: Record<string, string> = {
      ms: rng.pick(["Masse salariale", "MS", "Personnel"]),
      dgas: rng.pick(["Budget DGAS", "DGAS", "Crédits DGAS"]),
      cd: rng.pick(["Total CD", "Département", "Total Département"]),
      fir: rng.pick(["FIR", "ARS (FIR)", "Crédits ARS"]),
      etat: rng.pick(["Etat", "État (P304)", "PLF"]),
      ondam: rng.pick(["ONDAM", "Assurance maladie", "AM"]),
    };
    const prefixes = [...(cdMode === "single" ? [] : ["ms", "dgas"]), ...(cdMode === "split" ? [] : ["cd"]), ...funders];
    const yg = rng.pick(["y", "annee", "budget"] as const);
    for (const y of years) {
      const g = yg === "y" ? String(y) : yg === "annee" ? `Année ${y}` : `Budget ${y}`;
      for (const pre of prefixes)
        money.push({
          key: `${pre}${y}`,
          sup: useSup3 ? supPlanned : undefined,
          supId: useSup3 ? supPlanned : undefined,
          group: g,
          groupId: `y${y}`,
          leaf: names[pre]!,
          flat: `${names[pre]} ${y}`,
          kind: "amount",
        });
    }
    const tg = rng.pick(["Total", `Total ${y0}-${yN}`, "Cumul de la période"]);
    for (const pre of prefixes)
      money.push({
        key: `${pre}Total`,
        sup: useSup3 ? supPlanned : undefined,
        supId: useSup3 ? supPlanned : undefined,
        group: tg,
        groupId: "ytot",
        leaf: names[pre]!,
        flat: `Total ${names[pre]}`,
        kind: "amount",
      });
    if (sourcePos === "before-funders") money.unshift(sourceCol);
  } else if (cdAfterFunders) money.push(...(sourcePos === "before-funders" ? [sourceCol] : []), ...funderCols, ...cdCols);
  else money.push(...cdCols, ...(sourcePos === "before-funders" ? [sourceCol] : []), ...funderCols);
  if (sourcePos === "after-funders") money.push(sourceCol);
  for (const c of money) add(c);
  if (budgetAfter) add(budgetCol);

  // Realisations, rates, gap.
  const realForm = rng.pick(["classic", "exec-groups", "real-group", "flat", "per-year"] as const);
  feat(`realised:${realForm}`);
  const withRateLast = !funderTotalOnly && rng.chance(0.8);
  const withRateGlobal = rng.chance(0.8);
  const withGap = rng.chance(0.8);
  const supReal = useSup3 ? rng.pick(["Réalisations", "EXÉCUTION", "Bilan d'exécution"]) : undefined;
  const rl = rng.pick([
    `Réalisations en ${yN}`,
    `Dépenses réalisées ${yN}`,
    `Exécution ${yN}`,
    `Consommé ${yN}`,
    `Mandaté ${yN}`,
    `Montant payé en ${yN}`,
    `Réalisé ${yN}`,
    `Dépenses mandatées au titre de ${yN}`,
  ]);
  const rs = rng.pick([
    `Réalisation depuis ${y0}`,
    `Réalisé cumulé ${y0}-${yN}`,
    `Exécution cumulée ${y0}-${yN}`,
    `Consommé cumulé au 31/12/${yN}`,
    `Total mandaté depuis ${y0}`,
    `Cumul réalisé ${y0}-${yN}`,
    `Dépenses réalisées depuis ${y0}`,
  ]);
  const rtl = rng.pick([
    `Niveau d'exécution budgétaire au titre de l'année ${yN}`,
    `Taux d'exécution ${yN}`,
    `Taux de consommation ${yN}`,
    `Taux de réalisation ${yN}`,
    `% réalisé ${yN}`,
  ]);
  const rtg = rng.pick([
    `Niveau d'exécution budgétaire globale (au 31/12/${shortYear(yN)})`,
    "Taux global",
    "Taux cumulé",
    `Taux d'exécution global ${y0}-${yN}`,
    `Taux de consommation cumulé`,
  ]);
  const gp = rng.pick([
    `Ecart Moyens financiers - Réalisations depuis ${y0}`,
    "Écart",
    "Reste à réaliser",
    "Solde",
    "Disponible",
    "Reste à consommer",
    "Crédits non consommés",
    `Écart prévu / réalisé`,
  ]);
  const real: ColDef[] = [];
  if (realForm === "exec-groups") {
    const g1 = `Exécution ${yN}`;
    const g2 = rng.pick([`Exécution cumulée ${y0}-${yN}`, `Cumul ${y0}-${yN}`, `Depuis ${y0}`]);
    real.push({ key: "realisedLastYear", sup: supReal, supId: supReal, group: g1, groupId: "e1", leaf: "Montant", flat: rl, kind: "amount" });
    if (withRateLast) real.push({ key: "rateLastYear", sup: supReal, supId: supReal, group: g1, groupId: "e1", leaf: "Taux", flat: rtl, kind: "rate" });
    real.push({ key: "realisedSinceStart", sup: supReal, supId: supReal, group: g2, groupId: "e2", leaf: "Montant", flat: rs, kind: "amount" });
    if (withRateGlobal) real.push({ key: "rateGlobal", sup: supReal, supId: supReal, group: g2, groupId: "e2", leaf: "Taux", flat: rtg, kind: "rate" });
    if (withGap) real.push({ key: "gap", sup: supReal, supId: supReal, leaf: gp, flat: gp, kind: "amount" });
  } else if (realForm === "per-year") {
    const g = rng.pick(["Réalisations", "Réalisé", "Dépenses réalisées", "Exécution", "Montants mandatés"]);
    for (const y of years)
      real.push({
        key: y === yN ? "realisedLastYear" : `realised${y}`,
        sup: supReal,
        supId: supReal,
        group: g,
        groupId: "ry",
        leaf: String(y),
        flat: y === yN ? rl : `${g} ${y}`,
        kind: "amount",
      });
    real.push({
      key: "realisedSinceStart",
      sup: supReal,
      supId: supReal,
      group: g,
      groupId: "ry",
      leaf: rng.pick(["Total", `Cumul ${y0}-${yN}`, "Cumul", `Total ${y0}-${yN}`]),
      flat: rs,
      kind: "amount",
    });
    if (withRateLast) real.push({ key: "rateLastYear", sup: supReal, supId: supReal, leaf: rtl, flat: rtl, kind: "rate" });
    if (withRateGlobal) real.push({ key: "rateGlobal", sup: supReal, supId: supReal, leaf: rtg, flat: rtg, kind: "rate" });
    if (withGap) real.push({ key: "gap", sup: supReal, supId: supReal, leaf: gp, flat: gp, kind: "amount" });
  } else if (realForm === "real-group") {
    const g = rng.pick(["Réalisations", "Réalisé", "Dépenses réalisées"]);
    real.push({ key: "realisedLastYear", sup: supReal, supId: supReal, group: g, groupId: "r", leaf: String(yN), flat: rl, kind: "amount" });
    real.push({
      key: "realisedSinceStart",
      sup: supReal,
      supId: supReal,
      group: g,
      groupId: "r",
      leaf: rng.pick([`Cumul ${y0}-${yN}`, `Depuis ${y0}`, `${y0}-${yN}`]),
      flat: rs,
      kind: "amount",
    });
    const tg = rng.pick(["Taux d'exécution", "Taux de consommation"]);
    if (withRateLast) real.push({ key: "rateLastYear", sup: supReal, supId: supReal, group: tg, groupId: "t", leaf: String(yN), flat: rtl, kind: "rate" });
    if (withRateGlobal)
      real.push({
        key: "rateGlobal",
        sup: supReal,
        supId: supReal,
        group: tg,
        groupId: "t",
        leaf: rng.pick(["Global", "Cumulé", `${y0}-${yN}`]),
        flat: rtg,
        kind: "rate",
      });
    if (withGap) real.push({ key: "gap", sup: supReal, supId: supReal, leaf: gp, flat: gp, kind: "amount" });
  } else {
    real.push({ key: "realisedLastYear", sup: supReal, supId: supReal, leaf: rl, flat: rl, kind: "amount" });
    if (withRateLast) real.push({ key: "rateLastYear", sup: supReal, supId: supReal, leaf: rtl, flat: rtl, kind: "rate" });
    real.push({ key: "realisedSinceStart", sup: supReal, supId: supReal, leaf: rs, flat: rs, kind: "amount" });
    if (withRateGlobal) real.push({ key: "rateGlobal", sup: supReal, supId: supReal, leaf: rtg, flat: rtg, kind: "rate" });
    if (withGap) real.push({ key: "gap", sup: supReal, supId: supReal, leaf: gp, flat: gp, kind: "amount" });
    if (realForm === "flat" && rng.chance(0.5)) {
      // Both amounts first, then the rates.
      const order = ["realisedLastYear", "realisedSinceStart", "rateLastYear", "rateGlobal", "gap"];
      real.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
      feat("realised:amounts-then-rates");
    }
  }
  for (const c of real) add(c);
  if (sourcePos === "end") add(sourceCol);
  const extrasEnd = rng
    .shuffle([
      { key: "extra:Commentaires", leaf: "Commentaires", flat: "Commentaires", kind: "text" as const },
      { key: "extra:Observations", leaf: "Observations", flat: "Observations", kind: "text" as const },
      { key: "extra:Nombre de bénéficiaires", leaf: "Nombre de bénéficiaires", flat: "Nombre de bénéficiaires", kind: "num" as const },
      { key: "extra:Date de fin", leaf: "Date de fin", flat: "Date de fin", kind: "date" as const },
      { key: "extra:Code analytique", leaf: "Code analytique", flat: "Code analytique", kind: "text" as const, hidden: true },
    ])
    .slice(0, rng.pick([0, 1, 1, 2, 3]));
  for (const e of extrasEnd) {
    add(e);
    feat(`extra-col:${e.leaf}${e.hidden ? "(hidden)" : ""}`);
  }
  if (rng.chance(0.15)) {
    // A hidden helper column in the middle of the amounts.
    const at = cols.findIndex((c) => c.key === "source") + 1 || cols.length;
    cols.splice(at, 0, { key: "extra:Contrôle", leaf: "Contrôle", flat: "Contrôle", kind: "num", hidden: true });
    feat("hidden-helper-col");
  }
  if (rng.chance(0.1) && years.length > 2) {
    // Old years hidden (still part of the blocks).
    for (const c of cols) if (c.key.endsWith(String(y0)) && c.kind === "amount") c.hidden = true;
    feat("hidden-first-year");
  }

  // Narrow empty spacer columns between blocks, as many sheets keep for legibility.
  if (rngX.chance(0.15)) {
    feat("spacer-columns");
    let n = 0;
    for (let i = cols.length - 1; i > 0; i--) {
      const c = cols[i]!;
      const prev = cols[i - 1]!;
      const startsBlock = (c.groupId && c.groupId !== prev.groupId) || c.key === "realisedLastYear" || c.key === "budget";
      if (startsBlock && !(c.sup && c.sup === prev.sup) && rngX.chance(0.7)) cols.splice(i, 0, { key: `extra:spacer${n++}`, leaf: "", flat: "", kind: "text" });
    }
  }
  // ----- detail placement -----
  const colOf = new Map<string, number>();
  cols.forEach((c, i) => colOf.set(c.key, startCol + i));
  const hasEngTitles = rng.chance(0.45);
  const hasSubtotals = hasEngTitles && rng.chance(0.7);
  const blankBetween = hasEngTitles && rng.chance(0.4);
  if (hasEngTitles) feat(hasSubtotals ? "detail:engagement-titles+subtotals" : "detail:engagement-titles");
  if (blankBetween) feat("detail:blank-rows");
  const engWordIdx = rng.int(0, 3);
  const subtotalWord = rng.pick(["Sous-total", "Sous-total Engagement", "S/TOTAL", "Total engagement", "Sous total"]);
  const totalWord = rng.pick(["TOTAL", "Total", "TOTAL GÉNÉRAL", "Total général", "TOTAL CDPPE"]);

  const totalLabelCol = rng.chance(0.3) ? colOf.get("label")! : startCol;
  if (totalLabelCol !== startCol) feat("total-label:in-label-col");
  const checkRow = rng.chance(0.15);
  const notesUnder = rngX.chance(0.25);
  if (notesUnder) feat("detail:notes-under-total");
  const useSubtotalFn = hasSubtotals && style.totals === "formula" && rngX.chance(0.3);
  if (useSubtotalFn) feat("subtotal-function");
  const mergeTotalLabel = rngX.chance(0.2);
  if (mergeTotalLabel) feat("total-label:merged");
  if (checkRow) feat("detail:check-row-under-total");
  const placeDetail = (s: GSheet, r0: number): number => {
    let r = writeTitles(s, r0, titleRows, "Suivi des fiches actions", cols.length);
    // Headers.
    const hr = Array.from({ length: style.headerRows }, (_, i) => r + i);
    writeHeaders(s, cols, startCol, hr, style, hText);
    if (autoFilter) s.autoFilter = `${letters(startCol)}${hr[hr.length - 1]}:${letters(startCol + cols.length - 1)}${hr[hr.length - 1]}`;
    r += style.headerRows;
    const tt: TableTruth = {
      kind: "detail",
      sheet: s.name,
      headerRows: hr,
      columns: {},
      headerOf: {},
      extras: {},
      ficheRows: [],
      subtotalRows: [],
      totalRow: null,
    };
    cols.forEach((c, i) => {
      const col = startCol + i;
      const header = [c.sup, c.group, c.leaf].filter((x): x is string => !!x).join(" / ");
      if (c.key.startsWith("extra:")) tt.extras[letters(col)] = header;
      else {
        tt.columns[c.key] = letters(col);
        tt.headerOf[c.key] = style.headerRows === 1 ? c.flat : header;
      }
      // Two tables on one sheet share their columns' widths: the wider need wins.
      s.widths.set(col, Math.max(s.widths.get(col) ?? 0, c.key.startsWith("extra:spacer") ? 2 : c.kind === "text" ? 26 : c.kind === "rate" ? 11 : style.width));
      if (c.hidden) s.hidden.add(col);
    });
    // Body.
    const amountKeys = cols.filter((c) => c.kind === "amount").map((c) => c.key);
    const firstBody = r;
    const ficheRowsAll: number[] = [];
    const subtotalRows: number[] = [];
    const groups = hasEngTitles ? [0, 1, 2, 3, 4].filter((e) => fiches.some((f) => f.engagement === e)) : [-1];
    for (const g of groups) {
      const groupRows: number[] = [];
      if (g >= 0) {
        setCell(s, r, startCol, { v: ENGAGEMENTS[g]![engWordIdx]!, bold: true });
        if (rng.chance(0.5)) s.merges.push([r, startCol, r, startCol + Math.min(cols.length - 1, 3)]);
        r++;
      }
      for (const f of fiches.filter((x) => g < 0 || x.engagement === g)) {
        const first = r;
        f.parts.forEach((p, pi) => {
          writeDetailRow(s, r, f, p, pi, cols, colOf, style, years, funders, cdMode, rng, objForm, typeForm);
          tt.ficheRows.push({ row: r, fiche: f.num, part: pi });
          groupRows.push(r);
          ficheRowsAll.push(r);
          r++;
        });
        if (f.parts.length > 1) {
          const mergeCols = ["fiche", ...(rng.chance(0.5) ? ["label", "objective", "objectiveType"] : [])];
          for (const k of mergeCols) {
            const c = colOf.get(k);
            if (c) s.merges.push([first, c, r - 1, c]);
          }
        }
      }
      if (g >= 0 && hasSubtotals) {
        setCell(s, r, totalLabelCol, { v: `${subtotalWord}${subtotalWord.endsWith("ngagement") ? ` ${g + 1}` : ""}`, bold: true });
        for (const k of amountKeys) {
          const c = colOf.get(k)!;
          const refs = groupRows.map((x) => ({ r: x, c }));
          const text = useSubtotalFn ? `SUBTOTAL(9,${letters(c)}${groupRows[0]}:${letters(c)}${groupRows[groupRows.length - 1]})` : undefined;
          setCell(s, r, c, { v: 0, calc: { kind: "sum", refs, style: "range", text }, fmt: style.amountFmt, bold: true });
          if (style.totals === "value") freeze(s, r, c);
        }
        writeRates(s, r, colOf, style, years, funders, cdMode, true);
        subtotalRows.push(r);
        r++;
      }
      if (blankBetween) r++;
    }
    // TOTAL.
    const totalRow = r;
    setCell(s, r, totalLabelCol, { v: totalWord, bold: true });
    if (mergeTotalLabel) {
      // The TOTAL label merged across the text columns before the first amount.
      const firstAmount = cols.findIndex((x) => x.kind === "amount");
      if (startCol + firstAmount - 1 > totalLabelCol) s.merges.push([r, totalLabelCol, r, startCol + firstAmount - 1]);
    }
    const sumOfSubtotals = subtotalRows.length > 0 && rng.chance(0.5);
    // Without sub-totals, a SUM over the whole body (title and blank rows are empty there) is what most sheets hold.
    const span = !subtotalRows.length && rng.chance(0.6);
    const spanRows = Array.from({ length: ficheRowsAll[ficheRowsAll.length - 1]! - ficheRowsAll[0]! + 1 }, (_, i) => ficheRowsAll[0]! + i);
    for (const k of amountKeys) {
      const c = colOf.get(k)!;
      const refs = (sumOfSubtotals ? subtotalRows : span ? spanRows : ficheRowsAll).map((x) => ({ r: x, c }));
      if (useSubtotalFn) {
        // SUBTOTAL(9, whole body): Excel leaves the sub-totals' own SUBTOTALs out, so it is the sum of the fiche rows.
        const text = `SUBTOTAL(9,${letters(c)}${ficheRowsAll[0]}:${letters(c)}${totalRow - 1})`;
        setCell(s, r, c, { v: 0, calc: { kind: "sum", refs: ficheRowsAll.map((x) => ({ r: x, c })), style: "range", text }, fmt: style.amountFmt, bold: true });
        continue;
      }
      setCell(s, r, c, {
        v: 0,
        calc: { kind: "sum", refs, style: sumOfSubtotals ? rng.pick(["list", "plus"] as const) : "range" },
        fmt: style.amountFmt,
        bold: true,
      });
    }
    writeRates(s, r, colOf, style, years, funders, cdMode, true);
    if (sumOfSubtotals) feat("total:sum-of-subtotals");
    tt.totalRow = totalRow;
    tt.subtotalRows = subtotalRows;
    void firstBody;
    truth.push(tt);
    recomputeSheet(s);
    if (style.totals === "value") for (const k of amountKeys) freeze(s, totalRow, colOf.get(k)!);
    if (checkRow) {
      // A control row under the TOTAL: zero differences, numbers only.
      r++;
      for (const k of amountKeys.filter((x) => /Total$|^budget$/.test(x))) setCell(s, r, colOf.get(k)!, { v: 0, fmt: style.amountFmt });
    }
    if (notesUnder) {
      // Notes under the table: a blank row, then text lines.
      r += 2;
      setCell(s, r, startCol, {
        v: rngX.pick([
          "* Masse salariale : ETP valorisés au coût moyen chargé.",
          "(1) Montants en euros, hors reports.",
          "Source : compte administratif, requête du 15/02.",
        ]),
      });
      if (rngX.chance(0.5)) setCell(s, ++r, startCol, { v: "(2) Taux = réalisé / prévu de l'année." });
    }
    return r + 1;
  };

  // ----- summary -----
  const sumCols: ColDef[] = [];
  const sAdd = (c: ColDef) => sumCols.push(c);
  const sumHeaderRows = rng.pick([1, 2, 2] as const);
  if (rng.chance(0.8)) {
    const t = rng.pick(["Mesure", "Engagement", "Axe", "Mesures"]);
    sAdd({ key: "mesure", leaf: t, flat: t, kind: "text" });
  }
  if (rng.chance(0.8)) {
    const t = rng.pick(["Objectif", "Objectifs", "Objectif national"]);
    sAdd({ key: "objectif", leaf: t, flat: t, kind: "text" });
  }
  {
    const t = rng.pick(["Fiche action N°", "N° fiche", "Fiche action", "N° FA", "Fiche n°"]);
    sAdd({ key: "fiche", leaf: t, flat: t, kind: "text" });
  }
  const sg = rng.pick(["Financements prévus", `Financements prévus ${y0}-${yN}`, "Plan de financement", "Budget prévisionnel"]);
  const sBudget = rng.pick(["Budget global", "Coût total", "Montant total", "Budget total", "Total"]);
  const sBudgetFirst = rng.chance(0.75);
  const sFunding: ColDef[] = [];
  const dep = rng.pick(["Département", "CD", "Conseil départemental", "Part CD", "Fonds propres"]);
  sFunding.push({ key: "departement", group: sg, groupId: "sf", leaf: dep, flat: dep, kind: "amount" });
  const sFw: Record<Funder, string[]> = {
    fir: ["FIR", "ARS (FIR)", "ARS"],
    etat: ["Etat", "État", "PLF", "Etat (P304)"],
    ondam: ["ONDAM", "Assurance maladie", "AM"],
  };
  for (const fu of funders) {
    const t = rng.pick(sFw[fu]);
    sFunding.push({ key: fu, group: sg, groupId: "sf", leaf: t, flat: t, kind: "amount" });
  }
  const sBudgetCol: ColDef = { key: "budget", group: sg, groupId: "sf", leaf: sBudget, flat: sBudget === "Total" ? "Budget total" : sBudget, kind: "amount" };
  for (const c of sBudgetFirst ? [sBudgetCol, ...sFunding] : [...sFunding, sBudgetCol]) sAdd(c);
  const withModalite = rng.chance(0.85);
  if (withModalite) {
    const t = rng.pick(["Modalités de financement Etat/AM", "Modalités de financement", "Modalité", "Modalités"]);
    sAdd({ key: "modalite", leaf: t, flat: t, kind: "text" });
  }
  const cg = rng.pick(["Budget consommé", "Réalisé", "Consommation"]);
  const withPrior = years.length > 1 && rng.chance(0.85);
  if (withPrior)
    sAdd({
      key: "consumedPrior",
      group: cg,
      groupId: "sc",
      leaf: `au 31/12/${yN - 1}`,
      flat: rng.pick([`Budget consommé au 31/12/${yN - 1}`, `Réalisé au 31/12/${yN - 1}`, `Consommé au 31/12/${yN - 1}`]),
      kind: "amount",
    });
  sAdd({
    key: "consumedLastYear",
    group: cg,
    groupId: "sc",
    leaf: `en ${yN}`,
    flat: rng.pick([`Budget consommé en ${yN}`, `Consommé en ${yN}`, `Réalisé ${yN}`, `Dépenses ${yN}`]),
    kind: "amount",
  });
  sAdd({
    key: "consumedSinceStart",
    group: cg,
    groupId: "sc",
    leaf: `${y0}-${yN}`,
    flat: rng.pick([`Budget consommé ${y0}-${yN}`, `Total consommé ${y0}-${yN}`, `Réalisé cumulé ${y0}-${yN}`]),
    kind: "amount",
  });
  const sColOf = new Map<string, number>();
  sumCols.forEach((c, i) => sColOf.set(c.key, startCol + i));
  const sStyle: Style = { ...style, headerRows: sumHeaderRows };
  const modSep = rng.pick(["/", " / ", "+", " + "]);

  const mesureForm = rng.pick(["each", "first", "merged"] as const);
  const mesureText = (g: number) => [ENGAGEMENTS[g]![1]!, `Mesure ${g + 1}`, ENGAGEMENTS[g]![0]!.replace(/ : .*/, "")][seedPick % 3]!;
  const seedPick = rng.int(0, 2);
  const objectiveRows = rng.chance(0.2);
  if (objectiveRows) feat("summary:objective-rows");
  feat(`summary:mesure-${mesureForm}`);
  const placeSummary = (s: GSheet, r0: number): number => {
    let r = writeTitles(s, r0, Math.min(titleRows, 2), "Rapport financier de la contractualisation", sumCols.length);
    const hr = Array.from({ length: sumHeaderRows }, (_, i) => r + i);
    writeHeaders(s, sumCols, startCol, hr, sStyle, hText);
    r += sumHeaderRows;
    const tt: TableTruth = {
      kind: "summary",
      sheet: s.name,
      headerRows: hr,
      columns: {},
      headerOf: {},
      extras: {},
      ficheRows: [],
      subtotalRows: [],
      totalRow: null,
    };
    sumCols.forEach((c, i) => {
      const col = startCol + i;
      tt.columns[c.key] = letters(col);
      tt.headerOf[c.key] = sumHeaderRows === 1 ? c.flat : [c.group, c.leaf].filter(Boolean).join(" / ");
      s.widths.set(col, Math.max(s.widths.get(col) ?? 0, c.kind === "text" ? 24 : style.width));
    });
    const amountKeys = sumCols.filter((c) => c.kind === "amount").map((c) => c.key);
    const subRows: number[] = [];
    const allRows: number[] = [];
    for (const g of [0, 1, 2, 3, 4].filter((e) => fiches.some((f) => f.engagement === e))) {
      setCell(s, r, startCol, { v: ENGAGEMENTS[g]![engWordIdx]!, bold: true });
      r++;
      const rows: number[] = [];
      const groupFirst = r;
      for (const f of fiches.filter((x) => x.engagement === g)) {
        const put = (k: string, cell: GCell) => {
          const c = sColOf.get(k);
          if (c) setCell(s, r, c, cell);
        };
        const amt = (v: number): GCell => ({ v: v === 0 && style.zero === "empty" ? null : v, fmt: style.amountFmt });
        if (mesureForm === "each" || r === groupFirst) put("mesure", { v: mesureText(g) });
        put("objectif", { v: f.objective.label });
        put("fiche", { v: f.numValue });
        const cd = sum(f.parts.map(cdTotalOf));
        const fu = Object.fromEntries(FUNDERS.map((x) => [x, funderTotal(f, x)])) as Record<Funder, number>;
        const budget = cd + fu.fir + fu.etat + fu.ondam;
        if (style.budget === "formula" && sColOf.has("departement")) {
          put("budget", {
            v: budget,
            calc: { kind: "sum", refs: ["departement", ...funders].map((k) => ({ r, c: sColOf.get(k)! })), style: "plus" },
            fmt: style.amountFmt,
          });
        } else put("budget", amt(budget));
        put("departement", amt(cd));
        for (const x of funders) put(x, amt(fu[x]));
        const withMoney = FUNDERS.filter((x) => fu[x] > 0);
        put("modalite", { v: withMoney.length ? withMoney.map((x) => MODALITE_NAMES[x]).join(modSep) : "CD" });
        const last = sum(f.parts.map((p) => p.realisedLast));
        const since = sum(f.parts.map((p) => p.realisedSince));
        put("consumedPrior", amt(since - last));
        put("consumedLastYear", amt(last));
        if (withPrior && style.totals === "formula")
          put("consumedSinceStart", {
            v: since,
            calc: {
              kind: "sum",
              refs: [
                { r, c: sColOf.get("consumedPrior")! },
                { r, c: sColOf.get("consumedLastYear")! },
              ],
              style: "plus",
            },
            fmt: style.amountFmt,
          });
        else put("consumedSinceStart", amt(since));
        tt.ficheRows.push({ row: r, fiche: f.num, part: 0 });
        rows.push(r);
        allRows.push(r);
        r++;
      }
      if (objectiveRows && rng.chance(0.5)) {
        // A national objective the département has not taken up: its label, no fiche, no money.
        const taken = new Set(fiches.map((f) => f.objective.n));
        const free = OBJECTIVES.filter((o) => o.engagement === g && !taken.has(o.n));
        if (free.length) {
          const c = sColOf.get("objectif") ?? sColOf.get("mesure") ?? startCol;
          setCell(s, r, c, { v: rng.pick(free).label });
          r++;
        }
      }
      if (mesureForm === "merged" && sColOf.has("mesure") && r - 1 > groupFirst)
        s.merges.push([groupFirst, sColOf.get("mesure")!, r - 1, sColOf.get("mesure")!]);
      setCell(s, r, startCol, { v: rng.pick(["Sous-total", "Sous-total", "SOUS-TOTAL", `Sous-total engagement ${g + 1}`]), bold: true });
      for (const k of amountKeys) {
        const c = sColOf.get(k)!;
        // Over the group's rows, objective rows included (they are empty).
        const span = Array.from({ length: r - groupFirst }, (_, i) => groupFirst + i);
        setCell(s, r, c, {
          v: 0,
          calc: { kind: "sum", refs: (objectiveRows ? span : rows).map((x) => ({ r: x, c })), style: "range" },
          fmt: style.amountFmt,
          bold: true,
        });
      }
      subRows.push(r);
      r++;
    }
    setCell(s, r, startCol, { v: rng.pick(["Total", "TOTAL", "Total général"]), bold: true });
    for (const k of amountKeys) {
      const c = sColOf.get(k)!;
      setCell(s, r, c, { v: 0, calc: { kind: "sum", refs: subRows.map((x) => ({ r: x, c })), style: "list" }, fmt: style.amountFmt, bold: true });
    }
    tt.subtotalRows = subRows;
    tt.totalRow = r;
    recomputeSheet(s);
    if (style.totals === "value") for (const x of [...subRows, r]) for (const k of amountKeys) freeze(s, x, sColOf.get(k)!);
    truth.push(tt);
    void allRows;
    return r + 1;
  };

  if (together) {
    const gapRows = rng.int(2, 5);
    if (summarySheet && summaryFirst) {
      const next = placeSummary(detailSheet, 1);
      placeDetail(detailSheet, next + gapRows);
    } else {
      const next = placeDetail(detailSheet, 1);
      if (summarySheet) placeSummary(detailSheet, next + gapRows);
    }
  } else {
    placeDetail(detailSheet, 1);
    if (summarySheet) placeSummary(summarySheet, 1);
  }
  void hasDetail;
  recompute(book);
  truth.sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return { seed, book, truth, features, years, fiches, funders, cdMode, totalsAreFormulas: style.totals === "formula" };
}

function recomputeSheet(s: GSheet): void {
  recompute({ sheets: [s] });
}

/** A total typed as a value: the formula's result kept, the formula dropped. */
function freeze(s: GSheet, r: number, c: number): void {
  const cell = s.cells.get(`${r},${c}`);
  if (cell?.calc) {
    recomputeSheet(s);
    delete cell.calc;
  }
}

function writeHeaders(s: GSheet, cols: ColDef[], startCol: number, hr: number[], style: Style, hText: (x: string) => string): void {
  const n = hr.length;
  const eu = (c: ColDef, t: string) => (c.kind === "amount" && !/^\d{4}$|\d{4}\n/.test(t) ? t + style.euro : t);
  const put = (r: number, c: number, t: string) =>
    setCell(s, r, c, { v: style.yearNumbers && /^20\d\d$/.test(t) ? Number(t) : hText(t), bold: true, wrap: true });
  const runs = (ids: Array<string | undefined>) => {
    const out: Array<{ from: number; to: number; id: string }> = [];
    ids.forEach((id, i) => {
      if (!id) return;
      const last = out[out.length - 1];
      if (last && last.id === id && last.to === i - 1) last.to = i;
      else out.push({ from: i, to: i, id });
    });
    return out;
  };
  if (n === 1) {
    cols.forEach((c, i) => put(hr[0]!, startCol + i, eu(c, c.flat)));
    return;
  }
  const top = hr[0]!;
  const bottom = hr[n - 1]!;
  const groupRow = n === 3 ? hr[1]! : hr[0]!;
  // Group headers, merged across their block.
  for (const run of runs(cols.map((c) => c.groupId))) {
    const c = cols[run.from]!;
    put(groupRow, startCol + run.from, c.group!);
    if (style.groups === "repeat") for (let i = run.from + 1; i <= run.to; i++) put(groupRow, startCol + i, c.group!);
    else if (run.to > run.from && style.groups === "merge") s.merges.push([groupRow, startCol + run.from, groupRow, startCol + run.to]);
  }
  if (n === 3) {
    for (const run of runs(cols.map((c) => c.supId))) {
      put(top, startCol + run.from, cols[run.from]!.sup!);
      if (run.to > run.from) s.merges.push([top, startCol + run.from, top, startCol + run.to]);
    }
  }
  cols.forEach((c, i) => {
    const col = startCol + i;
    if (c.group) {
      put(bottom, col, eu(c, c.leaf));
      return;
    }
    // A single column: from below its super-group (or the top) down to the bottom row.
    const from = n === 3 && c.sup ? hr[1]! : top;
    const t = eu(c, c.leaf);
    if (style.single === "merge") {
      put(from, col, t);
      if (bottom > from) s.merges.push([from, col, bottom, col]);
    } else if (style.single === "top") put(from, col, t);
    else put(bottom, col, t);
  });
}

function writeDetailRow(
  s: GSheet,
  r: number,
  f: FicheData,
  p: Part,
  pi: number,
  cols: ColDef[],
  colOf: Map<string, number>,
  style: Style,
  years: number[],
  funders: Funder[],
  cdMode: CdMode,
  rng: Rng,
  objForm: string,
  typeForm: string,
): void {
  const put = (k: string, cell: GCell) => {
    const c = colOf.get(k);
    if (c) setCell(s, r, c, cell);
  };
  const amt = (v: number): GCell => ({ v: v === 0 && style.zero === "empty" ? null : v, fmt: style.amountFmt });
  const ref = (k: string): Ref | null => {
    const c = colOf.get(k);
    return c ? { r, c } : null;
  };
  if (pi === 0) {
    put("fiche", { v: f.numValue });
    put("label", { v: f.label });
    put("theme", { v: f.theme });
    const o = f.objective;
    const objText =
      objForm === "long"
        ? `Objectif ${o.n} : ${o.label}`
        : objForm === "obj"
          ? `Obj. ${o.n} - ${o.label}`
          : objForm === "num-dash"
            ? `${o.n} - ${o.label}`
            : o.n;
    put("objective", { v: objText });
    const t = typeForm === "upper" ? o.type.toUpperCase() : typeForm === "lower" ? o.type.toLowerCase() : o.type;
    put("objectiveType", { v: t });
    put("indicator", { v: f.indicator });
    const kindT = f.indicator.startsWith("Taux") || f.indicator.startsWith("Part") ? "pct" : f.indicator.startsWith("Délai") ? "text" : "count";
    years.forEach((y, k) => {
      if (kindT === "pct") put(`indicator${y}`, { v: Math.round(100 * (0.1 + 0.05 * k)) / 100, fmt: "0%" });
      else if (kindT === "count") put(`indicator${y}`, { v: 20 * (k + 1) + f.label.length });
      else put(`indicator${y}`, { v: k === years.length - 1 ? "3 mois" : `${6 - Math.min(k, 2)} mois` });
    });
  } else {
    put("label", { v: p.text });
  }
  // Source: the funders with money, named in the fiche's first row (for the whole fiche) or per row.
  const perPart = f.parts.length > 1 && sum(f.parts.slice(1).map((x) => sum(x.fir) + sum(x.etat) + sum(x.ondam))) > 0 && f.num.length % 2 === 0;
  const named = (parts: Part[]) => FUNDERS.filter((x) => sum(parts.map((q) => sum(q[x]))) > 0);
  const srcFunders = perPart ? named([p]) : pi === 0 ? named(f.parts) : [];
  if (srcFunders.length) {
    const sep = rng.pick(["/", " / ", " + ", ", ", " et "]);
    put("source", { v: srcFunders.map((x) => rng.pick(SOURCE_NAMES[x])).join(sep) });
  } else if (pi === 0 && rng.chance(0.2)) put("source", { v: rng.pick(["-", "Aucun", "Néant"]) });
  // Money (a text-only continuation row has no amounts at all).
  if (pi > 0 && sum(p.ms) + sum(p.dgas) + sum(p.fir) + sum(p.etat) + sum(p.ondam) === 0 && p.realisedSince === 0) return;
  const blockKeys = (pre: string) => years.map((y) => `${pre}${y}`);
  const blockVals: Record<string, number[]> = { ms: p.ms, dgas: p.dgas, fir: p.fir, etat: p.etat, ondam: p.ondam, cd: p.ms.map((v, i) => v + p.dgas[i]!) };
  for (const pre of ["ms", "dgas", "cd", ...funders]) {
    if (!colOf.has(`${pre}${years[0]}`)) {
      // A co-financer given as one amount (no yearly columns).
      if (pre !== "cd" && colOf.has(`${pre}Total`)) put(`${pre}Total`, amt(sum(blockVals[pre]!)));
      continue;
    }
    years.forEach((y, i) => {
      const k = `${pre}${y}`;
      if (pre === "cd" && style.cdYear === "formula" && colOf.has(`ms${y}`)) {
        put(k, { v: blockVals.cd![i]!, calc: { kind: "sum", refs: [ref(`ms${y}`)!, ref(`dgas${y}`)!], style: "plus" }, fmt: style.amountFmt });
      } else put(k, amt(blockVals[pre]![i]!));
    });
    const tk = `${pre}Total`;
    if (colOf.has(tk)) {
      const total = sum(blockVals[pre]!);
      if (style.blockTotals === "formula")
        put(tk, { v: total, calc: { kind: "sum", refs: blockKeys(pre).map((k) => ref(k)!), style: "range" }, fmt: style.amountFmt });
      else put(tk, amt(total));
    }
  }
  if (colOf.has("cdTotal") && !colOf.has(`cd${years[0]}`)) {
    const total = sum(p.ms) + sum(p.dgas);
    if (style.blockTotals === "formula" && colOf.has("msTotal") && colOf.has("dgasTotal"))
      put("cdTotal", { v: total, calc: { kind: "sum", refs: [ref("msTotal")!, ref("dgasTotal")!], style: "plus" }, fmt: style.amountFmt });
    else put("cdTotal", amt(total));
  }
  const budget = sum(p.ms) + sum(p.dgas) + sum(p.fir) + sum(p.etat) + sum(p.ondam);
  const partsRefs = [
    colOf.has("cdTotal") ? "cdTotal" : null,
    ...(colOf.has("cdTotal") ? [] : ["msTotal", "dgasTotal"]),
    ...funders.map((x) => `${x}Total`),
  ].filter((k): k is string => !!k && colOf.has(k));
  const budgetComplete = (colOf.has("cdTotal") || (colOf.has("msTotal") && colOf.has("dgasTotal"))) && funders.every((x) => colOf.has(`${x}Total`));
  if (style.budget === "formula" && budgetComplete)
    put("budget", { v: budget, calc: { kind: "sum", refs: partsRefs.map((k) => ref(k)!), style: "plus" }, fmt: style.amountFmt });
  else put("budget", amt(budget));
  put("realisedLastYear", amt(p.realisedLast));
  years.slice(0, -1).forEach((y, k) => put(`realised${y}`, amt(p.realisedYears[k]!)));
  if (colOf.has(`realised${years[0]}`) && style.blockTotals === "formula") {
    put("realisedSinceStart", {
      v: p.realisedSince,
      calc: { kind: "sum", refs: [...years.slice(0, -1).map((y) => ref(`realised${y}`)!), ref("realisedLastYear")!], style: "range" },
      fmt: style.amountFmt,
    });
  } else put("realisedSinceStart", amt(p.realisedSince));
  writeRates(s, r, colOf, style, years, funders, cdMode, false);
  void cols;
  // Extras.
  const extra = (k: string, v: Value, fmt?: string) => put(k, { v, fmt });
  if (pi === 0) {
    extra("extra:Service pilote", rng.pick(["DEF", "PMI", "ASE", "DPEF", "Mission ODPE", "Direction enfance"]));
    extra("extra:Partenaires", rng.pick(["CAF", "Éducation nationale", "ARS, CAF", "Associations", "Hôpitaux"]));
    extra("extra:Date de début", new Date(Date.UTC(years[0]!, rng.int(0, 11), 1)), "dd/mm/yyyy");
    extra("extra:Échéance", new Date(Date.UTC(years[years.length - 1]!, 11, 31)), "dd/mm/yyyy");
    extra("extra:Date de fin", new Date(Date.UTC(years[years.length - 1]!, rng.int(0, 11), 28)), "dd/mm/yyyy");
    extra("extra:Public visé", rng.pick(["Enfants 0-6 ans", "Jeunes majeurs", "Familles", "Professionnels"]));
    extra("extra:Nombre de bénéficiaires", rng.int(5, 900));
    extra("extra:Commentaires", rng.pick(["", "Action reconduite", "Retard de recrutement", "En cours", "Montée en charge progressive", ""]) || null);
    extra("extra:Observations", rng.pick(["RAS", "", "Bilan à venir"]) || null);
    extra("extra:Code analytique", `AN-${rng.int(100, 999)}`);
  }
  extra("extra:Contrôle", 0);
}

/** Rates and gap of a row (fiche, sub-total or TOTAL): formulas, or the values such formulas give. */
function writeRates(
  s: GSheet,
  r: number,
  colOf: Map<string, number>,
  style: Style,
  years: number[],
  funders: Funder[],
  cdMode: CdMode,
  isTotal: boolean,
): void {
  const yN = years[years.length - 1]!;
  const ref = (k: string): Ref | null => {
    const c = colOf.get(k);
    return c ? { r, c } : null;
  };
  const denLast = (colOf.has(`cd${yN}`) ? [`cd${yN}`] : [`ms${yN}`, `dgas${yN}`])
    .concat(funders.map((x) => `${x}${yN}`))
    .map(ref)
    .filter((x): x is Ref => !!x);
  const set = (k: string, calc: Calc, fmt: string) => {
    const c = colOf.get(k);
    if (!c) return;
    setCell(s, r, c, { v: null, calc, fmt, bold: isTotal });
  };
  const rl = ref("realisedLastYear");
  const rs = ref("realisedSinceStart");
  const b = ref("budget");
  if (rl) set("rateLastYear", { kind: "ratio", num: rl, den: denLast, guard: true }, style.rateFmt);
  if (rs && b) set("rateGlobal", { kind: "ratio", num: rs, den: [b], guard: true }, style.rateFmt);
  if (rs && b) set("gap", { kind: "diff", a: b, b: rs }, style.amountFmt);
  void cdMode;
  if (style.rates === "value") {
    recompute({ sheets: [s] });
    for (const k of ["rateLastYear", "rateGlobal", "gap"]) {
      const c = colOf.get(k);
      const cell = c ? s.cells.get(`${r},${c}`) : undefined;
      if (cell?.calc) {
        // Round the rate once, from the exact ratio (recompute's cached value is already rounded to 1e-6).
        if (cell.calc.kind === "ratio" && typeof cell.v === "number") {
          const val = (x: Ref) => {
            const v = s.cells.get(`${x.r},${x.c}`)?.v;
            return typeof v === "number" ? v : 0;
          };
          const d = cell.calc.den.reduce((a, x) => a + val(x), 0);
          cell.v = Math.round((val(cell.calc.num) / d) * 10000) / 10000;
        }
        if (cell.v === "") cell.v = null;
        delete cell.calc;
      }
    }
  }
}

export { addr };
