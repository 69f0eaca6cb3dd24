// A small typed fake of the Excel host, behind the interfaces of src/excel/host.ts (themselves checked against
// @types/office-js). Like Excel: commands queue and run in order at sync(); a property read before load + sync throws;
// inserting or deleting columns shifts formulas and merges; writing to a protected sheet fails with AccessDenied.
// Browser-safe (no Node API): the end-to-end test bundles it as the Excel host of the real pane.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { colToLetters, lettersToCol, parseAddr } from "../../src/core/model/a1";
import { deleteMove, insertMove, moveRefs } from "./fakeRefShift";
import { renderNumber } from "../../src/core/format/numfmt";
import { emptySheet, setCell, type Cell, type WorkbookSnapshot } from "../../src/core/model/snapshot";
import type {
  HostClientResult,
  HostContext,
  HostCustomXmlPart,
  HostCustomXmlPartCollection,
  HostCustomXmlPartScopedCollection,
  HostProtection,
  HostRange,
  HostRangeFormat,
  HostWorkbook,
  HostWorksheet,
  HostWorksheetCollection,
} from "../../src/excel/host";

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numFmt: string;
  font?: { name?: string; size?: number; bold?: boolean };
  fill?: string;
  error?: string;
}
export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  widths: Map<number, number>;
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  merges: Array<{ r1: number; c1: number; r2: number; c2: number }>;
  protected: boolean;
  hyperlinks: Map<string, Excel.RangeHyperlink>;
  id: string;
  /** Excel tables (ListObjects) on the sheet. */
  tables: Array<{ name: string; r1: number; c1: number; r2: number; c2: number }>;
  /** Array formulas: CSE (entered with Ctrl+Maj+Entrée, one formula over the area) or dynamic (spilled from r1,c1). */
  arrays?: FakeArray[];
}
export interface FakeArray {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  kind: "cse" | "spill";
}
/** One round trip as the wire would carry it: JSON bytes of the queued commands and of the loaded results. */
export interface SyncLog {
  request: number;
  response: number;
  ops: number;
}
/** Excel on the web's limit for a request and for a response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** One cell-level read: what was loaded over which rectangle. */
export interface ReadLog {
  sheet: string;
  what: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
export interface FakeState {
  name: string;
  sheets: FakeSheet[];
  parts: Map<string, string>;
  nextPart: number;
  active: string | null;
  selection: string | null;
  syncs: number;
  batches: number;
  /** Every sync, in order, with its measured payloads. */
  log: SyncLog[];
  /** Every cell-level read (contents, formats, visible cells, merged areas), to check what a read touched. */
  reads?: ReadLog[];
  /** Test hook: a command Excel refuses (return an error code), to exercise failures in mid-batch. */
  refuse?: (op: { kind: string; sheet: string; r1: number; c1: number; r2: number; c2: number }) => string | null;
}

const key = (r: number, c: number) => `${r}:${c}`;
const DEFAULT_WIDTH_PT = 48;

export class NotLoadedError extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}
// Shaped like OfficeExtension.Error: a string code and a debugInfo.
class HostError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

export function stateFromSnapshot(wb: WorkbookSnapshot): FakeState {
  return {
    name: wb.fileName ?? "Classeur.xlsx",
    parts: new Map(),
    nextPart: 1,
    active: wb.sheets[0]?.name ?? null,
    selection: null,
    syncs: 0,
    batches: 0,
    log: [],
    sheets: wb.sheets.map((s) => {
      const cells = new Map<string, FakeCell>();
      s.cells.forEach((row, ri) =>
        row?.forEach((c, ci) => {
          if (!c) return;
          const v = c.value;
          const isErr = v !== null && typeof v === "object";
          cells.set(key(ri + 1, ci + 1), {
            value: isErr ? v.error : v,
            error: isErr ? v.error : undefined,
            formula: c.formula,
            numFmt: c.numFmt ?? "General",
            font: c.font,
            fill: c.fill,
          });
        }),
      );
      const widths = new Map<number, number>();
      s.colWidths.forEach((w, i) => {
        if (w !== undefined) widths.set(i + 1, Math.round(((w * 7 * 72) / 96) * 100) / 100);
      });
      return {
        name: s.name,
        cells,
        widths,
        hiddenCols: new Set(s.hiddenCols),
        hiddenRows: new Set(s.hiddenRows),
        merges: s.merges.map((m) => ({ ...m })),
        protected: s.protected,
        hyperlinks: new Map(),
        id: `{sheet-${s.name}}`,
        tables: [],
      };
    }),
  };
}

/** The fake's cells as a core snapshot (formulas and literal values; formulas carry no recalculated value). */
export function snapshotFromState(state: FakeState): WorkbookSnapshot {
  return {
    fileName: state.name,
    sheets: state.sheets.map((s) => {
      const snap = emptySheet(s.name);
      for (const [k, c] of s.cells) {
        const [r, col] = k.split(":").map(Number) as [number, number];
        if (c.value === null && !c.formula && c.numFmt === "General" && !c.fill) continue;
        const cell: Cell = { value: c.error ? { error: c.error } : c.formula ? null : c.value };
        if (c.formula) cell.formula = c.formula;
        if (c.numFmt !== "General") cell.numFmt = c.numFmt;
        if (c.font) cell.font = c.font;
        if (c.fill) cell.fill = c.fill;
        setCell(snap, r, col, cell);
      }
      for (const [c, w] of s.widths) snap.colWidths[c - 1] = Math.round(((w * 96) / 72 / 7) * 100) / 100;
      snap.merges = s.merges.map((m) => ({ ...m }));
      snap.hiddenCols = new Set(s.hiddenCols);
      snap.protected = s.protected;
      return snap;
    }),
  };
}

type Area = { sheet: string; r1: number; c1: number; r2: number; c2: number; wholeCols: boolean };

function parseArea(sheet: string, address: string): Area {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [p, q] = a.replace(/\$/g, "").split(":");
  if (/^[A-Z]+$/i.test(p!)) return { sheet, r1: 1, c1: lettersToCol(p!), r2: 1048576, c2: lettersToCol(q ?? p!), wholeCols: true };
  const s = parseAddr(p!);
  const e = parseAddr(q ?? p!);
  return { sheet, r1: s.row, c1: s.col, r2: e.row, c2: e.col, wholeCols: false };
}

/** Proxy base: queued loads; a property is readable only once loaded and synced. */
abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoadedError(`${this.constructor.name}.${prop}`);
    return this.loaded.get(prop) as T;
  }
  protected queueLoad(props: string | string[] | undefined, getters: Record<string, () => unknown>): void {
    const list = (Array.isArray(props) ? props : (props ?? Object.keys(getters).join(",")).split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.queue(
      () => {
        const out: Record<string, unknown> = {};
        for (const p of list) {
          const get = getters[p];
          if (!get) throw new Error(`fake: cannot load ${p} on ${this.constructor.name}`);
          this.loaded.set(p, (out[p] = get()));
        }
        return out;
      },
      60 + list.join(",").length,
    );
  }
}

class FakeFill {
  constructor(private readonly range: FakeRange) {}
  get color(): string {
    return this.range.readLoaded<string>("format/fill/color");
  }
  set color(c: string) {
    this.range.eachCell((cell) => {
      cell.fill = c;
    });
  }
  clear(): void {
    this.range.eachCell((cell) => {
      delete cell.fill;
    });
  }
}

class FakeFormat implements HostRangeFormat {
  readonly fill: FakeFill;
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeFill(range);
  }
  get columnWidth(): number {
    return this.range.readLoaded<number>("format/columnWidth");
  }
  set columnWidth(w: number) {
    this.range.mutate((area, sheet) => {
      for (let c = area.c1; c <= area.c2; c++) sheet.widths.set(c, w);
    }, "columnWidth");
  }
  autofitColumns(): void {
    this.range.mutate((area, sheet) => {
      for (let c = area.c1; c <= Math.min(area.c2, area.c1 + 50); c++) sheet.widths.set(c, Math.max(sheet.widths.get(c) ?? DEFAULT_WIDTH_PT, 80));
    });
  }
}

export class FakeRange extends Proxy implements HostRange {
  readonly format: FakeFormat;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Area | null,
  ) {
    super(ctx);
    this.format = new FakeFormat(this);
  }
  private area(): Area {
    const a = this.resolve();
    if (!a) throw new HostError("ItemNotFound", "range on a missing sheet");
    return a;
  }
  private sheet(a: Area): FakeSheet {
    const s = this.ctx.state.sheets.find((x) => x.name === a.sheet);
    if (!s) throw new HostError("ItemNotFound", `sheet ${a.sheet}`);
    return s;
  }
  readLoaded<T>(p: string): T {
    return this.read<T>(p);
  }
  mutate(fn: (a: Area, s: FakeSheet) => void, kind = "write", request = 80): void {
    this.ctx.queue(() => {
      const a = this.area();
      const s = this.sheet(a);
      if (s.protected) throw new HostError("AccessDenied", `sheet ${s.name} is protected`);
      const refused = this.ctx.state.refuse?.({ kind, sheet: s.name, r1: a.r1, c1: a.c1, r2: a.r2, c2: a.c2 });
      if (refused) throw new HostError(refused, `${kind} refused`);
      fn(a, s);
    }, request);
  }
  eachCell(fn: (c: FakeCell, r: number, col: number) => void): void {
    this.mutate((a, s) => {
      for (let r = a.r1; r <= Math.min(a.r2, a.r1 + 5000); r++)
        for (let c = a.c1; c <= a.c2; c++) {
          let cell = s.cells.get(key(r, c));
          if (!cell) s.cells.set(key(r, c), (cell = { value: null, numFmt: "General" }));
          fn(cell, r, c);
        }
    });
  }
  /** Notes a cell-level read in the state's log (when the test keeps one). */
  logged(what: string): this {
    const a = this.area();
    this.ctx.state.reads?.push({ sheet: a.sheet, what, r1: a.r1, c1: a.c1, r2: a.r2, c2: a.c2 });
    return this;
  }
  private grid<T>(fn: (c: FakeCell | undefined, r: number, col: number) => T): T[][] {
    const a = this.area();
    const s = this.sheet(a);
    const out: T[][] = [];
    for (let r = a.r1; r <= a.r2; r++) {
      const line: T[] = [];
      for (let c = a.c1; c <= a.c2; c++) line.push(fn(s.cells.get(key(r, c)), r, c));
      out.push(line);
    }
    return out;
  }
  private setGrid(data: any[][], fn: (cell: FakeCell, v: any) => void): void {
    this.mutate(
      (a, s) => {
        if (data.length !== a.r2 - a.r1 + 1 || data.some((l) => l.length !== a.c2 - a.c1 + 1))
          throw new HostError("InvalidArgument", "array size does not match the range");
        const merged = s.merges.find(
          (m) =>
            m.r1 <= a.r2 &&
            m.r2 >= a.r1 &&
            m.c1 <= a.c2 &&
            m.c2 >= a.c1 &&
            data.some((l, i) =>
              l.some(
                (v, j) =>
                  v !== null && !(a.r1 + i === m.r1 && a.c1 + j === m.c1) && a.r1 + i >= m.r1 && a.r1 + i <= m.r2 && a.c1 + j >= m.c1 && a.c1 + j <= m.c2,
              ),
            ),
        );
        // Excel keeps a merged area's content in its top-left cell and refuses writes into the others.
        if (merged && data.some((l) => l.some((v) => v !== null && v !== ""))) throw new HostError("InvalidOperation", "cannot change part of a merged cell");
        const written = (r: number, c: number) => r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2 && data[r - a.r1]![c - a.c1] !== null;
        for (const x of s.arrays ?? []) {
          let some = false;
          let all = true;
          for (let r = x.r1; r <= x.r2; r++)
            for (let c = x.c1; c <= x.c2; c++)
              if (written(r, c)) some = true;
              else all = false;
          // Excel: "You can't change part of an array" for a CSE array; a cell typed into a spill range blocks it (#SPILL!).
          if (some && x.kind === "cse" && !all) throw new HostError("InvalidOperation", "cannot change part of an array");
          if (some && x.kind === "spill" && !written(x.r1, x.c1)) {
            const anchor = s.cells.get(key(x.r1, x.c1));
            if (anchor) {
              anchor.error = "#SPILL!";
              anchor.value = "#SPILL!";
            }
          }
        }
        if (data.length !== a.r2 - a.r1 + 1 || data.some((l) => l.length !== a.c2 - a.c1 + 1))
          throw new HostError("InvalidArgument", "array size does not match the range");
        data.forEach((line, i) =>
          line.forEach((v, j) => {
            if (v === null) return; // null leaves the cell alone, as Office.js does
            const k = key(a.r1 + i, a.c1 + j);
            let cell = s.cells.get(k);
            if (!cell) s.cells.set(k, (cell = { value: null, numFmt: "General" }));
            fn(cell, v);
          }),
        );
      },
      "write",
      80 + JSON.stringify(data).length,
    );
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): any[][] {
    return this.read("values");
  }
  set values(v: any[][]) {
    this.setGrid(v, (cell, x) => setInput(cell, x, false));
  }
  get formulas(): any[][] {
    return this.read("formulas");
  }
  set formulas(v: any[][]) {
    this.setGrid(v, (cell, x) => setInput(cell, x, true));
  }
  get text(): string[][] {
    return this.read("text");
  }
  get numberFormat(): any[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.setGrid(v, (cell, x) => {
      cell.numFmt = String(x);
    });
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read("valueTypes");
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.read("hyperlink");
  }
  get hasSpill(): boolean | null {
    return this.read("hasSpill");
  }
  get savedAsArray(): boolean | null {
    return this.read("savedAsArray");
  }
  /** Tables overlapping the range (or inside it, fullyContained), as Excel lists them. */
  getTables(fullyContained = false): { items: Array<{ name: string }>; load(p?: string | string[]): any } {
    const out = { loaded: false, items: [] as Array<{ name: string }> };
    const ctx = this.ctx;
    const where = () => {
      const a = this.area();
      return { a, s: this.sheet(a) };
    };
    return {
      get items() {
        if (!out.loaded) throw new NotLoadedError("TableScopedCollection.items");
        return out.items;
      },
      load() {
        ctx.queue(() => {
          const { a, s } = where();
          out.items = s.tables
            .filter((t) =>
              fullyContained ? t.r1 >= a.r1 && t.r2 <= a.r2 && t.c1 >= a.c1 && t.c2 <= a.c2 : t.r1 <= a.r2 && t.r2 >= a.r1 && t.c1 <= a.c2 && t.c2 >= a.c1,
            )
            .map((t) => ({ name: t.name }));
          out.loaded = true;
          return out.items;
        });
        return this;
      },
    };
  }
  set hyperlink(h: Excel.RangeHyperlink) {
    this.mutate((a, s) => s.hyperlinks.set(`${colToLetters(a.c1)}${a.r1}`, h));
  }

  load(propertyNames?: string | string[]): FakeRange {
    const area = () => this.resolve();
    const nullOr =
      <T>(f: (a: Area, s: FakeSheet) => T) =>
      () => {
        const a = area();
        return a ? f(a, this.sheet(a)) : null;
      };
    this.queueLoad(propertyNames, {
      isNullObject: () => area() === null,
      address: nullOr((a) => `${a.sheet}!${colToLetters(a.c1)}${a.r1}:${colToLetters(a.c2)}${a.r2}`),
      rowIndex: nullOr((a) => a.r1 - 1),
      columnIndex: nullOr((a) => a.c1 - 1),
      rowCount: nullOr((a) => a.r2 - a.r1 + 1),
      columnCount: nullOr((a) => a.c2 - a.c1 + 1),
      values: () => this.logged("values").grid((c) => (c ? (c.formula ? (c.value ?? 0) : (c.value ?? "")) : "")),
      formulas: () => this.logged("formulas").grid((c) => (c?.formula ? `=${c.formula}` : c ? (c.value ?? "") : "")),
      // Excel's displayed text: formatted, and never the ##### of a narrow column.
      text: () =>
        this.logged("text").grid((c) => (!c || c.value === null ? "" : typeof c.value === "number" ? renderNumber(c.value, c.numFmt).text : String(c.value))),
      numberFormat: () => this.logged("numberFormat").grid((c) => c?.numFmt ?? "General"),
      valueTypes: () =>
        this.logged("valueTypes").grid(
          (c) =>
            (c?.error
              ? "Error"
              : c?.value === null || c === undefined
                ? "Empty"
                : typeof c.value === "number"
                  ? "Double"
                  : typeof c.value === "boolean"
                    ? "Boolean"
                    : "String") as Excel.RangeValueType,
        ),
      columnHidden: nullOr((a, s) => (this.logged("columnHidden"), s.hiddenCols.has(a.c1))),
      rowHidden: nullOr((a, s) => (this.logged("rowHidden"), s.hiddenRows.has(a.r1))),
      "format/columnWidth": nullOr((a, s) => (this.logged("columnWidth"), s.widths.get(a.c1) ?? DEFAULT_WIDTH_PT)),
      hyperlink: nullOr((a, s) => s.hyperlinks.get(`${colToLetters(a.c1)}${a.r1}`) ?? null),
      "format/fill/color": nullOr((a, s) => s.cells.get(key(a.r1, a.c1))?.fill ?? "#FFFFFF"),
      // As Excel: true when every cell is covered, false when none is, null when some are.
      hasSpill: nullOr((a, s) =>
        coverage(
          a,
          (s.arrays ?? []).filter((x) => x.kind === "spill"),
        ),
      ),
      savedAsArray: nullOr((a, s) => coverage(a, s.arrays ?? [])),
    });
    return this;
  }
  getCellProperties(_opts: Excel.CellPropertiesLoadOptions): HostClientResult<Excel.CellProperties[][]> {
    const result = { loaded: false, data: [] as Excel.CellProperties[][] };
    this.ctx.queue(() => {
      result.data = this.logged("cellProperties").grid((c) => ({
        format: { font: { name: c?.font?.name ?? "Calibri", size: c?.font?.size ?? 11, bold: c?.font?.bold ?? false }, fill: { color: c?.fill ?? "#FFFFFF" } },
      }));
      result.loaded = true;
      return result.data;
    });
    return {
      get value() {
        if (!result.loaded) throw new NotLoadedError("getCellProperties().value");
        return result.data;
      },
    };
  }
  /** Visible cells as Excel gives them: rectangles between hidden rows and columns, one address for all. */
  getSpecialCellsOrNullObject(_type: "Visible"): { isNullObject: boolean; address: string; load(p?: string | string[]): any } {
    const out = { loaded: false, address: "", isNull: true };
    const ctx = this.ctx;
    const where = () => {
      const a = this.area();
      return { a, s: this.sheet(a) };
    };
    return {
      get isNullObject() {
        if (!out.loaded) throw new NotLoadedError("RangeAreas.isNullObject");
        return out.isNull;
      },
      get address() {
        if (!out.loaded) throw new NotLoadedError("RangeAreas.address");
        return out.address;
      },
      load() {
        ctx.queue(() => {
          const { a, s } = where();
          ctx.state.reads?.push({ sheet: a.sheet, what: "visible", r1: a.r1, c1: a.c1, r2: a.r2, c2: a.c2 });
          const bands = (lo: number, hi: number, hidden: Set<number>) => {
            const out: Array<[number, number]> = [];
            for (let i = lo; i <= hi; i++) {
              if (hidden.has(i)) continue;
              const last = out[out.length - 1];
              if (last && last[1] === i - 1) last[1] = i;
              else out.push([i, i]);
            }
            return out;
          };
          const rows = bands(a.r1, a.r2, s.hiddenRows);
          const cols = bands(a.c1, a.c2, s.hiddenCols);
          const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(s.name) ? s.name : `'${s.name.replace(/'/g, "''")}'`;
          out.address = rows.flatMap(([r1, r2]) => cols.map(([c1, c2]) => `${quoted}!${colToLetters(c1)}${r1}:${colToLetters(c2)}${r2}`)).join(",");
          out.isNull = out.address === "";
          out.loaded = true;
          return out.address;
        });
        return this;
      },
    };
  }
  /** Merged areas as Excel gives them (RangeAreas); more than 512 on the range cannot be read, as in Excel. */
  getMergedAreasOrNullObject(): { isNullObject: boolean; areas: { items: Array<{ address: string }> }; load(p?: string): unknown } {
    const out = { loaded: false, isNull: true, items: [] as Array<{ address: string }> };
    const ctx = this.ctx;
    const where = () => {
      const a = this.area();
      return { a, s: this.sheet(a) };
    };
    return {
      get isNullObject() {
        if (!out.loaded) throw new NotLoadedError("RangeAreas.isNullObject");
        return out.isNull;
      },
      get areas() {
        if (!out.loaded) throw new NotLoadedError("RangeAreas.areas");
        return { items: out.items };
      },
      load() {
        ctx.queue(() => {
          const { a, s } = where();
          ctx.state.reads?.push({ sheet: a.sheet, what: "merges", r1: a.r1, c1: a.c1, r2: a.r2, c2: a.c2 });
          const ms = s.merges.filter((m) => m.r1 <= a.r2 && m.r2 >= a.r1 && m.c1 <= a.c2 && m.c2 >= a.c1);
          if (ms.length > 512) throw new HostError("GeneralException", "too many merged areas");
          out.items = ms.map((m) => ({ address: `${s.name}!${colToLetters(m.c1)}${m.r1}:${colToLetters(m.c2)}${m.r2}` }));
          out.isNull = ms.length === 0;
          out.loaded = true;
          return out.items;
        });
        return this;
      },
    };
  }
  insert(_shift: "Right"): FakeRange {
    this.mutate((a, s) => {
      // Shifting part of the rows right would cut a merged area or a table that spans more rows: Excel refuses.
      if (!a.wholeCols && s.merges.some((m) => m.c2 >= a.c1 && m.r1 <= a.r2 && m.r2 >= a.r1 && (m.r1 < a.r1 || m.r2 > a.r2)))
        throw new HostError("InvalidOperation", "insertion would cut a merged area");
      if (!a.wholeCols && s.tables.some((t) => t.c2 >= a.c1 && t.r1 <= a.r2 && t.r2 >= a.r1 && (t.r1 < a.r1 || t.r2 > a.r2)))
        throw new HostError("InvalidOperation", "insertion would cut a table");
      if ((s.arrays ?? []).some((x) => x.kind === "cse" && x.c1 < a.c1 && x.c2 >= a.c1 && x.r1 <= a.r2 && x.r2 >= a.r1))
        throw new HostError("InvalidOperation", "cannot change part of an array");
      insertColumns(this.ctx.state, s, a, a.c1, a.c2 - a.c1 + 1);
    }, "insert");
    return this;
  }
  delete(_shift: "Left"): void {
    this.mutate((a, s) => deleteColumns(this.ctx.state, s, a, a.c1, a.c2 - a.c1 + 1), "delete");
  }
  select(): void {
    this.ctx.queue(() => {
      const a = this.area();
      this.ctx.state.selection = `${a.sheet}!${colToLetters(a.c1)}${a.r1}`;
    });
  }
  copyFrom(source: string | HostRange, _copyType?: "Formats"): void {
    this.mutate((a, s) => {
      const src = parseArea(a.sheet, String(source));
      // Excel refuses to paste formats that would split a merged area, in the source or in the target.
      const cut = (x: Area) =>
        s.merges.some((m) => m.c1 < m.c2 && m.r1 <= x.r2 && m.r2 >= x.r1 && m.c1 <= x.c2 && m.c2 >= x.c1 && (m.c1 < x.c1 || m.c2 > x.c2));
      if (cut(src) || cut(a)) throw new HostError("InvalidOperation", "cannot change part of a merged cell");
      const last = a.wholeCols ? maxRow(s) : a.r2;
      for (let r = a.wholeCols ? 1 : a.r1; r <= last; r++) {
        const from = s.cells.get(key(a.wholeCols ? r : src.r1 + ((r - a.r1) % (src.r2 - src.r1 + 1)), src.c1));
        if (!from) continue;
        for (let c = a.c1; c <= a.c2; c++) {
          let cell = s.cells.get(key(r, c));
          if (!cell) s.cells.set(key(r, c), (cell = { value: null, numFmt: "General" }));
          cell.numFmt = from.numFmt;
          if (from.font) cell.font = { ...from.font };
          if (from.fill) cell.fill = from.fill;
        }
      }
      if (a.wholeCols) for (let c = a.c1; c <= a.c2; c++) s.widths.set(c, s.widths.get(src.c1) ?? DEFAULT_WIDTH_PT);
    }, "copyFrom");
  }
  merge(_across?: boolean): void {
    this.mutate((a, s) => {
      // Merging over merged areas absorbs them (Excel asks, then does it); a partial overlap is refused.
      const overlap = s.merges.filter((m) => m.r1 <= a.r2 && m.r2 >= a.r1 && m.c1 <= a.c2 && m.c2 >= a.c1);
      if (overlap.some((m) => m.r1 < a.r1 || m.r2 > a.r2 || m.c1 < a.c1 || m.c2 > a.c2))
        throw new HostError("InvalidOperation", "merge across part of a merged area");
      s.merges = s.merges.filter((m) => !overlap.includes(m));
      if (a.r1 !== a.r2 || a.c1 !== a.c2) s.merges.push({ r1: a.r1, c1: a.c1, r2: a.r2, c2: a.c2 });
    }, "merge");
  }
  clear(): void {
    this.mutate((a, s) => {
      for (const k of [...s.cells.keys()]) {
        const [r, c] = k.split(":").map(Number) as [number, number];
        if (r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2) s.cells.delete(k);
      }
      s.merges = s.merges.filter((m) => !(m.r1 >= a.r1 && m.r2 <= a.r2 && m.c1 >= a.c1 && m.c2 <= a.c2));
      for (const h of [...s.hyperlinks.keys()]) {
        const p = parseAddr(h);
        if (p.row >= a.r1 && p.row <= a.r2 && p.col >= a.c1 && p.col <= a.c2) s.hyperlinks.delete(h);
      }
    }, "clear");
  }
  unmerge(): void {
    this.mutate((a, s) => {
      s.merges = s.merges.filter((m) => !(m.r1 === a.r1 && m.c1 === a.c1));
    }, "unmerge");
  }
}

/** Excel's three-state answer over an area: every cell covered (true), none (false), some (null). */
function coverage(a: Area, rects: Array<{ r1: number; c1: number; r2: number; c2: number }>): boolean | null {
  let covered = 0;
  for (const x of rects) {
    const h = Math.min(a.r2, x.r2) - Math.max(a.r1, x.r1) + 1;
    const w = Math.min(a.c2, x.c2) - Math.max(a.c1, x.c1) + 1;
    if (h > 0 && w > 0) covered += h * w;
  }
  return covered === 0 ? false : covered === (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) ? true : null;
}

function maxRow(s: FakeSheet): number {
  let m = 0;
  for (const k of s.cells.keys()) m = Math.max(m, Number(k.split(":")[0]));
  return m;
}

function setInput(cell: FakeCell, x: any, asFormula: boolean): void {
  delete cell.error;
  // As in Excel: a cell formatted as text ("@") takes its input literally, "=…" included.
  if (typeof x === "string" && x.startsWith("=") && cell.numFmt !== "@") {
    cell.formula = x.slice(1);
    cell.value = null;
  } else if (typeof x === "string" && x.startsWith("'")) {
    delete cell.formula;
    cell.value = x.slice(1);
  } else {
    delete cell.formula;
    cell.value = x === "" ? null : x;
  }
  void asFormula;
}

function forEachFormula(state: FakeState, fn: (f: string, sheet: string) => string): void {
  for (const s of state.sheets) for (const c of s.cells.values()) if (c.formula) c.formula = fn(c.formula, s.name);
}

function insertColumns(state: FakeState, s: FakeSheet, a: Area, at: number, count: number): void {
  const inRows = (r: number) => a.wholeCols || (r >= a.r1 && r <= a.r2);
  const moved = new Map<string, FakeCell>();
  for (const [k, c] of [...s.cells.entries()]) {
    const [r, col] = k.split(":").map(Number) as [number, number];
    if (col >= at && inRows(r)) {
      s.cells.delete(k);
      moved.set(key(r, col + count), c);
    }
  }
  for (const [k, c] of moved) s.cells.set(k, c);
  if (a.wholeCols) {
    const widths = new Map<number, number>();
    for (const [c, w] of s.widths) widths.set(c >= at ? c + count : c, w);
    s.widths = widths;
    s.hiddenCols = new Set([...s.hiddenCols].map((c) => (c >= at ? c + count : c)));
  }
  const shift = <T extends { r1: number; c1: number; r2: number; c2: number }>(m: T): T =>
    (a.wholeCols || (m.r1 >= a.r1 && m.r2 <= a.r2)) && m.c2 >= at ? { ...m, c1: m.c1 >= at ? m.c1 + count : m.c1, c2: m.c2 + count } : m;
  s.merges = s.merges.map(shift);
  // A table or an array the whole columns go through widens (Excel adds a table column; a spill spills again).
  s.tables = s.tables.map(shift);
  if (s.arrays) s.arrays = s.arrays.map(shift);
  const move = insertMove(s.name, a.wholeCols ? null : [a.r1, a.r2], at, count);
  forEachFormula(state, (f, sheet) => moveRefs(f, sheet, move));
}

function deleteColumns(state: FakeState, s: FakeSheet, a: Area, at: number, count: number): void {
  const inRows = (r: number) => a.wholeCols || (r >= a.r1 && r <= a.r2);
  const next = new Map<string, FakeCell>();
  for (const [k, c] of s.cells) {
    const [r, col] = k.split(":").map(Number) as [number, number];
    if (!inRows(r) || col < at) next.set(k, c);
    else if (col >= at + count) next.set(key(r, col - count), c);
  }
  s.cells = next;
  if (a.wholeCols) {
    const widths = new Map<number, number>();
    for (const [c, w] of s.widths)
      if (c < at) widths.set(c, w);
      else if (c >= at + count) widths.set(c - count, w);
    s.widths = widths;
  }
  const shrink = <T extends { r1: number; c1: number; r2: number; c2: number }>(list: T[]): T[] =>
    list
      .filter((m) => !(m.c1 >= at && m.c2 < at + count && (a.wholeCols || (m.r1 >= a.r1 && m.r2 <= a.r2))))
      .map((m) =>
        (a.wholeCols || (m.r1 >= a.r1 && m.r2 <= a.r2)) && m.c2 >= at
          ? { ...m, c1: m.c1 >= at + count ? m.c1 - count : Math.min(m.c1, at), c2: Math.max(m.c2 - count, Math.min(m.c1, at)) }
          : m,
      );
  s.merges = shrink(s.merges);
  s.tables = shrink(s.tables);
  if (s.arrays) s.arrays = shrink(s.arrays);
  const move = deleteMove(s.name, a.wholeCols ? null : [a.r1, a.r2], at, count);
  forEachFormula(state, (f, sheet) => moveRefs(f, sheet, move));
}

class FakeProtection extends Proxy implements HostProtection {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet | null,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  load(p?: string | string[]): FakeProtection {
    this.queueLoad(p, { protected: () => this.sheet()?.protected ?? false });
    return this;
  }
}

export class FakeWorksheet extends Proxy implements HostWorksheet {
  readonly protection: FakeProtection;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, resolve);
  }
  private must(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new HostError("ItemNotFound", "worksheet");
    return s;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): "Visible" {
    return this.read("visibility");
  }
  get id(): string {
    return this.read("id");
  }
  load(p?: string | string[]): FakeWorksheet {
    this.queueLoad(p, {
      isNullObject: () => this.resolve() === null,
      name: () => this.resolve()?.name ?? null,
      visibility: () => "Visible",
      id: () => this.resolve()?.id ?? null,
    });
    return this;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      let r1 = Infinity,
        c1 = Infinity,
        r2 = 0,
        c2 = 0;
      for (const [k, c] of s.cells) {
        if (c.value === null && !c.formula && c.numFmt === "General" && !c.fill) continue;
        const [r, col] = k.split(":").map(Number) as [number, number];
        r1 = Math.min(r1, r);
        c1 = Math.min(c1, col);
        r2 = Math.max(r2, r);
        c2 = Math.max(c2, col);
      }
      return r2 ? { sheet: s.name, r1, c1, r2, c2, wholeCols: false } : null;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      return s ? parseArea(s.name, address ?? "A1") : null;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      return s ? { sheet: s.name, r1: startRow + 1, c1: startColumn + 1, r2: startRow + rowCount, c2: startColumn + columnCount, wholeCols: false } : null;
    });
  }
  getNextOrNullObject(_visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      const i = this.ctx.state.sheets.indexOf(s);
      return this.ctx.state.sheets[i + 1] ?? null;
    });
  }
  activate(): void {
    this.ctx.queue(() => {
      this.ctx.state.active = this.must().name;
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const s = this.must();
      this.ctx.state.sheets = this.ctx.state.sheets.filter((x) => x !== s);
    });
  }
}

class FakeWorksheets implements HostWorksheetCollection {
  constructor(private readonly ctx: FakeContext) {}
  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheets[0] ?? null);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.state.sheets.find((x) => x.name === name);
      if (!s) throw new HostError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheets.find((x) => x.name === name) ?? null);
  }
  add(name?: string): FakeWorksheet {
    const sheetName = name ?? `Feuil${this.ctx.state.sheets.length + 1}`;
    const sheet: FakeSheet = {
      name: sheetName,
      cells: new Map(),
      widths: new Map(),
      hiddenCols: new Set(),
      hiddenRows: new Set(),
      merges: [],
      protected: false,
      hyperlinks: new Map(),
      id: `{sheet-${sheetName}-${this.ctx.state.nextPart++}}`,
      tables: [],
    };
    this.ctx.queue(() => {
      if (this.ctx.state.sheets.some((x) => x.name === sheet.name)) throw new HostError("ItemAlreadyExists", sheet.name);
      this.ctx.state.sheets.push(sheet);
    });
    return new FakeWorksheet(this.ctx, () => (this.ctx.state.sheets.includes(sheet) ? sheet : null));
  }
  getCount(): HostClientResult<number> {
    const r = { loaded: false, n: 0 };
    this.ctx.queue(() => {
      r.n = this.ctx.state.sheets.length;
      r.loaded = true;
      return r.n;
    });
    return {
      get value() {
        if (!r.loaded) throw new NotLoadedError("getCount().value");
        return r.n;
      },
    };
  }
}

class FakePart extends Proxy implements HostCustomXmlPart {
  constructor(
    ctx: FakeContext,
    private readonly id_: () => string,
  ) {
    super(ctx);
  }
  get id(): string {
    return this.read("id");
  }
  load(p?: string | string[]): FakePart {
    this.queueLoad(p, { id: () => this.id_() });
    return this;
  }
  getXml(): HostClientResult<string> {
    const r = { loaded: false, xml: "" };
    this.ctx.queue(() => {
      const id = this.id_();
      if (!this.ctx.state.parts.has(id)) throw new HostError("ItemNotFound", "custom XML part");
      r.xml = this.ctx.state.parts.get(id)!;
      r.loaded = true;
      return r.xml;
    });
    return {
      get value() {
        if (!r.loaded) throw new NotLoadedError("getXml().value");
        return r.xml;
      },
    };
  }
  delete(): void {
    this.ctx.queue(() => {
      if (!this.ctx.state.parts.delete(this.id_())) throw new HostError("ItemNotFound", "custom XML part");
    });
  }
}

class FakeScopedParts extends Proxy implements HostCustomXmlPartScopedCollection {
  constructor(
    ctx: FakeContext,
    private readonly ns: string,
  ) {
    super(ctx);
  }
  get items(): FakePart[] {
    return this.read("items");
  }
  load(_p?: string | string[]): FakeScopedParts {
    this.ctx.queue(() => {
      const ids = [...this.ctx.state.parts.entries()].filter(([, xml]) => xml.includes(`xmlns="${this.ns}"`)).map(([id]) => id);
      this.loaded.set(
        "items",
        ids.map((id) => {
          const p = new FakePart(this.ctx, () => id);
          (p as unknown as { loaded: Map<string, unknown> }).loaded.set("id", id);
          return p;
        }),
      );
    });
    return this;
  }
}

class FakeParts implements HostCustomXmlPartCollection {
  constructor(private readonly ctx: FakeContext) {}
  add(xml: string): FakePart {
    let id = "";
    this.ctx.queue(() => {
      id = `{part-${this.ctx.state.nextPart++}}`;
      this.ctx.state.parts.set(id, xml);
    }, 80 + xml.length);
    return new FakePart(this.ctx, () => id);
  }
  getItem(id: string): FakePart {
    return new FakePart(this.ctx, () => id);
  }
  getByNamespace(ns: string): FakeScopedParts {
    return new FakeScopedParts(this.ctx, ns);
  }
}

class FakeWorkbook extends Proxy implements HostWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly customXmlParts: FakeParts;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheets(ctx);
    this.customXmlParts = new FakeParts(ctx);
  }
  get name(): string {
    return this.read("name");
  }
  load(p?: string | string[]): FakeWorkbook {
    this.queueLoad(p, { name: () => this.ctx.state.name });
    return this;
  }
}

export class FakeContext implements HostContext {
  readonly workbook: FakeWorkbook;
  private pending: Array<{ op: () => unknown; request: number }> = [];
  constructor(readonly state: FakeState) {
    this.workbook = new FakeWorkbook(this);
  }
  queue(op: () => unknown, request = 80): void {
    this.pending.push({ op, request });
  }
  /**
   * Runs the batch in order; the first failing command stops it, as in Excel (earlier commands stay done).
   * Payloads are measured as JSON of the commands' arguments and of the loaded results, and held to Excel on the
   * web's 5 MB: a request over it is refused before anything runs; a response over it fails after the commands ran.
   */
  async sync(): Promise<void> {
    this.state.syncs++;
    const ops = this.pending;
    this.pending = [];
    const entry: SyncLog = { request: 2 + ops.reduce((a, o) => a + o.request, 0), response: 2, ops: ops.length };
    this.state.log.push(entry);
    if (entry.request > PAYLOAD_LIMIT) throw new HostError("RequestPayloadSizeLimitExceeded", `request of ${entry.request} bytes`);
    for (const { op } of ops) {
      const out = op();
      entry.response += out === undefined ? 10 : JSON.stringify(out).length + 10;
    }
    if (entry.response > PAYLOAD_LIMIT) throw new HostError("ResponsePayloadSizeLimitExceeded", `response of ${entry.response} bytes`);
  }
}

/** Excel.run for the fake: a fresh context per batch over the shared state. */
export function fakeRunner(state: FakeState) {
  return async <T>(batch: (ctx: HostContext) => Promise<T>): Promise<T> => {
    state.batches++;
    return batch(new FakeContext(state));
  };
}

/** Deep copy of a snapshot (jsdom has no structuredClone; Sets survive). */
export function cloneSnapshot(wb: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((row) =>
        row?.map((c) =>
          c ? { ...c, font: c.font ? { ...c.font } : undefined, value: c.value !== null && typeof c.value === "object" ? { ...c.value } : c.value } : c,
        ),
      ),
      merges: s.merges.map((m) => ({ ...m })),
      colWidths: [...s.colWidths],
      hiddenCols: new Set(s.hiddenCols),
      hiddenRows: new Set(s.hiddenRows),
      defaultFont: { ...s.defaultFont },
    })),
  };
}
