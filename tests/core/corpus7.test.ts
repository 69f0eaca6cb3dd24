/**
 * corpus7 (docs/corpus7.md): a sixth independent corpus of annexes. Its own arithmetic proves every clean annex
 * consistent (so any error or warning on it is false) and every fault real; the product's figures on twelve seeds are
 * ratchets: they may only get better.
 */
import { composeAnnex } from "../support/corpus7/compose";
import { describeGenerator, describeRatchets, type Ratchet } from "../support/corpus7/generatorTests";
import { measure } from "../support/corpus7/tally";

const FEATURES = [
  "everything varied",
  "only varied",
  "detail header on 1 row(s)",
  "detail header on 2 row(s)",
  "detail header on 3 row(s)",
  "year-major blocks",
  "funder-major blocks",
  "block totals first",
  "block totals none",
  "co-financers before the département's blocks",
  "budget after the blocks",
  "label column before the fiche number",
  "identical sub-headers « Montant » / « Taux » under two execution groups",
  "group headers merged",
  "group headers first",
  "group headers repeat",
  "single headers merged",
  "single headers top",
  "single headers bottom",
  "engagement title rows in the detail",
  "engagement sub-totals in the detail",
  "fiche over several rows: number merged",
  "fiche over several rows: number repeat",
  "fiche over several rows: number blank",
  "fiche over several rows: source per row",
  "notes under the table",
  "amounts in k€",
  "amounts with cents",
  "rates: fraction",
  "rates: percent",
  "rates: none",
  "no gap column",
  "zeros as blank cells",
  "written: formulas",
  "written: totals only",
  "written: values",
  "formulas without cached values",
  "TOTAL as subtotal",
  "TOTAL as plus",
  "summary: sheets detail first",
  "summary: sheets summary first",
  "summary: below",
  "summary: above",
  "summary: right",
  "no summary table",
  "summary linked to the detail by formulas",
  "a pivot of totals per funder before the annex",
  "parameters sheet (hidden)",
  "extra column: comment",
  "extra column: code (hidden)",
  "extra column: etp",
  "extra column: beneficiaries",
  "extra column: start",
];

describeGenerator("corpus7", composeAnnex, FEATURES);

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
