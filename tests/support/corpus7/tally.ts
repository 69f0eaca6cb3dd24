/**
 * The product run on corpus7 as a controller runs it (`cdppe check FILE --format json`, through the CLI's main, by
 * corpus6's harness: same truth contract, same verdicts), and the figures gathered seed by seed.
 */
import { type Broken, checkArithmetic } from "./arith";
import { type Annex7, composeAnnex } from "./compose";
import { type DecoyKind, DECOY_KINDS, makeDecoy } from "./decoys";
import { type Fault, type FaultKind, faultForSeed, injectFault } from "./faults";
import { writeBook } from "./writer";
import { faultFound, judgeReading, type Verdict } from "../verdicts/evaluate";
import { checkBytes, type CheckResult } from "../verdicts/run";
import type { Figures } from "../verdicts/figures";
import { byRule, CorpusTally, type TalliedSeed } from "../verdicts/tally";

export { byRule };

// corpus6's verdicts read only model.years, tables[].{kind, sheet, columns, headers, ficheRows} and a fault's
// rules/sheet/cells: corpus7's truth carries them under the same names.
export const judge = (a: Annex7, r: CheckResult): Verdict => judgeReading(a, r);
export const found = (f: Fault, r: CheckResult): boolean => faultFound(f, r);

export interface SeedOutcome {
  seed: number;
  annex: Annex7;
  arith: Broken[];
  result: CheckResult;
  verdict: Verdict;
  kind: FaultKind;
  fault: Fault;
  faulty: CheckResult;
  found: boolean;
}

export const annexBytes = (a: Annex7, book = a.book) => writeBook(book, { noCache: a.noCache });

/** corpus8 runs corpus7's machinery on its own composer: it passes it here. */
export type Compose = (seed: number) => Annex7;

export async function runSeed(seed: number, dir?: string, compose: Compose = composeAnnex): Promise<SeedOutcome> {
  const annex = compose(seed);
  const result = await checkBytes(await annexBytes(annex), `annex-${seed}.xlsx`, dir);
  const kind = faultForSeed(annex);
  const { book, fault } = injectFault(annex, kind);
  const faulty = await checkBytes(await annexBytes(annex, book), `annex-${seed}-${kind}.xlsx`, dir);
  return { seed, annex, arith: checkArithmetic(annex.book, annex), result, verdict: judge(annex, result), kind, fault, faulty, found: found(fault, faulty) };
}

export async function runDecoy(kind: DecoyKind, seed: number, dir?: string): Promise<CheckResult> {
  return checkBytes(await writeBook(makeDecoy(kind, seed)), `lookalike-${kind}-${seed}.xlsx`, dir);
}

/** What the shared tally needs of a seed, from corpus7's outcome. */
export const tallied = (o: SeedOutcome): TalliedSeed => ({
  seed: o.seed,
  verdict: o.verdict,
  result: o.result,
  faulty: o.faulty,
  found: o.found,
  fault: o.fault,
  features: o.annex.features,
  ownBroken: o.arith.map((b) => `${b.rule} ${b.sheet}!${b.cell} ${b.what}`),
});

/** The shared tally, fed corpus7's outcomes. */
export class Tally extends CorpusTally {
  addSeed(o: SeedOutcome): void {
    this.add(tallied(o));
  }
}

/** The product's figures on these seeds (clean annex and its faulty copy) and one look-alike of each kind. */
export async function measure(seeds: number[], decoySeed = 1, compose: Compose = composeAnnex): Promise<Figures> {
  const t = new Tally();
  for (const seed of seeds) t.addSeed(await runSeed(seed, undefined, compose));
  for (const kind of DECOY_KINDS) t.addLookalike(kind, decoySeed, await runDecoy(kind, decoySeed));
  return t.f;
}
