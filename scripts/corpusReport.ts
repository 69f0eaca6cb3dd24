/**
 * The report of a corpus built on corpus7's machinery (corpus7, corpus8: docs/corpus7.md, docs/corpus8.md), checked as a
 * controller checks them: `npm run corpusN -- N [--from S] [--verbose] [--seed S] [--soffice K]`; CORPUSN_DIR=dir keeps
 * the workbooks.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { DECOY_KINDS } from "../tests/support/corpus7/decoys";
import { annexBytes, byRule, type Compose, judge, runDecoy, runSeed, Tally } from "../tests/support/corpus7/tally";
import { checkBytes } from "../tests/support/verdicts/run";
import { showReading } from "../tests/support/verdicts/showReading";

/** Runs the report of corpus `name` (its composer given) on the command line's arguments. */
export function corpusReport(name: string, compose: Compose): void {
  const argv = process.argv.slice(2);
  const flag = (name: string) => argv.includes(name);
  const option = (name: string, dflt: number | null) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
  const count = Number(argv.find((x, i) => /^\d+$/.test(x) && !/^--/.test(argv[i - 1] ?? "")) ?? 100);
  const from = option("--from", 1)!;
  const oneSeed = option("--seed", null);
  const soffice = option("--soffice", 0)!;
  const keep = process.env[`${name.toUpperCase()}_DIR`];
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));

  /** LibreOffice's own writer over the corpus's files: one soffice start for all of them. */
  function resaveAll(files: string[]): Map<string, Uint8Array> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-lo-`));
    const out = new Map<string, Uint8Array>();
    try {
      const args = [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        path.join(dir, "out"),
        ...files,
      ];
      execFileSync("soffice", args, { stdio: "ignore", timeout: 600_000 });
      for (const f of files) {
        const p = path.join(dir, "out", path.basename(f));
        if (fs.existsSync(p)) out.set(f, fs.readFileSync(p));
      }
    } catch (e) {
      console.error(`LibreOffice : ${(e as Error).message}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return out;
  }

  async function showSeed(seed: number): Promise<void> {
    const o = await runSeed(seed, work, compose);
    const a = o.annex;
    console.log(
      `seed ${seed}: years ${a.plan.years.join(", ")}, ${a.plan.fiches.length} fiches, funders ${a.plan.funders.join("/") || "none"}, CD ${a.plan.cdForm}, exit ${o.result.exit}`,
    );
    console.log(`features: ${a.features.join("; ")}`);
    console.log(`own arithmetic: ${o.arith.length ? JSON.stringify(o.arith) : "clean"}`);
    showReading(a.tables, o);
    console.log(
      `\nfault ${o.kind}: ${o.fault.what} at ${o.fault.sheet}!${o.fault.cells.slice(0, 4).join("/")} (${o.fault.rules.join(" | ")}) → ${o.found ? "FOUND" : "missed"}`,
    );
    for (const f of o.faulty.findings.filter((x) => x.severity !== "info"))
      console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.message}`);
  }

  async function corpus(): Promise<void> {
    const t0 = Date.now();
    const tally = new Tally();
    const clean: number[] = [];
    for (let seed = from; seed < from + count; seed++) {
      const o = await runSeed(seed, work, compose);
      tally.addSeed(o);
      if (o.verdict.readRightRuleRoles) clean.push(seed);
      if (!keep) for (const f of fs.readdirSync(work)) fs.rmSync(path.join(work, f), { force: true, recursive: true });
    }
    for (let i = 0; i < Math.max(1, Math.round(count / 50)); i++)
      for (const kind of DECOY_KINDS) tally.addLookalike(kind, from + i, await runDecoy(kind, from + i, work));
    console.log(tally.lines(`${name} — seeds ${from}..${from + count - 1} (${Math.round((Date.now() - t0) / 1000)} s)`, flag("--verbose")).join("\n"));
    if (!soffice) return;
    // the first K seeds saved again by LibreOffice: is a reading that holds on ExcelJS's file kept on LibreOffice's?
    const seeds = Array.from({ length: soffice }, (_, i) => from + i);
    const loDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-src-`));
    const files = await Promise.all(
      seeds.map(async (seed) => {
        const p = path.join(loDir, `lo-${seed}.xlsx`);
        fs.writeFileSync(p, await annexBytes(compose(seed)));
        return p;
      }),
    );
    const saved = resaveAll(files);
    let right = 0;
    let rightBefore = 0;
    const notes: string[] = [];
    for (const [i, seed] of seeds.entries()) {
      const bytes = saved.get(files[i]!);
      if (!bytes) continue;
      const a = compose(seed);
      const r = await checkBytes(bytes, `lo-${seed}.xlsx`, work);
      const v = judge(a, r);
      const before = clean.includes(seed);
      if (v.readRightRuleRoles) right++;
      if (before) rightBefore++;
      const ff = r.findings.filter((f) => f.severity !== "info");
      if (v.readRightRuleRoles !== before || ff.length)
        notes.push(
          `${seed}: ${before ? "read right" : "misread"} as ExcelJS wrote it, ${v.readRightRuleRoles ? "read right" : "misread"} after LibreOffice${ff.length ? `, ${byRule(ff)}` : ""}`,
        );
    }
    fs.rmSync(loDir, { recursive: true, force: true });
    console.log(
      `\nLibreOffice copies (seeds ${seeds[0]}..${seeds[seeds.length - 1]}, ${saved.size} converted): read right ${right}/${saved.size} (ExcelJS copies: ${rightBefore})`,
    );
    for (const n of notes) console.log(`  ${n}`);
  }

  (oneSeed !== null ? showSeed(oneSeed) : corpus())
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => {
      if (!keep) fs.rmSync(work, { recursive: true, force: true });
    });
}
