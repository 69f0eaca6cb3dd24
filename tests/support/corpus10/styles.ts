/**
 * corpus10's départements: each a house style, a whole coherent template (wording family, header depth, block order,
 * where totals sit, numbering, summary placement, extra columns), randomised within by the seed.
 */
import type { Rng } from "./rng";

export type IdStyle = "num" | "pad" | "FA n" | "FA-n" | "Fiche n" | "e.k" | "letter" | "bis";
export type Written = "values" | "totals" | "all";
export type SummaryAt = "sheet after" | "sheet before" | "below" | "above" | "right" | "none";
export type Extra = "comment" | "service" | "start" | "beneficiaries" | "code" | "notes" | "etp" | "observation";

export interface Knobs {
  dept: string;
  idStyle: IdStyle;
  summaryIdsBare: boolean;
  headerRows: 1 | 2;
  singleAt: "merged" | "bottom" | "top";
  order: "funder" | "year";
  split: boolean;
  blockTotals: "after" | "before" | "none";
  budgetAt: "before" | "after" | "end";
  sourceAt: "label" | "before co" | "none";
  exec: "flat" | "groups";
  rates: "fraction" | "rounded" | "none";
  gap: boolean;
  gapBeforeRates: boolean;
  written: Written;
  words: number; // index into every word family
  yearWord: (y: number) => string;
  totalLabel: string;
  engagementTitles: boolean;
  subtotals: boolean;
  blankBetween: boolean;
  upper: boolean;
  breaks: boolean;
  extras: { kind: Extra; at: "front" | "between" | "end"; hidden: boolean }[];
  summaryAt: SummaryAt;
  summaryHeaderRows: 1 | 2;
  summaryCols: { mesure: boolean; objectif: boolean; label: boolean; modalite: boolean; prior: boolean; ondam: boolean };
  summaryGroups: boolean;
  summaryLinked: boolean;
  objectiveCols: boolean;
  theme: boolean;
  multiRow: "merged" | "first" | "repeat";
  sourceMerged: boolean;
  cents: boolean;
  years: number[];
  fiches: number;
  titleRows: number;
  origin: { r: number; c: number };
  detailFirst: boolean;
  sourceFamily: number;
  allFunders: boolean;
}

const yearsOf = (rng: Rng, lo = 1, hi = 5) => {
  const n = rng.int(lo, hi);
  const y0 = rng.int(2020, 2028 - n);
  return Array.from({ length: n }, (_, i) => y0 + i);
};

/** The knobs every département draws the same way, then overrides. */
function base(rng: Rng, dept: string): Knobs {
  return {
    dept,
    idStyle: "num",
    summaryIdsBare: false,
    headerRows: 2,
    singleAt: rng.pick(["merged", "bottom", "top"] as const),
    order: "funder",
    split: true,
    blockTotals: "after",
    budgetAt: "before",
    sourceAt: "before co",
    exec: "flat",
    rates: rng.pick(["fraction", "fraction", "rounded", "none"] as const),
    gap: rng.chance(0.8),
    gapBeforeRates: false,
    written: rng.pick(["values", "totals", "all"] as const),
    words: 0,
    yearWord: (y) => String(y),
    totalLabel: "TOTAL",
    engagementTitles: false,
    subtotals: false,
    blankBetween: false,
    upper: rng.chance(0.2),
    breaks: rng.chance(0.4),
    extras: [],
    summaryAt: rng.pick(["sheet after", "sheet before", "below", "right"] as const),
    summaryHeaderRows: rng.chance(0.5) ? 2 : 1,
    summaryCols: { mesure: rng.chance(0.5), objectif: rng.chance(0.3), label: rng.chance(0.5), modalite: rng.chance(0.8), prior: rng.chance(0.7), ondam: true },
    summaryGroups: rng.chance(0.6),
    summaryLinked: rng.chance(0.3),
    objectiveCols: rng.chance(0.6),
    theme: rng.chance(0.4),
    multiRow: rng.pick(["merged", "first", "repeat"] as const),
    sourceMerged: rng.chance(0.5),
    cents: rng.chance(0.15),
    years: yearsOf(rng),
    fiches: rng.int(5, 24),
    titleRows: rng.int(0, 3),
    origin: { r: 1, c: 1 },
    detailFirst: rng.chance(0.6),
    sourceFamily: rng.int(0, 3),
    allFunders: rng.chance(0.5),
  };
}

const extra = (rng: Rng, kind: Extra, p = 0.5): Knobs["extras"] =>
  rng.chance(p) ? [{ kind, at: rng.pick(["front", "between", "end"] as const), hidden: rng.chance(0.25) }] : [];

export const DEPARTEMENTS: { name: string; knobs: (rng: Rng) => Knobs }[] = [
  {
    // Nord-like: the 2022 annex's own shape, upper case, funder-major, FA numbers
    name: "Hauts-Plateaux",
    knobs: (rng) => ({
      ...base(rng, "Hauts-Plateaux"),
      idStyle: rng.pick(["FA n", "FA-n"]),
      words: 0,
      upper: rng.chance(0.6),
      extras: extra(rng, "comment", 0.6),
    }),
  },
  {
    // compact, one header row, no MS/DGAS split (« Département »), zero-padded numbers
    name: "Val-Compact",
    knobs: (rng) => ({
      ...base(rng, "Val-Compact"),
      idStyle: "pad",
      headerRows: 1,
      split: false,
      words: 1,
      years: yearsOf(rng, 1, 3),
      blockTotals: rng.pick(["after", "none"]),
      totalLabel: "Total général",
      extras: extra(rng, "service", 0.7),
    }),
  },
  {
    // year-major blocks: one group per year, identical sub-headers under each year and under the cumulative group
    name: "Annuel-sur-Mer",
    knobs: (rng) => ({
      ...base(rng, "Annuel-sur-Mer"),
      order: "year",
      idStyle: "Fiche n",
      words: 2,
      yearWord: rng.pick([(y: number) => `Année ${y}`, (y: number) => String(y), (y: number) => `Exercice ${y}`]),
      summaryIdsBare: rng.chance(0.5),
      extras: extra(rng, "start", 0.5),
    }),
  },
  {
    // execution groups « Exécution YN » / « Exécution cumulée » with the same « Montant » / « Taux » sub-headers,
    // gap « Reste à réaliser », sub-action numbers 1.2
    name: "Exécution-et-Loire",
    knobs: (rng) => ({
      ...base(rng, "Exécution-et-Loire"),
      exec: "groups",
      idStyle: "e.k",
      words: 3,
      rates: rng.pick(["fraction", "rounded"]),
      gap: true,
      engagementTitles: rng.chance(0.5),
    }),
  },
  {
    // engagement title rows, sub-totals inside the detail, « Total général », letters A1
    name: "Engagements-du-Rhône",
    knobs: (rng) => ({
      ...base(rng, "Engagements-du-Rhône"),
      idStyle: "letter",
      engagementTitles: true,
      subtotals: true,
      blankBetween: rng.chance(0.5),
      totalLabel: rng.pick(["Total général", "TOTAL GENERAL", "TOTAL"]),
      words: 4,
      summaryGroups: true,
    }),
  },
  {
    // fiches spread over several rows, « 1 bis », notes column with numbers
    name: "Lignes-Multiples",
    knobs: (rng) => ({
      ...base(rng, "Lignes-Multiples"),
      idStyle: rng.pick(["bis", "num"]),
      words: 5,
      extras: [...extra(rng, "notes", 0.7), ...extra(rng, "beneficiaries", 0.5)],
    }),
  },
  {
    // many extra columns, some hidden, between the money blocks, a comment beside the realisations
    name: "Saône-Annotée",
    knobs: (rng) => ({
      ...base(rng, "Saône-Annotée"),
      words: 6,
      idStyle: rng.pick(["num", "FA n"]),
      extras: [
        { kind: "observation", at: "end", hidden: false },
        ...extra(rng, "code", 0.8).map((x) => ({ ...x, hidden: true })),
        ...extra(rng, "etp", 0.6),
        ...extra(rng, "service", 0.6),
        ...extra(rng, "start", 0.4),
      ],
    }),
  },
  {
    // block totals first, budget after the blocks, summary on the same sheet below or above
    name: "Totaux-Devant",
    knobs: (rng) => ({
      ...base(rng, "Totaux-Devant"),
      blockTotals: "before",
      budgetAt: rng.pick(["after", "end"]),
      words: 7,
      summaryAt: rng.pick(["below", "above"]),
      titleRows: rng.int(1, 3),
      origin: { r: rng.int(1, 3), c: rng.int(1, 2) },
    }),
  },
  {
    // decimals, rates rounded to whole percents, summary to the right
    name: "Centimes-et-Arrondis",
    knobs: (rng) => ({
      ...base(rng, "Centimes-et-Arrondis"),
      cents: true,
      rates: "rounded",
      words: 8,
      summaryAt: rng.pick(["right", "sheet after"]),
      totalLabel: "Total",
    }),
  },
  {
    // one or two years, a short summary (fewer columns), no source column but a summary modalité
    name: "Petit-Département",
    knobs: (rng) => ({
      ...base(rng, "Petit-Département"),
      years: yearsOf(rng, 1, 2),
      split: rng.chance(0.3),
      headerRows: rng.chance(0.5) ? 1 : 2,
      words: 9,
      sourceAt: rng.pick(["none", "label"]),
      summaryCols: { mesure: false, objectif: false, label: false, modalite: true, prior: false, ondam: rng.chance(0.5) },
      fiches: rng.int(3, 9),
    }),
  },
  {
    // source beside the label, theme and objective columns, blank rows between engagements, summary first
    name: "Objectifs-et-Thèmes",
    knobs: (rng) => ({
      ...base(rng, "Objectifs-et-Thèmes"),
      sourceAt: "label",
      objectiveCols: true,
      theme: true,
      blankBetween: true,
      detailFirst: false,
      summaryAt: rng.pick(["sheet before", "sheet after"]),
      words: 10,
      idStyle: rng.pick(["num", "Fiche n", "pad"]),
    }),
  },
];

/** Header words per role: each département picks one family (words % length), so a workbook's wording is coherent. */
export const W = {
  ms: [
    "Masse salariale",
    "MS",
    "Valorisation RH",
    "Personnel",
    "Masse salariale CD",
    "Dépenses de personnel",
    "Coût RH",
    "Masse salariale",
    "Frais de personnel",
    "RH valorisée",
    "Masse salariale",
  ],
  dgas: [
    "Budget DGAS",
    "Fonctionnement",
    "Crédits de fonctionnement",
    "Budget DGAS",
    "Hors masse salariale",
    "Budget de la direction",
    "Dépenses d'intervention",
    "Budget DGAS",
    "Crédits directs",
    "Budget DGAS",
    "Budget DGAS",
  ],
  cd: [
    "Total CD",
    "Département",
    "Conseil départemental",
    "Total Département",
    "Fonds propres",
    "Part CD",
    "Total CD",
    "Département",
    "Contribution CD",
    "Crédits CD",
    "Total Département",
  ],
  fir: ["Montant FIR", "ARS", "ARS (FIR)", "FIR", "Crédits ARS", "FIR", "ARS / FIR", "Fonds d'intervention régional", "FIR", "Crédits ARS", "Montant FIR"],
  etat: ["Montant ETAT", "État", "État (P304)", "ETAT", "Programme 304", "PLF", "P304", "État", "DGCS", "Crédits État", "Montant Etat"],
  ondam: [
    "Montant ONDAM",
    "Assurance maladie",
    "ONDAM",
    "AM",
    "CNSA",
    "ONDAM",
    "AM (ONDAM)",
    "Assurance maladie",
    "ONDAM médico-social",
    "ONDAM",
    "Montant ONDAM",
  ],
  budget: [
    "Moyens financiers prévisionnels",
    "Coût total",
    "Budget prévisionnel",
    "Montant prévu",
    "Crédits prévus",
    "Budget total prévisionnel",
    "Coût total prévisionnel",
    "Montant total prévu",
    "Budget",
    "Budget prévisionnel total",
    "Moyens financiers prévisionnels",
  ],
  realisedLast: [
    "Réalisations en {YN}",
    "Réalisé {YN}",
    "Dépenses réalisées {YN}",
    "Exécution {YN}",
    "Mandaté en {YN}",
    "Consommé {YN}",
    "Payé en {YN}",
    "Réalisé {YN}",
    "Dépenses {YN}",
    "Réalisé {YN}",
    "Réalisations {YN}",
  ],
  realisedSince: [
    "Réalisation depuis {Y0}",
    "Réalisé cumulé",
    "Dépenses réalisées {Y0}-{YN}",
    "Exécution cumulée {Y0}-{YN}",
    "Mandaté depuis {Y0}",
    "Consommé au 31/12/{YN}",
    "Payé {Y0}-{YN}",
    "Réalisé depuis le début",
    "Dépenses cumulées",
    "Réalisé depuis {Y0}",
    "Réalisations cumulées",
  ],
  rateLast: [
    "Niveau d'exécution budgétaire au titre de l'année {YN}",
    "Taux {YN}",
    "Taux de réalisation {YN}",
    "Taux d'exécution {YN}",
    "% mandaté {YN}",
    "% consommé {YN}",
    "Taux de paiement {YN}",
    "Taux d'exécution {YN}",
    "Taux {YN}",
    "Taux {YN}",
    "Taux d'exécution {YN}",
  ],
  rateGlobal: [
    "Niveau d'exécution budgétaire globale",
    "Taux global",
    "Taux de réalisation global",
    "Taux d'exécution cumulé",
    "% mandaté global",
    "% consommé global",
    "Taux de paiement global",
    "Taux d'exécution global",
    "Taux global",
    "Taux global",
    "Taux d'exécution global",
  ],
  gap: [
    "Ecart Moyens financiers - Réalisations",
    "Écart",
    "Solde",
    "Reste à réaliser",
    "Disponible",
    "Reste à réaliser",
    "Écart prévu / réalisé",
    "Solde disponible",
    "Écart",
    "Reste à mandater",
    "Écart budget - réalisé",
  ],
  source: [
    "Source de co-financement",
    "Financeur(s)",
    "Co-financeurs",
    "Cofinancement",
    "Source de co-financement",
    "Origine des financements",
    "Partenaire financeur",
    "Financeurs",
    "Co-financement",
    "Financeur",
    "Source de financement",
  ],
  fiche: ["N° fiche", "N°", "Fiche", "Fiche action", "N° FA", "N°", "Réf.", "N° fiche action", "Numéro", "N°", "FA"],
  label: [
    "Intitulé fiche action",
    "Action",
    "Intitulé",
    "Intitulé de l'action",
    "Libellé",
    "Intitulé de la fiche",
    "Actions",
    "Libellé de l'action",
    "Intitulé",
    "Action",
    "Intitulé de l'action",
  ],
};

export const ENGAGEMENTS = [
  "Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
  "Sécuriser les parcours des enfants protégés et prévenir les ruptures",
  "Donner aux enfants les moyens d'agir et garantir leurs droits",
  "Préparer leur avenir et sécuriser leur vie d'adulte",
  "Conditions pour y parvenir",
];
