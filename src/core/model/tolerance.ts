// Print rounding: a total within 1 € of its rows hides cents (the "# ##0 €" format shows none). Info, never an error.
export const ROUNDING_EUR = 1;
/** Below half a cent two amounts are the same number (float noise). */
export const EPS = 0.005;

export type Comparison = "equal" | "rounding" | "different";

export function compareAmounts(expected: number, actual: number): Comparison {
  const d = Math.abs(expected - actual);
  if (d <= EPS) return "equal";
  if (d <= ROUNDING_EUR + EPS) return "rounding";
  return "different";
}
