// How many decimals a percent format shows: the rate check compares at that precision, fill and the pane print at it.

/** Decimals a percent format shows: "0%" -> 0, "0.00%" -> 2. */
export function percentDecimals(numFmt: string | undefined): number {
  const m = /0\.(0+)%/.exec(numFmt ?? "");
  return m ? m[1]!.length : 0;
}
