// Kinds of the rows under a header: fiche, continuation, title, blank, sub-total, total, check row; summary groups.
import { findRefs, isPlainSum, rowsReferenced } from "../model/formulaRefs";
import { isBlankValue, isError, type Cell, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { isBareYear, norm, normHead } from "./normalize";
import type { GroupInfo, RowInfo, SingleRole, TableKind } from "./types";

/** Consecutive blank rows that end a table with no TOTAL row. */
const BLANK_RUN_END = 5;

/**
 * A fiche number as départements write it: 1, 01, "FA 1", "FA-1", "Fiche 12", "1.2" (sub-action), "1 bis", "A1".
 * Normalised so both tables agree: "01", "FA 1" and "Fiche n° 1" are all "1"; "A1" stays "A1", "1.2" stays "1.2".
 */
export function parseFiche(v: CellValue): string | null {
  if (typeof v === "number") {
    if (!(v > 0 && v < 1e6)) return null;
    if (Number.isInteger(v)) return String(v);
    // 1.2 typed as a number: a sub-action, not an amount (amounts do not sit in the fiche column).
    return v < 1000 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6 ? String(v) : null;
  }
  if (typeof v !== "string") return null;
  const m =
    /^(?:fiches?(?: actions?)?|fa|f\.?a\.?|action|n ?°)?\s*[-–:]?\s*(?:n ?°\s*)?([ivx]{1,4}\s?[-.]\s?|[a-z]{1,2}\s?[-.]?\s?)?(\d{1,6}(?:[.-]\d{1,3}){0,2})\s*(bis|ter|quater|[a-z])?\.?$/i.exec(
      normHead(v, 30),
    );
  if (!m) return null;
  const prefix = m[1] ? m[1].replace(/[\s.-]/g, "").toUpperCase() : "";
  if (prefix && /^(N|NO)$/.test(prefix)) return null;
  const num = /^\d+$/.test(m[2]!)
    ? String(Number(m[2]))
    : m[2]!
        .replace(/-/g, ".")
        .split(".")
        .map((x) => String(Number(x)))
        .join(".");
  return `${prefix}${num}${m[3] ? ` ${m[3].toLowerCase()}` : ""}`;
}

function isFilled(cell: Cell | undefined): boolean {
  return !!cell && (!isBlankValue(cell.value) || !!cell.formula);
}

function labelOf(cells: Array<Cell | undefined> | undefined, c1: number, c2: number): string {
  if (!cells) return "";
  for (let c = c1; c <= Math.min(c2, c1 + 11); c++) {
    const v = cells[c - 1]?.value;
    if (typeof v === "string" && v.trim()) return normHead(v);
  }
  return "";
}

const TOTAL = /^total(e|aux)?\b(?! cd\b)/;
// "Sous-total", "Sous total", "S/TOTAL", "S-Total", "Ss-total", "Total engagement 2"…
const SUBTOTAL_PREFIX = /^(sous[- ]?total|s\s?[/.-]\s?total|ss[- ]?total)\s*/;
const SUBTOTAL =
  /^(sous[- ]?total|s\s?[/.-]\s?total|ss[- ]?total|total (de l'|du |de la |des )?(engagements?|axes?|conditions?|objectifs?|orientations?|parties?|volets?|th[eè]mes?|p[oô]les?|mesures?|hors)\b)/;
const TITLE = /^(engagement\s*(n ?°)?\s*\d|conditions?\b|axe\s*\d|gouvernance|partie\s*\d)/;

export function groupKey(title: string, index: number): string {
  const t = norm(title);
  const m = /^engagement\s*(?:n ?°)?\s*(\d+)/.exec(t);
  if (m) return `engagement${m[1]}`;
  if (/^conditions?/.test(t)) return "conditions";
  return `groupe${index + 1}`;
}

/** Words of a row that sums others ("Sous-total", "S/T axe 2", "Engagement 1", "Objectif 3", "Conditions…"). */
const SUM_WORDS = /\b(total|s\s?\/\s?t|engagement|axe|objectif|conditions?|partie|volet|orientation)\b/;

/**
 * Whether row `r` adds up `rows` in most amount columns: by its value, or (a formula whose cached value is missing) by
 * the rows its formula refers to. A row kind is a hypothesis: this is the arithmetic that confirms it. One wrong cell
 * (a fault the rules will report) does not refute it; most columns disagreeing does.
 */
export function addsUp(sheet: SheetSnapshot, r: number, rows: number[], amountCols: number[], others: number[] = []): boolean {
  const { compared, ok } = sumAgreement(sheet, r, rows, amountCols, others);
  return compared > 0 && ok * 10 >= compared * 6;
}

/** In how many amount columns row r was compared with the sum of `rows`, and agreed. */
function sumAgreement(sheet: SheetSnapshot, r: number, rows: number[], amountCols: number[], others: number[]): { compared: number; ok: number } {
  if (!rows.length) return { compared: 0, ok: 0 };
  let compared = 0;
  let ok = 0;
  for (const c of amountCols) {
    const cell = sheet.cells[r - 1]?.[c - 1];
    const v = cell?.value;
    let sum = 0;
    let known = true;
    for (const x of rows) {
      const xc = sheet.cells[x - 1]?.[c - 1];
      const xv = xc?.value;
      if (typeof xv === "number") sum += xv;
      else if (xc?.formula && (xv === null || xv === undefined)) known = false;
    }
    if (typeof v === "number" && known) {
      // Nothing to add: only a formula can say which rows it sums (a group whose fiches have no money yet).
      if (Math.abs(v) < 0.005 && Math.abs(sum) < 0.005) {
        if (cell?.formula && isPlainSum(cell.formula)) {
          const covered = rowsReferenced(cell.formula, c, sheet.name, sheet.name);
          compared++;
          if (rows.every((x) => covered.has(x)) && !others.some((x) => covered.has(x))) ok++;
        }
        continue;
      }
      compared++;
      if (Math.abs(v - sum) <= 1.005) ok++;
      continue;
    }
    if (cell?.formula) {
      const covered = rowsReferenced(cell.formula, c, sheet.name, sheet.name);
      compared++;
      if (rows.every((x) => covered.has(x)) && !others.some((x) => covered.has(x))) ok++;
    }
  }
  return { compared, ok };
}

/**
 * The last row a sum row's formulas reach in its own column, following the sub-totals it adds (a TOTAL on top over
 * engagement rows that sum their fiches): where the table's rows end. Null when no formula says.
 */
export function reachOf(sheet: SheetSnapshot, row: number, amountCols: number[]): number | null {
  let reach: number | null = null;
  for (const c of amountCols) {
    const seen = new Set<number>();
    const visit = (r: number, depth: number): void => {
      const f = sheet.cells[r - 1]?.[c - 1]?.formula;
      if (!f || depth > 3) return;
      for (const ref of findRefs(f)) {
        if ((ref.sheet ?? sheet.name) !== sheet.name || c < ref.c1 || c > ref.c2 || ref.r2 - ref.r1 > 100_000) continue;
        for (let x = ref.r1; x <= ref.r2; x++) {
          if (x === r || seen.has(x)) continue;
          seen.add(x);
          if (reach === null || x > reach) reach = x;
          if (ref.r1 === ref.r2) visit(x, depth + 1);
        }
      }
    };
    visit(row, 0);
  }
  return reach;
}

/**
 * « 2022 », « Montant », « en € », « Exécution 2026 » as text: a header cell, not an amount typed as text (« 12 500 € »)
 * nor a word a fiche puts where it has no amount (« néant », « NC »).
 */
const HEADER_WORDS =
  /\b(montants?|total|taux|execution|realis\w*|prevu|previsionnel|budget|cumul\w*|euros?|mandate|consomme|credits|annee|exercice|ecart|solde|reste)\b|^[^\d]*€/;
const isHeaderText = (v: string): boolean => {
  const t = normHead(v);
  return isBareYear(t) || HEADER_WORDS.test(t);
};

/** Whether two amount columns or more of a row hold header texts (one is a typo the number-as-text rule reports). */
function headerInAmounts(cells: Array<Cell | undefined> | undefined, amountCols: number[]): boolean {
  let n = 0;
  for (const c of amountCols) {
    const v = cells?.[c - 1]?.value;
    if (typeof v === "string" && isHeaderText(v) && ++n >= 2) return true;
  }
  return false;
}

interface Body {
  rows: RowInfo[];
  endRow: number;
  totalRow: number | null;
  groups: GroupInfo[];
}

export function parseBody(
  sheet: SheetSnapshot,
  kind: TableKind,
  span: { c1: number; c2: number },
  headerEnd: number,
  columns: Partial<Record<SingleRole, number>>,
  isHeaderRow: (row: number) => boolean,
  /** Additive amount columns: the arithmetic that tells a sum row from a fiche's continuation. */
  amountCols: number[] = [],
): Body {
  const rows: RowInfo[] = [];
  const groups: GroupInfo[] = [];
  const ficheCol = columns.fiche;
  let totalRow: number | null = null;
  let lastFiche: string | null = null;
  /** The row where the last fiche's number was first written. */
  let lastFicheRow: number | null = null;
  let lastContent = headerEnd;
  let blankRun = 0;
  let current: GroupInfo | null = null;
  /** Data rows outside any titled group since the last sub-total. */
  let loose: number[] = [];
  /** Whether the next filled row under r holds a fiche number. */
  const nextIsFiche = (from: number): boolean => {
    if (ficheCol === undefined) return false;
    for (let x = from + 1; x <= Math.min(sheet.rowCount, from + 4); x++) {
      const cells = sheet.cells[x - 1];
      let any = false;
      for (let c = span.c1; c <= span.c2 && !any; c++) any = isFilled(cells?.[c - 1]);
      if (any) return parseFiche(cells?.[ficheCol - 1]?.value ?? null) !== null;
    }
    return false;
  };
  // Rows under a fiche number merged down from a row above: the fiche's own, even when nothing else is written on them.
  const mergedDown = new Set<number>();
  if (ficheCol !== undefined)
    for (const m of sheet.merges)
      if (m.c1 <= ficheCol && ficheCol <= m.c2 && m.r2 > m.r1 && m.r1 > headerEnd) for (let x = m.r1 + 1; x <= m.r2; x++) mergedDown.add(x);
  /** Every data row so far (fiches, their continuations, summary objectives) and the confirmed sub-total rows. */
  const data: number[] = [];
  const sums: number[] = [];
  /** A row that may carry the sum of the fiches under it (an engagement row, a TOTAL on top): confirmed when they end. */
  let open: { row: number; g: number } | null = null;
  /** A row on top of the table that may be a TOTAL with no label: confirmed by the sums under it at the end. */
  let topSum: number | null = null;
  /** A TOTAL above the fiches: the table goes on under it, down to the last row its formulas add. */
  let totalAbove = false;
  let topReach: number | null = null;
  const others = (rows: number[]): number[] => data.filter((x) => !rows.includes(x));
  const hasAmounts = (cells: Array<Cell | undefined> | undefined): boolean =>
    amountCols.some((c) => {
      const cell = cells?.[c - 1];
      return !!cell && (typeof cell.value === "number" || !!cell.formula);
    });
  const closeOpen = (): void => {
    if (!open) return;
    const g = groups[open.g]!;
    const info = rows.find((x) => x.row === open!.row)!;
    if (addsUp(sheet, open.row, g.rows, amountCols, others(g.rows))) sums.push(open.row);
    else {
      // Its amounts are not the sum of the rows under it: a title whose figures nothing checks.
      info.kind = "title";
      g.subtotalRow = null;
    }
    open = null;
    current = null;
    loose = [];
  };
  /**
   * The open row is refuted by a sum row under it that adds up the group's rows: it was the group's title (figures of
   * another table beside it, a note), and the group goes on to that sub-total.
   */
  const demoteOpen = (r: number): boolean => {
    const o = open;
    if (!o) return false;
    const g = groups[o.g]!;
    if (!g.rows.length || !addsUp(sheet, r, g.rows, amountCols, others(g.rows))) return false;
    // (An open row agreeing on as many columns stays the sum: it came first.)
    const above = sumAgreement(sheet, o.row, g.rows, amountCols, others(g.rows));
    const below = sumAgreement(sheet, r, g.rows, amountCols, others(g.rows));
    if (addsUp(sheet, o.row, g.rows, amountCols, others(g.rows)) && above.ok >= below.ok) return false;
    rows.find((x) => x.row === o.row)!.kind = "title";
    g.subtotalRow = null;
    open = null;
    return true;
  };
  /**
   * A sum row on top followed by another sum row or a title before any fiche: it may be a TOTAL over what follows (its
   * label lost in a merge), confirmed at the end.
   */
  const deferTop = (): boolean => {
    const o = open;
    if (!o || groups[o.g]!.rows.length || o.g !== groups.length - 1 || data.length || topSum !== null) return false;
    groups.pop();
    const info = rows.find((x) => x.row === o.row)!;
    info.kind = "title";
    info.group = undefined;
    topSum = o.row;
    open = null;
    current = null;
    return true;
  };
  const subtotalBelow = (r: number, label: string): void => {
    // A sub-total with no title row above its rows closes the rows since the previous sub-total.
    if (!current && loose.length) {
      current = { key: groupKey(label.replace(SUBTOTAL_PREFIX, ""), groups.length), title: label, titleRow: r, rows: loose, subtotalRow: null };
      groups.push(current);
    }
    rows.push({ row: r, kind: "subtotal", fiche: null, continuationOf: null, group: current ? groups.length - 1 : undefined });
    if (current) current.subtotalRow = r;
    sums.push(r);
    current = null;
    loose = [];
  };
  const openAbove = (r: number, label: string): void => {
    current = { key: groupKey(label, groups.length), title: label, titleRow: r, rows: [], subtotalRow: r };
    groups.push(current);
    loose = [];
    rows.push({ row: r, kind: "subtotal", fiche: null, continuationOf: null, group: groups.length - 1 });
    open = { row: r, g: groups.length - 1 };
  };
  /** Whether a fiche number sits in the next few filled rows under r. */
  const ficheBelow = (from: number): boolean => {
    if (ficheCol === undefined) return false;
    let seen = 0;
    let blanks = 0;
    for (let x = from + 1; x <= sheet.rowCount && seen < 3 && blanks < 2; x++) {
      const v = sheet.cells[x - 1]?.[ficheCol - 1]?.value ?? null;
      if (parseFiche(v) !== null) return true;
      const cells = sheet.cells[x - 1];
      let any = false;
      for (let c = span.c1; c <= span.c2 && !any; c++) any = isFilled(cells?.[c - 1]);
      if (!any) blanks++;
      else if (isHeaderRow(x)) return false;
      else {
        blanks = 0;
        seen++;
      }
    }
    return false;
  };
  /** Columns that say which fiche a row is: a repeated number with none of its own is the same fiche on another row. */
  const identity = [columns.objective, columns.objectiveType, columns.theme].filter((c): c is number => c !== undefined);
  const text = (row: number, c: number): string => {
    const v = sheet.cells[row - 1]?.[c - 1]?.value;
    return typeof v === "string" ? normHead(v) : typeof v === "number" ? String(v) : "";
  };
  /**
   * Row r repeats the number of the fiche right above it (a fiche spread over rows, its number written on each): the
   * same fiche when it names no other objective, type or theme. A fiche numbered like its neighbour but with texts of
   * its own is a duplicate, which fiche-numbering reports.
   */
  const repeatsFiche = (r: number): boolean => {
    if (kind !== "detail" || !identity.length) return false;
    let prev = rows.length - 1;
    while (prev >= 0 && rows[prev]!.kind === "blank") prev--;
    const above = rows[prev];
    if (!above || (above.kind !== "fiche" && above.kind !== "continuation")) return false;
    if (lastFicheRow === null) return false;
    const first = lastFicheRow;
    return identity.every((c) => {
      const t = text(r, c);
      return t === "" || t === text(first, c);
    });
  };
  let r = headerEnd + 1;
  for (; r <= sheet.rowCount; r++) {
    const cells = sheet.cells[r - 1];
    let filled = 0;
    let numbers = 0;
    let texts = 0;
    let firstText = 0;
    if (cells) {
      for (let c = span.c1; c <= span.c2; c++) {
        const cell = cells[c - 1];
        if (!isFilled(cell)) continue;
        filled++;
        const v = cell!.value;
        if (typeof v === "number" || cell!.formula || isError(v)) numbers++;
        else {
          texts++;
          if (!firstText) firstText = c;
        }
      }
    }
    if (filled === 0 && lastFiche !== null && blankRun === 0 && totalRow === null && mergedDown.has(r)) {
      data.push(r);
      rows.push({ row: r, kind: "continuation", fiche: null, continuationOf: lastFiche, group: current ? groups.length - 1 : undefined });
      if (current) current.rows.push(r);
      else loose.push(r);
      lastContent = r;
      continue;
    }
    if (filled === 0) {
      blankRun++;
      if (blankRun >= BLANK_RUN_END && rows.some((x) => x.kind === "fiche")) break;
      rows.push({ row: r, kind: "blank", fiche: null, continuationOf: null });
      continue;
    }
    if (totalRow !== null && !totalAbove) {
      // Under the TOTAL: a check row holds only numbers (typically zero differences); anything else ends the table.
      if (texts === 0 && numbers > 0 && r - totalRow <= 3) {
        rows.push({ row: r, kind: "check", fiche: null, continuationOf: null });
        lastContent = r;
        continue;
      }
      break;
    }
    const fiche = ficheCol !== undefined ? parseFiche(cells?.[ficheCol - 1]?.value ?? null) : null;
    // Header words or years typed in the amount columns: a header row (another table's, a repeated one), never a fiche.
    const headerish = headerInAmounts(cells, amountCols);
    // A fiche's texts (objective, type, co-financers) can look like a header; a row numbered as a fiche is not one.
    if (blankRun > 0 && (!fiche || headerish) && isHeaderRow(r)) break;
    if (headerish) {
      blankRun = 0;
      rows.push({ row: r, kind: "title", fiche: null, continuationOf: null });
      continue;
    }
    // Under the rows a TOTAL on top adds, only a fiche (one its formula forgot) still belongs to the table.
    if (totalAbove && topReach !== null && r > topReach && !fiche) break;
    const label = labelOf(cells, span.c1, span.c2);
    const amounts = amountCols.length ? hasAmounts(cells) : numbers > 0;
    // Under the fiches and a blank row, a text with no amount that no fiche follows is a note, not a row of the table.
    if (kind === "detail" && blankRun > 0 && !fiche && !amounts && data.length && numbers === 0 && !TITLE.test(label) && !nextIsFiche(r)) break;
    blankRun = 0;
    lastContent = r;
    // A sum row carries amounts: a « Total (€) » left of a header row the header reading missed is not one.
    const sumLike = amounts || !amountCols.length;
    if (!fiche && sumLike && SUBTOTAL.test(label)) {
      if (!demoteOpen(r)) closeOpen();
      if (kind === "detail" && !current?.rows.length && !loose.length) openAbove(r, label.replace(SUBTOTAL_PREFIX, ""));
      else subtotalBelow(r, label);
      continue;
    }
    // A row worded as a total with fiches under it sums a part of them: a sub-total.
    // Or, with no fiche under it, when it adds up the rows since the last sub-total and not all of them (« Total IV »).
    const sinceNow = current ? current.rows : loose;
    const partial = () =>
      sums.length > 0 &&
      sinceNow.length > 0 &&
      sinceNow.length < data.length &&
      addsUp(sheet, r, sinceNow, amountCols, others(sinceNow)) &&
      !addsUp(sheet, r, data, amountCols) &&
      !addsUp(sheet, r, sums, amountCols, data);
    if (!fiche && sumLike && TOTAL.test(label) && data.length && !open && (ficheBelow(r) || partial())) {
      closeOpen();
      subtotalBelow(r, label);
      continue;
    }
    if (!fiche && sumLike && TOTAL.test(label)) {
      closeOpen();
      rows.push({ row: r, kind: "total", fiche: null, continuationOf: null });
      if (totalRow === null) totalRow = r;
      totalAbove = !data.length;
      if (totalAbove) topReach = reachOf(sheet, r, amountCols);
      continue;
    }
    if (kind === "detail" && !fiche && amounts && amountCols.length) {
      // A row with amounts and no fiche number: a fiche's continuation, or a row that sums others (a sub-total with no
      // « sous-total » word, an engagement row carrying its fiches' sum, a TOTAL whose label a merge hid). The
      // arithmetic decides; what it does not confirm stays a continuation.
      const o = open as { row: number; g: number } | null;
      if (deferTop()) {
        // (the row on top waits for the sums under it)
      } else if (demoteOpen(r)) {
        // (this row is the group's sub-total, below)
      } else if (o && groups[o.g]!.rows.length && (TITLE.test(label) || addsUp(sheet, o.row, groups[o.g]!.rows, amountCols, others(groups[o.g]!.rows))))
        // (the next engagement's title ends the open group whatever its arithmetic says)
        closeOpen();
      if (!(open as unknown)) {
        const since = current ? current.rows : loose;
        // The first sub-total adds up every row so far too: fiches below it tell it from a TOTAL.
        const whole = !sums.length && since.length === data.length && !ficheBelow(r);
        if (
          since.length &&
          !(whole && totalRow === null && data.length >= 2) &&
          (since.length >= 2 || SUM_WORDS.test(label)) &&
          addsUp(sheet, r, since, amountCols, others(since))
        ) {
          subtotalBelow(r, label);
          continue;
        }
        if (totalRow === null && data.length >= 2 && (addsUp(sheet, r, data, amountCols) || (sums.length >= 2 && addsUp(sheet, r, sums, amountCols, data)))) {
          rows.push({ row: r, kind: "total", fiche: null, continuationOf: null });
          totalRow = r;
          continue;
        }
        if (!since.length) {
          openAbove(r, label);
          continue;
        }
      }
    }
    // A group title sits in the table's first column, alone on its row (often merged across).
    // Right under a sub-total, a lone text is the next group's title whatever its length ("Conditions de réussite").
    let prev = rows.length - 1;
    while (prev >= 0 && rows[prev]!.kind === "blank") prev--;
    const afterSubtotal = prev >= 0 && rows[prev]!.kind === "subtotal";
    // A long lone text is a title when fiches follow it; right before a sub-total it is an objective row of the group
    // (a national objective the département has not taken up).
    const loneTitle = texts === 1 && numbers === 0 && firstText === span.c1 && (afterSubtotal || (label.length > 25 && nextIsFiche(r)));
    if (!fiche && (TITLE.test(label) || (kind === "summary" && loneTitle))) {
      if (!deferTop()) closeOpen();
      current = { key: groupKey(label, groups.length), title: label, titleRow: r, rows: [], subtotalRow: null };
      loose = [];
      groups.push(current);
      rows.push({ row: r, kind: "title", fiche: null, continuationOf: null, group: groups.length - 1 });
      continue;
    }
    if (fiche) {
      const again = fiche === lastFiche && repeatsFiche(r);
      lastFiche = fiche;
      if (!again) lastFicheRow = r;
      data.push(r);
      rows.push({
        row: r,
        kind: again ? "continuation" : "fiche",
        fiche: again ? null : fiche,
        continuationOf: again ? fiche : null,
        group: current ? groups.length - 1 : undefined,
      });
      if (current) current.rows.push(r);
      else loose.push(r);
      continue;
    }
    if (kind === "summary") {
      data.push(r);
      rows.push({ row: r, kind: "objective", fiche: null, continuationOf: null, group: current ? groups.length - 1 : undefined });
      if (current) current.rows.push(r);
      else loose.push(r);
      continue;
    }
    // Above the first fiche, a row that is not one belongs to no fiche (a unit row, a sub-header the header missed).
    if (!lastFiche || (texts === 1 && numbers === 0 && afterSubtotal && firstText === span.c1)) {
      rows.push({ row: r, kind: "title", fiche: null, continuationOf: null });
      continue;
    }
    data.push(r);
    rows.push({ row: r, kind: "continuation", fiche: null, continuationOf: lastFiche, group: current ? groups.length - 1 : undefined });
    if (current) current.rows.push(r);
    else loose.push(r);
  }
  closeOpen();
  // A sum row on top whose group is the whole table (every row under it, nothing else summed): the TOTAL, written first.
  const only = groups.length === 1 ? groups[0]! : null;
  if (
    topSum === null &&
    totalRow === null &&
    only &&
    only.subtotalRow !== null &&
    only.subtotalRow === only.titleRow &&
    sums.length === 1 &&
    data.length >= 2 &&
    only.rows.length === data.length
  ) {
    rows.find((x) => x.row === only.subtotalRow)!.kind = "total";
    totalRow = only.subtotalRow;
    only.subtotalRow = null;
  }
  if (topSum !== null && totalRow === null && (addsUp(sheet, topSum, data, amountCols) || addsUp(sheet, topSum, sums, amountCols, data))) {
    rows.find((x) => x.row === topSum)!.kind = "total";
    totalRow = topSum;
  }
  // Trailing blank rows are not part of the table.
  while (rows.length && rows[rows.length - 1]!.kind === "blank") rows.pop();
  return { rows, endRow: Math.max(lastContent, headerEnd), totalRow, groups };
}
