// Objective number and type read from a row, and national labels matched to their number.
import { NATIONAL_OBJECTIVES, type ObjectiveType } from "../catalogue/objectives";
import { normHead } from "../layout/normalize";
import type { TableView } from "../layout/view";
import { memoByText } from "../model/textMemo";
import { sameNumbering } from "./ficheKeys";

// « Objectif n° 3 : … », « Obj. 3 - … », « OBJ 3 », or in the objective column alone « 3 - … », « 3. … », « 3 ».
const NUMBERED = /^\s*(?:obj(?:ectif)?\s*\.?\s*(?:n\s*°\s*)?(\d{1,2})\b|(\d{1,2})\s*(?:$|[-–—:.)]\s*[^\d\s]|[-–—:.)]?\s*$))/i;

export function objectiveNumber(text: string | null): number | null {
  return text ? numberOfText(text) : null;
}

const numberOfText = memoByText((text: string): number | null => {
  const m = /objectif\s*(?:n\s*°\s*)?(\d{1,2})\b/i.exec(text);
  if (m) return Number(m[1]);
  const p = NUMBERED.exec(text);
  if (!p) return null;
  const n = Number(p[1] ?? p[2]);
  // A leading number is an objective only when the national catalogue has one so numbered.
  return NATIONAL_OBJECTIVES.some((o) => o.n === n) ? n : null;
});

export function objectiveType(text: string | null): ObjectiveType | null {
  return text ? typeOfText(text) : null;
}

const typeOfText = memoByText((text: string): ObjectiveType | null => {
  const t = normHead(text, 40);
  if (/fondamental/.test(t)) return "fondamental";
  if (/facultatif/.test(t)) return "facultatif";
  return null;
});

const labelKey = (t: string) =>
  normHead(t.replace(/^\s*(?:obj(?:ectif)?\s*\.?\s*(?:n\s*°\s*)?)?\d{1,2}\s*[:.)–—-]?\s*/i, ""), 400)
    .replace(/[^a-z0-9 ]/g, "")
    .replace(/\s+/g, " ");
const LABELS = NATIONAL_OBJECTIVES.map((o) => ({ n: o.n, key: labelKey(o.label) }));

/** The one national objective whose label this text matches (on 40 characters or the whole label); ambiguous -> null. */
export function objectiveByLabel(text: string | null): number | null {
  return text ? byLabelOfText(text) : null;
}

const byLabelOfText = memoByText((text: string): number | null => {
  const key = labelKey(text);
  if (key.length < 15) return null;
  const hits = LABELS.filter((l) => {
    const len = Math.min(key.length, l.key.length, 40);
    return len >= 15 && key.slice(0, len) === l.key.slice(0, len) && (len === 40 || len === l.key.length || len === key.length);
  });
  return hits.length === 1 ? hits[0]!.n : null;
});

export interface ObjectiveEntry {
  /** Where the objective is written (the fiche's first row when it has none). */
  row: number;
  /** Where its type is written (the objective's row when it has none). */
  typeRow: number;
  fiche: string | null;
  n: number | null;
  type: ObjectiveType | null;
  text: string | null;
  typeText: string | null;
}

/**
 * The objectives of each fiche of the detail table, read from all its rows: a fiche spread over several rows may write
 * its objective on any of them and its type on another. Each distinct objective text is one entry with its row's type.
 * A fiche with no objective text gives one entry with n null.
 */
// Four rules read the objectives of one check: read once per table view.
const objectivesMemo = new WeakMap<TableView, ObjectiveEntry[]>();

export function detailObjectives(v: TableView): ObjectiveEntry[] {
  const memo = objectivesMemo.get(v);
  if (memo) return memo;
  const out: ObjectiveEntry[] = [];
  objectivesMemo.set(v, out);
  const oc = v.col("objective");
  const tc = v.col("objectiveType");
  v.rowsByFiche().forEach((rows, fiche) => {
    // An objective merged down over its fiches is each one's; a type stays where typed (its finding points at one cell).
    // Plain loops (10 000 fiches, most on one row): the first typed row, and whether every typed row says the same.
    type Read = { row: number; text: string | null; typeText: string | null };
    let firstTyped: Read | undefined;
    let soleKind: string | undefined;
    let oneKind = true;
    const objectives: Read[] = [];
    for (const row of rows) {
      const c = { row, text: v.mergedText(row, oc), typeText: v.text(row, tc) };
      if (c.typeText) {
        const kind = objectiveType(c.typeText) ?? c.typeText;
        if (!firstTyped) {
          firstTyped = c;
          soleKind = kind;
        } else if (kind !== soleKind) oneKind = false;
      }
      if (c.text && !objectives.some((o) => o.text === c.text)) objectives.push(c);
    }
    const soleType = firstTyped && oneKind ? firstTyped : undefined;
    if (!objectives.length) {
      out.push({
        row: rows[0]!,
        typeRow: soleType?.row ?? rows[0]!,
        fiche,
        n: null,
        type: objectiveType(soleType?.typeText ?? null),
        text: null,
        typeText: soleType?.typeText ?? null,
      });
      return;
    }
    for (const o of objectives) {
      // An untyped objective takes the fiche's type only when it is the fiche's one objective (a further objective
      // on a continuation row, untyped, is not the first row's type).
      const t = o.typeText ? o : objectives.length === 1 ? soleType : undefined;
      out.push({
        row: o.row,
        typeRow: t?.row ?? o.row,
        fiche,
        n: objectiveNumber(o.text),
        type: objectiveType(t?.typeText ?? null),
        text: o.text,
        typeText: t?.typeText ?? null,
      });
    }
  });
  return out;
}

/**
 * A detail table that types each fiche's objective but names it only in the summary (« Objectif national » per fiche):
 * each detail fiche's type with the summary's objective for the same fiche. A fiche the summary leaves blank, or names
 * two objectives for, gives no number.
 */
export function objectivesFromSummary(d: TableView, s: TableView): ObjectiveEntry[] {
  const oc = s.col("objectif");
  const tc = d.col("objectiveType");
  if (oc === undefined || tc === undefined) return [];
  const summaryRows = s.rowsByFiche();
  const keyOf = sameNumbering(d.rowsByFiche().keys(), summaryRows.keys());
  const textOf = new Map<string, string | null>();
  for (const [fiche, rows] of summaryRows) {
    const texts = new Set(rows.map((r) => s.mergedText(r, oc)).filter((t): t is string => !!t));
    textOf.set(keyOf(fiche), texts.size === 1 ? [...texts][0]! : null);
  }
  const out: ObjectiveEntry[] = [];
  d.rowsByFiche().forEach((rows, fiche) => {
    const typed = rows.map((row) => ({ row, typeText: d.text(row, tc) })).filter((x) => x.typeText);
    const kinds = new Set(typed.map((x) => objectiveType(x.typeText) ?? x.typeText));
    const t = typed.length && kinds.size === 1 ? typed[0]! : undefined;
    const text = textOf.get(keyOf(fiche)) ?? null;
    out.push({
      row: rows[0]!,
      typeRow: t?.row ?? rows[0]!,
      fiche,
      n: objectiveNumber(text),
      type: objectiveType(t?.typeText ?? null),
      text,
      typeText: t?.typeText ?? null,
    });
  });
  return out;
}
