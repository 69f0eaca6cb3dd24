/**
 * corpus7 (docs/corpus7.md): a sixth independent corpus of annexes. Its own arithmetic proves every clean annex
 * consistent (so any error or warning on it is false) and every fault real; the product's figures on twelve seeds are
 * ratchets: they may only get better.
 */
import { composeAnnex } from "../support/corpus7/compose";
import { CORPUS7_FEATURES, describeGenerator, describeRatchets, type Ratchet } from "../support/corpusMachineryTests";
import { measure } from "../support/corpus7/tally";

describeGenerator("corpus7", composeAnnex, CORPUS7_FEATURES);

// The product on twelve corpus7 seeds (six misread today: 1, 2, 4, 5, 7, 8; six read right: 3, 9, 28, 33, 55, 70) and
// one look-alike of each kind: ratchets at what the engine achieves today, they may only get better. Seeds change
// meaning when the generator changes: measure again then (`npm run corpus7 -- --seed S` shows one).
const RATCHET_SEEDS = [1, 2, 4, 5, 7, 8, 3, 9, 28, 33, 55, 70];
// Measured at branch c7's base 3308f54: 6/12 read right (rule roles), 0 false errors, 12 false warnings (8
// total-formula on seed 33, whose engagement sub-totals are not recognised in the summary, 4 layout-incomplete on seeds
// 1, 4, 7; seeds 2, 5, 8 are misread without a word), no flooding, 10/12 faults found, 9/9 look-alikes rejected.
// Lowered false warnings after the merge (sub-totals « S/T Engagement n », one total-formula per row and cause): 4
// (layout-incomplete on misread seeds).
// Raised after the vocabulary families (own funds in services' words, modalités / mesure / budget / source / label /
// gap families, objective type read by its values, « Action n° » fiche headers): 12/12 read right, no false finding,
// 12/12 faults found.
const RATCHET: Ratchet = { readRightRuleRoles: 12, falseErrors: 0, falseWarnings: 0, flooding: 0, faultsFound: 12, lookalikesRejected: 9 };

describeRatchets("corpus7", measure, RATCHET_SEEDS, RATCHET);
