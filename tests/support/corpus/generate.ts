// Independent corpus: annexes laid out the way other départements plausibly keep theirs, each with its ground truth
// (role -> column, fiche -> rows) and arithmetically consistent. Not derived from tests/support/annexGenerator.ts.
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type Cell, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { generateLookalike } from "./lookalikes";
import { Rng } from "./rng";
import {
  ACTIONS,
  BLOCKS,
  ENGAGEMENTS,
  FUNDERS,
  MODALITE_NAMES,
  OBJECTIVES,
  SOURCE_NAMES,
  THEMES,
  detailWords,
  summaryWords,
  type Block,
  type Funder,
  type Years,
} from "./vocabulary";

export interface Part {
  amounts: Record<Block, number[]>;
  realisedLast: number;
  realisedSince: number;
}
export interface Fiche {
  /** Canonical key (see ficheKey) used by the truth. */
  key: string;
  shown: CellValue;
  summaryShown: CellValue;
  label: string;
  theme: string;
  objective: { n: number; fundamental: boolean; label: string } | null;
  funders: Funder[];
  source: string;
  parts: Part[];
  engagement: number;
}

export interface TableTruth {
  sheet: string;
  headerRows: number[];
  /** Report column key (describeTable's: "fiche", "budget", "ms2021", "firTotal"…) -> column letter. */
  columns: Record<string, string>;
  /** Canonical fiche key -> its rows. */
  fiches: Record<string, number[]>;
  totalRow: number;
  subtotalRows: number[];
}

export interface AnnexTruth {
  years: number[];
  detail: TableTruth;
  summary: TableTruth | null;
}

/** Where things are, for the fault injector. */
export interface Placement {
  detail: { sheet: string; col: Record<string, number>; rows: Map<string, number[]>; totalRow: number; subtotals: Array<{ row: number; rows: number[] }> };
  summary: {
    sheet: string;
    col: Record<string, number>;
    rows: Map<string, number>;
    totalRow: number;
    subtotals: Array<{ row: number; rows: number[] }>;
  } | null;
}

export interface CorpusAnnex {
  id: string;
  seed: number;
  /** Tags naming the variety this annex exercises ("headers:two/bottom", "fiche:FA 1", "multirow"…). */
  variety: string[];
  workbook: WorkbookSnapshot;
  truth: AnnexTruth;
  fiches: Fiche[];
  placement: Placement;
}

/** Normalises a fiche number as written so that "FA 01", "Fiche 1", "01" and 1 compare equal. */
export function ficheKey(v: unknown): string {
  let s = String(v ?? "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim();
  s = s.replace(/^(fiche\s*action|fiche|fa|n°|no|action)\s*[-:.]?\s*(n°)?\s*/, "");
  s = s.replace(/\s+/g, " ").replace(/(^|[^\d.])0+(\d)/g, "$1$2");
  return s.replace(/\s*(bis|ter)$/, " $1").trim();
}

type Kind = "text" | "fiche" | "amount" | "rate" | "date";
interface ColDef {
  key: string | null;
  kind: Kind;
  /** Group header (two-row headers) or null. */
  group: string | null;
  /** Header under the group, or the column's only header. */
  sub: string;
  /** Header when everything sits on one row. */
  flat: string;
  hidden?: boolean;
  width: number;
}

const AMOUNT_FORMATS = ['#,##0 "€"', '#,##0\\ "€"', '_-* #,##0 "€"_-;-* #,##0 "€"_-;_-* "-"?? "€"_-;_-@_-', "#,##0", '#,##0.00 "€"'];
const RATE_FORMATS = ["0%", "0.0%", "0.00%"];

function makeYears(rng: Rng): Years {
  const y0 = rng.pick([2020, 2020, 2020, 2021, 2022, 2023, 2024]);
  const maxCount = Math.min(5, 2027 - y0 + 1);
  const count = rng.int(2, maxCount);
  const list = Array.from({ length: count }, (_, i) => y0 + i);
  return { y0, yn: list[list.length - 1]!, list };
}

function amount(rng: Rng, max: number, cents: boolean): number {
  const v = rng.int(1, Math.floor(max / 500)) * 500;
  return cents && rng.chance(0.3) ? v + rng.int(1, 99) / 100 : v;
}

function makePart(rng: Rng, years: Years, funders: Funder[], cents: boolean): Part {
  const n = years.list.length;
  const a = {} as Record<Block, number[]>;
  for (const b of BLOCKS) a[b] = Array.from({ length: n }, (): number => 0);
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.7)) a.ms[i] = amount(rng, 90000, cents);
    if (rng.chance(0.6)) a.dgas[i] = amount(rng, 150000, cents);
  }
  for (const f of funders) {
    for (let i = 0; i < n; i++) if (rng.chance(0.75)) a[f][i] = amount(rng, 250000, cents);
    if (!a[f].some((x) => x !== 0)) a[f][n - 1] = amount(rng, 100000, cents);
  }
  if (!a.ms.some((x) => x !== 0) && !a.dgas.some((x) => x !== 0) && !funders.length) a.dgas[0] = 12000;
  for (let i = 0; i < n; i++) a.cd[i] = a.ms[i]! + a.dgas[i]!;
  const plannedLast = a.cd[n - 1]! + a.fir[n - 1]! + a.etat[n - 1]! + a.ondam[n - 1]!;
  const budget = sumAll(a);
  const realisedLast = plannedLast > 0 && rng.chance(0.85) ? Math.floor((plannedLast * rng.int(20, 100)) / 100 / 10) * 10 : 0;
  const realisedSince = Math.min(budget, realisedLast + Math.floor(((budget - realisedLast) * rng.int(0, 90)) / 100 / 10) * 10);
  return { amounts: a, realisedLast, realisedSince };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
function sumAll(a: Record<Block, number[]>): number {
  return sum(a.cd) + sum(a.fir) + sum(a.etat) + sum(a.ondam);
}

type NumberStyle = "plain" | "zero" | "FA 1" | "FA-1" | "Fiche 1" | "1.2" | "A1" | "bis";

function makeFiches(rng: Rng, years: Years, style: NumberStyle, multirow: boolean, cents: boolean, summaryPlain: boolean): Fiche[] {
  const count = rng.int(4, 14);
  const engagements = [...new Set(Array.from({ length: count }, () => rng.int(0, 4)))].sort();
  const out: Fiche[] = [];
  let n = 0;
  let lastBis = false;
  for (const e of engagements) {
    const inGroup = rng.int(1, 4);
    for (let k = 1; k <= inGroup; k++) {
      n++;
      const bis: boolean = style === "bis" && k > 1 && !lastBis && rng.chance(0.4);
      lastBis = bis;
      if (bis) n--;
      const shown: CellValue =
        style === "plain"
          ? n
          : style === "zero"
            ? String(n).padStart(2, "0")
            : style === "FA 1"
              ? `FA ${n}`
              : style === "FA-1"
                ? `FA-${n}`
                : style === "Fiche 1"
                  ? `Fiche ${n}`
                  : style === "1.2"
                    ? `${e + 1}.${k}`
                    : style === "A1"
                      ? `${"ABCDE"[e]}${k}`
                      : bis
                        ? `${n} bis`
                        : n;
      const funders = rng.pick<Funder[]>([[], [], ["fir"], ["fir"], ["etat"], ["etat"], ["etat"], ["ondam"], ["etat", "ondam"]]);
      const fitting = OBJECTIVES.filter((o) => funders.every((f) => o.funders.includes(f)));
      const objective = rng.chance(0.1) ? null : rng.pick(fitting.length ? fitting : OBJECTIVES);
      const parts = [makePart(rng, years, funders, cents)];
      if (multirow && rng.chance(0.3)) parts.push(makePart(rng, years, funders, cents));
      const names = funders.map((f) => rng.pick(SOURCE_NAMES[f]));
      const source = names.length ? names.join(rng.pick(["/", " / ", ", ", " + "])) : rng.pick(["", "-", "Aucun"]);
      const plainNumber = typeof shown === "string" && /^(FA ?-?|Fiche )?0?\d+$/.test(shown) ? Number(shown.replace(/\D/g, "")) : shown;
      out.push({
        key: ficheKey(shown),
        shown,
        summaryShown: summaryPlain ? plainNumber : shown,
        label: rng.pick(ACTIONS),
        theme: rng.pick(THEMES),
        objective,
        funders,
        source,
        parts,
        engagement: e,
      });
    }
  }
  return out;
}

function transformHeader(s: string, upper: boolean, breaks: boolean, rng: Rng): string {
  let t = upper ? s.toUpperCase() : s;
  if (breaks && t.length > 14 && rng.chance(0.6)) {
    const spaces = [...t.matchAll(/ /g)].map((m) => m.index);
    if (spaces.length) {
      const i = spaces[Math.floor(spaces.length / 2)]!;
      t = t.slice(0, i) + "\n" + t.slice(i + 1);
    }
  }
  return t;
}

function put(sheet: SheetSnapshot, row: number, col: number, cell: Cell): void {
  setCell(sheet, row, col, cell);
}

type HeaderMode = "two" | "one" | "lower";
type SinglePlacement = "merge" | "top" | "bottom" | "split";

interface HeaderStyle {
  mode: HeaderMode;
  single: SinglePlacement;
  upper: boolean;
  breaks: boolean;
  yearCell: "number" | "text" | "annee";
}

/** Writes one or two header rows for the column plan; returns the header rows. */
function writeHeaders(
  sheet: SheetSnapshot,
  row: number,
  c0: number,
  cols: ColDef[],
  hs: HeaderStyle,
  rng: Rng,
  bannerOver?: Array<[number, number, string]>,
): number[] {
  const T = (s: string) => transformHeader(s, hs.upper, hs.breaks, rng);
  const bold = { bold: true };
  if (hs.mode === "one") {
    cols.forEach((c, i) => put(sheet, row, c0 + i, { value: T(c.flat), font: bold }));
    return [row];
  }
  if (hs.mode === "lower") {
    for (const [a, b, text] of bannerOver ?? []) {
      put(sheet, row, c0 + a, { value: T(text), font: bold });
      if (b > a) sheet.merges.push({ r1: row, c1: c0 + a, r2: row, c2: c0 + b });
    }
    cols.forEach((c, i) => put(sheet, row + 1, c0 + i, { value: T(c.flat), font: bold }));
    return [row, row + 1];
  }
  let i = 0;
  while (i < cols.length) {
    const c = cols[i]!;
    if (c.group) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1]!.group === c.group) j++;
      put(sheet, row, c0 + i, { value: T(c.group), font: bold });
      if (j > i) sheet.merges.push({ r1: row, c1: c0 + i, r2: row, c2: c0 + j });
      for (let k = i; k <= j; k++) put(sheet, row + 1, c0 + k, { value: cols[k]!.sub === "" ? null : T(cols[k]!.sub), font: bold });
      i = j + 1;
      continue;
    }
    const text = T(c.sub);
    if (hs.single === "merge") {
      put(sheet, row, c0 + i, { value: text, font: bold });
      sheet.merges.push({ r1: row, c1: c0 + i, r2: row + 1, c2: c0 + i });
    } else if (hs.single === "top") put(sheet, row, c0 + i, { value: text, font: bold });
    else if (hs.single === "bottom") put(sheet, row + 1, c0 + i, { value: text, font: bold });
    else {
      const words = c.sub.split(" ");
      const cut = Math.ceil(words.length / 2);
      put(sheet, row, c0 + i, { value: T(words.slice(0, cut).join(" ")), font: bold });
      if (words.length > 1) put(sheet, row + 1, c0 + i, { value: T(words.slice(cut).join(" ")), font: bold });
    }
    i++;
  }
  return [row, row + 1];
}

function yearSub(y: number, hs: HeaderStyle): string {
  return hs.yearCell === "annee" ? `Année ${y}` : String(y);
}

interface BuildCtx {
  rng: Rng;
  years: Years;
  amountFmt: string;
  rateFmt: string;
  blankZeros: boolean;
  house: boolean;
}

function detailPlan(ctx: BuildCtx, hs: HeaderStyle, variety: string[]): { cols: ColDef[]; banners: Array<[number, number, string]> } {
  const { rng, years } = ctx;
  const w = detailWords(years, rng, ctx.house);
  const cols: ColDef[] = [];
  const single = (key: string | null, kind: Kind, header: string, width = 16, hidden = false) =>
    cols.push({ key, kind, group: null, sub: header, flat: header, width, hidden });
  const extras: Array<[string, Kind]> = ctx.house
    ? []
    : rng
        .shuffle<[string, Kind]>([
          ["Commentaires", "text"],
          ["Service pilote", "text"],
          ["Date de début", "date"],
          ["Date de fin", "date"],
          ["Code analytique", "text"],
          ["Partenaires", "text"],
        ])
        .slice(0, rng.int(0, 3));
  if (extras.length) variety.push(`extras:${extras.map((e) => e[0]).join("+")}`);
  let hideNext = extras.length > 0 && rng.chance(0.4);
  const extra = ([h, k]: [string, Kind]) => {
    single(null, k, h, k === "date" ? 12 : 22, hideNext);
    if (hideNext) variety.push("hidden-column");
    hideNext = false;
  };
  if (rng.chance(0.15) && extras.length) extra(extras.shift()!);
  single("fiche", "fiche", w.fiche, 9);
  if (rng.chance(0.9)) single("label", "text", w.label, 34);
  if (rng.chance(0.7)) single("theme", "text", w.theme, 12);
  const withObjective = rng.chance(0.8);
  if (withObjective) single("objective", "text", w.objective, 30);
  if (withObjective && rng.chance(0.7)) single("objectiveType", "text", w.objectiveType, 14);
  if (extras.length && rng.chance(0.5)) extra(extras.shift()!);
  const budgetFirst = rng.chance(0.8);
  const firstAmount = cols.length;
  if (budgetFirst) single("budget", "amount", w.budget, 17);
  const block = (b: Block) => {
    const g = w.group[b];
    const span = years.list.join(", ");
    const houseTotal: Record<Block, string> = {
      ms: `Total masse salariale (${span})`,
      dgas: `Total budget DGAS (${span})`,
      cd: "Total CD",
      fir: g,
      etat: g,
      ondam: g,
    };
    for (const y of years.list)
      cols.push({ key: `${b}${y}`, kind: "amount", group: g, sub: ctx.house && b === "cd" ? `Total CD ${y}` : yearSub(y, hs), flat: `${g} ${y}`, width: 15 });
    cols.push({ key: `${b}Total`, kind: "amount", group: g, sub: ctx.house ? houseTotal[b] : w.totalSub, flat: w.totalFlat(b, g), width: 16 });
  };
  block("ms");
  block("dgas");
  block("cd");
  if (!budgetFirst) single("budget", "amount", w.budget, 17);
  const funderOrder = rng.chance(0.7) ? [...FUNDERS] : rng.shuffle(FUNDERS);
  if (funderOrder.join() !== "fir,etat,ondam") variety.push(`funders:${funderOrder.join("-")}`);
  const sourceFirst = rng.chance(0.8);
  if (sourceFirst) single("source", "text", w.source, 18);
  for (const f of funderOrder) block(f);
  if (!sourceFirst) single("source", "text", w.source, 18);
  const lastAmount = cols.length - 1;
  const firstExec = cols.length;
  if (hs.mode === "two" && !ctx.house && rng.chance(0.35)) {
    variety.push("exec-groups:Montant/Taux");
    const [g1, g2] = w.execGroups;
    cols.push({ key: "realisedLastYear", kind: "amount", group: g1, sub: "Montant", flat: g1, width: 16 });
    cols.push({ key: "rateLastYear", kind: "rate", group: g1, sub: "Taux", flat: `Taux ${g1}`, width: 10 });
    cols.push({ key: "realisedSinceStart", kind: "amount", group: g2, sub: "Montant", flat: g2, width: 16 });
    cols.push({ key: "rateGlobal", kind: "rate", group: g2, sub: "Taux", flat: `Taux ${g2}`, width: 10 });
  } else {
    single("realisedLastYear", "amount", w.realisedLastYear, 16);
    single("rateLastYear", "rate", w.rateLastYear, 12);
    single("realisedSinceStart", "amount", w.realisedSinceStart, 16);
    single("rateGlobal", "rate", w.rateGlobal, 12);
  }
  single("gap", "amount", w.gap, 16);
  variety.push(`gap:${w.gap}`, `realised:${w.realisedLastYear}`);
  for (const e of extras) extra(e);
  const banners: Array<[number, number, string]> = rng.chance(0.6)
    ? [
        [firstAmount, lastAmount, rng.pick(["PRÉVISIONNEL", "Financement prévu", "Plan de financement"])],
        [firstExec, firstExec + 4, rng.pick(["RÉALISATIONS", "Exécution", "Suivi de la consommation"])],
      ]
    : [];
  return { cols, banners };
}

function summaryPlan(ctx: BuildCtx): ColDef[] {
  const w = summaryWords(ctx.years, ctx.rng, ctx.house);
  const keys = [
    "mesure",
    "objectif",
    "fiche",
    "budget",
    "departement",
    "fir",
    "etat",
    "ondam",
    "modalite",
    "consumedPrior",
    "consumedLastYear",
    "consumedSinceStart",
  ] as const;
  const kinds: Record<string, Kind> = { mesure: "text", objectif: "text", fiche: "fiche", modalite: "text" };
  return keys.map((k) => ({ key: k, kind: kinds[k] ?? "amount", group: null, sub: w[k], flat: w[k], width: k === "mesure" || k === "objectif" ? 28 : 16 }));
}

const numCell = (v: number, fmt: string, blankZeros: boolean): Cell | undefined => (v === 0 && blankZeros ? undefined : { value: v, numFmt: fmt });

export function generateCorpusAnnex(seed: number): CorpusAnnex {
  const rng = new Rng(seed);
  const variety: string[] = [];
  const years = makeYears(rng);
  variety.push(`years:${years.y0}-${years.yn}`);
  const house = rng.chance(0.2);
  if (house) variety.push("house-words");
  const style = house ? "plain" : rng.pick<NumberStyle>(["plain", "plain", "zero", "FA 1", "FA-1", "Fiche 1", "1.2", "A1", "bis"]);
  variety.push(`fiche:${style}`);
  const multirow = rng.chance(0.3);
  const cents = rng.chance(0.2);
  if (cents) variety.push("cents");
  const summaryPlain = ["FA 1", "FA-1", "Fiche 1", "zero"].includes(style) && rng.chance(0.4);
  if (summaryPlain) variety.push("summary-plain-numbers");
  const fiches = makeFiches(rng, years, style, multirow, cents, summaryPlain);
  if (fiches.some((f) => f.parts.length > 1)) variety.push("multirow-fiche");
  const ctx: BuildCtx = { rng, years, amountFmt: rng.pick(AMOUNT_FORMATS), rateFmt: rng.pick(RATE_FORMATS), blankZeros: rng.chance(0.5), house };
  if (cents && !ctx.amountFmt.includes(".00")) ctx.amountFmt = '#,##0.00 "€"';
  if (ctx.blankZeros) variety.push("blank-zeros");

  const hs: HeaderStyle = house
    ? { mode: "two", single: "merge", upper: false, breaks: false, yearCell: "number" }
    : {
        mode: rng.pick<HeaderMode>(["two", "two", "two", "one", "lower"]),
        single: rng.pick<SinglePlacement>(["merge", "merge", "top", "bottom", "split"]),
        upper: rng.chance(0.2),
        breaks: rng.chance(0.3),
        yearCell: rng.pick(["number", "text", "annee"] as const),
      };
  variety.push(`headers:${hs.mode}${hs.mode === "two" ? "/" + hs.single : ""}`);
  if (hs.upper) variety.push("upper-case");
  if (hs.breaks) variety.push("line-breaks");

  const { cols: dcols, banners } = detailPlan(ctx, hs, variety);
  const withSummary = rng.chance(0.85);
  const sameSheet = withSummary && rng.chance(0.3);
  const summaryFirst = withSummary && rng.chance(0.35);
  const engagementRows = rng.chance(0.4);
  const subtotals = engagementRows && rng.chance(0.6);
  const blankRows = rng.chance(0.3);
  if (engagementRows) variety.push("detail:engagement-titles");
  if (subtotals) variety.push("detail:sub-totals");
  if (blankRows) variety.push("detail:blank-rows");
  if (withSummary) variety.push(sameSheet ? "one-sheet" : "two-sheets", summaryFirst ? "summary-first" : "detail-first");
  else variety.push("no-summary");

  const detailName = rng.pick(["Suivi fiches actions", "Annexe financière", "Détail par fiche", "Fiches actions", "Tableau 2"]);
  const summaryName = rng.pick(["Synthèse financière", "Rapport financier", "Récapitulatif", "Tableau 1"]);
  const sheets: SheetSnapshot[] = [];
  const dsheet = emptySheet(detailName);
  const ssheet = withSummary ? (sameSheet ? dsheet : emptySheet(summaryName)) : null;
  if (rng.chance(0.25)) {
    const notes = emptySheet(rng.pick(["Notes", "Mode d'emploi", "Paramètres"]));
    put(notes, 1, 1, { value: "Annexe financière du CDPPE : saisir les montants en euros." });
    put(notes, 3, 1, { value: "Contact" });
    put(notes, 3, 2, { value: "Direction enfance famille" });
    sheets.push(notes);
    variety.push("extra-sheet");
  }
  if (rng.chance(0.12)) {
    // A pivot of totals per funder kept before the annex: not a table of the annex.
    sheets.unshift(generateLookalike("pivot", rng.int(1, 1000)).sheets[0]!);
    variety.push("pivot-sheet-before");
  }
  const order = summaryFirst && ssheet && !sameSheet ? [ssheet, dsheet] : ssheet && !sameSheet ? [dsheet, ssheet] : [dsheet];
  sheets.push(...order);

  const c0 = rng.int(1, 3);
  let row = rng.int(1, 5);
  if (row > 1 || c0 > 1) variety.push("offset");
  if (row > 2) put(dsheet, row - 2, c0, { value: `Annexe financière — CDPPE ${years.y0}-${years.yn}`, font: { bold: true, size: 14 } });

  let summaryAt: { sheet: SheetSnapshot; row: number; c0: number } | null = null;
  if (ssheet && sameSheet && summaryFirst) {
    summaryAt = { sheet: ssheet, row, c0 };
    row += fiches.length + 16;
  }
  const detail = writeDetail(ctx, dsheet, row, c0, dcols, banners, hs, fiches, { engagementRows, subtotals, blankRows });
  if (ssheet && !summaryAt)
    summaryAt = sameSheet ? { sheet: ssheet, row: detail.lastRow + rng.int(3, 6), c0 } : { sheet: ssheet, row: rng.int(1, 4), c0: rng.int(1, 2) };
  const summary = summaryAt ? writeSummary(ctx, summaryAt.sheet, summaryAt.row, summaryAt.c0, fiches, rng.chance(0.3)) : null;
  if (summary && summary.twoRows) variety.push("summary:two-header-rows");

  const wb: WorkbookSnapshot = { fileName: `corpus-${seed}.xlsx`, sheets };
  const truth: AnnexTruth = {
    years: years.list,
    detail: detail.truth,
    summary: summary?.truth ?? null,
  };
  return {
    id: `corpus-${seed}`,
    seed,
    variety,
    workbook: wb,
    truth,
    fiches,
    placement: {
      detail: { sheet: dsheet.name, col: detail.col, rows: detail.rows, totalRow: detail.truth.totalRow, subtotals: detail.subtotals },
      summary: summary
        ? { sheet: summaryAt!.sheet.name, col: summary.col, rows: summary.rows, totalRow: summary.truth.totalRow, subtotals: summary.subtotals }
        : null,
    },
  };
}

interface RowShape {
  engagementRows: boolean;
  subtotals: boolean;
  blankRows: boolean;
}

function writeDetail(
  ctx: BuildCtx,
  sheet: SheetSnapshot,
  top: number,
  c0: number,
  cols: ColDef[],
  banners: Array<[number, number, string]>,
  hs: HeaderStyle,
  fiches: Fiche[],
  shape: RowShape,
) {
  const { rng, years } = ctx;
  const headerRows = writeHeaders(sheet, top, c0, cols, hs, rng, banners);
  const col: Record<string, number> = {};
  cols.forEach((c, i) => {
    const cc = c0 + i;
    if (c.key) col[c.key] = cc;
    sheet.colWidths[cc - 1] = c.width;
    if (c.hidden) sheet.hiddenCols.add(cc);
  });
  const L = (key: string) => colToLetters(col[key]!);
  const n = years.list.length;
  const yn = years.yn;
  let r = headerRows[headerRows.length - 1]! + 1;
  if (shape.blankRows && rng.chance(0.5)) r++;
  const rows = new Map<string, number[]>();
  const subtotals: Array<{ row: number; rows: number[] }> = [];
  const allFicheRows: number[] = [];
  const amountKeys = cols.filter((c) => c.kind === "amount" && c.key).map((c) => c.key!);
  const firstCol = c0;

  const writeAmounts = (row: number, p: Part) => {
    for (const b of BLOCKS) {
      for (let i = 0; i < n; i++) {
        const y = years.list[i]!;
        if (b === "cd")
          put(sheet, row, col[`cd${y}`]!, { value: p.amounts.cd[i]!, formula: `${L(`ms${y}`)}${row}+${L(`dgas${y}`)}${row}`, numFmt: ctx.amountFmt });
        else {
          const c = numCell(p.amounts[b][i]!, ctx.amountFmt, ctx.blankZeros);
          if (c) put(sheet, row, col[`${b}${y}`]!, c);
        }
      }
      put(sheet, row, col[`${b}Total`]!, {
        value: sum(p.amounts[b]),
        formula: `SUM(${L(`${b}${years.list[0]}`)}${row}:${L(`${b}${yn}`)}${row})`,
        numFmt: ctx.amountFmt,
      });
    }
    const budget = sumAll(p.amounts);
    put(sheet, row, col.budget!, {
      value: budget,
      formula: `${L("cdTotal")}${row}+${L("firTotal")}${row}+${L("etatTotal")}${row}+${L("ondamTotal")}${row}`,
      numFmt: ctx.amountFmt,
    });
    const rl = numCell(p.realisedLast, ctx.amountFmt, ctx.blankZeros);
    if (rl) put(sheet, row, col.realisedLastYear!, rl);
    const rs = numCell(p.realisedSince, ctx.amountFmt, ctx.blankZeros);
    if (rs) put(sheet, row, col.realisedSinceStart!, rs);
    writeComputed(
      row,
      budget,
      p.amounts.cd[n - 1]! + p.amounts.fir[n - 1]! + p.amounts.etat[n - 1]! + p.amounts.ondam[n - 1]!,
      p.realisedLast,
      p.realisedSince,
    );
  };
  const plannedLastFormula = (row: number) => ["cd", "fir", "etat", "ondam"].map((b) => `${L(`${b}${yn}`)}${row}`).join("+");
  const writeComputed = (row: number, budget: number, plannedLast: number, realisedLast: number, realisedSince: number) => {
    const P = plannedLastFormula(row);
    put(sheet, row, col.rateLastYear!, {
      value: plannedLast === 0 ? "" : realisedLast / plannedLast,
      formula: `IF((${P})=0,"",${L("realisedLastYear")}${row}/(${P}))`,
      numFmt: ctx.rateFmt,
    });
    put(sheet, row, col.rateGlobal!, {
      value: budget === 0 ? "" : realisedSince / budget,
      formula: `IF(${L("budget")}${row}=0,"",${L("realisedSinceStart")}${row}/${L("budget")}${row})`,
      numFmt: ctx.rateFmt,
    });
    put(sheet, row, col.gap!, { value: budget - realisedSince, formula: `${L("budget")}${row}-${L("realisedSinceStart")}${row}`, numFmt: ctx.amountFmt });
  };
  const sumRow = (row: number, over: number[], label: string, labelCol: number, isTotal: boolean, bySubtotals: number[] | null) => {
    put(sheet, row, labelCol, { value: label, font: { bold: true } });
    for (const k of amountKeys) {
      const c = col[k]!;
      const value = (bySubtotals ?? over).reduce((s, rr) => s + cellNum(sheet, rr, c), 0);
      const formula = bySubtotals
        ? bySubtotals.map((rr) => `${colToLetters(c)}${rr}`).join("+")
        : `SUM(${colToLetters(c)}${over[0]}:${colToLetters(c)}${over[over.length - 1]})`;
      put(sheet, row, c, { value, formula, numFmt: ctx.amountFmt, font: { bold: true } });
    }
    if (isTotal) {
      const v = (k: string) => cellNum(sheet, row, col[k]!);
      const P = ["cd", "fir", "etat", "ondam"].reduce((s, b) => s + v(`${b}${yn}`), 0);
      writeComputed(row, v("budget"), P, v("realisedLastYear"), v("realisedSinceStart"));
    }
  };

  const groups = [...new Set(fiches.map((f) => f.engagement))];
  const labelCol = col.label ?? firstCol;
  for (const g of groups) {
    if (shape.engagementRows) {
      put(sheet, r, firstCol, { value: rng.chance(0.3) ? ENGAGEMENTS[g]!.toUpperCase() : ENGAGEMENTS[g]!, font: { bold: true } });
      if (rng.chance(0.5)) sheet.merges.push({ r1: r, c1: firstCol, r2: r, c2: firstCol + 3 });
      r++;
    }
    const groupRows: number[] = [];
    for (const f of fiches.filter((x) => x.engagement === g)) {
      const fr: number[] = [];
      f.parts.forEach((p, i) => {
        fr.push(r);
        if (i === 0) {
          put(sheet, r, col.fiche!, { value: f.shown });
          if (col.label) put(sheet, r, col.label, { value: f.label });
          if (col.theme) put(sheet, r, col.theme, { value: f.theme });
          if (col.objective && f.objective) put(sheet, r, col.objective, { value: `Objectif ${f.objective.n} : ${f.objective.label}` });
          if (col.objectiveType && f.objective) put(sheet, r, col.objectiveType, { value: f.objective.fundamental ? "Fondamental" : "Facultatif" });
          if (f.source) put(sheet, r, col.source!, { value: f.source });
        } else if (col.label && rng.chance(0.5)) {
          put(sheet, r, col.label, { value: `${f.label} (volet ${i + 1})` });
        }
        writeAmounts(r, p);
        for (const c of cols) {
          if (c.key || !c.sub) continue;
          const cc = c0 + cols.indexOf(c);
          if (c.kind === "date") put(sheet, r, cc, { value: 44197 + rng.int(0, 1400), numFmt: "dd/mm/yyyy" });
          else if (rng.chance(0.6)) put(sheet, r, cc, { value: rng.pick(["Direction enfance", "DPEF", "en cours", "voir bilan", "Pôle PMI", "RAS"]) });
        }
        r++;
      });
      if (fr.length > 1) {
        const merged = ["fiche", "objective", "objectiveType", "theme", ...(rng.chance(0.5) ? ["source"] : [])];
        for (const k of merged) if (col[k]) sheet.merges.push({ r1: fr[0]!, c1: col[k], r2: fr[fr.length - 1]!, c2: col[k] });
      }
      rows.set(f.key, fr);
      groupRows.push(...fr);
      allFicheRows.push(...fr);
    }
    if (shape.subtotals) {
      sumRow(r, groupRows, rng.pick(["Sous-total", `Sous-total Engagement ${g + 1}`, "S/TOTAL"]), labelCol, false, null);
      subtotals.push({ row: r, rows: groupRows });
      r++;
    }
    if (shape.blankRows && rng.chance(0.6)) r++;
  }
  const totalRow = r;
  sumRow(totalRow, allFicheRows, rng.pick(["TOTAL", "Total général", "TOTAL CDPPE"]), firstCol, true, subtotals.length ? subtotals.map((s) => s.row) : null);
  const columns: Record<string, string> = {};
  for (const [k, c] of Object.entries(col)) columns[k] = colToLetters(c);
  const fichesTruth: Record<string, number[]> = {};
  for (const [k, v] of rows) fichesTruth[k] = v;
  return {
    col,
    rows,
    subtotals,
    lastRow: totalRow,
    truth: { sheet: sheet.name, headerRows, columns, fiches: fichesTruth, totalRow, subtotalRows: subtotals.map((s) => s.row) } satisfies TableTruth,
  };
}

function cellNum(sheet: SheetSnapshot, row: number, col: number): number {
  const v = sheet.cells[row - 1]?.[col - 1]?.value;
  return typeof v === "number" ? v : 0;
}

function writeSummary(ctx: BuildCtx, sheet: SheetSnapshot, top: number, c0: number, fiches: Fiche[], twoRows: boolean) {
  const { rng } = ctx;
  const cols = summaryPlan(ctx);
  let headerRows: number[];
  if (twoRows) {
    // Groups over the money and the consumption, single columns merged over both rows.
    const groupOf: Record<string, string> = {
      budget: "Financement prévisionnel",
      departement: "Financement prévisionnel",
      fir: "Financement prévisionnel",
      etat: "Financement prévisionnel",
      ondam: "Financement prévisionnel",
      consumedPrior: "Consommation",
      consumedLastYear: "Consommation",
      consumedSinceStart: "Consommation",
    };
    const grouped = cols.map((c) => ({ ...c, group: groupOf[c.key!] ?? null }));
    headerRows = writeHeaders(sheet, top, c0, grouped, { mode: "two", single: "merge", upper: false, breaks: false, yearCell: "number" }, rng);
  } else {
    headerRows = writeHeaders(sheet, top, c0, cols, { mode: "one", single: "top", upper: rng.chance(0.2), breaks: rng.chance(0.3), yearCell: "number" }, rng);
  }
  const col: Record<string, number> = {};
  cols.forEach((c, i) => {
    col[c.key!] = c0 + i;
    sheet.colWidths[c0 + i - 1] = c.width;
  });
  const L = (k: string) => colToLetters(col[k]!);
  const money = ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"];
  let r = headerRows[headerRows.length - 1]! + 1;
  const rows = new Map<string, number>();
  const subtotals: Array<{ row: number; rows: number[] }> = [];
  for (const g of [...new Set(fiches.map((f) => f.engagement))]) {
    put(sheet, r, c0, { value: ENGAGEMENTS[g]!, font: { bold: true } });
    r++;
    const groupRows: number[] = [];
    for (const f of fiches.filter((x) => x.engagement === g)) {
      const tot = (b: "cd" | Funder) => f.parts.reduce((s, p) => s + sum(p.amounts[b]), 0);
      const last = f.parts.reduce((s, p) => s + p.realisedLast, 0);
      const since = f.parts.reduce((s, p) => s + p.realisedSince, 0);
      put(sheet, r, col.mesure!, { value: f.label });
      if (f.objective) put(sheet, r, col.objectif!, { value: `Objectif ${f.objective.n}` });
      put(sheet, r, col.fiche!, { value: f.summaryShown });
      const vals: Record<string, number> = {
        departement: tot("cd"),
        fir: tot("fir"),
        etat: tot("etat"),
        ondam: tot("ondam"),
        consumedPrior: since - last,
        consumedLastYear: last,
      };
      for (const [k, v] of Object.entries(vals)) put(sheet, r, col[k]!, { value: v, numFmt: ctx.amountFmt });
      put(sheet, r, col.budget!, {
        value: vals.departement! + vals.fir! + vals.etat! + vals.ondam!,
        formula: `${L("departement")}${r}+${L("fir")}${r}+${L("etat")}${r}+${L("ondam")}${r}`,
        numFmt: ctx.amountFmt,
      });
      put(sheet, r, col.consumedSinceStart!, { value: since, formula: `${L("consumedPrior")}${r}+${L("consumedLastYear")}${r}`, numFmt: ctx.amountFmt });
      const withMoney = FUNDERS.filter((b) => tot(b) > 0);
      put(sheet, r, col.modalite!, { value: withMoney.length ? withMoney.map((b) => MODALITE_NAMES[b]).join("/") : "CD" });
      rows.set(f.key, r);
      groupRows.push(r);
      r++;
    }
    put(sheet, r, c0, { value: rng.pick(["Sous-total", "Sous-total engagement", "SOUS-TOTAL"]), font: { bold: true } });
    for (const k of money) {
      put(sheet, r, col[k]!, {
        value: groupRows.reduce((s, rr) => s + cellNum(sheet, rr, col[k]!), 0),
        formula: `SUM(${L(k)}${groupRows[0]}:${L(k)}${groupRows[groupRows.length - 1]})`,
        numFmt: ctx.amountFmt,
        font: { bold: true },
      });
    }
    subtotals.push({ row: r, rows: groupRows });
    r++;
  }
  const totalRow = r;
  put(sheet, r, c0, { value: rng.pick(["Total", "TOTAL", "Total général"]), font: { bold: true } });
  for (const k of money) {
    put(sheet, r, col[k]!, {
      value: subtotals.reduce((s, st) => s + cellNum(sheet, st.row, col[k]!), 0),
      formula: subtotals.map((st) => `${L(k)}${st.row}`).join("+"),
      numFmt: ctx.amountFmt,
      font: { bold: true },
    });
  }
  const columns: Record<string, string> = {};
  for (const [k, c] of Object.entries(col)) columns[k] = colToLetters(c);
  const fichesTruth: Record<string, number[]> = {};
  for (const [k, v] of rows) fichesTruth[k] = [v];
  return {
    col,
    rows,
    subtotals,
    twoRows,
    truth: { sheet: sheet.name, headerRows, columns, fiches: fichesTruth, totalRow, subtotalRows: subtotals.map((s) => s.row) } satisfies TableTruth,
  };
}
