// The Excel side of the wire: interprets the RichApi request the real Office.js client library sends at each
// context.sync() (object paths, instantiations, queries, method calls, property sets) against the test workbook
// (FakeState) and answers in the protocol's format (Results by action id, or Error with its action index).
// Like Excel: actions run in order and the first refused one stops the batch (earlier ones stay done); a request or a
// response over 5 MB is refused; a protected sheet refuses changes (AccessDenied); an insertion or deletion that cuts a
// merged area or a table is refused (InsertDeleteConflict); merging keeps only the top-left value.
// Written apart from the core: own addresses (a1.ts), own displayed text (displayText.ts), own reference shifter
// (../fakeRefShift.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { DOMParser } from "@xmldom/xmldom";
import type { FakeCell, FakeSheet, FakeState } from "../fakeExcel";
import { deleteMove, insertMove, moveRefs } from "../fakeRefShift";
import { contains, formatAddress, MAX_COLS, MAX_ROWS, overlaps, parseAddress, type Rect } from "./a1";
import { displayText } from "./displayText";

/** Excel on the web's limit for a request and for a response. */
export const WIRE_LIMIT = 5 * 1024 * 1024;
const DEFAULT_WIDTH_PT = 48;
const MAX_MERGED_AREAS = 512;

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Handle =
  | { k: "workbook" }
  | { k: "worksheets" }
  | { k: "sheet"; s: FakeSheet }
  | { k: "range"; s: FakeSheet; r: Rect }
  | { k: "format"; s: FakeSheet; r: Rect }
  | { k: "fill"; s: FakeSheet; r: Rect }
  | { k: "font"; s: FakeSheet; r: Rect }
  | { k: "protection"; s: FakeSheet }
  | { k: "areas"; s: FakeSheet; rects: Rect[] }
  | { k: "areaList"; s: FakeSheet; rects: Rect[] }
  | { k: "tables"; s: FakeSheet; r: Rect; full: boolean }
  | { k: "table"; s: FakeSheet; name: string }
  | { k: "parts" }
  | { k: "scoped"; ns: string }
  | { k: "part"; id: string };

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}
interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}
export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, PathInfo>;
}
export interface ResponseBody {
  Results: Array<{ ActionId: number; Value: unknown }>;
  Error?: { Code: string; Message: string; Location: string; ActionIndex: number; HttpStatusCode: number };
}

const cellKey = (r: number, c: number) => `${r}:${c}`;
const splitKey = (k: string) => k.split(":").map(Number) as [number, number];
const isContent = (c: FakeCell | undefined) => !!c && (c.value !== null || !!c.formula);
const isUsed = (c: FakeCell | undefined) => !!c && (isContent(c) || c.numFmt !== "General" || !!c.fill);
const pascal = (p: string) => p.charAt(0).toUpperCase() + p.slice(1);
const ERRORS = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/;

/** What Excel makes of one input written to a cell (values or formulas). */
export function writeInput(cell: FakeCell, x: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (typeof x === "number" || typeof x === "boolean") {
    cell.value = x;
    return;
  }
  const s = String(x);
  if (cell.numFmt === "@") cell.value = s === "" ? null : s;
  else if (s.startsWith("=") && s.length > 1) {
    cell.formula = s.slice(1);
    cell.value = null;
  } else if (s.startsWith("'")) cell.value = s.slice(1);
  else if (s === "") cell.value = null;
  else if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) cell.value = Number(s);
  else if (/^(true|false)$/i.test(s)) cell.value = s.toLowerCase() === "true";
  else if (ERRORS.test(s)) {
    cell.value = s;
    cell.error = s;
  } else cell.value = s;
}

export interface WireLog {
  request: number;
  response: number;
  ops: number;
}

export class RichApiProcessor {
  private objects = new Map<number, Handle | null>();
  private paths: Record<string, PathInfo> = {};
  private nextId = 1;
  /** Objects Excel.run keeps across syncs (_KeepReference), by reference id: they outlive the request. */
  private references = new Map<string, Handle>();
  /** Paths given a reference in this request: their next Instantiate returns its id. */
  private kept = new Map<number, string>();

  /** The highest ExcelApi version this Excel supports: newer calls are refused with ApiNotFound, as an older Excel does. */
  excelApi = "1.17";

  constructor(readonly state: FakeState) {
    for (const s of state.sheets) if (!s.id.startsWith("{")) s.id = `{${s.id}}`;
  }

  /** One round trip: the request as the client serialised it, the response as Excel would serialise it. */
  execute(requestText: string): { status: "ok"; body: ResponseBody; text: string } | { status: "refused"; code: string; message: string } {
    const body = JSON.parse(requestText) as RequestBody;
    if (Buffer.byteLength(requestText) > WIRE_LIMIT)
      return { status: "refused", code: "RequestPayloadSizeLimitExceeded", message: `request of ${Buffer.byteLength(requestText)} bytes` };
    this.objects = new Map();
    this.kept = new Map();
    this.paths = body.ObjectPaths ?? {};
    const out: ResponseBody = { Results: [] };
    for (let i = 0; i < body.Actions.length; i++) {
      const a = body.Actions[i]!;
      try {
        const r = this.action(a);
        if (r !== undefined) out.Results.push({ ActionId: a.Id, Value: r });
      } catch (e) {
        if (!(e instanceof ExcelError)) throw e;
        out.Error = { Code: e.code, Message: e.message, Location: a.Name || "Instantiate", ActionIndex: i, HttpStatusCode: 400 };
        break;
      }
    }
    const text = JSON.stringify(out);
    if (Buffer.byteLength(text) > WIRE_LIMIT)
      return { status: "refused", code: "ResponsePayloadSizeLimitExceeded", message: `response of ${Buffer.byteLength(text)} bytes` };
    return { status: "ok", body: out, text };
  }

  private reference(h: Handle): string {
    const ref = `{00000000-0001-0000-0300-${String(this.nextId++).padStart(12, "0")}}{1}`;
    this.references.set(ref, h);
    return ref;
  }

  // ---- object paths -------------------------------------------------------------------------------------------

  private resolve(id: number): Handle | null {
    if (this.objects.has(id)) return this.objects.get(id)!;
    const p = this.paths[String(id)];
    if (!p) throw new ExcelError("InvalidObjectPath", `object path ${id} is not in the request`);
    const h = this.build(p);
    this.objects.set(id, h);
    return h;
  }

  private build(p: PathInfo): Handle | null {
    const args = p.ArgumentInfo?.Arguments ?? [];
    if (p.ObjectPathType === 1) return { k: "workbook" };
    if (p.ObjectPathType === 6) {
      const h = this.references.get(p.Name);
      if (!h) throw new ExcelError("InvalidObjectPath", "The object path isn't working for what you're trying to do.");
      return h;
    }
    const parent = p.ParentObjectPathId !== undefined ? this.resolve(p.ParentObjectPathId) : null;
    if (parent === null) return null; // a null object's children are null objects
    if (p.ObjectPathType === 4) return this.property(parent, p.Name);
    if (p.ObjectPathType === 3) {
      // An object passed as an argument travels as its path id, listed in ReferencedObjectPathIds.
      const refs = (p.ArgumentInfo as { ReferencedObjectPathIds?: unknown[] } | undefined)?.ReferencedObjectPathIds ?? [];
      const resolved = args.map((a, i) => (typeof refs[i] === "number" && refs[i] !== 0 ? this.resolve(refs[i]) : a));
      return this.methodObject(parent, p.Name, resolved);
    }
    if (p.ObjectPathType === 5) return this.indexer(parent, args[0]);
    throw new ExcelError("NotImplemented", `object path type ${p.ObjectPathType} (${p.Name})`);
  }

  private property(h: Handle, name: string): Handle {
    if (h.k === "workbook" && name === "Worksheets") return { k: "worksheets" };
    if (h.k === "workbook" && name === "CustomXmlParts") return { k: "parts" };
    if (h.k === "sheet" && name === "Protection") return { k: "protection", s: h.s };
    if (h.k === "range" && name === "Format") return { k: "format", s: h.s, r: h.r };
    if (h.k === "format" && name === "Fill") return { k: "fill", s: h.s, r: h.r };
    if (h.k === "format" && name === "Font") return { k: "font", s: h.s, r: h.r };
    if (h.k === "areas" && name === "Areas") return { k: "areaList", s: h.s, rects: h.rects };
    throw new ExcelError("NotImplemented", `${h.k}.${name}`);
  }

  private live(s: FakeSheet): FakeSheet {
    if (!this.state.sheets.includes(s)) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }

  private sheetByKey(key: unknown): FakeSheet | null {
    const k = String(key).toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === k || s.id.toLowerCase() === k) ?? null;
  }

  private methodObject(h: Handle, name: string, args: unknown[]): Handle | null {
    const since = SINCE[name];
    if (since && newer(since, this.excelApi))
      throw new ExcelError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel.");
    switch (`${h.k}.${name}`) {
      case "worksheets.GetItem": {
        const s = this.sheetByKey(args[0]);
        if (!s) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
        return { k: "sheet", s };
      }
      case "worksheets.GetItemOrNullObject": {
        const s = this.sheetByKey(args[0]);
        return s ? { k: "sheet", s } : null;
      }
      case "worksheets.GetFirst": {
        const s = this.state.sheets[0];
        if (!s) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
        return { k: "sheet", s };
      }
      case "worksheets.Add":
        return { k: "sheet", s: this.addSheet(args[0]) };
      case "sheet.GetNext":
      case "sheet.GetNextOrNullObject": {
        const s = this.state.sheets[this.state.sheets.indexOf(this.live((h as { s: FakeSheet }).s)) + 1];
        if (!s && name === "GetNext") throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
        return s ? { k: "sheet", s } : null;
      }
      case "sheet.GetRange": {
        const s = this.live((h as { s: FakeSheet }).s);
        if (args[0] === null || args[0] === undefined || args[0] === "") return { k: "range", s, r: { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS } };
        const a = parseAddress(String(args[0]));
        if (!a) throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        const target = a.sheet ? this.sheetByKey(a.sheet) : s;
        if (!target) throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        return { k: "range", s: target, r: a };
      }
      case "sheet.GetRangeByIndexes": {
        const s = this.live((h as { s: FakeSheet }).s);
        const [row, col, rows, cols] = args.map(Number) as [number, number, number, number];
        if (!(rows >= 1 && cols >= 1 && row >= 0 && col >= 0 && row + rows <= MAX_ROWS && col + cols <= MAX_COLS))
          throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        return { k: "range", s, r: { r1: row + 1, c1: col + 1, r2: row + rows, c2: col + cols } };
      }
      case "sheet.GetUsedRange":
      case "sheet.GetUsedRangeOrNullObject": {
        const s = this.live((h as { s: FakeSheet }).s);
        const r = usedRect(s, args[0] === true);
        if (!r && name === "GetUsedRange") return { k: "range", s, r: { r1: 1, c1: 1, r2: 1, c2: 1 } };
        return r ? { k: "range", s, r } : null;
      }
      case "range.GetMergedAreasOrNullObject": {
        const { s, r } = h as { s: FakeSheet; r: Rect };
        const ms = this.live(s).merges.filter((m) => overlaps(m, r));
        if (ms.length > MAX_MERGED_AREAS) throw new ExcelError("GeneralException", `More than ${MAX_MERGED_AREAS} merged areas in the range.`);
        return ms.length ? { k: "areas", s, rects: ms.map((m) => ({ ...m })) } : null;
      }
      case "range.GetTables": {
        // Excel tables (ListObjects) overlapping the range, or inside it with fullyContained.
        const { s, r } = h as { s: FakeSheet; r: Rect };
        return { k: "tables", s: this.live(s), r, full: args[0] === true };
      }
      case "range.GetSpecialCellsOrNullObject": {
        const { s, r } = h as { s: FakeSheet; r: Rect };
        if (args[0] !== "Visible") throw new ExcelError("NotImplemented", `special cells ${String(args[0])}`);
        const rects = visibleRects(this.live(s), r);
        return rects.length ? { k: "areas", s, rects } : null;
      }
      case "range.Insert":
        return this.insert(h as { s: FakeSheet; r: Rect }, String(args[0]));
      case "range.GetRow":
      case "range.GetColumn":
      case "range.GetCell":
      case "range.GetBoundingRect":
      case "range.GetResizedRange":
      case "range.GetOffsetRange": {
        const { s, r } = h as { s: FakeSheet; r: Rect };
        const n = args.map(Number);
        let out: Rect;
        if (name === "GetRow") out = { ...r, r1: r.r1 + n[0]!, r2: r.r1 + n[0]! };
        else if (name === "GetColumn") out = { ...r, c1: r.c1 + n[0]!, c2: r.c1 + n[0]! };
        else if (name === "GetCell") out = { r1: r.r1 + n[0]!, r2: r.r1 + n[0]!, c1: r.c1 + n[1]!, c2: r.c1 + n[1]! };
        else if (name === "GetResizedRange") out = { ...r, r2: r.r2 + n[0]!, c2: r.c2 + n[1]! };
        else if (name === "GetOffsetRange") out = { r1: r.r1 + n[0]!, r2: r.r2 + n[0]!, c1: r.c1 + n[1]!, c2: r.c2 + n[1]! };
        else {
          const o = args[0] as Handle | string;
          const other = typeof o === "string" ? parseAddress(o) : o && o.k === "range" && o.s === s ? o.r : null;
          if (!other) throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          out = { r1: Math.min(r.r1, other.r1), c1: Math.min(r.c1, other.c1), r2: Math.max(r.r2, other.r2), c2: Math.max(r.c2, other.c2) };
        }
        if (out.r1 < 1 || out.c1 < 1 || out.r2 > MAX_ROWS || out.c2 > MAX_COLS || out.r2 < out.r1 || out.c2 < out.c1)
          throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        return { k: "range", s, r: out };
      }
      case "areaList.GetItemAt": {
        const { s, rects } = h as { s: FakeSheet; rects: Rect[] };
        const r = rects[Number(args[0])];
        if (!r) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
        return { k: "range", s, r };
      }
      case "parts.GetByNamespace":
        return { k: "scoped", ns: String(args[0]) };
      case "parts.Add":
        return { k: "part", id: this.addPart(String(args[0])) };
      case "parts.GetItem":
      case "scoped.GetItem":
      case "parts.GetItemOrNullObject":
      case "scoped.GetItemOrNullObject": {
        const p = this.indexer(h, args[0], name.endsWith("OrNullObject"));
        return p;
      }
      default:
        throw new ExcelError("NotImplemented", `${h.k}.${name}()`);
    }
  }

  private indexer(h: Handle, key: unknown, orNull = false): Handle | null {
    if (h.k === "worksheets") {
      const s = this.sheetByKey(key);
      if (!s && !orNull) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
      return s ? { k: "sheet", s } : null;
    }
    if (h.k === "parts" || h.k === "scoped") {
      const id = String(key);
      const xml = this.state.parts.get(id);
      const ok = xml !== undefined && (h.k === "parts" || rootNamespace(xml) === h.ns);
      if (!ok && !orNull) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
      return ok ? { k: "part", id } : null;
    }
    throw new ExcelError("NotImplemented", `${h.k}[…]`);
  }

  // ---- actions ------------------------------------------------------------------------------------------------

  private action(a: ActionInfo): unknown {
    const args = a.ArgumentInfo?.Arguments ?? [];
    switch (a.ActionType) {
      case 1: {
        // Instantiate
        const h = this.resolve(a.ObjectPathId);
        if (h === null) return null;
        let ref = this.kept.get(a.ObjectPathId);
        // An object reached by a method (getFirst, getUsedRange, getRangeByIndexes…) has no stable path: Excel hands
        // back a reference id, which lets Excel.run use it in later syncs (and track it for cleanup).
        if (!ref && this.paths[String(a.ObjectPathId)]?.ObjectPathType === 3 && h.k !== "scoped") ref = this.reference(h);
        if (ref) this.kept.set(a.ObjectPathId, ref);
        return ref ? { _ReferenceId: ref } : {};
      }
      case 2: {
        // Query
        const h = this.resolve(a.ObjectPathId);
        return h === null ? null : this.query(h, a.QueryInfo?.Select ?? null);
      }
      case 3: {
        // Method
        const h = this.resolve(a.ObjectPathId);
        if (a.Name === "_KeepReference") {
          if (h !== null && !this.kept.has(a.ObjectPathId)) this.kept.set(a.ObjectPathId, this.reference(h));
          return undefined;
        }
        if (h !== null && h.k === "workbook" && a.Name === "_RemoveReference") {
          this.references.delete(String(args[0]));
          return null;
        }
        if (h === null) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
        return this.method(h, a.Name, args);
      }
      case 4: {
        // SetProperty
        const h = this.resolve(a.ObjectPathId);
        if (h === null) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
        this.set(h, a.Name, args[0]);
        return undefined;
      }
      case 5: // Trace
      case 6: // EnsureUnchanged
        return undefined;
      default:
        throw new ExcelError("NotImplemented", `action type ${a.ActionType}`);
    }
  }

  private query(h: Handle, select: string[] | null): unknown {
    if (h.k === "scoped") {
      const ids = [...this.state.parts.entries()].filter(([, xml]) => rootNamespace(xml) === h.ns).map(([id]) => id);
      return { _Items: ids.map((id) => this.query({ k: "part", id }, select)) };
    }
    if (h.k === "areaList") return { _Items: h.rects.map((r) => this.query({ k: "range", s: h.s, r }, select)) };
    if (h.k === "tables") {
      const { r, full } = h;
      const list = this.live(h.s).tables.filter((t) => (full ? contains(r, t) : overlaps(t, r)));
      return { _Items: list.map((t) => this.query({ k: "table", s: h.s, name: t.name }, select)) };
    }
    if (h.k === "worksheets") return { _Items: this.state.sheets.map((s) => this.query({ k: "sheet", s }, select)) };
    const names = (select ?? defaultSelect(h)).filter((p) => p !== "isNullObject");
    const out: Record<string, unknown> = {};
    for (const p of names) {
      const steps = p.split("/");
      let target: Handle = h;
      let into = out;
      for (let i = 0; i < steps.length - 1; i++) {
        const nav = steps[i]!;
        if (target.k === "areas" && nav === "areas") {
          // "areas/address": a collection under the object
          const rest = steps.slice(i + 1).join("/");
          const list = (into.Areas as { _Items: Array<Record<string, unknown>> } | undefined) ?? { _Items: target.rects.map(() => ({})) };
          target.rects.forEach((r, j) => Object.assign(list._Items[j]!, this.query({ k: "range", s: (target as { s: FakeSheet }).s, r }, [rest])));
          into.Areas = list;
          target = null as unknown as Handle;
          break;
        }
        target = this.property(target, pascal(nav));
        into = (into[pascal(nav)] ??= {}) as Record<string, unknown>;
      }
      if (target === null) continue;
      into[pascal(steps[steps.length - 1]!)] = this.scalar(target, steps[steps.length - 1]!);
    }
    return out;
  }

  private scalar(h: Handle, p: string): unknown {
    switch (h.k) {
      case "workbook":
        if (p === "name") return this.state.name;
        break;
      case "sheet": {
        const s = this.live(h.s);
        if (p === "name") return s.name;
        if (p === "id") return s.id;
        if (p === "visibility") return "Visible";
        if (p === "position") return this.state.sheets.indexOf(s);
        break;
      }
      case "protection":
        if (p === "protected") return this.live(h.s).protected;
        break;
      case "table":
        if (p === "name") return h.name;
        break;
      case "part":
        if (p === "id") return this.partXml(h.id) && h.id;
        if (p === "namespaceUri") return rootNamespace(this.partXml(h.id));
        break;
      case "areas":
        if (p === "address") return h.rects.map((r) => formatAddress(h.s.name, r)).join(",");
        if (p === "areaCount") return h.rects.length;
        if (p === "cellCount") return h.rects.reduce((a, r) => a + (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1), 0);
        break;
      case "range":
        return this.rangeScalar(h.s, h.r, p);
      case "format":
        if (p === "columnWidth") return this.live(h.s).widths.get(h.r.c1) ?? DEFAULT_WIDTH_PT;
        if (p === "rowHeight") return 15;
        break;
      case "fill":
        if (p === "color") {
          // One colour for the whole range, or null when its cells differ (as Excel).
          const s = this.live(h.s);
          const colours = new Set<string>();
          for (let r = h.r.r1; r <= Math.min(h.r.r2, h.r.r1 + 1000); r++)
            for (let c = h.r.c1; c <= Math.min(h.r.c2, h.r.c1 + 200); c++) colours.add(s.cells.get(cellKey(r, c))?.fill ?? "#FFFFFF");
          return colours.size === 1 ? [...colours][0] : null;
        }
        break;
      default:
        break;
    }
    throw new ExcelError("InvalidArgument", `Cannot load ${p} on ${h.k}.`);
  }

  private rangeScalar(sheet: FakeSheet, r: Rect, p: string): unknown {
    const s = this.live(sheet);
    const grid = (f: (c: FakeCell | undefined) => unknown) => {
      if ((r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > 5_000_000) throw new ExcelError("ResponsePayloadSizeLimitExceeded", "The range is too large to be read.");
      const out: unknown[][] = [];
      for (let i = r.r1; i <= r.r2; i++) {
        const line: unknown[] = [];
        for (let j = r.c1; j <= r.c2; j++) line.push(f(s.cells.get(cellKey(i, j))));
        out.push(line);
      }
      return out;
    };
    switch (p) {
      case "address":
        return formatAddress(s.name, r);
      case "rowIndex":
        return r.r1 - 1;
      case "columnIndex":
        return r.c1 - 1;
      case "rowCount":
        return r.r2 - r.r1 + 1;
      case "columnCount":
        return r.c2 - r.c1 + 1;
      case "cellCount":
        return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
      case "values":
        return grid((c) => (!c ? "" : c.error ? c.error : c.formula ? (c.value ?? 0) : (c.value ?? "")));
      case "formulas":
        return grid((c) => (!c ? "" : c.formula ? `=${c.formula}` : c.error ? c.error : (c.value ?? "")));
      case "numberFormat":
        return grid((c) => c?.numFmt ?? "General");
      case "valueTypes":
        return grid((c) =>
          !c
            ? "Empty"
            : c.error
              ? "Error"
              : c.formula && c.value === null
                ? "Double"
                : c.value === null
                  ? "Empty"
                  : typeof c.value === "number"
                    ? "Double"
                    : typeof c.value === "boolean"
                      ? "Boolean"
                      : "String",
        );
      case "text":
        return grid((c) => cellText(c));
      case "columnHidden": {
        let all = true;
        for (let c = r.c1; c <= r.c2 && all; c++) all = s.hiddenCols.has(c);
        return all;
      }
      case "rowHidden": {
        let all = true;
        for (let i = r.r1; i <= r.r2 && all; i++) all = s.hiddenRows.has(i);
        return all;
      }
      case "hyperlink":
        return s.hyperlinks.get(cellKey(r.r1, r.c1)) ?? null;
      case "hasSpill":
      case "savedAsArray": {
        if (newer("1.12", this.excelApi))
          throw new ExcelError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel.");
        // Excel's three states: every cell covered (true), none (false), some (null). hasSpill: dynamic arrays only.
        const arrays = (s.arrays ?? []).filter((x) => p === "savedAsArray" || x.kind === "spill");
        let covered = 0;
        for (const x of arrays) {
          const h = Math.min(r.r2, x.r2) - Math.max(r.r1, x.r1) + 1;
          const w = Math.min(r.c2, x.c2) - Math.max(r.c1, x.c1) + 1;
          if (h > 0 && w > 0) covered += h * w;
        }
        return covered === 0 ? false : covered === (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) ? true : null;
      }
      case "isEntireColumn":
        return r.r1 === 1 && r.r2 === MAX_ROWS;
      case "isEntireRow":
        return r.c1 === 1 && r.c2 === MAX_COLS;
      default:
        throw new ExcelError("InvalidArgument", `Cannot load ${p} on a range.`);
    }
  }

  private method(h: Handle, name: string, args: unknown[]): unknown {
    // Excel.run keeps the objects it tracks alive across syncs; the test host keeps no per-object state.
    if (name === "_KeepReference") return null;
    switch (`${h.k}.${name}`) {
      case "worksheets.GetCount":
        return this.state.sheets.length;
      case "sheet.Activate":
        this.state.active = this.live((h as { s: FakeSheet }).s).name;
        return null;
      case "sheet.Delete": {
        const s = this.live((h as { s: FakeSheet }).s);
        if (this.state.sheets.length === 1) throw new ExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        this.state.sheets = this.state.sheets.filter((x) => x !== s);
        return null;
      }
      case "range._ValidateArraySize": {
        // Sent by the library before a large array write: the array must match the range.
        const { r } = h as { r: Rect };
        if (Number(args[0]) !== r.r2 - r.r1 + 1 || Number(args[1]) !== r.c2 - r.c1 + 1)
          throw new ExcelError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        return null;
      }
      case "range.GetCellProperties":
        return this.cellProperties(h as { s: FakeSheet; r: Rect }, args[0] as Record<string, any>);
      case "range.Select": {
        const { s, r } = h as { s: FakeSheet; r: Rect };
        this.state.selection = formatAddress(this.live(s).name, r);
        return null;
      }
      case "range.Clear":
        this.clear(h as { s: FakeSheet; r: Rect });
        return null;
      case "range.Delete":
        this.deleteCells(h as { s: FakeSheet; r: Rect }, String(args[0]));
        return null;
      case "range.Merge":
        this.merge(h as { s: FakeSheet; r: Rect }, args[0] === true);
        return null;
      case "range.Unmerge": {
        const { s, r } = h as { s: FakeSheet; r: Rect };
        this.guard(s, r, "unmerge");
        s.merges = s.merges.filter((m) => !overlaps(m, r));
        return null;
      }
      case "range.CopyFrom":
        this.copyFormats(h as { s: FakeSheet; r: Rect }, args[0], String(args[1] ?? "All"));
        return null;
      case "format.AutofitColumns": {
        const { s, r } = h as { s: FakeSheet; r: Rect };
        this.guard(s, r, "autofit");
        for (let c = r.c1; c <= Math.min(r.c2, r.c1 + 200); c++) {
          let chars = 0;
          for (const [k, cell] of s.cells) {
            const [row, col] = splitKey(k);
            if (col === c && row >= r.r1 && row <= r.r2) chars = Math.max(chars, cellText(cell).length);
          }
          s.widths.set(c, chars ? Math.min(409, Math.round((chars * 7 + 10) * 0.75 * 100) / 100) : (s.widths.get(c) ?? DEFAULT_WIDTH_PT));
        }
        return null;
      }
      case "fill.Clear": {
        const { s, r } = h as { s: FakeSheet; r: Rect };
        this.guard(s, r, "fill");
        this.eachCell(
          s,
          r,
          (cell) => {
            delete cell.fill;
          },
          false,
        );
        return null;
      }
      case "part.GetXml":
        return this.partXml((h as { id: string }).id);
      case "part.Delete": {
        const id = (h as { id: string }).id;
        this.partXml(id);
        this.state.parts.delete(id);
        return null;
      }
      case "part.SetXml": {
        const id = (h as { id: string }).id;
        this.partXml(id);
        checkXml(String(args[0]));
        this.state.parts.set(id, String(args[0]));
        return null;
      }
      default:
        throw new ExcelError("NotImplemented", `${h.k}.${name}()`);
    }
  }

  private set(h: Handle, name: string, v: unknown): void {
    if (h.k === "range") {
      const { s, r } = h;
      if (name === "Values" || name === "Formulas") return this.setGrid(s, r, v, (cell, x) => writeInput(cell, x), true);
      if (name === "NumberFormat")
        return this.setGrid(
          s,
          r,
          v,
          (cell, x) => {
            cell.numFmt = String(x);
          },
          false,
        );
      if (name === "Hyperlink") {
        this.guard(s, r, "write");
        if (v === null) s.hyperlinks.delete(cellKey(r.r1, r.c1));
        else s.hyperlinks.set(cellKey(r.r1, r.c1), v as Excel.RangeHyperlink);
        return;
      }
    }
    if (h.k === "format" && name === "ColumnWidth") {
      this.guard(h.s, h.r, "columnWidth");
      const w = Number(v);
      if (!(w >= 0 && w <= 409 * 1.5)) throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      for (let c = h.r.c1; c <= h.r.c2; c++) h.s.widths.set(c, w);
      return;
    }
    if (h.k === "fill" && name === "Color") {
      this.guard(h.s, h.r, "fill");
      this.eachCell(
        h.s,
        h.r,
        (cell) => {
          cell.fill = String(v).toUpperCase();
        },
        true,
      );
      return;
    }
    if (h.k === "sheet" && name === "Name") {
      const s = this.live(h.s);
      const n = String(v);
      validSheetName(n);
      if (this.state.sheets.some((x) => x !== s && x.name.toLowerCase() === n.toLowerCase()))
        throw new ExcelError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
      s.name = n;
      return;
    }
    throw new ExcelError("NotImplemented", `set ${h.k}.${name}`);
  }

  // ---- cells ---------------------------------------------------------------------------------------------------

  /** Refusals common to every change: protection, then the test's own refusal hook (state.refuse). */
  private guard(sheet: FakeSheet, r: Rect, kind: string): void {
    const s = this.live(sheet);
    if (s.protected)
      throw new ExcelError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.");
    const code = this.state.refuse?.({ kind, sheet: s.name, r1: r.r1, c1: r.c1, r2: r.r2, c2: r.c2 });
    if (code) throw new ExcelError(code, `${kind} refused`);
  }

  private eachCell(s: FakeSheet, r: Rect, fn: (c: FakeCell) => void, create: boolean): void {
    const big = (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > 200_000;
    if (big || !create) {
      for (const [k, c] of s.cells) {
        const [row, col] = splitKey(k);
        if (row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2) fn(c);
      }
      if (big || !create) return;
    }
    for (let i = r.r1; i <= r.r2; i++)
      for (let j = r.c1; j <= r.c2; j++) {
        let c = s.cells.get(cellKey(i, j));
        if (!c) s.cells.set(cellKey(i, j), (c = { value: null, numFmt: "General" }));
        fn(c);
      }
  }

  private setGrid(sheet: FakeSheet, r: Rect, v: unknown, fn: (cell: FakeCell, x: unknown) => void, content: boolean): void {
    this.guard(sheet, r, "write");
    const s = sheet;
    const rows = r.r2 - r.r1 + 1;
    const cols = r.c2 - r.c1 + 1;
    // A single value is written to every cell (as Office.js allows); else the array must match the range.
    const data: unknown[][] = Array.isArray(v) ? (v as unknown[][]) : Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
    if (data.length !== rows || data.some((l) => !Array.isArray(l) || l.length !== cols))
      throw new ExcelError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    if (content) {
      // Excel keeps a merged area's content in its top-left cell and refuses content written into its other cells.
      for (const m of s.merges) {
        if (!overlaps(m, r)) continue;
        for (let i = Math.max(m.r1, r.r1); i <= Math.min(m.r2, r.r2); i++)
          for (let j = Math.max(m.c1, r.c1); j <= Math.min(m.c2, r.c2); j++) {
            if (i === m.r1 && j === m.c1) continue;
            const x = data[i - r.r1]![j - r.c1];
            if (x !== null && x !== undefined && x !== "")
              throw new ExcelError("InvalidOperation", "This operation can't be performed on part of a merged cell.");
          }
      }
    }
    if (content) {
      const written = (i: number, j: number) =>
        overlaps(r, { r1: i, c1: j, r2: i, c2: j }) && data[i - r.r1]![j - r.c1] !== null && data[i - r.r1]![j - r.c1] !== undefined;
      for (const x of s.arrays ?? []) {
        if (!overlaps(x, r)) continue;
        let some = false;
        let all = true;
        for (let i = x.r1; i <= x.r2; i++)
          for (let j = x.c1; j <= x.c2; j++)
            if (written(i, j)) some = true;
            else all = false;
        // A CSE array is changed whole or not at all; a value typed into a spill range blocks it (#SPILL!).
        if (some && x.kind === "cse" && !all) throw new ExcelError("InvalidOperation", "You can't change part of an array.");
        if (some && x.kind === "spill" && !written(x.r1, x.c1)) {
          const anchor = s.cells.get(cellKey(x.r1, x.c1));
          if (anchor) {
            anchor.value = "#SPILL!";
            anchor.error = "#SPILL!";
          }
        }
      }
    }
    data.forEach((line, i) =>
      line.forEach((x, j) => {
        if (x === null || x === undefined) return; // null leaves the cell alone
        const k = cellKey(r.r1 + i, r.c1 + j);
        let cell = s.cells.get(k);
        if (!cell) s.cells.set(k, (cell = { value: null, numFmt: "General" }));
        fn(cell, x);
      }),
    );
  }

  private cellProperties(h: { s: FakeSheet; r: Rect }, opts: Record<string, any>): unknown {
    const s = this.live(h.s);
    const font = opts?.format?.font as Record<string, boolean> | undefined;
    const fill = opts?.format?.fill as Record<string, boolean> | undefined;
    const out: unknown[][] = [];
    for (let i = h.r.r1; i <= h.r.r2; i++) {
      const line: unknown[] = [];
      for (let j = h.r.c1; j <= h.r.c2; j++) {
        const c = s.cells.get(cellKey(i, j));
        const props: Record<string, any> = {};
        if (opts?.address) props.address = formatAddress(s.name, { r1: i, c1: j, r2: i, c2: j });
        if (font || fill) props.format = {};
        if (font) {
          props.format.font = {};
          if (font.name) props.format.font.name = c?.font?.name ?? "Calibri";
          if (font.size) props.format.font.size = c?.font?.size ?? 11;
          if (font.bold) props.format.font.bold = c?.font?.bold ?? false;
        }
        if (fill) {
          props.format.fill = {};
          if (fill.color) props.format.fill.color = c?.fill ?? "#FFFFFF";
        }
        line.push(props);
      }
      out.push(line);
    }
    return out;
  }

  private clear(h: { s: FakeSheet; r: Rect }): void {
    const { s, r } = h;
    this.guard(s, r, "clear");
    for (const k of [...s.cells.keys()]) {
      const [row, col] = splitKey(k);
      if (row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2) s.cells.delete(k);
    }
    for (const k of [...s.hyperlinks.keys()]) {
      const [row, col] = splitKey(k);
      if (row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2) s.hyperlinks.delete(k);
    }
    s.merges = s.merges.filter((m) => !contains(r, m));
  }

  private merge(h: { s: FakeSheet; r: Rect }, across: boolean): void {
    const { s, r } = h;
    this.guard(s, r, "merge");
    const rows = across ? Array.from({ length: r.r2 - r.r1 + 1 }, (_, i) => ({ ...r, r1: r.r1 + i, r2: r.r1 + i })) : [r];
    for (const area of rows) {
      const touching = s.merges.filter((m) => overlaps(m, area));
      if (touching.some((m) => !contains(area, m))) throw new ExcelError("InvalidOperation", "This operation can't be performed on part of a merged cell.");
      s.merges = s.merges.filter((m) => !touching.includes(m));
      if (area.r1 === area.r2 && area.c1 === area.c2) continue;
      // Only the top-left value survives a merge.
      for (const [k, c] of s.cells) {
        const [row, col] = splitKey(k);
        if (row >= area.r1 && row <= area.r2 && col >= area.c1 && col <= area.c2 && !(row === area.r1 && col === area.c1)) {
          c.value = null;
          delete c.formula;
          delete c.error;
        }
      }
      s.merges.push({ r1: area.r1, c1: area.c1, r2: area.r2, c2: area.c2 });
    }
  }

  /** Formats of the source, tiled over the target (merged areas inside the source come along, as in Excel). */
  private copyFormats(h: { s: FakeSheet; r: Rect }, source: unknown, type: string): void {
    const { s, r } = h;
    if (type !== "Formats") throw new ExcelError("NotImplemented", `copyFrom ${type}`);
    this.guard(s, r, "copyFrom");
    if (typeof source !== "string") throw new ExcelError("NotImplemented", "copyFrom a Range object");
    const a = parseAddress(source);
    if (!a) throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    const from = a.sheet ? this.sheetByKey(a.sheet) : s;
    if (!from) throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    // Part of a merged area cannot be copied or pasted over.
    const cuts = (sh: FakeSheet, x: Rect) => sh.merges.some((m) => overlaps(m, x) && !contains(x, m));
    if (cuts(from, a) || cuts(s, r)) throw new ExcelError("InvalidOperation", "This operation can't be performed on part of a merged cell.");
    const whole = a.r1 === 1 && a.r2 === MAX_ROWS;
    const lastRow = whole ? Math.max(maxRow(from), maxRow(s)) : r.r2;
    const srcRows = a.r2 - a.r1 + 1;
    const srcCols = a.c2 - a.c1 + 1;
    for (let row = r.r1; row <= Math.min(r.r2, lastRow); row++) {
      for (let col = r.c1; col <= r.c2; col++) {
        const src = from.cells.get(cellKey(a.r1 + ((row - r.r1) % srcRows), a.c1 + ((col - r.c1) % srcCols)));
        const k = cellKey(row, col);
        let cell = s.cells.get(k);
        if (!src) {
          if (cell) {
            cell.numFmt = "General";
            delete cell.font;
            delete cell.fill;
          }
          continue;
        }
        if (!cell) s.cells.set(k, (cell = { value: null, numFmt: "General" }));
        cell.numFmt = src.numFmt;
        if (src.font) cell.font = { ...src.font };
        else delete cell.font;
        if (src.fill) cell.fill = src.fill;
        else delete cell.fill;
      }
    }
    if (whole) for (let c = r.c1; c <= r.c2; c++) s.widths.set(c, from.widths.get(a.c1 + ((c - r.c1) % srcCols)) ?? DEFAULT_WIDTH_PT);
    const inside = from.merges.filter((m) => contains(a, m) && (m.r1 !== m.r2 || m.c1 !== m.c2));
    const tilesR = whole ? 1 : Math.ceil((r.r2 - r.r1 + 1) / srcRows);
    const tilesC = Math.ceil((r.c2 - r.c1 + 1) / srcCols);
    for (const m of inside)
      for (let i = 0; i < tilesR; i++)
        for (let j = 0; j < tilesC; j++) {
          const dr = r.r1 - a.r1 + i * srcRows;
          const dc = r.c1 - a.c1 + j * srcCols;
          const moved = { r1: m.r1 + dr, c1: m.c1 + dc, r2: m.r2 + dr, c2: m.c2 + dc };
          if (contains(r, moved)) {
            s.merges = s.merges.filter((x) => !overlaps(x, moved));
            s.merges.push(moved);
          }
        }
  }

  // ---- structure ------------------------------------------------------------------------------------------------

  private insert(h: { s: FakeSheet; r: Rect }, shift: string): Handle {
    const { s, r } = h;
    if (shift !== "Right") throw new ExcelError("NotImplemented", `insert ${shift}`);
    this.guard(s, r, "insert");
    const n = r.c2 - r.c1 + 1;
    const at = r.c1;
    const wholeCols = r.r1 === 1 && r.r2 === MAX_ROWS;
    const band = (x: Rect) => x.r1 <= r.r2 && x.r2 >= r.r1;
    if (!wholeCols) {
      // Shifting part of the rows would cut a merged area or a table that spans more rows, or one the cells go into.
      for (const m of [...s.merges, ...s.tables]) {
        if (!band(m) || m.c2 < at) continue;
        if (m.r1 < r.r1 || m.r2 > r.r2 || m.c1 < at)
          throw new ExcelError("InsertDeleteConflict", "The insert or delete operation attempted resulted in a conflict.");
      }
    }
    // Cells inserted through a CSE array would change part of it.
    if ((s.arrays ?? []).some((x) => x.kind === "cse" && x.c1 < at && x.c2 >= at && x.r1 <= r.r2 && x.r2 >= r.r1))
      throw new ExcelError("InvalidOperation", "You can't change part of an array.");
    for (const k of s.cells.keys()) {
      const [row, col] = splitKey(k);
      if (col > MAX_COLS - n && (wholeCols || (row >= r.r1 && row <= r.r2)))
        throw new ExcelError("InsertDeleteConflict", "The cells would be pushed off the sheet.");
    }
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of [...s.cells]) {
      const [row, col] = splitKey(k);
      if (col >= at && (wholeCols || (row >= r.r1 && row <= r.r2))) {
        s.cells.delete(k);
        moved.set(cellKey(row, col + n), c);
      }
    }
    for (const [k, c] of moved) s.cells.set(k, c);
    const links = new Map<string, Excel.RangeHyperlink>();
    for (const [k, v] of s.hyperlinks) {
      const [row, col] = splitKey(k);
      links.set(col >= at && (wholeCols || (row >= r.r1 && row <= r.r2)) ? cellKey(row, col + n) : k, v);
    }
    s.hyperlinks = links;
    const shiftRect = <T extends Rect>(m: T): T => {
      if (!wholeCols && !(m.r1 >= r.r1 && m.r2 <= r.r2)) return m;
      if (m.c1 >= at) return { ...m, c1: m.c1 + n, c2: m.c2 + n };
      if (m.c2 >= at) return { ...m, c2: m.c2 + n }; // a whole-column insertion inside a merged area widens it
      return m;
    };
    s.merges = s.merges.map(shiftRect);
    s.tables = s.tables.map(shiftRect);
    if (s.arrays) s.arrays = s.arrays.map(shiftRect);
    if (wholeCols) {
      s.widths = new Map([...s.widths].map(([c, w]) => [c >= at ? c + n : c, w]));
      s.hiddenCols = new Set([...s.hiddenCols].map((c) => (c >= at ? c + n : c)));
    }
    const move = insertMove(s.name, wholeCols ? null : [r.r1, r.r2], at, n);
    for (const sh of this.state.sheets) for (const c of sh.cells.values()) if (c.formula) c.formula = moveRefs(c.formula, sh.name, move);
    return { k: "range", s, r: { ...r } };
  }

  private deleteCells(h: { s: FakeSheet; r: Rect }, shift: string): void {
    const { s, r } = h;
    if (shift !== "Left") throw new ExcelError("NotImplemented", `delete ${shift}`);
    this.guard(s, r, "delete");
    const n = r.c2 - r.c1 + 1;
    const at = r.c1;
    const wholeCols = r.r1 === 1 && r.r2 === MAX_ROWS;
    const band = (x: Rect) => x.r1 <= r.r2 && x.r2 >= r.r1;
    if (!wholeCols) {
      for (const m of [...s.merges, ...s.tables]) {
        if (!band(m) || m.c2 < at) continue;
        if (m.r1 < r.r1 || m.r2 > r.r2 || (m.c1 < at && m.c2 >= at) || (m.c1 <= r.c2 && m.c2 > r.c2))
          throw new ExcelError("InsertDeleteConflict", "The insert or delete operation attempted resulted in a conflict.");
      }
    }
    const inRows = (row: number) => wholeCols || (row >= r.r1 && row <= r.r2);
    const next = new Map<string, FakeCell>();
    for (const [k, c] of s.cells) {
      const [row, col] = splitKey(k);
      if (!inRows(row) || col < at) next.set(k, c);
      else if (col > r.c2) next.set(cellKey(row, col - n), c);
    }
    s.cells = next;
    const links = new Map<string, Excel.RangeHyperlink>();
    for (const [k, v] of s.hyperlinks) {
      const [row, col] = splitKey(k);
      if (!inRows(row) || col < at) links.set(k, v);
      else if (col > r.c2) links.set(cellKey(row, col - n), v);
    }
    s.hyperlinks = links;
    const shrink = <T extends Rect>(list: T[]): T[] =>
      list
        .filter((m) => !((wholeCols || (m.r1 >= r.r1 && m.r2 <= r.r2)) && m.c1 >= at && m.c2 <= r.c2))
        .map((m) => {
          if (!wholeCols && !(m.r1 >= r.r1 && m.r2 <= r.r2)) return m;
          const c1 = m.c1 < at ? m.c1 : m.c1 > r.c2 ? m.c1 - n : at;
          const c2 = m.c2 < at ? m.c2 : m.c2 > r.c2 ? m.c2 - n : at - 1;
          return { ...m, c1, c2 };
        });
    s.merges = shrink(s.merges).filter((m) => m.r1 !== m.r2 || m.c1 !== m.c2);
    s.tables = shrink(s.tables);
    if (s.arrays) s.arrays = shrink(s.arrays);
    if (wholeCols) {
      const widths = new Map<number, number>();
      for (const [c, w] of s.widths)
        if (c < at) widths.set(c, w);
        else if (c > r.c2) widths.set(c - n, w);
      s.widths = widths;
      s.hiddenCols = new Set([...s.hiddenCols].filter((c) => c < at || c > r.c2).map((c) => (c > r.c2 ? c - n : c)));
    }
    const move = deleteMove(s.name, wholeCols ? null : [r.r1, r.r2], at, n);
    for (const sh of this.state.sheets) for (const c of sh.cells.values()) if (c.formula) c.formula = moveRefs(c.formula, sh.name, move);
  }

  // ---- sheets and parts -----------------------------------------------------------------------------------------

  private addSheet(name: unknown): FakeSheet {
    let n = typeof name === "string" && name !== "" ? name : "";
    if (!n) for (let i = this.state.sheets.length + 1; !n || this.sheetByKey(n); i++) n = `Feuil${i}`;
    validSheetName(n);
    if (this.sheetByKey(n)) throw new ExcelError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
    const sheet: FakeSheet = {
      name: n,
      cells: new Map(),
      widths: new Map(),
      hiddenCols: new Set(),
      hiddenRows: new Set(),
      merges: [],
      protected: false,
      hyperlinks: new Map(),
      id: guid(this.nextId++ + 0x5000),
      tables: [],
    };
    this.state.sheets.push(sheet);
    return sheet;
  }

  private addPart(xml: string): string {
    checkXml(xml);
    const id = guid(this.state.nextPart++);
    this.state.parts.set(id, xml);
    return id;
  }

  private partXml(id: string): string {
    const xml = this.state.parts.get(id);
    if (xml === undefined) throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return xml;
  }
}

/** ExcelApi version of the calls the adapter makes that came after its minimum (1.9). */
const SINCE: Record<string, string> = { GetMergedAreasOrNullObject: "1.13" };
const newer = (v: string, than: string) => {
  const [a, b] = v.split(".").map(Number) as [number, number];
  const [x, y] = than.split(".").map(Number) as [number, number];
  return a > x || (a === x && b > y);
};

function defaultSelect(h: Handle): string[] {
  switch (h.k) {
    case "workbook":
      return ["name"];
    case "sheet":
      return ["name", "id", "visibility", "position"];
    case "protection":
      return ["protected"];
    case "part":
      return ["id", "namespaceUri"];
    case "areas":
      return ["address", "areaCount", "cellCount"];
    case "range":
      return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat", "text", "valueTypes"];
    case "format":
      return ["columnWidth"];
    case "fill":
      return ["color"];
    case "table":
      return ["name"];
    default:
      return [];
  }
}

function cellText(c: FakeCell | undefined): string {
  if (!c) return "";
  if (c.error) return c.error;
  const v = c.formula && c.value === null ? 0 : c.value;
  if (v === null) return "";
  if (typeof v === "number") return displayText(v, c.numFmt);
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  return String(v);
}

function usedRect(s: FakeSheet, valuesOnly: boolean): Rect | null {
  let r1 = Infinity,
    c1 = Infinity,
    r2 = 0,
    c2 = 0;
  for (const [k, c] of s.cells) {
    if (valuesOnly ? !isContent(c) : !isUsed(c)) continue;
    const [r, col] = splitKey(k);
    if (r < r1) r1 = r;
    if (col < c1) c1 = col;
    if (r > r2) r2 = r;
    if (col > c2) c2 = col;
  }
  return r2 ? { r1, c1, r2, c2 } : null;
}

function maxRow(s: FakeSheet): number {
  let m = 0;
  for (const k of s.cells.keys()) m = Math.max(m, splitKey(k)[0]);
  return m;
}

/** Visible cells: rectangles between hidden rows and hidden columns. */
function visibleRects(s: FakeSheet, r: Rect): Rect[] {
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
  const rows = bands(r.r1, Math.min(r.r2, r.r1 + 2_000_000), s.hiddenRows);
  const cols = bands(r.c1, r.c2, s.hiddenCols);
  return rows.flatMap(([r1, r2]) => cols.map(([c1, c2]) => ({ r1, r2, c1, c2 })));
}

function validSheetName(n: string): void {
  if (!n || n.length > 31 || /[[\]:*?/\\]/.test(n) || n.startsWith("'") || n.endsWith("'"))
    throw new ExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
}

function guid(n: number): string {
  const h = n.toString(16).toUpperCase().padStart(12, "0");
  return `{7E5A0C1D-3B2F-4C8E-9D6A-${h}}`;
}

/** Custom XML parts must be well-formed XML (Excel refuses the others). */
function checkXml(xml: string): void {
  let bad = false;
  const doc = new DOMParser({
    onError: (level: string) => {
      if (level !== "warning") bad = true;
    },
  }).parseFromString(xml, "text/xml");
  if (bad || !doc || !doc.documentElement) throw new ExcelError("InvalidArgument", "The XML is not well formed.");
}

/** The namespace URI of a part's root element (what getByNamespace matches, exactly). */
function rootNamespace(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*([^>]*)>/.exec(xml);
  if (!m) return "";
  const attr = m[1] ? new RegExp(`xmlns:${m[1]}="([^"]*)"`) : /\sxmlns="([^"]*)"/;
  return attr.exec(m[2] ?? "")?.[1] ?? "";
}
