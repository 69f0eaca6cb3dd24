// The unit a recognised table's amounts are written in, read from its own words: « Moyens financiers (k€) », « en K€ »,
// « KEUR », « en milliers d'euros », or a title above the table « Montants en milliers d'euros ». Never guessed from the
// magnitudes: a small annex in euros looks like a large one in k€.
import type { SheetSnapshot } from "../model/snapshot";
import { EUROS_PER_UNIT, type AmountUnit } from "../../messages/unit";
import { norm } from "./normalize";
import type { TableLayout } from "./types";

/** Rows above the header read for a title stating the unit. */
const ROWS_ABOVE = 6;

const KILO = /(^|[^a-z0-9])k ?(€|eur|euros?)([^a-z]|$)|milliers? d'? ?(€|euros?)/;
// « (€) », « en € », « en euros », « montant en euros »: a table that says euros, which k€ words elsewhere must not overrule.
const EURO = /\( ?(€|eur|euros?) ?\)|\ben (€|eur\b|euros?\b)/;

/** What one text says of the unit: "keur", "eur" or nothing. */
export function unitStated(text: string): AmountUnit | null {
  const t = norm(text);
  if (KILO.test(t)) return "keur";
  if (EURO.test(t)) return "eur";
  return null;
}

/**
 * "keur" when the table's headers or a line just above it say thousands of euros and none says euros; "eur" when
 * they say euros; null when nothing is said (euros, as everywhere else). Headers are nearer the amounts than a title:
 * theirs is the word, unless they contradict one another.
 */
export function detectAmountUnit(sheet: SheetSnapshot, t: TableLayout): AmountUnit | null {
  const heads: string[] = Object.values(t.headers);
  const titles: string[] = [];
  const top = Math.min(...t.headerRows, t.range.r1);
  for (let row = Math.max(1, top - ROWS_ABOVE); row < top; row++) {
    const cells = sheet.cells[row - 1];
    if (!cells) continue;
    for (let col = t.range.c1; col <= Math.min(t.range.c2, cells.length); col++) {
      const v = cells[col - 1]?.value;
      if (typeof v === "string") titles.push(v);
    }
  }
  // Header cells themselves too: a header row the layout did not name (a unit written in its own cell of the header).
  for (const row of t.headerRows) {
    const cells = sheet.cells[row - 1];
    for (let col = t.range.c1; cells && col <= Math.min(t.range.c2, cells.length); col++) {
      const v = cells[col - 1]?.value;
      if (typeof v === "string") heads.push(v);
    }
  }
  const said = (texts: string[]) => new Set(texts.map(unitStated).filter((u): u is AmountUnit => u !== null));
  const inHeads = said(heads);
  // Headers saying both (« Budget prévisionnel (en €) » over « Dotation totale prévue en K€ ») say nothing: the
  // title above, the formats or the other table decide.
  if (inHeads.size === 1) {
    if (inHeads.has("eur")) return "eur";
    return said(titles).has("eur") ? "eur" : "keur";
  }
  const inTitles = said(titles);
  if (inTitles.has("eur")) return "eur";
  return inTitles.has("keur") || formatsSayKilo(sheet, t) ? "keur" : null;
}

/** The body's amounts all formatted in k€ (« #,##0.00 "k€" ») and none in euros: the workbook states its unit there. */
function formatsSayKilo(sheet: SheetSnapshot, t: TableLayout): boolean {
  const below = Math.max(...t.headerRows);
  let kilo = false;
  for (let row = below + 1; row <= t.range.r2; row++) {
    const cells = sheet.cells[row - 1];
    if (!cells) continue;
    for (let col = t.range.c1; col <= Math.min(t.range.c2, cells.length); col++) {
      const c = cells[col - 1];
      if (!c?.numFmt || typeof c.value !== "number") continue;
      const u = unitOfFormat(c.numFmt);
      if (u === "eur") return false;
      if (u === "keur") kilo = true;
    }
  }
  return kilo;
}

const formatUnits = new Map<string, AmountUnit | null>();

/**
 * The unit a number format shows: "keur" for a k€ literal on unscaled numbers, "eur" for a euro sign, or for k€ / M€
 * shown by a format that divides by a thousand (« #,##0, "k€" »: the stored amounts are euros); null when it says none.
 */
export function unitOfFormat(numFmt: string): AmountUnit | null {
  let u = formatUnits.get(numFmt);
  if (u !== undefined) return u;
  // The positive section; quoted literals and [$€-40C] currency tags read as their text.
  const section = numFmt.split(";")[0]!;
  const literal = section
    .replace(/\[\$([^-\]]*)[^\]]*\]/g, " $1 ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/"([^"]*)"/g, " $1 ")
    .replace(/\\(.)/g, "$1")
    .toLowerCase();
  const unquoted = section.replace(/"[^"]*"/g, " ").replace(/\[[^\]]*\]/g, " ");
  const scaled = /[0#?],+(?![0#?,])/.test(unquoted);
  if (/(^|[^a-z])(k|m) ?(€|eur)/.test(literal)) u = scaled ? "eur" : /(^|[^a-z])k ?(€|eur)/.test(literal) ? "keur" : null;
  else u = /€|(^|[^a-z])eur/.test(literal) ? "eur" : null;
  if (formatUnits.size > 256) formatUnits.clear();
  formatUnits.set(numFmt, u);
  return u;
}

/**
 * The unit the rules read the annex in: thousands of euros when a table says so and no table says euros (the other
 * table of the same workbook, silent, is taken to be kept the same way); euros otherwise.
 */
export function annexAmountUnit(units: Array<AmountUnit | null>): AmountUnit {
  return units.includes("keur") && !units.includes("eur") ? "keur" : "eur";
}

/** Euros per unit of each table, when one states k€ and the other euros; null when both keep one unit (or say none). */
export function unitScales(detail: AmountUnit | null, summary: AmountUnit | null): { detail: number; summary: number } | null {
  if (!detail || !summary || detail === summary) return null;
  return { detail: EUROS_PER_UNIT[detail], summary: EUROS_PER_UNIT[summary] };
}

/**
 * The euros a figure kept in thousands can be off the euros it stands for: half a unit of its last stored decimal
 * (38,71 k€ is 38 705 € to 38 715 €; 39 k€ is 38 500 € to 39 500 €). Nothing for a figure kept in euros.
 */
export function keptPrecision(value: number, eurosPerUnit: number): number {
  if (eurosPerUnit === 1 || !Number.isFinite(value)) return 0;
  const text = String(Math.abs(value));
  const decimals = text.includes("e") ? 6 : Math.min(6, (text.split(".")[1] ?? "").length);
  return 0.5 * 10 ** -decimals * eurosPerUnit;
}
