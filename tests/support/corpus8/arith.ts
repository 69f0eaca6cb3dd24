/**
 * corpus8's own arithmetic, on the values at the truth's cells (not on the plan): every relation of annex-spec §4 that
 * the layout carries. A clean annex breaks none, so any error or warning the product gives on it is false; a faulty
 * copy breaks the relation its fault names, at its cell.
 */
import { type Book, type Sheet, a1, cellAt } from "./book";
import type { Annex8 } from "./compose";
import { SOURCE_NAMES } from "./lexicon";
import { objectiveType } from "./plan";

export interface Broken {
  rule: string;
  sheet: string;
  cell: string;
  what: string;
}

const FUNDERS = ["fir", "etat", "ondam"] as const;
const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase();
/** The funders a source or modalité cell names, in corpus8's own words. */
export function fundersNamed(text: string, modalite = false): Set<string> {
  const t = norm(text);
  const out = new Set<string>();
  if (modalite) {
    if (/\bFIR\b/.test(t)) out.add("fir");
    if (/\bPLF\b/.test(t)) out.add("etat");
    if (/\bAM\b/.test(t)) out.add("ondam");
    return out;
  }
  for (const f of FUNDERS) for (const n of SOURCE_NAMES[f]!) if (new RegExp(`(^|[^A-Z])${norm(n).replace(/[()]/g, "\\$&")}($|[^A-Z])`).test(t)) out.add(f);
  return out;
}

/** Characters a number takes once formatted (digits, group separators, decimals, unit), as a column width compares. */
export function displayWidth(x: number, fmt: string | undefined): number {
  const decimals = /0\.(0+)/.exec(fmt ?? "")?.[1]?.length ?? 0;
  const int = Math.floor(Math.abs(x)).toString().length;
  return (
    int +
    Math.floor((int - 1) / 3) +
    (decimals ? decimals + 1 : 0) +
    (/€/.test(fmt ?? "") ? 2 : 0) +
    (/_-/.test(fmt ?? "") ? 2 : 0) +
    (x < 0 ? 1 : 0) +
    (/%/.test(fmt ?? "") ? 1 : 0)
  );
}

export function checkArithmetic(book: Book, a: Annex8): Broken[] {
  const out: Broken[] = [];
  const d = a.detail;
  const s = book.sheets.find((x) => x.name === d.sheet)!;
  const years = a.plan.years;
  const yn = years[years.length - 1]!;
  const tol = 1.01 / d.scale;
  const add = (rule: string, sh: Sheet, r: number, c: number, what: string) => out.push({ rule, sheet: sh.name, cell: a1(r, c), what });
  const n = (sh: Sheet, r: number, c: number | undefined): number => {
    if (!c) return 0;
    const x = cellAt(sh, r, c)?.v;
    return typeof x === "number" ? x : 0;
  };
  const differ = (x: number, y: number, t = tol) => Math.abs(x - y) > t;

  // every amount cell of both tables: a number or blank, never text, an error or negative
  const amountCols = Object.entries(d.col)
    .filter(([k]) => /^(budget|realised\w*|gap|(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total))$/.test(k))
    .map(([, c]) => c);
  const bodyRows = [...d.rows.flat(), ...d.subtotals.map((x) => x.row), d.totalRow];
  const scan = (sh: Sheet, rows: number[], cols: number[], gapCol?: number) => {
    for (const r of rows)
      for (const c of cols) {
        const cell = cellAt(sh, r, c);
        if (!cell) continue;
        if (cell.error) add("cell-error", sh, r, c, cell.error);
        else if (typeof cell.v === "string" && cell.v.trim() !== "") add("number-as-text", sh, r, c, `« ${cell.v} »`);
        else if (typeof cell.v === "number" && cell.v < -1e-9 && c !== gapCol) add("negative-amount", sh, r, c, String(cell.v));
        if (typeof cell.v === "number" && sh.widths.get(c) !== undefined && displayWidth(cell.v, cell.fmt) > sh.widths.get(c)!)
          add("display-overflow", sh, r, c, `${displayWidth(cell.v, cell.fmt)} characters in ${sh.widths.get(c)}`);
      }
  };
  scan(s, bodyRows, amountCols, d.col.gap);

  // per row: block totals, CD split, budget
  for (const r of d.rows.flat()) {
    for (const b of ["ms", "dgas", "cd", ...FUNDERS]) {
      const tc = d.col[`${b}Total`];
      if (
        tc &&
        differ(
          n(s, r, tc),
          years.reduce((t, y) => t + n(s, r, d.col[`${b}${y}`]), 0),
        )
      )
        add("year-sum", s, r, tc, `${b} total ≠ Σ years`);
    }
    for (const y of years) {
      const c = d.col[`cd${y}`];
      if (c && d.col[`ms${y}`] && differ(n(s, r, c), n(s, r, d.col[`ms${y}`]) + n(s, r, d.col[`dgas${y}`]))) add("cd-split", s, r, c, `CD ${y} ≠ MS + DGAS`);
    }
    if (d.col.msTotal && d.col.cdTotal && differ(n(s, r, d.col.cdTotal), n(s, r, d.col.msTotal) + n(s, r, d.col.dgasTotal)))
      add("cd-split", s, r, d.col.cdTotal, "Total CD ≠ MS + DGAS");
    if (differ(n(s, r, d.col.budget), blockSum(s, r, "all")))
      add("budget-sum", s, r, d.col.budget!, `budget ${n(s, r, d.col.budget)} ≠ CD + co-financers ${blockSum(s, r, "all")}`);
  }
  function blockSum(sh: Sheet, r: number, y: number | "all"): number {
    const part = (b: string) =>
      y === "all"
        ? d.col[`${b}Total`]
          ? n(sh, r, d.col[`${b}Total`])
          : years.reduce((t, yy) => t + n(sh, r, d.col[`${b}${yy}`]), 0)
        : n(sh, r, d.col[`${b}${y}`]);
    const cd = d.col.cdTotal || d.col[`cd${yn}`] ? part("cd") : part("ms") + part("dgas");
    return cd + FUNDERS.reduce((t, f) => t + part(f), 0);
  }

  // per fiche: realisations, rates, gap, source, type
  const cumCol = d.col.realisedSinceStart ?? d.col.realisedLastYear!;
  const rateTol = d.ratePercent ? 0.05 : 0.0005;
  const k = d.ratePercent ? 100 : 1;
  const check = (rows: number[], top: number) => {
    const plannedYn = rows.reduce((t, r) => t + blockSum(s, r, yn), 0);
    const budget = rows.reduce((t, r) => t + n(s, r, d.col.budget), 0);
    const last = n(s, top, d.col.realisedLastYear);
    const cum = n(s, top, cumCol);
    const rate = (c: number | undefined, num: number, den: number, what: string) => {
      if (!c) return;
      const x = cellAt(s, top, c)?.v;
      if (den === 0) {
        if (typeof x === "number" && x !== 0) add("rate-mismatch", s, top, c, `${what}: ${x} where nothing is planned`);
      } else if (typeof x !== "number" || differ(x, (num / den) * k, rateTol)) add("rate-mismatch", s, top, c, `${what} ${String(x)} ≠ ${(num / den) * k}`);
    };
    rate(d.col.rateLastYear, last, plannedYn, "yearly rate");
    rate(d.col.rateGlobal, cum, budget, "global rate");
    if (d.col.gap && differ(n(s, top, d.col.gap), budget - cum)) add("rate-mismatch", s, top, d.col.gap, `gap ${n(s, top, d.col.gap)} ≠ ${budget - cum}`);
    return { plannedYn, budget, last, cum };
  };
  a.plan.fiches.forEach((f, i) => {
    const rows = d.rows[i]!;
    const top = rows[0]!;
    const { plannedYn, budget, last, cum } = check(rows, top);
    if (cum < last - tol) add("cumulative-below-year", s, top, cumCol, `since start ${cum} < last year ${last}`);
    if (cum > budget + tol) add("over-execution", s, top, cumCol, `since start ${cum} > budget ${budget}`);
    if (plannedYn === 0 && last > 0) add("realised-without-budget", s, top, d.col.realisedLastYear!, `${last} spent, nothing planned in ${yn}`);
    if (d.col.source) {
      const named = new Set<string>();
      for (const r of rows) {
        const x = cellAt(s, r, d.col.source)?.v;
        if (typeof x === "string") for (const fn of fundersNamed(x)) named.add(fn);
      }
      const withMoney = FUNDERS.filter((fn) =>
        rows.some((r) => (d.col[`${fn}Total`] ? n(s, r, d.col[`${fn}Total`]) : years.reduce((t, y) => t + n(s, r, d.col[`${fn}${y}`]), 0)) !== 0),
      );
      if (withMoney.length !== named.size || withMoney.some((fn) => !named.has(fn)))
        add("source-funder", s, top, d.col.source, `names ${[...named].join("/")}, money ${withMoney.join("/")}`);
    }
    if (d.col.objectiveType && d.typeForm === "word") {
      const x = String(cellAt(s, top, d.col.objectiveType)?.v ?? "");
      if (norm(x) !== norm(objectiveType(f.objective))) add("objective-type", s, top, d.col.objectiveType, `${x} for objective ${f.objective}`);
    }
  });
  // sub-totals and TOTAL: values and the formulas' reach
  const totals = (sh: Sheet, cols: number[], groups: { row: number; members: number[] }[]) => {
    for (const { row, members } of groups)
      for (const c of cols) {
        const want = members.reduce((t, m) => t + n(sh, m, c), 0);
        if (differ(n(sh, row, c), want)) add("total-row", sh, row, c, `total ${n(sh, row, c)} ≠ Σ rows ${want}`);
        const fx = cellAt(sh, row, c)?.fx;
        if (!fx) continue;
        const reach = new Set<number>();
        const walk = (f: typeof fx): void => {
          if (f.t === "cell") reach.add(f.at.r);
          else if (f.t === "range") for (let r = f.from.r; r <= f.to.r; r++) reach.add(r);
          else if (f.t === "sum" || f.t === "add") f.args.forEach(walk);
        };
        walk(fx);
        const left = members.filter((m) => !reach.has(m));
        if (left.length) add("total-formula", sh, row, c, `formula leaves out rows ${left.join(", ")}`);
      }
  };
  const summed = amountCols.filter((c) => c !== d.col.gap && c !== d.col.rateGlobal && c !== d.col.rateLastYear);
  const allRows = d.rows.flat();
  totals(s, summed, [...d.subtotals, { row: d.totalRow, members: d.subtotals.length ? d.subtotals.map((x) => x.row) : allRows }]);
  for (const x of [...d.subtotals.map((x) => x.row), d.totalRow]) check([x], x);
  // fiche numbers
  const seen = new Map<string, number>();
  for (const rows of d.rows) {
    const x = String(cellAt(s, rows[0]!, d.col.fiche!)?.v ?? "");
    if (seen.has(x)) add("fiche-numbering", s, rows[0]!, d.col.fiche!, `« ${x} » twice`);
    seen.set(x, rows[0]!);
  }

  // the summary
  const m = a.summary;
  if (!m) return out;
  const ss = book.sheets.find((x) => x.name === m.sheet)!;
  const money = ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"].filter((x) => m.col[x]);
  scan(
    ss,
    [...m.rows, ...m.subtotals.map((x) => x.row), m.totalRow],
    money.map((x) => m.col[x]!),
  );
  const sumSeen = new Set<string>();
  a.plan.fiches.forEach((f, i) => {
    const r = m.rows[i]!;
    const rows = d.rows[i]!;
    const c = (role: string) => m.col[role];
    const detailSum = (role: string) => rows.reduce((t, x) => t + n(s, x, d.col[role]), 0);
    const funderTotal = (fn: string) =>
      rows.reduce((t, x) => t + (d.col[`${fn}Total`] ? n(s, x, d.col[`${fn}Total`]) : years.reduce((u, y) => u + n(s, x, d.col[`${fn}${y}`]), 0)), 0);
    const cdOf = () =>
      rows.reduce(
        (t, x) =>
          t +
          (d.col.cdTotal
            ? n(s, x, d.col.cdTotal)
            : years.reduce((u, y) => u + (d.col[`cd${y}`] ? n(s, x, d.col[`cd${y}`]) : n(s, x, d.col[`ms${y}`]) + n(s, x, d.col[`dgas${y}`])), 0)),
        0,
      );
    const pairs: [string, number][] = [
      ["budget", detailSum("budget")],
      ["departement", cdOf()],
      ["fir", funderTotal("fir")],
      ["etat", funderTotal("etat")],
      ["ondam", funderTotal("ondam")],
      ["consumedLastYear", n(s, rows[0]!, d.col.realisedLastYear)],
      ["consumedSinceStart", n(s, rows[0]!, cumCol)],
    ];
    for (const [role, want] of pairs)
      if (c(role) && differ(n(ss, r, c(role)), want)) add("cross-table", ss, r, c(role)!, `${role} ${n(ss, r, c(role))} ≠ detail ${want}`);
    if (
      differ(
        n(ss, r, c("budget")),
        ["departement", ...FUNDERS].reduce((t, x) => t + n(ss, r, c(x)), 0),
      )
    )
      add("budget-sum", ss, r, c("budget")!, "budget ≠ Département + co-financers");
    if (c("consumedPrior") && differ(n(ss, r, c("consumedPrior")) + n(ss, r, c("consumedLastYear")), n(ss, r, c("consumedSinceStart"))))
      add("consumed-sum", ss, r, c("consumedSinceStart")!, "prior + year ≠ since start");
    if (c("modalite")) {
      const named = fundersNamed(String(cellAt(ss, r, c("modalite")!)?.v ?? ""), true);
      const withMoney = FUNDERS.filter((fn) => funderTotal(fn) !== 0);
      if (withMoney.length !== named.size || withMoney.some((fn) => !named.has(fn)))
        add("modalite", ss, r, c("modalite")!, `names ${[...named].join("/")}, money ${withMoney.join("/")}`);
    }
    const key = String(cellAt(ss, r, c("fiche")!)?.v ?? "");
    if (sumSeen.has(key)) add("fiche-numbering", ss, r, c("fiche")!, `« ${key} » twice`);
    sumSeen.add(key);
  });
  totals(
    ss,
    money.map((x) => m.col[x]!),
    [...m.subtotals, { row: m.totalRow, members: m.subtotals.map((x) => x.row) }],
  );
  return out;
}
