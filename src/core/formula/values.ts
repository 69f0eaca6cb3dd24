// What a formula's parts evaluate to, and Excel's coercions between them. "Unknown" is its own value: whatever the
// evaluator cannot reproduce exactly (locale-dependent text, unsupported functions, cycles) is never taken for 0.
import type { ErrorValue } from "../model/snapshot";

export interface Unknown {
  readonly unknown: true;
}
export const UNKNOWN: Unknown = Object.freeze({ unknown: true as const });

/** A cell's content as formulas see it; null is a blank cell. */
export type Scalar = number | string | boolean | ErrorValue | null;

/** A rectangle of cells, on a sheet given by its index in the workbook. */
export interface Area {
  readonly area: true;
  sheet: number;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type Value = Scalar | Area | Unknown;

export const isUnknown = (v: unknown): v is Unknown => v === UNKNOWN;
export const isArea = (v: unknown): v is Area => typeof v === "object" && v !== null && "area" in v;
export const isErr = (v: unknown): v is ErrorValue => typeof v === "object" && v !== null && "error" in v;

const ERRORS = new Map<string, ErrorValue>();
export function err(code: string): ErrorValue {
  let e = ERRORS.get(code);
  if (!e) {
    e = Object.freeze({ error: code });
    ERRORS.set(code, e);
  }
  return e;
}
export const DIV0 = err("#DIV/0!");
export const VALUE = err("#VALUE!");
export const NA = err("#N/A");
export const NUM = err("#NUM!");

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;
const HAS_DIGIT = /\d/;

/**
 * Text read as a number the way arithmetic does. Plain numbers only: text such as "1 155 000 €" or "01/02/2022"
 * converts or not depending on the user's regional settings, so its value is unknown rather than #VALUE!.
 */
export function textToNumber(s: string): number | ErrorValue | Unknown {
  const t = s.trim();
  if (PLAIN_NUMBER.test(t)) return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  return HAS_DIGIT.test(t) ? UNKNOWN : VALUE;
}

export function toNumber(v: Scalar | Unknown): number | ErrorValue | Unknown {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return textToNumber(v);
  return v;
}

/** A number as text joins it (=A1&"") and General shows it: at most 15 significant digits. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  const s = String(p);
  if (!s.includes("e")) return s;
  return s.replace(/e([+-])(\d)$/, "E$10$2").replace("e", "E");
}

export function toText(v: Scalar | Unknown): string | ErrorValue | Unknown {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

export function toBool(v: Scalar | Unknown): boolean | ErrorValue | Unknown {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (typeof v === "string") {
    const u = v.trim().toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return VALUE;
  }
  return v;
}

const typeRank = (v: number | string | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

/** Excel's ordering: numbers < text < booleans; text without regard to case; a blank is 0, "" or FALSE beside its peer. */
export function compareScalars(a: number | string | boolean | null, b: number | string | boolean | null): number {
  const x = a === null ? (b === null ? 0 : typeof b === "number" ? 0 : typeof b === "string" ? "" : false) : a;
  const y = b === null ? (typeof x === "number" ? 0 : typeof x === "string" ? "" : false) : b;
  const rx = typeRank(x);
  const ry = typeRank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === "string") {
    const lx = x.toLowerCase();
    const ly = (y as string).toLowerCase();
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  }
  const nx = Number(x);
  const ny = Number(y);
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

/** Excel's ROUND family works on the decimal the number shows (ROUND(2.675;2) = 2.68), not on its binary expansion. */
export function roundTo(x: number, digits: number, mode: "near" | "up" | "down"): number {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const scaled = d >= 0 ? Math.abs(x) * 10 ** d : Math.abs(x) / 10 ** -d;
  const clean = Number(scaled.toPrecision(15));
  const r = mode === "near" ? Math.floor(clean + 0.5) : mode === "up" ? Math.ceil(clean) : Math.floor(clean);
  const back = d >= 0 ? r / 10 ** d : r * 10 ** -d;
  return sign * back || 0;
}
