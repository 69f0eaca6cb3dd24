import { generateAnnex } from "./build";
import { faultFound, falseFindings, isLayoutIncomplete, judgeReading, rejected } from "./evaluate";
import { faultForSeed, injectFault } from "./faults";
import { generateLookalike, LOOKALIKE_KINDS } from "./lookalikes";
import { checkBytes } from "./run";
import { writeXlsx } from "./xlsx";

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

/** The product's figures on these seeds (clean annex, its faulty copy) and one look-alike of each kind. */
export async function measure(seeds: number[], lookalikeSeed = 1): Promise<Figures> {
  const f: Figures = {
    annexes: 0,
    readRight: 0,
    readRightRuleRoles: 0,
    falseErrors: 0,
    falseWarnings: 0,
    flooding: 0,
    faultsFound: 0,
    lookalikes: 0,
    lookalikesRejected: 0,
  };
  for (const seed of seeds) {
    const a = generateAnnex(seed);
    const r = await checkBytes(writeXlsx(a.grid, a.opts), `annex-${seed}.xlsx`);
    const v = judgeReading(a, r);
    f.annexes++;
    if (v.readRight) f.readRight++;
    if (v.readRightRuleRoles) f.readRightRuleRoles++;
    const ff = falseFindings(r);
    f.falseErrors += ff.filter((x) => x.severity === "error").length;
    f.falseWarnings += ff.filter((x) => x.severity === "warning").length;
    if (!v.readRightRuleRoles && ff.some((x) => !isLayoutIncomplete(x))) f.flooding++;
    const { grid, fault } = injectFault(a, faultForSeed(a), seed);
    if (faultFound(fault, await checkBytes(writeXlsx(grid, a.opts), `faulty-${seed}.xlsx`))) f.faultsFound++;
  }
  for (const kind of LOOKALIKE_KINDS) {
    const r = await checkBytes(
      writeXlsx(generateLookalike(kind, lookalikeSeed), { sharedStrings: false, styles: "formats", sharedFormulas: false }),
      `lookalike-${kind}.xlsx`,
    );
    f.lookalikes++;
    if (rejected(r)) f.lookalikesRejected++;
  }
  return f;
}
