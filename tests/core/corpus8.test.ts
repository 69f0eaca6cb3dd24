/**
 * corpus8 (docs/corpus8.md): a seventh independent corpus of annexes, on a new lexicon and new shapes. Its own arithmetic proves every clean annex
 * consistent (so any error or warning on it is false) and every fault real; the product's figures on twelve seeds are
 * ratchets: they may only get better.
 */
import { composeAnnex } from "../support/corpus8/compose";
import { describeGenerator, describeRatchets, type Ratchet } from "../support/corpus7/generatorTests";
import { measure } from "../support/corpus8/tally";

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
  "relative years (N-1, N) with the reference year in a title",
  "units row under the header (band of 2 rows)",
  "units row under the header (band of 3 rows)",
  "units row under the header (band of 4 rows)",
  "summary: co-financers first, budget last",
];

describeGenerator("corpus8", composeAnnex, FEATURES);

// The product on twelve corpus8 seeds (the first twelve: every third one a Seine-et-Marne-like annex with one or two
// dimensions varied, the others with everything varied) and one look-alike of each kind: ratchets at what the engine
// achieves when corpus8 was written, floors the lead may raise. Seeds change meaning when the generator changes:
// measure again then (`npm run corpus8 -- --seed S` shows one).
const RATCHET_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
// Measured when corpus8 was written (engine at 6a6f546): 4/12 read right (rule roles), 0 false errors, 42 false
// warnings (source-funder / source-vs-modalite on « DDETS », « CPAM », « BOP 304 » sources, layout-incomplete), 5
// misread annexes flooding, 10/12 faults found, 9/9 look-alikes rejected.
// Raised after the corpus8 classes were fixed (abbreviations, the State's services, the département's parts in accounts'
// words, relative spans, role families): 12/12 read right, no false finding, 12/12 faults found.
const RATCHET: Ratchet = { readRightRuleRoles: 12, falseErrors: 0, falseWarnings: 0, flooding: 0, faultsFound: 12, lookalikesRejected: 9 };

describeRatchets("corpus8", measure, RATCHET_SEEDS, RATCHET);
