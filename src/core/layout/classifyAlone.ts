// The class of a cell's text read as a header on its own, remembered per distinct text: the recogniser asks it of every
// text cell of every row it scans for a header, and body cells repeat (sources, objective types, services) (issue 15).
import { classifyHeader } from "./classify";
import type { ColumnClass } from "./types";

const memo = new Map<string, ColumnClass | null>();

/** classifyHeader("", text), a fresh object each call (callers may keep or change it). */
export function classifyAlone(text: string): ColumnClass | null {
  let cls = memo.get(text);
  if (cls === undefined) {
    cls = classifyHeader("", text);
    if (memo.size > 50_000) memo.clear();
    memo.set(text, cls);
  }
  return cls && { ...cls };
}
