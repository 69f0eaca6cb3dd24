// Merged areas, read in parts: Excel fails to list more than 512 merged areas in one call on a range. Every area
// listed for a part covers at least one of its cells, so a part of 512 cells never lists more than 512.
import { parseRange, type Rect } from "../core/model/a1";
import type { HostRange, HostWorksheet } from "./host";

/** Cells per part: at most one merged area per cell, so never more than Excel's 512 per call. */
export const MERGE_PART_CELLS = 512;

interface MergedAreas {
  isNullObject: boolean;
  areas: { items: Array<{ address: string }> };
  load(p?: string): unknown;
}
type WithMerges = HostRange & { getMergedAreasOrNullObject?: () => MergedAreas };

export interface Area {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Parts of at most MERGE_PART_CELLS cells covering the area: bands of rows, split in columns when a row is wider. */
export function mergeParts(a: Area): Area[] {
  const out: Area[] = [];
  const cols = Math.min(a.columnCount, MERGE_PART_CELLS);
  const rows = Math.max(1, Math.floor(MERGE_PART_CELLS / cols));
  for (let r = 0; r < a.rowCount; r += rows) {
    for (let c = 0; c < a.columnCount; c += cols) {
      out.push({
        rowIndex: a.rowIndex + r,
        columnIndex: a.columnIndex + c,
        rowCount: Math.min(rows, a.rowCount - r),
        columnCount: Math.min(cols, a.columnCount - c),
      });
    }
  }
  return out;
}

/**
 * Queues the reads (nothing is read before the sync, as Excel requires) and returns what to call after it: the
 * distinct merged areas of the area, or null when the host cannot list them (ExcelApi < 1.13).
 */
export function queueMergedAreas(ws: HostWorksheet, areas: Area | Area[]): (() => Rect[]) | null {
  const parts: MergedAreas[] = [];
  for (const a of Array.isArray(areas) ? areas : [areas]) {
    for (const p of mergeParts(a)) {
      const range = ws.getRangeByIndexes(p.rowIndex, p.columnIndex, p.rowCount, p.columnCount) as WithMerges;
      if (typeof range.getMergedAreasOrNullObject !== "function") return null;
      const m = range.getMergedAreasOrNullObject();
      m.load("isNullObject,areas/items/address");
      parts.push(m);
    }
  }
  return () => {
    const seen = new Map<string, Rect>();
    for (const m of parts) {
      if (m.isNullObject) continue;
      for (const x of m.areas.items) {
        const a = x.address.slice(x.address.lastIndexOf("!") + 1).replace(/\$/g, "");
        if (!seen.has(a)) seen.set(a, parseRange(a));
      }
    }
    return [...seen.values()];
  };
}
