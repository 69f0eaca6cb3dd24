/**
 * corpus10: a tenth corpus, written from scratch from issue #10 and annex-spec.md (docs/corpus10.md): eleven
 * départements' house styles, each randomised by the seed, checked as a controller checks them.
 * `npm run corpus10 -- N [--from S] [--verbose] [--seed S]`; CORPUS10_DIR=dir keeps the workbooks.
 */
import { LOOKALIKES } from "../tests/support/corpus10/lookalikes";
import { lookalikeBytes, runSeed, Tally10 } from "../tests/support/corpus10/run";
import { checkBytes } from "../tests/support/verdicts/run";
import { printFault, reportArgs } from "../tests/support/verdicts/reportArgs";
import { showReading } from "../tests/support/verdicts/showReading";

const { count, from, oneSeed, verbose, keep, work, done } = reportArgs(process.argv.slice(2), "CORPUS10_DIR", "corpus10-");

async function showSeed(seed: number): Promise<void> {
  const o = await runSeed(seed, work);
  const a = o.annex;
  console.log(`seed ${seed}: ${a.knobs.dept}, years ${a.model.years.join(", ")}, ${a.model.fiches.length} fiches, exit ${o.result.exit}`);
  console.log(`features: ${a.features.join("; ")}`);
  console.log(`own arithmetic: ${o.ownErrors.length ? o.ownErrors.join(", ") : "clean"}`);
  showReading(a.truth.tables, o);
  printFault(o);
}

async function corpus(): Promise<void> {
  const t0 = Date.now();
  const tally = new Tally10();
  for (let seed = from; seed < from + count; seed++) tally.add(await runSeed(seed, work));
  for (let i = 0; i < Math.max(1, Math.round(count / 40)); i++)
    for (const kind of LOOKALIKES)
      tally.addLookalike(
        kind,
        from + i,
        await checkBytes(await lookalikeBytes(kind, from + i), `lookalike10-${kind}-${from + i}.xlsx`, keep ? work : undefined),
      );
  console.log(tally.lines(`corpus10 — seeds ${from}..${from + count - 1} (${Math.round((Date.now() - t0) / 1000)} s)`, verbose).join("\n"));
}

(oneSeed !== null ? showSeed(oneSeed) : corpus())
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(done);
