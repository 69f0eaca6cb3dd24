// The class of a cell's text read as a header on its own, remembered per distinct text: the recogniser asks it of every
// text cell of every row it scans for a header, and body cells repeat (sources, objective types, services) (issue 15).
import { memoByText } from "../model/textMemo";
import { classifyHeader } from "./classify";
import type { ColumnClass } from "./types";

const classified = memoByText((text) => classifyHeader("", text), 50_000);

/** classifyHeader("", text), a fresh object each call (callers may keep or change it). */
export function classifyAlone(text: string): ColumnClass | null {
  const cls = classified(text);
  return cls && { ...cls };
}
