import { amountUnit, EUROS_PER_UNIT } from "../../messages/unit";

// Print rounding: a total within 1 € of its rows hides cents (the "# ##0 €" format shows none). Info, never an error.
export const ROUNDING_EUR = 1;
/** Below half a cent two amounts are the same number (float noise). */
export const EPS = 0.005;

/** 1 € in the unit of the amounts being checked (0,001 in a table kept in k€): a k€ fault of 0,5 is 500 €, not rounding. */
export function roundingTolerance(): number {
  return ROUNDING_EUR / EUROS_PER_UNIT[amountUnit()];
}

export type Comparison = "equal" | "rounding" | "different";

export function compareAmounts(expected: number, actual: number): Comparison {
  const scale = EUROS_PER_UNIT[amountUnit()];
  const eps = EPS / scale;
  const d = Math.abs(expected - actual);
  if (d <= eps) return "equal";
  if (d <= ROUNDING_EUR / scale + eps) return "rounding";
  return "different";
}
