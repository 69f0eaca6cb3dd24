// Generates CDPPE annexes of many shapes (offsets, sheet names, merged or plain headers, wording, years, missing ONDAM,
// hidden columns, an unrelated table beside) with consistent figures, and says where everything is.
import { colToLetters } from "../../src/core/model/a1";
import { emptySheet, setCell, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/model/snapshot";

export type HeaderStyle = "merged" | "plainRepeated" | "plainFirst" | "singleRow";

export interface AnnexOptions {
  seed: number;
  years: number[];
  fiches: number;
  offsetRows: number;
  offsetCols: number;
  titleLines: number;
  headerStyle: HeaderStyle;
  summaryHeaderStyle: "merged" | "singleRow";
  wording: number;
  noOndam: boolean;
  hideColumns: boolean;
  unrelatedBeside: boolean;
  bothOnOneSheet: boolean;
  detailSheet: string;
  summarySheet: string;
  continuationEvery: number;
  withSummary: boolean;
  /** Write formulas for block totals, Total CD per year, Moyens and the TOTAL row (as departments do). */
  formulas: boolean;
}

export const DEFAULT_OPTIONS: AnnexOptions = {
  seed: 1,
  years: [2020, 2021, 2022],
  fiches: 8,
  offsetRows: 0,
  offsetCols: 0,
  titleLines: 1,
  headerStyle: "merged",
  summaryHeaderStyle: "merged",
  wording: 0,
  noOndam: false,
  hideColumns: false,
  unrelatedBeside: false,
  bothOnOneSheet: false,
  detailSheet: "Suivi fiches actions",
  summarySheet: "Synthèse financière",
  continuationEvery: 0,
  withSummary: true,
  formulas: true,
};

type Key = string;
interface ColPlan {
  key: Key;
  group: string;
  sub: string;
  block?: string;
  year?: number;
  total?: boolean;
}

export interface Expected {
  detail: {
    sheet: string;
    headerRows: number[];
    columns: Record<string, string>;
    fiches: Array<{ row: number; fiche: string }>;
    continuations: Array<{ row: number; of: string }>;
    totalRow: number;
    years: number[];
    hidden: string[];
  };
  summary: {
    sheet: string;
    headerRows: number[];
    columns: Record<string, string>;
    fiches: Array<{ row: number; fiche: string }>;
    groups: Array<{ titleRow: number; subtotalRow: number; rows: number }>;
    totalRow: number;
  } | null;
}

export interface GeneratedAnnex {
  workbook: WorkbookSnapshot;
  expected: Expected;
  options: AnnexOptions;
  values: FicheValues[];
}

export interface FicheValues {
  fiche: number;
  ms: number[];
  dgas: number[];
  fir: number[];
  etat: number[];
  ondam: number[];
  realisedLast: number;
  realisedSince: number;
  source: string;
  objective: number;
  objectiveType: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: T[], i: number): T => list[i % list.length]!;

const W = {
  fiche: ["numéro fiche action", "N° fiche", "Fiche n°", "N° FA", "Numéro de la fiche"],
  label: ["Intitulés fiches actions", "Intitulé de la fiche action", "Libellé fiche action"],
  theme: ["thème", "Thématique", "THÈME"],
  objective: ["Intitulés objectifs", "Objectif", "Objectif national"],
  objectiveType: ["Obj. fondamental/ facultatif", "Fondamental / Facultatif", "Type d'objectif (fondamental ou facultatif)"],
  indicator: ["Indicateur", "Indicateurs", "Indicateur"],
  indicatorEtat: ["Indicateurs Etat", "Indicateur État (x)", "Indicateurs ETAT"],
  indicatorExtra: ["Indicateurs additionnels", "Indicateurs complémentaires", "Autres indicateurs"],
  indicatorGroup: ["Indicateurs", "Cibles des indicateurs", "Valeurs cibles des indicateurs"],
  budget: ["Moyen financiers prévisionnels ({ys})", "Moyens financiers prévisionnels", "Budget prévisionnel total"],
  ms: ["Masse salariale", "MASSE SALARIALE", "Masse\nsalariale"],
  msTotal: ["Total masse salariale ({ys})", "Total MS", "Total masse salariale"],
  dgas: ["Budget DGAS", "Budget de la DGAS", "DGAS"],
  dgasTotal: ["Total budget DGAS ({ys})", "Total DGAS", "Total budget DGAS"],
  cd: ["Total CD", "Part CD", "Conseil départemental"],
  cdYear: ["Total CD {y}", "CD {y}", "{y}"],
  cdTotal: ["Total CD", "Total CD ({y0}-{yn})", "Total CD"],
  source: ["Source de co-financement", "Co-financeur", "Source de cofinancement"],
  fir: ["Montant FIR", "Mt FIR", "FIR (ARS)"],
  firTotal: ["Montant FIR", "Total FIR", "Mt FIR total"],
  etat: ["Montant ETAT", "Mt Etat", "État (P304)"],
  etatTotal: ["Montant ETAT", "Total Etat", "Mt État total"],
  ondam: ["Montant ONDAM", "Mt ONDAM", "ONDAM (AM)"],
  ondamTotal: ["Montant ONDAM", "Total ONDAM", "Mt ONDAM total"],
  realisedLastYear: ["Réalisations en {yn}", "Réalisé {yn}", "Réalisations {yn}"],
  rateLastYear: ["Niveau d'exécution budgétaire au titre de l'année {yn}", "Taux de consommation {yn}", "Taux d'exécution {yn}"],
  realisedSinceStart: ["Réalisation depuis {y0}", "Réalisé cumulé {y0}-{yn}", "Réalisations cumulées"],
  rateGlobal: ["Niveau d'exécution budgétaire globale (au 31/12/{nn})", "Taux de consommation global", "Taux d'exécution cumulé"],
  gap: ["Ecart Moyens financiers - Réalisations depuis {y0}", "Écart prévu / réalisé", "Écart"],
  // single-row headers name the block in every year cell
  singleYear: {
    ms: ["Masse salariale {y}", "MS {y}"],
    dgas: ["Budget DGAS {y}", "DGAS {y}"],
    cd: ["Total CD {y}", "CD {y}"],
    fir: ["Montant FIR {y}", "FIR {y}"],
    etat: ["Montant ETAT {y}", "Etat {y}"],
    ondam: ["Montant ONDAM {y}", "ONDAM {y}"],
    indicator: ["Cible indicateur {y}", "Valeur cible {y}"],
  } as Record<string, string[]>,
  summary: {
    mesure: ["Mesure", "Mesures"],
    objectif: ["Objectif", "Objectif national"],
    fiche: ["Fiche action N°", "N° fiche"],
    budget: ["Budget global", "Budget total prévu"],
    departement: ["Département", "Part département"],
    fir: ["FIR", "Mt FIR"],
    etat: ["Etat", "État"],
    ondam: ["ONDAM", "Mt ONDAM"],
    modalite: ["Modalités de financement Etat/AM", "Modalités"],
    consumedPrior: ["Budget consommé au 31/12/ {ynm1}", "Consommé au 31/12/{ynm1}"],
    consumedLastYear: ["Budget consommé en {yn}", "Consommé en {yn}"],
    consumedSinceStart: ["Budget consommé {y0}-{yn}", "Consommé {y0}-{yn}"],
    group: ["Financements prévus {y0}-{yn}", "Financements"],
  } as Record<string, string[]>,
};

const THEMES = ["PMI", "ASE", "Handicap/PMI/ASE", "Transverse", "DIHCS", "DPEF"];
const ACCOUNTING = '_-* #,##0 "€"_-;-* #,##0 "€"_-;_-* "-"?? "€"_-;_-@_-';

function fill(template: string, years: number[]): string {
  const y0 = years[0]!;
  const yn = years[years.length - 1]!;
  return template
    .replace("{ys}", years.join(", "))
    .replace("{y0}", String(y0))
    .replace("{yn}", String(yn))
    .replace("{ynm1}", String(yn - 1))
    .replace("{nn}", String(yn).slice(2));
}

function detailPlan(o: AnnexOptions): ColPlan[] {
  const w = o.wording;
  const ys = o.years;
  const f = (t: string) => fill(t, ys);
  const plan: ColPlan[] = [];
  const single = (key: Key, text: string) => plan.push({ key, group: text, sub: "" });
  const yearBlock = (block: string, groupText: string, subOf: (y: number) => string, totalKey: Key | null, totalText: string) => {
    for (const y of ys) {
      const sub = o.headerStyle === "singleRow" ? fill(pick(W.singleYear[block]!, w), ys).replace("{y}", String(y)) : subOf(y);
      plan.push({ key: `${block}${y}`, group: groupText, sub, block, year: y });
    }
    if (totalKey) plan.push({ key: totalKey, group: groupText, sub: totalText, block, total: true });
  };
  single("fiche", pick(W.fiche, w));
  single("label", pick(W.label, w));
  single("theme", pick(W.theme, w));
  single("objective", pick(W.objective, w));
  single("objectiveType", pick(W.objectiveType, w));
  single("indicator", pick(W.indicator, w));
  single("indicatorEtat", pick(W.indicatorEtat, w));
  single("indicatorExtra", pick(W.indicatorExtra, w));
  yearBlock("indicator", pick(W.indicatorGroup, w), (y) => String(y), null, "");
  single("budget", f(pick(W.budget, w)));
  yearBlock("ms", pick(W.ms, w), (y) => String(y), "msTotal", f(pick(W.msTotal, w)));
  yearBlock("dgas", pick(W.dgas, w), (y) => String(y), "dgasTotal", f(pick(W.dgasTotal, w)));
  yearBlock("cd", pick(W.cd, w), (y) => pick(W.cdYear, w).replace("{y}", String(y)), "cdTotal", f(pick(W.cdTotal, w)));
  single("source", pick(W.source, w));
  yearBlock("fir", pick(W.fir, w), (y) => String(y), "firTotal", pick(W.firTotal, w));
  yearBlock("etat", pick(W.etat, w), (y) => String(y), "etatTotal", pick(W.etatTotal, w));
  if (!o.noOndam) yearBlock("ondam", pick(W.ondam, w), (y) => String(y), "ondamTotal", pick(W.ondamTotal, w));
  single("realisedLastYear", f(pick(W.realisedLastYear, w)));
  single("rateLastYear", f(pick(W.rateLastYear, w)));
  single("realisedSinceStart", f(pick(W.realisedSinceStart, w)));
  single("rateGlobal", f(pick(W.rateGlobal, w)));
  single("gap", f(pick(W.gap, w)));
  return plan;
}

function summaryPlan(o: AnnexOptions): ColPlan[] {
  const w = o.wording;
  const t = (k: string) => fill(pick(W.summary[k]!, w), o.years);
  const group = t("group");
  const keys = [
    "mesure",
    "objectif",
    "fiche",
    "budget",
    "departement",
    "fir",
    "etat",
    ...(o.noOndam ? [] : ["ondam"]),
    "modalite",
    "consumedPrior",
    "consumedLastYear",
    "consumedSinceStart",
  ];
  const inGroup = new Set(["budget", "departement", "fir", "etat", "ondam", "modalite"]);
  return keys.map((k) => ({ key: k, group: inGroup.has(k) ? group : t(k), sub: t(k) }));
}

function put(sheet: SheetSnapshot, r: number, c: number, cell: Cell): void {
  setCell(sheet, r, c, cell);
}

function writeHeader(sheet: SheetSnapshot, plan: ColPlan[], top: number, left: number, style: HeaderStyle): number[] {
  if (style === "singleRow") {
    plan.forEach((p, i) => put(sheet, top, left + i, { value: p.sub || p.group, font: { bold: true, size: 10 } }));
    return [top];
  }
  let i = 0;
  while (i < plan.length) {
    const p = plan[i]!;
    let j = i;
    while (j + 1 < plan.length && plan[j + 1]!.group === p.group && plan[j + 1]!.sub) j++;
    const c = left + i;
    if (!p.sub) {
      put(sheet, top, c, { value: p.group, font: { bold: true, size: 10 } });
      if (style === "merged") sheet.merges.push({ r1: top, c1: c, r2: top + 1, c2: c });
      i++;
      continue;
    }
    for (let k = i; k <= j; k++) {
      if (style === "plainRepeated" || k === i) put(sheet, top, left + k, { value: plan[k]!.group, font: { bold: true, size: 10 } });
      const sub = plan[k]!.sub;
      put(sheet, top + 1, left + k, { value: /^\d{4}$/.test(sub) && k % 2 === 0 ? Number(sub) : sub, font: { bold: true, size: 10 } });
    }
    if (style === "merged" && j > i) sheet.merges.push({ r1: top, c1: left + i, r2: top, c2: left + j });
    i = j + 1;
  }
  return [top, top + 1];
}

// Objectives cycle through the catalogue, so that 11 fiches or more cover every fundamental objective;
// each fiche's co-funder is one the national texts expect for its objective (no funder-theme noise).
const OBJECTIVES: Array<{ n: number; type: string; funders: Array<0 | 1 | 2 | 3> }> = [
  { n: 1, type: "Fondamental", funders: [1] },
  { n: 2, type: "Fondamental", funders: [1, 0] },
  { n: 3, type: "Fondamental", funders: [1] },
  { n: 4, type: "Fondamental", funders: [1] },
  { n: 5, type: "Fondamental", funders: [1, 0] },
  { n: 6, type: "Fondamental", funders: [2] },
  { n: 7, type: "Fondamental", funders: [2, 0] },
  { n: 8, type: "Fondamental", funders: [2] },
  { n: 9, type: "Fondamental", funders: [3, 2] },
  { n: 10, type: "Fondamental", funders: [2] },
  { n: 11, type: "Fondamental", funders: [2, 0] },
  { n: 13, type: "Facultatif", funders: [1] },
  { n: 15, type: "Facultatif", funders: [3, 2] },
  { n: 24, type: "Facultatif", funders: [3] },
  { n: 26, type: "Facultatif", funders: [2, 0] },
];

/** Money of one fiche, consistent: CD = MS + DGAS, the named funder carries money, the département always pays a share. */
function ficheValues(fiche: number, o: AnnexOptions, r: () => number): FicheValues {
  const n = o.years.length;
  const amt = (p: number) => (r() < p ? Math.round(r() * 400) * 500 + 500 : 0);
  const ms = Array.from({ length: n }, (_, i) => (i === 0 ? amt(1) : amt(0.8)));
  const dgas = Array.from({ length: n }, () => amt(0.6));
  const obj = OBJECTIVES[(fiche - 1) % OBJECTIVES.length]!;
  let funder = obj.funders[Math.floor(r() * obj.funders.length)]!;
  if (funder === 3 && o.noOndam) funder = 2;
  const yearly = () => Array.from({ length: n }, (_, i) => (i === n - 1 ? amt(1) : amt(0.8)));
  const zero = () => Array.from({ length: n }, () => 0);
  const fir = funder === 1 ? yearly() : zero();
  const etat = funder === 2 ? yearly() : zero();
  const ondam = funder === 3 ? yearly() : zero();
  const planned = [...ms, ...dgas, ...fir, ...etat, ...ondam].reduce((a, b) => a + b, 0);
  const lastPlanned = ms[n - 1]! + dgas[n - 1]! + fir[n - 1]! + etat[n - 1]! + ondam[n - 1]!;
  const realisedLast = Math.round(lastPlanned * (0.3 + r() * 0.6));
  const realisedSince = realisedLast + Math.round((planned - lastPlanned) * (0.3 + r() * 0.6));
  const source = ["", "FIR", "ETAT", "ONDAM"][funder]!;
  return { fiche, ms, dgas, fir, etat, ondam, realisedLast, realisedSince, source, objective: obj.n, objectiveType: obj.type };
}

export function generateAnnex(partial: Partial<AnnexOptions> = {}): GeneratedAnnex {
  const o: AnnexOptions = { ...DEFAULT_OPTIONS, ...partial };
  const r = rng(o.seed);
  const detail = emptySheet(o.detailSheet);
  const summary = o.bothOnOneSheet ? detail : emptySheet(o.summarySheet);
  const plan = detailPlan(o);
  const left = 1 + o.offsetCols;
  let top = 1 + o.offsetRows;
  for (let t = 0; t < o.titleLines; t++)
    put(detail, top + t, left, {
      value: t === 0 ? `Suivi des fiches actions du CDPPE ${o.years[0]}-${o.years[o.years.length - 1]}` : "Document de travail",
      font: { size: 14 },
    });
  top += o.titleLines;
  const headerRows = writeHeader(detail, plan, top, left, o.headerStyle);
  const col = new Map<Key, number>(plan.map((p, i) => [p.key, left + i]));
  const L = (k: Key) => colToLetters(col.get(k)!);
  const values: FicheValues[] = [];
  const fiches: Array<{ row: number; fiche: string }> = [];
  const continuations: Array<{ row: number; of: string }> = [];
  let row = headerRows[headerRows.length - 1]! + 1;
  const firstRow = row;
  const amountFmt = '#,##0 "€"';
  const writeAmounts = (rr: number, v: FicheValues | null) => {
    o.years.forEach((y, i) => {
      const blocks: Array<"ms" | "dgas" | "fir" | "etat" | "ondam"> = ["ms", "dgas", "fir", "etat", ...(o.noOndam ? [] : ["ondam" as const])];
      for (const b of blocks) {
        put(detail, rr, col.get(`${b}${y}`)!, { value: v ? v[b][i]! : 0, numFmt: amountFmt });
      }
      const cdVal = v ? v.ms[i]! + v.dgas[i]! : 0;
      put(
        detail,
        rr,
        col.get(`cd${y}`)!,
        o.formulas ? { value: cdVal, formula: `${L(`ms${y}`)}${rr}+${L(`dgas${y}`)}${rr}`, numFmt: amountFmt } : { value: cdVal, numFmt: amountFmt },
      );
    });
    const sumBlock = (b: string, arr: number[]) => {
      const first = `${L(`${b}${o.years[0]}`)}${rr}`;
      const last = `${L(`${b}${o.years[o.years.length - 1]}`)}${rr}`;
      const total = arr.reduce((a, x) => a + x, 0);
      put(
        detail,
        rr,
        col.get(`${b}Total`)!,
        o.formulas ? { value: total, formula: `SUM(${first}:${last})`, numFmt: amountFmt } : { value: total, numFmt: amountFmt },
      );
      return total;
    };
    const z = o.years.map(() => 0);
    const ms = sumBlock("ms", v ? v.ms : z);
    const dgas = sumBlock("dgas", v ? v.dgas : z);
    const cd = sumBlock("cd", v ? v.ms.map((x, i) => x + v.dgas[i]!) : z);
    const fir = sumBlock("fir", v ? v.fir : z);
    const etat = sumBlock("etat", v ? v.etat : z);
    const ondam = o.noOndam ? 0 : sumBlock("ondam", v ? v.ondam : z);
    void ms;
    void dgas;
    const budgetF = [L("cdTotal"), L("firTotal"), L("etatTotal"), ...(o.noOndam ? [] : [L("ondamTotal")])].map((c) => `${c}${rr}`).join("+");
    put(
      detail,
      rr,
      col.get("budget")!,
      o.formulas ? { value: cd + fir + etat + ondam, formula: budgetF, numFmt: ACCOUNTING } : { value: cd + fir + etat + ondam, numFmt: ACCOUNTING },
    );
    put(detail, rr, col.get("realisedLastYear")!, { value: v ? v.realisedLast : 0, numFmt: ACCOUNTING });
    put(detail, rr, col.get("realisedSinceStart")!, { value: v ? v.realisedSince : 0, numFmt: amountFmt });
  };
  for (let i = 1; i <= o.fiches; i++) {
    const v = ficheValues(i, o, r);
    values.push(v);
    put(detail, row, col.get("fiche")!, { value: r() < 0.2 ? `FA ${i}` : i });
    put(detail, row, col.get("label")!, { value: `Action ${i} : développer le dispositif ${i}` });
    put(detail, row, col.get("theme")!, { value: pick(THEMES, i) });
    put(detail, row, col.get("objective")!, { value: `Objectif ${v.objective} : objectif national numéro ${v.objective}` });
    put(detail, row, col.get("objectiveType")!, { value: v.objectiveType });
    put(detail, row, col.get("indicator")!, { value: `Nombre de bénéficiaires de l'action ${i}` });
    if (i % 2) put(detail, row, col.get("indicatorEtat")!, { value: "x" });
    o.years.forEach((y, k) => put(detail, row, col.get(`indicator${y}`)!, { value: (k + 1) * 10, numFmt: "0" }));
    if (v.source) put(detail, row, col.get("source")!, { value: v.source });
    writeAmounts(row, v);
    fiches.push({ row, fiche: String(i) });
    row++;
    if (o.continuationEvery && i % o.continuationEvery === 0) {
      put(detail, row, col.get("objective")!, { value: "Objectif 15 : Soutenir les parents en situation de handicap" });
      put(detail, row, col.get("indicator")!, { value: "Pour ces parents, mesures et actions mises en place." });
      writeAmounts(row, null);
      continuations.push({ row, of: String(i) });
      row++;
    }
  }
  const lastRow = row - 1;
  const totalRow = row;
  put(detail, totalRow, left, { value: "TOTAL", font: { bold: true } });
  if (o.headerStyle === "merged") detail.merges.push({ r1: totalRow, c1: left, r2: totalRow, c2: col.get("budget")! - 1 });
  for (const p of plan) {
    if (!(p.block && p.block !== "indicator") && !["budget", "realisedLastYear", "realisedSinceStart"].includes(p.key)) continue;
    const c = col.get(p.key)!;
    let sum = 0;
    for (let rr = firstRow; rr <= lastRow; rr++) {
      const v = detail.cells[rr - 1]?.[c - 1]?.value;
      if (typeof v === "number") sum += v;
    }
    const letter = colToLetters(c);
    put(
      detail,
      totalRow,
      c,
      o.formulas
        ? { value: sum, formula: `SUM(${letter}${firstRow}:${letter}${lastRow})`, numFmt: ACCOUNTING, font: { bold: true } }
        : { value: sum, numFmt: ACCOUNTING, font: { bold: true } },
    );
  }
  for (const p of plan) {
    const c = col.get(p.key)!;
    detail.colWidths[c - 1] = p.key === "label" || p.key === "objective" ? 34 : p.block && p.block !== "indicator" ? 14 : 16;
  }
  const hidden: string[] = [];
  if (o.hideColumns) {
    for (const k of ["indicatorExtra", `indicator${o.years[0]}`, `dgas${o.years[0]}`]) {
      detail.hiddenCols.add(col.get(k)!);
      hidden.push(L(k));
    }
  }
  if (o.unrelatedBeside) {
    const c0 = left + plan.length + 2;
    ["Commune", "Budget 2022 de la commune", "Observations", "Nombre de places"].forEach((h, i) => put(detail, top, c0 + i, { value: h }));
    for (let k = 1; k <= 4; k++) {
      put(detail, top + k, c0, { value: `Commune ${k}` });
      put(detail, top + k, c0 + 1, { value: 1000 * k });
      put(detail, top + k, c0 + 3, { value: 10 * k });
    }
  }
  const columns: Record<string, string> = {};
  for (const p of plan) columns[p.key] = L(p.key);

  let expectedSummary: Expected["summary"] = null;
  const sheets: SheetSnapshot[] = [detail];
  if (o.withSummary) {
    const splan = summaryPlan(o);
    const sleft = o.bothOnOneSheet ? left : 1 + ((o.offsetCols * 3) % 5);
    let stop = o.bothOnOneSheet ? totalRow + 4 : 1 + ((o.offsetRows * 2) % 7);
    put(summary, stop, sleft, { value: "Rapport financier de la contractualisation de prévention et protection de l'enfance", font: { size: 14 } });
    stop += 1;
    const sHeader = writeHeader(summary, splan, stop, sleft, o.summaryHeaderStyle === "singleRow" ? "singleRow" : "merged");
    const scol = new Map<Key, number>(splan.map((p, i) => [p.key, sleft + i]));
    const SL = (k: Key) => colToLetters(scol.get(k)!);
    let sr = sHeader[sHeader.length - 1]! + 1;
    const groupCount = Math.min(5, Math.max(2, Math.ceil(o.fiches / 3)));
    const groups: Array<{ titleRow: number; subtotalRow: number; rows: number }> = [];
    const sfiches: Array<{ row: number; fiche: string }> = [];
    const subtotalRows: number[] = [];
    let v = 0;
    for (let g = 0; g < groupCount; g++) {
      const titleRow = sr;
      const title = g === groupCount - 1 ? "Conditions pour y parvenir" : `Engagement ${g + 1} : agir pour les enfants et leurs familles (${g + 1})`;
      put(summary, sr, sleft, { value: title });
      summary.merges.push({ r1: sr, c1: sleft, r2: sr, c2: sleft + splan.length - 1 });
      sr++;
      const first = sr;
      const count = g === groupCount - 1 ? values.length - v : Math.max(1, Math.floor(values.length / groupCount));
      for (let k = 0; k < count && v < values.length; k++, v++) {
        const fv = values[v]!;
        const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
        const cd = sum(fv.ms) + sum(fv.dgas);
        const vals: Record<string, Cell> = {
          mesure: { value: `Mesure de la fiche ${fv.fiche}` },
          objectif: { value: `Objectif ${fv.objective}` },
          fiche: { value: fv.fiche },
          budget: { value: cd + sum(fv.fir) + sum(fv.etat) + sum(fv.ondam), numFmt: ACCOUNTING },
          departement: { value: cd, numFmt: ACCOUNTING },
          fir: { value: sum(fv.fir), numFmt: ACCOUNTING },
          etat: { value: sum(fv.etat), numFmt: ACCOUNTING },
          ondam: { value: sum(fv.ondam), numFmt: ACCOUNTING },
          modalite: { value: fv.source === "FIR" ? "FIR" : fv.source === "ETAT" ? "PLF" : fv.source === "ONDAM" ? "AM" : "CD" },
          consumedPrior: { value: fv.realisedSince - fv.realisedLast, numFmt: ACCOUNTING },
          consumedLastYear: { value: fv.realisedLast, numFmt: ACCOUNTING },
          consumedSinceStart: { value: fv.realisedSince, numFmt: ACCOUNTING },
        };
        for (const p of splan) put(summary, sr, scol.get(p.key)!, vals[p.key]!);
        sfiches.push({ row: sr, fiche: String(fv.fiche) });
        sr++;
      }
      const last = sr - 1;
      put(summary, sr, sleft, { value: "Sous-total" });
      for (const k of ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"]) {
        if (!scol.has(k)) continue;
        let s = 0;
        for (let rr = first; rr <= last; rr++) s += Number(summary.cells[rr - 1]?.[scol.get(k)! - 1]?.value ?? 0);
        put(
          summary,
          sr,
          scol.get(k)!,
          o.formulas ? { value: s, formula: `SUM(${SL(k)}${first}:${SL(k)}${last})`, numFmt: ACCOUNTING } : { value: s, numFmt: ACCOUNTING },
        );
      }
      groups.push({ titleRow, subtotalRow: sr, rows: last - first + 1 });
      subtotalRows.push(sr);
      sr++;
    }
    put(summary, sr, sleft, { value: "Total" });
    for (const k of ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"]) {
      if (!scol.has(k)) continue;
      const s = subtotalRows.reduce((a, rr) => a + Number(summary.cells[rr - 1]?.[scol.get(k)! - 1]?.value ?? 0), 0);
      put(
        summary,
        sr,
        scol.get(k)!,
        o.formulas ? { value: s, formula: `SUM(${subtotalRows.map((rr) => SL(k) + rr).join(",")})`, numFmt: ACCOUNTING } : { value: s, numFmt: ACCOUNTING },
      );
    }
    for (const p of splan) summary.colWidths[scol.get(p.key)! - 1] = 16;
    const scolumns: Record<string, string> = {};
    for (const p of splan) scolumns[p.key] = SL(p.key);
    expectedSummary = { sheet: summary.name, headerRows: sHeader, columns: scolumns, fiches: sfiches, groups, totalRow: sr };
    if (!o.bothOnOneSheet) sheets.unshift(summary);
  }
  // An unrelated sheet first, as workbooks often have.
  const notes = emptySheet("Notes");
  put(notes, 1, 1, { value: "Notes de la direction" });
  put(notes, 2, 1, { value: "Montant" });
  put(notes, 2, 2, { value: 12 });
  sheets.unshift(notes);
  return {
    workbook: { fileName: "annexe-generee.xlsx", sheets },
    expected: {
      detail: { sheet: detail.name, headerRows, columns, fiches, continuations, totalRow, years: o.years, hidden },
      summary: expectedSummary,
    },
    options: o,
    values,
  };
}
