// Merged areas read within Excel's limit: getMergedAreasOrNullObject fails (and with it the whole batch) when a range
// meets more than 512 merged areas. Merged areas do not overlap, so a block of at most 512 cells meets at most 512 of
// them: the range is read in such blocks (bands of rows, cut in columns when wider than 512), in the same round trip;
// an area met by two blocks is counted once.
import { parseRange } from "../core/model/a1";
import type { HostRange, HostWorksheet } from "./host";

export const MAX_MERGED_AREAS = 512;

interface MergedAreas { isNullObject: boolean; areas: { items: Array<{ address: string }> }; load(p?: string): unknown }
type Rect = { r1: number; c1: number; r2: number; c2: number };

/** Queues the reads (nothing is read before the sync); the function returned gives the areas once synced. */
export function queueMergedAreas(ws: HostWorksheet, area: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): (() => Rect[]) | null {
  const cols = Math.min(Math.max(1, area.columnCount), MAX_MERGED_AREAS);
  const rowsPerBand = Math.max(1, Math.floor(MAX_MERGED_AREAS / cols));
  const bands: MergedAreas[] = [];
  for (let r = 0; r < area.rowCount; r += rowsPerBand) {
    for (let c = 0; c < Math.max(1, area.columnCount); c += cols) {
      const range = ws.getRangeByIndexes(area.rowIndex + r, area.columnIndex + c, Math.min(rowsPerBand, area.rowCount - r), Math.min(cols, Math.max(1, area.columnCount) - c)) as HostRange & { getMergedAreasOrNullObject?: () => MergedAreas };
      // A host without merged areas (the plain test host before 1.13 is not one): nothing to read.
      if (typeof range.getMergedAreasOrNullObject !== "function") return null;
      const m = range.getMergedAreasOrNullObject();
      m.load("isNullObject,areas/items/address");
      bands.push(m);
    }
  }
  return () => {
    const seen = new Map<string, Rect>();
    for (const m of bands) {
      if (m.isNullObject) continue;
      for (const a of m.areas.items) {
        const address = a.address.slice(a.address.lastIndexOf("!") + 1);
        if (!seen.has(address)) seen.set(address, parseRange(address));
      }
    }
    return [...seen.values()];
  };
}
