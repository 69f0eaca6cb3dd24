// French number formatting without Intl locale data (Node builds may lack full ICU); narrow no-break space as thousands separator.
import { amountUnit } from "./unit";

export const NBSP = "\u00a0";
export const NNBSP = "\u202f";

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/**
 * An amount in thousands of euros as the sheet shows it: 38.71 -> "38,71 k€", 1250 -> "1 250 k€"; two decimals when
 * there are any, a third when the euros need it (0.001 -> "0,001 k€", a 1 € gap stays visible).
 */
export function formatKiloEuro(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const euros = Math.round(Math.abs(value) * 1000);
  const negative = value < 0 && euros > 0;
  const int = Math.floor(euros / 1000);
  const frac = euros % 1000;
  const dec = frac === 0 ? "" : "," + (frac % 10 ? String(frac).padStart(3, "0") : String(frac / 10).padStart(2, "0"));
  return (negative ? "-" : "") + groupThousands(String(int)) + dec + NBSP + "k€";
}

/**
 * 1155000 -> "1 155 000 €"; cents shown only when present (12.5 -> "12,50 €"). While a table kept in thousands of
 * euros is checked, its amounts are printed in k€, as the user reads them in the sheet.
 */
export function formatEuro(value: number): string {
  if (amountUnit() === "keur") return formatKiloEuro(value);
  if (!Number.isFinite(value)) return String(value);
  const cents = Math.round(Math.abs(value) * 100);
  const negative = value < 0 && cents > 0;
  const body = groupThousands(String(Math.floor(cents / 100))) + (cents % 100 ? "," + String(cents % 100).padStart(2, "0") : "");
  return (negative ? "-" : "") + body + NBSP + "€";
}

/** 0.5332 -> "53 %", 1.0346 -> "103 %"; digits after the comma on request. */
export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  const pct = fraction * 100;
  const fixed = Math.abs(pct).toFixed(digits);
  const [i, d] = fixed.split(".");
  const negative = pct < 0 && /[1-9]/.test(fixed);
  return (negative ? "-" : "") + groupThousands(i ?? "0") + (d ? "," + d : "") + NBSP + "%";
}

/** A name or a cell's text quoted the French way: « Synthèse », with no-break spaces inside. */
export function quoted(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

/** French spacing in our own text: a no-break space before « : », « % » and « », a narrow one before ; ! ?, and after «. */
export function typography(text: string): string {
  return text
    .replace(/ ([:%»])/g, `${NBSP}$1`)
    .replace(/ ([;!?])/g, `${NNBSP}$1`)
    .replace(/« /g, `«${NBSP}`);
}

/**
 * Tag for every French message: typography applies to the literal parts we wrote, never to the values put in them
 * (a cell's text is quoted as the user typed it).
 */
export function fr(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = typography(strings[0]!);
  for (let i = 0; i < values.length; i++) out += String(values[i]) + typography(strings[i + 1]!);
  return out;
}
