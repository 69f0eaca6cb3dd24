// French number formatting without Intl locale data (Node builds may lack full ICU); narrow no-break space as thousands separator.
const NNBSP = "\u202f";

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/** 1155000 -> "1 155 000 €"; cents shown only when present (12.5 -> "12,50 €"). */
export function formatEuro(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  const abs = Math.abs(value);
  const cents = Math.round(abs * 100) % 100;
  const euros = Math.floor(Math.round(abs * 100) / 100);
  const body = groupThousands(String(euros)) + (cents ? "," + String(cents).padStart(2, "0") : "");
  return (negative ? "-" : "") + body + "\u00a0€";
}

/** 0.5332 -> "53 %", 1.0346 -> "103 %"; digits after the comma on request. */
export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  const pct = fraction * 100;
  const fixed = Math.abs(pct).toFixed(digits);
  const [i, d] = fixed.split(".");
  return (pct < 0 ? "-" : "") + groupThousands(i ?? "0") + (d ? "," + d : "") + "\u00a0%";
}
