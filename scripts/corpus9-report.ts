/**
 * corpus9: an eighth corpus, written from scratch (own composer, lexicon and .xlsx writer: docs/corpus9.md), checked
 * as a controller checks it. `npm run corpus9 -- N [--from S] [--verbose] [--seed S]`; CORPUS9_DIR=dir keeps the
 * workbooks.
 */
import * as fs from "fs";
import * as path from "path";
import { LOOKALIKES } from "../tests/support/corpus9/lookalikes";
import { lookalikeBytes, runSeed, Tally9 } from "../tests/support/corpus9/run";
import { checkBytes } from "../tests/support/verdicts/run";
import { printFault, reportArgs } from "../tests/support/verdicts/reportArgs";
import { showReading } from "../tests/support/verdicts/showReading";

const { count, from, oneSeed, verbose, keep, work, done } = reportArgs(process.argv.slice(2), "CORPUS9_DIR", "corpus9-");

async function showSeed(seed: number): Promise<void> {
  const o = await runSeed(seed, work);
  const a = o.annex;
  console.log(
    `seed ${seed}: years ${a.model.years.join(", ")}, ${a.model.fiches.length} fiches, funders ${a.model.funders.join("/") || "none"}, split ${a.model.split}, exit ${o.result.exit}`,
  );
  console.log(`features: ${a.features.join("; ")}`);
  console.log(`own arithmetic: ${o.ownErrors.length ? o.ownErrors.join(", ") : "clean"}`);
  showReading(a.tables, o);
  printFault(o);
}

async function corpus(): Promise<void> {
  const t0 = Date.now();
  const tally = new Tally9();
  for (let seed = from; seed < from + count; seed++) {
    tally.addSeed(await runSeed(seed, work));
    if (!keep) for (const f of fs.readdirSync(work)) fs.rmSync(path.join(work, f), { force: true, recursive: true });
  }
  for (let i = 0; i < Math.max(1, Math.round(count / 40)); i++)
    for (const kind of LOOKALIKES)
      tally.addLookalike(kind, from + i, await checkBytes(lookalikeBytes(kind, from + i), `lookalike9-${kind}-${from + i}.xlsx`, work));
  console.log(tally.lines(`corpus9 — seeds ${from}..${from + count - 1} (${Math.round((Date.now() - t0) / 1000)} s)`, verbose).join("\n"));
}

(oneSeed !== null ? showSeed(oneSeed) : corpus())
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(done);
