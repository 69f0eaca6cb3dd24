// Finds the annex's tables in a workbook snapshot: header rows, column roles and years, row kinds, groups.
// Works from the cells only: sheet names, positions and wording are never assumed.
import { joinContinuedParts } from "./continued";
import { columnsRead } from "./columnsRead";
import { addr, colToLetters } from "../model/a1";
import { isBlankValue, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../model/snapshot";
import { blockOf, classifyHeader } from "./classify";
import { classifyAlone } from "./classifyAlone";
import { isBareYear, norm, yearsIn } from "./normalize";
import { parseBody } from "./rows";
import { resolveRelativeYears } from "./relativeYears";
import { chooseFicheColumn, ficheScore, titledColumn } from "./ficheColumn";
import { entriesFor, resolveEntry, type ColumnMapping } from "./mapping";
import { pairColumns } from "./pairing";
import { parseRoleKey } from "./roles";
import type { AnnexLayout, ClosestCandidate, ColumnClass, RoleReading, RowInfo, SingleRole, TableKind, TableLayout, YearBlock } from "./types";
import { confirmedAcross, verifyAcross, verifyReading, type Doubt } from "./verify";
import { oneYearBudget, oneYearExecution } from "./oneYear";
import { objectiveTypeByValues } from "./valueRoles";
import { themeByValues } from "./themeByValues";
import { sourceByCells, sourceRefutedByCells } from "./sourceByCells";
import { anythingBeside, besideOthers, isBlankedRow, withoutTables } from "./bands";
import { detectAmountUnit, unitScales } from "./amountUnit";
import { incompleteText, rejectText } from "../../messages/layout";
import {
  cellText,
  fitsUnder,
  groupRowAbove,
  groupsWrittenFirstOnly,
  headerLike,
  headerRowsAt,
  loneTitleRow,
  MAX_HEADER_ROWS,
  withUnitRow,
  MAX_HEADER_TEXT,
  MergeIndex,
  readDeepHeader,
  readHeader,
  textAt,
  type HeaderColumn,
} from "./header";

export { cellText } from "./header";

export interface RecogniseOptions {
  /** The user's reading (pane view or --mapping FILE.json): mapped roles are confirmed, "absent" ones are not reported missing. */
  mapping?: ColumnMapping;
}

/** A row needs this many recognised headers to be taken for a table header. */
const MIN_HEADER_ROLES = 4;

const DETAIL_ONLY = new Set<string>([
  "label",
  "theme",
  "objectiveType",
  "indicator",
  "indicatorEtat",
  "indicatorExtra",
  "source",
  "gap",
  "realisedLastYear",
  "rateLastYear",
  "realisedSinceStart",
  "rateGlobal",
  "realisedPrior",
  "msTotal",
  "dgasTotal",
  "cdTotal",
  "b:ms",
  "b:dgas",
  "b:cd",
  "b:fir",
  "b:etat",
  "b:ondam",
  "b:indicator",
  "b:realised",
  "b:rate",
  "b:realisedTo",
]);
const SUMMARY_ONLY = new Set<string>([
  "mesure",
  "modalite",
  "departement",
  "consumedPrior",
  "consumedLastYear",
  "consumedSinceStart",
  "b:consumedIn",
  "b:consumedTo",
]);
/** Columns only one table has, whatever the wording: yearly amount blocks and their totals, or the summary's Modalités. */
const DETAIL_STRONG = new Set<string>([
  "label",
  "objectiveType",
  "source",
  "gap",
  "msTotal",
  "dgasTotal",
  "b:ms",
  "b:dgas",
  "b:cd",
  "b:fir",
  "b:etat",
  "b:ondam",
  "b:indicator",
]);
const SUMMARY_STRONG = new Set<string>(["mesure", "modalite"]);
/** The yearly blocks of planned money: only a detail table splits the plan by year. */
const PLANNED_BLOCKS = new Set<YearBlock>(["ms", "dgas", "cd", "fir", "etat", "ondam"]);

function classKey(c: ColumnClass): string {
  return "role" in c ? c.role : `b:${c.block}`;
}

function rowRoles(sheet: SheetSnapshot, r: number): Array<{ col: number; cls: ColumnClass }> {
  const row = sheet.cells[r - 1];
  if (!row) return [];
  const out: Array<{ col: number; cls: ColumnClass }> = [];
  for (let c = 1; c <= row.length; c++) {
    const v = row[c - 1]?.value;
    if (typeof v !== "string" || v.length > MAX_HEADER_TEXT) continue;
    const cls = classifyAlone(v);
    // A bare funder name ("FIR", "ETAT") is as often a cell value (Source de co-financement) as a header.
    if (cls && !("role" in cls && /Total$/.test(cls.role) && v.trim().length <= 9)) out.push({ col: c, cls });
  }
  return out;
}

/** Whether a row holds a text short enough to be a header. (A loop: every row of a sheet is asked, twice when searched beside its tables.) */
function hasShortText(row: Array<Cell | undefined>): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i]?.value;
    if (typeof v === "string" && v.length <= MAX_HEADER_TEXT) return true;
  }
  return false;
}

/**
 * The roles a row holds as a header. Beyond rowRoles, in a row with no amount: bare funder names when two or more funders
 * (named bare or in full) stand side by side in it (« Part CD », « FIR », « Etat », « AM »: a data row names one source, a header lists the funders),
 * and sub-headers that say nothing alone under a group of the row above, merged, repeated or written over its first
 * column only (« Financements prévus » / « Total », « Consommation » / « en 2026 »).
 */
function headerRoles(sheet: SheetSnapshot, merges: MergeIndex, r: number): Array<{ col: number; cls: ColumnClass }> {
  const row = sheet.cells[r - 1];
  // Every role below is read from a text cell of at most MAX_HEADER_TEXT characters: a row with none (a row of amounts,
  // a row blanked once its table is read) holds none, and is the most common row of a large sheet (issue 15).
  if (!row || isBlankedRow(row) || !hasShortText(row)) return [];
  const base = rowRoles(sheet, r);
  if (base.length >= MIN_HEADER_ROLES || !row) return base;
  if (row.some((cell) => typeof cell?.value === "number" && !isBareYear(String(cell.value)))) return base;
  // A middle row of a deeper header (« 2021 » over its first funder only, under « Financements prévus ») is no header's
  // bottom: the row under it names the columns on its own, and the header is read from there, all its rows together.
  if (rowRoles(sheet, r + 1).length >= MIN_HEADER_ROLES) return base;
  const funders: Array<{ col: number; cls: ColumnClass }> = [];
  const under: Array<{ col: number; cls: ColumnClass }> = [];
  let group = "";
  for (let c = 1; c <= row.length; c++) {
    const above = r > 1 ? textAt(sheet, merges, r - 1, c) : "";
    if (above && above !== "\u0000covered") group = above.length <= 40 ? above : "";
    const v = row[c - 1]?.value;
    if (typeof v !== "string" || !v.trim() || v.length > MAX_HEADER_TEXT) continue;
    const alone = classifyAlone(v);
    if (alone && "role" in alone && /Total$/.test(alone.role) && v.trim().length <= 9) funders.push({ col: c, cls: alone });
    else if (!alone && group && fitsUnder(group, v)) under.push({ col: c, cls: classifyHeader(group, v)! });
  }
  // (« Part CD » beside « État (P304) », a funder named in full: two funders side by side all the same.)
  const named = base.filter((x) => "role" in x.cls && /Total$/.test(x.cls.role)).length;
  return [...base, ...(funders.length >= 2 || (funders.length && funders.length + named >= 2) ? funders : []), ...under].sort((a, b) => a.col - b.col);
}

interface Segment {
  kind: TableKind;
  c1: number;
  c2: number;
  cols: HeaderColumn[];
}

/** Splits a header into tables: runs of header columns, kept apart by empty columns, typed by their specific roles. */
function segmentsOf(cols: HeaderColumn[]): Segment[] {
  const runs: HeaderColumn[][] = [];
  let cur: HeaderColumn[] = [];
  for (const hc of cols) {
    if (!hc.group && !hc.sub) {
      if (cur.length) runs.push(cur);
      cur = [];
    } else cur.push(hc);
  }
  if (cur.length) runs.push(cur);
  const typed = runs.map((run) => {
    let d = 0;
    let s = 0;
    let dStrong = 0;
    let sStrong = 0;
    let labels = 0;
    for (const hc of run) {
      if (!hc.cls) continue;
      const k = classKey(hc.cls);
      if (DETAIL_ONLY.has(k)) d++;
      if (SUMMARY_ONLY.has(k)) s++;
      if (DETAIL_STRONG.has(k)) dStrong++;
      if (SUMMARY_STRONG.has(k)) sStrong++;
      if (k === "label") labels++;
    }
    // A summary may name each action (« Intitulé de l'action ») beside its Modalités and consumption columns: with
    // the summary's own columns certain and nothing else only a detail has, the label does not make it a detail.
    if (labels && dStrong === labels && sStrong > 0 && s >= 3) {
      dStrong = 0;
      d -= labels;
    }
    // Nor when no yearly planned block, no rate and nothing else only a detail has stands beside it: a label, an
    // engagement and realisations are a summary's columns too, and the columns only a summary has (« Département »,
    // « Budget consommé ») say which table it is (« N° | Action | Budget global | Département | FIR | Réalisé 2022 |
    // Consommé 2021-2022 »).
    const planned = run.some((hc) => hc.cls && "block" in hc.cls && PLANNED_BLOCKS.has(hc.cls.block));
    const rated = run.some((hc) => hc.cls && /^(rate|b:rate)/.test(classKey(hc.cls)));
    const namedSummary = labels > 0 && dStrong === labels && !sStrong && s >= 1 && !planned && !rated;
    // A one-year summary may set its funders under a group naming the year (« Plan de financement 2024 » over « CD |
    // FIR | Etat | ONDAM »): one column per funder, all of one year, no masse salariale or DGAS, beside the summary's
    // own Modalités or Mesure, is the summary's funders, not a detail's yearly blocks.
    const yearly = run.flatMap((hc) => (hc.cls && "block" in hc.cls && PLANNED_BLOCKS.has(hc.cls.block) ? [hc.cls] : []));
    const fundersOfOneYear =
      yearly.length > 0 &&
      new Set(yearly.map((c) => c.year)).size === 1 &&
      new Set(yearly.map((c) => c.block)).size === yearly.length &&
      yearly.every((c) => c.block !== "ms" && c.block !== "dgas");
    // (Its consumption columns alone say so when it names no action: a label beside them could be a detail's.)
    const summaryOfOneYear = (sStrong > 0 ? s >= 2 : s >= 1 && !labels) && fundersOfOneYear && dStrong === labels + yearly.length && !rated;
    // A summary worded like a detail table ("Réalisé", "Total Département", "Axe") is still a summary when only
    // the summary's own columns (Modalités, Mesure) are certain and no yearly amount block says otherwise.
    // Without any yearly amount block or other column only a detail table has, a column worded as the summary's own
    // (« Département ») says which table it is, even beside realisations worded like the detail's.
    const summaryByStrong = (sStrong > 0 || s > 0) && dStrong === 0 && d + s >= 3;
    const byWords: TableKind | null =
      summaryByStrong || namedSummary || summaryOfOneYear ? "summary" : d >= 3 && d >= s ? "detail" : s >= 2 && s > d ? "summary" : null;
    const kind: TableKind | null = byWords ?? (oneYearSummary(run, dStrong) ? "summary" : null);
    return { kind, run, dStrong, sStrong };
  });
  // A run too short to say which table it is (one group beyond a spacer column: « Exécution 2024 » / Montant) belongs
  // to the table it stands beside.
  // A chain of short runs (« N° fiche » … « Service pilote » | spacer | « Coût total » | spacer | the blocks) takes the
  // kind from run to run, whichever side it comes from.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < typed.length; i++) {
      const t = typed[i]!;
      if (t.kind || !t.run.some((hc) => hc.cls)) continue;
      // (Not a column only the other table has: « Solde » past the detail's last column is no summary's.)
      const near = (o: (typeof typed)[number] | undefined, gap: number) =>
        o?.kind && gap <= 3 && !(o.kind === "summary" ? t.dStrong : t.sStrong) ? o.kind : null;
      const prev = typed[i - 1];
      const next = typed[i + 1];
      t.kind =
        near(prev, t.run[0]!.col - (prev?.run[prev.run.length - 1]!.col ?? -99)) ?? near(next, (next?.run[0]!.col ?? 1e9) - t.run[t.run.length - 1]!.col);
      if (t.kind) changed = true;
    }
  }
  const out: Segment[] = [];
  for (const t of typed) {
    if (!t.kind) continue;
    const last = out[out.length - 1];
    const first = t.run[0]!.col;
    if (last && last.kind === t.kind && first - last.c2 <= 3 && !repeats(last.cols, t.run)) {
      last.cols.push(...t.run);
      last.c2 = t.run[t.run.length - 1]!.col;
    } else out.push({ kind: t.kind, c1: first, c2: t.run[t.run.length - 1]!.col, cols: [...t.run] });
  }
  return out;
}

const PLANNED_WHOLE = new Set(["budget", "cdTotal", "departement", "firTotal", "etatTotal", "ondamTotal", "fir", "etat", "ondam"]);
const CONSUMED_ANY = new Set(["realisedLastYear", "consumedLastYear", "realisedSinceStart", "consumedSinceStart", "b:realised", "b:consumedIn"]);

/**
 * The summary of a one-year annex names no column of its own: the fiche, the planned amounts per funder without years
 * (« Enveloppe », « Conseil départemental », « ARS », « AM ») and one consumption column (« Dépenses 2024 »). With no
 * column only a detail has, that shape is the summary's; recognise() keeps it only beside a detail of the same fiches.
 */
function oneYearSummary(run: HeaderColumn[], dStrong: number): boolean {
  if (dStrong > 0) return false;
  const keys = run.flatMap((hc) => (hc.cls ? [classKey(hc.cls)] : []));
  const planned = new Set(keys.filter((k) => PLANNED_WHOLE.has(k))).size;
  return keys.includes("fiche") && planned >= 3 && keys.some((k) => CONSUMED_ANY.has(k));
}

/**
 * Whether a run beyond an empty column names again what the table before it has already named (its fiche number, or
 * three of its columns: « N° FA », « Moyens financiers », « Part CD »…): a table names each column once, so the run is
 * another table set beside it, not more columns of the same one.
 */
function repeats(before: HeaderColumn[], run: HeaderColumn[]): boolean {
  // (A year's block is named by its year: « Année 2023 » / Personnel, DGAS… after « Année 2022 » names new columns.)
  const key = (c: ColumnClass) => ("role" in c ? c.role : `${c.block}${c.year}`);
  const named = new Set(before.flatMap((hc) => (hc.cls ? [key(hc.cls)] : [])));
  const again = new Set(run.flatMap((hc) => (hc.cls && named.has(key(hc.cls)) ? [key(hc.cls)] : [])));
  return again.has("fiche") || again.size >= 3;
}

// The same notion under each table's name: realisations are "consommé" in the summary, the CD is "Département".
const SUMMARY_RENAME: Partial<Record<SingleRole, SingleRole>> = {
  firTotal: "fir",
  etatTotal: "etat",
  ondamTotal: "ondam",
  cdTotal: "departement",
  objective: "objectif",
  theme: "mesure",
  realisedLastYear: "consumedLastYear",
  realisedSinceStart: "consumedSinceStart",
  realisedPrior: "consumedPrior",
};
const DETAIL_RENAME: Partial<Record<SingleRole, SingleRole>> = {
  departement: "cdTotal",
  objectif: "objective",
  fir: "firTotal",
  etat: "etatTotal",
  ondam: "ondamTotal",
  consumedLastYear: "realisedLastYear",
  consumedSinceStart: "realisedSinceStart",
  consumedPrior: "realisedPrior",
};
const SUMMARY_FUNDER: Partial<Record<YearBlock, SingleRole>> = { cd: "departement", fir: "fir", etat: "etat", ondam: "ondam" };
const SUMMARY_BLOCK_RENAME: Partial<Record<YearBlock, YearBlock>> = { realised: "consumedIn", realisedTo: "consumedTo" };
const DETAIL_BLOCK_RENAME: Partial<Record<YearBlock, YearBlock>> = { consumedIn: "realised", consumedTo: "realisedTo" };

/**
 * Realisations split per funder (« Réalisé CD 2022 », « Réalisé FIR 2022 ») before the column of all realisations
 * (« Réalisations 2022 »): each part names a funder, the whole names none. Where several columns read as the same
 * realisation and exactly one names no funder, that one is the realisation and the parts are left unread.
 */
function settleFunderParts(
  seg: Segment,
  columns: Partial<Record<SingleRole, number>>,
  blocks: Partial<Record<YearBlock, Record<number, number>>>,
  seen: Map<string, number[]>,
): void {
  const names = new Map(seg.cols.map((hc) => [hc.col, blockOf(norm(`${hc.group} ${hc.sub}`)) !== null]));
  for (const [key, cols] of seen) {
    if (cols.length < 2 || !/^(realisedLastYear|realisedSinceStart|realised20\d{2})$/.test(key)) continue;
    const whole = cols.filter((c) => !names.get(c));
    if (whole.length !== 1 || whole.length === cols.length) continue;
    seen.set(key, whole);
    const year = /^realised(20\d{2})$/.exec(key);
    if (year) blocks.realised![Number(year[1])] = whole[0]!;
    else columns[key as SingleRole] = whole[0]!;
  }
}

/** Several columns worded as the source: the fiches' cells settle which (sourceByCells.ts); the ambiguity is then gone. */
function settleSource(
  sheet: SheetSnapshot,
  columns: Partial<Record<SingleRole, number>>,
  ambiguous: Array<{ role: string; cols: number[] }>,
  rows: RowInfo[],
): boolean {
  const at = ambiguous.findIndex((a) => a.role === "source");
  if (at < 0) return false;
  const c = sourceByCells(sheet, ambiguous[at]!.cols, columns.source, rows);
  ambiguous.splice(at, 1);
  if (c === undefined || c === columns.source) return false;
  columns.source = c;
  return true;
}

/** A column a role was given to that is hidden, and another visible one for the same role: the visible one is live. */
const visibleOver = (hidden: Set<number>, had: number | undefined, col: number) => had === undefined || (hidden.has(had) && !hidden.has(col));

/**
 * `hidden`: the sheet's hidden columns. A role named twice goes to its first column, unless that one is hidden and a
 * later one is not (last version's block kept hidden beside the current one).
 */
function assignColumns(kind: TableKind, seg: Segment, hidden: Set<number> = new Set()) {
  const columns: Partial<Record<SingleRole, number>> = {};
  const blocks: Partial<Record<YearBlock, Record<number, number>>> = {};
  const ambiguous: Array<{ role: string; cols: number[] }> = [];
  const seen = new Map<string, number[]>();
  const classes = pairColumns(seg.cols);
  const blockCount = new Map<YearBlock, number>();
  for (const c of classes) if (c && "block" in c) blockCount.set(c.block, (blockCount.get(c.block) ?? 0) + 1);
  for (const [i, hc] of seg.cols.entries()) {
    const cls = classes[i];
    if (!cls) continue;
    // In a summary, a funder's one yearly column is that funder's amount (« Plan de financement 2024 » / « FIR »).
    const funder = kind === "summary" && "block" in cls && blockCount.get(cls.block) === 1 ? SUMMARY_FUNDER[cls.block] : undefined;
    if (funder) {
      const list = seen.get(funder) ?? [];
      list.push(hc.col);
      seen.set(funder, list);
      if (visibleOver(hidden, columns[funder], hc.col)) columns[funder] = hc.col;
    } else if ("role" in cls) {
      const role = (kind === "summary" ? SUMMARY_RENAME : DETAIL_RENAME)[cls.role] ?? cls.role;
      const list = seen.get(role) ?? [];
      list.push(hc.col);
      seen.set(role, list);
      if (visibleOver(hidden, columns[role], hc.col)) columns[role] = hc.col;
    } else {
      const block = (kind === "summary" ? SUMMARY_BLOCK_RENAME : DETAIL_BLOCK_RENAME)[cls.block] ?? cls.block;
      const b = (blocks[block] ??= {});
      const key = `${block}${cls.year}`;
      const list = seen.get(key) ?? [];
      list.push(hc.col);
      seen.set(key, list);
      if (visibleOver(hidden, b[cls.year], hc.col)) b[cls.year] = hc.col;
    }
  }
  settleFunderParts(seg, columns, blocks, seen);
  for (const [role, cols] of seen) if (cols.length > 1) ambiguous.push({ role, cols });
  // Year-stamped history columns: the latest year is "last year".
  const latest = (b: YearBlock) => {
    const ys = Object.keys(blocks[b] ?? {}).map(Number);
    return ys.length ? blocks[b]![Math.max(...ys)] : undefined;
  };
  const derive = (role: SingleRole, b: YearBlock) => {
    const c = latest(b);
    if (columns[role] === undefined && c !== undefined) columns[role] = c;
  };
  // "Consommé cumulé au 31/12/<last year>" is the cumulative since the start, not a prior balance.
  const lastYear = Math.max(
    0,
    ...(["ms", "dgas", "cd", "fir", "etat", "ondam", "realised", "consumedIn"] as YearBlock[]).flatMap((b) => Object.keys(blocks[b] ?? {}).map(Number)),
  );
  const cumulative = (role: SingleRole, b: YearBlock) => {
    const col = blocks[b]?.[lastYear];
    if (!lastYear || columns[role] !== undefined || col === undefined) return;
    columns[role] = col;
    delete blocks[b]![lastYear];
    if (!Object.keys(blocks[b]!).length) delete blocks[b];
  };
  // A span that ends before the last year ("Dépenses réalisées 2020-2022" in a 2023 annex) is the prior balance.
  const spanEnd = (col: number): number | null => {
    const hc = seg.cols.find((h) => h.col === col);
    const text = hc ? norm(`${hc.group} ${hc.sub}`) : "";
    const ys = yearsIn(text);
    if (ys.length >= 2) return Math.max(...ys);
    // A span of one year (« Réalisé 2022-2022 », the first year of a 2023 annex) still ends in that year.
    const one = /(20\d{2}) ?(-|a|au) ?(20\d{2})/.exec(text);
    return one ? Number(one[3]) : null;
  };
  // But when a prior balance column is there already ("Réalisations au 31/12/2022" after a year was added), the span is
  // the cumulative whose title was left as it was.
  for (const [since, prior, to] of [
    ["realisedSinceStart", "realisedPrior", "realisedTo"],
    ["consumedSinceStart", "consumedPrior", "consumedTo"],
  ] as const) {
    // Two spans ("2020-2022" and "2020-2023"): the later one is the cumulative, the earlier one the prior balance.
    const spans = (seen.get(since) ?? []).map((col) => ({ col, end: spanEnd(col) })).filter((x): x is { col: number; end: number } => x.end !== null);
    if (spans.length === 2 && spans[0]!.end !== spans[1]!.end && columns[prior] === undefined) {
      spans.sort((a, b) => a.end - b.end);
      columns[prior] = spans[0]!.col;
      columns[since] = spans[1]!.col;
      const i = ambiguous.findIndex((a) => a.role === since);
      if (i >= 0) ambiguous.splice(i, 1);
      continue;
    }
    // (Whichever of them was read first, or kept as the visible one: the span that ends before the last year is the
    // hypothesis, « Cumul consommé » before « Réalisé 2020-2022 » or beside it hidden.)
    const early = lastYear && columns[prior] === undefined ? spans.find((x) => x.end < lastYear) : undefined;
    const c = early && spans.length === 1 ? early.col : columns[since];
    const end = c === undefined ? null : spanEnd(c);
    // ("Total consommé au 31/12/<last year>" beside it is the cumulative, not a prior balance already there.)
    const priorTo = Object.keys(blocks[to] ?? {}).filter((y) => Number(y) !== lastYear);
    if (c !== undefined && end !== null && lastYear && end < lastYear && columns[prior] === undefined && !priorTo.length) {
      columns[prior] = c;
      delete columns[since];
      // Another column read as the cumulative (« Exécution / Total » after « Exécution / 2022-2024 ») is it.
      const other = (seen.get(since) ?? []).find((x) => x !== c && (spanEnd(x) ?? lastYear) >= lastYear);
      if (other !== undefined) {
        columns[since] = other;
        const i = ambiguous.findIndex((a) => a.role === since);
        if (i >= 0 && (seen.get(since) ?? []).length === 2) ambiguous.splice(i, 1);
      }
    }
  }
  cumulative("realisedSinceStart", "realisedTo");
  cumulative("consumedSinceStart", "consumedTo");
  derive("realisedLastYear", "realised");
  derive("rateLastYear", "rate");
  derive("realisedPrior", "realisedTo");
  derive("consumedLastYear", "consumedIn");
  derive("consumedPrior", "consumedTo");
  return { columns, blocks, ambiguous };
}

const DETAIL_EXPECTED: Array<[string, number]> = [
  ["fiche", 2],
  ["label", 1],
  ["objective", 1],
  ["objectiveType", 1],
  ["budget", 2],
  ["msTotal", 1],
  ["dgasTotal", 1],
  ["cdTotal", 1],
  ["source", 1],
  ["firTotal", 1],
  ["etatTotal", 1],
  ["ondamTotal", 1],
  ["realisedLastYear", 1],
  ["rateLastYear", 0.5],
  ["realisedSinceStart", 1],
  ["rateGlobal", 0.5],
  ["gap", 0.5],
];
const SUMMARY_EXPECTED: Array<[string, number]> = [
  ["mesure", 0.5],
  ["objectif", 0.5],
  ["fiche", 2],
  ["budget", 2],
  ["departement", 1],
  ["fir", 1],
  ["etat", 1],
  ["ondam", 1],
  ["modalite", 1],
  ["consumedPrior", 1],
  ["consumedLastYear", 1],
  ["consumedSinceStart", 1],
];

function yearsOf(kind: TableKind, blocks: Partial<Record<YearBlock, Record<number, number>>>, headerText: string[]): number[] {
  const set = new Set<number>();
  const from: YearBlock[] = kind === "detail" ? ["ms", "dgas", "cd", "fir", "etat", "ondam"] : ["consumedIn"];
  for (const b of from) for (const y of Object.keys(blocks[b] ?? {})) set.add(Number(y));
  if (kind === "summary") {
    // "2020-2022" spans; "au 31/12/2021" closes a year too.
    for (const t of headerText) {
      const m = /(20\d{2}) ?[-–à] ?(20\d{2})/.exec(t);
      if (m) for (let y = Number(m[1]); y <= Number(m[2]); y++) set.add(y);
    }
    for (const y of Object.keys(blocks.consumedTo ?? {})) set.add(Number(y));
  }
  return [...set].sort((a, b) => a - b);
}

function missingOf(kind: TableKind, columns: Partial<Record<SingleRole, number>>, blocks: TableLayout["blocks"], years: number[]): string[] {
  const expected = kind === "detail" ? DETAIL_EXPECTED : SUMMARY_EXPECTED;
  const missing = expected.filter(([r]) => columns[r as SingleRole] === undefined).map(([r]) => r);
  if (kind === "detail") {
    for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const) {
      const have = blocks[b];
      if (!have) {
        missing.push(b);
        continue;
      }
      for (const y of years) if (have[y] === undefined) missing.push(`${b}${y}`);
    }
  }
  return missing;
}

function confidenceOf(kind: TableKind, columns: Partial<Record<SingleRole, number>>, blocks: TableLayout["blocks"], fiches: number, hasTotal: boolean): number {
  const expected = kind === "detail" ? DETAIL_EXPECTED : SUMMARY_EXPECTED;
  let total = 0;
  let got = 0;
  for (const [r, w] of expected) {
    total += w;
    if (columns[r as SingleRole] !== undefined) got += w;
  }
  if (kind === "detail") {
    for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const) {
      total += 0.5;
      if (blocks[b] && Object.keys(blocks[b]).length) got += 0.5;
    }
  }
  total += 2;
  if (fiches > 0) got += 1;
  if (hasTotal) got += 1;
  return Math.round((got / total) * 100) / 100;
}

type Columns = Partial<Record<SingleRole, number>>;

const WHICH_ONE = /^(id\.?|identifiant|code|repere|rang|ordre|(n ?°|numero) d'ordre|index)$/;

/** The fiche column by its cells; a "Fiche action" column it was preferred to is the label when none was found. */
function settleFicheColumn(sheet: SheetSnapshot, seg: Segment, headerEnd: number, columns: Columns): void {
  const named = seg.cols.filter((hc) => hc.cls && "role" in hc.cls && hc.cls.role === "fiche").map((hc) => hc.col);
  // Only a column with no header at all may be taken for the numbers by its cells ("Chapitre" 011, 65 is not a fiche).
  const unnamed = seg.cols
    .slice(0, 4)
    .filter((hc) => !hc.cls && !hc.group.trim() && !hc.sub.trim())
    .map((hc) => hc.col);
  if (named.length === 1 && ficheScore(sheet, named[0]!, headerEnd).hits > 0) {
    labelInFicheCell(sheet, headerEnd, columns);
    return;
  }
  // « Action » alone names the label, unless its cells are the fiche numbers (« 3 », « Action 3 », « PMI-02 »).
  const numbered = (c: number) => {
    const s = ficheScore(sheet, c, headerEnd);
    return s.hits >= 2 && s.hits >= 3 * s.others;
  };
  const actions = seg.cols
    .slice(0, 6)
    .filter((hc) => hc.cls && "role" in hc.cls && hc.cls.role === "label" && /^actions? ?:?$/.test(norm(`${hc.group} ${hc.sub}`)))
    .map((hc) => hc.col)
    .filter(numbered);
  // A number column under a word that says only « which one » (« Identifiant », « Repère », « Code », « N° d'ordre »):
  // the fiche column if its cells are fiche numbers.
  const which = seg.cols
    .slice(0, 6)
    .filter((hc) => !hc.cls && WHICH_ONE.test(norm(`${hc.group} ${hc.sub}`).replace(/\s*:$/, "")))
    .map((hc) => hc.col)
    .filter(numbered);
  // No number column: the number only in each fiche's title (« FA n°3 : Parrainage » under « Intitulé de l'action »,
  // « Actions », « Description de l'action »). A title column, or one whose header speaks of actions, whose cells are
  // nearly all « number - title ».
  const titledCols = seg.cols
    .slice(0, 6)
    .filter((hc) => (hc.cls && "role" in hc.cls && hc.cls.role === "label") || (!hc.cls && /action|fiche/.test(norm(`${hc.group} ${hc.sub}`))))
    .map((hc) => hc.col)
    .filter((c) => titledColumn(sheet, c, headerEnd));
  const candidates = named.some(numbered) ? named : [...new Set([...named, ...actions, ...which, ...titledCols])];
  const { col, others } = chooseFicheColumn(sheet, headerEnd, candidates, unnamed);
  if (col === undefined) return;
  columns.fiche = col;
  if (columns.label === col) {
    const other = seg.cols.find((hc) => hc.col !== col && hc.cls && "role" in hc.cls && hc.cls.role === "label");
    if (other) columns.label = other.col;
    else if (!titledCols.includes(col)) delete columns.label;
  }
  const text = (c: number) => {
    const hc = seg.cols.find((x) => x.col === c);
    return hc ? `${hc.group} ${hc.sub}` : "";
  };
  const wordy = others.find((c) => /fiche|action/i.test(text(c)));
  if (columns.label === undefined && wordy !== undefined) columns.label = wordy;
  labelInFicheCell(sheet, headerEnd, columns);
}

/** « 3 - Créer un observatoire » under « Fiche action » and no title column: the number and the title share the cell. */
function labelInFicheCell(sheet: SheetSnapshot, headerEnd: number, columns: Columns): void {
  if (columns.label === undefined && columns.fiche !== undefined && titledColumn(sheet, columns.fiche, headerEnd)) columns.label = columns.fiche;
}
type Blocks = Partial<Record<YearBlock, Record<number, number>>>;

function headerTextOf(hc: HeaderColumn): string {
  const g = hc.group.replace(/\s+/g, " ").trim();
  const sub = hc.sub.replace(/\s+/g, " ").trim();
  return g && sub && g !== sub ? `${g} ${sub}` : g || sub;
}

/** The user's entries for this table: set or remove each role; returns the keys the user decided. */
function applyMapping(entries: ReturnType<typeof entriesFor>, headers: Map<number, string>, columns: Columns, blocks: Blocks): string[] {
  const decided: Array<{ key: string; k: NonNullable<ReturnType<typeof parseRoleKey>>; col: number | null }> = [];
  for (const e of entries) {
    const k = parseRoleKey(e.key);
    const col = k ? resolveEntry(e, headers) : undefined;
    if (k && col !== undefined) decided.push({ key: e.key, k, col });
  }
  const userKeys = new Set(decided.map((d) => d.key));
  const userCols = new Set(decided.map((d) => d.col).filter((c): c is number => c !== null));
  // A column the user gave a role keeps only the user's roles (a role and a year may share one: realised2022 = realisedLastYear).
  for (const [r, c] of Object.entries(columns)) if (c !== undefined && userCols.has(c) && !userKeys.has(r)) delete columns[r as SingleRole];
  for (const [b, ys] of Object.entries(blocks)) {
    for (const [y, c] of Object.entries(ys ?? {})) if (userCols.has(c) && !userKeys.has(`${b}${y}`)) delete ys[Number(y)];
  }
  for (const { k, col } of decided) {
    if ("role" in k) {
      if (col === null) delete columns[k.role];
      else columns[k.role] = col;
    } else {
      const b = (blocks[k.block] ??= {});
      if (col === null) delete b[k.year];
      else b[k.year] = col;
    }
  }
  return [...userKeys];
}

function readingsOf(columns: Columns, blocks: Blocks, missing: string[], doubtful: string[], user: string[], headers: Map<number, string>): RoleReading[] {
  const out: RoleReading[] = [];
  const status = (key: string): RoleReading["status"] => (user.includes(key) ? "user" : doubtful.includes(key) ? "doubtful" : "confirmed");
  for (const [role, col] of Object.entries(columns)) if (col !== undefined) out.push({ key: role, col, header: headers.get(col) ?? "", status: status(role) });
  for (const [b, ys] of Object.entries(blocks)) {
    for (const [y, col] of Object.entries(ys ?? {})) out.push({ key: `${b}${y}`, col, header: headers.get(col) ?? "", status: status(`${b}${y}`) });
  }
  out.sort((a, b) => a.col! - b.col!);
  for (const key of missing) out.push({ key, col: null, header: "", status: "missing" });
  for (const key of user) if (!out.some((r) => r.key === key)) out.push({ key, col: null, header: "", status: "user" });
  return out;
}

/**
 * recogniseSheet's tables keyed by their first header row and first column ("3:1"): the detail-typed ones that
 * recognise() found to be the summary.
 */
type Retype = Set<string>;

function recogniseSheet(
  given: SheetSnapshot,
  closest: { best: ClosestCandidate | null; score: number },
  mapping: ColumnMapping | undefined,
  asSummary: Retype = new Set(),
): TableLayout[] {
  // Headers read with relative years (« N-1 ») written out; the body is the sheet's own.
  const sheet = resolveRelativeYears(given);
  const tables = scanSheet(sheet, closest, mapping, asSummary);
  // A table found claims its cells; the rows it spans are searched again beside it, for a table whose header stands
  // on other rows (a summary set to the right of the detail, its header higher, lower or shallower than the detail's).
  for (let pass = 0; pass < 2 && tables.length && anythingBeside(sheet, tables, MAX_HEADER_ROWS); pass++) {
    const within = (r: number) => tables.some((t) => r >= t.range.r1 - MAX_HEADER_ROWS && r <= t.range.r2);
    const more = scanSheet(withoutTables(sheet, tables), { best: null, score: 0 }, mapping, asSummary).filter((t) => within(t.range.r1));
    if (!more.length) break;
    tables.push(...more);
  }
  return tables.sort((a, b) => a.range.r1 - b.range.r1 || a.range.c1 - b.range.c1);
}

function scanSheet(
  sheet: SheetSnapshot,
  closest: { best: ClosestCandidate | null; score: number },
  mapping: ColumnMapping | undefined,
  asSummary: Retype,
  start = 1,
  /** Rows from which side-by-side tables are looked for (a sheet already split is not split again at its own row). */
  from = 1,
): TableLayout[] {
  const tables: TableLayout[] = [];
  const merges = new MergeIndex(sheet);
  let r = start;
  while (r <= sheet.rowCount) {
    const roles = headerRoles(sheet, merges, r);
    if (roles.length > closest.score) {
      closest.score = roles.length;
      closest.best = {
        sheet: sheet.name,
        row: r,
        recognised: roles.map((x) => `${addr(r, x.col)} ${"role" in x.cls ? x.cls.role : x.cls.block + x.cls.year}`),
        why: roles.length < MIN_HEADER_ROLES ? rejectText.tooFewHeaders(roles.length) : rejectText.notATable,
      };
    }
    if (roles.length < MIN_HEADER_ROLES) {
      r++;
      continue;
    }
    const alone = r >= from ? besideOthers(sheet, r, roles, MIN_HEADER_ROLES) : null;
    if (alone) {
      // Two tables side by side whose headers stand on different rows: this row's table is read alone first, its
      // neighbour's columns blanked; recogniseSheet finds the neighbour in what is left.
      const found = scanSheet(alone, closest, mapping, asSummary, r, r + 1);
      tables.push(...found);
      r = Math.max(r, ...found.map((t) => t.range.r2)) + 1;
      continue;
    }
    const above = groupRowAbove(sheet, merges, r) || (r > 1 && groupsWrittenFirstOnly(sheet, r - 1));
    const deep = above ? null : headerRowsAt(sheet, merges, r);
    const band =
      deep && deep.length > 2
        ? readDeepHeader(sheet, merges, deep)
        : deep && deep[0] === r - 1
          ? readHeader(sheet, merges, r - 1, true)
          : readHeader(sheet, merges, above ? r - 1 : r, above);
    const header = singlesAbove(sheet, merges, band) ?? band;
    const segs = segmentsOf(header.cols);
    let end = r;
    for (const { seg, rows: deepRows } of deepenSegments(sheet, merges, header.rows, segs, header.cols).map((x) => ownDepth(sheet, merges, x))) {
      const headerRows = withUnitRow(sheet, deepRows, seg.c1, seg.c2);
      if (seg.kind === "detail" && asSummary.has(`${header.rows[0]}:${seg.c1}`)) seg.kind = "summary";
      const { columns, blocks, ambiguous } = assignColumns(seg.kind, seg, sheet.hiddenCols);
      const headers = new Map<number, string>();
      for (const hc of seg.cols) if (hc.group || hc.sub) headers.set(hc.col, headerTextOf(hc));
      const user = applyMapping(entriesFor(mapping, seg.kind, sheet.name), headers, columns, blocks);
      if (!user.includes("fiche")) settleFicheColumn(sheet, seg, headerRows[headerRows.length - 1]!, columns);
      if (columns.fiche === undefined && seg.kind === "summary" && columns.budget === undefined) continue;
      const headerEnd = headerRows[headerRows.length - 1]!;
      const parse = () =>
        parseBody(
          sheet,
          seg.kind,
          { c1: seg.c1, c2: seg.c2 },
          headerEnd,
          columns,
          (row) => headerRoles(sheet, merges, row).length >= MIN_HEADER_ROLES,
          additiveColumns(columns, blocks),
        );
      let body = parse();
      const headerText = seg.cols.flatMap((hc) => [norm(hc.group), norm(hc.sub)]);
      const years = yearsOf(seg.kind, blocks, headerText);
      const fiches = ficheCount(body.rows);
      const why = rejection(seg.kind, columns, blocks, fiches);
      if (why) {
        // Not an annex table (a budget, a staffing table, a pivot of totals): kept only to explain the closest candidate.
        const score = 100 + seg.cols.filter((hc) => hc.cls).length;
        if (score > closest.score) {
          closest.score = score;
          const recognised = readingsOf(columns, blocks, [], [], [], headers).map((x) => `${addr(headerRows[0]!, x.col!)} ${x.key}`);
          closest.best = { sheet: sheet.name, row: headerRows[0]!, recognised, why };
        }
        continue;
      }
      // Roles the cells settle (the type, the theme) tell a fiche's repeated number from a duplicate: the rows are read
      // again with them.
      let reread = false;
      if (seg.kind === "detail" && columns.objectiveType === undefined && !user.includes("objectiveType")) {
        const typed = objectiveTypeByValues(sheet, seg.c1, seg.c2, columns, blocks, body.rows);
        if (typed !== undefined) {
          columns.objectiveType = typed;
          reread = true;
        }
      }
      if (seg.kind === "detail" && !user.includes("theme")) {
        const used = columnsRead(columns, blocks);
        const theme = themeByValues(sheet, headers, columns.theme, used, body.rows);
        if (theme !== columns.theme) {
          if (theme === undefined) delete columns.theme;
          else columns.theme = theme;
          reread = true;
        }
      }
      if (seg.kind === "detail" && !user.includes("source") && settleSource(sheet, columns, ambiguous, body.rows)) reread = true;
      // A source its cells refute (comments, partners, no funder named on any fiche): no source read.
      if (seg.kind === "detail" && !user.includes("source") && columns.source !== undefined && sourceRefutedByCells(sheet, columns.source, body.rows)) {
        delete columns.source;
        reread = true;
      }
      if (reread) body = parse();
      const hidden: number[] = [];
      for (let c = seg.c1; c <= seg.c2; c++) if (sheet.hiddenCols.has(c)) hidden.push(c);
      // Two columns read as the year's realisations and none as the cumulative: the second is the hypothesis the numbers test.
      const twice = ambiguous.find((a) => a.role === "realisedLastYear");
      if (seg.kind === "detail" && columns.realisedSinceStart === undefined && twice && !user.includes("realisedSinceStart")) {
        columns.realisedSinceStart = twice.cols.find((c) => c !== columns.realisedLastYear);
      }
      const oneYearDoubts: Doubt[] = [];
      // A one-year annex: « Budget 2025 » as its budget, two execution groups of its year as the year's and the cumulative.
      if (seg.kind === "detail") {
        const budget = user.includes("budget") ? undefined : oneYearBudget(sheet, seg.cols, columns, blocks, years, body.rows);
        if (budget !== undefined) columns.budget = budget;
        if (!user.includes("realisedSinceStart") && !user.includes("realisedLastYear")) {
          const doubt = oneYearExecution(sheet, seg.cols, columns, blocks, years, body.rows, ambiguous);
          if (doubt) oneYearDoubts.push(doubt);
        }
      }
      const percentPoints: string[] = [];
      // A column's own words: its lowest header, or a header merged down over it alone (a group no neighbour shares).
      const groupOf = new Map(seg.cols.map((hc) => [hc.col, hc.group] as const));
      const ownWords = new Map(
        seg.cols.map((hc) => [hc.col, hc.sub || (groupOf.get(hc.col - 1) !== hc.group && groupOf.get(hc.col + 1) !== hc.group ? hc.group : "")] as const),
      );
      const doubtful = verifyReading(sheet, seg.kind, columns, blocks, years, body.rows, user, ambiguous, percentPoints, ownWords);
      if (seg.kind === "detail") doubtful.push(...unreadYears(sheet, seg, columns, blocks, body.rows, user));
      for (const d of oneYearDoubts) if (!doubtful.some((x) => x.key === d.key)) doubtful.push(d);
      // (The arithmetic may have settled some: what is left is reported.)
      const settled = ambiguous.filter((a) => a.role !== "fiche" || !a.cols.includes(columns.fiche ?? -1) || columns.label === undefined);
      // After the arithmetic: a hypothesis it confirmed may fill a role.
      const missing = missingOf(seg.kind, columns, blocks, years).filter((k) => !user.includes(k));
      tables.push({
        kind: seg.kind,
        sheet: sheet.name,
        range: { r1: headerRows[0]!, c1: seg.c1, r2: body.endRow, c2: seg.c2 },
        headerRows: headerRows,
        columns,
        blocks,
        years,
        rows: body.rows,
        totalRow: body.totalRow,
        groups: body.groups,
        missing,
        ambiguous: settled,
        hiddenCols: hidden,
        confidence: confidenceOf(seg.kind, columns, blocks, fiches, body.totalRow !== null),
        doubtful: doubtful.map((d) => d.key),
        doubts: doubtful,
        ...(percentPoints.length ? { percentPoints } : {}),
        userKeys: user,
        readings: readingsOf(
          columns,
          blocks,
          missing,
          doubtful.map((d) => d.key),
          user,
          headers,
        ),
        headers: Object.fromEntries(headers),
      });
      end = Math.max(end, body.endRow);
    }
    r = end + 1;
  }
  return tables;
}

/**
 * Two tables side by side share the header band of the deeper one; the shallower one's rows under its own header are
 * its body. A lower band row that holds, over a table's columns, one text only, in its first column and naming no
 * column (« Engagement 1 » under « Engagement »), is that table's first row, an engagement title: its header ends above.
 */
function ownDepth(sheet: SheetSnapshot, merges: MergeIndex, x: { seg: Segment; rows: number[] }): { seg: Segment; rows: number[] } {
  let rows = x.rows;
  while (rows.length > 1) {
    const low = rows[rows.length - 1]!;
    const filled: number[] = [];
    for (let c = x.seg.c1; c <= x.seg.c2; c++) if (textAt(sheet, merges, low, c)) filled.push(c);
    const own = cellText(sheet.cells[low - 1]?.[x.seg.c1 - 1]?.value ?? null);
    const firstColumnTitle = filled.length === 1 && filled[0] === x.seg.c1 && !!own && !classifyHeader("", own);
    // (Or in another column, the label's, with a fiche row under it.)
    if (!firstColumnTitle && !loneTitleRow(sheet, merges, low, x.seg.c1, x.seg.c2)) break;
    rows = rows.slice(0, -1);
  }
  if (rows.length === x.rows.length) return x;
  const cols = readDeepHeader(sheet, merges, rows).cols.filter((hc) => hc.col >= x.seg.c1 && hc.col <= x.seg.c2);
  const seg = segmentsOf(cols).find((s) => s.kind === x.seg.kind && s.c1 === x.seg.c1);
  return seg ? { seg, rows } : x;
}

/**
 * A block's total read but none of its years, while columns headed by a bare year hold amounts and got no role: whose
 * years they are was not read (their group on a header row the reading missed). The block totals are then doubtful, so
 * that the reading says once what it missed rather than checking blocks as if they had no years.
 */
function unreadYears(sheet: SheetSnapshot, seg: Segment, columns: Columns, blocks: Blocks, rows: RowInfo[], user: string[]): Doubt[] {
  const read = columnsRead(columns, blocks);
  // (The fiche rows listed only for a column that may be such a year: most tables have none.)
  let fiches: number[] | null = null;
  const unread = seg.cols.filter((hc) => {
    if (hc.cls || read.has(hc.col) || sheet.hiddenCols.has(hc.col) || !isBareYear(norm(hc.sub || hc.group))) return false;
    fiches ??= rows.filter((x) => x.kind === "fiche").map((x) => x.row);
    const numbers = fiches.filter((r) => typeof sheet.cells[r - 1]?.[hc.col - 1]?.value === "number").length;
    return numbers * 2 > fiches.length;
  });
  if (unread.length < 2) return [];
  const why = incompleteText.why.unreadYears(unread.map((hc) => colToLetters(hc.col)));
  return (["ms", "dgas", "cd", "fir", "etat", "ondam"] as const).flatMap((b) => {
    const key = `${b}Total` as SingleRole;
    const col = columns[key];
    return col !== undefined && !Object.keys(blocks[b] ?? {}).length && !user.includes(key) ? [{ key, col, why }] : [];
  });
}

/** Classified header columns of the tables a header splits into. */
function namedColumns(cols: HeaderColumn[]): number {
  return segmentsOf(cols).reduce((n, seg) => n + seg.cols.filter((hc) => hc.cls).length, 0);
}

/**
 * Single headers sit on a header's top row, the groups may start lower (« N° fiche », « Coût total » on row 1,
 * « Prévisionnel » / « Cofinanceurs » / « ARS » on rows 2-4): the band found from the rows of groups misses that top
 * row, and with it the fiche column. The row above the band is the header's top row when it names at least two
 * columns the band leaves blank on every row and holds no amount; the header is then read with it, if that names more.
 */
function singlesAbove(
  sheet: SheetSnapshot,
  merges: MergeIndex,
  band: { rows: number[]; cols: HeaderColumn[] },
): { rows: number[]; cols: HeaderColumn[] } | null {
  const top = band.rows[0]!;
  if (top <= 1 || band.rows.length >= MAX_HEADER_ROWS) return null;
  const row = sheet.cells[top - 2];
  if (!row) return null;
  let lone = 0;
  let fiche = false;
  for (let c = 1; c <= row.length; c++) {
    const v = row[c - 1]?.value ?? null;
    if (v === null || isBlankValue(v)) continue;
    if (typeof v === "number" && !isBareYear(String(v))) return null;
    const cls = typeof v === "string" && v.length <= MAX_HEADER_TEXT ? classifyHeader("", v) : null;
    if (!cls) continue;
    // (Merged down over the band's rows, it is still the top row's alone.)
    if (band.rows.every((hr) => !textAt(sheet, merges, hr, c) || merges.at(hr, c)?.r1 === top - 1)) {
      lone++;
      if ("role" in cls && (cls.role === "fiche" || cls.role === "label")) fiche = true;
    }
  }
  // Two singles, or the one that names the fiches (« FICHE ACTION » merged down beside « PLAN DE FINANCEMENT »).
  if (lone < 2 && !(lone === 1 && fiche)) return null;
  const deeper = readDeepHeader(sheet, merges, [top - 1, ...band.rows]);
  return namedColumns(deeper.cols) > namedColumns(band.cols) ? deeper : null;
}

const ADDITIVE_ROLES: SingleRole[] = [
  "budget",
  "msTotal",
  "dgasTotal",
  "cdTotal",
  "firTotal",
  "etatTotal",
  "ondamTotal",
  "realisedLastYear",
  "realisedSinceStart",
  "gap",
  "realisedPrior",
  "departement",
  "fir",
  "etat",
  "ondam",
  "consumedPrior",
  "consumedLastYear",
  "consumedSinceStart",
];
const ADDITIVE_BLOCKS: YearBlock[] = ["ms", "dgas", "cd", "fir", "etat", "ondam", "realised", "realisedTo", "consumedIn", "consumedTo"];

/** Columns whose sum rows are the sums of their rows (amounts, not rates): what tells a sub-total from a fiche. */
function additiveColumns(columns: Columns, blocks: Blocks): number[] {
  const out = new Set<number>();
  for (const r of ADDITIVE_ROLES) if (columns[r] !== undefined) out.add(columns[r]);
  for (const b of ADDITIVE_BLOCKS) for (const c of Object.values(blocks[b] ?? {})) out.add(c);
  return [...out].sort((a, b) => a - b);
}

/**
 * Two tables side by side need not have headers of the same depth (a detail on three rows beside a summary on two):
 * where the row under the header is itself a row of headers, over the columns of a table or over columns no table
 * took, the header goes one row deeper there alone.
 */
function deepenSegments(
  sheet: SheetSnapshot,
  merges: MergeIndex,
  rows: number[],
  segs: Segment[],
  cols: HeaderColumn[],
  /** Only this table's columns (a table deepened once, tried one row deeper again beside the others). */
  only?: Segment,
): Array<{ seg: Segment; rows: number[] }> {
  const out = segs.map((seg) => ({ seg, rows }));
  if (rows.length > MAX_HEADER_ROWS) return out;
  const next = rows[rows.length - 1]! + 1;
  const deeper = [...rows, next];
  const maxCol = Math.max(cols.length, sheet.cells[next - 1]?.length ?? 0);
  // Column ranges: each table's, and the runs between them.
  const ranges: Array<{ c1: number; c2: number; seg: Segment | null }> = [];
  let c = 1;
  for (const seg of [...segs].sort((a, b) => a.c1 - b.c1)) {
    if (seg.c1 > c) ranges.push({ c1: c, c2: seg.c1 - 1, seg: null });
    ranges.push({ c1: seg.c1, c2: seg.c2, seg });
    c = seg.c2 + 1;
  }
  if (c <= maxCol) ranges.push({ c1: c, c2: maxCol, seg: null });
  const candidates = ranges.filter((x) => (only ? x.seg === only : x.seg !== null || segs.length > 0) && headerLike(sheet, next, x, 3));
  if (!candidates.length) return out;
  const all = readDeepHeader(sheet, merges, deeper).cols;
  for (const range of candidates) {
    // Columns of the other tables stay out of this one.
    const others = segs.filter((o) => o !== range.seg);
    const own = all.filter((hc) => !others.some((o) => hc.col >= o.c1 && hc.col <= o.c2));
    // (Of the same kind, or covering the whole table: a detail's upper rows alone, no year under its blocks, may read as
    // a summary's « Part du Département », « Crédits prévus 2023-2026 ».)
    const found = segmentsOf(own).filter(
      (x) => x.c1 <= range.c2 && x.c2 >= range.c1 && (!range.seg || x.kind === range.seg.kind || (x.c1 <= range.seg.c1 && x.c2 >= range.seg.c2)),
    );
    if (!found.length) continue;
    const at = range.seg ? out.findIndex((o) => o.seg === range.seg) : -1;
    if (at >= 0) out.splice(at, 1, ...found.map((seg) => ({ seg, rows: deeper })));
    else out.push(...found.filter((f) => !out.some((o) => o.seg.c1 <= f.c2 && o.seg.c2 >= f.c1)).map((seg) => ({ seg, rows: deeper })));
  }
  const joined = joinDeepened(out, all, deeper);
  // A table deepened may go deeper still: four rows of groups beside a summary whose fiches start on the second.
  if (deeper.length >= MAX_HEADER_ROWS) return joined;
  const segsNow = joined.map((x) => x.seg);
  return joined.flatMap((x) =>
    x.rows === deeper ? deepenSegments(sheet, merges, deeper, segsNow, cols, x.seg).filter((y) => y.seg === x.seg || !segsNow.includes(y.seg)) : [x],
  );
}

/**
 * One table's header may be deeper over some of its columns than over others (groups written over their first column
 * only, the years on a fourth row under them): the part read one row deeper and the parts beside it read shallower,
 * of the same kind with no empty column between and naming no column twice, are one table read at the deeper rows.
 */
function joinDeepened(out: Array<{ seg: Segment; rows: number[] }>, all: HeaderColumn[], deeper: number[]): Array<{ seg: Segment; rows: number[] }> {
  const list = [...out].sort((a, b) => a.seg.c1 - b.seg.c1);
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1]!;
    if (a.seg.kind !== b.seg.kind || a.rows.length === b.rows.length || b.seg.c1 - a.seg.c2 > 1 || repeats(a.seg.cols, b.seg.cols)) continue;
    const joined = segmentsOf(all.filter((hc) => hc.col >= a.seg.c1 && hc.col <= b.seg.c2));
    const one = joined.length === 1 ? joined[0]! : null;
    if (!one || one.kind !== a.seg.kind || one.c1 > a.seg.c1 || one.c2 < b.seg.c2) continue;
    list.splice(i, 2, { seg: one, rows: deeper });
    i = Math.max(-1, i - 2);
  }
  return list;
}

const FUNDING_GROUPS: YearBlock[][] = [["ms", "dgas", "cd"], ["fir"], ["etat"], ["ondam"]];

/**
 * Why a table is not an annex table, or null. An annex numbers its fiches and splits money between the département and
 * its co-financers; a département's budget (years and Total rows), a staffing table ("N° fiche" of a post) or a pivot of
 * totals per funder do not do both.
 */
function rejection(kind: TableKind, columns: Columns, blocks: Blocks, fiches: number): string | null {
  if (columns.fiche === undefined) return rejectText.noFicheColumn;
  if (fiches === 0) return rejectText.noFiches;
  const has = (b: YearBlock) => Object.keys(blocks[b] ?? {}).length > 0 || columns[`${b}Total` as SingleRole] !== undefined;
  if (kind === "detail") {
    const groups = FUNDING_GROUPS.filter((g) => g.some(has)).length;
    const realised = columns.realisedLastYear !== undefined || columns.realisedSinceStart !== undefined;
    if (groups >= 2 || (groups >= 1 && columns.budget !== undefined && realised)) return null;
    return rejectText.noAmounts;
  }
  const funders = (["departement", "fir", "etat", "ondam"] as const).filter((k) => columns[k] !== undefined).length;
  if (funders >= 2 || (columns.budget !== undefined && funders >= 1)) return null;
  return rejectText.noAmounts;
}

function fichesOf(t: TableLayout): number {
  return ficheCount(t.rows);
}

/** How many fiche rows: counted, not filtered into a list of 10 000 rows to be dropped. */
function ficheCount(rows: RowInfo[]): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.kind === "fiche") n++;
  return n;
}

/** Columns and yearly blocks only a detail table has (DETAIL_STRONG): a table typed detail without any may be the summary. */
const DETAIL_EVIDENCE: SingleRole[] = ["objectiveType", "source", "gap", "msTotal", "dgasTotal"];
const DETAIL_EVIDENCE_BLOCKS: YearBlock[] = ["ms", "dgas", "cd", "fir", "etat", "ondam", "indicator"];

/**
 * A detail-typed table with no column only a detail has. A label alone does not make a detail when a column only the
 * summary has stands beside it (« Intitulé de l'action » beside « Modalités »: a summary naming each action).
 */
function weakDetail(t: TableLayout): boolean {
  if (t.kind !== "detail" || t.userKeys.length) return false;
  if (DETAIL_EVIDENCE.some((r) => t.columns[r] !== undefined) || DETAIL_EVIDENCE_BLOCKS.some((b) => Object.keys(t.blocks[b] ?? {}).length)) return false;
  return t.columns.label === undefined || t.columns.modalite !== undefined || t.columns.mesure !== undefined;
}

/**
 * No summary found, but two detail tables, one with yearly blocks, a label or a source and one with none of them
 * (« Axe », « Part CD », « Réalisé » over au 31/12 | en 2022 | 2020-2022, no Modalités): every column of the second one
 * a summary has too, and an annex has one detail table. The second one is read again as the summary; the cross-table
 * check then confirms or doubts that reading.
 */
function retypeSummary(wb: WorkbookSnapshot, tables: TableLayout[], mapping: ColumnMapping | undefined): TableLayout[] {
  if (tables.some((t) => t.kind === "summary")) return tables;
  if (!tables.some((t) => t.kind === "detail" && !weakDetail(t))) return tables;
  const weak = tables.filter(weakDetail).sort((a, b) => fichesOf(b) - fichesOf(a))[0];
  if (!weak) return tables;
  const sheet = wb.sheets.find((x) => x.name === weak.sheet)!;
  const again = recogniseSheet(sheet, { best: null, score: 0 }, mapping, new Set([`${weak.range.r1}:${weak.range.c1}`]));
  const summary = again.find((t) => t.kind === "summary");
  if (!summary) return tables;
  // The hypothesis holds only if the table sums the detail's own fiches: most of its fiche numbers are the detail's.
  const detail = tables.filter((t) => t.kind === "detail" && !weakDetail(t)).sort((a, b) => fichesOf(b) - fichesOf(a))[0]!;
  const numbers = (t: TableLayout) => new Set(t.rows.filter((x) => x.kind === "fiche" && x.fiche).map((x) => norm(x.fiche!)));
  const own = numbers(detail);
  const theirs = [...numbers(summary)];
  if (theirs.filter((n) => own.has(n)).length * 2 < theirs.length) return tables;
  const i = tables.findIndex((t) => t.sheet === weak.sheet);
  return [...tables.slice(0, i), ...again, ...tables.filter((t, j) => j >= i && t.sheet !== weak.sheet)];
}

/**
 * Another contract's financial table (numbered actions, « Mesure » or « Axe », the State's and the département's
 * credits, their total and what was spent) has the shape of an annex table. A workbook is taken for an annex only if
 * one of its tables has a column only the CDPPE annex has. The detail table: a year of a funder's block, the masse
 * salariale or DGAS split of the département's part, the source of co-financing, the objective type or the gap. The
 * summary: its Modalités de financement, two of its consumption columns (to the prior year, in the year, since the
 * start, which add up), or the three co-financers FIR, Etat and ONDAM side by side. (A summary typed as a detail table,
 * its detail not found, still has its Modalités.)
 */
function ofTheAnnex(t: TableLayout): boolean {
  if (t.userKeys.length || t.columns.modalite !== undefined) return true;
  if (t.kind === "detail") {
    return DETAIL_EVIDENCE.some((r) => t.columns[r] !== undefined) || DETAIL_EVIDENCE_BLOCKS.some((b) => Object.keys(t.blocks[b] ?? {}).length);
  }
  const consumed = (["consumedPrior", "consumedLastYear", "consumedSinceStart"] as const).filter((k) => t.columns[k] !== undefined).length;
  const cofinancers = (["fir", "etat", "ondam"] as const).filter((k) => t.columns[k] !== undefined).length;
  return consumed >= 2 || cofinancers === 3;
}

/** Without any table of the annex's own, the tables found are set aside, the best of them kept as the closest candidate. */
function withoutForeignTables(tables: TableLayout[], closest: { best: ClosestCandidate | null; score: number }): TableLayout[] {
  if (!tables.length || tables.some(ofTheAnnex)) return tables;
  const best = [...tables].sort((a, b) => fichesOf(b) - fichesOf(a))[0]!;
  const recognised = best.readings.filter((x) => x.col !== null).map((x) => `${addr(best.headerRows[0]!, x.col!)} ${x.key}`);
  closest.best = { sheet: best.sheet, row: best.headerRows[0]!, recognised, why: rejectText.foreignTable };
  return [];
}

/** Whether a summary has a column only a summary has: its Modalités, its Mesure, or two of its consumption columns. */
function ownSummaryColumns(t: TableLayout): boolean {
  if (t.userKeys.length || t.columns.modalite !== undefined || t.columns.mesure !== undefined) return true;
  return (["consumedPrior", "consumedLastYear", "consumedSinceStart"] as const).filter((k) => t.columns[k] !== undefined).length >= 2;
}

/**
 * A summary known by its shape alone (fiches, planned amounts per funder, one consumption column: the summary of a
 * one-year annex, or another contract's table) is the annex's summary only beside a detail table of the same fiches:
 * most of its fiche numbers are the detail's (« FA 1 » and « 1 » one number).
 */
function withoutStraySummaries(tables: TableLayout[]): TableLayout[] {
  const key = (f: string) => norm(f).replace(/^[^\d]+/, "");
  const numbers = (t: TableLayout) => new Set(t.rows.filter((x) => x.kind === "fiche" && x.fiche).map((x) => key(x.fiche!)));
  // (The detail's numbers only for a summary known by its shape alone: 10 000 fiche numbers normalised otherwise.)
  let details: Array<Set<string>> | null = null;
  return tables.filter((t) => {
    if (t.kind !== "summary" || ownSummaryColumns(t)) return true;
    const theirs = [...numbers(t)];
    details ??= tables.filter((x) => x.kind === "detail").map(numbers);
    return details.some((own) => {
      const shared = theirs.filter((n) => own.has(n)).length;
      return shared >= 2 && shared * 2 >= theirs.length;
    });
  });
}

export function recognise(wb: WorkbookSnapshot, options: RecogniseOptions = {}): AnnexLayout {
  const closest = { best: null as ClosestCandidate | null, score: 0 };
  let tables: TableLayout[] = [];
  for (const sheet of wb.sheets) tables.push(...recogniseSheet(sheet, closest, options.mapping));
  tables = joinContinuedParts(wb.sheets, tables);
  tables = retypeSummary(wb, tables, options.mapping);
  tables = withoutForeignTables(withoutStraySummaries(tables), closest);
  const pick = (kind: TableKind) => tables.filter((t) => t.kind === kind).sort((a, b) => fichesOf(b) - fichesOf(a) || b.confidence - a.confidence)[0] ?? null;
  const detail = pick("detail");
  const summary = pick("summary");
  if (detail && summary) {
    const ds = wb.sheets.find((x) => x.name === detail.sheet)!;
    const ss = wb.sheets.find((x) => x.name === summary.sheet)!;
    // Small k€ amounts of the summary doubted as rates: the detail's own amounts, fiche by fiche, say they are money.
    const money = confirmedAcross(ds, detail, ss, summary);
    if (money.length) {
      summary.doubts = summary.doubts.filter((d) => !money.includes(d.key));
      summary.doubtful = summary.doubtful.filter((k) => !money.includes(k) || summary.doubts.some((d) => d.key === k));
      for (const r of summary.readings) if (money.includes(r.key) && !summary.doubtful.includes(r.key) && r.status === "doubtful") r.status = "confirmed";
    }
    let more = verifyAcross(ds, detail, ss, summary, summary.userKeys);
    // One table saying k€ and the other euros: compared in euros only if the figures then agree better than as written
    // (a header's « (€) » over amounts kept in k€ says nothing sure).
    const scales = more.length ? unitScales(detectAmountUnit(ds, detail), detectAmountUnit(ss, summary)) : null;
    const scaled = scales ? verifyAcross(ds, detail, ss, summary, summary.userKeys, scales) : null;
    if (scales && scaled && scaled.length < more.length) {
      more = scaled;
      summary.unitScales = scales;
    }
    if (more.length) {
      summary.doubts.push(...more);
      summary.doubtful.push(...more.map((m) => m.key));
      for (const r of summary.readings) if (summary.doubtful.includes(r.key) && r.status === "confirmed") r.status = "doubtful";
    }
  }
  return { tables, detail, summary, closest: detail || summary ? null : closest.best };
}
