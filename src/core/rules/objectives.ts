// Objective number and type read from a row, and national labels matched to their number.
import { NATIONAL_OBJECTIVES, type ObjectiveType } from "../catalogue/objectives";
import { normHead } from "../layout/normalize";
import type { TableView } from "../layout/view";

export function objectiveNumber(text: string | null): number | null {
  if (!text) return null;
  const m = /objectif\s*(?:n\s*°\s*)?(\d{1,2})\b/i.exec(text);
  return m ? Number(m[1]) : null;
}

export function objectiveType(text: string | null): ObjectiveType | null {
  if (!text) return null;
  const t = normHead(text, 40);
  if (/fondamental/.test(t)) return "fondamental";
  if (/facultatif/.test(t)) return "facultatif";
  return null;
}

const labelKey = (t: string) => normHead(t.replace(/^\s*objectif\s*(?:n\s*°\s*)?\d{1,2}\s*[:.-]?\s*/i, ""), 400).replace(/[^a-z0-9 ]/g, "").replace(/\s+/g, " ");
const LABELS = NATIONAL_OBJECTIVES.map((o) => ({ n: o.n, key: labelKey(o.label) }));

/** The one national objective whose label this text matches (on 40 characters or the whole label); ambiguous -> null. */
export function objectiveByLabel(text: string | null): number | null {
  if (!text) return null;
  const key = labelKey(text);
  if (key.length < 15) return null;
  const hits = LABELS.filter((l) => {
    const len = Math.min(key.length, l.key.length, 40);
    return len >= 15 && key.slice(0, len) === l.key.slice(0, len) && (len === 40 || len === l.key.length || len === key.length);
  });
  return hits.length === 1 ? hits[0]!.n : null;
}

export interface ObjectiveEntry { row: number; fiche: string | null; n: number | null; type: ObjectiveType | null; text: string | null; typeText: string | null }

export function detailObjectives(v: TableView): ObjectiveEntry[] {
  const out: ObjectiveEntry[] = [];
  for (const r of v.dataRows()) {
    const text = v.text(r.row, v.col("objective"));
    const typeText = v.text(r.row, v.col("objectiveType"));
    if (!text && !typeText && r.kind !== "fiche") continue;
    out.push({ row: r.row, fiche: r.fiche ?? r.continuationOf, n: objectiveNumber(text), type: objectiveType(typeText), text, typeText });
  }
  return out;
}
