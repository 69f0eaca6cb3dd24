// A worksheet as text: <sheetData> split into rows and cells only where the plan reaches; everything else kept verbatim.
import { packageText } from "../../messages/package";
import { PackageError } from "./errors";
import { colLetters, lettersCol } from "./shiftRefs";
import { getAttr, setAttr } from "./xml";

export interface CellNode {
  col: number;
  /** Original XML (null once edited or moved). */
  raw: string | null;
  open: string;
  inner: string;
}

export interface RowNode {
  r: number;
  raw: string | null;
  open: string;
  cells: CellNode[] | null;
  innerRaw: string;
}

/** White space, "/" or ">": what may follow an element name. */
const isTagEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

/** Column of a cell's r attribute (0 when it has none), read in place; other spellings go through getAttr. */
function refCol(open: string): number {
  const at = open.indexOf(' r="');
  if (at < 0) {
    const ref = open.includes("r") ? getAttr(open, "r") : null;
    return ref ? lettersCol(ref.replace(/\d+$/, "").replace(/\$/g, "")) : 0;
  }
  let n = 0;
  for (let i = at + 4; i < open.length; i++) {
    const c = open.charCodeAt(i);
    if (c === 36) continue; // "$"
    const u = c & 0xdf;
    if (u < 65 || u > 90) break;
    n = n * 26 + u - 64;
  }
  return n;
}

/** A cell's opening tag with its r attribute set to `r` (the usual `<c r="…"` spelling rewritten in place). */
function withRef(open: string, r: string): string {
  if (open === "<c>") return `<c r="${r}">`;
  if (open.startsWith('<c r="')) {
    const q = open.indexOf('"', 6);
    return '<c r="' + r + open.slice(q);
  }
  return getAttr(open, "r") === null ? `<c r="${r}"${open.slice(2)}` : setAttr(open, "r", r);
}

export class SheetXml {
  readonly head: string;
  readonly tail: string;
  rows: RowNode[] = [];
  private byRow = new Map<number, RowNode>();
  /** Set when the document is changed in any way (re-serialised). */
  dirty = false;
  head2: string;
  tail2: string;

  constructor(xml: string) {
    const open = xml.search(/<sheetData\b/);
    // A sheet whose main namespace carries a prefix (<x:sheetData>) is not edited rather than edited wrongly.
    if (open < 0) throw new PackageError(packageText.unsupported(packageText.sheetDataUnreadable));
    const openEnd = xml.indexOf(">", open);
    if (xml[openEnd - 1] === "/") {
      this.head = xml.slice(0, open) + "<sheetData>";
      this.tail = "</sheetData>" + xml.slice(openEnd + 1);
      this.head2 = this.head;
      this.tail2 = this.tail;
      return;
    }
    const close = xml.indexOf("</sheetData>", openEnd);
    this.head = xml.slice(0, openEnd + 1);
    this.tail = xml.slice(close);
    this.head2 = this.head;
    this.tail2 = this.tail;
    const body = xml.slice(openEnd + 1, close);
    let p = 0;
    let prevRow = 0;
    while (true) {
      const s = body.indexOf("<row", p);
      if (s < 0) break;
      const e = body.indexOf(">", s);
      const selfClosing = body[e - 1] === "/";
      const end = selfClosing ? e + 1 : body.indexOf("</row>", e) + 6;
      const openTag = body.slice(s, e + 1);
      const rAttr = getAttr(openTag, "r");
      const r = rAttr ? Number(rAttr) : prevRow + 1;
      prevRow = r;
      const row: RowNode = { r, raw: body.slice(s, end), open: openTag, cells: null, innerRaw: selfClosing ? "" : body.slice(e + 1, end - 6) };
      this.rows.push(row);
      if (!this.byRow.has(r)) this.byRow.set(r, row);
      p = end;
    }
  }

  row(r: number): RowNode | undefined {
    return this.byRow.get(r);
  }

  /** The row, created in ascending position when absent. */
  ensureRow(r: number): RowNode {
    let row = this.byRow.get(r);
    if (row) return row;
    row = { r, raw: null, open: `<row r="${r}">`, cells: [], innerRaw: "" };
    let i = this.rows.length;
    while (i > 0 && this.rows[i - 1]!.r > r) i--;
    this.rows.splice(i, 0, row);
    this.byRow.set(r, row);
    this.dirty = true;
    return row;
  }

  cells(row: RowNode): CellNode[] {
    if (row.cells) return row.cells;
    const cells: CellNode[] = [];
    const body = row.innerRaw;
    let p = 0;
    let prev = 0;
    while (true) {
      let s = body.indexOf("<c", p);
      while (s >= 0 && !isTagEnd(body.charCodeAt(s + 2))) s = body.indexOf("<c", s + 2);
      if (s < 0) break;
      const e = body.indexOf(">", s);
      const selfClosing = body.charCodeAt(e - 1) === 47;
      const end = selfClosing ? e + 1 : body.indexOf("</c>", e) + 4;
      const open = body.slice(s, e + 1);
      const col = refCol(open);
      const hasRef = col > 0;
      const at = hasRef ? col : prev + 1;
      prev = at;
      // A cell without r is placed by its order: once its row is rewritten it gets its r, so that order may change.
      cells.push({
        col: at,
        raw: hasRef ? body.slice(s, end) : null,
        open: selfClosing ? open.slice(0, -2).trimEnd() + ">" : open,
        inner: selfClosing ? "" : body.slice(e + 1, end - 4),
      });
      p = end;
    }
    row.cells = cells;
    return cells;
  }

  /** Cell at a column of a row, created in column order when absent (no content). */
  cell(row: RowNode, col: number, create: boolean): CellNode | undefined {
    const cells = this.cells(row);
    let lo = 0;
    let hi = cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cells[mid]!.col < col) lo = mid + 1;
      else hi = mid;
    }
    if (cells[lo]?.col === col) return cells[lo];
    if (!create) return undefined;
    const c: CellNode = { col, raw: null, open: "<c>", inner: "" };
    cells.splice(lo, 0, c);
    row.raw = null;
    this.dirty = true;
    return c;
  }

  touch(row: RowNode, cell?: CellNode): void {
    row.raw = null;
    if (cell) cell.raw = null;
    this.dirty = true;
  }

  toXml(): string {
    const parts: string[] = [this.head2];
    for (const row of this.rows) {
      if (row.raw !== null) {
        parts.push(row.raw);
        continue;
      }
      const cells = row.cells ?? [];
      let open = setAttr(row.open, "r", String(row.r));
      if (getAttr(open, "spans") !== null) open = setAttr(open, "spans", cells.length ? `${cells[0]!.col}:${cells[cells.length - 1]!.col}` : null);
      if (!row.cells) {
        parts.push(open.endsWith("/>") ? open : open + row.innerRaw + "</row>");
        continue;
      }
      if (open.endsWith("/>")) open = open.slice(0, -2).trimEnd() + ">";
      parts.push(open);
      const rowText = String(row.r);
      for (const c of cells) {
        if (c.raw !== null) {
          parts.push(c.raw);
          continue;
        }
        const r = colLetters(c.col) + rowText;
        const tag = withRef(c.open, r);
        // Pieces pushed as they are: the one join below makes the text.
        if (c.inner) parts.push(tag, c.inner, "</c>");
        else parts.push(tag.slice(0, -1) + "/>");
      }
      parts.push("</row>");
    }
    parts.push(this.tail2);
    return parts.join("");
  }
}
