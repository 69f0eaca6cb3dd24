// corpus4's annex generator: one seed, one workbook laid out the way a département's finance officer might keep it
// (French public-finance wording, funders under every name, offset tables, 1–4 header rows, TOTAL first or last,
// engagement rows carrying sums, fiches over several rows, hidden columns, extra sheets, cross-sheet formulas) and
// the truth of it: every role's column in both tables, every fiche's rows. Faults are injected by faults.ts.
import { addr, colLetter, merge, newSheet, setCell, sheetRef, type Book, type Sheet, type StyleKey, type Value } from "./book";
import { WORDS, OBJECTIVES, type Funder } from "./domain";
import { recalculate } from "./formula";
import { buildModel, cdYear, engagementTitle, lineBudget, plannedYear, sum, type Block, type FicheModel, type Line, type Model } from "./model";
import { Rng } from "./rng";
import type { Flavour } from "./xlsx";
import { lookalikeSheet } from "./lookalikes";

export interface TableTruth {
  kind: "detail" | "summary";
  sheet: string;
  headerRows: number[];
  /** Role key (as in `check`'s tables[].columns) → column letter. */
  columns: Record<string, string>;
  /** Role key → its header text (levels joined by « / »). */
  headerOf: Record<string, string>;
  /** Fiche number as displayed → its rows. */
  ficheRows: Record<string, number[]>;
  subtotalRows: number[];
  totalRow: number | null;
}

/** Where things are, for faults.ts and arith.ts: column numbers per role key, rows per fiche. */
export interface TableIndex {
  sheet: Sheet;
  col: Record<string, number>;
  lines: Array<{ fiche: number; line: number; row: number }>;
  groups: Array<{ row: number; fiches: number[]; kind: "subtotal" | "engsum" }>;
  totalRow: number | null;
  /** Summary: fiche index → row. */
  rowOf: Map<number, number>;
  headerBottom: number;
}

export interface Annex {
  seed: number;
  flavour: Flavour;
  book: Book;
  model: Model;
  truth: TableTruth[];
  features: string[];
  detail: TableIndex;
  summary: TableIndex;
  years: number[];
  /** Blocks present in the detail, each yearly or total only. */
  blocks: Array<{ block: Block; yearly: boolean }>;
  formulas: "all" | "totals" | "typed";
}

type Kind =
  | {
      r:
        | "fiche"
        | "label"
        | "theme"
        | "objective"
        | "objectiveType"
        | "indicator"
        | "source"
        | "budget"
        | "realisedLast"
        | "realisedSince"
        | "rateLast"
        | "rateGlobal"
        | "gap";
    }
  | { r: "year"; block: Block; yi: number }
  | { r: "btotal"; block: Block }
  | { r: "extra"; name: string; fill: (f: FicheModel, li: number) => Value; style: StyleKey; hidden?: boolean }
  | { r: "share"; funder: Funder };

interface DCol {
  k: Kind;
  path: string[];
  key: string | null;
  width: number;
  col: number;
}

const BLOCK_OF_SUM: Record<Funder, string> = { fir: "fir", etat: "etat", ondam: "ondam" };

function textTransform(rng: Rng, upper: boolean, breaks: boolean, euro: boolean) {
  return (s: string, amount = false): string => {
    let t = s;
    if (euro && amount && !/\d{4}$/.test(t) && t.length > 3) t += rng.pick([" (€)", " en €", " (en euros)"]);
    if (breaks && t.length > 14 && t.includes(" ")) {
      const sp = t.indexOf(" ", Math.floor(t.length / 2) - 3);
      if (sp > 0) t = `${t.slice(0, sp)}\n${t.slice(sp + 1)}`;
    }
    if (upper) t = t.toUpperCase();
    return t;
  };
}

export function generateAnnex(seed: number, opts: { modelHook?: (m: Model, rng: Rng) => void; flavour?: Flavour } = {}): Annex {
  const rng = new Rng(seed);
  const features: string[] = [];
  const feat = (s: string) => features.push(s);

  // ---- years, funders, model -------------------------------------------------------------------------------------
  const y0 = rng.int(2019, 2023);
  const nYears = rng.weighted([
    [2, 2],
    [3, 4],
    [4, 3],
    [5, 2],
  ] as const);
  const years = Array.from({ length: nYears }, (_, i) => y0 + i);
  const yn = years[years.length - 1]!;
  feat(`years:${y0}-${yn}`);
  let funders = (["fir", "etat", "ondam"] as Funder[]).filter(() => rng.chance(0.8));
  if (!funders.length) funders = [rng.pick(["fir", "etat", "ondam"] as Funder[])];
  funders = rng.chance(0.3) ? rng.shuffle(funders) : funders;
  feat(`funders:${funders.join("+")}`);
  const cents = rng.chance(0.3);
  if (cents) feat("amounts:cents");
  const multiRow = rng.chance(0.3) ? 0.2 : 0;
  const model = buildModel(rng, years, funders, cents, multiRow);
  opts.modelHook?.(model, new Rng(seed * 31 + 7));
  feat(`fiche-number:${model.numbering}`);
  if (model.fiches.some((f) => f.lines.length > 1)) feat("multi-row-fiche");

  const flavour: Flavour =
    opts.flavour ??
    rng.weighted([
      ["excel", 5],
      ["openpyxl", 2],
      ["xlsxwriter", 2],
      ["values", 2],
    ] as const);
  const formulas =
    flavour === "values"
      ? "typed"
      : rng.weighted([
          ["all", 6],
          ["totals", 2],
          ["typed", 1],
        ] as const);
  feat(`writer:${flavour}`);
  feat(`formulas:${formulas}`);

  // ---- column plan of the detail table ---------------------------------------------------------------------------
  const cdMode = rng.weighted([
    ["full", 5],
    ["msdgas", 2],
    ["cd", 2],
  ] as const);
  feat(`cd:${cdMode}`);
  const totalFirst = rng.chance(0.15);
  if (totalFirst) feat("block-total:first");
  const fundersYearly = rng.chance(0.75);
  if (!fundersYearly) feat("cofinancers:total-only");
  const depth = rng.weighted([
    [1, 2],
    [2, 5],
    [3, 3],
    [4, 2],
  ] as const);
  feat(`header-rows:${depth}`);
  const align =
    depth === 1
      ? "merge"
      : rng.weighted([
          ["merge", 4],
          ["top", 1],
          ["bottom", 3],
        ] as const);
  const groupMode = rng.weighted([
    ["merge", 5],
    ["first", 2],
    ["repeat", 1],
  ] as const);
  if (depth > 1) feat(`single-headers:${align}`);
  if (depth > 1) feat(`group-headers:${groupMode}`);
  const upper = rng.chance(0.15);
  const breaks = rng.chance(0.3);
  const euro = rng.chance(0.2);
  if (upper) feat("upper-case");
  if (breaks) feat("line-breaks");
  if (euro) feat("euro-in-header");
  const T = textTransform(rng, upper, breaks, euro);

  const superPlanned = rng.pick(["Financement prévisionnel", "PRÉVISIONNEL", "Plan de financement", "Budget primitif (BP)", "Prévisions"]);
  const subCd = rng.pick(["Financement départemental", "Département", "Conseil départemental", "Part CD"]);
  const subCofin = rng.pick(["Co-financements", "Cofinanceurs", "Partenaires financeurs", "Autres financeurs"]);
  const superReal = rng.pick(["EXÉCUTION", "Réalisé", "Compte administratif", "Exécution budgétaire", "Suivi de l'exécution"]);

  const yearWordIdx = rng.int(0, 7);
  const yearWord = (y: number) => WORDS.year(y)[yearWordIdx]!;
  if (yearWordIdx > 1) feat(`year-header:${WORDS.year(2000)[yearWordIdx]!.replace("2000", "Y")}`);
  const totalWord = rng.pick(WORDS.blockTotal(y0, yn));
  const blockWord: Record<Block, string> = {
    ms: rng.pick(WORDS.ms),
    dgas: rng.pick(WORDS.dgas),
    cd: rng.pick(WORDS.cd),
    fir: rng.pick(WORDS.fir),
    etat: rng.pick(WORDS.etat),
    ondam: rng.pick(WORDS.ondam),
  };
  // A block under a "Département" sub-group must not be called "Département" itself in a flat header.
  const flatTotal = (b: Block) =>
    rng.pick(
      b === "cd" && /total/i.test(blockWord.cd) ? [blockWord.cd] : [`Total ${blockWord[b]}`, `${blockWord[b]} - Total`, `Total ${blockWord[b]} ${y0}-${yn}`],
    );

  const cols: DCol[] = [];
  const add = (k: Kind, path: string[], key: string | null, width: number) => cols.push({ k, path, key, width, col: 0 });
  // identifying columns
  const ficheWord = rng.pick(WORDS.fiche);
  const labelWord = ficheWord === "N°" || ficheWord === "FA" ? rng.pick(WORDS.labelBesideN) : rng.pick(WORDS.labelBesideN.slice(2));
  add({ r: "fiche" }, [T(ficheWord)], "fiche", 10);
  add({ r: "label" }, [T(labelWord)], "label", 42);
  const extrasEarly = rng.chance(0.4);
  const extra = (name: string, fill: (f: FicheModel, li: number) => Value, style: StyleKey = "text", hidden = false): Kind => ({
    r: "extra",
    name,
    fill,
    style,
    hidden,
  });
  const SERVICES = ["DEF", "PMI", "ASE", "SDAS", "Mission prévention", "DGA Solidarités"];
  const pool: Kind[] = [
    extra("Service pilote", (f) => SERVICES[f.display.length % SERVICES.length]!),
    extra("Commentaires", (f, li) => (li === 0 && f.label.length % 3 === 0 ? "Action reconduite en " + yn : null)),
    extra("Observations", (f, li) => (li === 0 && f.label.length % 2 === 0 ? "Recrutement en cours" : null)),
    extra("Date de début", (f) => 43831 + f.label.length * 17, "date"),
    extra("Partenaires", (f) => (f.label.length % 2 ? "Associations, CAF" : "CPAM, Éducation nationale")),
    extra("Nombre de bénéficiaires", (f, li) => (li === 0 ? 20 + f.label.length * 3 : null), "text"),
  ];
  const extras = rng.shuffle(pool).slice(
    0,
    rng.weighted([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 1],
    ] as const),
  );
  const code = rng.chance(0.3);
  if (code) feat("hidden-column:code-analytique");
  if (code)
    add(
      extra("Code analytique", (f) => `6568-${f.display.replace(/\D/g, "")}`, "text", true),
      ["Code analytique"],
      null,
      12,
    );
  if (rng.chance(0.6)) add({ r: "theme" }, [T(rng.pick(WORDS.theme))], "theme", 14);
  const hasObjective = rng.chance(0.85);
  if (hasObjective) add({ r: "objective" }, [T(rng.pick(WORDS.objective))], "objective", 40);
  const hasType = hasObjective && rng.chance(0.8);
  if (hasType) add({ r: "objectiveType" }, [T(rng.pick(WORDS.objectiveType))], "objectiveType", 14);
  if (rng.chance(0.3)) add({ r: "indicator" }, [T(rng.pick(WORDS.indicator))], "indicator", 30);
  if (extrasEarly) for (const e of extras) add(e, [T((e as { name: string }).name)], null, 16);

  const amountW = cents ? 19 : 17;
  const budgetFirst = rng.chance(0.65);
  const budgetWord = rng.pick(WORDS.budget(y0, yn));
  const addBudget = () =>
    add({ r: "budget" }, depth >= 3 && rng.chance(0.5) ? [T(superPlanned), T(budgetWord, true)] : [T(budgetWord, true)], "budget", amountW + 1);
  if (budgetFirst) addBudget();
  else feat("budget:after-blocks");

  const blocks: Array<{ block: Block; yearly: boolean }> = [];
  const blockPath = (b: Block, leaf: string | null, flat: string): string[] => {
    const sub = b === "ms" || b === "dgas" || b === "cd" ? subCd : subCofin;
    if (depth === 1) return [T(flat, true)];
    const base = leaf === null ? [T(blockWord[b], true)] : [T(blockWord[b]), T(leaf, true)];
    if (depth === 2) return leaf === null ? base : base;
    if (depth === 3) return [T(rng.chance(0.5) ? sub : superPlanned), ...base];
    return [T(superPlanned), T(sub), ...base];
  };
  const addBlock = (b: Block, yearly: boolean) => {
    blocks.push({ block: b, yearly });
    const key = b === "cd" ? "cdTotal" : `${b}Total`;
    const total = () =>
      add(
        { r: "btotal", block: b },
        blockPath(b, yearly ? totalWord : null, yearly ? flatTotal(b) : blockWord[b] === "FIR" ? "Montant FIR" : blockWord[b]),
        key,
        amountW,
      );
    if (yearly && totalFirst) total();
    if (yearly) years.forEach((y, yi) => add({ r: "year", block: b, yi }, blockPath(b, yearWord(y), `${blockWord[b]} ${y}`), `${b}${y}`, amountW));
    if (!yearly || !totalFirst) total();
  };
  const cdBlocks = () => {
    if (cdMode !== "cd") {
      addBlock("ms", true);
      addBlock("dgas", true);
    }
    if (cdMode !== "msdgas") addBlock("cd", true);
  };
  const sourceFirst = rng.chance(0.7);
  const addSource = () => add({ r: "source" }, [T(rng.pick(WORDS.source))], "source", 22);
  const fundersFirst = rng.chance(0.12);
  if (fundersFirst) feat("cofinancers-before-cd");
  const cofin = () => {
    if (sourceFirst) addSource();
    for (const f of funders) addBlock(f, fundersYearly);
    if (!sourceFirst) addSource();
  };
  if (fundersFirst) {
    cofin();
    cdBlocks();
  } else {
    cdBlocks();
    cofin();
  }
  if (!budgetFirst) addBudget();
  if (rng.chance(0.2) && funders.length) {
    const f = rng.pick(funders);
    add({ r: "share", funder: f }, [T(`Part ${{ fir: "FIR", etat: "État", ondam: "ONDAM" }[f]} (%)`)], null, 10);
    feat("extra-col:share-%");
  }

  // realisations
  const realGrouped = depth >= 2 && rng.chance(0.35);
  const hasRates = rng.chance(0.85);
  const hasGap = rng.chance(0.9);
  const realOrder = rng.chance(0.5);
  const realSuper = depth >= 3 && rng.chance(0.5);
  const rp = (p: string[]) => (realSuper ? [T(superReal), ...p] : p);
  if (realGrouped) {
    feat("realised:grouped-montant-taux");
    const gl = T(rng.pick([`Exécution ${yn}`, `Réalisé ${yn}`, `CA ${yn}`, `Année ${yn}`, `Mandaté ${yn}`]));
    const gc = T(rng.pick([`Exécution cumulée ${y0}-${yn}`, `Cumul ${y0}-${yn}`, `Depuis ${y0}`, `Réalisé cumulé ${y0}-${yn}`]));
    const m = rng.pick(["Montant", "Montant", "€", "Réalisé"]);
    const t = rng.pick(["Taux", "Taux", "%", "Taux d'exécution"]);
    add({ r: "realisedLast" }, rp([gl, m]), "realisedLastYear", amountW);
    if (hasRates) add({ r: "rateLast" }, rp([gl, t]), "rateLastYear", 10);
    add({ r: "realisedSince" }, rp([gc, m]), "realisedSinceStart", amountW);
    if (hasRates) add({ r: "rateGlobal" }, rp([gc, t]), "rateGlobal", 10);
  } else {
    const rl = T(rng.pick(WORDS.realisedLast(yn)), true);
    const rs = T(rng.pick(WORDS.realisedSince(y0, yn)), true);
    const tl = T(rng.pick(WORDS.rateLast(yn)));
    const tg = T(rng.pick(WORDS.rateGlobal(y0, yn)));
    feat(`realised-word:${rl.replace(/\d{4}/g, "Y").replace(/\n/g, " ")}`);
    add({ r: "realisedLast" }, rp([rl]), "realisedLastYear", amountW);
    if (realOrder) {
      if (hasRates) add({ r: "rateLast" }, rp([tl]), "rateLastYear", 10);
      add({ r: "realisedSince" }, rp([rs]), "realisedSinceStart", amountW);
      if (hasRates) add({ r: "rateGlobal" }, rp([tg]), "rateGlobal", 10);
    } else {
      add({ r: "realisedSince" }, rp([rs]), "realisedSinceStart", amountW);
      if (hasRates) add({ r: "rateLast" }, rp([tl]), "rateLastYear", 10);
      if (hasRates) add({ r: "rateGlobal" }, rp([tg]), "rateGlobal", 10);
    }
  }
  const gapWord = T(rng.pick(WORDS.gap(y0)), true);
  if (hasGap) add({ r: "gap" }, [gapWord], "gap", amountW);
  if (hasGap) feat(`gap-word:${gapWord.replace(/\d{4}/g, "Y").replace(/\n/g, " ")}`);
  if (!extrasEarly) for (const e of extras) add(e, [T((e as { name: string }).name)], null, 16);
  for (const e of extras) feat(`extra-col:${(e as { name: string }).name}`);

  // ---- sheets and placement ----------------------------------------------------------------------------------------
  const book: Book = { sheets: [] };
  const placement = rng.weighted([
    ["sheets", 6],
    ["below", 2],
    ["above", 1],
    ["right", 2],
  ] as const);
  feat(`placement:${placement}`);
  const detailName = rng.pick([
    "Suivi fiches actions",
    "Annexe financière",
    "Détail FA",
    "Tableau 1",
    "Bilan " + yn,
    "CDPPE " + yn,
    "Suivi financier",
    "Annexe 1",
  ]);
  const summaryName = rng.pick(["Synthèse", "Synthèse financière", "Récap par engagement", "Tableau 2", "Rapport financier", "Annexe 2"]);
  const dSheet = newSheet(detailName);
  const sSheet = placement === "sheets" ? newSheet(summaryName === detailName ? "Synthèse" : summaryName) : dSheet;
  const summaryFirstSheet = placement === "sheets" && rng.chance(0.5);
  // Extra sheets
  const pre: Sheet[] = [];
  const post: Sheet[] = [];
  if (rng.chance(0.2)) {
    pre.push(lookalikeSheet("pivot", rng, { years, funders, total: 0, name: rng.pick(["TCD", "Totaux par financeur", "Synthèse financeurs"]) }));
    feat("extra-sheet:pivot-before");
  }
  if (rng.chance(0.2)) {
    pre.push(lookalikeSheet("notes", rng, { years, funders, total: 0, name: rng.pick(["Notes", "Lisez-moi", "Mode d'emploi"]) }));
    feat("extra-sheet:notes");
  }
  if (rng.chance(0.15)) {
    const p = lookalikeSheet("params", rng, { years, funders, total: 0, name: "Paramètres" });
    if (rng.chance(0.5)) p.state = "hidden";
    post.push(p);
    feat("extra-sheet:parametres");
  }
  if (rng.chance(0.15)) {
    post.push(lookalikeSheet("chart", rng, { years, funders, total: 0, name: rng.pick(["Données graphique", "Graphique", "Données"]) }));
    feat("extra-sheet:chart-data");
  }
  const crossRef = formulas === "all" && rng.chance(0.2);
  const budgetSheet = crossRef ? newSheet("Budget détaillé") : null;
  if (budgetSheet) {
    feat("amounts:cross-sheet-formulas");
    setCell(budgetSheet, 1, 1, "Fiche", "head");
    setCell(budgetSheet, 1, 2, "Imputation", "head");
    setCell(budgetSheet, 1, 3, "Exercice", "head");
    setCell(budgetSheet, 1, 4, "Montant", "head");
    budgetSheet.widths.set(4, 16);
  }
  let budgetRow = 1;
  const ordered = summaryFirstSheet ? [sSheet, dSheet] : placement === "sheets" ? [dSheet, sSheet] : [dSheet];
  book.sheets.push(...pre, ...ordered, ...post);
  if (budgetSheet) book.sheets.push(budgetSheet);

  // ---- the detail table ---------------------------------------------------------------------------------------------
  const bodyMode = rng.weighted([
    ["plain", 3],
    ["titles", 2],
    ["subtotals", 3],
    ["engsum", 2],
    ["objsub", 1],
  ] as const);
  feat(`detail-body:${bodyMode}`);
  const totalAtTop = rng.chance(0.2);
  if (totalAtTop) feat("total:first");
  const totalLabel = rng.pick(["TOTAL", "TOTAL", "Total général", "TOTAL ANNEXE", "Total CDPPE", "TOTAL GENERAL", "Total"]);
  feat(`total-label:${totalLabel}`);
  const blanks = rng.chance(0.3);
  if (blanks) feat("blank-rows");
  const numberMerged = rng.chance(0.6);

  const leftCol = rng.chance(0.45) ? 1 : rng.int(2, 8);
  const titleRows = rng.chance(0.2) ? 0 : rng.int(1, Math.max(1, 19 - depth - 1));
  if (leftCol > 1) feat("offset:column");
  if (titleRows > 3) feat("offset:rows");
  const summarySpec = planSummary(rng, funders, years, T, features);

  const renderDetail = (top: number): { index: TableIndex; truth: TableTruth; lastRow: number; lastCol: number } => {
    const sh = dSheet;
    let c = leftCol;
    for (const dc of cols) dc.col = c++;
    const lastCol = c - 1;
    const colOf: Record<string, number> = {};
    for (const dc of cols) if (dc.key) colOf[dc.key] = dc.col;
    // title block
    const titles = [
      "CONTRAT DÉPARTEMENTAL DE PRÉVENTION ET DE PROTECTION DE L'ENFANCE",
      `Annexe financière - bilan d'exécution ${yn}`,
      "Département de " + rng.pick(["la Sarthe", "l'Aisne", "Seine-et-Marne", "la Gironde", "l'Isère", "la Manche"]),
      "Montants en euros",
      `Mise à jour : 30/04/${yn + 1}`,
    ];
    for (let i = 0; i < titleRows && i < titles.length; i++) {
      setCell(sh, top + i, leftCol, titles[i]!, i === 0 ? "title" : "text");
      if (i === 0 && rng.chance(0.5)) merge(sh, top, leftCol, top, Math.min(lastCol, leftCol + 8));
    }
    const h0 = top + titleRows;
    const headerRows = Array.from({ length: depth }, (_, i) => h0 + i);
    writeHeaders(sh, cols, h0, depth, align, groupMode);
    const headerOf: Record<string, string> = {};
    for (const dc of cols) if (dc.key) headerOf[dc.key] = dc.path.join(" / ");
    for (const dc of cols) {
      sh.widths.set(dc.col, dc.width);
      if (dc.k.r === "extra" && dc.k.hidden) sh.hiddenCols.add(dc.col);
    }
    let r = h0 + depth;
    const index: TableIndex = { sheet: sh, col: colOf, lines: [], groups: [], totalRow: null, rowOf: new Map(), headerBottom: h0 + depth - 1 };
    const ficheRows: Record<string, number[]> = {};
    const subtotalRows: number[] = [];
    const amountCols = cols.filter((x) => ["year", "btotal", "budget", "realisedLast", "realisedSince", "gap"].includes(x.k.r));
    const L = (key: string, row: number) => `${colLetter(colOf[key]!)}${row}`;
    const amountStyle: StyleKey = cents ? "cents" : rng.chance(0.3) ? "acct" : "int";
    const boldStyle: StyleKey = cents ? "bold-cents" : "bold-int";

    // rates and gap of a row whose amount cells are in place
    const pYearRefs = (row: number): string[] | null => {
      const refs: string[] = [];
      const last = yn;
      if (colOf[`cd${last}`]) refs.push(L(`cd${last}`, row));
      else if (colOf[`ms${last}`] && colOf[`dgas${last}`]) refs.push(L(`ms${last}`, row), L(`dgas${last}`, row));
      else return null;
      for (const f of funders) {
        if (!colOf[`${f}${last}`]) return null;
        refs.push(L(`${f}${last}`, row));
      }
      return refs;
    };
    const writeDerived = (row: number, budget: number, pLast: number, rl: number, rs: number, fTotals: Record<string, number>, bold: boolean) => {
      const useF = formulas === "all" || (formulas === "totals" && bold);
      if (colOf.rateLastYear) {
        const p = pYearRefs(row);
        if (useF && p) setCell(sh, row, colOf.rateLastYear, null, "pct", `IF((${p.join("+")})=0,"",${L("realisedLastYear", row)}/(${p.join("+")}))`);
        else setCell(sh, row, colOf.rateLastYear, pLast === 0 ? null : rl / pLast, "pct");
      }
      if (colOf.rateGlobal) {
        if (useF && colOf.budget)
          setCell(sh, row, colOf.rateGlobal, null, "pct", `IF(${L("budget", row)}=0,"",${L("realisedSinceStart", row)}/${L("budget", row)})`);
        else setCell(sh, row, colOf.rateGlobal, budget === 0 ? null : rs / budget, "pct");
      }
      if (colOf.gap) {
        if (useF) setCell(sh, row, colOf.gap, null, bold ? boldStyle : amountStyle, `${L("budget", row)}-${L("realisedSinceStart", row)}`);
        else setCell(sh, row, colOf.gap, Math.round((budget - rs) * 100) / 100, bold ? boldStyle : amountStyle);
      }
      for (const dc of cols)
        if (dc.k.r === "share") {
          const k = `${dc.k.funder}Total`;
          if (useF) setCell(sh, row, dc.col, null, "pct1", `IF(${L("budget", row)}=0,0,${L(k, row)}/${L("budget", row)})`);
          else setCell(sh, row, dc.col, budget === 0 ? 0 : fTotals[dc.k.funder]! / budget, "pct1");
        }
    };

    const writeLine = (fi: number, li: number, row: number) => {
      const f = model.fiches[fi]!;
      const l: Line = f.lines[li]!;
      index.lines.push({ fiche: fi, line: li, row });
      (ficheRows[f.display] ??= []).push(row);
      const useF = formulas !== "typed";
      const base = (b: Block, yi: number): number => (b === "cd" ? cdYear(l, yi) : l.y[b][yi]!);
      const total = (b: Block): number => Math.round(sum(years.map((_, yi) => base(b, yi))) * 100) / 100;
      for (const dc of cols) {
        const k = dc.k;
        switch (k.r) {
          case "fiche":
            if (li === 0) setCell(sh, row, dc.col, f.numeric ? Number(f.display) : f.display, "text");
            break;
          case "label":
            setCell(sh, row, dc.col, li === 0 ? f.label : `dont volet ${li + 1} : ${["personnel", "fonctionnement", "investissement"][li % 3]}`, "wrap");
            break;
          case "theme":
            if (li === 0) setCell(sh, row, dc.col, f.theme);
            break;
          case "objective":
            if (li === 0 && f.objective) setCell(sh, row, dc.col, objectiveText(f.objective, seed), "wrap");
            break;
          case "objectiveType":
            if (li === 0 && f.objective) setCell(sh, row, dc.col, typeText(f.objective.fund, seed));
            break;
          case "indicator":
            if (li === 0)
              setCell(sh, row, dc.col, rng.pick(["Nombre de bénéficiaires", "Taux de couverture", "Délai moyen d'évaluation", "Nombre de visites"]));
            break;
          case "source":
            if (li === 0) setCell(sh, row, dc.col, f.source || null);
            break;
          case "extra":
            setCell(sh, row, dc.col, k.fill(f, li), k.style);
            break;
          case "share":
            break;
          case "year": {
            const v = base(k.block, k.yi);
            const derived = k.block === "cd" && cdMode === "full";
            if (derived && useF) {
              const a = L(`ms${years[k.yi]}`, row);
              const b = L(`dgas${years[k.yi]}`, row);
              setCell(sh, row, dc.col, null, amountStyle, rng.chance(0.5) ? `${a}+${b}` : `SUM(${a},${b})`);
            } else if (budgetSheet && useF) {
              budgetRow++;
              setCell(budgetSheet, budgetRow, 1, f.display);
              setCell(budgetSheet, budgetRow, 2, k.block.toUpperCase());
              setCell(budgetSheet, budgetRow, 3, years[k.yi]!);
              setCell(budgetSheet, budgetRow, 4, v, amountStyle);
              setCell(sh, row, dc.col, null, amountStyle, `${sheetRef(budgetSheet.name)}!D${budgetRow}`);
            } else setCell(sh, row, dc.col, v === 0 && f.lines.length === 1 && seed % 5 === 0 ? null : v, amountStyle);
            break;
          }
          case "btotal": {
            const b = k.block;
            const yearly = blocks.find((x) => x.block === b)!.yearly;
            if (yearly && useF) setCell(sh, row, dc.col, null, amountStyle, `SUM(${L(`${b}${years[0]}`, row)}:${L(`${b}${yn}`, row)})`);
            else setCell(sh, row, dc.col, total(b), amountStyle);
            break;
          }
          case "budget": {
            const parts: string[] = [];
            if (colOf.cdTotal) parts.push(L("cdTotal", row));
            else parts.push(L("msTotal", row), L("dgasTotal", row));
            for (const fu of funders) parts.push(L(`${fu}Total`, row));
            if (useF) setCell(sh, row, dc.col, null, amountStyle, rng.chance(0.7) ? parts.join("+") : `SUM(${parts.join(",")})`);
            else setCell(sh, row, dc.col, lineBudget(l), amountStyle);
            break;
          }
          case "realisedLast":
            setCell(sh, row, dc.col, l.realisedLast, amountStyle);
            break;
          case "realisedSince":
            setCell(sh, row, dc.col, l.realisedSince, amountStyle);
            break;
        }
      }
      const ft: Record<string, number> = {};
      for (const fu of funders) ft[fu] = sum(l.y[fu]);
      writeDerived(row, lineBudget(l), plannedYear(l, years.length - 1), l.realisedLast, l.realisedSince, ft, false);
      if (li === f.lines.length - 1 && f.lines.length > 1 && numberMerged) {
        const first = row - f.lines.length + 1;
        merge(sh, first, colOf.fiche!, row, colOf.fiche!);
        if (colOf.objective && rng.chance(0.5)) merge(sh, first, colOf.objective, row, colOf.objective);
      }
    };

    // sum rows (TOTAL, sub-totals, engagement rows carrying sums): each amount column is a SUM of given rows
    const ficheSums = (fis: number[]) => {
      const ls = fis.flatMap((fi) => model.fiches[fi]!.lines);
      const budget = sum(ls.map(lineBudget));
      const pLast = sum(ls.map((l) => plannedYear(l, years.length - 1)));
      const rl = sum(ls.map((l) => l.realisedLast));
      const rs = sum(ls.map((l) => l.realisedSince));
      const ft: Record<string, number> = {};
      for (const fu of funders) ft[fu] = sum(ls.map((l) => sum(l.y[fu])));
      return { budget, pLast, rl, rs, ft };
    };
    const writeSumRow = (row: number, label: string, fis: number[], rowsToSum: number[] | { range: [number, number] }, labelCol: number) => {
      setCell(sh, row, labelCol, label, "head");
      const useF = formulas !== "typed" || true;
      for (const dc of amountCols) {
        if (dc.k.r === "gap" && formulas === "all") continue;
        const letter = colLetter(dc.col);
        let f: string;
        if ("range" in rowsToSum) f = `SUM(${letter}${rowsToSum.range[0]}:${letter}${rowsToSum.range[1]})`;
        else if (rowsToSum.length > 0 && rowsToSum.length <= 8 && rng.chance(0.5)) f = rowsToSum.map((x) => `${letter}${x}`).join("+");
        else
          f = `SUM(${compress(rowsToSum)
            .map(([a, b]) => (a === b ? `${letter}${a}` : `${letter}${a}:${letter}${b}`))
            .join(",")})`;
        setCell(sh, row, dc.col, null, boldStyle, useF ? f : undefined);
      }
      const s = ficheSums(fis);
      writeDerived(row, s.budget, s.pLast, s.rl, s.rs, s.ft, true);
    };

    // Body plan: which rows hold what
    type Item =
      | { t: "line"; fi: number; li: number }
      | { t: "title"; g: number; text: string }
      | { t: "sub"; g: number; text: string }
      | { t: "engsum"; g: number; text: string }
      | { t: "blank" };
    const items: Item[] = [];
    const groupsOf = new Map<string, number[]>();
    model.fiches.forEach((f, fi) => {
      const key = bodyMode === "objsub" ? `o${f.objective?.n ?? 0}` : `e${f.eng}`;
      if (!groupsOf.has(key)) groupsOf.set(key, []);
      groupsOf.get(key)!.push(fi);
    });
    const groupList = [...groupsOf.values()];
    const subWord = rng.pick(["Sous-total", "Total", "S/T", "Sous-total"]);
    groupList.forEach((fis, g) => {
      const f0 = model.fiches[fis[0]!]!;
      const engText = engagementTitle(f0.eng);
      const shortEng = f0.eng < 4 ? `engagement ${f0.eng + 1}` : "conditions pour y parvenir";
      if (bodyMode === "titles" || (bodyMode === "subtotals" && rng.chance(0.7))) items.push({ t: "title", g, text: engText });
      if (bodyMode === "engsum") items.push({ t: "engsum", g, text: engText });
      for (const fi of fis) model.fiches[fi]!.lines.forEach((_, li) => items.push({ t: "line", fi, li }));
      if (bodyMode === "subtotals") items.push({ t: "sub", g, text: `${subWord} ${shortEng}` });
      if (bodyMode === "objsub")
        items.push({ t: "sub", g, text: f0.objective ? `${subWord} objectif ${f0.objective.n}` : `${subWord} hors objectif national` });
      if (blanks && g < groupList.length - 1) items.push({ t: "blank" });
    });
    const labelCol = rng.chance(0.5) ? colOf.label! : colOf.fiche!;
    const totalRowAt = (row: number) => {
      const groupRows = index.groups.map((g) => g.row);
      const all = model.fiches.map((_, i) => i);
      if (groupRows.length) writeSumRow(row, totalLabel, all, groupRows, labelCol);
      else {
        const rows = index.lines.map((x) => x.row);
        writeSumRow(row, totalLabel, all, { range: [Math.min(...rows), Math.max(...rows)] }, labelCol);
      }
      index.totalRow = row;
      if (rng.chance(0.4)) merge(sh, row, colOf.fiche!, row, colOf.label!);
    };
    // rows first (a TOTAL on top needs the rows below it)
    let totalRow = -1;
    if (totalAtTop) totalRow = r++;
    const placed: Array<{ item: Item; row: number }> = [];
    for (const it of items) placed.push({ item: it, row: r++ });
    if (!totalAtTop) totalRow = r++;
    for (const { item, row } of placed) if (item.t === "line") writeLine(item.fi, item.li, row);
    for (const { item, row } of placed) {
      if (item.t === "title") {
        setCell(sh, row, colOf.fiche!, item.text, "head");
        if (rng.chance(0.5)) merge(sh, row, colOf.fiche!, row, colOf.label!);
      } else if (item.t === "sub" || item.t === "engsum") {
        const fis = groupList[item.g]!;
        const rows = index.lines.filter((x) => fis.includes(x.fiche)).map((x) => x.row);
        writeSumRow(row, item.text, fis, { range: [Math.min(...rows), Math.max(...rows)] }, item.t === "engsum" ? colOf.fiche! : labelCol);
        index.groups.push({ row, fiches: fis, kind: item.t === "sub" ? "subtotal" : "engsum" });
        subtotalRows.push(row);
      }
    }
    totalRowAt(totalRow);
    if (rng.chance(0.2)) {
      // A hidden row: a fiche row hidden by a filter, or a hidden note line under the table.
      const target = rng.chance(0.5) && index.lines.length > 3 ? index.lines[1]!.row : Math.max(totalRow, r - 1) + 1;
      if (target > Math.max(totalRow, r - 1)) setCell(sh, target, colOf.label!, "Ligne de contrôle masquée");
      sh.hiddenRows.add(target);
      feat("hidden-row");
    }
    const last = Math.max(totalRow, r - 1) + 1;
    if (rng.chance(0.3)) {
      setCell(sh, last + 1, leftCol, `(1) Montants votés au BP ${yn} et décisions modificatives.`, "text");
      feat("notes-under-table");
    }
    if (rng.chance(0.5)) sh.freeze = { row: h0 + depth - 1, col: rng.chance(0.5) ? colOf.label! : 0 };
    if (rng.chance(0.15)) sh.autoFilter = `${addr(h0 + depth - 1, leftCol)}:${addr(last - 1, lastCol)}`;
    const columns: Record<string, string> = {};
    for (const dc of cols) if (dc.key) columns[dc.key] = colLetter(dc.col);
    return {
      index,
      truth: { kind: "detail", sheet: sh.name, headerRows, columns, headerOf, ficheRows, subtotalRows, totalRow },
      lastRow: last + 2,
      lastCol,
    };
  };

  let detail: ReturnType<typeof renderDetail>;
  let summary: ReturnType<typeof renderSummary>;
  const summaryArgs = (sheet: Sheet, top: number, left: number, d: TableIndex | null) =>
    renderSummary(new Rng(seed * 13 + 5), sheet, top, left, model, summarySpec, d, formulas, budgetSheet !== null || formulas === "all");
  if (placement === "above") {
    const dry = summaryArgs(newSheet("dry"), 2, leftCol, null);
    detail = renderDetail(dry.lastRow + rng.int(3, 5));
    summary = summaryArgs(dSheet, 2, leftCol, detail.index);
  } else {
    detail = renderDetail(1);
    if (placement === "below") summary = summaryArgs(dSheet, detail.lastRow + rng.int(2, 5), leftCol, detail.index);
    else if (placement === "right") summary = summaryArgs(dSheet, detail.truth.headerRows[0]!, detail.lastCol + rng.int(2, 4), detail.index);
    else summary = summaryArgs(sSheet, rng.int(1, 6), rng.chance(0.6) ? 1 : rng.int(2, 4), detail.index);
  }
  for (const s of summarySpec.features) feat(s);

  recalculate(book);
  return {
    seed,
    flavour,
    book,
    model,
    truth: [detail.truth, summary.truth],
    features,
    detail: detail.index,
    summary: summary.index,
    years,
    blocks,
    formulas,
  };
}

function compress(rows: number[]): Array<[number, number]> {
  const s = [...rows].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const r of s) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

function objectiveText(o: (typeof OBJECTIVES)[number], seed: number): string {
  switch (seed % 5) {
    case 0:
      return `Objectif ${o.n} : ${o.label}`;
    case 1:
      return `Obj. ${o.n} - ${o.label}`;
    case 2:
      return `${o.n} - ${o.label}`;
    case 3:
      return `Objectif n°${o.n} : ${o.label}`;
    default:
      return `Objectif ${o.n} - ${o.label}`;
  }
}

function typeText(fund: boolean, seed: number): string {
  const s = fund ? "Fondamental" : "Facultatif";
  return seed % 3 === 0 ? s.toUpperCase() : seed % 3 === 1 ? s : s.toLowerCase();
}

/** Writes header cells for columns with paths of 1..depth levels. */
function writeHeaders(sh: Sheet, cols: DCol[], h0: number, depth: number, align: string, groupMode: string): void {
  const bottom = h0 + depth - 1;
  // per column: the row each path level sits on
  const levelRows = (dc: DCol): number[] => {
    const L = dc.path.length;
    const start = align === "bottom" ? bottom - L + 1 : h0;
    return dc.path.map((_, i) => start + i);
  };
  // groups: consecutive columns with the same prefix at the same rows
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < cols.length) {
      const dc = cols[i]!;
      const rows = levelRows(dc);
      if (level >= dc.path.length - 1) {
        i++;
        continue;
      }
      const prefix = dc.path.slice(0, level + 1).join("\u0001");
      let j = i + 1;
      while (
        j < cols.length &&
        cols[j]!.path.length - 1 > level &&
        cols[j]!.path.slice(0, level + 1).join("\u0001") === prefix &&
        levelRows(cols[j]!)[level] === rows[level]
      )
        j++;
      const row = rows[level]!;
      if (groupMode === "repeat") for (let x = i; x < j; x++) setCell(sh, row, cols[x]!.col, dc.path[level]!, "head");
      else {
        setCell(sh, row, dc.col, dc.path[level]!, "head");
        if (groupMode === "merge" && j - i > 1) merge(sh, row, dc.col, row, cols[j - 1]!.col);
      }
      i = j;
    }
  }
  for (const dc of cols) {
    const rows = levelRows(dc);
    const leafRow = rows[rows.length - 1]!;
    setCell(sh, leafRow, dc.col, dc.path[dc.path.length - 1]!, "head");
    if (align === "merge" && leafRow < bottom) merge(sh, leafRow, dc.col, bottom, dc.col);
  }
}

// ---- the summary table ------------------------------------------------------------------------------------------

interface SummarySpec {
  cols: Array<{ key: string; path: string[]; width: number }>;
  depth: number;
  subtotals: boolean;
  titles: boolean;
  mesureEach: boolean;
  features: string[];
}

function planSummary(rng: Rng, funders: Funder[], years: number[], T: (s: string, amount?: boolean) => string, _f: string[]): SummarySpec {
  const y0 = years[0]!;
  const yn = years[years.length - 1]!;
  const features: string[] = [];
  const depth = rng.chance(0.4) ? 2 : 1;
  features.push(`summary-header-rows:${depth}`);
  const cols: SummarySpec["cols"] = [];
  const hasMesure = rng.chance(0.6);
  const hasObjectif = rng.chance(0.6);
  if (hasMesure) cols.push({ key: "mesure", path: [T(rng.pick(WORDS.mesure))], width: 30 });
  if (hasObjectif) cols.push({ key: "objectif", path: [T(rng.pick(WORDS.objectif))], width: 36 });
  cols.push({ key: "fiche", path: [T(rng.pick(WORDS.sumFiche))], width: 10 });
  const fin = depth === 2 ? T(rng.pick(["Financement", "Répartition par financeur", "Plan de financement"])) : null;
  const g = (s: string) => (fin ? [fin, T(s, true)] : [T(s, true)]);
  const budgetLast = rng.chance(0.3);
  const budget = { key: "budget", path: [T(rng.pick(WORDS.sumBudget), true)], width: 18 };
  if (!budgetLast) cols.push(budget);
  cols.push({ key: "departement", path: g(rng.pick(WORDS.departement)), width: 18 });
  const fw: Record<Funder, string[]> = {
    fir: ["FIR", "ARS", "ARS (FIR)", "Crédits ARS"],
    etat: ["Etat", "État", "P304", "PLF", "DGCS"],
    ondam: ["ONDAM", "Assurance maladie", "AM", "CNSA"],
  };
  for (const f of funders) cols.push({ key: f, path: g(rng.pick(fw[f])), width: 16 });
  if (budgetLast) {
    features.push("summary:budget-last");
    cols.push(budget);
  }
  cols.push({ key: "modalite", path: [T(rng.pick(WORDS.modalite))], width: 18 });
  const cg = depth === 2 && rng.chance(0.6) ? T(rng.pick(["Budget consommé", "Réalisations", "Exécution"])) : null;
  if (cg) {
    features.push("summary:consumed-group");
    cols.push({
      key: "consumedPrior",
      path: [cg, T(rng.pick([`au 31/12/${yn - 1}`, y0 === yn - 1 ? String(y0) : `${y0}-${yn - 1}`, "Antérieur"]))],
      width: 18,
    });
    cols.push({ key: "consumedLastYear", path: [cg, T(rng.pick([`en ${yn}`, String(yn), `Année ${yn}`]))], width: 18 });
    cols.push({ key: "consumedSinceStart", path: [cg, T(rng.pick([`${y0}-${yn}`, "Cumul", "Total"]))], width: 18 });
  } else {
    cols.push({ key: "consumedPrior", path: [T(rng.pick(WORDS.consumedPrior(yn - 1)), true)], width: 18 });
    cols.push({ key: "consumedLastYear", path: [T(rng.pick(WORDS.consumedLast(yn)), true)], width: 18 });
    cols.push({ key: "consumedSinceStart", path: [T(rng.pick(WORDS.consumedSince(y0, yn)), true)], width: 18 });
  }
  const subtotals = rng.chance(0.75);
  const titles = rng.chance(0.75);
  const mesureEach = hasMesure && rng.chance(0.4);
  features.push(`summary-body:${subtotals ? "subtotals" : "plain"}${titles ? "+titles" : ""}`);
  return { cols, depth, subtotals, titles, mesureEach, features };
}

function renderSummary(
  rng: Rng,
  sh: Sheet,
  top: number,
  left: number,
  model: Model,
  spec: SummarySpec,
  detail: TableIndex | null,
  formulas: string,
  crossRefs: boolean,
): { index: TableIndex; truth: TableTruth; lastRow: number } {
  const cols: DCol[] = spec.cols.map((c, i) => ({ k: { r: "label" }, path: c.path, key: c.key, width: c.width, col: left + i }));
  const colOf: Record<string, number> = {};
  for (const c of cols) colOf[c.key!] = c.col;
  let r = top;
  if (rng.chance(0.6)) {
    setCell(sh, r, left, "Rapport financier de la contractualisation", "title");
    r += rng.int(1, 2);
  }
  const h0 = r;
  writeHeaders(sh, cols, h0, spec.depth, rng.chance(0.5) ? "merge" : "bottom", "merge");
  const headerRows = Array.from({ length: spec.depth }, (_, i) => h0 + i);
  for (const c of cols) sh.widths.set(c.col, Math.max(sh.widths.get(c.col) ?? 0, c.width));
  r = h0 + spec.depth;
  const index: TableIndex = { sheet: sh, col: colOf, lines: [], groups: [], totalRow: null, rowOf: new Map(), headerBottom: h0 + spec.depth - 1 };
  const ficheRows: Record<string, number[]> = {};
  const subtotalRows: number[] = [];
  const years = model.years;
  const amountKeys = ["budget", "departement", ...model.funders, "consumedPrior", "consumedLastYear", "consumedSinceStart"];
  const style: StyleKey = model.cents ? "cents" : "int";
  const L = (key: string, row: number) => `${colLetter(colOf[key]!)}${row}`;
  const dref = (key: string, fi: number): string | null => {
    if (!detail || !crossRefs || !detail.col[key]) return null;
    const rows = detail.lines.filter((x) => x.fiche === fi).map((x) => x.row);
    const letter = colLetter(detail.col[key]);
    const s = sheetRef(detail.sheet.name);
    return rows.length === 1 ? `${s}!${letter}${rows[0]}` : `SUM(${s}!${letter}${rows[0]}:${letter}${rows[rows.length - 1]})`;
  };
  const groups = new Map<number, number[]>();
  model.fiches.forEach((f, fi) => {
    if (!groups.has(f.eng)) groups.set(f.eng, []);
    groups.get(f.eng)!.push(fi);
  });
  const engShort = (e: number) => (e < 4 ? `Engagement ${e + 1}` : "Conditions pour y parvenir");
  const subRows: number[] = [];
  for (const [eng, fis] of groups) {
    if (spec.titles) {
      setCell(sh, r, left, engagementTitle(eng), "head");
      r++;
    }
    const first = r;
    for (const fi of fis) {
      const f = model.fiches[fi]!;
      const ls = f.lines;
      const v = {
        budget: sum(ls.map(lineBudget)),
        departement: sum(ls.map((l) => sum(l.y.ms) + sum(l.y.dgas))),
        fir: sum(ls.map((l) => sum(l.y.fir))),
        etat: sum(ls.map((l) => sum(l.y.etat))),
        ondam: sum(ls.map((l) => sum(l.y.ondam))),
        consumedLastYear: sum(ls.map((l) => l.realisedLast)),
        consumedSinceStart: sum(ls.map((l) => l.realisedSince)),
        consumedPrior: 0,
      } as Record<string, number>;
      v.consumedPrior = Math.round((v.consumedSinceStart! - v.consumedLastYear!) * 100) / 100;
      for (const k of Object.keys(v)) v[k] = Math.round(v[k]! * 100) / 100;
      index.rowOf.set(fi, r);
      index.lines.push({ fiche: fi, line: 0, row: r });
      ficheRows[f.display] = [r];
      if (colOf.mesure && (spec.mesureEach || !spec.titles)) setCell(sh, r, colOf.mesure, engShort(eng));
      if (colOf.objectif && f.objective) setCell(sh, r, colOf.objectif, f.objective.label, "wrap");
      setCell(sh, r, colOf.fiche!, f.numeric ? Number(f.display) : f.display);
      const detailKey: Record<string, string> = {
        budget: "budget",
        departement: "cdTotal",
        fir: "firTotal",
        etat: "etatTotal",
        ondam: "ondamTotal",
        consumedLastYear: "realisedLastYear",
        consumedSinceStart: "realisedSinceStart",
      };
      for (const k of amountKeys) {
        const useF = formulas !== "typed";
        if (k === "budget" && useF && rng.chance(0.6)) {
          const parts = ["departement", ...model.funders].map((x) => L(x, r));
          setCell(sh, r, colOf.budget!, null, style, rng.chance(0.5) ? parts.join("+") : `SUM(${parts.join(",")})`);
          continue;
        }
        if (k === "consumedSinceStart" && useF && rng.chance(0.5)) {
          setCell(sh, r, colOf[k]!, null, style, `${L("consumedPrior", r)}+${L("consumedLastYear", r)}`);
          continue;
        }
        if (k === "consumedPrior" && useF && crossRefs && detail?.col.realisedSinceStart) {
          setCell(sh, r, colOf[k]!, null, style, `${dref("realisedSinceStart", fi)}-${dref("realisedLastYear", fi)}`.replace(/^SUM\(/, "SUM("));
          continue;
        }
        const ref = useF && detailKey[k] ? dref(detailKey[k], fi) : null;
        if (ref) setCell(sh, r, colOf[k]!, null, style, ref);
        else setCell(sh, r, colOf[k]!, v[k]!, style);
      }
      setCell(sh, r, colOf.modalite!, f.modalite);
      r++;
    }
    const last = r - 1;
    if (spec.subtotals) {
      setCell(sh, r, colOf.mesure ?? colOf.fiche!, `Sous-total ${engShort(eng).toLowerCase().replace("engagement", "engagement")}`, "head");
      for (const k of amountKeys)
        setCell(
          sh,
          r,
          colOf[k]!,
          null,
          model.cents ? "bold-cents" : "bold-int",
          `SUM(${L(k, first).replace(/\d+$/, "")}${first}:${colLetter(colOf[k]!)}${last})`,
        );
      index.groups.push({ row: r, fiches: fis, kind: "subtotal" });
      subtotalRows.push(r);
      subRows.push(r);
      r++;
    }
  }
  const totalRow = r;
  setCell(sh, r, colOf.mesure ?? colOf.fiche!, rng.pick(["Total", "TOTAL", "Total général"]), "head");
  const bodyFirst = h0 + spec.depth;
  for (const k of amountKeys) {
    const letter = colLetter(colOf[k]!);
    const f = subRows.length ? subRows.map((x) => `${letter}${x}`).join("+") : `SUM(${letter}${bodyFirst}:${letter}${r - 1})`;
    setCell(sh, r, colOf[k]!, null, model.cents ? "bold-cents" : "bold-int", f);
  }
  index.totalRow = r;
  void years;
  const columns: Record<string, string> = {};
  const headerOf: Record<string, string> = {};
  for (const c of cols) {
    columns[c.key!] = colLetter(c.col);
    headerOf[c.key!] = c.path.join(" / ");
  }
  return { index, truth: { kind: "summary", sheet: sh.name, headerRows, columns, headerOf, ficheRows, subtotalRows, totalRow }, lastRow: r };
}

export { BLOCK_OF_SUM };
