// Small hand-shaped annexes for the misreading tests: each column given as (group, header, key), figures kept consistent,
// so a test changes one thing (a wording, where a header sits, a split fiche) and asserts the reading and the findings.
import { colToLetters } from "../../src/core/model/a1";
import { emptySheet, setCell, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/model/snapshot";

export interface MiniCol {
  group?: string;
  head: string;
  key: string;
}
export interface MiniFiche {
  n: string | number;
  ms: number[];
  dgas: number[];
  fir: number[];
  etat: number[];
  ondam: number[];
  realisedLast: number;
  realisedSince: number;
  source: string;
  objective: string;
  type: string;
  label: string;
}

export const YEARS = [2021, 2022];

export function fiches(count = 4): MiniFiche[] {
  const out: MiniFiche[] = [];
  for (let i = 1; i <= count; i++) {
    const fir = i % 2 === 0 ? [1000 * i, 1200 * i] : [0, 0];
    const ondam = i % 3 === 0 ? [500 * i, 700 * i] : [0, 0];
    const etat = [2000 + 100 * i, 2500 + 100 * i];
    const ms = [10000 + 7 * i, 11000 + 3 * i];
    const dgas = [3000 * i, 3100 * i];
    const planned = ms[1]! + dgas[1]! + fir[1]! + etat[1]! + ondam[1]!;
    const realisedLast = Math.round(planned * (0.4 + 0.1 * (i % 4)));
    const source = ["ETAT", ...(fir[0]! + fir[1]! ? ["FIR"] : []), ...(ondam[0]! + ondam[1]! ? ["ONDAM"] : [])].join("/");
    out.push({
      n: i,
      ms,
      dgas,
      fir,
      etat,
      ondam,
      realisedLast,
      realisedSince: realisedLast + 5000 + 11 * i,
      source,
      objective: "Objectif 9 : Garantir l'accompagnement de tous les enfants protégés en situation de handicap",
      type: "Fondamental",
      label: `Action numéro ${i} pour les enfants du département`,
    });
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const budgetOf = (f: MiniFiche) => sum(f.ms) + sum(f.dgas) + sum(f.fir) + sum(f.etat) + sum(f.ondam);

/** Value of a column for a fiche, by key ("ms2021", "msTotal", "budget"…). */
export function valueOf(f: MiniFiche, key: string, years = YEARS): string | number | null {
  const yearly = /^(ms|dgas|cd|fir|etat|ondam)(20\d{2})$/.exec(key);
  const at = (b: string, y: number) => {
    const i = years.indexOf(y);
    if (b === "cd") return f.ms[i]! + f.dgas[i]!;
    return (f as unknown as Record<string, number[]>)[b]![i]!;
  };
  if (yearly) return at(yearly[1]!, Number(yearly[2]));
  const total = /^(ms|dgas|cd|fir|etat|ondam)Total$/.exec(key);
  if (total) return sum(years.map((y) => at(total[1]!, y)));
  const plannedLast = sum(["cd", "fir", "etat", "ondam"].map((b) => at(b, years[years.length - 1]!)));
  switch (key) {
    case "fiche":
      return f.n;
    case "label":
      return f.label;
    case "objective":
      return f.objective;
    case "objectiveType":
      return f.type;
    case "source":
      return f.source;
    case "budget":
      return budgetOf(f);
    case "realisedLastYear":
      return f.realisedLast;
    case "realisedSinceStart":
      return f.realisedSince;
    case "rateLastYear":
      return f.realisedLast / plannedLast;
    case "rateGlobal":
      return f.realisedSince / budgetOf(f);
    case "gap":
      return budgetOf(f) - f.realisedSince;
    case "comment":
      return "RAS";
    default:
      return null;
  }
}

/** The usual columns, 2022-like wording, with years 2021-2022. */
export function standardCols(years = YEARS): MiniCol[] {
  const yl = years[years.length - 1]!;
  const block = (group: string, b: string, totalHead: string): MiniCol[] => [
    ...years.map((y) => ({ group, head: String(y), key: `${b}${y}` })),
    { group, head: totalHead, key: `${b}Total` },
  ];
  return [
    { head: "N° fiche", key: "fiche" },
    { head: "Intitulé fiche action", key: "label" },
    { head: "Intitulé objectif", key: "objective" },
    { head: "Obj. fondamental/ facultatif", key: "objectiveType" },
    { head: "Moyens financiers prévisionnels", key: "budget" },
    ...block("Masse salariale", "ms", "Total masse salariale"),
    ...block("Budget DGAS", "dgas", "Total budget DGAS"),
    ...years.map((y) => ({ group: "Total CD", head: `Total CD ${y}`, key: `cd${y}` })),
    { group: "Total CD", head: "Total CD", key: "cdTotal" },
    { head: "Source de co-financement", key: "source" },
    ...block("FIR", "fir", "Montant FIR"),
    ...block("ETAT", "etat", "Montant ETAT"),
    ...block("ONDAM", "ondam", "Montant ONDAM"),
    { head: `Réalisations en ${yl}`, key: "realisedLastYear" },
    { head: `Niveau d'exécution budgétaire au titre de l'année ${yl}`, key: "rateLastYear" },
    { head: `Réalisation depuis ${years[0]}`, key: "realisedSinceStart" },
    { head: "Niveau d'exécution budgétaire globale", key: "rateGlobal" },
    { head: `Ecart Moyens financiers - Réalisations depuis ${years[0]}`, key: "gap" },
  ];
}

export interface MiniOptions {
  cols?: MiniCol[];
  fiches?: MiniFiche[];
  years?: number[];
  sheet?: string;
  top?: number;
  left?: number;
  /** Columns without a group written on the lower header row instead of the upper one (merged down otherwise). */
  singleOnLower?: boolean;
  /** Fiches per engagement: title row, the fiches, a "Sous-total Engagement n" row with SUM formulas. */
  engagements?: number[];
  /** Fiche indexes (0-based) spread over two rows: amounts split, number merged vertically, source on the second row. */
  split?: number[];
  /** On split fiches, columns written once for the whole fiche on its first row, merged down (budget, totals, rates, gap). */
  once?: string[];
  /** A TOTAL row with SUM formulas. */
  total?: boolean;
  blankEvery?: number;
  /** A value for a key the standard columns do not know (a co-financer, a split realisation…), or to override one; undefined = the default. */
  valueFor?: (f: MiniFiche, key: string) => string | number | null | undefined;
  /** Further keys holding amounts (summed on sub-total and TOTAL rows). */
  amountKeys?: string[];
  /** The title line written above the header (when top > 1). */
  title?: string;
}

export interface MiniAnnex {
  wb: WorkbookSnapshot;
  sheet: SheetSnapshot;
  colOf: Record<string, string>;
  rowOfFiche: Map<string, number>;
  totalRow: number | null;
  subtotalRows: number[];
  headerRows: number[];
}

const isAmountKey = (k: string) => /^(ms|dgas|cd|fir|etat|ondam)(20\d{2}|Total)$|^(budget|realisedLastYear|realisedSinceStart|gap)$/.test(k);

export function miniDetail(o: MiniOptions = {}, wb: WorkbookSnapshot = { sheets: [] }): MiniAnnex {
  const years = o.years ?? YEARS;
  const cols = o.cols ?? standardCols(years);
  const fs = o.fiches ?? fiches();
  const sheet = emptySheet(o.sheet ?? "Suivi fiches actions");
  wb.sheets.push(sheet);
  sheet.defaultColWidth = 18;
  const top = o.top ?? 2;
  const left = o.left ?? 1;
  setCell(sheet, top - 1 || 1, left, top > 1 ? { value: o.title ?? "Suivi des fiches actions du CDPPE" } : undefined);
  const isAmount = (k: string) => isAmountKey(k) || (o.amountKeys?.includes(k) ?? false);
  const value = (f: MiniFiche, k: string) => {
    const v = o.valueFor?.(f, k);
    return v === undefined ? valueOf(f, k, years) : v;
  };
  const twoRows = cols.some((c) => c.group);
  const headerRows = twoRows ? [top, top + 1] : [top];
  const colOf: Record<string, string> = {};
  cols.forEach((c, i) => {
    const col = left + i;
    colOf[c.key] = colToLetters(col);
    if (!twoRows) return setCell(sheet, top, col, { value: c.head });
    if (c.group) {
      const first = i === 0 || cols[i - 1]!.group !== c.group;
      if (first) {
        setCell(sheet, top, col, { value: c.group });
        let j = i;
        while (j + 1 < cols.length && cols[j + 1]!.group === c.group) j++;
        if (j > i) sheet.merges.push({ r1: top, c1: col, r2: top, c2: left + j });
      }
      setCell(sheet, top + 1, col, { value: /^20\d{2}$/.test(c.head) ? Number(c.head) : c.head });
    } else if (o.singleOnLower) setCell(sheet, top + 1, col, { value: c.head });
    else {
      setCell(sheet, top, col, { value: c.head });
      sheet.merges.push({ r1: top, c1: col, r2: top + 1, c2: col });
    }
  });
  let r = headerRows[headerRows.length - 1]! + 1;
  const rowOfFiche = new Map<string, number>();
  const dataRows: number[] = [];
  const subtotalRows: number[] = [];
  const groups = o.engagements ?? [fs.length];
  let k = 0;
  const sumFormula = (col: number, rows: number[]) => {
    const L = colToLetters(col);
    return rows.length ? `SUM(${L}${rows[0]}:${L}${rows[rows.length - 1]})` : "0";
  };
  const writeSumRow = (row: number, label: string, rows: number[], over?: number[]) => {
    setCell(sheet, row, left, { value: label });
    cols.forEach((c, i) => {
      if (!isAmount(c.key) || c.key === "gap") return;
      const v = rows.reduce(
        (a, rr) => a + (typeof sheet.cells[rr - 1]?.[left + i - 1]?.value === "number" ? (sheet.cells[rr - 1]![left + i - 1]!.value as number) : 0),
        0,
      );
      const L = colToLetters(left + i);
      setCell(sheet, row, left + i, { value: v, formula: over ? `SUM(${over.map((x) => `${L}${x}`).join(",")})` : sumFormula(left + i, rows) });
    });
  };
  groups.forEach((count, gi) => {
    if (o.engagements) setCell(sheet, r++, left, { value: `Engagement ${gi + 1} : Agir le plus précocement possible pour répondre aux besoins des enfants` });
    const groupRows: number[] = [];
    for (let n = 0; n < count; n++, k++) {
      const f = fs[k]!;
      if (o.blankEvery && k > 0 && k % o.blankEvery === 0) r++;
      const split = o.split?.includes(k);
      rowOfFiche.set(String(f.n), r);
      cols.forEach((c, i) => {
        const v = value(f, c.key);
        if (v === null) return;
        const cell: Cell = /^rate/.test(c.key) ? { value: v, numFmt: "0%" } : { value: v };
        if (split && o.once?.includes(c.key)) {
          setCell(sheet, r, left + i, cell);
          sheet.merges.push({ r1: r, c1: left + i, r2: r + 1, c2: left + i });
          return;
        }
        if (split && /^rate|^gap$/.test(c.key)) return;
        if (!split || !isAmount(c.key) || typeof v !== "number") {
          if (split && c.key === "source") {
            // First funder on the first row, the others on the continuation row.
            const parts = f.source.split("/");
            setCell(sheet, r, left + i, { value: parts[0]! });
            if (parts.length > 1) setCell(sheet, r + 1, left + i, { value: parts.slice(1).join("/") });
            return;
          }
          setCell(sheet, r, left + i, cell);
          return;
        }
        const a = Math.round(v * 0.6);
        setCell(sheet, r, left + i, { value: a });
        setCell(sheet, r + 1, left + i, { value: v - a });
      });
      groupRows.push(r);
      dataRows.push(r);
      if (split) {
        sheet.merges.push({ r1: r, c1: left + cols.findIndex((c) => c.key === "fiche"), r2: r + 1, c2: left + cols.findIndex((c) => c.key === "fiche") });
        r++;
        groupRows.push(r);
        dataRows.push(r);
      }
      r++;
    }
    if (o.engagements) {
      writeSumRow(r, `Sous-total Engagement ${gi + 1}`, groupRows);
      subtotalRows.push(r);
      r++;
    }
  });
  let totalRow: number | null = null;
  if (o.total !== false) {
    totalRow = r;
    writeSumRow(r, "TOTAL", dataRows, o.engagements ? subtotalRows : undefined);
  }
  return { wb, sheet, colOf, rowOfFiche, totalRow, subtotalRows, headerRows };
}

/** The summary table for the same fiches, one row per fiche under one engagement, on its own sheet. */
/** A fiche's figures as the summary shows them, by role (its modalités in the summary's words: PLF, AM). */
export function summaryValues(f: MiniFiche): Record<string, string | number> {
  return {
    mesure: "Mesure",
    objectif: "Objectif 9",
    fiche: f.n,
    budget: budgetOf(f),
    departement: sum(f.ms) + sum(f.dgas),
    fir: sum(f.fir),
    etat: sum(f.etat),
    ondam: sum(f.ondam),
    modalite: f.source
      .split("/")
      .map((x) => (x === "ETAT" ? "PLF" : x === "ONDAM" ? "AM" : x))
      .join("/"),
    consumedPrior: f.realisedSince - f.realisedLast,
    consumedLastYear: f.realisedLast,
    consumedSinceStart: f.realisedSince,
  };
}

export function miniSummary(
  wb: WorkbookSnapshot,
  fs: MiniFiche[],
  years = YEARS,
  sheetName = "Synthèse",
): { sheet: SheetSnapshot; colOf: Record<string, string>; rowOfFiche: Map<string, number> } {
  const sheet = emptySheet(sheetName);
  sheet.defaultColWidth = 18;
  wb.sheets.push(sheet);
  const y0 = years[0]!;
  const yn = years[years.length - 1]!;
  const heads: Array<[string, string]> = [
    ["mesure", "Mesure"],
    ["objectif", "Objectif"],
    ["fiche", "Fiche action N°"],
    ["budget", "Budget global"],
    ["departement", "Département"],
    ["fir", "FIR"],
    ["etat", "Etat"],
    ["ondam", "ONDAM"],
    ["modalite", "Modalités de financement Etat/AM"],
    ["consumedPrior", `Budget consommé au 31/12/${yn - 1}`],
    ["consumedLastYear", `Budget consommé en ${yn}`],
    ["consumedSinceStart", `Budget consommé ${y0}-${yn}`],
  ];
  const colOf: Record<string, string> = {};
  heads.forEach(([k, h], i) => {
    setCell(sheet, 1, i + 1, { value: h });
    colOf[k] = colToLetters(i + 1);
  });
  setCell(sheet, 2, 1, { value: "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants" });
  const rowOfFiche = new Map<string, number>();
  fs.forEach((f, i) => {
    const r = 3 + i;
    rowOfFiche.set(String(f.n), r);
    const values = summaryValues(f);
    heads.forEach(([k], j) => setCell(sheet, r, j + 1, { value: values[k]! }));
  });
  return { sheet, colOf, rowOfFiche };
}
