// The unit a table's amounts are written in. Some départements keep the annex in thousands of euros (38,71 for
// 38 710 €): messages must print the amount as the sheet shows it, and print rounding is 1 € whatever the unit.
// Kept here, not in the core, because the texts may import nothing at run time from the core; the core reads it.
export type AmountUnit = "eur" | "keur";

/** Euros in one unit of the table. */
export const EUROS_PER_UNIT: Record<AmountUnit, number> = { eur: 1, keur: 1000 };

let current: AmountUnit = "eur";

/** The unit of the amounts being checked (euros outside a check's run). */
export function amountUnit(): AmountUnit {
  return current;
}

/**
 * Runs `fn` with the amounts read in `unit`: rules and their messages call plain helpers (compareAmounts, formatEuro)
 * that read it here rather than through every signature. Synchronous and restored in a finally, so nothing leaks.
 */
export function withAmountUnit<T>(unit: AmountUnit, fn: () => T): T {
  const before = current;
  current = unit;
  try {
    return fn();
  } finally {
    current = before;
  }
}
