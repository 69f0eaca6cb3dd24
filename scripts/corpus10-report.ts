/**
 * corpus10: a tenth corpus, written from scratch from issue #10 and annex-spec.md (docs/corpus10.md): eleven
 * départements' house styles, each randomised by the seed, checked as a controller checks them.
 * `npm run corpus10 -- N [--from S] [--verbose] [--seed S]`; CORPUS10_DIR=dir keeps the workbooks.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LOOKALIKES } from "../tests/support/corpus10/lookalikes";
import { lookalikeBytes, runSeed, Tally10 } from "../tests/support/corpus10/run";
import { checkBytes } from "../tests/support/verdicts/run";
import { showReading } from "../tests/support/verdicts/showReading";

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : null);
const count = Number(argv.find((x, i) => /^\d+$/.test(x) && !/^--/.test(argv[i - 1] ?? "")) ?? 100);
const from = option("--from") ?? 1;
const oneSeed = option("--seed");
const keep = process.env.CORPUS10_DIR;
if (keep) fs.mkdirSync(keep, { recursive: true });
const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "corpus10-"));

async function showSeed(seed: number): Promise<void> {
  const o = await runSeed(seed, work);
  const a = o.annex;
  console.log(`seed ${seed}: ${a.knobs.dept}, years ${a.model.years.join(", ")}, ${a.model.fiches.length} fiches, exit ${o.result.exit}`);
  console.log(`features: ${a.features.join("; ")}`);
  console.log(`own arithmetic: ${o.ownErrors.length ? o.ownErrors.join(", ") : "clean"}`);
  showReading(a.truth.tables, o);
  console.log(
    `\nfault ${o.fault.kind}: ${o.fault.what} at ${o.fault.sheet}!${o.fault.cells.join("/")} (${o.fault.rules.join(" | ")}) → ${o.found ? "FOUND" : "missed"}`,
  );
  for (const f of o.faulty.findings.filter((x) => x.severity !== "info"))
    console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.message}`);
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
  console.log(tally.lines(`corpus10 — seeds ${from}..${from + count - 1} (${Math.round((Date.now() - t0) / 1000)} s)`, argv.includes("--verbose")).join("\n"));
}

(oneSeed !== null ? showSeed(oneSeed) : corpus())
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
  });
