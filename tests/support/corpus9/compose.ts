/**
 * Lays one corpus9 model out as a workbook a département might keep, and records the truth (every role's column, each
 * fiche's rows, the totals) for the verdicts. Written from the text and the domain reference, with its own
 * ideas of variety: a logo/title block pushing the table to row 7 column C, headers on one to three rows with their
 * words wherever a spreadsheet user puts them, extra columns between the money blocks (dates, head counts, ETP), a
 * fiche spread over lines with its realisations per line or merged, sub-totals worded « Total axe 2 », rates as
 * fractions, percent numbers or text, both tables side by side, and files written as openpyxl, xlsxwriter or
 * LibreOffice write them (see xlsx.ts).
 */
import { type Book, type Fx, type Ref, a1, col, fx, newSheet, putFx, recalc, setCell } from "./grid";
import {
  type Fiche,
  type Line,
  type Model,
  cdBlocks,
  ficheTotal,
  fundersOf,
  isFundamental,
  lineBudget,
  makeModel,
  objectiveLabel,
  plannedIn,
  sum,
} from "./model";
import { Dice } from "./rng";
import * as W from "./words";
import type { FileStyle } from "./xlsx";

export interface TruthTable {
  kind: "detail" | "summary";
  sheet: string;
  headerRows: number[];
  totalRow: number;
  columns: Record<string, string>;
  headers: Record<string, string>;
  ficheRows: Record<string, number[]>;
}
export interface DetailAt {
  sheet: string;
  col: Record<string, number>;
  /** each fiche's rows, in model order */
  rows: number[][];
  subtotals: { row: number; members: number[] }[];
  totalRow: number;
  scale: number;
  percent: boolean;
  formulas: boolean;
}
export interface SummaryAt {
  sheet: string;
  col: Record<string, number>;
  rows: number[];
  subtotals: { row: number; members: number[] }[];
  totalRow: number;
}
export interface Annex9 {
  seed: number;
  model: Model;
  book: Book;
  file: FileStyle;
  tables: TruthTable[];
  detail: DetailAt;
  summary: SummaryAt | null;
  features: string[];
  /** how this annex names each funder in its source column */
  sourceName: Record<W.Funder, string>;
  sourceJoin: string;
}

interface Grp {
  id: number;
  text: string;
}
interface Col {
  role?: string;
  kind: "id" | "text" | "money" | "rate" | "date" | "count" | "fte" | "source" | "type" | "objective";
  extra?: string;
  sup?: Grp;
  grp?: Grp;
  leaf: string;
  solo: string;
  hidden?: boolean;
}

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const deaccent = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

export function composeAnnex(seed: number): Annex9 {
  const m = makeModel(seed);
  const features: string[] = [];
  const feat = (s: string) => features.push(s);
  const w = new Dice(seed, "words");
  const sh = new Dice(seed, "shape");
  const fl = new Dice(seed, "file");
  const years = m.years;
  const Y0 = years[0]!;
  const YN = years[years.length - 1]!;
  const single = years.length === 1;
  feat(`${years.length} year(s) ${Y0}-${YN}`);
  feat(`fiche ids « ${m.idStyle.trim()} »`);
  feat(`département split ${m.split}`);
  feat(`${m.funders.length} co-financer(s)`);

  // ---- the words of this département
  const upper = w.odds(0.12);
  const noAcc = w.odds(0.12);
  const trailing = w.odds(0.15);
  const breaks = w.odds(0.25);
  if (upper) feat("headers in upper case");
  if (noAcc) feat("headers without accents");
  if (trailing) feat("headers with trailing spaces");
  if (breaks) feat("headers with line breaks");
  const fill = (t: string, extra: Record<string, string> = {}) => {
    let s = t
      .replace(/\{Y0\}/g, String(Y0))
      .replace(/\{YN\}/g, String(YN))
      .replace(/\{P\}/g, String(YN - 1));
    for (const [k, v] of Object.entries(extra)) s = s.split(`{${k}}`).join(v);
    return s;
  };
  const type = (s: string) => {
    let t = s;
    if (noAcc) t = deaccent(t);
    if (upper) t = t.toUpperCase();
    if (breaks && t.length > 18)
      t = t
        .replace(/ (?=\S+$)/, "\n")
        .replace(/^(\S+ \S+) /, "$1\n")
        .replace(/\n(.*)\n/, " $1\n");
    if (trailing) t += " ";
    return t;
  };
  const blockName = {} as Record<W.Money, string>;
  for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"] as W.Money[]) blockName[b] = w.oneOf(W.BLOCK[b]);
  const yearForm = w.oneOf(W.YEAR);
  const yearText = (y: number) => yearForm.replace("{Y}", String(y));
  const totalForm = w.oneOf(W.BLOCK_TOTAL);
  const kilo = w.odds(0.15);
  const scale = kilo ? 1000 : 1;
  if (kilo) feat("amounts in k€");
  const unit = kilo ? w.oneOf([" (k€)", " en K€", " (en milliers d'€)"]) : w.oneOf(["", "", " (en €)", " €"]);
  const rateForm = w.weigh([
    ["fraction", 6],
    ["percent number", 2],
    ["text", 1],
    ["none", 2],
  ] as const);
  feat(`rates as ${rateForm}`);
  const pctNote = rateForm === "percent number" ? w.oneOf([" (%)", " en %", " %"]) : "";
  const sourceName = {} as Record<W.Funder, string>;
  for (const f of ["fir", "etat", "ondam"] as W.Funder[]) sourceName[f] = w.oneOf(W.SOURCE_NAMES[f]);
  const sourceJoin = w.oneOf(W.SOURCE_JOIN);
  const noneSource = w.oneOf(["", "", "-", "CD seul", "Sans cofinancement"]);
  if (noneSource) feat(`no co-financer written « ${noneSource} »`);
  const objForm = w.oneOf(["Objectif {n} : {t}", "{n} - {t}", "Obj. {n}", "Objectif n°{n}", "{n}"]);
  const typeWords = w.oneOf([
    ["Fondamental", "Facultatif"],
    ["FONDAMENTAL", "FACULTATIF"],
    ["fondamental", "facultatif"],
    ["Fondamental", "Optionnel"],
  ]);
  const moneyFmt = kilo
    ? w.oneOf(["#,##0.0", '#,##0.0\\ "k€"', "0.0"])
    : w.oneOf([
        '#,##0\\ "€"',
        '_-* #,##0\\ "€"_-;\\-* #,##0\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-',
        "#,##0",
        "0",
        "General",
        "#,##0 [$€-40C];[Red]\\-#,##0 [$€-40C]",
      ]);
  const rateFmt = rateForm === "fraction" ? w.oneOf(["0%", "0.0%", "0.00%"]) : rateForm === "percent number" ? "0.0" : undefined;

  // ---- the columns of the detail
  const H = sh.weigh([
    [1, 3],
    [2, 5],
    [3, 2],
  ] as const);
  feat(`detail header on ${H} row(s)`);
  let gid = 0;
  const grp = (text: string): Grp => ({ id: ++gid, text: type(fill(text)) });
  const cols: Col[] = [];
  const plain = (c: Omit<Col, "leaf" | "solo">, text: string) => cols.push({ ...c, leaf: type(fill(text)), solo: type(fill(text)) });
  plain({ role: "fiche", kind: "id" }, w.oneOf(W.FICHE));
  plain({ role: "label", kind: "text" }, w.oneOf(W.LABEL));
  const extras = sh.some(
    Object.keys(W.EXTRAS),
    sh.weigh([
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 2],
    ] as const),
  );
  const extraAt = new Map(extras.map((e) => [e, sh.oneOf(["front", "between", "end"] as const)]));
  const hiddenExtra = extras.length && sh.odds(0.3) ? sh.oneOf(extras) : null;
  for (const e of extras) feat(`extra column ${e} (${extraAt.get(e)})${e === hiddenExtra ? " hidden" : ""}`);
  const putExtras = (at: string, sup?: Grp) => {
    for (const e of extras)
      if (extraAt.get(e) === at) {
        const t = type(sh.oneOf(W.EXTRAS[e]!.heads));
        cols.push({ kind: W.EXTRAS[e]!.kind === "service" ? "text" : W.EXTRAS[e]!.kind, extra: e, sup, leaf: t, solo: t, hidden: e === hiddenExtra });
      }
  };
  const hasTheme = sh.odds(0.5);
  if (hasTheme) plain({ role: "theme", kind: "text" }, w.oneOf(W.THEME));
  const hasObjective = sh.odds(0.75);
  if (hasObjective) plain({ role: "objective", kind: "objective" }, w.oneOf(W.OBJECTIVE));
  const hasType = sh.odds(0.6);
  if (hasType) plain({ role: "objectiveType", kind: "type" }, w.oneOf(W.TYPE));
  if (sh.odds(0.35)) plain({ role: "indicator", kind: "text" }, w.oneOf(W.INDICATOR));
  putExtras("front");

  const planned = H === 3 ? grp(w.oneOf(W.PLANNED_SUPER)) : undefined;
  const done = H === 3 ? grp(w.oneOf(W.DONE_SUPER)) : undefined;
  const yearMajor = H >= 2 && !single && sh.odds(0.2);
  if (yearMajor) feat("year-major blocks (years as groups, blocks under them)");
  const withTotals = single || yearMajor || sh.odds(0.85);
  if (!withTotals) feat("no block totals");
  const totalsFirst = withTotals && !yearMajor && sh.odds(0.12);
  if (totalsFirst) feat("block totals before their years");
  const budgetAt = sh.weigh([
    ["first", 6],
    ["after blocks", 3],
  ] as const);
  const sourceAt = m.funders.length || sh.odds(0.3) ? sh.oneOf(["before co", "after co", "end"] as const) : null;
  const coFirst = sh.odds(0.12);
  if (coFirst) feat("co-financers before the département");
  const blocks = (b: W.Money[]) => {
    if (yearMajor) return;
    for (const x of b) {
      const g = grp(blockName[x]);
      const yc = years.map<Col>((y) => ({
        role: `${x}${y}`,
        kind: "money",
        sup: planned,
        grp: g,
        leaf: type(yearText(y)),
        solo: type(`${blockName[x]}${breaks ? "\n" : " "}${yearText(y)}`),
      }));
      const totalLeaf = fill(totalForm, { B: blockName[x] });
      const soloTotal = totalForm.includes("{B}") ? totalLeaf : sh.oneOf([`${blockName[x]} ${Y0}-${YN}`, `Total ${blockName[x]}`, `${blockName[x]} - total`]);
      const tc: Col = { role: `${x}Total`, kind: "money", sup: planned, grp: g, leaf: type(totalLeaf), solo: type(soloTotal) };
      if (!withTotals) cols.push(...yc);
      else if (totalsFirst) cols.push(tc, ...yc);
      else cols.push(...yc, tc);
    }
  };
  const budgetCol = () => cols.push({ role: "budget", kind: "money", sup: planned, leaf: type(fill(w.oneOf(W.BUDGET)) + unit), solo: "" });
  const sourceCol = () => cols.push({ role: "source", kind: "source", sup: planned, leaf: type(w.oneOf(W.SOURCE)), solo: "" });
  if (budgetAt === "first") budgetCol();
  const cdPart = () => {
    blocks(cdBlocks(m));
  };
  const coPart = () => {
    if (sourceAt === "before co") sourceCol();
    blocks(m.funders);
    if (sourceAt === "after co") sourceCol();
  };
  if (yearMajor) {
    if (sourceAt === "before co") sourceCol();
    const order = coFirst ? [...m.funders, ...cdBlocks(m)] : [...cdBlocks(m), ...m.funders];
    for (const y of years) {
      const g = grp(yearText(y));
      for (const b of order) cols.push({ role: `${b}${y}`, kind: "money", sup: planned, grp: g, leaf: type(blockName[b]), solo: "" });
    }
    const g = grp(sh.oneOf(["Total {Y0}-{YN}", "Cumul {Y0} à {YN}", "Total de la période"]));
    for (const b of order) cols.push({ role: `${b}Total`, kind: "money", sup: planned, grp: g, leaf: type(blockName[b]), solo: "" });
    putExtras("between", planned);
    if (sourceAt === "after co") sourceCol();
  } else if (coFirst) {
    coPart();
    putExtras("between", planned);
    cdPart();
  } else {
    cdPart();
    putExtras("between", planned);
    coPart();
  }
  if (budgetAt === "after blocks") budgetCol();
  if (sourceAt === "end") sourceCol();
  const execGroup = H === 2 && sh.odds(0.4) ? grp(w.oneOf(W.DONE_SUPER)) : undefined;
  const exec = (role: string, text: string, kind: Col["kind"] = "money") =>
    cols.push({ role, kind, sup: done, grp: execGroup, leaf: type(fill(text) + (kind === "rate" ? pctNote : unit && sh.odds(0.4) ? unit : "")), solo: "" });
  const hasCumul = !single;
  const hasRates = rateForm !== "none";
  exec("realisedLastYear", w.oneOf(W.REALISED_YEAR));
  if (hasRates) exec("rateLastYear", w.oneOf(W.RATE_YEAR), "rate");
  if (hasCumul) exec("realisedSinceStart", w.oneOf(W.REALISED_ALL));
  if (hasRates && hasCumul) exec("rateGlobal", w.oneOf(W.RATE_ALL), "rate");
  const hasGap = hasCumul && sh.odds(0.75);
  if (hasGap) exec("gap", w.oneOf(W.GAP));
  putExtras("end");
  for (const c of cols) {
    if (!c.solo)
      c.solo =
        c.grp && !/\d{4}$|Total$/.test(c.role ?? "")
          ? `${c.grp.text} ${c.leaf}`
          : c.role && /^(\w+?)(\d{4}|Total)$/.test(c.role) && c.grp
            ? `${c.leaf} ${c.grp.text}`
            : c.leaf;
  }

  // ---- where the tables go
  const book: Book = { sheets: [] };
  const detailName = sh.oneOf(W.SHEETS);
  const d = newSheet(detailName);
  const hasSummary = sh.odds(0.8);
  const place = hasSummary ? sh.oneOf(["sheet after", "sheet before", "below", "above", "right"] as const) : "none";
  feat(hasSummary ? `summary ${place}` : "no summary");
  const sName = place.startsWith("sheet") ? sh.oneOf(W.SUMMARY_SHEETS.filter((x) => x !== detailName)) : detailName;
  const s = place.startsWith("sheet") ? newSheet(sName) : d;
  if (place === "sheet before") book.sheets.push(s, d);
  else if (place === "sheet after") book.sheets.push(d, s);
  else book.sheets.push(d);
  if (sh.odds(0.1)) {
    const notes = newSheet(sh.oneOf(["Notice", "Mode d'emploi", "Lisez-moi"]));
    setCell(notes, 1, 1, "Remplir les cellules en jaune. Les totaux sont calculés.");
    setCell(notes, 3, 1, `Mise à jour : ${YN + 1}`);
    book.sheets.splice(sh.between(0, book.sheets.length), 0, notes);
    feat("a notice sheet");
  }
  const logo = sh.odds(0.3);
  if (logo) feat("title block: annex at row 7 column C");
  const c0 = logo ? 3 : sh.odds(0.15) ? 2 : 1;
  let r = logo ? 1 : 1;
  const titleLines = logo ? 0 : sh.between(0, 2);
  if (logo) {
    setCell(d, 1, 1, "[logo]");
    setCell(d, 2, 3, fill(sh.oneOf(W.TITLES)), { bold: true });
    setCell(d, 3, 3, fill(sh.oneOf(W.TITLES)));
    setCell(d, 4, 3, kilo ? "Montants en milliers d'euros" : "Montants en euros");
    r = 7;
  } else {
    for (let i = 0; i < titleLines; i++) setCell(d, r++, c0, fill(sh.oneOf(W.TITLES)), { bold: i === 0 });
    if (titleLines) r++;
  }
  const summaryAbove = place === "above";
  const sRowsNeeded = hasSummary ? 4 + m.fiches.length + 2 * new Set(m.fiches.map((f) => f.engagement)).size : 0;
  if (summaryAbove) r += sRowsNeeded + sh.between(2, 4);
  const h0 = r;
  const colNo = (i: number) => c0 + i;
  const colOf: Record<string, number> = {};
  cols.forEach((c, i) => {
    if (c.role) colOf[c.role] = colNo(i);
  });

  // ---- header band
  const headerRows = Array.from({ length: H }, (_, i) => h0 + i);
  const topSolo = sh.oneOf(["merged", "bottom", "top"] as const);
  const mergeGroups = sh.odds(0.7);
  const headers: Record<string, string> = {};
  const runs = (pick: (c: Col) => Grp | undefined) => {
    const out: [Grp, number, number][] = [];
    cols.forEach((c, i) => {
      const g = pick(c);
      if (!g) return;
      const last = out[out.length - 1];
      if (last && last[0] === g && last[2] === i - 1) last[2] = i;
      else out.push([g, i, i]);
    });
    return out;
  };
  const bold = sh.odds(0.6);
  const writeRun = (row: number, runsOf: [Grp, number, number][]) => {
    for (const [g, a, b] of runsOf) {
      if (mergeGroups || a === b) {
        setCell(d, row, colNo(a), g.text, { bold });
        if (b > a) d.merges.push([row, colNo(a), row, colNo(b)]);
      } else for (let i = a; i <= b; i++) setCell(d, row, colNo(i), g.text, { bold });
    }
  };
  if (H === 1) cols.forEach((c, i) => setCell(d, h0, colNo(i), c.solo, { bold }));
  else {
    const bottom = h0 + H - 1;
    if (H === 3)
      writeRun(
        h0,
        runs((c) => c.sup),
      );
    writeRun(
      bottom - 1,
      runs((c) => c.grp),
    );
    cols.forEach((c, i) => {
      const cn = colNo(i);
      if (c.grp) setCell(d, bottom, cn, c.leaf, { bold });
      else {
        const top = c.sup ? bottom - 1 : h0;
        if (topSolo === "bottom") setCell(d, bottom, cn, c.leaf, { bold });
        else {
          setCell(d, top, cn, c.leaf, { bold });
          if (topSolo === "merged") d.merges.push([top, cn, bottom, cn]);
        }
      }
    });
  }
  cols.forEach((c, i) => {
    headers[col(colNo(i))] = [c.sup?.text, c.grp?.text, c.leaf].filter(Boolean).join(" / ");
    d.widths.set(colNo(i), c.kind === "money" ? 16 : c.kind === "rate" ? 12 : c.kind === "text" || c.kind === "objective" ? 34 : 13);
    if (c.hidden) d.hiddenCols.add(colNo(i));
  });

  // ---- detail rows
  const ro = new Dice(seed, "rows");
  const titles = ro.odds(0.5);
  const subtotals = titles && ro.odds(0.6);
  const blanks = ro.odds(0.25);
  if (titles) feat("engagement title rows in the detail");
  if (subtotals) feat("engagement sub-totals in the detail");
  if (blanks) feat("blank rows between engagements");
  const hiddenSpacer = ro.odds(0.12);
  if (hiddenSpacer) feat("a hidden empty row under the header");
  const idMode = ro.weigh([
    ["merged", 3],
    ["first", 3],
    ["repeat", 1],
  ] as const);
  const execMode = ro.oneOf(["per line", "merged"] as const);
  const srcMode = ro.oneOf(["union on first", "per line", "merged"] as const);
  const multi = m.fiches.some((f) => f.lines.length > 1);
  if (multi) feat(`fiche over several lines: id ${idMode}, execution ${execMode}, source ${srcMode}`);
  const formulas = ro.weigh([
    ["values", 3],
    ["row formulas", 4],
    ["total formulas", 2],
  ] as const);
  feat(`detail written as ${formulas}`);
  const zeroBlank = ro.odds(0.25);
  if (zeroBlank) feat("zeros left blank");
  const engTitle = ro.oneOf(W.ENGAGEMENT_TITLES);
  const subForm = ro.oneOf(W.SUBTOTAL);
  const totalLabel = ro.oneOf(W.TOTAL);
  const labelCol = ro.odds(0.5) ? colOf.label! : colOf.fiche!;
  const themeOf = (f: Fiche) =>
    f.objective && f.objective <= 5 ? "PMI" : f.objective === 9 || f.objective === 15 || f.objective === 16 ? "Handicap" : ro.oneOf(W.THEMES);

  r = h0 + H;
  if (hiddenSpacer) {
    d.hiddenRows.add(r);
    r++;
  }
  const money = (v: number) => (zeroBlank && v === 0 ? null : Math.round((v / scale) * 1e6) / 1e6);
  const ref = (row: number, c: number): Ref => ({ sheet: detailName, r: row, c });
  const rows: number[][] = [];
  const subRows: { row: number; members: number[] }[] = [];
  const ficheRows: Record<string, number[]> = {};
  const engs = [...new Set(m.fiches.map((f) => f.engagement))];
  const rateVal = (num: number, den: number): number | string | null => {
    if (den === 0) return null;
    const x = num / den;
    if (rateForm === "percent number") return Math.round(x * 1000) / 10;
    if (rateForm === "text") return `${String(Math.round(x * 100))}${ro.odds(0.5) ? NNBSP : NBSP}%`;
    return x;
  };
  const rowFx = formulas === "row formulas";
  const times = rateForm === "percent number" ? 100 : 1;
  const sourceText = (fs: W.Funder[]) => (fs.length ? fs.map((f) => sourceName[f]).join(sourceJoin) : noneSource);
  const typeText = (n: number) => (isFundamental(n) ? typeWords[0]! : typeWords[1]!);

  /** The money of one row (a line, or a fiche's merged execution on its first line). */
  const writeMoney = (row: number, l: Line) => {
    const k = years.length - 1;
    for (const b of [...cdBlocks(m), ...m.funders]) {
      years.forEach((y, j) => {
        const c = colOf[`${b}${y}`]!;
        if (b === "cd" && m.split === "ms+dgas+cd" && rowFx)
          putFx(d, row, c, fx.plus(detailName, [ref(row, colOf[`ms${y}`]!), ref(row, colOf[`dgas${y}`]!)]), { fmt: moneyFmt });
        else setCell(d, row, c, money(l.money[b][j]!), { fmt: moneyFmt });
      });
      const tc = colOf[`${b}Total`];
      if (tc) {
        if (rowFx && !yearMajor) {
          const cs = years.map((y) => colOf[`${b}${y}`]!);
          const x: Fx = {
            f: `SUM(${a1(row, Math.min(...cs))}:${a1(row, Math.max(...cs))})`,
            calc: (get) => cs.reduce((t, c) => t + get(detailName, row, c), 0),
          };
          putFx(d, row, tc, x, { fmt: moneyFmt });
        } else if (rowFx)
          putFx(
            d,
            row,
            tc,
            fx.plus(
              detailName,
              years.map((y) => ref(row, colOf[`${b}${y}`]!)),
            ),
            { fmt: moneyFmt },
          );
        else setCell(d, row, tc, money(sum(l.money[b])), { fmt: moneyFmt });
      }
    }
    const bud = colOf.budget!;
    const parts = (["cd", "fir", "etat", "ondam"] as W.Money[]).filter((b) => b === "cd" || (m.funders as string[]).includes(b));
    if (rowFx && withTotals && m.split !== "ms+dgas")
      putFx(
        d,
        row,
        bud,
        fx.plus(
          detailName,
          parts.map((b) => ref(row, colOf[`${b}Total`]!)),
        ),
        { fmt: moneyFmt },
      );
    else setCell(d, row, bud, money(lineBudget(l)), { fmt: moneyFmt });
    void k;
  };
  const writeExec = (row: number, realisedYear: number, realisedAll: number, plannedLast: number, budget: number, cells: Ref[], budRef: Ref) => {
    setCell(d, row, colOf.realisedLastYear!, money(realisedYear), { fmt: moneyFmt });
    if (hasCumul) setCell(d, row, colOf.realisedSinceStart!, money(realisedAll), { fmt: moneyFmt });
    const useFx = rowFx && rateForm !== "text";
    if (hasRates) {
      if (useFx) putFx(d, row, colOf.rateLastYear!, fx.ratio(detailName, ref(row, colOf.realisedLastYear!), cells, times), { fmt: rateFmt });
      else setCell(d, row, colOf.rateLastYear!, rateVal(realisedYear, plannedLast), { fmt: rateFmt });
      if (hasCumul) {
        if (useFx) putFx(d, row, colOf.rateGlobal!, fx.ratio(detailName, ref(row, colOf.realisedSinceStart!), [budRef], times), { fmt: rateFmt });
        else setCell(d, row, colOf.rateGlobal!, rateVal(realisedAll, budget), { fmt: rateFmt });
      }
    }
    if (hasGap) {
      if (rowFx) putFx(d, row, colOf.gap!, fx.minus(detailName, budRef, ref(row, colOf.realisedSinceStart!)), { fmt: moneyFmt });
      else setCell(d, row, colOf.gap!, money(budget - realisedAll), { fmt: moneyFmt });
    }
  };
  /** the cells of the last year's plan on a row: Total CD (or MS + DGAS) and the co-financers */
  const lastYearCells = (row: number): Ref[] => {
    const cd: string[] = m.split === "ms+dgas" ? ["ms", "dgas"] : ["cd"];
    return [...cd, ...m.funders].map((b) => ref(row, colOf[`${b}${YN}`]!));
  };

  for (const e of engs) {
    if (titles) {
      setCell(d, r, colOf.fiche!, fill(engTitle, { N: String(e), T: W.ENGAGEMENT_THEMES[(e - 1) % 5]! }), { bold: true });
      r++;
    }
    const members: number[] = [];
    m.fiches.forEach((f) => {
      if (f.engagement !== e) return;
      const fr: number[] = [];
      const n = f.lines.length;
      f.lines.forEach((l, li) => {
        const row = r++;
        fr.push(row);
        members.push(row);
        if (li === 0 || idMode === "repeat") setCell(d, row, colOf.fiche!, /^\d+$/.test(f.id) && !/^0/.test(f.id) && ro.odds(0.5) ? Number(f.id) : f.id);
        if (li === 0) {
          setCell(d, row, colOf.label!, f.label);
          if (hasTheme) setCell(d, row, colOf.theme!, themeOf(f));
          if (hasObjective && f.objective) setCell(d, row, colOf.objective!, fill(objForm, { n: String(f.objective), t: objectiveLabel(f.objective) }));
          if (hasType && f.objective) setCell(d, row, colOf.objectiveType!, typeText(f.objective));
          if (colOf.indicator) setCell(d, row, colOf.indicator, ro.oneOf(["Nombre d'actions", "Taux de couverture", "Nombre de familles accompagnées"]));
        }
        if (sourceAt) {
          const src = srcMode === "per line" ? sourceText(m.funders.filter((x) => sum(l.money[x]) > 0)) : li === 0 ? sourceText(fundersOf(f, m)) : null;
          if (src !== null && (srcMode !== "per line" || n === 1 || src !== noneSource)) setCell(d, row, colOf.source!, src);
        }
        for (const e2 of extras) {
          const c = colNo(cols.findIndex((x) => x.extra === e2));
          const kind = W.EXTRAS[e2]!.kind;
          if (li > 0 && kind !== "count") continue;
          if (kind === "date") setCell(d, row, c, 43831 + ro.between(0, 1500), { fmt: ro.oneOf(["dd/mm/yyyy", "mmm-yy"]) });
          else if (kind === "count") setCell(d, row, c, ro.between(3, 400));
          else if (kind === "fte") setCell(d, row, c, ro.between(1, 8) / 2, { fmt: "0.0" });
          else if (kind === "service") setCell(d, row, c, ro.oneOf(W.SERVICES));
          else if (ro.odds(0.6)) setCell(d, row, c, ro.oneOf(["En cours", "Action reportée en N+1", "Recrutement réalisé", "Partenariat CAF", "RAS"]));
        }
        writeMoney(row, l);
        if (execMode === "per line" || n === 1)
          writeExec(row, l.realisedYear, l.realisedAll, plannedIn(l, years.length - 1), lineBudget(l), lastYearCells(row), ref(row, colOf.budget!));
      });
      if (n > 1 && idMode === "merged") d.merges.push([fr[0]!, colOf.fiche!, fr[n - 1]!, colOf.fiche!]);
      if (n > 1 && srcMode === "merged" && sourceAt) d.merges.push([fr[0]!, colOf.source!, fr[n - 1]!, colOf.source!]);
      if (n > 1 && execMode === "merged") {
        // the fiche's execution on its first line, merged down: rates over the fiche's whole plan
        const first = fr[0]!;
        const ry = ficheTotal(f, (l) => l.realisedYear);
        const ra = ficheTotal(f, (l) => l.realisedAll);
        const pl = ficheTotal(f, (l) => plannedIn(l, years.length - 1));
        const bu = ficheTotal(f, lineBudget);
        setCell(d, first, colOf.realisedLastYear!, money(ry), { fmt: moneyFmt });
        if (hasCumul) setCell(d, first, colOf.realisedSinceStart!, money(ra), { fmt: moneyFmt });
        if (hasRates) {
          setCell(d, first, colOf.rateLastYear!, rateVal(ry, pl), { fmt: rateFmt });
          if (hasCumul) setCell(d, first, colOf.rateGlobal!, rateVal(ra, bu), { fmt: rateFmt });
        }
        if (hasGap) setCell(d, first, colOf.gap!, money(bu - ra), { fmt: moneyFmt });
        for (const role of ["realisedLastYear", "realisedSinceStart", "rateLastYear", "rateGlobal", "gap"])
          if (colOf[role]) d.merges.push([first, colOf[role], fr[n - 1]!, colOf[role]]);
      }
      rows.push(fr);
      ficheRows[f.id] = fr;
    });
    if (subtotals) {
      const row = r++;
      setCell(d, row, labelCol, fill(subForm, { N: String(e) }), { bold: true });
      subRows.push({ row, members: [...members] });
    }
    if (blanks && e !== engs[engs.length - 1]) r++;
  }
  const totalRow = r++;
  setCell(d, totalRow, labelCol, totalLabel, { bold: true });
  // totals of every amount column, by SUM or typed
  const sumFx = formulas !== "values";
  const amountCols = Object.entries(colOf)
    .filter(([k]) => /^(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total)$|^budget$|^realised|^gap$/.test(k))
    .map(([, c]) => c);
  const valueAt = (row: number, c: number) => {
    const v = d.cells.get(`${row},${c}`)?.v;
    return typeof v === "number" ? v : 0;
  };
  recalc(book);
  for (const c of amountCols) {
    for (const st of subRows) {
      if (sumFx) putFx(d, st.row, c, fx.sum(detailName, detailName, c, st.members[0]!, st.members[st.members.length - 1]!), { fmt: moneyFmt, bold: true });
      else setCell(d, st.row, c, Math.round(st.members.reduce((t, x) => t + valueAt(x, c), 0) * 1e6) / 1e6, { fmt: moneyFmt, bold: true });
    }
    const all = rows.flat();
    if (sumFx && subRows.length)
      putFx(
        d,
        totalRow,
        c,
        fx.plus(
          detailName,
          subRows.map((x) => ref(x.row, c)),
          ro.odds(0.5) ? "sum" : "plus",
        ),
        { fmt: moneyFmt, bold: true },
      );
    else if (sumFx) putFx(d, totalRow, c, fx.sum(detailName, detailName, c, Math.min(...all), Math.max(...all)), { fmt: moneyFmt, bold: true });
    else setCell(d, totalRow, c, Math.round(all.reduce((t, x) => t + valueAt(x, c), 0) * 1e6) / 1e6, { fmt: moneyFmt, bold: true });
  }
  recalc(book);
  // rates of the total row, over its own totals
  if (hasRates && rateForm !== "text" && ro.odds(0.6)) {
    const tr = totalRow;
    for (const x of [...subRows.map((s2) => s2.row), tr]) {
      if (sumFx) {
        putFx(d, x, colOf.rateLastYear!, fx.ratio(detailName, ref(x, colOf.realisedLastYear!), lastYearCells(x), times), { fmt: rateFmt, bold: true });
        if (hasCumul)
          putFx(d, x, colOf.rateGlobal!, fx.ratio(detailName, ref(x, colOf.realisedSinceStart!), [ref(x, colOf.budget!)], times), { fmt: rateFmt, bold: true });
      } else {
        setCell(
          d,
          x,
          colOf.rateLastYear!,
          rateVal(
            valueAt(x, colOf.realisedLastYear!) * scale,
            lastYearCells(x).reduce((t, y) => t + valueAt(y.r, y.c) * scale, 0),
          ),
          { fmt: rateFmt, bold: true },
        );
        if (hasCumul) setCell(d, x, colOf.rateGlobal!, rateVal(valueAt(x, colOf.realisedSinceStart!), valueAt(x, colOf.budget!)), { fmt: rateFmt, bold: true });
      }
    }
  }
  let end = totalRow;
  if (sh.odds(0.3)) {
    end += 2;
    setCell(
      d,
      end,
      c0,
      sh.oneOf(["Source : compte administratif", `* Réalisations arrêtées au 31/12/${YN}`, "NB : les montants de masse salariale sont valorisés"]),
    );
    feat("a note under the table");
  }
  const detailTruth: TruthTable = {
    kind: "detail",
    sheet: detailName,
    headerRows,
    totalRow,
    columns: Object.fromEntries(Object.entries(colOf).map(([k, c]) => [k, col(c)])),
    headers,
    ficheRows,
  };

  // ---- summary
  let summary: SummaryAt | null = null;
  const tables: TruthTable[] = [detailTruth];
  if (hasSummary) {
    const sm = new Dice(seed, "summary");
    const sH = sm.odds(0.3) ? 2 : 1;
    const scols: { role: string; grp?: Grp; text: string }[] = [];
    const money2 = sH === 2 ? grp(sm.oneOf(["Financement", "Plan de financement", "Budget prévu"])) : undefined;
    const conso = sH === 2 ? grp(sm.oneOf(["Consommation", "Exécution", "Réalisé"])) : undefined;
    const add = (role: string, xs: string[], g?: Grp) => scols.push({ role, grp: g, text: type(fill(sm.oneOf(xs))) });
    const mesureCol = sm.odds(0.5);
    if (mesureCol) add("mesure", W.SUMMARY.mesure);
    if (sm.odds(0.4)) add("objectif", W.SUMMARY.objectif);
    add("fiche", W.SUMMARY.fiche);
    add("budget", W.SUMMARY.budget, money2);
    add("departement", W.SUMMARY.departement, money2);
    for (const f of m.funders) add(f, W.SUMMARY[f], money2);
    const hasModalite = sm.odds(0.8);
    if (hasModalite) add("modalite", W.SUMMARY.modalite);
    if (!single) add("consumedPrior", W.SUMMARY.consumedPrior, conso);
    add("consumedLastYear", W.SUMMARY.consumedLastYear, conso);
    if (!single) add("consumedSinceStart", W.SUMMARY.consumedSinceStart, conso);
    const sc0 = place === "right" ? colNo(cols.length) + sm.between(2, 3) : logo ? 3 : c0;
    let sr = place === "below" ? end + sm.between(3, 5) : place === "above" ? (logo ? 7 : h0 - sRowsNeeded - 2) : place === "right" ? h0 : sm.between(1, 3);
    if (place === "above" && !logo) sr = Math.max(1, h0 - sRowsNeeded - 2);
    if (place.startsWith("sheet") && sm.odds(0.6)) {
      setCell(s, sr, sc0, sm.oneOf(["Synthèse financière par engagement", `Rapport financier ${YN}`, "Récapitulatif"]), { bold: true });
      sr += 2;
    }
    const scol: Record<string, number> = {};
    scols.forEach((c, i) => (scol[c.role] = sc0 + i));
    const sHead: Record<string, string> = {};
    const shRows = Array.from({ length: sH }, (_, i) => sr + i);
    if (sH === 1) scols.forEach((c) => setCell(s, sr, scol[c.role]!, c.text, { bold: true }));
    else {
      const seen = new Set<number>();
      scols.forEach((c, i) => {
        if (c.grp) {
          if (!seen.has(c.grp.id)) {
            seen.add(c.grp.id);
            const n = scols.filter((x) => x.grp === c.grp).length;
            setCell(s, sr, sc0 + i, c.grp.text, { bold: true });
            if (n > 1) s.merges.push([sr, sc0 + i, sr, sc0 + i + n - 1]);
          }
          setCell(s, sr + 1, sc0 + i, c.text, { bold: true });
        } else {
          setCell(s, sr, sc0 + i, c.text, { bold: true });
          s.merges.push([sr, sc0 + i, sr + 1, sc0 + i]);
        }
      });
    }
    scols.forEach((c) => {
      sHead[col(scol[c.role]!)] = [c.grp?.text, c.text].filter(Boolean).join(" / ");
      if (!s.widths.has(scol[c.role]!)) s.widths.set(scol[c.role]!, c.role === "fiche" || c.role === "modalite" ? 14 : 17);
    });
    sr += sH;
    const linkFx = rowFx || (formulas === "total formulas" && sm.odds(0.5));
    const sRows: number[] = [];
    const sSubs: { row: number; members: number[] }[] = [];
    const sFicheRows: Record<string, number[]> = {};
    const sTitle = sm.oneOf(W.ENGAGEMENT_TITLES);
    const sSub = sm.oneOf(W.SUBTOTAL);
    const sSubOn = sm.odds(0.8);
    const labelAt = mesureCol ? scol.mesure! : scol.fiche!;
    const sumOf = (f: Fiche, role: string): number => {
      const k = years.length - 1;
      if (role === "budget") return ficheTotal(f, lineBudget);
      if (role === "departement") return ficheTotal(f, (l) => sum(l.money.cd));
      if (role === "fir" || role === "etat" || role === "ondam") return ficheTotal(f, (l) => sum(l.money[role]));
      if (role === "consumedLastYear") return ficheTotal(f, (l) => l.realisedYear);
      if (role === "consumedSinceStart") return ficheTotal(f, (l) => l.realisedAll);
      if (role === "consumedPrior") return ficheTotal(f, (l) => l.realisedAll - l.realisedYear);
      void k;
      return 0;
    };
    const detailRole: Record<string, string> = {
      budget: "budget",
      departement: m.split === "ms+dgas" ? "" : "cdTotal",
      fir: "firTotal",
      etat: "etatTotal",
      ondam: "ondamTotal",
      consumedLastYear: "realisedLastYear",
      consumedSinceStart: "realisedSinceStart",
    };
    const moneyRoles = scols.map((c) => c.role).filter((x) => !/^(mesure|objectif|fiche|modalite)$/.test(x));
    for (const e of engs) {
      setCell(s, sr, labelAt, fill(sTitle, { N: String(e), T: W.ENGAGEMENT_THEMES[(e - 1) % 5]! }), { bold: true });
      sr++;
      const members: number[] = [];
      m.fiches.forEach((f, fi) => {
        if (f.engagement !== e) return;
        const row = sr++;
        members.push(row);
        sRows.push(row);
        sFicheRows[f.id] = [row];
        setCell(s, row, scol.fiche!, f.id);
        if (scol.objectif && f.objective) setCell(s, row, scol.objectif, `Objectif ${f.objective}`);
        if (scol.modalite) {
          const fs = fundersOf(f, m);
          setCell(s, row, scol.modalite, fs.length ? fs.map((x) => W.MODALITE[x]).join("/") : "CD");
        }
        for (const role of moneyRoles) {
          const dr = detailRole[role];
          const c = scol[role]!;
          const dc = dr ? colOf[dr] : undefined;
          const fr = rows[fi]!;
          const merged = execMode === "merged" && f.lines.length > 1 && /^realised/.test(dr ?? "");
          if (linkFx && dc && (withTotals || !/Total$/.test(dr!)))
            putFx(
              s,
              row,
              c,
              fx.plus(
                sName,
                (merged ? [fr[0]!] : fr).map((x) => ({ sheet: detailName, r: x, c: dc })),
              ),
              { fmt: moneyFmt },
            );
          else setCell(s, row, c, money(sumOf(f, role)), { fmt: moneyFmt });
        }
      });
      if (sSubOn) {
        const row = sr++;
        setCell(s, row, labelAt, fill(sSub, { N: String(e) }), { bold: true });
        sSubs.push({ row, members });
      }
    }
    const sTotal = sr++;
    setCell(s, sTotal, labelAt, sm.oneOf(W.TOTAL), { bold: true });
    recalc(book);
    const sv = (row: number, c: number) => {
      const v = s.cells.get(`${row},${c}`)?.v;
      return typeof v === "number" ? v : 0;
    };
    for (const role of moneyRoles) {
      const c = scol[role]!;
      for (const st of sSubs) {
        if (sumFx) putFx(s, st.row, c, fx.sum(sName, sName, c, st.members[0]!, st.members[st.members.length - 1]!), { fmt: moneyFmt, bold: true });
        else setCell(s, st.row, c, Math.round(st.members.reduce((t, x) => t + sv(x, c), 0) * 1e6) / 1e6, { fmt: moneyFmt, bold: true });
      }
      if (sumFx && sSubs.length)
        putFx(
          s,
          sTotal,
          c,
          fx.plus(
            sName,
            sSubs.map((x) => ({ sheet: sName, r: x.row, c })),
          ),
          { fmt: moneyFmt, bold: true },
        );
      else if (sumFx) putFx(s, sTotal, c, fx.sum(sName, sName, c, sRows[0]!, sRows[sRows.length - 1]!), { fmt: moneyFmt, bold: true });
      else setCell(s, sTotal, c, Math.round(sRows.reduce((t, x) => t + sv(x, c), 0) * 1e6) / 1e6, { fmt: moneyFmt, bold: true });
    }
    summary = { sheet: sName, col: scol, rows: sRows, subtotals: sSubs, totalRow: sTotal };
    tables.push({
      kind: "summary",
      sheet: sName,
      headerRows: shRows,
      totalRow: sTotal,
      columns: Object.fromEntries(Object.entries(scol).map(([k, c]) => [k, col(c)])),
      headers: sHead,
      ficheRows: sFicheRows,
    });
  }
  recalc(book);

  // ---- how the file is written
  const writer = fl.weigh([
    ["excel", 4],
    ["openpyxl", 3],
    ["xlsxwriter", 2],
    ["libreoffice", 2],
  ] as const);
  const anyFx = formulas !== "values";
  const file: FileStyle = {
    strings:
      writer === "openpyxl" ? "inline" : writer === "xlsxwriter" ? "shared" : writer === "libreoffice" ? "mixed" : fl.oneOf(["shared", "mixed"] as const),
    cache: writer !== "openpyxl" || !anyFx || fl.odds(0.3),
    emptyV: fl.odds(0.5),
    sharedFormulas: (writer === "excel" || writer === "libreoffice") && fl.odds(0.6),
    dropR: writer === "libreoffice" && fl.odds(0.4),
    dimension: writer !== "openpyxl" || fl.odds(0.5),
  };
  feat(
    `file as ${writer}: strings ${file.strings}${anyFx && !file.cache ? ", formulas without cached values" : ""}${anyFx && file.sharedFormulas ? ", shared formulas" : ""}${file.dropR ? ", cells without r" : ""}`,
  );
  return {
    seed,
    model: m,
    book,
    file,
    tables,
    detail: { sheet: detailName, col: colOf, rows, subtotals: subRows, totalRow, scale, percent: rateForm === "percent number", formulas: anyFx },
    summary,
    features,
    sourceName,
    sourceJoin,
  };
}
