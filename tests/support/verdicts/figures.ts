import { faultFound, falseFindings, isLayoutIncomplete, judgeReading, rejected, type FaultAt, type Truth } from "./evaluate";
import { checkBytes } from "./run";

export interface Figures {
  annexes: number;
  readRight: number;
  readRightRuleRoles: number;
  falseErrors: number;
  falseWarnings: number;
  flooding: number;
  faultsFound: number;
  lookalikes: number;
  lookalikesRejected: number;
}

/** Every figure at zero: the one starting point of each corpus's tally. */
export const emptyFigures = (): Figures => ({
  annexes: 0,
  readRight: 0,
  readRightRuleRoles: 0,
  falseErrors: 0,
  falseWarnings: 0,
  flooding: 0,
  faultsFound: 0,
  lookalikes: 0,
  lookalikesRejected: 0,
});

/** One seed of a corpus: its truth, the clean workbook and its faulty copy. */
export interface SeedCase {
  truth: Truth;
  clean: Uint8Array;
  faulty: Uint8Array;
  fault: FaultAt;
}

/** The product's figures on these seeds (clean annex, its faulty copy) and on these look-alikes, built one at a time. */
export async function measureCases(
  seeds: number[],
  makeCase: (seed: number) => Promise<SeedCase>,
  lookalikes: { kind: string; bytes: () => Promise<Uint8Array> }[],
): Promise<Figures> {
  const f = emptyFigures();
  for (const seed of seeds) {
    const c = await makeCase(seed);
    const r = await checkBytes(c.clean, `annex-${seed}.xlsx`);
    const v = judgeReading(c.truth, r);
    f.annexes++;
    if (v.readRight) f.readRight++;
    if (v.readRightRuleRoles) f.readRightRuleRoles++;
    const ff = falseFindings(r);
    f.falseErrors += ff.filter((x) => x.severity === "error").length;
    f.falseWarnings += ff.filter((x) => x.severity === "warning").length;
    if (!v.readRightRuleRoles && ff.some((x) => !isLayoutIncomplete(x))) f.flooding++;
    if (faultFound(c.fault, await checkBytes(c.faulty, `faulty-${seed}.xlsx`))) f.faultsFound++;
  }
  for (const l of lookalikes) {
    const r = await checkBytes(await l.bytes(), `lookalike-${l.kind}.xlsx`);
    f.lookalikes++;
    if (rejected(r)) f.lookalikesRejected++;
  }
  return f;
}
