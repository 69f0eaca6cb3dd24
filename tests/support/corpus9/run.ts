/**
 * corpus9 run as a controller runs it: `cdppe check FILE --format json` through the CLI's own main (the shared
 * harness tests/support/verdicts, so read right / fault found / look-alike rejected mean what they mean for the other
 * corpora), the figures gathered seed by seed, and a check of corpus9's own arithmetic on every clean annex.
 */
import { type Annex9, composeAnnex } from "./compose";
import { type Fault9, injectFault } from "./faults";
import { type Book, type Sheet, a1, numOf } from "./grid";
import { LOOKALIKES, makeLookalike } from "./lookalikes";
import { fundersOf } from "./model";
import { type FileStyle, writeXlsx } from "./xlsx";
import { faultFound, judgeReading, type Verdict } from "../verdicts/evaluate";
import type { Figures } from "../verdicts/figures";
import { checkBytes, type CheckResult } from "../verdicts/run";
import { CorpusTally } from "../verdicts/tally";

export interface Outcome9 {
  seed: number;
  annex: Annex9;
  ownErrors: string[];
  result: CheckResult;
  verdict: Verdict;
  fault: Fault9;
  faulty: CheckResult;
  found: boolean;
}

export const annexBytes = (a: Annex9, book: Book = a.book) => writeXlsx(book, a.file);
const PLAIN: FileStyle = { strings: "shared", cache: true, emptyV: false, sharedFormulas: false, dropR: false, dimension: true };
export const lookalikeBytes = (kind: (typeof LOOKALIKES)[number], seed: number) => writeXlsx(makeLookalike(kind, seed), PLAIN);

/** corpus9's own arithmetic on its clean annex: if it fails, the generator is wrong, not the product. */
export function ownArithmetic(a: Annex9): string[] {
  const out: string[] = [];
  const s = a.book.sheets.find((x) => x.name === a.detail.sheet)!;
  const c = a.detail.col;
  const near = (x: number, y: number) => Math.abs(x - y) < 0.011;
  const v = (sh: Sheet, r: number, k: number | undefined) => (k ? numOf(sh, r, k) : 0);
  const m = a.model;
  for (const r of a.detail.rows.flat()) {
    for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"])
      if (
        c[`${b}Total`] &&
        !near(
          v(s, r, c[`${b}Total`]),
          m.years.reduce((t, y) => t + v(s, r, c[`${b}${y}`]), 0),
        )
      )
        out.push(`year-sum ${a1(r, c[`${b}Total`]!)}`);
    const cd = (y: number) => (c[`cd${y}`] ? v(s, r, c[`cd${y}`]) : v(s, r, c[`ms${y}`]) + v(s, r, c[`dgas${y}`]));
    const budget = m.years.reduce((t, y) => t + cd(y) + v(s, r, c[`fir${y}`]) + v(s, r, c[`etat${y}`]) + v(s, r, c[`ondam${y}`]), 0);
    if (!near(v(s, r, c.budget), budget)) out.push(`budget-sum ${a1(r, c.budget!)}`);
  }
  for (const [k, col] of Object.entries(c))
    if (/^(budget|realised\w*|(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total))$/.test(k)) {
      const all = a.detail.rows.flat().reduce((t, r) => t + v(s, r, col), 0);
      if (!near(v(s, a.detail.totalRow, col), all)) out.push(`total-row ${a1(a.detail.totalRow, col)}`);
    }
  if (a.summary) {
    const ss = a.book.sheets.find((x) => x.name === a.summary!.sheet)!;
    a.summary.rows.forEach((r, i) => {
      const f = m.fiches[i]!;
      const sc = a.summary!.col;
      const want = fundersOf(f, m);
      for (const fu of m.funders) if (v(ss, r, sc[fu]) > 0 !== want.includes(fu)) out.push(`funder ${a1(r, sc[fu]!)}`);
      if (sc.consumedPrior && !near(v(ss, r, sc.consumedPrior) + v(ss, r, sc.consumedLastYear), v(ss, r, sc.consumedSinceStart)))
        out.push(`consumed-sum ${a1(r, sc.consumedPrior)}`);
    });
  }
  return out;
}

export async function runSeed(seed: number, dir?: string): Promise<Outcome9> {
  const annex = composeAnnex(seed);
  const result = await checkBytes(annexBytes(annex), `annex9-${seed}.xlsx`, dir);
  const { book, fault } = injectFault(annex);
  const faulty = await checkBytes(annexBytes(annex, book), `annex9-${seed}-${fault.kind}.xlsx`, dir);
  return { seed, annex, ownErrors: ownArithmetic(annex), result, verdict: judgeReading(annex, result), fault, faulty, found: faultFound(fault, faulty) };
}

/** The shared tally, fed corpus9's outcomes. */
export class Tally9 extends CorpusTally {
  constructor() {
    super("corpus9's own");
  }
  addSeed(o: Outcome9): void {
    this.add({ ...o, features: o.annex.features, ownBroken: o.ownErrors });
  }
}

/** The product's figures on these seeds and one look-alike of each kind. */
export async function measure(seeds: number[], lookalikeSeed = 1): Promise<Figures> {
  const t = new Tally9();
  for (const seed of seeds) t.addSeed(await runSeed(seed));
  for (const kind of LOOKALIKES) t.addLookalike(kind, lookalikeSeed, await checkBytes(lookalikeBytes(kind, lookalikeSeed), `lookalike9-${kind}.xlsx`));
  return t.f;
}
