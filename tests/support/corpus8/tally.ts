/**
 * The product run on corpus8 as a controller runs it: corpus7's runner and tally (tests/support/corpus7/tally.ts) on
 * corpus8's own composer, so both corpora are judged and printed the same way.
 */
import * as c7 from "../corpus7/tally";
import { composeAnnex } from "./compose";

export { annexBytes, byRule, found, judge, runDecoy, Tally, type SeedOutcome } from "../corpus7/tally";
export const runSeed = (seed: number, dir?: string) => c7.runSeed(seed, dir, composeAnnex);
export const measure = (seeds: number[], decoySeed = 1) => c7.measure(seeds, decoySeed, composeAnnex);
