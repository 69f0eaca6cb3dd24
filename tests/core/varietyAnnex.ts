// A wider variety of detail tables than tests/support/annexGenerator.ts, built on miniAnnex: each département's words
// for every role, blocks in another order, headers in upper case or on the lower row, years anywhere in 2020-2027,
// engagements with sub-totals, fiches over two rows, fiche numbers as FA-1 or 1.2, extra and hidden columns, a
// look-alike sheet before the annex.
import { emptySheet, setCell, type WorkbookSnapshot } from "../../src/core/model/snapshot";
import { fiches, miniDetail, type MiniAnnex, type MiniCol, type MiniFiche } from "./miniAnnex";

export interface Variety {
  seed: number;
  y0: number;
  count: number;
  words: number;
  upper: boolean;
  lower: boolean;
  engagements: boolean;
  split: boolean;
  numbering: number;
  extra: boolean;
  hide: boolean;
  decoy: boolean;
  order: number;
  generic: boolean;
  fiches: number;
}

const W = {
  fiche: ["N°", "N° fiche", "Numéro de fiche action", "N° FA", "Réf.", "N° action"],
  label: ["Intitulé fiche action", "Fiche action", "Libellé de l'action", "Intitulé de l'action"],
  objective: ["Intitulé objectif", "Objectif national", "Objectif"],
  objectiveType: ["Obj. fondamental/ facultatif", "Fondamental / Facultatif", "Type d'objectif"],
  budget: ["Moyens financiers prévisionnels", "Coût total", "Budget prévisionnel", "Montant prévu", "Coût total prévisionnel"],
  ms: ["Masse salariale", "MASSE SALARIALE", "Frais de personnel"],
  dgas: ["Budget DGAS", "DGAS", "Crédits DGAS"],
  cd: ["Total CD", "Département", "Total Département", "Fonds propres du Département"],
  cdTotal: ["Total CD", "Total Département", "Total"],
  source: ["Source de co-financement", "Financeur(s)", "Co-financeurs", "Cofinancement"],
  fir: ["FIR", "Crédits ARS", "ARS (FIR)"],
  etat: ["ETAT", "État (P304)", "Programme 304", "PLF", "DGCS"],
  ondam: ["ONDAM", "Assurance maladie", "AM", "CNSA"],
  total: ["Total", "Montant {f}", "Total {f}"],
  realisedLastYear: ["Réalisations en {yn}", "Dépenses réalisées {yn}", "Réalisé {yn}", "Mandaté {yn}", "Consommé {yn}", "Exécution {yn}"],
  rateLastYear: ["Taux d'exécution {yn}", "Niveau d'exécution budgétaire au titre de l'année {yn}", "Taux de réalisation {yn}"],
  realisedSinceStart: ["Réalisation depuis {y0}", "Dépenses réalisées cumulées {y0}-{yn}", "Réalisé cumulé", "Consommé {y0}-{yn}", "Mandaté depuis {y0}"],
  rateGlobal: ["Taux d'exécution global", "Niveau d'exécution budgétaire globale (au 31/12/{nn})", "Taux de réalisation cumulé"],
  gap: ["Écart", "Reste à réaliser", "Solde", "Disponible", "Ecart Moyens financiers - Réalisations depuis {y0}"],
  extra: ["Commentaires", "Service pilote", "Date de début"],
};

const NUMBERING: Array<(i: number) => string | number> = [
  (i) => i,
  (i) => String(i).padStart(2, "0"),
  (i) => `FA ${i}`,
  (i) => `FA-${i}`,
  (i) => `Fiche ${i + 10}`,
  (i) => `${Math.ceil(i / 2)}.${((i - 1) % 2) + 1}`,
  (i) => `${Math.ceil(i / 2)}${i % 2 === 0 ? " bis" : ""}`,
  (i) => `${String.fromCharCode(64 + Math.ceil(i / 3))}${((i - 1) % 3) + 1}`,
];

const at = <T>(xs: T[], i: number): T => xs[i % xs.length]!;

export function varietyCols(v: Variety, years: number[]): MiniCol[] {
  const y0 = years[0]!;
  const yn = years[years.length - 1]!;
  const f = (t: string, funder = "") => t.replace("{y0}", String(y0)).replace("{yn}", String(yn)).replace("{nn}", String(yn).slice(2)).replace("{f}", funder);
  const w = (k: keyof typeof W, shift = 0) => f(at(W[k], v.words + shift));
  const block = (group: string, b: string, totalHead: string): MiniCol[] => [
    ...years.map((y) => ({ group, head: String(y), key: `${b}${y}` })),
    { group, head: totalHead, key: `${b}Total` },
  ];
  const funder = (b: "fir" | "etat" | "ondam", shift: number) => {
    const g = w(b, shift);
    return block(g, b, f(at(W.total, v.words + shift), g));
  };
  const funders = [funder("fir", 1), funder("etat", 2), funder("ondam", 3)];
  const ordered = v.order % 2 ? [funders[2]!, funders[0]!, funders[1]!] : funders;
  const realised: MiniCol[] = v.generic
    ? [
        { group: `Exécution ${yn}`, head: "Montant", key: "realisedLastYear" },
        { group: `Exécution ${yn}`, head: "Taux", key: "rateLastYear" },
        { group: `Exécution cumulée ${y0}-${yn}`, head: "Montant", key: "realisedSinceStart" },
        { group: `Exécution cumulée ${y0}-${yn}`, head: "Taux", key: "rateGlobal" },
      ]
    : [
        { head: w("realisedLastYear"), key: "realisedLastYear" },
        { head: w("rateLastYear"), key: "rateLastYear" },
        { head: w("realisedSinceStart", 1), key: "realisedSinceStart" },
        { head: w("rateGlobal"), key: "rateGlobal" },
      ];
  const cdGroup = w("cd");
  let cols: MiniCol[] = [
    { head: w("fiche"), key: "fiche" },
    { head: w("label"), key: "label" },
    { head: w("objective"), key: "objective" },
    { head: w("objectiveType"), key: "objectiveType" },
    { head: w("budget"), key: "budget" },
    ...block(w("ms"), "ms", `Total ${w("ms").toLowerCase()}`),
    ...block(w("dgas", 1), "dgas", `Total ${w("dgas", 1)}`),
    ...block(cdGroup, "cd", w("cdTotal")),
    { head: w("source"), key: "source" },
    ...ordered.flat(),
    ...realised,
    { head: w("gap"), key: "gap" },
  ];
  if (v.extra) cols.splice(2, 0, { head: at(W.extra, v.words), key: "extra1" });
  if (v.extra) cols.push({ head: at(W.extra, v.words + 1), key: "extra2" });
  if (v.upper) cols = cols.map((c) => ({ ...c, head: c.head.toUpperCase(), group: c.group?.toUpperCase() }));
  return cols;
}

export function varietyAnnex(v: Variety): MiniAnnex & { fiches: MiniFiche[]; years: number[] } {
  const years = Array.from({ length: v.count }, (_, i) => v.y0 + i);
  const base = fiches(v.fiches).map((fi, i) => ({
    ...fi,
    n: NUMBERING[v.numbering % NUMBERING.length]!(i + 1),
    ms: years.map((_, k) => fi.ms[k % 2]! + 10 * k),
    dgas: years.map((_, k) => fi.dgas[k % 2]!),
    fir: years.map((_, k) => fi.fir[k % 2]!),
    etat: years.map((_, k) => fi.etat[k % 2]! + k),
    ondam: years.map((_, k) => fi.ondam[k % 2]!),
  }));
  const wb: WorkbookSnapshot = { sheets: [] };
  if (v.decoy) {
    const s = emptySheet("TCD");
    ["Étiquettes de lignes", "Somme de Masse salariale", "Somme de Total CD", "Somme de Montant FIR", "Somme de Montant ETAT"].forEach((h, i) =>
      setCell(s, 1, i + 1, { value: h }),
    );
    years.forEach((y, k) => [y, 1000 * k, 2000, 30, 40].forEach((x, i) => setCell(s, 2 + k, i + 1, { value: x })));
    wb.sheets.push(s);
  }
  const half = Math.max(1, Math.floor(v.fiches / 2));
  const m = miniDetail(
    {
      cols: varietyCols(v, years),
      fiches: base,
      years,
      top: 2 + (v.seed % 4),
      left: 1 + (v.seed % 3),
      singleOnLower: v.lower,
      engagements: v.engagements && v.fiches >= 2 ? [half, v.fiches - half] : undefined,
      split: v.split ? [0, v.fiches - 1] : undefined,
      blankEvery: v.seed % 5 === 0 ? 3 : undefined,
    },
    wb,
  );
  if (v.hide) m.sheet.hiddenCols.add(m.sheet.colCount - 1);
  return { ...m, fiches: base, years };
}
