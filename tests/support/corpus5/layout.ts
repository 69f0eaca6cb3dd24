import { addr, colLetter, type Cell, type Grid, merge, newSheet, setCell, type Sheet } from "./grid";
import { type AnnexModel, type Block, type FicheModel, FUNDERS, budgetOf, plannedIn, rowAmount } from "./model";
import { Rng } from "./rng";
import { stripAccents, W } from "./words";

/** Where the truth sits: every role's column, every fiche's rows, the totals. */
export interface TableTruth {
  kind: "detail" | "summary";
  sheet: string;
  columns: Record<string, string>;
  headerRows: number[];
  /** header text of each column letter (all header rows joined), for the verbose report */
  headers: Record<string, string>;
  ficheRows: Record<string, number[]>;
  subtotalRows: { row: number; rows: number[] }[];
  totalRow: number;
  bodyRows: number[];
}
export interface Layout {
  tables: TableTruth[];
  features: string[];
  /** 1 when rates are fractions (0.85), 100 when typed as percents (85) */
  rateScale: number;
}

interface Col {
  role?: string;
  path: (string | null)[];
  kind: "text" | "amount" | "rate" | "extra";
  /** an extra column's name (its values depend on it) */
  extra?: string;
  block?: Block | "cd";
  year?: number;
  total?: boolean;
  width: number;
  hidden?: boolean;
  outline?: boolean;
}

const fill = (t: string, m: AnnexModel, b = "") => {
  const y0 = m.years[0]!;
  const yn = m.years[m.years.length - 1]!;
  return t
    .replace(/\{Y0\}/g, String(y0))
    .replace(/\{YN\}/g, String(yn))
    .replace(/\{YP\}/g, String(yn - 1))
    .replace(/\{yy\}/g, String(yn % 100).padStart(2, "0"))
    .replace(/\{B\}/g, b)
    .replace(/(\d{4})-\1/g, "$1")
    .replace(/^Total Total\b/i, "Total");
};

interface Style {
  spaces: boolean;
  rich: boolean;
  numericYears: boolean;
  upper: boolean;
  noAccents: boolean;
  breaks: boolean;
  unit: string;
}
function styled(s: string, st: Style, rng: Rng, amount = false): string {
  let t = s;
  if (amount && st.unit && rng.chance(0.5)) t += st.unit;
  if (st.noAccents) t = stripAccents(t);
  if (st.upper) t = t.toUpperCase();
  if (st.spaces && rng.chance(0.4)) t = rng.chance(0.5) ? t.replace(" ", "\u00a0") + " " : t.replace(" ", "  ");
  if (st.breaks && t.length > 14 && rng.chance(0.6)) {
    const i = t.indexOf(" ", Math.floor(t.length / 2) - 3);
    if (i > 0) t = t.slice(0, i) + "\n" + t.slice(i + 1);
  }
  return t;
}

const EURO = ['#,##0 "€"', "#,##0 €", '#,##0.00 "€"', '_-* #,##0 €_-;-* #,##0 €_-;_-* "-" €_-;_-@_-', "#,##0"];

export function layoutAnnex(m: AnnexModel, g: Grid, rng: Rng): Layout {
  const features: string[] = [];
  const feat = (f: string) => features.push(f);
  const yn = m.years.length - 1;
  const st: Style = {
    spaces: rng.chance(0.2),
    rich: rng.chance(0.15),
    numericYears: rng.chance(0.5),
    upper: rng.chance(0.2),
    noAccents: rng.chance(0.15),
    breaks: rng.chance(0.3),
    unit: rng.chance(0.3) ? rng.pick(W.units) : "",
  };
  if (st.upper) feat("headers upper case");
  if (st.spaces) feat("non-breaking, double or trailing spaces in headers");
  if (st.rich) feat("rich-text headers");
  if (st.noAccents) feat("accents missing");
  if (st.breaks) feat("line breaks");
  if (st.unit) feat("units in headers");
  const depth = rng.pick([1, 1, 2, 2, 2, 3, 3, 4]);
  feat(`header on ${depth} row(s)`);
  const cdMode = rng.pick(["full", "full", "split", "cd"] as const);
  feat(`CD as ${cdMode}`);
  const cofinStyle = rng.pick(["yearly", "yearly", "yearly", "single", "mixed"] as const);
  const singleOf = new Map(m.funders.map((f) => [f, cofinStyle === "single" || (cofinStyle === "mixed" && rng.chance(0.5))]));
  const singleCofin = [...singleOf.values()].some(Boolean);
  if (cofinStyle === "single") feat("co-financers as one amount");
  if (cofinStyle === "mixed" && singleCofin) feat("co-financers mixed: some yearly, some as one amount");
  const totalFirst = rng.chance(0.2);
  if (totalFirst) feat("block totals first");
  const budgetAfter = rng.chance(0.3);
  if (budgetAfter) feat("budget after the blocks");
  const rateScale = rng.chance(0.15) ? 100 : 1;
  if (rateScale === 100) feat("rates as 85");
  const formulas = rng.pick(["all", "all", "totals", "none"] as const);
  feat(`row formulas: ${formulas}`);
  const blankZero = rng.chance(0.4);
  const fmt = rng.pick(EURO);
  const hasRateLast = !singleCofin && rng.chance(0.8);
  const hasRateGlobal = rng.chance(0.85);
  const hasGap = rng.chance(0.8);
  const groupedExec = depth >= 2 && rng.chance(0.35);
  if (groupedExec) feat("identical sub-headers (Montant/Taux)");
  const yearWord = rng.pick(W.year);
  const totalWord = rng.pick(W.blockTotal);

  // ---- detail columns ----
  const cols: Col[] = [];
  const single = (role: string | undefined, words: string[], kind: Col["kind"] = "text", width = 14): Col => ({
    role,
    path: [styled(fill(rng.pick(words), m), st, rng, kind === "amount")],
    kind,
    width,
  });
  const textCols: Col[] = [single("fiche", W.fiche, "text", 10), single("label", W.label, "text", 30)];
  if (rng.chance(0.25)) {
    textCols.reverse();
    feat("label before number");
  }
  if (rng.chance(0.6)) textCols.push(single("theme", W.theme));
  const hasObjective = rng.chance(0.8);
  if (hasObjective) textCols.push(single("objective", W.objective, "text", 30));
  if (hasObjective && rng.chance(0.8)) textCols.push(single("objectiveType", W.objectiveType));
  if (rng.chance(0.5)) textCols.push(single("indicator", W.indicator, "text", 20));
  const extras = rng.shuffle(W.extras).slice(0, rng.int(0, 3));
  for (const e of extras) {
    const c: Col = { path: [styled(e, st, rng)], kind: "extra", extra: e, width: 14 };
    if (rng.chance(0.3)) {
      c.hidden = true;
      feat("hidden extra column");
    }
    textCols.splice(rng.int(1, textCols.length), 0, c);
    feat(`extra column ${e}`);
  }
  cols.push(...textCols);

  const blockName: Record<string, string> = {};
  const blockCols = (b: Block | "cd", yearly: boolean): Col[] => {
    const name = styled(rng.pick(W[b]), st, rng);
    blockName[b] = name;
    const out: Col[] = [];
    if (yearly)
      m.years.forEach((y, i) =>
        out.push({ role: `${b}${y}`, path: [name, styled(yearWord.replace("{Y}", String(y)), st, rng)], kind: "amount", block: b, year: i, width: 14 }),
      );
    const tot: Col = {
      role: `${b}Total`,
      path: [name, styled(fill(totalWord, m, name.replace(/\n/g, " ")), st, rng)],
      kind: "amount",
      block: b,
      total: true,
      width: 16,
    };
    if (!yearly) tot.path = [name];
    if (totalFirst) out.unshift(tot);
    else out.push(tot);
    return out;
  };
  const budgetCol: Col = { role: "budget", path: [styled(fill(rng.pick(W.budget), m), st, rng, true)], kind: "amount", width: 18 };
  const cdCols: Col[] = [];
  if (cdMode !== "cd") cdCols.push(...blockCols("ms", true), ...blockCols("dgas", true));
  if (cdMode !== "split") cdCols.push(...blockCols("cd", true));
  const outline = rng.chance(0.25) && cdMode === "full";
  if (outline) {
    for (const c of cdCols) if (c.block !== "cd") c.outline = true;
    feat("grouped (outlined) columns");
  }
  const cofinCols: Col[] = [];
  for (const f of rng.shuffle(m.funders)) cofinCols.push(...blockCols(f, !singleOf.get(f)));
  const sourceCol = single("source", W.source, "text", 16);
  const sourceFirst = rng.chance(0.6);
  const money: Col[] = [];
  if (!budgetAfter) money.push(budgetCol);
  money.push(...cdCols);
  if (sourceFirst) money.push(sourceCol);
  money.push(...cofinCols);
  if (!sourceFirst) money.push(sourceCol);
  if (budgetAfter) money.push(budgetCol);
  // Super groups for deep headers.
  if (depth >= 3) {
    const planned = styled(rng.pick(W.plannedGroup), st, rng);
    const cdG = styled(rng.pick(W.cdGroup), st, rng);
    const coG = styled(rng.pick(W.cofinGroup), st, rng);
    for (const c of cdCols) c.path = depth === 4 ? [planned, cdG, ...c.path] : [cdG, ...c.path];
    for (const c of cofinCols) c.path = depth === 4 ? [planned, coG, ...c.path] : [coG, ...c.path];
  }
  cols.push(...money);
  const done: Col[] = [];
  const doneG = depth >= 3 ? styled(rng.pick(W.doneGroup), st, rng) : null;
  const rl: Col = { role: "realisedLastYear", path: [styled(fill(rng.pick(W.realisedLast), m), st, rng, true)], kind: "amount", width: 16 };
  const rs: Col = { role: "realisedSinceStart", path: [styled(fill(rng.pick(W.since), m), st, rng, true)], kind: "amount", width: 16 };
  const pct = rateScale === 100 ? " (%)" : "";
  const rL: Col = { role: "rateLastYear", path: [styled(fill(rng.pick(W.rateLast), m) + pct, st, rng)], kind: "rate", width: 12 };
  const rG: Col = { role: "rateGlobal", path: [styled(fill(rng.pick(W.rateGlobal), m) + pct, st, rng)], kind: "rate", width: 12 };
  if (groupedExec) {
    const g1 = styled(fill(rng.pick(["Exécution {YN}", "Réalisé {YN}", "Consommation {YN}"]), m), st, rng);
    const g2 = styled(fill(rng.pick(["Exécution cumulée {Y0}-{YN}", "Réalisé depuis {Y0}", "Consommation cumulée"]), m), st, rng);
    const amt = rng.pick(["Montant", "Montant (€)", "En euros"]);
    const rate = rng.pick(["Taux", "%", "Taux (%)"]);
    rl.path = [g1, amt];
    rL.path = [g1, rate];
    rs.path = [g2, amt];
    rG.path = [g2, rate];
  }
  done.push(rl);
  if (hasRateLast) done.push(rL);
  done.push(rs);
  if (hasRateGlobal) done.push(rG);
  if (hasGap) done.push({ role: "gap", path: [styled(fill(rng.pick(W.gap), m), st, rng, true)], kind: "amount", width: 16 });
  if (doneG && depth === 4) for (const c of done) c.path = [doneG, ...c.path];
  cols.push(...done);
  if (rng.chance(0.4)) {
    const e = rng.pick(["Commentaires", "Observations", "Commentaire du service"]);
    cols.push({ path: [styled(e, st, rng)], kind: "extra", extra: e, width: 24 });
    feat("comment column last");
  }
  if (!hasRateLast) feat("no yearly rate");
  if (!hasGap) feat("no gap column");

  // ---- placement ----
  const detailName = rng.pick(["Suivi fiches actions", "Annexe financière", "Détail", "Fiches actions", "Tableau de suivi", "CDPPE 2023"]);
  const summaryName = rng.pick(["Synthèse financière", "Synthèse", "Rapport financier", "Récapitulatif", "Tableau 1"]);
  const placement = rng.pick(["sheets", "sheets", "sheets-rev", "above", "below", "right", "none"] as const);
  feat(`placement ${placement}`);
  const dSheet = newSheet(detailName);
  const sSheet = placement.startsWith("sheets") ? newSheet(summaryName) : dSheet;
  const extraBefore = rng.chance(0.2);
  if (extraBefore) {
    const p = newSheet(rng.pick(["TCD", "Totaux par financeur", "Récap financeurs"]));
    writePivot(p, m);
    g.sheets.push(p);
    feat("pivot per funder before the annex");
  }
  if (placement === "sheets-rev") g.sheets.push(sSheet, dSheet);
  else if (placement === "sheets") g.sheets.push(dSheet, sSheet);
  else g.sheets.push(dSheet);
  if (rng.chance(0.25)) {
    const n = newSheet(rng.pick(["Notes", "Mode d'emploi", "Paramètres"]));
    setCell(n, 1, 1, { v: "Notes de lecture" });
    setCell(n, 3, 1, { v: `Montants en euros. Années ${m.years[0]} à ${m.years[yn]}.` });
    setCell(n, 4, 1, { v: "Les taux sont calculés par rapport aux moyens prévisionnels." });
    if (rng.chance(0.4)) n.state = "hidden";
    g.sheets.push(n);
    feat("notes sheet");
  }

  const left = rng.chance(0.3) ? rng.int(2, 4) : 1;
  if (left > 1) feat("table offset right");
  let top = 1;
  const titles = rng.int(0, 4);
  const sumWidth = 13;
  let summaryTop = 0;
  let summaryLeft = left;
  if (placement === "above") {
    summaryTop = 1 + titles;
    top = summaryTop + 2 + m.fiches.length + m.engagements.length * 2 + 6;
  } else top = 1 + titles;
  // titles
  for (let i = 0; i < titles; i++) {
    const t = [
      `Contrat départemental de prévention et de protection de l'enfance ${m.years[0]}-${m.years[yn]}`,
      `Annexe financière — suivi au 31/12/${m.years[yn]}`,
      "Département (montants en euros)",
      "Document de travail",
    ][i]!;
    setCell(dSheet, i + 1, left, { v: t, bold: true });
    if (rng.chance(0.5)) merge(dSheet, i + 1, left, i + 1, left + 6);
  }
  if (titles) feat("title rows");

  const detail = writeDetail(dSheet, m, cols, { top, left, depth, rng, fmt, blankZero, formulas, rateScale, feat, st });
  features.push(...detail.features);
  const tables: TableTruth[] = [detail.truth];
  if (placement !== "none") {
    let sTop: number;
    if (placement === "above") sTop = summaryTop;
    else if (placement === "below") sTop = detail.bottom + rng.int(2, 5);
    else if (placement === "right") {
      sTop = top;
      summaryLeft = left + cols.length + rng.int(1, 3);
    } else sTop = rng.int(1, 4);
    if (placement.startsWith("sheets") && sTop > 1) setCell(sSheet, 1, 1, { v: `Rapport financier de la contractualisation ${m.years[yn]}`, bold: true });
    const sum = writeSummary(sSheet, m, { top: sTop, left: summaryLeft, rng, fmt, st, detail: detail.truth, detailSheet: dSheet.name });
    features.push(...sum.features);
    tables.push(sum.truth);
    void sumWidth;
  }
  // Hidden rows / frozen panes / autofilter
  if (rng.chance(0.3)) {
    const d = detail.truth;
    const q = `'${d.sheet.replace(/'/g, "''")}'`;
    g.names = [
      { name: "Total_general", ref: `${q}!$${d.columns.budget}$${d.totalRow}` },
      { name: "Annexe_detail", ref: `${q}!$${colLetter(left)}$${d.headerRows[0]}:$${colLetter(left + cols.length - 1)}$${d.totalRow}` },
    ];
    feat("defined names");
  }
  if (rng.chance(0.3)) {
    dSheet.frozen = { row: detail.truth.headerRows[detail.truth.headerRows.length - 1]!, col: left + 1 };
    feat("frozen panes");
  }
  return { tables, features, rateScale };
}

function writePivot(s: Sheet, m: AnnexModel): void {
  setCell(s, 1, 1, { v: "Étiquettes de lignes", bold: true });
  setCell(s, 1, 2, { v: "Somme de Montant", bold: true });
  let r = 2;
  const sums: [string, number][] = [
    ["Département", m.fiches.reduce((a, f) => a + f.amounts.ms.concat(f.amounts.dgas).reduce((x, y) => x + y, 0), 0)],
    ...FUNDERS.map((f) => [f.toUpperCase(), m.fiches.reduce((a, x) => a + x.amounts[f].reduce((p, q) => p + q, 0), 0)] as [string, number]),
  ];
  for (const [k, v] of sums) {
    setCell(s, r, 1, { v: k });
    setCell(s, r++, 2, { v: v / 100, fmt: "#,##0 €" });
  }
  setCell(s, r, 1, { v: "Total général", bold: true });
  setCell(s, r, 2, { v: sums.reduce((a, x) => a + x[1], 0) / 100, fmt: "#,##0 €" });
  s.widths.set(1, 22);
  s.widths.set(2, 16);
}

interface DetailOpts {
  top: number;
  left: number;
  depth: number;
  rng: Rng;
  fmt: string;
  blankZero: boolean;
  formulas: "all" | "totals" | "none";
  rateScale: number;
  feat: (f: string) => void;
  st: Style;
}

/** Cents → euros as stored in the cell. */
const eur = (c: number) => Math.round(c) / 100;

function writeDetail(s: Sheet, m: AnnexModel, cols: Col[], o: DetailOpts): { truth: TableTruth; bottom: number; features: string[] } {
  const { rng, left, depth } = o;
  const features: string[] = [];
  const colOf = new Map<string, number>();
  cols.forEach((c, i) => {
    const n = left + i;
    if (c.role) colOf.set(c.role, n);
    s.widths.set(n, c.width);
    if (c.hidden) s.hiddenCols.add(n);
    if (c.outline) s.outlineCols.set(n, 1);
  });
  // Header rendering: paths aligned to the bottom; group labels merged, on the first column only, or repeated.
  const groupStyle = rng.pick(["merge", "merge", "first", "repeat"] as const);
  const singleStyle = rng.pick(["down", "down", "top", "bottom"] as const);
  if (depth > 1) features.push(`group headers ${groupStyle}`, `single headers ${singleStyle}`);
  const headerRows = Array.from({ length: depth }, (_, i) => o.top + i);
  const headers: Record<string, string> = {};
  const grid: (string | null)[][] = cols.map((c) => {
    let p = c.path;
    if (depth === 1) p = [p.filter(Boolean).join(p.length > 1 && rng.chance(0.5) ? "\n" : " ")];
    while (p.length > depth) p = [p.slice(0, 2).join(" "), ...p.slice(2)];
    const pad: (string | null)[] = Array(depth - p.length).fill(null);
    return p.length < depth && p.length === 1 && singleStyle !== "bottom" ? [...p, ...pad] : [...pad, ...p];
  });
  cols.forEach((c, i) => {
    const n = left + i;
    headers[colLetter(n)] = grid[i]!.filter(Boolean).join(" | ");
    const p = grid[i]!;
    const firstLabel = p.findIndex((x) => x !== null);
    for (let l = 0; l < depth; l++) {
      const v = p[l];
      if (v === null || v === undefined) continue;
      const leaf = l === depth - 1 || p.slice(l + 1).every((x) => x === null);
      if (leaf) {
        const year = o.st.numericYears && /^\d{4}$/.test(v);
        if (year) features.push("years as numbers in headers");
        setCell(s, o.top + l, n, { v: year ? Number(v) : v, bold: true, wrap: true, rich: o.st.rich && !year && rng.chance(0.5) });
        if (l === firstLabel && l < depth - 1 && singleStyle === "down") merge(s, o.top + l, n, o.top + depth - 1, n);
        continue;
      }
      // group label: the run of columns sharing it (same label, same level, same parent run)
      const prev = i > 0 ? grid[i - 1]! : null;
      const same = (q: (string | null)[] | null) => !!q && q.slice(0, l + 1).every((x, k) => x === p[k]) && !q.slice(l + 1).every((x) => x === null);
      const starts = !same(prev);
      let end = i;
      while (end + 1 < cols.length && same(grid[end + 1]!)) end++;
      if (starts || groupStyle === "repeat") setCell(s, o.top + l, n, { v, bold: true, wrap: true });
      if (starts && groupStyle === "merge") merge(s, o.top + l, n, o.top + l, left + end);
    }
  });
  let r = o.top + depth;
  const body0 = r;
  const truth: TableTruth = {
    kind: "detail",
    sheet: s.name,
    columns: Object.fromEntries([...colOf].map(([k, v]) => [k, colLetter(v)])),
    headerRows,
    headers,
    ficheRows: {},
    subtotalRows: [],
    totalRow: 0,
    bodyRows: [],
  };
  const engTitles = m.engagements.length > 1 && rng.chance(0.6);
  const subtotals = m.engagements.length > 1 && rng.chance(0.45);
  const blankRows = rng.chance(0.3);
  void rng.chance(0.5); // (was: merge the fiche number apart; kept so that the seeds keep their draws)
  const textCol = colOf.get("label") ?? left;
  if (engTitles) features.push("engagement title rows");
  if (subtotals) features.push("sub-totals in the detail");
  if (blankRows) features.push("blank rows in the detail");
  const amountCols = cols.map((c, i) => ({ c, n: left + i })).filter((x) => x.c.kind === "amount");
  const rateCols = cols.map((c, i) => ({ c, n: left + i })).filter((x) => x.c.kind === "rate");
  const extraCols = cols.map((c, i) => ({ c, n: left + i })).filter((x) => x.c.kind === "extra");
  const A = (role: string, row: number) => addr(row, colOf.get(role)!);
  const has = (role: string) => colOf.has(role);
  const num = (v: number): Cell => (v === 0 && o.blankZero ? { v: null, fmt: o.fmt } : { v: eur(v), fmt: o.fmt });
  const rowFormula = o.formulas === "all";
  const totalsFormula = o.formulas !== "none";
  const rateFmt = o.rateScale === 100 ? "0.0" : rng.pick(["0%", "0.00%", "0.0%"]);
  const rateDigits = o.rateScale === 100 ? 1 : rateFmt === "0%" ? 2 : rateFmt === "0.0%" ? 3 : 4;
  const rateCell = (numer: string, denom: string, value: number | null): Cell =>
    rowFormula || rng.chance(0.3)
      ? {
          v: value === null ? "" : value * o.rateScale,
          f: rng.chance(0.5)
            ? `IF(${denom}=0,"",${numer}/${denom}${o.rateScale === 100 ? "*100" : ""})`
            : `IFERROR(${numer}/${denom}${o.rateScale === 100 ? "*100" : ""},"")`,
          fmt: rateFmt,
        }
      : { v: value === null ? null : Math.round(value * o.rateScale * 10 ** rateDigits) / 10 ** rateDigits, fmt: rateFmt };
  const sumOver = (rows: number[], n: number) => {
    const runs: string[] = [];
    let a = rows[0]!;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] !== rows[i - 1]! + 1) {
        runs.push(a === rows[i - 1] ? addr(a, n) : `${addr(a, n)}:${addr(rows[i - 1]!, n)}`);
        if (i < rows.length) a = rows[i]!;
      }
    }
    return `SUM(${runs.join(",")})`;
  };
  const fichesRows: number[] = [];
  const subRows: number[] = [];
  const objFmt = rng.int(0, 3);
  const typeCase = rng.int(0, 2);
  const multiMerged = rng.chance(0.6);
  const subGap = rng.chance(0.7);
  for (const eng of m.engagements) {
    if (engTitles) {
      const t =
        eng === 5
          ? rng.pick(["Conditions pour y parvenir", "CONDITIONS POUR Y PARVENIR", "Conditions pour y parvenir (gouvernance, formation)"])
          : `${rng.pick(["Engagement", "ENGAGEMENT", "Axe"])} ${eng} : ${W.engagement[eng - 1]}`;
      setCell(s, r, left, { v: t, bold: true });
      if (rng.chance(0.5)) merge(s, r, left, r, left + 3);
      r++;
    }
    const engRows: number[] = [];
    for (const f of m.fiches.filter((x) => x.engagement === eng)) {
      const rows = f.rows.map((_, i) => r + i);
      truth.ficheRows[f.id] = rows;
      f.rows.forEach((blocks, i) => {
        const row = r + i;
        engRows.push(row);
        fichesRows.push(row);
        const first = i === 0;
        if (first) {
          writeFicheText(s, f, row, colOf, { objFmt, typeCase, rng });
          for (const { c, n } of extraCols) {
            const v = extraValue(c.extra!, m, rng);
            if (v) setCell(s, row, n, v);
          }
        }
        for (const { c, n } of amountCols) {
          if (c.role === "budget" || c.role === "realisedLastYear" || c.role === "realisedSinceStart" || c.role === "gap") continue;
          const b = c.block!;
          const val = (bb: Block, y: number) => (blocks.includes(bb) ? rowAmount(f, i, bb, y) : 0);
          if (b === "cd") {
            const part = (y: number) => val("ms", y) + val("dgas", y);
            if (c.total) {
              const v = m.years.reduce((a, _, y) => a + part(y), 0);
              const years = m.years.map((y) => A(`cd${y}`, row));
              setCell(
                s,
                row,
                n,
                rowFormula
                  ? {
                      v: eur(v),
                      f: rng.chance(0.5) || !has("msTotal") ? `SUM(${years[0]}:${years[years.length - 1]})` : `${A("msTotal", row)}+${A("dgasTotal", row)}`,
                      fmt: o.fmt,
                    }
                  : num(v),
              );
            } else {
              const v = part(c.year!);
              const y = m.years[c.year!]!;
              setCell(s, row, n, rowFormula && has(`ms${y}`) ? { v: eur(v), f: `${A(`ms${y}`, row)}+${A(`dgas${y}`, row)}`, fmt: o.fmt } : num(v));
            }
            continue;
          }
          if (c.total) {
            const v = f.amounts[b].reduce((a, _, y) => a + val(b, y), 0);
            const ys = m.years.map((y) => colOf.get(`${b}${y}`)).filter((x): x is number => x !== undefined);
            setCell(
              s,
              row,
              n,
              rowFormula && ys.length ? { v: eur(v), f: `SUM(${addr(row, Math.min(...ys))}:${addr(row, Math.max(...ys))})`, fmt: o.fmt } : num(v),
            );
          } else setCell(s, row, n, num(val(b, c.year!)));
        }
        // budget of the row
        const rowBudget = m.years.reduce((a, _, y) => a + f.rows[i]!.reduce((p, bb) => p + rowAmount(f, i, bb, y), 0), 0);
        if (f.rowSources && colOf.has("source")) {
          const v = f.rowSources[i]!;
          if (v) setCell(s, row, colOf.get("source")!, { v });
          else s.cells.delete(`${row},${colOf.get("source")!}`);
        }
        const cdTot = has("cdTotal") ? [A("cdTotal", row)] : [A("msTotal", row), A("dgasTotal", row)];
        const parts = [...cdTot, ...m.funders.map((fu) => A(`${fu}Total`, row))];
        setCell(s, row, colOf.get("budget")!, rowFormula ? { v: eur(rowBudget), f: parts.join("+"), fmt: o.fmt } : num(rowBudget));
      });
      // realised, rates, gap: the fiche's, on its first row (merged down over its rows, or not)
      const r0 = rows[0]!;
      const multi = rows.length > 1;
      const budget = budgetOf(f);
      const pLast = plannedIn(f, m.years.length - 1);
      setCell(s, r0, colOf.get("realisedLastYear")!, num(f.realisedLast));
      setCell(s, r0, colOf.get("realisedSinceStart")!, num(f.realisedSince));
      const span = (role: string) => (multi ? `SUM(${A(role, r0)}:${A(role, rows[rows.length - 1]!)})` : A(role, r0));
      const pLastRef = () => {
        const y = m.years[m.years.length - 1]!;
        const refs = [
          has(`cd${y}`) ? `cd${y}` : null,
          has(`cd${y}`) ? null : `ms${y}`,
          has(`cd${y}`) ? null : `dgas${y}`,
          ...m.funders.map((fu) => `${fu}${y}`),
        ].filter((x): x is string => !!x);
        return "(" + refs.map(span).join("+") + ")";
      };
      if (has("rateLastYear"))
        setCell(s, r0, colOf.get("rateLastYear")!, rateCell(span("realisedLastYear"), pLastRef(), pLast ? f.realisedLast / pLast : null));
      if (has("rateGlobal"))
        setCell(s, r0, colOf.get("rateGlobal")!, rateCell(span("realisedSinceStart"), span("budget"), budget ? f.realisedSince / budget : null));
      if (has("gap"))
        setCell(
          s,
          r0,
          colOf.get("gap")!,
          rowFormula || rng.chance(0.3)
            ? { v: eur(budget - f.realisedSince), f: `${span("budget")}-${span("realisedSinceStart")}`, fmt: o.fmt }
            : num(budget - f.realisedSince),
        );
      if (multi) {
        features.push("fiche on several rows");
        const down = [
          "fiche",
          "label",
          "theme",
          "objective",
          "objectiveType",
          "source",
          "realisedLastYear",
          "realisedSinceStart",
          "rateLastYear",
          "rateGlobal",
          "gap",
        ];
        if (f.shares) features.push("fiche amounts split across its rows");
        if (f.rowSources) features.push("fiche source per row");
        if (multiMerged) {
          features.push("fiche merged vertically");
          for (const role of down)
            if (has(role) && !(role === "source" && f.rowSources)) merge(s, r0, colOf.get(role)!, rows[rows.length - 1]!, colOf.get(role)!);
        } else features.push("fiche number on the first row only");
      }
      r += rows.length;
    }
    if (subtotals) {
      const label = rng.pick(["Sous-total engagement {E}", "Sous-total", "S/T Engagement {E}", "Total engagement {E}"]).replace("{E}", String(eng));
      setCell(s, r, textCol, { v: label, bold: true });
      for (const { c, n } of amountCols) {
        if (c.role === "gap" && !subGap) continue;
        const v = engRows.reduce((a, row) => a + numAt(s, row, n), 0);
        setCell(s, r, n, totalsFormula ? { v: round2(v), f: sumOver(engRows, n), fmt: o.fmt, bold: true } : { v: round2(v), fmt: o.fmt, bold: true });
      }
      writeTotalRates(s, r, rateCols, colOf, m, rateFmt, o.rateScale);
      truth.subtotalRows.push({ row: r, rows: engRows });
      subRows.push(r);
      r++;
    }
    if (blankRows && eng !== m.engagements[m.engagements.length - 1]) r++;
  }
  truth.bodyRows = fichesRows;
  // TOTAL
  const totalLabel = rng.pick(["TOTAL", "Total général", "TOTAL CDPPE", "Total", "TOTAL GÉNÉRAL"]);
  const totalAt = rng.chance(0.6) ? textCol : left;
  setCell(s, r, totalAt, { v: totalLabel, bold: true });
  const bySubs = subRows.length > 0 && rng.chance(0.5);
  for (const { c, n } of amountCols) {
    const v = fichesRows.reduce((a, row) => a + numAt(s, row, n), 0);
    const f =
      bySubs && (c.role !== "gap" || subGap)
        ? subRows.map((x) => addr(x, n)).join("+")
        : rng.chance(0.8) || subRows.length
          ? sumOver(fichesRows, n)
          : `SUBTOTAL(9,${addr(body0, n)}:${addr(r - 1, n)})`;
    setCell(s, r, n, totalsFormula ? { v: round2(v), f, fmt: o.fmt, bold: true } : { v: round2(v), fmt: o.fmt, bold: true });
  }
  writeTotalRates(s, r, rateCols, colOf, m, rateFmt, o.rateScale);
  truth.totalRow = r;
  for (const { c, n } of extraCols)
    if (c.extra === "Nombre de bénéficiaires" && rng.chance(0.6)) {
      setCell(s, r, n, { v: fichesRows.reduce((a, row) => a + numAt(s, row, n), 0), f: sumOver(fichesRows, n), bold: true });
      features.push("beneficiaries summed in the TOTAL");
    }
  // Wide enough for the TOTAL: a clean annex never shows #####.
  for (const { n } of amountCols) s.widths.set(n, Math.max(s.widths.get(n) ?? 10, displayWidth(numAt(s, r, n), o.fmt) + 3));
  // ListObject over a one-row header, the TOTAL under it; else maybe an autofilter
  const right = left + cols.length - 1;
  if (depth === 1 && rng.chance(0.5) && !s.merges.some((x) => parseInt(x.replace(/^[A-Z]+/, "")) > o.top && parseInt(x.replace(/^[A-Z]+/, "")) < r)) {
    s.table = { name: "Tableau" + rng.int(1, 9), top: o.top, left, bottom: r - 1, right };
    features.push("Excel Table (ListObject)");
    if (rng.chance(0.5)) {
      // The TOTAL is the table's own totals row, its label in the table's first column.
      s.table.bottom = r;
      s.table.totalsRow = true;
      s.table.structured = subRows.length === 0;
      const label = s.cells.get(`${r},${totalAt}`)!;
      s.cells.delete(`${r},${totalAt}`);
      s.cells.set(`${r},${left}`, label);
      features.push(s.table.structured ? "Excel Table totals row (SUBTOTAL(109, Table[Column]))" : "Excel Table totals row (custom formulas)");
    }
  } else if (rng.chance(0.3)) {
    s.autoFilter = `${addr(o.top + depth - 1, left)}:${addr(r - 1, right)}`;
    features.push("autofilter");
  }
  // hidden rows / notes
  if (rng.chance(0.15) && fichesRows.length > 3) {
    s.hiddenRows.add(fichesRows[1]!);
    features.push("hidden fiche row");
  }
  if (colOf.has("source") && rng.chance(0.3)) {
    const c = colLetter(colOf.get("source")!);
    s.validations = [{ ref: `${c}${body0}:${c}${r - 1}`, list: "FIR,ETAT,ONDAM,ETAT/ONDAM,FIR/ETAT" }];
    features.push("data validation list on the source");
  }
  if (rateCols.length && rng.chance(0.3)) {
    s.condFormats = rateCols.map(({ n }) => `${colLetter(n)}${body0}:${colLetter(n)}${r}`);
    features.push("conditional formatting on the rates");
  }
  if (rng.chance(0.15)) {
    s.protect = true;
    features.push("protected sheet");
  }
  if (rng.chance(0.3)) {
    s.printTitles = `${o.top}:${o.top + depth - 1}`;
    features.push("print titles");
  }
  if (rng.chance(0.25)) {
    const c = s.cells.get(`${o.top},${colOf.get("budget")!}`) ?? s.cells.get(`${o.top + depth - 1},${colOf.get("budget")!}`);
    if (c) {
      c.note = "Montants en euros, avenant de l'année inclus";
      features.push("cell notes on headers");
    }
  }
  let bottom = r;
  if (totalsFormula && rng.chance(0.2)) {
    // A control row under the TOTAL: each total minus the sum of the fiche rows, 0 everywhere.
    bottom = r + 1;
    setCell(s, r + 1, textCol, { v: rng.pick(["Contrôle", "Vérification (doit être 0)", "Ecart de contrôle"]) });
    for (const { c, n } of amountCols) if (c.role !== "gap") setCell(s, r + 1, n, { v: 0, f: `${addr(r, n)}-${sumOver(fichesRows, n)}`, fmt: o.fmt });
    features.push("control row under the TOTAL");
    r++;
  }
  if (rng.chance(0.4)) {
    setCell(s, r + 2, left, {
      v: rng.pick(["Source : services du Département", "* Montants en euros TTC", "NB : la masse salariale est valorisée au coût moyen"]),
    });
    bottom = r + 2;
    features.push("notes under the table");
  }
  return { truth, bottom, features };
}

/** Characters the number takes once formatted (digits, group spaces, decimals, the euro sign). */
export function displayWidth(v: number, fmt: string): number {
  const decimals = /0\.00/.test(fmt) ? 3 : 0;
  const digits = String(Math.floor(Math.abs(v))).length;
  return digits + Math.floor((digits - 1) / 3) + decimals + (v < 0 ? 1 : 0) + (fmt.includes("€") ? 2 : 0);
}

const round2 = (v: number) => Math.round(v * 100) / 100;
function numAt(s: Sheet, r: number, c: number): number {
  const v = s.cells.get(`${r},${c}`)?.v;
  return typeof v === "number" ? v : 0;
}

function writeTotalRates(s: Sheet, r: number, rateCols: { c: Col; n: number }[], colOf: Map<string, number>, m: AnnexModel, fmt: string, scale: number): void {
  const yn = m.years[m.years.length - 1]!;
  for (const { c, n } of rateCols) {
    const at = (role: string) => addr(r, colOf.get(role)!);
    let numer: string, denom: string;
    if (c.role === "rateGlobal") {
      numer = at("realisedSinceStart");
      denom = at("budget");
    } else {
      numer = at("realisedLastYear");
      const refs = colOf.has(`cd${yn}`) ? [`cd${yn}`] : [`ms${yn}`, `dgas${yn}`];
      denom = "(" + [...refs, ...m.funders.map((f) => `${f}${yn}`)].map(at).join("+") + ")";
    }
    setCell(s, r, n, { v: 0, f: `IF(${denom}=0,"",${numer}/${denom}${scale === 100 ? "*100" : ""})`, fmt, bold: true });
  }
}

const PILOTS = ["DEF", "PMI", "ASE", "DIHCS", "DPEF", "Mission ODPE", "SDPE"];
function extraValue(name: string, m: AnnexModel, rng: Rng): Cell | undefined {
  const serial = (y: number, mo: number) => Math.round((Date.UTC(y, mo - 1, 1) - Date.UTC(1899, 11, 30)) / 86400000);
  switch (name) {
    case "Commentaires":
    case "Observations":
    case "Commentaire du service":
      return rng.chance(0.5)
        ? {
            v: rng.pick([
              "Action reconduite",
              "Retard de recrutement",
              "Montée en charge progressive",
              "Voir bilan qualitatif",
              "Co-financement notifié en cours d'année",
            ]),
            wrap: true,
          }
        : undefined;
    case "Service pilote":
    case "Pilote":
      return { v: rng.pick(PILOTS) };
    case "Date de début":
      return { v: serial(m.years[0]!, rng.int(1, 12)), fmt: "dd/mm/yyyy" };
    case "Date de fin":
      return { v: serial(m.years[m.years.length - 1]!, 12), fmt: "dd/mm/yyyy" };
    case "Code analytique":
      return rng.chance(0.5) ? { v: rng.int(60000, 69999) } : { v: `${rng.int(6000, 6599)}-${rng.int(10, 99)}` };
    case "Partenaires":
      return { v: rng.pick(["CAF, CPAM", "Éducation nationale", "Associations", "CHU, PMI", "PJJ"]) };
    case "Nombre de bénéficiaires":
      return { v: rng.int(5, 900), fmt: "0" };
  }
  return undefined;
}

function writeFicheText(s: Sheet, f: FicheModel, row: number, colOf: Map<string, number>, o: { objFmt: number; typeCase: number; rng: Rng }): void {
  const put = (role: string, v: string | number | null) => {
    const c = colOf.get(role);
    if (c !== undefined && v !== null) setCell(s, row, c, { v, wrap: typeof v === "string" && v.length > 20 });
  };
  put("fiche", /^\d+$/.test(f.id) && !f.id.startsWith("0") && o.rng.chance(0.7) ? Number(f.id) : f.id);
  put("label", f.label);
  put("theme", f.theme);
  if (f.objective !== null) {
    const obj = [
      `Objectif ${f.objective} : ${objectiveLabel(f.objective)}`,
      `Obj. ${f.objective} - ${objectiveLabel(f.objective)}`,
      `${f.objective} - ${objectiveLabel(f.objective)}`,
      `Objectif ${f.objective}`,
    ][o.objFmt]!;
    put("objective", obj);
    const t = f.objectiveType!;
    put("objectiveType", o.typeCase === 0 ? t : o.typeCase === 1 ? t.toUpperCase() : t.toLowerCase());
  }
  put("indicator", f.indicator);
  put("source", f.source || null);
}

function objectiveLabel(n: number): string {
  const l: Record<number, string> = {
    1: "Entretiens prénataux précoces",
    2: "Bilans de santé en école maternelle",
    3: "Visites à domicile pré et postnatales",
    4: "Interventions à domicile des puéricultrices",
    5: "Consultations infantiles en PMI",
    6: "Renforcer les CRIP",
    7: "Protocoles informations préoccupantes",
    8: "Maîtrise des risques",
    9: "Enfants protégés en situation de handicap",
    10: "Participation des jeunes à l'ODPE",
    11: "Renforcer l'ODPE",
  };
  return l[n] ?? "Objectif facultatif";
}

interface SummaryOpts {
  top: number;
  left: number;
  rng: Rng;
  fmt: string;
  st: Style;
  detail: TableTruth;
  detailSheet: string;
}

function writeSummary(s: Sheet, m: AnnexModel, o: SummaryOpts): { truth: TableTruth; features: string[] } {
  const { rng } = o;
  const features: string[] = [];
  const roles: { role: string; words: string[]; width: number }[] = [];
  const hasMesure = rng.chance(0.6);
  const hasObj = rng.chance(0.6);
  if (hasMesure) roles.push({ role: "mesure", words: W.sMesure, width: 28 });
  if (hasObj) roles.push({ role: "objectif", words: W.sObjectif, width: 20 });
  roles.push({ role: "fiche", words: W.sFiche, width: 10 });
  const money = [
    { role: "departement", words: W.sDep, width: 16 },
    ...FUNDERS.filter((f) => m.funders.includes(f) || rng.chance(0.5)).map((f) => ({
      role: f,
      words: { fir: W.sFir, etat: W.sEtat, ondam: W.sOndam }[f],
      width: 16,
    })),
  ];
  const budget = { role: "budget", words: W.sBudget, width: 16 };
  if (rng.chance(0.7)) roles.push(budget, ...money);
  else {
    roles.push(...money, budget);
    features.push("summary budget after funders");
  }
  roles.push({ role: "modalite", words: W.sModalite, width: 16 });
  roles.push(
    { role: "consumedPrior", words: W.sPrior, width: 16 },
    { role: "consumedLastYear", words: W.sLast, width: 16 },
    { role: "consumedSinceStart", words: W.sSince, width: 16 },
  );
  const two = rng.chance(0.4);
  const headerRows = two ? [o.top, o.top + 1] : [o.top];
  const colOf = new Map<string, number>();
  const headers: Record<string, string> = {};
  roles.forEach((x, i) => {
    const n = o.left + i;
    colOf.set(x.role, n);
    const h = styled(fill(rng.pick(x.words), m), o.st, rng);
    s.widths.set(n, Math.max(s.widths.get(n) ?? 0, x.width));
    if (two && ["departement", "fir", "etat", "ondam"].includes(x.role)) {
      setCell(s, o.top + 1, n, { v: h, bold: true, wrap: true });
      headers[colLetter(n)] = "Financeurs | " + h;
    } else if (two && ["consumedPrior", "consumedLastYear", "consumedSinceStart"].includes(x.role)) {
      setCell(s, o.top + 1, n, { v: h, bold: true, wrap: true });
      headers[colLetter(n)] = "Consommation | " + h;
    } else {
      setCell(s, o.top, n, { v: h, bold: true, wrap: true });
      if (two) merge(s, o.top, n, o.top + 1, n);
      headers[colLetter(n)] = h;
    }
  });
  if (two) {
    const f0 = colOf.get("departement")!;
    const fs = ["departement", "fir", "etat", "ondam"].filter((x) => colOf.has(x)).map((x) => colOf.get(x)!);
    setCell(s, o.top, f0, { v: styled(rng.pick(["Financeurs", "Répartition par financeur", "Dont"]), o.st, rng), bold: true });
    merge(s, o.top, Math.min(...fs), o.top, Math.max(...fs));
    const c0 = colOf.get("consumedPrior")!;
    setCell(s, o.top, c0, { v: styled(rng.pick(["Consommation", "Budget consommé", "Réalisations"]), o.st, rng), bold: true });
    merge(s, o.top, c0, o.top, c0 + 2);
    features.push("summary header on two rows");
  }
  let r = o.top + headerRows.length;
  const truth: TableTruth = {
    kind: "summary",
    sheet: s.name,
    columns: Object.fromEntries([...colOf].map(([k, v]) => [k, colLetter(v)])),
    headerRows,
    headers,
    ficheRows: {},
    subtotalRows: [],
    totalRow: 0,
    bodyRows: [],
  };
  const linked = rng.chance(0.3) && o.detailSheet !== s.name ? true : rng.chance(0.2);
  if (linked) features.push("summary linked to the detail by formulas");
  const blankZero = rng.chance(0.3);
  const num = (v: number): Cell => (v === 0 && blankZero ? { v: null, fmt: o.fmt } : { v: eur(v), fmt: o.fmt });
  const dq = o.detailSheet === s.name ? "" : `'${o.detailSheet.replace(/'/g, "''")}'!`;
  const subs: number[] = [];
  const groupsAsRows = rng.chance(0.85);
  const mesureStyle = rng.int(0, 2);
  const objectiveRows = rng.chance(0.3) && colOf.has("objectif");
  for (const eng of m.engagements) {
    const engTitle = `${eng === 5 ? "Conditions pour y parvenir" : `Engagement ${eng}`}`;
    if (groupsAsRows) {
      setCell(s, r, o.left, { v: engTitle, bold: true });
      r++;
    }
    const rows: number[] = [];
    const fs = m.fiches.filter((f) => f.engagement === eng);
    fs.forEach((f, i) => {
      if (objectiveRows && i === 1) {
        // A national objective taken up without a fiche: a row with its label and no money, inside the group.
        const label = rng.pick([
          "Objectif 12 : Renforcer les interventions de TISF",
          "Objectif 20 : Développer les centres parentaux",
          "Objectif 17 : Créer des places d'accueil en fratries",
        ]);
        setCell(s, r, colOf.get("objectif")!, { v: label, wrap: true });
        if (rng.chance(0.5)) setCell(s, r, colOf.get("modalite")!, { v: "-" });
        features.push("summary objective rows without fiche");
        r++;
      }
      rows.push(r);
      truth.ficheRows[f.id] = [r];
      if (colOf.has("mesure") && (mesureStyle === 0 || i === 0))
        setCell(s, r, colOf.get("mesure")!, { v: `${engTitle} : ${W.engagement[eng - 1]}`, wrap: true });
      if (colOf.has("objectif") && f.objective !== null) setCell(s, r, colOf.get("objectif")!, { v: `Objectif ${f.objective}` });
      setCell(s, r, colOf.get("fiche")!, { v: /^\d+$/.test(f.summaryId) && !f.summaryId.startsWith("0") ? Number(f.summaryId) : f.summaryId });
      const dRows = o.detail.ficheRows[f.id]!;
      const link = (role: string): string | null => {
        const c = o.detail.columns[role];
        if (!c) return null;
        return dRows.length > 1 ? `SUM(${dq}${c}${dRows[0]}:${c}${dRows[dRows.length - 1]})` : `${dq}${c}${dRows[0]}`;
      };
      const put = (role: string, v: number, detailRole: string | string[]) => {
        const c = colOf.get(role);
        if (c === undefined) return;
        const drs = Array.isArray(detailRole) ? detailRole : [detailRole];
        const fl = drs.map(link);
        if (linked && fl.every((x) => x !== null)) setCell(s, r, c, { v: eur(v), f: fl.join("+"), fmt: o.fmt });
        else setCell(s, r, c, num(v));
      };
      const cd = f.amounts.ms.concat(f.amounts.dgas).reduce((a, b) => a + b, 0);
      put("budget", budgetOf(f), "budget");
      put("departement", cd, o.detail.columns.cdTotal ? "cdTotal" : ["msTotal", "dgasTotal"]);
      for (const fu of FUNDERS)
        put(
          fu,
          f.amounts[fu].reduce((a, b) => a + b, 0),
          `${fu}Total`,
        );
      if (f.modalite) setCell(s, r, colOf.get("modalite")!, { v: f.modalite });
      put("consumedPrior", f.realisedSince - f.realisedLast, "__none");
      put("consumedLastYear", f.realisedLast, "realisedLastYear");
      const cs = colOf.get("consumedSinceStart")!;
      if (rng.chance(0.5))
        setCell(s, r, cs, { v: eur(f.realisedSince), f: `${addr(r, colOf.get("consumedPrior")!)}+${addr(r, colOf.get("consumedLastYear")!)}`, fmt: o.fmt });
      else put("consumedSinceStart", f.realisedSince, "realisedSinceStart");
      r++;
    });
    if (mesureStyle === 2 && colOf.has("mesure") && rows.length > 1) merge(s, rows[0]!, colOf.get("mesure")!, rows[rows.length - 1]!, colOf.get("mesure")!);
    truth.bodyRows.push(...rows);
    if (groupsAsRows || m.engagements.length > 1) {
      setCell(s, r, colOf.get("fiche")! - (colOf.has("objectif") ? 1 : 0), { v: rng.pick(["Sous-total", "Sous-total " + engTitle, "S/Total"]), bold: true });
      for (const role of ["budget", "departement", ...FUNDERS, "consumedPrior", "consumedLastYear", "consumedSinceStart"]) {
        const c = colOf.get(role);
        if (c === undefined) continue;
        const v = rows.reduce((a, x) => a + numAt(s, x, c), 0);
        setCell(s, r, c, { v: round2(v), f: `SUM(${addr(rows[0]!, c)}:${addr(rows[rows.length - 1]!, c)})`, fmt: o.fmt, bold: true });
      }
      truth.subtotalRows.push({ row: r, rows });
      subs.push(r);
      r++;
    }
  }
  setCell(s, r, o.left, { v: rng.pick(["Total", "TOTAL", "Total général"]), bold: true });
  for (const role of ["budget", "departement", ...FUNDERS, "consumedPrior", "consumedLastYear", "consumedSinceStart"]) {
    const c = colOf.get(role);
    if (c === undefined) continue;
    const v = truth.bodyRows.reduce((a, x) => a + numAt(s, x, c), 0);
    const f = subs.length ? subs.map((x) => addr(x, c)).join("+") : `SUM(${addr(truth.bodyRows[0]!, c)}:${addr(r - 1, c)})`;
    setCell(s, r, c, { v: round2(v), f, fmt: o.fmt, bold: true });
  }
  truth.totalRow = r;
  for (const c of colOf.values()) s.widths.set(c, Math.max(s.widths.get(c) ?? 10, displayWidth(numAt(s, r, c), o.fmt) + 3));
  return { truth, features };
}
