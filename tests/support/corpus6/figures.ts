import { generateAnnex } from "./build";
import { faultForSeed, injectFault } from "./faults";
import { generateLookalike, LOOKALIKE_KINDS } from "./lookalikes";
import { writeXlsx } from "./xlsx";
import { type Figures, measureCases } from "../verdicts/figures";

export type { Figures };

/** The product's figures on these seeds (clean annex, its faulty copy) and one look-alike of each kind. */
export function measure(seeds: number[], lookalikeSeed = 1): Promise<Figures> {
  return measureCases(
    seeds,
    async (seed) => {
      const a = generateAnnex(seed);
      const { grid, fault } = injectFault(a, faultForSeed(a), seed);
      return { truth: a, clean: writeXlsx(a.grid, a.opts), faulty: writeXlsx(grid, a.opts), fault };
    },
    LOOKALIKE_KINDS.map((kind) => ({
      kind,
      bytes: async () => writeXlsx(generateLookalike(kind, lookalikeSeed), { sharedStrings: false, styles: "formats", sharedFormulas: false }),
    })),
  );
}
