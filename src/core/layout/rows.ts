// Kinds of the rows under a header: fiche, continuation, title, blank, sub-total, total, check row; summary groups.
// Each row is read top to bottom; what a row is may wait for the rows under it (a sum row on top is confirmed by them).
import { isError, type Cell, type SheetSnapshot } from "../model/snapshot";
import { normHead } from "./normalize";
import { groupKey, headerInAmounts, isFilled, isTitledFiche, labelOf, parseFiche, SUBTOTAL, SUBTOTAL_PREFIX, SUM_WORDS, TITLE, TOTAL } from "./rowWords";
import { addsUp, reachOf, sumAgreement } from "./sumRows";
import type { GroupInfo, RowInfo, SingleRole, TableKind } from "./types";

export { groupKey, parseFiche } from "./rowWords";
export { addsUp, reachOf } from "./sumRows";

/** Consecutive blank rows that end a table with no TOTAL row. */
const BLANK_RUN_END = 5;

interface Body {
  rows: RowInfo[];
  endRow: number;
  totalRow: number | null;
  groups: GroupInfo[];
}

/** What one row holds within the table's columns. */
interface RowShape {
  cells: Array<Cell | undefined> | undefined;
  filled: number;
  numbers: number;
  texts: number;
  firstText: number;
}

/** What a row's reading does next: go on to the next row, or end the table above this row. */
type Step = "next" | "end";

/** A national objective's heading (« Objectif 17 : … », « Obj. 3 - … »). */
const OBJECTIVE_HEADING = /^(objectifs?|obj\.?)\s*(n ?°)?\s*\d/;

class BodyReader {
  private readonly rows: RowInfo[] = [];
  private readonly groups: GroupInfo[] = [];
  private readonly ficheCol: number | undefined;
  private totalRow: number | null = null;
  private lastFiche: string | null = null;
  /** The row where the last fiche's number was first written. */
  private lastFicheRow: number | null = null;
  private lastContent: number;
  private blankRun = 0;
  /**
   * A blank row seen since the last row with a fiche or amounts, only lone texts under it: another table's title may
   * stand between the blank and its header (a summary above the detail, no TOTAL under it).
   */
  private afterGap = false;
  private current: GroupInfo | null = null;
  /** Data rows outside any titled group since the last sub-total. */
  private loose: number[] = [];
  /** Rows under a fiche number merged down from a row above: the fiche's own, even when nothing else is written on them. */
  private readonly mergedDown = new Set<number>();
  /** Every data row so far (fiches, their continuations, summary objectives) and the confirmed sub-total rows. */
  private readonly data: number[] = [];
  private readonly sums: number[] = [];
  /** A row that may carry the sum of the fiches under it (an engagement row, a TOTAL on top): confirmed when they end. */
  private open: { row: number; g: number } | null = null;
  /** A row on top of the table that may be a TOTAL with no label: confirmed by the sums under it at the end. */
  private topSum: number | null = null;
  /** A TOTAL above the fiches: the table goes on under it, down to the last row its formulas add. */
  private totalAbove = false;
  private topReach: number | null = null;
  /**
   * Columns that say which fiche a row is (its objective, type, theme, indicator): a repeated number with none of its own
   * is the same fiche on another row.
   */
  private readonly identity: number[];
  /** The label column, when apart from the fiche's: a continuation row leaves it blank or writes the fiche's again. */
  private readonly labelCol: number | undefined;
  /**
   * Rows under a vertical merge of a fiche's own money (amounts, execution, rates, gap) from a row above: the first row
   * each comes from. (An objective or theme merged over several fiches groups them; money never spans two fiches.)
   */
  private readonly mergedFrom = new Map<number, number>();

  constructor(
    private readonly sheet: SheetSnapshot,
    private readonly kind: TableKind,
    private readonly span: { c1: number; c2: number },
    private readonly headerEnd: number,
    columns: Partial<Record<SingleRole, number>>,
    private readonly isHeaderRow: (row: number) => boolean,
    private readonly amountCols: number[],
  ) {
    this.ficheCol = columns.fiche;
    this.lastContent = headerEnd;
    this.identity = [columns.objective, columns.objectiveType, columns.theme, columns.indicator].filter((c): c is number => c !== undefined);
    const fc = this.ficheCol;
    this.labelCol = columns.label !== fc ? columns.label : undefined;
    const own = new Set([
      ...amountCols,
      columns.budget,
      columns.realisedLastYear,
      columns.realisedSinceStart,
      columns.rateLastYear,
      columns.rateGlobal,
      columns.gap,
    ]);
    for (const m of sheet.merges) {
      if (m.r2 <= m.r1 || m.r1 <= headerEnd) continue;
      const onFiche = fc !== undefined && m.c1 <= fc && fc <= m.c2;
      let money = false;
      for (let c = m.c1; c <= m.c2 && !money; c++) money = own.has(c);
      for (let x = m.r1 + 1; x <= m.r2; x++) {
        if (onFiche) this.mergedDown.add(x);
        else if (money) this.mergedFrom.set(x, Math.min(this.mergedFrom.get(x) ?? m.r1, m.r1));
      }
    }
  }

  read(): Body {
    for (let r = this.headerEnd + 1; r <= this.sheet.rowCount; r++) if (this.readRow(r) === "end") break;
    this.closeOpen();
    this.settleTotalOnTop();
    const rows = this.rows;
    // Trailing blank rows are not part of the table.
    while (rows.length && rows[rows.length - 1]!.kind === "blank") rows.pop();
    return { rows, endRow: Math.max(this.lastContent, this.headerEnd), totalRow: this.totalRow, groups: this.groups };
  }

  private shapeOf(r: number): RowShape {
    const cells = this.sheet.cells[r - 1];
    const shape: RowShape = { cells, filled: 0, numbers: 0, texts: 0, firstText: 0 };
    if (!cells) return shape;
    for (let c = this.span.c1; c <= this.span.c2; c++) {
      const cell = cells[c - 1];
      if (!isFilled(cell)) continue;
      shape.filled++;
      const v = cell!.value;
      if (typeof v === "number" || cell!.formula || isError(v)) shape.numbers++;
      else {
        shape.texts++;
        if (!shape.firstText) shape.firstText = c;
      }
    }
    return shape;
  }

  /** The filled cells of row r in the table's columns, counted up to `enough`. */
  private filledUpTo(r: number, enough: number): number {
    const cells = this.sheet.cells[r - 1];
    if (!cells) return 0;
    let n = 0;
    for (let c = this.span.c1; c <= this.span.c2 && n < enough; c++) if (isFilled(cells[c - 1])) n++;
    return n;
  }

  private readRow(r: number): Step {
    // A fiche row is read by its fiche number and amounts: the whole row's shape is counted only for the other rows
    // (a fiche row's cells are not all gone through: 56 columns at 10 000 rows).
    const filled = this.filledUpTo(r, 2);
    if (filled === 0) return this.emptyRow(r);
    if (this.totalRow !== null && !this.totalAbove) return this.underTotal(r, this.shapeOf(r));
    const cells = this.sheet.cells[r - 1];
    const ficheValue = this.ficheCol !== undefined ? (cells?.[this.ficheCol - 1]?.value ?? null) : null;
    // « 1 - AGIR LE PLUS TÔT » alone on its row is a numbered engagement title, not a fiche with its title.
    const fiche = filled === 1 && isTitledFiche(ficheValue) ? null : parseFiche(ficheValue);
    // Header words or years typed in the amount columns: a header row (another table's, a repeated one), never a fiche.
    const headerish = headerInAmounts(cells, this.amountCols);
    if (!fiche || headerish) return this.readOtherRow(r, cells, fiche, headerish);
    // A fiche row, nearly every row: nothing else to look at (kept apart from the other rows' reading, this is the
    // code run 10 000 times, made fast early and not undone by a rare row).
    this.afterGap = false;
    this.blankRun = 0;
    this.lastContent = r;
    this.ficheRow(r, fiche);
    return "next";
  }

  /** A row with no fiche number, or header words in its amounts. */
  private readOtherRow(r: number, cells: Array<Cell | undefined> | undefined, fiche: string | null, headerish: boolean): Step {
    let full: RowShape | null = null;
    const shape = () => (full ??= this.shapeOf(r));
    // A fiche's texts (objective, type, co-financers) can look like a header; a row numbered as a fiche is not one.
    if ((this.blankRun > 0 || this.afterGap) && (!fiche || headerish) && this.isHeaderRow(r)) return "end";
    if (headerish) {
      this.blankRun = 0;
      this.rows.push({ row: r, kind: "title", fiche: null, continuationOf: null });
      return "next";
    }
    // Under the rows a TOTAL on top adds, only a fiche (one its formula forgot) still belongs to the table.
    if (this.totalAbove && this.topReach !== null && r > this.topReach && !fiche) return "end";
    // (Only a row with no fiche number is read by its words: a fiche's label, its own text on every row, is not normalised.)
    const label = fiche ? "" : labelOf(cells, this.span.c1, this.span.c2);
    const amounts = this.amountCols.length ? this.hasAmounts(cells) : shape().numbers > 0;
    this.afterGap = (this.afterGap || this.blankRun > 0) && !fiche && !amounts;
    // Under the fiches and a blank row, a text with no amount that no fiche follows is a note, not a row of the table.
    if (
      this.kind === "detail" &&
      this.blankRun > 0 &&
      !fiche &&
      !amounts &&
      this.data.length &&
      shape().numbers === 0 &&
      !TITLE.test(label) &&
      !this.nextIsFiche(r)
    )
      return "end";
    this.blankRun = 0;
    this.lastContent = r;
    // A sum row carries amounts: a « Total (€) » left of a header row the header reading missed is not one.
    const sumLike = amounts || !this.amountCols.length;
    if (!fiche && sumLike && this.sumRowByLabel(r, label)) return "next";
    if (this.kind === "detail" && !fiche && amounts && this.amountCols.length && this.sumRowByArithmetic(r, label)) return "next";
    if (!fiche && this.titleRow(r, label, shape())) return "next";
    if (fiche) this.ficheRow(r, fiche);
    else this.otherRow(r, shape());
    return "next";
  }

  private emptyRow(r: number): Step {
    if (this.lastFiche !== null && this.blankRun === 0 && this.totalRow === null && this.mergedDown.has(r)) {
      this.pushData({ row: r, kind: "continuation", fiche: null, continuationOf: this.lastFiche });
      this.lastContent = r;
      return "next";
    }
    this.blankRun++;
    if (this.blankRun >= BLANK_RUN_END && this.rows.some((x) => x.kind === "fiche")) return "end";
    this.rows.push({ row: r, kind: "blank", fiche: null, continuationOf: null });
    return "next";
  }

  /** Under the TOTAL: a check row holds only numbers (typically zero differences); anything else ends the table. */
  private underTotal(r: number, shape: RowShape): Step {
    if (shape.texts === 0 && shape.numbers > 0 && r - this.totalRow! <= 3) {
      this.rows.push({ row: r, kind: "check", fiche: null, continuationOf: null });
      this.lastContent = r;
      return "next";
    }
    return "end";
  }

  /** A row worded as a sub-total or a total. */
  private sumRowByLabel(r: number, label: string): boolean {
    if (SUBTOTAL.test(label)) {
      if (!this.demoteOpen(r)) this.closeOpen();
      if (this.kind === "detail" && !this.current?.rows.length && !this.loose.length) this.openAbove(r, label.replace(SUBTOTAL_PREFIX, ""));
      else this.subtotalBelow(r, label);
      return true;
    }
    if (!TOTAL.test(label)) return false;
    // A row worded as a total with fiches under it sums a part of them: a sub-total.
    // Or, with no fiche under it, when it adds up the rows since the last sub-total and not all of them (« Total IV »).
    const sinceNow = this.current ? this.current.rows : this.loose;
    const partial = () =>
      this.sums.length > 0 &&
      sinceNow.length > 0 &&
      sinceNow.length < this.data.length &&
      this.addsUp(r, sinceNow) &&
      !addsUp(this.sheet, r, this.data, this.amountCols) &&
      !addsUp(this.sheet, r, this.sums, this.amountCols, this.data);
    if (this.data.length && !this.open && (this.ficheBelow(r) || partial())) {
      this.closeOpen();
      this.subtotalBelow(r, label);
      return true;
    }
    this.closeOpen();
    this.rows.push({ row: r, kind: "total", fiche: null, continuationOf: null });
    if (this.totalRow === null) this.totalRow = r;
    this.totalAbove = !this.data.length;
    if (this.totalAbove) this.topReach = reachOf(this.sheet, r, this.amountCols);
    return true;
  }

  /**
   * A row with amounts and no fiche number: a fiche's continuation, or a row that sums others (a sub-total with no
   * « sous-total » word, an engagement row carrying its fiches' sum, a TOTAL whose label a merge hid). The arithmetic
   * decides; what it does not confirm stays a continuation (false: read on).
   */
  private sumRowByArithmetic(r: number, label: string): boolean {
    const o = this.open;
    if (this.deferTop()) {
      // (the row on top waits for the sums under it)
    } else if (this.demoteOpen(r)) {
      // (this row is the group's sub-total, below)
    } else if (o && this.groups[o.g]!.rows.length && (TITLE.test(label) || this.addsUp(o.row, this.groups[o.g]!.rows)))
      // (the next engagement's title ends the open group whatever its arithmetic says)
      this.closeOpen();
    if (this.open) return false;
    const since = this.current ? this.current.rows : this.loose;
    const data = this.data;
    // The first sub-total adds up every row so far too: fiches below it tell it from a TOTAL.
    const whole = !this.sums.length && since.length === data.length && !this.ficheBelow(r);
    if (since.length && !(whole && this.totalRow === null && data.length >= 2) && (since.length >= 2 || SUM_WORDS.test(label)) && this.addsUp(r, since)) {
      this.subtotalBelow(r, label);
      return true;
    }
    if (
      this.totalRow === null &&
      data.length >= 2 &&
      (addsUp(this.sheet, r, data, this.amountCols) || (this.sums.length >= 2 && addsUp(this.sheet, r, this.sums, this.amountCols, data)))
    ) {
      this.rows.push({ row: r, kind: "total", fiche: null, continuationOf: null });
      this.totalRow = r;
      return true;
    }
    if (!since.length) {
      this.openAbove(r, label);
      return true;
    }
    return false;
  }

  /** A group title sits in the table's first column, alone on its row (often merged across). */
  private titleRow(r: number, label: string, shape: RowShape): boolean {
    // A long lone text is a title when fiches follow it; right before a sub-total it is an objective row of the group
    // (a national objective the département has not taken up). Right under a sub-total, a lone text is the next group's
    // title whatever its length (« Conditions de réussite »).
    const loneTitle = this.loneText(shape) && (this.afterSubtotal() || (label.length > 25 && this.nextIsFiche(r)));
    if (!TITLE.test(label) && !(this.kind === "summary" && loneTitle)) return false;
    // A national objective named between fiches (« Objectif 17 : Créer des places… »), not right after a sub-total,
    // heads some rows of the open group, not a group: the group's sub-total still sums them all.
    if (!TITLE.test(label) && OBJECTIVE_HEADING.test(label) && this.lastFiche !== null && !this.afterSubtotal()) {
      this.rows.push({ row: r, kind: "title", fiche: null, continuationOf: null });
      return true;
    }
    if (!this.deferTop()) this.closeOpen();
    this.current = { key: groupKey(label, this.groups.length), title: label, titleRow: r, rows: [], subtotalRow: null };
    this.loose = [];
    this.groups.push(this.current);
    this.rows.push({ row: r, kind: "title", fiche: null, continuationOf: null, group: this.groups.length - 1 });
    return true;
  }

  private ficheRow(r: number, fiche: string): void {
    const again = fiche === this.lastFiche && this.repeatsFiche(r);
    this.lastFiche = fiche;
    if (!again) this.lastFicheRow = r;
    this.pushData(again ? { row: r, kind: "continuation", fiche: null, continuationOf: fiche } : { row: r, kind: "fiche", fiche, continuationOf: null });
  }

  /** A row with no fiche number that sums nothing and titles nothing. */
  private otherRow(r: number, shape: RowShape): void {
    if (this.kind === "summary") {
      // (A summary fiche spread over rows, its number merged down, is one fiche, as in the detail.)
      if (this.lastFiche !== null && this.mergedDown.has(r)) this.pushData({ row: r, kind: "continuation", fiche: null, continuationOf: this.lastFiche });
      else this.pushData({ row: r, kind: "objective", fiche: null, continuationOf: null });
      return;
    }
    // Above the first fiche, a row that is not one belongs to no fiche (a unit row, a sub-header the header missed).
    if (!this.lastFiche || (this.loneText(shape) && this.afterSubtotal())) {
      this.rows.push({ row: r, kind: "title", fiche: null, continuationOf: null });
      return;
    }
    this.pushData({ row: r, kind: "continuation", fiche: null, continuationOf: this.lastFiche });
  }

  /** A data row, in the current group or among the loose rows. */
  private pushData(info: Omit<RowInfo, "group">): void {
    this.data.push(info.row);
    // (Written out, not spread: a spread copy is slow in code not yet optimised, once per data row.)
    this.rows.push({
      row: info.row,
      kind: info.kind,
      fiche: info.fiche,
      continuationOf: info.continuationOf,
      group: this.current ? this.groups.length - 1 : undefined,
    });
    if (this.current) this.current.rows.push(info.row);
    else this.loose.push(info.row);
  }

  /** A settled sum row that the rows under it did not confirm at the end: the TOTAL written first, or nothing. */
  private settleTotalOnTop(): void {
    const groups = this.groups;
    // A sum row on top whose group is the whole table (every row under it, nothing else summed): the TOTAL, written first.
    const only = groups.length === 1 ? groups[0]! : null;
    if (
      this.topSum === null &&
      this.totalRow === null &&
      only &&
      only.subtotalRow !== null &&
      only.subtotalRow === only.titleRow &&
      this.sums.length === 1 &&
      this.data.length >= 2 &&
      only.rows.length === this.data.length
    ) {
      this.rows.find((x) => x.row === only.subtotalRow)!.kind = "total";
      this.totalRow = only.subtotalRow;
      only.subtotalRow = null;
    }
    const top = this.topSum;
    if (
      top !== null &&
      this.totalRow === null &&
      (addsUp(this.sheet, top, this.data, this.amountCols) || addsUp(this.sheet, top, this.sums, this.amountCols, this.data))
    ) {
      this.rows.find((x) => x.row === top)!.kind = "total";
      this.totalRow = top;
    }
  }

  // --- Sum rows: open (on top of their rows), below their rows, deferred (a TOTAL on top) ---

  private others(rows: number[]): number[] {
    return this.data.filter((x) => !rows.includes(x));
  }

  /** Whether row r adds up `rows` (formulas may name no other data row). */
  private addsUp(r: number, rows: number[]): boolean {
    return addsUp(this.sheet, r, rows, this.amountCols, this.others(rows));
  }

  private hasAmounts(cells: Array<Cell | undefined> | undefined): boolean {
    return this.amountCols.some((c) => {
      const cell = cells?.[c - 1];
      return !!cell && (typeof cell.value === "number" || !!cell.formula);
    });
  }

  private closeOpen(): void {
    const o = this.open;
    if (!o) return;
    const g = this.groups[o.g]!;
    const info = this.rows.find((x) => x.row === o.row)!;
    if (this.addsUp(o.row, g.rows)) this.sums.push(o.row);
    else {
      // Its amounts are not the sum of the rows under it: a title whose figures nothing checks.
      info.kind = "title";
      g.subtotalRow = null;
    }
    this.open = null;
    this.current = null;
    this.loose = [];
  }

  /**
   * The open row is refuted by a sum row under it that adds up the group's rows: it was the group's title (figures of
   * another table beside it, a note), and the group goes on to that sub-total.
   */
  private demoteOpen(r: number): boolean {
    const o = this.open;
    if (!o) return false;
    const g = this.groups[o.g]!;
    if (!g.rows.length || !this.addsUp(r, g.rows)) return false;
    // (An open row agreeing on as many columns stays the sum: it came first.)
    const above = sumAgreement(this.sheet, o.row, g.rows, this.amountCols, this.others(g.rows));
    const below = sumAgreement(this.sheet, r, g.rows, this.amountCols, this.others(g.rows));
    if (this.addsUp(o.row, g.rows) && above.ok >= below.ok) return false;
    this.rows.find((x) => x.row === o.row)!.kind = "title";
    g.subtotalRow = null;
    this.open = null;
    return true;
  }

  /**
   * A sum row on top followed by another sum row or a title before any fiche: it may be a TOTAL over what follows (its
   * label lost in a merge), confirmed at the end.
   */
  private deferTop(): boolean {
    const o = this.open;
    if (!o || this.groups[o.g]!.rows.length || o.g !== this.groups.length - 1 || this.data.length || this.topSum !== null) return false;
    this.groups.pop();
    const info = this.rows.find((x) => x.row === o.row)!;
    info.kind = "title";
    info.group = undefined;
    this.topSum = o.row;
    this.open = null;
    this.current = null;
    return true;
  }

  private subtotalBelow(r: number, label: string): void {
    // A sub-total with no title row above its rows closes the rows since the previous sub-total.
    if (!this.current && this.loose.length) {
      this.current = { key: groupKey(label.replace(SUBTOTAL_PREFIX, ""), this.groups.length), title: label, titleRow: r, rows: this.loose, subtotalRow: null };
      this.groups.push(this.current);
    }
    this.rows.push({ row: r, kind: "subtotal", fiche: null, continuationOf: null, group: this.current ? this.groups.length - 1 : undefined });
    if (this.current) this.current.subtotalRow = r;
    this.sums.push(r);
    this.current = null;
    this.loose = [];
  }

  private openAbove(r: number, label: string): void {
    this.current = { key: groupKey(label, this.groups.length), title: label, titleRow: r, rows: [], subtotalRow: r };
    this.groups.push(this.current);
    this.loose = [];
    this.rows.push({ row: r, kind: "subtotal", fiche: null, continuationOf: null, group: this.groups.length - 1 });
    this.open = { row: r, g: this.groups.length - 1 };
  }

  // --- Looking around a row ---

  private anyFilled(x: number): boolean {
    const cells = this.sheet.cells[x - 1];
    for (let c = this.span.c1; c <= this.span.c2; c++) if (isFilled(cells?.[c - 1])) return true;
    return false;
  }

  /** Whether the next filled row under r holds a fiche number. */
  private nextIsFiche(from: number): boolean {
    const fc = this.ficheCol;
    if (fc === undefined) return false;
    for (let x = from + 1; x <= Math.min(this.sheet.rowCount, from + 4); x++)
      if (this.anyFilled(x)) return parseFiche(this.sheet.cells[x - 1]?.[fc - 1]?.value ?? null) !== null;
    return false;
  }

  /** Whether a fiche number sits in the next few filled rows under r. */
  private ficheBelow(from: number): boolean {
    const fc = this.ficheCol;
    if (fc === undefined) return false;
    let seen = 0;
    let blanks = 0;
    for (let x = from + 1; x <= this.sheet.rowCount && seen < 3 && blanks < 2; x++) {
      if (parseFiche(this.sheet.cells[x - 1]?.[fc - 1]?.value ?? null) !== null) return true;
      if (!this.anyFilled(x)) blanks++;
      else if (this.isHeaderRow(x)) return false;
      else {
        blanks = 0;
        seen++;
      }
    }
    return false;
  }

  /** The last row read, blank rows aside, is a sub-total. */
  private afterSubtotal(): boolean {
    let prev = this.rows.length - 1;
    while (prev >= 0 && this.rows[prev]!.kind === "blank") prev--;
    return prev >= 0 && this.rows[prev]!.kind === "subtotal";
  }

  /** One text alone in the table's first column. */
  private loneText(shape: RowShape): boolean {
    return shape.texts === 1 && shape.numbers === 0 && shape.firstText === this.span.c1;
  }

  private text(row: number, c: number): string {
    const v = this.sheet.cells[row - 1]?.[c - 1]?.value;
    return typeof v === "string" ? normHead(v) : typeof v === "number" ? String(v) : "";
  }

  /**
   * Row r repeats the number of the fiche right above it (a fiche spread over rows, its number written on each): the
   * same fiche when a merge of money from the fiche's first row covers it (its execution written once for its rows),
   * or when it leaves the objective, type and theme to the first row (the label, where none of those is read). A fiche
   * numbered like its neighbour with texts of its own is a duplicate, which fiche-numbering reports.
   */
  private repeatsFiche(r: number): boolean {
    if (this.kind !== "detail") return false;
    let prev = this.rows.length - 1;
    while (prev >= 0 && this.rows[prev]!.kind === "blank") prev--;
    const above = this.rows[prev];
    if (!above || (above.kind !== "fiche" && above.kind !== "continuation")) return false;
    const first = this.lastFicheRow;
    if (first === null) return false;
    const from = this.mergedFrom.get(r);
    if (from !== undefined && from >= first) return true;
    // Its own cell titled in other words (« 8 - Bus santé » under « 8 - Parrainage »): another fiche numbered alike. (A
    // bare « 8 » under « 8 - Parrainage » says nothing more than the number.)
    const fc = this.ficheCol;
    if (fc !== undefined && isTitledFiche(this.sheet.cells[r - 1]?.[fc - 1]?.value ?? null) && this.text(r, fc) !== this.text(first, fc)) return false;
    // An objective, type or theme written again, even the same, may be a fiche renumbered by mistake: fiche-numbering says it.
    // (A row's own label is no such text where they are read: « b) volet fonctionnement » under the fiche's first row.)
    if (this.identity.length) return this.identity.every((c) => this.text(r, c) === "");
    // With none of them, the label: left to the first row, or the fiche's own written again, is the same fiche.
    const label = this.labelCol;
    return label !== undefined && this.labelContinues(r, first, label);
  }

  /**
   * With no objective, type, theme or indicator column, a repeated number is the same fiche when its label is empty, the
   * first row's again, goes on from it, or opens as a part of a whole (« dont … », « volet … », « - … »); a label of its
   * own is a duplicate.
   */
  private labelContinues(r: number, first: number, lc: number): boolean {
    const own = this.text(r, lc);
    const head = this.text(first, lc);
    return own === "" || own === head || (head !== "" && own.startsWith(head)) || /^(dont|volet|partie|[-–—•])/.test(own);
  }
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
  return new BodyReader(sheet, kind, span, headerEnd, columns, isHeaderRow, amountCols).read();
}
