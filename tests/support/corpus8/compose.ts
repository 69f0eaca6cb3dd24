/**
 * Lays an annex's plan out in a workbook the way a département might keep it, and records the truth: every role's
 * column, each fiche's rows, the sub-totals and the TOTAL of both tables. Headers on one to three rows (groups merged,
 * on their first column only or repeated; single headers merged down, on the top or the bottom row), blocks
 * funder-major or year-major, a fiche over 2-3 rows, engagement title rows and sub-totals inside the detail table,
 * extra and hidden columns, notes, both tables in either order on one sheet or two, amounts in € or k€, rates as
 * fractions or percents, zeros blank or 0, formulas or values.
 */
import { type Book, type Fx, type Sheet, cellRef, letters, newSheet, put, rangeRef, recompute } from "./book";
import * as W from "./lexicon";
import { type Block, type Plan, blocksOf, ficheBlockTotal, ficheBudget, makePlan, objectiveType, round2, sum } from "./plan";
import { Prng } from "./prng";
import { Variety } from "./variety";

export interface TruthTable {
  kind: "detail" | "summary";
  sheet: string;
  headerRows: number[];
  totalRow: number;
  columns: Record<string, string>;
  headers: Record<string, string>;
  ficheRows: Record<string, number[]>;
  subtotalRows: number[];
}
/** Where the detail's figures are, for corpus8's own arithmetic and its faults. */
export interface DetailGeom {
  sheet: string;
  col: Record<string, number>;
  /** rows of each fiche, in plan order */
  rows: number[][];
  subtotals: { row: number; members: number[] }[];
  totalRow: number;
  /** 1 for euros, 1000 for k€ */
  scale: number;
  ratePercent: boolean;
  typeForm: "word" | "other";
}
export interface SummaryGeom {
  sheet: string;
  col: Record<string, number>;
  rows: number[];
  subtotals: { row: number; members: number[] }[];
  totalRow: number;
}
export interface Annex8 {
  seed: number;
  plan: Plan;
  model: { years: number[] };
  book: Book;
  tables: TruthTable[];
  detail: DetailGeom;
  summary: SummaryGeom | null;
  features: string[];
  /** formulas written without their cached results */
  noCache: boolean;
}

interface Group {
  id: number;
  text: string;
}
interface Col {
  role?: string;
  extra?: string;
  sup?: Group;
  group?: Group;
  head: string;
  oneRow: string;
  hidden?: boolean;
}

const fill = (t: string, p: Plan, extra: Record<string, string> = {}) => {
  const ys = p.years;
  let s = t
    .replace(/\{Y0\}/g, String(ys[0]))
    .replace(/\{YN\}/g, String(ys[ys.length - 1]))
    .replace(/\{P\}/g, String(ys[ys.length - 1]! - 1));
  for (const [k, v] of Object.entries(extra)) s = s.split(`{${k}}`).join(v);
  return s;
};
/** A long header typed over two lines in its cell (Alt+Entrée): the space nearest the middle becomes a line break. */
function breakLine(t: string, g: Prng): string {
  if (t.length < 16 || t.includes("\n") || !g.yes(0.5)) return t;
  const mid = t.length / 2;
  let at = -1;
  for (let i = 0; i < t.length; i++) if (t[i] === " " && (at < 0 || Math.abs(i - mid) < Math.abs(at - mid))) at = i;
  return at < 0 ? t : `${t.slice(0, at)}\n${t.slice(at + 1)}`;
}
const noAccents = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** Headers as this département types them: case, accents, spaces. */
function typography(g: Prng, v: Variety): (s: string) => string {
  const upper = v.choose("words", false, () => g.yes(0.2));
  const accents = v.choose("words", false, () => g.yes(0.2));
  const spaces = v.choose("words", false, () => g.yes(0.15));
  return (s: string) => {
    let t = s;
    if (accents) t = noAccents(t);
    if (upper) t = t.toUpperCase();
    if (spaces) t = t.replace(/ /, "  ") + " ";
    return t;
  };
}

export function composeAnnex(seed: number): Annex8 {
  const v = new Variety(seed);
  const plan = makePlan(seed, v);
  const g = new Prng(seed, "compose");
  const features: string[] = [...v.features];
  const feat = (f: string) => features.push(f);
  const ty = typography(g.stream("typo"), v);
  const wp = g.stream("words");
  const word = <T>(base: T, xs: readonly T[]) => v.choose("words", base, () => wp.pick(xs));
  const years = plan.years;
  const yn = years[years.length - 1]!;
  const single = years.length === 1;
  const blocks = blocksOf(plan);
  // corpus8's shapes: relative years (« N-2 | N-1 | N », the reference year given in a title), a units row under the
  // header band, the summary's money columns in another order than the detail's
  const sh8 = g.stream("shapes8");
  const relative = v.choose("years", false, () => years.length >= 2 && sh8.yes(0.2));
  const relName = (y: number) => (y === yn ? "N" : `N-${yn - y}`);
  const refLine = relative ? fill(sh8.pick(W.REFERENCE_LINES), plan) : "";
  if (relative) feat("relative years (N-1, N) with the reference year in a title");
  const hfill = (t: string, p: Plan, extra: Record<string, string> = {}) =>
    fill(
      relative
        ? t
            .replace(/\{Y0\}-\{YN\}/g, "{Y0} à {YN}")
            .replace(/\{Y0\}-\{P\}/g, "{Y0} à {P}")
            .replace(/\{Y0\}/g, relName(years[0]!))
            .replace(/\{YN\}/g, "N")
            .replace(/\{P\}/g, "N-1")
        : t,
      p,
      extra,
    );
  const unitsRow = v.choose("headers", false, () => sh8.yes(0.25));
  const summaryFundersFirst = v.choose("headers", false, () => sh8.yes(0.3));
  const lineBreaks = v.choose("words", false, () => sh8.yes(0.25));

  // ---- words of this annex
  const blockName: Record<string, string> = {};
  const baseNames: Record<string, string> = { ms: "masse salariale", dgas: "budget DGAS", cd: "Total CD", fir: "FIR", etat: "ETAT", ondam: "ONDAM" };
  for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"]) blockName[b] = ty(word(baseNames[b]!, W.BLOCK_NAMES[b]!));
  const yearForm = word("{Y}", W.YEAR_FORMS);
  const yearLabel = (y: number) => ty(relative ? yearForm.replace(/^BP\{Y\}/, "BP {Y}").replace("{Y}", relName(y)) : yearForm.replace("{Y}", String(y)));
  const totalForm = word("Total {B}", W.BLOCK_TOTAL_FORMS);
  const scale = v.choose("units", 1, () => (!plan.cents && g.yes(0.3) ? 1000 : 1));
  const unitNote =
    scale === 1000
      ? g.pick([" (k€)", " en K€", "\n(en milliers d'euros)", " – k€", ""])
      : v.choose("units", "", () => g.pick(["", "", " en € TTC", " (en €)", "\n(en euros)", " €"]));
  if (scale === 1000) feat("amounts in k€");
  if (plan.cents) feat("amounts with cents");
  const rateMode = v.choose<"fraction" | "percent" | "none">("units", "fraction", () =>
    g.weighted([
      ["fraction", 6],
      ["percent", 2],
      ["none", 2],
    ] as const),
  );
  feat(`rates: ${rateMode}`);
  const hasGap = v.choose("units", true, () => g.yes(0.85));
  if (!hasGap) feat("no gap column");
  const zerosBlank = v.choose("units", false, () => g.yes(0.3));
  if (zerosBlank) feat("zeros as blank cells");
  const nHeader = v.choose<1 | 2 | 3>("headers", 2, () =>
    g.weighted([
      [1, 3],
      [2, 5],
      [3, 2],
    ] as const),
  );
  feat(`detail header on ${nHeader} row(s)`);
  const yearMajor = v.choose("blocks", false, () => nHeader > 1 && g.yes(0.2));
  feat(yearMajor ? "year-major blocks" : "funder-major blocks");
  const totalsAt = v.choose<"last" | "first" | "none">("blocks", "last", () =>
    g.weighted([
      ["last", 6],
      ["first", 1],
      ["none", single ? 4 : 2],
    ] as const),
  );
  if (totalsAt !== "last") feat(`block totals ${totalsAt}`);
  const cdLast = v.choose("blocks", true, () => g.yes(0.8));
  const coFirst = v.choose("blocks", false, () => g.yes(0.15));
  const coOrder = v.choose("blocks", plan.funders, () => g.shuffled(plan.funders));
  const budgetAfter = v.choose("blocks", false, () => g.yes(0.3));
  const sourceAt = v.choose<"before co" | "after co" | "end">("blocks", "before co", () => g.pick(["before co", "after co", "end"] as const));
  if (coFirst) feat("co-financers before the département's blocks");
  if (budgetAfter) feat("budget after the blocks");

  // ---- detail columns
  let gid = 0;
  const grp = (text: string): Group => ({ id: ++gid, text });
  const cols: Col[] = [];
  const plainCol = (role: string | undefined, text: string, extra?: string) => cols.push({ role, extra, head: text, oneRow: text });
  const ficheHeader = ty(word("N° fiche", W.FICHE_HEADERS));
  const labelHeader = ty(word("Intitulés fiches actions", W.LABEL_HEADERS));
  const labelFirst = v.choose("words", false, () => g.yes(0.12));
  if (labelFirst) feat("label column before the fiche number");
  if (labelFirst) {
    plainCol("label", labelHeader);
    plainCol("fiche", ficheHeader);
  } else {
    plainCol("fiche", ficheHeader);
    plainCol("label", labelHeader);
  }
  if (v.choose("extras", true, () => g.yes(0.6))) plainCol("theme", ty(word("thème", W.THEME_HEADERS)));
  const hasObjective = v.choose("extras", true, () => g.yes(0.75));
  if (hasObjective) plainCol("objective", ty(word("Intitulés objectifs", W.OBJECTIVE_HEADERS)));
  const typeForm = v.choose<"word" | "other">("words", "word", () => (g.yes(0.9) ? "word" : "other"));
  const hasType = v.choose("extras", true, () => g.yes(0.7));
  if (hasType) plainCol("objectiveType", ty(word("Obj. fondamental/ facultatif", W.TYPE_HEADERS)));
  const typeCase = g.pick([(s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase()]);
  if (v.choose("extras", true, () => g.yes(0.4))) plainCol("indicator", ty(word("Indicateur", W.INDICATOR_HEADERS)));
  const extras = v.choose<string[]>("extras", [], () =>
    g.shuffled(Object.keys(W.EXTRA_COLUMNS)).slice(
      0,
      g.weighted([
        [0, 2],
        [1, 3],
        [2, 3],
        [3, 2],
      ] as const),
    ),
  );
  const extraPos = new Map(extras.map((e) => [e, g.pick(["text", "middle", "end"] as const)]));
  const hiddenExtra = extras.length && g.yes(0.35) ? g.pick(extras) : null;
  for (const e of extras) feat(`extra column: ${e}${e === hiddenExtra ? " (hidden)" : ""}`);
  const extraCol = (e: string) => cols.push({ extra: e, head: ty(g.pick(W.EXTRA_COLUMNS[e]!)), oneRow: "", hidden: e === hiddenExtra });
  for (const e of extras) if (extraPos.get(e) === "text") extraCol(e);

  const plan3 = nHeader === 3 ? grp(ty(hfill(word("MOYENS FINANCIERS PRÉVISIONNELS", W.PLAN_GROUPS), plan))) : undefined;
  const exec3 = nHeader === 3 ? grp(ty(hfill(word("Exécution", W.EXEC_GROUPS), plan))) : undefined;
  const budgetCol = () =>
    cols.push({ role: "budget", sup: plan3, head: ty(hfill(word("Moyens financiers prévisionnels", W.BUDGET_HEADERS), plan)), oneRow: "" });
  const sourceCol = () => cols.push({ role: "source", sup: plan3, head: ty(word("Source de co-financement", W.SOURCE_HEADERS)), oneRow: "" });
  // « Total {B} » over a block already named « Total CD » is « Total CD », not « Total Total CD »
  const totalText = (b: string) => ty(hfill(totalForm, plan, { B: blockName[b]! }).replace(/^total\s+(total\b)/i, "$1"));
  const funderMajor = (b: string) => {
    const gr = grp(blockName[b]!);
    const yearsCols = years.map((y) => ({
      role: `${b}${y}`,
      sup: plan3,
      group: gr,
      head: yearLabel(y),
      oneRow: `${blockName[b]}${g.yes(0.5) ? "\n" : " "}${yearLabel(y)}`,
    }));
    const tot = {
      role: `${b}Total`,
      sup: plan3,
      group: gr,
      head: totalText(b),
      oneRow: (totalForm.includes("{B}") ? totalText(b) : `${totalText(b)} ${blockName[b]}`).replace(/^total\s+(total\b)/i, "$1"),
    };
    if (totalsAt === "first") cols.push(tot, ...yearsCols);
    else cols.push(...yearsCols, ...(totalsAt === "last" ? [tot] : []));
  };
  const cdBlocks = blocks.filter((b) => b === "ms" || b === "dgas" || b === "cd");
  const cdOrdered = cdLast ? cdBlocks : [...cdBlocks.filter((b) => b === "cd"), ...cdBlocks.filter((b) => b !== "cd")];
  if (!budgetAfter) budgetCol();
  const middleExtras = () => {
    for (const e of extras) if (extraPos.get(e) === "middle") extraCol(e);
  };
  if (yearMajor) {
    const order = coFirst ? [...coOrder, ...cdOrdered] : [...cdOrdered, ...coOrder];
    if (sourceAt === "before co") sourceCol();
    for (const y of years) {
      const gr = grp(yearLabel(y));
      for (const b of order) cols.push({ role: `${b}${y}`, sup: plan3, group: gr, head: blockName[b]!, oneRow: `${blockName[b]} ${yearLabel(y)}` });
    }
    if (totalsAt !== "none") {
      const gr = grp(ty(hfill(g.pick(["Total {Y0}-{YN}", "Total de la période", "Cumul {Y0}-{YN}"]), plan)));
      for (const b of order) cols.push({ role: `${b}Total`, sup: plan3, group: gr, head: blockName[b]!, oneRow: `Total ${blockName[b]}` });
    }
    middleExtras();
    if (sourceAt === "after co") sourceCol();
  } else {
    const cdPart = () => cdOrdered.forEach(funderMajor);
    const coPart = () => {
      if (sourceAt === "before co") sourceCol();
      coOrder.forEach(funderMajor);
      if (sourceAt === "after co") sourceCol();
    };
    if (coFirst) {
      coPart();
      middleExtras();
      cdPart();
    } else {
      cdPart();
      middleExtras();
      coPart();
    }
  }
  if (budgetAfter) budgetCol();
  if (sourceAt === "end") sourceCol();
  // execution
  const twins = v.choose("headers", false, () => nHeader >= 2 && rateMode !== "none" && !single && g.yes(0.25));
  if (twins) feat("identical sub-headers « Montant » / « Taux » under two execution groups");
  const pct = rateMode === "percent" ? g.pick([" (%)", " en %", " %"]) : "";
  const execGroup = nHeader === 2 && v.choose("headers", false, () => g.yes(0.5)) ? grp(ty(hfill(g.pick(W.EXEC_GROUPS), plan))) : undefined;
  const execCol = (role: string, text: string, group = execGroup) => cols.push({ role, sup: exec3, group, head: text, oneRow: "" });
  if (twins) {
    const a = grp(ty(hfill("Exécution {YN}", plan)));
    const b = grp(ty(hfill(g.pick(["Exécution cumulée {Y0}-{YN}", "Cumul {Y0}-{YN}", "Depuis {Y0}"]), plan)));
    execCol("realisedLastYear", ty("Montant"), a);
    execCol("rateLastYear", ty(`Taux${pct}`), a);
    execCol("realisedSinceStart", ty("Montant"), b);
    execCol("rateGlobal", ty(`Taux${pct}`), b);
  } else {
    execCol("realisedLastYear", ty(hfill(word("Réalisations en {YN}", W.REALISED_HEADERS), plan)));
    if (rateMode !== "none")
      execCol("rateLastYear", ty(hfill(word("Niveau d'exécution budgétaire au titre de l'année {YN}", W.RATE_YEAR_HEADERS), plan) + pct));
    if (!single) {
      execCol("realisedSinceStart", ty(hfill(word("Réalisation depuis {Y0}", W.CUMULATIVE_HEADERS), plan)));
      if (rateMode !== "none")
        execCol("rateGlobal", ty(hfill(word("Niveau d'exécution budgétaire globale (au 31/12/{YN})", W.RATE_GLOBAL_HEADERS), plan) + pct));
    }
  }
  if (hasGap) execCol("gap", ty(hfill(word("Ecart Moyens financiers - Réalisations depuis {Y0}", W.GAP_HEADERS), plan)));
  for (const e of extras) if (extraPos.get(e) === "end") extraCol(e);
  for (const c of cols) {
    if (!c.oneRow) c.oneRow = c.group && !c.role?.match(/\d{4}$|Total$/) ? `${c.group.text} - ${c.head}` : c.head;
    if (c.role && /^(budget|realised|gap|fir|etat|ondam|ms|dgas|cd)/.test(c.role) && unitNote && !/\d{4}$/.test(c.role) && g.yes(0.5)) {
      c.head += unitNote;
      c.oneRow += unitNote;
    }
    if (lineBreaks) {
      c.head = breakLine(c.head, sh8);
      c.oneRow = breakLine(c.oneRow, sh8);
    }
  }

  // ---- the rows of the detail
  const rp = g.stream("rows");
  const engagementRows = v.choose("rows", false, () => rp.yes(0.5));
  const subtotalsOn = engagementRows && v.choose("rows", false, () => rp.yes(0.7));
  const blankBetween = engagementRows && v.choose("rows", false, () => rp.yes(0.3));
  if (engagementRows) feat("engagement title rows in the detail");
  if (subtotalsOn) feat("engagement sub-totals in the detail");
  const contMode = v.choose<"merged" | "repeat" | "blank">("rows", "merged", () => rp.pick(["merged", "repeat", "blank"] as const));
  const multi = plan.fiches.some((f) => f.rows.length > 1);
  if (multi) feat(`fiche over several rows: number ${contMode}`);
  const sourceMode = v.choose<"merged" | "first" | "per row">("rows", "merged", () => rp.pick(["merged", "first", "per row"] as const));
  if (multi) feat(`fiche over several rows: source ${sourceMode}`);
  const execMerged = rp.yes(0.5);
  const titleInFirst = rp.yes(0.5);
  const totalLabel = ty(word("TOTAL", W.TOTAL_LABELS));
  // one wording per table, as a département keeps it
  const engagementForm = rp.pick(W.ENGAGEMENT_TITLES);
  const subtotalForm = rp.pick(W.SUBTOTAL_LABELS);
  const notesUnder = v.choose("extras", false, () => rp.yes(0.4));
  if (notesUnder) feat("notes under the table");
  const flavour = v.choose<"formulas" | "totals only" | "values">("writer", "formulas", () =>
    rp.weighted([
      ["formulas", 5],
      ["totals only", 2],
      ["values", 2],
    ] as const),
  );
  feat(`written: ${flavour}`);
  const noCache = flavour !== "values" && v.choose("writer", false, () => rp.yes(0.15));
  if (noCache) feat("formulas without cached values");
  const totalStyle = v.choose<"sum" | "subtotal" | "plus">("writer", "sum", () => rp.pick(["sum", "sum", "subtotal", "plus"] as const));
  if (!subtotalsOn) feat(`TOTAL as ${totalStyle}`);

  type Entry = { k: "title"; eng: number } | { k: "fiche"; fi: number; part: number } | { k: "sub"; eng: number } | { k: "blank" } | { k: "total" };
  const entries: Entry[] = [];
  const engs = [...new Set(plan.fiches.map((f) => f.engagement))];
  for (const e of engs) {
    if (engagementRows) entries.push({ k: "title", eng: e });
    plan.fiches.forEach((f, fi) => {
      if (f.engagement === e) f.rows.forEach((_, part) => entries.push({ k: "fiche", fi, part }));
    });
    if (subtotalsOn) entries.push({ k: "sub", eng: e });
    if (blankBetween) entries.push({ k: "blank" });
  }
  entries.push({ k: "total" });

  // ---- summary plan
  const sp = g.stream("summary");
  const hasSummary = v.choose("placement", true, () => sp.yes(0.85));
  const sumCols: Col[] = [];
  const sHeader = v.choose("headers", 1, () => (sp.yes(0.3) ? 2 : 1));
  const sEngagementForm = sp.pick(W.ENGAGEMENT_TITLES);
  const sSubtotalForm = sp.pick(W.SUBTOTAL_LABELS);
  if (hasSummary) {
    const money = sHeader === 2 ? grp(ty(sp.pick(["Plan de financement", "Financements", "Budget prévisionnel"]))) : undefined;
    const conso = sHeader === 2 ? grp(ty(sp.pick(["Consommation", "Exécution", "Réalisations"]))) : undefined;
    const sc = (role: string, base: string, xs: string[], group?: Group) => {
      const t = ty(hfill(word(base, xs), plan));
      sumCols.push({ role, group, head: t, oneRow: t });
    };
    if (v.choose("extras", true, () => sp.yes(0.7))) sc("mesure", "Mesure", W.SUMMARY.mesure);
    if (v.choose("extras", true, () => sp.yes(0.5))) sc("objectif", "Objectif", W.SUMMARY.objectif);
    sc("fiche", "Fiche action N°", W.SUMMARY.fiche);
    sc("budget", "Budget global", W.SUMMARY.budget, money);
    sc("departement", "Département", W.SUMMARY.departement, money);
    for (const f of ["fir", "etat", "ondam"] as const) if (plan.funders.includes(f)) sc(f, f === "etat" ? "Etat" : f.toUpperCase(), W.SUMMARY[f], money);
    const modaliteEnd = sp.yes(0.2);
    if (!modaliteEnd) sc("modalite", "Modalités de financement Etat/AM", W.SUMMARY.modalite);
    if (!single) sc("consumedPrior", "Budget consommé au 31/12/{P}", W.SUMMARY.consumedPrior, conso);
    sc("consumedLastYear", "Budget consommé en {YN}", W.SUMMARY.consumedLastYear, conso);
    if (!single) sc("consumedSinceStart", "Budget consommé {Y0}-{YN}", W.SUMMARY.consumedSinceStart, conso);
    if (modaliteEnd) sc("modalite", "Modalités de financement Etat/AM", W.SUMMARY.modalite);
    if (sHeader === 2) for (const c of sumCols) if (c.group) c.oneRow = `${c.group.text} - ${c.head}`;
    if (summaryFundersFirst) {
      // the co-financers first, the département then the whole budget last: another order than the detail's blocks
      const money = ["budget", "departement", "fir", "etat", "ondam"];
      const at = sumCols.findIndex((c) => c.role === "budget");
      const moved = sumCols.filter((c) => money.includes(c.role!));
      const rest = sumCols.filter((c) => !money.includes(c.role!));
      const order = ["fir", "etat", "ondam", "departement", "budget"];
      moved.sort((a, b) => order.indexOf(a.role!) - order.indexOf(b.role!));
      rest.splice(at, 0, ...moved);
      sumCols.splice(0, sumCols.length, ...rest);
      feat("summary: co-financers first, budget last");
    }
  }
  const sumEntries: ({ k: "title"; eng: number } | { k: "fiche"; fi: number } | { k: "sub"; eng: number } | { k: "total" })[] = [];
  for (const e of engs) {
    sumEntries.push({ k: "title", eng: e });
    plan.fiches.forEach((f, fi) => f.engagement === e && sumEntries.push({ k: "fiche", fi }));
    sumEntries.push({ k: "sub", eng: e });
  }
  sumEntries.push({ k: "total" });

  // ---- placement
  const pp = g.stream("place");
  const placement = hasSummary
    ? v.choose<"sheets detail first" | "sheets summary first" | "below" | "above" | "right">("placement", "sheets detail first", () =>
        pp.pick(["sheets detail first", "sheets summary first", "below", "above", "right"] as const),
      )
    : "none";
  feat(hasSummary ? `summary: ${placement}` : "no summary table");
  const detailName = v.choose("placement", "Suivi fiches actions", () =>
    pp.pick(["Annexe financière", "Suivi fiches actions", "Détail par fiche", `CDPPE ${yn}`, "Tableau financier", "Annexe 2"]),
  );
  const summaryName = v.choose("placement", "Synthèse financière", () =>
    pp.pick(["Synthèse", "Rapport financier", "Récapitulatif", "Synthèse par engagement"]),
  );
  const book: Book = { sheets: [] };
  const dSheet = newSheet(detailName);
  const sSheet = placement.startsWith("sheets") ? newSheet(summaryName) : dSheet;
  const pivotFirst = v.choose("placement", false, () => pp.yes(0.12));
  if (pivotFirst) feat("a pivot of totals per funder before the annex");
  const decoySheet = pivotFirst ? newSheet(pp.pick(["TCD financeurs", "Graphique", "Synthèse par financeur"])) : null;
  if (decoySheet) book.sheets.push(decoySheet);
  if (placement === "sheets summary first") book.sheets.push(sSheet, dSheet);
  else if (placement === "sheets detail first") book.sheets.push(dSheet, sSheet);
  else book.sheets.push(dSheet);
  const paramSheet = v.choose("placement", false, () => pp.yes(0.15));
  if (paramSheet) {
    const ps = newSheet("Paramètres");
    ps.hidden = pp.yes(0.5);
    put(ps, 1, 1, "Département");
    put(ps, 1, 2, "Somme");
    put(ps, 2, 1, "Première année");
    put(ps, 2, 2, years[0]!);
    put(ps, 3, 1, "Dernière année");
    put(ps, 3, 2, yn);
    book.sheets.push(ps);
    feat(`parameters sheet${ps.hidden ? " (hidden)" : ""}`);
  }

  const titleLines = Math.max(
    relative ? 1 : 0,
    v.choose("placement", 1, () => pp.int(0, 3)),
  );
  const c0 = v.choose("placement", 1, () => (pp.yes(0.3) ? pp.int(2, 4) : 1));
  const detailHeight = titleLines + (titleLines ? 1 : 0) + nHeader + (unitsRow ? 1 : 0) + entries.length + (notesUnder ? 4 : 0);
  const summaryHeight = 2 + sHeader + sumEntries.length;
  let dRow = 1;
  let sRow = 1;
  let sCol = c0;
  if (placement === "below") sRow = detailHeight + pp.int(2, 4);
  if (placement === "above") dRow = summaryHeight + pp.int(2, 4);
  if (placement === "right") sCol = c0 + cols.length + pp.int(1, 3);

  // ---- write the detail
  const s = dSheet;
  let r = dRow;
  if (titleLines) {
    const titles = [
      ...(relative ? [refLine] : []),
      `Contrat départemental de prévention et de protection de l'enfance ${years[0]}-${yn} — annexe financière`,
      "Département de la Somme — Direction Enfance Famille",
      scale === 1000 ? "Montants en milliers d'euros (k€)" : "Montants en euros",
    ];
    for (let i = 0; i < titleLines; i++) put(s, r++, c0, titles[i]!, { bold: i === 0 });
    r++;
  }
  const headerRows = Array.from({ length: nHeader + (unitsRow ? 1 : 0) }, (_, i) => r + i);
  const headerText = writeHeader(s, headerRows.slice(0, nHeader), c0, cols, nHeader, g.stream("header"), v, features);
  r += nHeader;
  if (unitsRow) {
    // a row of units under the header band (« € », « k€ », « % »): the band is one row deeper
    const euro = scale === 1000 ? sh8.pick(["k€", "en k€", "K€"]) : sh8.pick(["€", "en €", "euros"]);
    cols.forEach((c, i) => {
      const unit = !c.role ? "" : /^rate/.test(c.role) ? "%" : /^(budget|realised|gap|(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total))/.test(c.role) ? euro : "";
      if (unit) put(s, r, c0 + i, unit, { bold: true });
    });
    r++;
    feat(`units row under the header (band of ${nHeader + 1} rows)`);
  }
  const col: Record<string, number> = {};
  cols.forEach((c, i) => {
    if (c.role) col[c.role] = c0 + i;
    if (c.hidden) s.hiddenCols.add(c0 + i);
  });
  const extraCols = new Map<string, number>();
  cols.forEach((c, i) => c.extra && extraCols.set(c.extra, c0 + i));
  const firstCol = c0;
  const labelCol = col.label!;
  const moneyRoles = cols
    .filter((c) => c.role && /^(budget|realisedLastYear|realisedSinceStart|gap|(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total))$/.test(c.role))
    .map((c) => c.role!);
  const summed = moneyRoles.filter((x) => x !== "gap");
  const amountFmt =
    scale === 1000
      ? g.pick(["#,##0.00", '#,##0.0 "k€"', '#,##0.00 "k€"'])
      : g.pick(["#,##0", "#,##0 €", "#,##0.00 €", '_-* #,##0 €_-;-* #,##0 €_-;_-* "-"?? €_-;_-@_-', "#,##0.00"]);
  const rateFmt = rateMode === "percent" ? "0.0" : g.pick(["0%", "0.0%", "0.00%"]);
  const amt = (x: number) => (scale === 1000 ? round2(x / 10) / 100 : x);
  const totFx = flavour !== "values";
  const ficheRowsOut: number[][] = plan.fiches.map(() => []);
  const truthFicheRows: Record<string, number[]> = {};
  const subtotals: { row: number; members: number[] }[] = [];
  let groupRows: number[] = [];
  let totalRow = 0;
  const allFicheRows: number[] = [];
  const partRows = new Map<string, number>();
  // first pass: rows of each entry
  let rr = r;
  for (const e of entries) {
    if (e.k === "fiche") {
      ficheRowsOut[e.fi]!.push(rr);
      partRows.set(`${e.fi},${e.part}`, rr);
    }
    rr++;
  }
  const den = (rows: number[], y: number | "all"): Fx => {
    const parts: Fx[] = [];
    const range = (c: number) => rangeRef(rows[0]!, c, rows[rows.length - 1]!, c);
    if (y === "all") return rows.length === 1 ? cellRef(rows[0]!, col.budget!) : { t: "sum", args: [range(col.budget!)] };
    const bl = col[`cd${y}`] ? ["cd"] : ["ms", "dgas"];
    for (const b of [...bl, ...plan.funders]) {
      const c = col[`${b}${y}`];
      if (c) parts.push(rows.length === 1 ? cellRef(rows[0]!, c) : { t: "sum", args: [range(c)] });
    }
    return { t: "add", args: parts };
  };
  const times100 = rateMode === "percent";
  /** rates and gap of a row, over the rows of its fiche (or its own cells on a total) */
  const putRates = (row: number, rows: number[]) => {
    const cum = col.realisedSinceStart ?? col.realisedLastYear!;
    if (col.rateLastYear)
      put(s, row, col.rateLastYear, null, { fmt: rateFmt, fx: { t: "ratio", num: cellRef(row, col.realisedLastYear!), den: den(rows, yn), times100 } });
    if (col.rateGlobal) put(s, row, col.rateGlobal, null, { fmt: rateFmt, fx: { t: "ratio", num: cellRef(row, cum), den: den(rows, "all"), times100 } });
    if (col.gap) put(s, row, col.gap, null, { fmt: amountFmt, fx: { t: "sub", a: den(rows, "all"), b: cellRef(row, cum) } });
  };
  for (const e of entries) {
    if (e.k === "blank") {
      r++;
      continue;
    }
    if (e.k === "title") {
      const t = ty(fill(engagementForm, plan, { N: String(e.eng), T: W.ENGAGEMENTS[e.eng - 1]! }));
      put(s, r, titleInFirst ? firstCol : labelCol, t, { bold: true });
      groupRows = [];
      r++;
      continue;
    }
    if (e.k === "fiche") {
      const f = plan.fiches[e.fi]!;
      const rows = ficheRowsOut[e.fi]!;
      const fr = f.rows[e.part]!;
      const first = e.part === 0;
      const last = e.part === f.rows.length - 1;
      groupRows.push(r);
      allFicheRows.push(r);
      (truthFicheRows[f.key] ??= []).push(r);
      // text
      const mergeDown = (c: number) => {
        if (last && rows.length > 1) s.merges.push({ r1: rows[0]!, c1: c, r2: r, c2: c });
      };
      if (first || contMode === "repeat") put(s, r, col.fiche!, /^[1-9]\d*$/.test(f.key) && rp.yes(0.5) ? Number(f.key) : f.key);
      if (contMode === "merged") mergeDown(col.fiche!);
      if (first) put(s, r, labelCol, f.rows.length > 1 && contMode !== "merged" ? `${f.label} — ${fr.subLabel}` : f.label);
      else if (contMode !== "merged") put(s, r, labelCol, fr.subLabel ?? "");
      if (contMode === "merged") mergeDown(labelCol);
      const textOnFirst = (c: number | undefined, val: string | number) => {
        if (!c) return;
        if (first) put(s, r, c, val);
        if (contMode === "merged") mergeDown(c);
      };
      textOnFirst(col.theme, f.theme);
      textOnFirst(col.objective, rp.pick([`Objectif ${f.objective}`, `Obj. ${f.objective}`, `Objectif n°${f.objective}`, f.objective]));
      textOnFirst(col.objectiveType, typeForm === "word" ? typeCase(objectiveType(f.objective)) : f.objective <= 11 ? "Socle" : "Optionnel");
      textOnFirst(col.indicator, rp.pick(["Nombre d'EPP réalisés", "Délai moyen d'évaluation des IP", "Nombre de jeunes accompagnés", "Taux de couverture"]));
      for (const [ex, c] of extraCols) {
        if (!first && ex !== "comment") continue;
        const val: string | number | Date =
          ex === "comment"
            ? fill(rp.pick(W.COMMENTS), plan)
            : ex === "pilot"
              ? rp.pick(W.PILOTS)
              : ex === "calendar"
                ? fill(rp.pick(W.CALENDARS), plan)
                : ex === "indicators"
                  ? "Nombre de familles suivies"
                  : ex === "start"
                    ? new Date(Date.UTC(years[0]!, rp.int(0, 11), 1))
                    : ex === "code"
                      ? rp.yes(0.5)
                        ? rp.pick([6568, 6574, 65111, 6288])
                        : `65-51-${rp.int(6000, 6599)}`
                      : ex === "beneficiaries"
                        ? rp.int(10, 900)
                        : round2(rp.int(1, 30) / 10);
        if (val !== "") put(s, r, c, val, { fmt: val instanceof Date ? "dd/mm/yyyy" : undefined });
      }
      // money of this row
      for (const b of blocks) {
        for (let y = 0; y < years.length; y++) {
          const c = col[`${b}${years[y]}`];
          if (!c) continue;
          const x = fr.money[b][y]!;
          const fx: Fx | undefined =
            b === "cd" && col[`ms${years[y]}`] ? { t: "add", args: [cellRef(r, col[`ms${years[y]}`]!), cellRef(r, col[`dgas${years[y]}`]!)] } : undefined;
          if (x === 0 && zerosBlank && !fx) continue;
          put(s, r, c, amt(x), { fmt: amountFmt, fx });
        }
        const tc = col[`${b}Total`];
        if (tc) {
          const yc = years.map((y) => col[`${b}${y}`]!);
          const contiguous = yc.every((c, i) => i === 0 || c === yc[i - 1]! + 1);
          const fx: Fx = contiguous ? { t: "sum", args: [rangeRef(r, yc[0]!, r, yc[yc.length - 1]!)] } : { t: "add", args: yc.map((c) => cellRef(r, c)) };
          put(s, r, tc, null, { fmt: amountFmt, fx });
        }
      }
      const blockRefs = (b: string): Fx[] =>
        col[`${b}Total`] ? [cellRef(r, col[`${b}Total`]!)] : years.filter((y) => col[`${b}${y}`]).map((y) => cellRef(r, col[`${b}${y}`]!));
      const cdRefs = col.cdTotal || col[`cd${yn}`] ? blockRefs("cd") : [...blockRefs("ms"), ...blockRefs("dgas")];
      put(s, r, col.budget!, null, { fmt: amountFmt, fx: { t: "add", args: [...cdRefs, ...plan.funders.flatMap(blockRefs)] } });
      // source
      if (col.source) {
        if (sourceMode === "per row") {
          if (fr.source || first) put(s, r, col.source, rows.length > 1 ? fr.source : f.source);
        } else {
          if (first) put(s, r, col.source, f.source);
          if (sourceMode === "merged") mergeDown(col.source);
        }
      }
      // realisations, rates, gap: on the fiche's first row, over all its rows
      if (first) {
        put(s, r, col.realisedLastYear!, amt(f.realisedLastYear), { fmt: amountFmt });
        if (col.realisedSinceStart) put(s, r, col.realisedSinceStart, amt(f.realisedSinceStart), { fmt: amountFmt });
      }
      if (last) {
        putRates(rows[0]!, rows);
        if (rows.length > 1 && execMerged)
          for (const role of ["realisedLastYear", "realisedSinceStart", "rateLastYear", "rateGlobal", "gap"]) if (col[role]) mergeDown(col[role]);
      }
      r++;
      continue;
    }
    // sub-total and TOTAL rows
    const isTotal = e.k === "total";
    if (isTotal) totalRow = r;
    const label = isTotal ? totalLabel : ty(fill(subtotalForm, plan, { N: String(e.eng) }));
    put(s, r, rp.yes(0.5) ? firstCol : labelCol, label, { bold: true });
    const members = isTotal ? (subtotalsOn ? subtotals.map((x) => x.row) : allFicheRows) : groupRows;
    for (const role of summed) {
      const c = col[role]!;
      let fx: Fx;
      if (isTotal && subtotalsOn) fx = { t: "sum", args: members.map((m) => cellRef(m, c)) };
      else if (totalStyle === "plus" && members.length <= 30) fx = { t: "add", args: members.map((m) => cellRef(m, c)) };
      else fx = { t: "sum", args: [rangeRef(members[0]!, c, members[members.length - 1]!, c)], subtotal: totalStyle === "subtotal" && isTotal };
      put(s, r, c, null, { fmt: amountFmt, fx, bold: true });
    }
    putRates(r, [r]);
    if (!isTotal) subtotals.push({ row: r, members: groupRows });
    r++;
  }
  if (notesUnder) {
    r++;
    for (const n of g.shuffled(W.NOTES).slice(0, 3)) put(s, r++, firstCol, fill(n, plan));
  }
  // widths: wide enough for every figure (display-overflow is a fault, not a clean annex's feature)
  cols.forEach((c, i) => s.widths.set(c0 + i, c.role && moneyRoles.includes(c.role) ? (scale === 1000 ? 14 : 18) : c.role === "label" ? 40 : 16));

  const detailTruth: TruthTable = {
    kind: "detail",
    sheet: s.name,
    headerRows,
    totalRow,
    columns: Object.fromEntries(Object.entries(col).map(([k, c]) => [k, letters(c)])),
    headers: Object.fromEntries(cols.map((c, i) => [letters(c0 + i), headerText[i]!])),
    ficheRows: truthFicheRows,
    subtotalRows: subtotals.map((x) => x.row),
  };
  const detail: DetailGeom = {
    sheet: s.name,
    col,
    rows: ficheRowsOut,
    subtotals,
    totalRow,
    scale,
    ratePercent: rateMode === "percent",
    typeForm,
  };

  // ---- write the summary
  let summary: SummaryGeom | null = null;
  const tables: TruthTable[] = [detailTruth];
  if (hasSummary) {
    const ss = sSheet;
    let q = sRow;
    const sTitle = ty(sp.pick(["Rapport financier de la contractualisation", "Synthèse financière par engagement", `Récapitulatif ${yn}`]));
    put(ss, q++, sCol, relative ? `${sTitle} — ${refLine}` : sTitle, {
      bold: true,
    });
    q++;
    const sHeaderRows = Array.from({ length: sHeader }, (_, i) => q + i);
    const sText = writeHeader(ss, sHeaderRows, sCol, sumCols, sHeader, sp.stream("header"), v, features);
    q += sHeader;
    const sc: Record<string, number> = {};
    sumCols.forEach((c, i) => (sc[c.role!] = sCol + i));
    const linked = totFx && sp.yes(0.4);
    if (linked) feat("summary linked to the detail by formulas");
    const mesureMode = sp.pick(["each", "first", "merged"] as const);
    const sRows: number[] = [];
    const sSubs: { row: number; members: number[] }[] = [];
    let members: number[] = [];
    let sTotal = 0;
    const ref = (row: number, c: number): Fx => cellRef(row, c, ss.name === s.name ? undefined : s.name);
    const detailSum = (fi: number, c: number | undefined): Fx | undefined => {
      if (!c) return undefined;
      const rows = ficheRowsOut[fi]!;
      return rows.length === 1 ? ref(rows[0]!, c) : { t: "add", args: rows.map((x) => ref(x, c)) };
    };
    const sumFmt = amountFmt;
    for (const e of sumEntries) {
      if (e.k === "title") {
        put(ss, q, sCol, ty(fill(sEngagementForm, plan, { N: String(e.eng), T: W.ENGAGEMENTS[e.eng - 1]! })), { bold: true });
        members = [];
        q++;
        continue;
      }
      if (e.k === "fiche") {
        const f = plan.fiches[e.fi]!;
        members.push(q);
        sRows.push(q);
        const engText = `Engagement ${f.engagement}`;
        if (sc.mesure && (mesureMode !== "first" || members.length === 1)) {
          if (mesureMode !== "merged" || members.length === 1) put(ss, q, sc.mesure, engText);
        }
        if (sc.objectif) put(ss, q, sc.objectif, sp.yes(0.5) ? `Objectif ${f.objective}` : f.objective);
        put(ss, q, sc.fiche!, /^[1-9]\d*$/.test(f.summaryKey) && sp.yes(0.5) ? Number(f.summaryKey) : f.summaryKey);
        const cdTot = round2(ficheBlockTotal(f, "ms") + ficheBlockTotal(f, "dgas"));
        const vals: Record<string, [number, Fx | undefined]> = {
          budget: [ficheBudget(f), detailSum(e.fi, col.budget)],
          departement: [cdTot, col.cdTotal ? detailSum(e.fi, col.cdTotal) : undefined],
          fir: [ficheBlockTotal(f, "fir"), detailSum(e.fi, col.firTotal)],
          etat: [ficheBlockTotal(f, "etat"), detailSum(e.fi, col.etatTotal)],
          ondam: [ficheBlockTotal(f, "ondam"), detailSum(e.fi, col.ondamTotal)],
          consumedPrior: [round2(f.realisedSinceStart - f.realisedLastYear), undefined],
          consumedLastYear: [f.realisedLastYear, ref(ficheRowsOut[e.fi]![0]!, col.realisedLastYear!)],
          consumedSinceStart: [
            f.realisedSinceStart,
            sc.consumedPrior ? { t: "add", args: [cellRef(q, sc.consumedPrior), cellRef(q, sc.consumedLastYear!)] } : undefined,
          ],
        };
        for (const [role, [x, fx]] of Object.entries(vals)) {
          if (!sc[role]) continue;
          if (x === 0 && zerosBlank && !(linked && fx)) continue;
          put(ss, q, sc[role], amt(x), { fmt: sumFmt, fx: linked ? fx : undefined });
        }
        if (sc.modalite) put(ss, q, sc.modalite, f.modalite);
        q++;
        continue;
      }
      const isTotal = e.k === "total";
      if (isTotal) sTotal = q;
      put(ss, q, sCol, isTotal ? totalLabel : ty(fill(sSubtotalForm, plan, { N: String(e.eng) })), { bold: true });
      const over = isTotal ? sSubs.map((x) => x.row) : members;
      for (const role of ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"]) {
        const c = sc[role];
        if (!c) continue;
        const fx: Fx = isTotal ? { t: "sum", args: over.map((m) => cellRef(m, c)) } : { t: "sum", args: [rangeRef(over[0]!, c, over[over.length - 1]!, c)] };
        put(ss, q, c, null, { fmt: sumFmt, fx, bold: true });
      }
      if (!isTotal) sSubs.push({ row: q, members });
      q++;
    }
    if (sc.mesure && mesureMode === "merged")
      for (const sub of sSubs)
        if (sub.members.length > 1) ss.merges.push({ r1: sub.members[0]!, c1: sc.mesure, r2: sub.members[sub.members.length - 1]!, c2: sc.mesure });
    sumCols.forEach((c, i) => ss.widths.set(sCol + i, c.role === "modalite" || c.role === "mesure" ? 16 : scale === 1000 ? 14 : 18));
    const sTruthRows: Record<string, number[]> = {};
    plan.fiches.forEach((f, i) => (sTruthRows[f.summaryKey] = [sRows[i]!]));
    tables.push({
      kind: "summary",
      sheet: ss.name,
      headerRows: sHeaderRows,
      totalRow: sTotal,
      columns: Object.fromEntries(Object.entries(sc).map(([k, c]) => [k, letters(c)])),
      headers: Object.fromEntries(sumCols.map((c, i) => [letters(sCol + i), sText[i]!])),
      ficheRows: sTruthRows,
      subtotalRows: sSubs.map((x) => x.row),
    });
    summary = { sheet: ss.name, col: sc, rows: sRows, subtotals: sSubs, totalRow: sTotal };
  }
  if (decoySheet) writePivot(decoySheet, plan, amt);
  recompute(book);
  // the writer's flavour: formulas everywhere, on totals only, or values only (« coller les valeurs »)
  const typed = (row: number) => flavour === "values" || (flavour === "totals only" && allFicheRows.includes(row));
  for (const sh of book.sheets)
    for (const [k, cell] of sh.cells) {
      if (!cell.fx || !(sh === s ? typed(Number(k.split(",")[0])) : flavour === "values")) continue;
      delete cell.fx;
      if (cell.v === "") cell.v = null;
    }
  return { seed, plan, model: { years }, book, tables, detail, summary, features, noCache };
}

/** Writes the header rows; returns each column's header text as a reader sees it (levels joined by « / »). */
function writeHeader(s: Sheet, rows: number[], c0: number, cols: Col[], n: 1 | 2 | 3, g: Prng, v: Variety, features: string[]): string[] {
  const groupStyle = v.choose<"merged" | "first" | "repeat">("headers", "merged", () =>
    g.weighted([
      ["merged", 5],
      ["first", 2],
      ["repeat", 1],
    ] as const),
  );
  const singleStyle = v.choose<"merged" | "top" | "bottom">("headers", "merged", () =>
    g.weighted([
      ["merged", 4],
      ["top", 2],
      ["bottom", 2],
    ] as const),
  );
  if (n > 1) features.push(`group headers ${groupStyle}`, `single headers ${singleStyle}`);
  const bold = { bold: true };
  const texts: string[] = [];
  const runs = (pick: (c: Col) => { id: number; text: string } | undefined, row: number) => {
    let i = 0;
    while (i < cols.length) {
      const gr = pick(cols[i]!);
      if (!gr) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < cols.length && pick(cols[j + 1]!)?.id === gr.id) j++;
      if (groupStyle === "repeat") for (let k = i; k <= j; k++) put(s, row, c0 + k, gr.text, bold);
      else {
        put(s, row, c0 + i, gr.text, bold);
        if (groupStyle === "merged" && j > i) s.merges.push({ r1: row, c1: c0 + i, r2: row, c2: c0 + j });
      }
      i = j + 1;
    }
  };
  const single = (c: number, top: number, text: string) => {
    const bottom = rows[rows.length - 1]!;
    if (top === bottom) return void put(s, bottom, c, text, bold);
    if (singleStyle === "merged") {
      put(s, top, c, text, bold);
      s.merges.push({ r1: top, c1: c, r2: bottom, c2: c });
    } else put(s, singleStyle === "top" ? top : bottom, c, text, bold);
  };
  cols.forEach((col, i) => {
    const c = c0 + i;
    if (n === 1) {
      put(s, rows[0]!, c, col.oneRow, bold);
      texts.push(col.oneRow);
      return;
    }
    if (n === 2) {
      if (col.group) put(s, rows[1]!, c, col.head, bold);
      else single(c, rows[0]!, col.head);
      texts.push(col.group ? `${col.group.text} / ${col.head}` : col.head);
      return;
    }
    // three rows: super-group, group, head
    if (col.group) put(s, rows[2]!, c, col.head, bold);
    else single(c, col.sup ? rows[1]! : rows[0]!, col.head);
    texts.push([col.sup?.text, col.group?.text, col.head].filter(Boolean).join(" / "));
  });
  if (n === 2) runs((c) => c.group, rows[0]!);
  if (n === 3) {
    runs((c) => c.sup, rows[0]!);
    runs((c) => c.group, rows[1]!);
  }
  return texts;
}

/** A pivot-like sheet of totals per funder and year, before the annex: not a table of the annex. */
function writePivot(s: Sheet, plan: Plan, amt: (x: number) => number): void {
  put(s, 1, 1, "Somme de Montant", { bold: true });
  put(s, 2, 1, "Financeur", { bold: true });
  plan.years.forEach((y, i) => put(s, 2, 2 + i, y, { bold: true }));
  put(s, 2, 2 + plan.years.length, "Total général", { bold: true });
  const names: Record<string, string> = { cd: "Département", fir: "ARS (FIR)", etat: "Etat (P304)", ondam: "Assurance maladie" };
  const funders = ["cd", ...plan.funders] as Block[];
  funders.forEach((b, k) => {
    put(s, 3 + k, 1, names[b]!);
    const per = plan.years.map((_, y) => round2(sum(plan.fiches.map((f) => sum(f.rows.map((r) => r.money[b][y]!))))));
    per.forEach((x, i) => put(s, 3 + k, 2 + i, amt(x)));
    put(s, 3 + k, 2 + plan.years.length, amt(round2(sum(per))));
  });
  put(s, 3 + funders.length, 1, "Total général", { bold: true });
}
