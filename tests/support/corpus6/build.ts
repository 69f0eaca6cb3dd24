/**
 * Lays a corpus6 model out as a finance officer of another département would: where the tables go, how the header
 * reads, which cells are formulas. Returns the workbook and the truth (every role's column, fiche rows, totals).
 */
import { Rng } from "./rng";
import { type Block, type Fiche, type Funder, type Model, blockTotal, fundersWithMoney, makeModel, isFundamental } from "./model";
import { type Cell, type Expr, type Grid, type Sheet, type SumStyle, a1, colLetter, evaluate, newSheet, render, setCell, text } from "./sheet";
import { COMMENT_ROWS, ENGAGEMENT_TITLES, FUNDER_NAMES, HEAD, SOURCE_JOIN, SOURCE_NAMES, SUBTOTAL_LABELS, TOTAL_LABELS, objectiveLabel } from "./words";

export interface TableTruth {
  kind: "detail" | "summary";
  sheet: string;
  headerRows: number[];
  columns: Record<string, string>;
  headers: Record<string, string>;
  /** fiche key → its rows */
  ficheRows: Record<string, number[]>;
  totalRow: number;
  /** sub-total rows and the rows each closes */
  subtotals: { row: number; rows: number[] }[];
  /** columns summed by the TOTAL / sub-totals */
  summed: string[];
}

export interface Options {
  major: "funder" | "year";
  headerRows: 1 | 2 | 3;
  kEuro: boolean;
  row0: number;
  col0: number;
  titleRows: number;
  objForm: "text" | "merged" | "title-rows" | "number";
  typeCol: boolean;
  subtotals: boolean;
  totalStyle: SumStyle | "values" | "SUMIF";
  totalLabel: string;
  rowFormulas: boolean;
  rates: "fraction" | "percent" | "text" | "absent";
  gap: boolean;
  cumulative: boolean;
  blockTotals: "last" | "first" | "absent";
  budgetPos: "before" | "after";
  sourcePos: "before" | "after" | "absent";
  notesBetween: boolean;
  commentRows: boolean;
  engagedBesidePaid: boolean;
  extraTables: ("legend" | "signature" | "chart")[];
  params: "none" | "visible" | "hidden";
  summary: "none" | "sheet-after" | "sheet-before" | "below";
  groupMerge: "merged" | "first";
  singleAt: "merged" | "top" | "bottom";
  upper: boolean;
  noAccents: boolean;
  ugly: boolean; // double spaces, trailing colons
  theme: boolean;
  sharedStrings: boolean;
  styles: "none" | "formats";
  sharedFormulas: boolean;
  omitRefs: boolean;
  exponent: boolean;
}

export interface Annex {
  seed: number;
  model: Model;
  opts: Options;
  grid: Grid;
  tables: TableTruth[];
  features: string[];
  /** detail column of each role, as numbers (faults use them) */
  detailCols: Record<string, number>;
  summaryCols: Record<string, number>;
  sourceNames: Record<Funder, string>;
}

function drawOptions(rng: Rng, m: Model): Options {
  const headerRows = rng.pick([1, 2, 2, 3] as const);
  const far = rng.chance(0.25);
  return {
    major: rng.chance(0.45) ? "year" : "funder",
    headerRows,
    kEuro: rng.chance(0.25),
    row0: far ? rng.int(20, 45) : rng.int(1, 6),
    col0: far ? rng.int(20, 30) : rng.chance(0.3) ? rng.int(2, 5) : 1,
    titleRows: rng.int(0, 3),
    objForm: rng.pick(["text", "merged", "title-rows", "number"] as const),
    typeCol: rng.chance(0.6),
    subtotals: rng.chance(0.35),
    totalStyle: rng.pick(["SUM", "SUM", "plus", "SUBTOTAL", "values", "SUMIF"] as const),
    totalLabel: rng.pick(TOTAL_LABELS),
    rowFormulas: rng.chance(0.65),
    rates: rng.pick(["fraction", "fraction", "percent", "text", "absent"] as const),
    gap: rng.chance(0.7),
    cumulative: rng.chance(0.85),
    blockTotals: rng.pick(["last", "last", "first", "absent"] as const),
    budgetPos: rng.chance(0.6) ? "before" : "after",
    sourcePos: rng.pick(["before", "after", "absent"] as const),
    notesBetween: rng.chance(0.2),
    commentRows: rng.chance(0.25),
    engagedBesidePaid: rng.chance(0.2),
    extraTables: (["legend", "signature", "chart"] as const).filter(() => rng.chance(0.3)),
    params: rng.pick(["none", "none", "visible", "hidden"] as const),
    summary: rng.pick(["none", "sheet-after", "sheet-after", "sheet-before", "below"] as const),
    groupMerge: rng.chance(0.7) ? "merged" : "first",
    singleAt: rng.pick(["merged", "merged", "top", "bottom"] as const),
    upper: rng.chance(0.15),
    noAccents: rng.chance(0.15),
    ugly: rng.chance(0.2),
    theme: rng.chance(0.3),
    sharedStrings: rng.chance(0.4),
    styles: rng.chance(0.3) ? "none" : "formats",
    sharedFormulas: rng.chance(0.6),
    omitRefs: rng.chance(0.15),
    exponent: rng.chance(0.15),
    ...(m.numbering.endsWith("label") ? {} : {}),
  };
}

export const DIMENSIONS = ["fiche", "words", "blocks", "shape", "rows", "units", "sheet", "typography", "writer"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The options of a Seine-et-Marne-like annex, but for the dimensions left to vary. */
function baseline(o: Options, novel: Set<Dimension>): Options {
  const b = { ...o };
  if (!novel.has("shape"))
    Object.assign(b, {
      major: "funder",
      headerRows: 2,
      groupMerge: "merged",
      singleAt: "merged",
      budgetPos: "before",
      sourcePos: "after",
      blockTotals: "last",
    });
  if (!novel.has("rows")) Object.assign(b, { objForm: "text", subtotals: false, commentRows: false, totalStyle: "SUM", totalLabel: "TOTAL", typeCol: true });
  if (!novel.has("units")) Object.assign(b, { kEuro: false, rates: "fraction", gap: true, cumulative: true });
  if (!novel.has("sheet"))
    Object.assign(b, {
      row0: 2,
      col0: 1,
      titleRows: 0,
      extraTables: [],
      params: "none",
      summary: "sheet-after",
      notesBetween: false,
      engagedBesidePaid: false,
      theme: false,
    });
  if (!novel.has("typography")) Object.assign(b, { upper: false, noAccents: false, ugly: false });
  if (!novel.has("writer"))
    Object.assign(b, { sharedStrings: true, styles: "formats", sharedFormulas: false, rowFormulas: true, omitRefs: false, exponent: false });
  return b;
}

const stripAccents = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

interface Col {
  path: string[]; // group labels from the top, last = its own label
  role?: string;
  kind: "text" | "amount" | "rate" | "extra";
  summed?: boolean;
}

export function generateAnnex(seed: number): Annex {
  // Odd seeds: every dimension varies. Even seeds: a Seine-et-Marne-like annex with one or two dimensions varied, so
  // that a misreading there names its cause.
  const novel = new Set<Dimension>(seed % 2 ? DIMENSIONS : new Rng(seed, "novel").shuffle(DIMENSIONS).slice(0, 1 + (seed % 4 === 0 ? 1 : 0)));
  const model = makeModel(seed, novel.has("fiche"));
  const rng = new Rng(seed, "layout");
  const o = baseline(drawOptions(rng, model), novel);
  const features: string[] = [];
  const feat = (s: string) => features.push(s);
  feat(seed % 2 ? "every dimension varied" : `only varied: ${[...novel].join(" + ")}`);
  const w = <T>(dim: Dimension, xs: readonly T[], base: T): T => (novel.has(dim) ? rng.pick(xs) : base);
  const { years, funders } = model;
  const y0 = years[0]!;
  const yn = years[years.length - 1]!;
  const N = years.length;
  const combined = model.numbering.endsWith("label");
  const sourceNames = w("words", SOURCE_NAMES, SOURCE_NAMES[0]!);
  const join = w("words", SOURCE_JOIN, " / ");
  const fmtH = (s: string) => {
    let t = s;
    if (o.noAccents) t = stripAccents(t);
    if (o.upper) t = t.toUpperCase();
    if (o.ugly) t = t.replace(/ /, "  ") + (rng.chance(0.3) ? " :" : "");
    return t;
  };
  const unit = o.kEuro ? rng.pick([" (k€)", " en k€", "\n(en milliers d'euros)"]) : w("words", ["", "", " (€)", " en €"], "");

  // ---- columns of the detail table
  const cols: Col[] = [];
  const single = (label: string, role: string | undefined, kind: Col["kind"] = "text", summed = false) => cols.push({ path: [label], role, kind, summed });
  if (combined) single(w("fiche", HEAD.ficheCombined, "Fiche action"), "fiche");
  else {
    single(w("fiche", HEAD.fiche, "N° fiche"), "fiche");
    feat(`fiche header « ${cols[0]!.path[0]!.replace(/\n/g, "⏎")} »`);
    single(w("words", HEAD.label, "Intitulés fiches actions"), "label");
  }
  if (o.theme) single(w("words", HEAD.theme, "Thème"), "theme");
  if (o.objForm !== "title-rows") single(w("words", HEAD.objective, "Intitulés objectifs"), "objective");
  if (o.typeCol) single(w("words", HEAD.objectiveType, "Obj. fondamental/ facultatif"), "objectiveType");
  const budgetHead = w("words", HEAD.budget, "Moyens financiers prévisionnels") + unit;
  const planGroup = w("words", HEAD.planGroup, "Prévisionnel");
  const top = (p: string[]) => (o.headerRows === 3 ? [planGroup, ...p] : p);
  if (o.budgetPos === "before") cols.push({ path: top([budgetHead]), role: "budget", kind: "amount", summed: true });
  const cdBlocks: Block[] = model.cdForm === "full" ? ["ms", "dgas", "cd"] : model.cdForm === "split" ? ["ms", "dgas"] : ["cd"];
  const names: Record<Block, string> = {
    ms: w("blocks", FUNDER_NAMES.ms, "Masse salariale"),
    dgas: w("blocks", FUNDER_NAMES.dgas, "Budget DGAS"),
    cd:
      model.cdForm === "cd"
        ? w("blocks", ["Conseil départemental", "Département", "Fonds propres CD", "CD"], "Total CD")
        : w("blocks", FUNDER_NAMES.cd, "Total CD"),
    fir: w("blocks", FUNDER_NAMES.fir, "FIR"),
    etat: w("blocks", FUNDER_NAMES.etat, "ETAT"),
    ondam: w("blocks", FUNDER_NAMES.ondam, "ONDAM"),
  };
  const coOrder = rng.shuffle(funders);
  const blocks: Block[] = [...cdBlocks, ...coOrder];
  const yearLab = w("blocks", [0, 1, 2, 4, 5], 0);
  // « N-2 | N-1 | N » with the reference year given once, in a title line above the table
  const relYears = novel.has("blocks") && N > 1 && rng.chance(0.2);
  const yLabel = (y: number) => (relYears ? (y === yn ? "N" : `N-${yn - y}`) : HEAD.yearGroup(y)[yearLab]!);
  const totLab = w("blocks", [0, 1, 2, 3, 4, 5], 0);
  const tLabel = () => HEAD.blockTotal(y0, yn)[totLab]!;
  const sourceCol = () => cols.push({ path: top([w("words", HEAD.source, "Source de co-financement")]), role: "source", kind: "text" });
  if (o.sourcePos === "before") sourceCol();
  if (o.major === "funder") {
    feat("funder-major blocks");
    for (const b of blocks) {
      const yearsCols: Col[] = years.map((y, i) => ({
        path: o.headerRows === 1 ? [`${names[b]} ${years[i]}`] : top([names[b], yLabel(y)]),
        role: `${b}${y}`,
        kind: "amount",
        summed: true,
      }));
      const tot: Col = { path: o.headerRows === 1 ? [`${tLabel()} ${names[b]}`] : top([names[b], tLabel()]), role: `${b}Total`, kind: "amount", summed: true };
      if (!novel.has("blocks") && o.headerRows > 1)
        tot.path[tot.path.length - 1] = b === "cd" ? "Total CD" : /^(fir|etat|ondam)$/.test(b) ? `Montant ${names[b]}` : `Total ${names[b]}`;
      if (o.blockTotals === "first") cols.push(tot);
      cols.push(...yearsCols);
      if (o.blockTotals === "last") cols.push(tot);
      if (o.notesBetween && b === blocks[Math.floor(blocks.length / 2) - 1]) {
        cols.push({ path: top([rng.pick(HEAD.notesCol)]), kind: "extra" });
        feat("notes column between amount blocks");
      }
    }
  } else {
    feat("year-major blocks");
    for (const y of years) {
      for (const b of blocks)
        cols.push({ path: o.headerRows === 1 ? [`${names[b]} ${y}`] : top([yLabel(y), names[b]]), role: `${b}${y}`, kind: "amount", summed: true });
      if (o.notesBetween && y === years[0]) {
        cols.push({ path: top([rng.pick(HEAD.notesCol)]), kind: "extra" });
        feat("notes column between amount blocks");
      }
    }
    if (o.blockTotals !== "absent") {
      const pg = w("blocks", HEAD.periodGroup(y0, yn), `Total ${y0}-${yn}`);
      for (const b of blocks)
        cols.push({ path: o.headerRows === 1 ? [`${names[b]} ${pg}`] : top([pg, names[b]]), role: `${b}Total`, kind: "amount", summed: true });
    }
  }
  if (o.sourcePos === "after") sourceCol();
  if (o.budgetPos === "after") cols.push({ path: top([budgetHead]), role: "budget", kind: "amount", summed: true });
  // realisations
  const rg = w("words", HEAD.realisedGroup(yn), "Réalisations");
  const rtop = (p: string) => (o.headerRows === 1 ? [p] : o.headerRows === 2 ? [rg, p] : [rg, p]);
  if (o.engagedBesidePaid) {
    cols.push({ path: rtop(`Montant engagé ${yn}`), kind: "extra" });
    feat("« Montant engagé » beside the realisations");
  }
  cols.push({ path: rtop(w("words", HEAD.realisedLast(yn), `Réalisations en ${yn}`) + unit), role: "realisedLastYear", kind: "amount", summed: true });
  if (o.rates !== "absent")
    cols.push({
      path: rtop(w("words", HEAD.rateLastYear(yn), `Niveau d'exécution budgétaire au titre de l'année ${yn}`) + (o.rates === "percent" ? " (%)" : "")),
      role: "rateLastYear",
      kind: "rate",
    });
  if (o.cumulative) {
    cols.push({
      path: rtop(w("words", HEAD.realisedSince(y0, yn), `Réalisation depuis ${y0}`) + unit),
      role: "realisedSinceStart",
      kind: "amount",
      summed: true,
    });
    if (o.rates !== "absent")
      cols.push({
        path: rtop(w("words", HEAD.rateGlobal, `Niveau d'exécution budgétaire globale (au 31/12/${yn % 100})`) + (o.rates === "percent" ? " (%)" : "")),
        role: "rateGlobal",
        kind: "rate",
      });
    if (o.gap)
      cols.push({ path: rtop(w("words", HEAD.gap, `Ecart Moyens financiers - Réalisations depuis ${y0}`) + unit), role: "gap", kind: "amount", summed: true });
  }
  if (novel.has("sheet") && rng.chance(0.4)) cols.push({ path: [rng.pick(["Observations", "Commentaires", "Service pilote", "Partenaires"])], kind: "extra" });
  if (novel.has("sheet") && rng.chance(0.2)) cols.push({ path: ["Date de démarrage"], kind: "extra" });
  if (novel.has("sheet") && rng.chance(0.2)) {
    cols.push({ path: ["Action engagée ?"], kind: "extra" });
    feat("TRUE/FALSE column");
  }
  if (novel.has("sheet") && rng.chance(0.25)) {
    cols.push({ path: [rng.pick(["Nombre de bénéficiaires", "Nb de familles", "Public (nombre)"])], kind: "extra" });
    feat("counts typed as text in a non-amount column");
  }

  // ---- sheets
  const grid: Grid = { sheets: [] };
  const annexName = rng.pick(["Annexe financière", "Suivi CDPPE", "Tableau financier", "ANNEXE 2", "Bilan " + yn]);
  const det = newSheet(annexName);
  let sum: Sheet | null = null;
  if (o.summary === "sheet-after" || o.summary === "sheet-before")
    sum = newSheet(rng.pick(["Synthèse", "Récapitulatif", "Rapport financier", "Synthese par engagement"]));
  if (o.summary === "sheet-before" && sum) grid.sheets.push(sum);
  grid.sheets.push(det);
  if (o.summary === "sheet-after" && sum) grid.sheets.push(sum);
  if (o.params !== "none") {
    const p = newSheet(rng.pick(["Paramètres", "Listes", "Param"]));
    p.hidden = o.params === "hidden";
    text(p, 1, 1, "Financeurs");
    ["FIR", "ETAT", "ONDAM", "CD"].forEach((x, i) => text(p, 2 + i, 1, x));
    text(p, 1, 2, "Type d'objectif");
    text(p, 2, 2, "Fondamental");
    text(p, 3, 2, "Facultatif");
    text(p, 1, 3, "Années");
    years.forEach((y, i) => setCell(p, 2 + i, 3, { v: y }));
    grid.sheets.push(p);
    feat(`parameters sheet ${o.params}`);
  }

  // title
  let r = o.row0;
  const c0 = o.col0;
  if (o.row0 > 10) feat("table far down/right");
  for (let i = 0; i < o.titleRows; i++) {
    text(
      det,
      r,
      c0,
      i === 0
        ? `Contrat départemental de prévention et de protection de l'enfance - annexe financière ${yn}`
        : i === 1
          ? o.kEuro
            ? "Montants en milliers d'euros"
            : "Montants en euros"
          : `Situation au 31/12/${yn}`,
    );
    r++;
  }
  if (relYears) {
    text(det, r++, c0, rng.pick([`Exercice de référence : N = ${yn}`, `N = ${yn}`, `Année N : ${yn}`]));
    feat("years as N-2, N-1, N with N given in a title line");
  }
  if (o.titleRows || relYears) r++;
  // header
  const H = o.headerRows;
  feat(`header on ${H} row(s)`);
  const headerRows = Array.from({ length: H }, (_, i) => r + i);
  const colAt = (i: number) => c0 + i;
  const headers: Record<string, string> = {};
  const columns: Record<string, string> = {};
  const numCol: Record<string, number> = {};
  cols.forEach((c, i) => {
    if (c.role) {
      columns[c.role] = colLetter(colAt(i));
      numCol[c.role] = colAt(i);
    }
  });
  if (combined) {
    columns.label = columns.fiche!;
    feat("fiche number and label in one cell");
  }
  // header cells: a single label per singleAt; groups merged over equal prefixes; own label on the row under its
  // groups, merged down to the bottom header row
  cols.forEach((c, i) => {
    const d = c.path.length;
    const col = colAt(i);
    if (d === 1) {
      const label = fmtH(c.path[0]!);
      const at = o.singleAt === "bottom" ? headerRows[H - 1]! : headerRows[0]!;
      text(det, at, col, label);
      if (o.singleAt === "merged" && H > 1) det.merges.push(`${a1(headerRows[0]!, col)}:${a1(headerRows[H - 1]!, col)}`);
      headers[colLetter(col)] = label;
      return;
    }
    const own = headerRows[d - 1]!;
    text(det, own, col, fmtH(c.path[d - 1]!));
    if (d < H) det.merges.push(`${a1(own, col)}:${a1(headerRows[H - 1]!, col)}`);
    headers[colLetter(col)] = c.path.map(fmtH).join(" / ");
  });
  for (let lvl = 0; lvl < H - 1; lvl++) {
    let i = 0;
    while (i < cols.length) {
      const c = cols[i]!;
      if (c.path.length <= lvl + 1) {
        i++;
        continue;
      }
      const prefix = c.path.slice(0, lvl + 1).join("\u0000");
      let j = i + 1;
      while (j < cols.length && cols[j]!.path.length > lvl + 1 && cols[j]!.path.slice(0, lvl + 1).join("\u0000") === prefix) j++;
      text(det, headerRows[lvl]!, colAt(i), fmtH(c.path[lvl]!));
      if (j - i > 1 && o.groupMerge === "merged") det.merges.push(`${a1(headerRows[lvl]!, colAt(i))}:${a1(headerRows[lvl]!, colAt(j - 1))}`);
      i = j;
    }
  }
  if (novel.has("writer") && rng.chance(0.3)) {
    for (const hr of headerRows)
      for (let i = 0; i < cols.length; i++) {
        const c = det.cells.get(`${hr},${colAt(i)}`);
        if (c && typeof c.v === "string") c.rich = true;
      }
    feat("rich-text headers (first word bold)");
  }
  r = headerRows[H - 1]! + 1;

  // ---- body
  const kv = (cents: number) => (o.kEuro ? cents / 100000 : cents / 100);
  const amountFmt = o.kEuro
    ? rng.pick(["#,##0.0", "#,##0.00", "0.000"])
    : model.precision === "cents"
      ? "#,##0.00 €"
      : rng.pick(["#,##0 €", "#,##0", '_-* #,##0 €_-;-* #,##0 €_-;_-* "-" €_-;_-@_-']);
  const rateFmt = o.rates === "percent" ? "0" : rng.pick(["0%", "0.0%", "0.00%"]);
  if (o.kEuro) feat("amounts in k€");
  if (model.precision === "cents") feat("amounts with cents");
  const ref = (role: string, row: number): Expr => ({ k: "ref", r: row, c: numCol[role]! });
  const has = (role: string) => role in numCol;
  const sumStyle: SumStyle = rng.pick(["SUM", "SUM", "plus", "SUMlist"]);
  const cellFor = (e: Expr, here: Sheet, fmt?: string, style: SumStyle = sumStyle): Cell =>
    o.rowFormulas ? { v: null, e, f: render(e, here.name, style), fmt } : { v: null, e, fmt };
  const ficheRows: Record<string, number[]> = {};
  const subtotals: { row: number; rows: number[] }[] = [];
  const allFicheRows: number[] = [];
  const objTypeWord = rng.pick([
    ["Fondamental", "Facultatif"],
    ["FONDAMENTAL", "FACULTATIF"],
    ["fondamental", "facultatif"],
    ["Obj. fondamental", "Obj. facultatif"],
  ]);
  const objectives = [...new Set(model.fiches.map((f) => f.objective))];
  const commentAfter = o.commentRows ? new Set([rng.int(0, model.fiches.length - 1)]) : new Set<number>();
  if (o.commentRows) feat("comment rows between fiches");
  if (o.subtotals) feat("a TOTAL row per objective");
  feat(`objective ${o.objForm}`);
  const labelCol = c0 + (combined ? 0 : 1);
  const subLab = rng.int(0, 2);
  let fi = 0;
  for (const obj of objectives) {
    const fs = model.fiches.filter((f) => f.objective === obj);
    if (o.objForm === "title-rows") {
      text(det, r, c0, fmtObj(obj, rng));
      r++;
    }
    const rows: number[] = [];
    for (const f of fs) {
      const row = r++;
      rows.push(row);
      allFicheRows.push(row);
      ficheRows[f.key] = [row];
      writeFicheRow(f, row);
      if (commentAfter.has(fi)) {
        text(det, r, labelCol, rng.pick(COMMENT_ROWS));
        r++;
      }
      fi++;
    }
    if (has("objective")) {
      const oc = numCol.objective!;
      const v = o.objForm === "number" ? obj : `Objectif ${obj} : ${objectiveLabel(obj)}`;
      if (o.objForm === "merged") {
        setCell(det, rows[0]!, oc, { v });
        if (rows.length > 1) det.merges.push(`${a1(rows[0]!, oc)}:${a1(rows[rows.length - 1]!, oc)}`);
      } else for (const row of rows) setCell(det, row, oc, { v });
    }
    if (o.subtotals) {
      const row = r++;
      subtotals.push({ row, rows });
      text(det, row, c0, SUBTOTAL_LABELS(obj)[subLab]!);
      writeTotals(row, rows, "sub");
    }
  }
  const totalRow = r++;
  text(det, totalRow, c0, o.totalLabel);
  writeTotals(totalRow, o.subtotals ? subtotals.map((s) => s.row) : allFicheRows, "total");
  feat(`TOTAL as ${o.totalStyle}`);
  const summed = cols.filter((c) => c.summed && c.role).map((c) => columns[c.role!]!);
  const detailTruth: TableTruth = { kind: "detail", sheet: det.name, headerRows, columns, headers, ficheRows, totalRow, subtotals, summed };
  // widths: amounts wide enough for their formatted totals
  cols.forEach((c, i) => det.widths.set(colAt(i), c.kind === "amount" ? 16 : c.kind === "rate" ? 12 : c.kind === "extra" ? 18 : 22));
  if (o.extraTables.length) extraTables(totalRow + 3);

  // ---- summary
  const tables: TableTruth[] = [detailTruth];
  const summaryCols: Record<string, number> = {};
  if (o.summary !== "none") tables.push(writeSummary());
  feat(`summary ${o.summary}`);
  if (o.rates !== "absent") feat(`rates as ${o.rates}`);
  else feat("no rates");
  if (!o.cumulative) feat("no cumulative");
  else if (!o.gap) feat("no gap");
  feat(`block totals ${o.blockTotals}`);
  feat(o.rowFormulas ? "row formulas" : "row values");
  feat(`numbering ${model.numbering}`);
  feat(`CD ${model.cdForm}`);
  if (o.upper) feat("headers upper case");
  if (o.noAccents) feat("accents missing");
  if (o.ugly) feat("double spaces / trailing colons");
  feat(o.sharedStrings ? "shared strings" : "inline strings");
  if (o.styles === "none") feat("no styles part");
  if (o.sharedFormulas && o.rowFormulas) feat("shared formulas");
  if (o.omitRefs) feat("cells and rows without r attributes");
  if (o.exponent) feat("numbers in exponent form (1.5E+5)");
  evaluate(grid);
  return { seed, model, opts: o, grid, tables, features, detailCols: numCol, summaryCols, sourceNames };

  // --- helpers (hoisted)
  function writeFicheRow(f: Fiche, row: number): void {
    if (combined) {
      const t =
        model.numbering === "dash-label"
          ? `${f.num} - ${f.label}`
          : model.numbering === "FA-colon-label"
            ? `FA n°${f.num} : ${f.label}`
            : `${f.num}. ${f.label}`;
      text(det, row, numCol.fiche!, t);
    } else {
      setCell(det, row, numCol.fiche!, { v: /^\d+$/.test(f.num) && rng.chance(0.7) ? Number(f.num) : f.num });
      text(det, row, numCol.label!, f.label);
    }
    if (has("theme")) text(det, row, numCol.theme!, f.engagement === 1 ? "PMI" : f.engagement === 5 ? "Transverse" : "ASE");
    if (has("objectiveType")) text(det, row, numCol.objectiveType!, objTypeWord[isFundamental(f.objective) ? 0 : 1]!);
    for (const b of blocks)
      years.forEach((y, i) => {
        const role = `${b}${y}`;
        if (b === "cd" && model.cdForm === "full")
          setCell(det, row, numCol[role]!, cellFor({ k: "add", xs: [ref(`ms${y}`, row), ref(`dgas${y}`, row)] }, det, amountFmt));
        else {
          const v = f.planned[b][i]!;
          setCell(det, row, numCol[role]!, v === 0 && rng.chance(0.3) ? { v: null } : { v: kv(v), fmt: amountFmt });
        }
      });
    if (o.blockTotals !== "absent")
      for (const b of blocks) setCell(det, row, numCol[`${b}Total`]!, cellFor({ k: "sum", xs: years.map((y) => ref(`${b}${y}`, row)) }, det, amountFmt));
    const cdParts = model.cdForm === "split" ? ["ms", "dgas"] : ["cd"];
    const budgetE: Expr =
      o.blockTotals !== "absent"
        ? { k: "add", xs: [...cdParts, ...coOrder].map((b) => ref(`${b}Total`, row)) }
        : { k: "sum", xs: [...cdParts, ...coOrder].flatMap((b) => years.map((y) => ref(`${b}${y}`, row))) };
    setCell(det, row, numCol.budget!, cellFor(budgetE, det, amountFmt, "SUMlist"));
    const pLast: Expr = { k: "add", xs: [...cdParts, ...coOrder].map((b) => ref(`${b}${yn}`, row)) };
    setCell(det, row, numCol.realisedLastYear!, { v: kv(f.realisedLast), fmt: amountFmt });
    if (has("realisedSinceStart")) setCell(det, row, numCol.realisedSinceStart!, { v: kv(f.realisedSince), fmt: amountFmt });
    const rateCell = (a: Expr, b: Expr, exact: () => number | null): Cell => {
      if (o.rates === "text") {
        const x = exact();
        return { v: x === null ? "" : `${Math.round(x * 100)} %` };
      }
      const e: Expr = o.rates === "percent" ? { k: "mul", a: { k: "rate", a, b }, b: { k: "n", v: 100 } } : { k: "rate", a, b };
      if (o.rates === "percent") {
        // IF(b=0,"",a/b*100): written by hand, evaluated as rate × 100 unless blank
        const x = exact();
        const f = `IF(${render(b, det.name)}=0,"",${render(a, det.name)}/(${render(b, det.name)})*100)`;
        return o.rowFormulas ? { v: x === null ? "" : x * 100, f, fmt: rateFmt } : { v: x === null ? "" : x * 100, fmt: rateFmt };
      }
      return cellFor(e, det, rateFmt);
    };
    const pl = f.planned.cd.reduce((s, _, i) => (i === N - 1 ? s + f.planned.cd[i]! + f.planned.fir[i]! + f.planned.etat[i]! + f.planned.ondam[i]! : s), 0);
    const budget = blockTotal(f, "cd") + blockTotal(f, "fir") + blockTotal(f, "etat") + blockTotal(f, "ondam");
    if (has("rateLastYear"))
      setCell(
        det,
        row,
        numCol.rateLastYear!,
        rateCell(ref("realisedLastYear", row), pLast, () => (pl ? f.realisedLast / pl : null)),
      );
    if (has("rateGlobal"))
      setCell(
        det,
        row,
        numCol.rateGlobal!,
        rateCell(ref("realisedSinceStart", row), ref("budget", row), () => (budget ? f.realisedSince / budget : null)),
      );
    if (has("gap")) setCell(det, row, numCol.gap!, cellFor({ k: "sub", a: ref("budget", row), b: ref("realisedSinceStart", row) }, det, amountFmt));
    if (has("source")) {
      const w = fundersWithMoney(f);
      text(det, row, numCol.source!, w.length ? w.map((x) => sourceNames[x]).join(join) : rng.pick(["", "Néant", "-"]));
    }
    cols.forEach((c, i) => {
      if (c.kind !== "extra") return;
      const h = c.path[c.path.length - 1]!;
      if (/engag/i.test(h)) setCell(det, row, colAt(i), { v: kv(Math.round(f.realisedLast * 1.1)), fmt: amountFmt });
      else if (/Date/.test(h)) setCell(det, row, colAt(i), { v: 44927 + rng.int(0, 700), fmt: "dd/mm/yyyy", date: true });
      else if (/engagée/.test(h)) setCell(det, row, colAt(i), { v: f.realisedLast > 0 });
      else if (/Nombre|Nb|nombre/.test(h)) text(det, row, colAt(i), String(rng.int(5, 400)));
      else if (rng.chance(0.5)) text(det, row, colAt(i), rng.pick(["RAS", "En cours", "Service PMI", "Action reconduite", "Retard de recrutement", "2 ETP"]));
    });
  }

  function writeTotals(row: number, over: number[], which: "sub" | "total"): void {
    cols.forEach((c, i) => {
      if (!c.summed || !c.role) return;
      const col = colAt(i);
      const xs: Expr[] = over.map((rr) => ({ k: "ref", r: rr, c: col }));
      const e: Expr = { k: "sum", xs };
      let cell: Cell;
      if (o.totalStyle === "values") cell = { v: null, e, fmt: amountFmt };
      else if (o.totalStyle === "SUMIF" && which === "total" && o.subtotals) {
        const first = subtotals[0]!.rows[0]!;
        const lab = SUBTOTAL_LABELS(0)[subLab]!.replace(/ ?0$/, "");
        cell = { v: null, e, f: `SUMIF(${a1(first, c0)}:${a1(row - 1, c0)},"${lab}*",${a1(first, col)}:${a1(row - 1, col)})`, fmt: amountFmt };
      } else {
        const contiguous = over.every((x, k) => x === over[0]! + k);
        const st: SumStyle = o.totalStyle === "SUMIF" ? "SUM" : o.totalStyle;
        // A SUM over the whole body when the rows in between are comments or title rows (they hold no numbers)
        const f =
          st === "SUM" && !contiguous && (which === "sub" || !o.subtotals)
            ? `SUM(${a1(over[0]!, col)}:${a1(over[over.length - 1]!, col)})`
            : st === "SUBTOTAL" && !contiguous
              ? `SUBTOTAL(9,${a1(over[0]!, col)}:${a1(over[over.length - 1]!, col)})`
              : render(e, det.name, st);
        cell = { v: null, e, f, fmt: amountFmt };
      }
      setCell(det, row, col, cell);
    });
    // rates of the total row: left empty (the engine fills them)
  }

  function extraTables(at: number): void {
    let rr = at;
    if (o.extraTables.includes("legend")) {
      feat("legend of acronyms under the table");
      text(det, rr++, c0, "Sigles");
      for (const [s, l] of [
        ["FIR", "Fonds d'intervention régional"],
        ["ONDAM", "Objectif national de dépenses d'assurance maladie"],
        ["MS", "Masse salariale"],
        ["DGAS", "Direction générale adjointe de la solidarité"],
      ]) {
        text(det, rr, c0, s!);
        text(det, rr++, c0 + 1, l!);
      }
      rr++;
    }
    if (o.extraTables.includes("chart")) {
      feat("chart data table under the annex");
      text(det, rr, c0, "Répartition par financeur");
      text(det, rr++, c0 + 1, "Montant");
      for (const b of [...cdBlocks.filter((b) => b !== "ms" && b !== "dgas"), ...coOrder]) {
        text(det, rr, c0, names[b]);
        setCell(det, rr++, c0 + 1, { v: kv(model.fiches.reduce((s, f) => s + blockTotal(f, b), 0)), fmt: amountFmt });
      }
      rr++;
    }
    if (o.extraTables.includes("signature")) {
      feat("signature block");
      text(det, rr++, c0, `Fait à Melun, le 30/06/${yn + 1}`);
      text(det, rr, c0, "Le Président du Conseil départemental");
      text(det, rr++, c0 + 4, "Le Directeur général de l'ARS");
      text(det, rr++, c0 + 8, "Le Préfet");
    }
  }

  function writeSummary(): TableTruth {
    const s = o.summary === "below" ? det : sum!;
    let rr = o.summary === "below" ? (det === s ? maxRow(det) + 3 : 1) : rng.int(1, 4);
    const sc0 = o.summary === "below" ? c0 : rng.int(1, 3);
    text(s, rr, sc0, rng.pick(["Rapport financier de la contractualisation", "SYNTHÈSE PAR ENGAGEMENT", "Récapitulatif financier"]));
    rr += 2;
    const sCols: { head: string; role: string; kind: "text" | "amount" }[] = [];
    const withMesure = rng.chance(0.4);
    if (withMesure) sCols.push({ head: w("words", HEAD.sMesure, "Mesure"), role: "mesure", kind: "text" });
    sCols.push({ head: w("fiche", HEAD.sFiche, "Fiche action N°"), role: "fiche", kind: "text" });
    sCols.push({ head: w("words", HEAD.sBudget, "Budget global") + unit, role: "budget", kind: "amount" });
    sCols.push({ head: w("words", HEAD.sDepartement, "Département"), role: "departement", kind: "amount" });
    for (const f of coOrder) sCols.push({ head: names[f], role: f, kind: "amount" });
    sCols.push({ head: w("words", HEAD.sModalite, "Modalités de financement Etat/AM"), role: "modalite", kind: "text" });
    if (N > 1) sCols.push({ head: w("words", HEAD.sPrior(yn - 1), `Budget consommé au 31/12/${yn - 1}`), role: "consumedPrior", kind: "amount" });
    sCols.push({ head: w("words", HEAD.sLast(yn), `Budget consommé en ${yn}`), role: "consumedLastYear", kind: "amount" });
    sCols.push({ head: w("words", HEAD.sSince(y0, yn), `Budget consommé ${y0}-${yn}`), role: "consumedSinceStart", kind: "amount" });
    const withObjectif = novel.has("shape") && rng.chance(0.4);
    if (withObjectif) sCols.splice(withMesure ? 1 : 0, 0, { head: rng.pick(HEAD.sObjectif), role: "objectif", kind: "text" });
    // two header rows: the money under « Plan de financement », the consumption under « Consommation »
    const twoRows = novel.has("shape") && rng.chance(0.5);
    const groupOf = (role: string) => (/^(budget|departement|fir|etat|ondam)$/.test(role) ? planWord : /^consumed/.test(role) ? consWord : null);
    const planWord = rng.pick(["Plan de financement", "Financement prévu", "MONTANTS CONTRACTUALISÉS"]);
    const consWord = rng.pick(["Consommation", "Budget consommé", "Exécution"]);
    const hr0 = twoRows ? rr++ : null;
    const hr = rr++;
    const sColumns: Record<string, string> = {};
    const sHeaders: Record<string, string> = {};
    let lastGroup: string | null = null;
    let groupStart = 0;
    sCols.forEach((c, i) => {
      const col = sc0 + i;
      const g = hr0 ? groupOf(c.role) : null;
      if (hr0 && g && g !== lastGroup) {
        text(s, hr0, col, fmtH(g));
        groupStart = col;
      }
      if (hr0 && g && g === lastGroup && col > groupStart) {
        const m = s.merges.findIndex((x) => x.startsWith(`${a1(hr0, groupStart)}:`));
        if (m >= 0) s.merges.splice(m, 1);
        s.merges.push(`${a1(hr0, groupStart)}:${a1(hr0, col)}`);
      }
      lastGroup = g;
      if (hr0 && !g) {
        text(s, hr0, col, fmtH(c.head));
        s.merges.push(`${a1(hr0, col)}:${a1(hr, col)}`);
      } else text(s, hr, col, fmtH(c.head));
      sColumns[c.role] = colLetter(col);
      sHeaders[colLetter(col)] = g ? `${fmtH(g)} / ${fmtH(c.head)}` : fmtH(c.head);
      summaryCols[c.role] = col;
      s.widths.set(col, c.kind === "amount" ? 16 : 20);
    });
    if (hr0) feat("summary header on 2 rows");
    if (withObjectif) feat("summary objective column");
    const sRef = (role: string, row: number): Expr => ({ k: "ref", r: row, c: summaryCols[role]! });
    const sFiche: Record<string, number[]> = {};
    const subs: { row: number; rows: number[] }[] = [];
    const formulas = rng.chance(0.5);
    const scell = (e: Expr, v: number | null): Cell => (formulas ? { v, e, f: render(e, s.name), fmt: amountFmt } : { v, e, fmt: amountFmt });
    const engs = [...new Set(model.fiches.map((f) => f.engagement))];
    for (const eg of engs) {
      text(s, rr++, sc0, ENGAGEMENT_TITLES[eg - 1]!);
      const rows: number[] = [];
      for (const f of model.fiches.filter((x) => x.engagement === eg)) {
        const row = rr++;
        rows.push(row);
        sFiche[f.key] = [row];
        if (withMesure) text(s, row, summaryCols.mesure!, eg === 5 ? "Conditions" : `Engagement ${eg}`);
        if (withObjectif) text(s, row, summaryCols.objectif!, `Objectif ${f.objective}`);
        setCell(s, row, summaryCols.fiche!, { v: combined || /^\d+$/.test(f.num) ? Number(f.key) : f.num });
        const dep = blockTotal(f, "cd");
        setCell(s, row, summaryCols.departement!, { v: kv(dep), fmt: amountFmt });
        for (const x of coOrder) setCell(s, row, summaryCols[x]!, { v: kv(blockTotal(f, x)), fmt: amountFmt });
        setCell(s, row, summaryCols.budget!, scell({ k: "add", xs: ["departement", ...coOrder].map((k) => sRef(k, row)) }, null));
        const w = fundersWithMoney(f).map((x) => (x === "fir" ? "FIR" : x === "etat" ? "PLF" : "AM"));
        text(s, row, summaryCols.modalite!, w.length ? w.join("/") : "CD");
        if (N > 1) setCell(s, row, summaryCols.consumedPrior!, { v: kv(f.realisedSince - f.realisedLast), fmt: amountFmt });
        setCell(s, row, summaryCols.consumedLastYear!, { v: kv(f.realisedLast), fmt: amountFmt });
        setCell(
          s,
          row,
          summaryCols.consumedSinceStart!,
          N > 1 ? scell({ k: "add", xs: [sRef("consumedPrior", row), sRef("consumedLastYear", row)] }, null) : { v: kv(f.realisedSince), fmt: amountFmt },
        );
      }
      const st = rr++;
      text(s, st, sc0, `Sous-total ${eg === 5 ? "conditions" : `engagement ${eg}`}`);
      subs.push({ row: st, rows });
      for (const c of sCols)
        if (c.kind === "amount") {
          const col = summaryCols[c.role]!;
          const e: Expr = { k: "sum", xs: rows.map((x) => ({ k: "ref", r: x, c: col })) };
          setCell(s, st, col, { v: null, e, f: render(e, s.name, "SUM"), fmt: amountFmt });
        }
    }
    const tr = rr++;
    text(s, tr, sc0, "Total");
    for (const c of sCols)
      if (c.kind === "amount") {
        const col = summaryCols[c.role]!;
        const e: Expr = { k: "sum", xs: subs.map((x) => ({ k: "ref", r: x.row, c: col })) };
        setCell(s, tr, col, { v: null, e, f: render(e, s.name, "SUMlist"), fmt: amountFmt });
      }
    return {
      kind: "summary",
      sheet: s.name,
      headerRows: hr0 ? [hr0, hr] : [hr],
      columns: sColumns,
      headers: sHeaders,
      ficheRows: sFiche,
      totalRow: tr,
      subtotals: subs,
      summed: sCols.filter((c) => c.kind === "amount").map((c) => sColumns[c.role]!),
    };
  }
}

function fmtObj(obj: number, rng: Rng): string {
  return rng.pick([`Objectif ${obj} : ${objectiveLabel(obj)}`, `OBJECTIF ${obj} - ${objectiveLabel(obj).toUpperCase()}`, `Obj. ${obj} ${objectiveLabel(obj)}`]);
}
function maxRow(s: Sheet): number {
  let m = 0;
  for (const k of s.cells.keys()) m = Math.max(m, Number(k.split(",")[0]));
  return m;
}
