// The subset of Office.js the adapter uses. The adapter and the test fake are written against these interfaces;
// the assignments at the bottom make the build fail if @types/office-js stops matching them (no silent drift).
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface HostClientResult<T> {
  value: T;
}

export interface HostRangeFormat {
  columnWidth: number;
  fill: { color: string; clear(): void };
  load?(propertyNames?: string | string[]): unknown;
  autofitColumns(): void;
}

/** Several areas of one sheet (visible cells): `address` lists them, comma-separated. */
export interface HostRangeAreas {
  isNullObject: boolean;
  address: string;
  load(propertyNames?: string | string[]): HostRangeAreas;
}

/** Excel tables (ListObjects) overlapping a range. */
export interface HostTableScopedCollection {
  items: Array<{ name: string }>;
  load(propertyNames?: string | string[]): HostTableScopedCollection;
}

export interface HostRange {
  isNullObject: boolean;
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: any[][];
  valueTypes: Excel.RangeValueType[][];
  formulas: any[][];
  text: string[][];
  numberFormat: any[][];
  columnHidden: boolean;
  rowHidden: boolean;
  format: HostRangeFormat;
  hyperlink: Excel.RangeHyperlink;
  load(propertyNames?: string | string[]): HostRange;
  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): HostClientResult<Excel.CellProperties[][]>;
  insert(shift: "Right"): HostRange;
  delete(shift: "Left"): void;
  select(): void;
  copyFrom(sourceRange: string | HostRange, copyType?: "Formats"): void;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(): void;
  getSpecialCellsOrNullObject(cellType: "Visible"): HostRangeAreas;
  /** ExcelApi 1.12: true when every cell has a spill border, false when none has, null when some do. */
  hasSpill: boolean | null;
  /** ExcelApi 1.12: true when every cell belongs to an array formula (CSE or dynamic), false when none, null when some. */
  savedAsArray: boolean | null;
  getTables(fullyContained?: boolean): HostTableScopedCollection;
}

export interface HostProtection {
  protected: boolean;
  load(propertyNames?: string | string[]): HostProtection;
}

export interface HostWorksheet {
  isNullObject: boolean;
  name: string;
  id: string;
  visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  protection: HostProtection;
  load(propertyNames?: string | string[]): HostWorksheet;
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange;
  getRange(address?: string): HostRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange;
  getNextOrNullObject(visibleOnly?: boolean): HostWorksheet;
  activate(): void;
  delete(): void;
}

export interface HostWorksheetCollection {
  getFirst(visibleOnly?: boolean): HostWorksheet;
  getItem(key: string): HostWorksheet;
  getItemOrNullObject(key: string): HostWorksheet;
  add(name?: string): HostWorksheet;
  getCount(visibleOnly?: boolean): HostClientResult<number>;
}

export interface HostCustomXmlPart {
  id: string;
  getXml(): HostClientResult<string>;
  delete(): void;
  load(propertyNames?: string | string[]): HostCustomXmlPart;
}

export interface HostCustomXmlPartScopedCollection {
  items: HostCustomXmlPart[];
  load(propertyNames?: string | string[]): HostCustomXmlPartScopedCollection;
}

export interface HostCustomXmlPartCollection {
  add(xml: string): HostCustomXmlPart;
  getItem(id: string): HostCustomXmlPart;
  getByNamespace(namespaceUri: string): HostCustomXmlPartScopedCollection;
}

export interface HostWorkbook {
  name: string;
  worksheets: HostWorksheetCollection;
  customXmlParts: HostCustomXmlPartCollection;
  load(propertyNames?: string | string[]): HostWorkbook;
}

export interface HostContext {
  workbook: HostWorkbook;
  sync(): Promise<void>;
}

/** Runs a batch against Excel (Excel.run in the add-in, the fake in tests). */
export type HostRunner = <T>(batch: (ctx: HostContext) => Promise<T>) => Promise<T>;

// Drift checks: compile-time only. If Office.js renames or retypes a member used above, these stop compiling.
export const hostTypeChecks = {
  rangeMembers: (r: Excel.Range) => {
    const members: Pick<
      HostRange,
      | "values"
      | "formulas"
      | "text"
      | "numberFormat"
      | "valueTypes"
      | "address"
      | "rowIndex"
      | "columnIndex"
      | "rowCount"
      | "columnCount"
      | "isNullObject"
      | "hyperlink"
      | "columnHidden"
      | "rowHidden"
    > = r;
    const fmt: Pick<HostRangeFormat, "columnWidth"> = r.format;
    const fill: HostRangeFormat["fill"] = r.format.fill;
    const props: HostClientResult<Excel.CellProperties[][]> = r.getCellProperties({ format: { font: { name: true } } });
    const ins: Excel.Range = r.insert("Right");
    r.delete("Left");
    r.copyFrom("A1", "Formats");
    r.merge(false);
    r.unmerge();
    r.clear();
    const visible: Pick<HostRangeAreas, "address" | "isNullObject"> = r.getSpecialCellsOrNullObject("Visible");
    r.select();
    r.format.autofitColumns();
    const arrays: Pick<HostRange, "hasSpill" | "savedAsArray"> = r;
    const tables: Array<{ name: string }> = r.getTables(false).load("items/name").items;
    return [members, fmt, fill, props, ins, visible, arrays, tables];
  },
  worksheet: (w: Excel.Worksheet) => {
    const members: Pick<HostWorksheet, "name" | "id" | "isNullObject" | "visibility"> = w;
    const prot: Pick<HostProtection, "protected"> = w.protection;
    const used: Excel.Range = w.getUsedRangeOrNullObject(false);
    const next: Excel.Worksheet = w.getNextOrNullObject(false);
    const byIdx: Excel.Range = w.getRangeByIndexes(0, 0, 1, 1);
    w.activate();
    w.delete();
    return [members, prot, used, next, byIdx];
  },
  workbook: (wb: Excel.Workbook) => {
    const name: string = wb.name;
    const first: Excel.Worksheet = wb.worksheets.getFirst(false);
    const item: Excel.Worksheet = wb.worksheets.getItemOrNullObject("x");
    const added: Excel.Worksheet = wb.worksheets.add("x");
    const count: HostClientResult<number> = wb.worksheets.getCount(false);
    const part: Excel.CustomXmlPart = wb.customXmlParts.add("<a/>");
    const parts: Excel.CustomXmlPartScopedCollection = wb.customXmlParts.getByNamespace("urn:x");
    const one: Excel.CustomXmlPart = wb.customXmlParts.getItem("id").load("id");
    const ids: Array<Pick<HostCustomXmlPart, "id">> = parts.items;
    const xml: HostClientResult<string> = part.getXml();
    part.delete();
    return [name, first, item, added, count, ids, xml, one];
  },
  context: (c: Excel.RequestContext): Pick<HostContext, "sync"> => c,
};
