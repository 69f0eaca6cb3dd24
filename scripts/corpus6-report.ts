/**
 * corpus6: a fifth independent corpus of annexes (docs/corpus6.md), checked as a controller checks them (`cdppe check
 * FILE --format json`, the CLI's own main in process). `npm run corpus6 -- N [--from S] [--verbose] [--seed S]
 * [--soffice K]`; CORPUS6_DIR=dir keeps the files.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { checkArithmetic } from "../tests/support/corpus6/arith";
import { type Annex, generateAnnex } from "../tests/support/corpus6/build";
import { faultFound, falseFindings, isLayoutIncomplete, judgeReading, rejected, type Misread } from "../tests/support/verdicts/evaluate";
import { faultForSeed, injectFault } from "../tests/support/corpus6/faults";
import { generateLookalike, LOOKALIKE_KINDS } from "../tests/support/corpus6/lookalikes";
import { checkBytes, type CheckResult } from "../tests/support/verdicts/run";
import { writeXlsx } from "../tests/support/corpus6/xlsx";
import type { Grid } from "../tests/support/corpus6/sheet";

interface Args {
  n: number;
  from: number;
  verbose: boolean;
  seed: number | null;
  soffice: number;
}
function parseArgs(argv: string[]): Args {
  const a: Args = { n: 100, from: 1, verbose: false, seed: null, soffice: 0 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === "--from") a.from = Number(argv[++i]);
    else if (x === "--verbose") a.verbose = true;
    else if (x === "--seed") a.seed = Number(argv[++i]);
    else if (x === "--soffice") a.soffice = Number(argv[++i]);
    else if (/^\d+$/.test(x)) a.n = Number(x);
  }
  return a;
}

const keepDir = process.env.CORPUS6_DIR;
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
const work = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "corpus6-"));
const check = (bytes: Uint8Array, name: string): Promise<CheckResult> => checkBytes(bytes, name, work);
const bytesOf = (a: Annex, g: Grid = a.grid) => writeXlsx(g, a.opts);

/** LibreOffice's own writer over one of our files (a few seeds only: it is slow). */
function libreOffice(bytes: Uint8Array, name: string): Uint8Array | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus6-lo-"));
  try {
    const src = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(src, bytes);
    const out = path.join(dir, "out");
    execFileSync(
      "soffice",
      ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src],
      {
        stdio: "ignore",
        timeout: 120000,
      },
    );
    const p = path.join(out, `${name}.xlsx`);
    return fs.existsSync(p) ? fs.readFileSync(p) : null;
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const count = (xs: { rule: string; severity: string }[]) =>
  Object.entries(xs.reduce((m, f) => ((m[`${f.rule} (${f.severity})`] = (m[`${f.rule} (${f.severity})`] ?? 0) + 1), m), {} as Record<string, number>))
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ×${v}`)
    .join(", ");
const oneLine = (s: string | undefined) => (s ?? "").replace(/\n/g, "⏎");

async function oneSeed(seed: number): Promise<void> {
  const a = generateAnnex(seed);
  const broken = checkArithmetic(a.grid, a);
  const r = await check(bytesOf(a), `annex-${seed}.xlsx`);
  const v = judgeReading(a, r);
  console.log(`seed ${seed}: years ${a.model.years.join(", ")}, ${a.model.fiches.length} fiches, funders ${a.model.funders.join("/")}, exit ${r.exit}`);
  console.log(`features: ${[...new Set(a.features)].join("; ")}`);
  console.log(`own arithmetic: ${broken.length ? JSON.stringify(broken) : "clean"}`);
  for (const t of a.tables) {
    const got = r.tables.find((x) => x.kind === t.kind);
    console.log(
      `\n${t.kind} on « ${t.sheet} » header rows ${t.headerRows.join(",")}, total row ${t.totalRow}; read: ${got ? `« ${got.sheet} » ${got.range} header ${got.headerRows.join(",")}, ${got.fiches} fiches (true ${Object.keys(t.ficheRows).length})` : "NOT FOUND"}`,
    );
    const roles = new Set([...Object.keys(t.columns), ...Object.keys(got?.columns ?? {})]);
    for (const role of roles) {
      const tr = t.columns[role];
      const rd = got?.columns[role];
      if (!tr && rd && /\d{4}$|^consumed(To|In)/.test(role) && Object.values(t.columns).includes(rd)) continue;
      console.log(
        `  ${tr === rd ? " " : "✗"} ${role.padEnd(20)} truth ${String(tr ?? "-").padEnd(3)} read ${String(rd ?? "-").padEnd(3)} ${tr ? `« ${oneLine(t.headers[tr])} »` : ""}${rd && rd !== tr ? ` / read « ${oneLine(t.headers[rd] ?? "?")} »` : ""}`,
      );
    }
  }
  for (const x of r.tables.filter((x) => !a.tables.some((t) => t.kind === x.kind))) console.log(`extra table read: ${x.kind} ${x.sheet}!${x.range}`);
  console.log(
    `\nread right: ${v.readRight} (rule roles ${v.readRightRuleRoles})${v.fichesNote ? ` (${v.fichesNote})` : ""}${r.stderr ? `\nstderr: ${r.stderr.trim()}` : ""}`,
  );
  for (const f of r.findings) console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.fiche ?? ""} ${f.message}`);
  const k = faultForSeed(a);
  const { grid, fault } = injectFault(a, k, seed);
  const rf = await check(bytesOf(a, grid), `annex-${seed}-${k}.xlsx`);
  console.log(`\nfault ${k}: ${fault.what} at ${fault.sheet}!${fault.cells.join("/")} → ${faultFound(fault, rf) ? "FOUND" : "missed"}`);
  for (const f of rf.findings.filter((x) => x.severity !== "info"))
    console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.message}`);
}

async function run(args: Args): Promise<void> {
  const t0 = Date.now();
  const falseOnRight: string[] = [];
  const cleanRight: number[] = [];
  const z = { falseOnRight: 0, readRight: 0, readRules: 0, fiches: 0, fe: 0, fw: 0, li: 0, flood: 0, found: 0, foundRR: 0, faultsRR: 0, arith: 0, silent: 0 };
  const crashes: string[] = [];
  const misreads: { seed: number; m: Misread }[] = [];
  const falseSeeds = new Map<string, number[]>();
  const falseAll: { rule: string; severity: string }[] = [];
  const byFeature = new Map<string, [number, number]>();
  const byFault = new Map<string, [number, number]>();
  const missed: string[] = [];
  const flooders: string[] = [];
  const arithSeeds: string[] = [];
  const rejections = new Map<string, number[]>();
  for (let seed = args.from; seed < args.from + args.n; seed++) {
    const a = generateAnnex(seed);
    const broken = checkArithmetic(a.grid, a);
    if (broken.length) {
      z.arith++;
      arithSeeds.push(
        `${seed}: ${broken
          .slice(0, 2)
          .map((b) => `${b.rule} ${b.cell} ${b.what}`)
          .join("; ")}`,
      );
    }
    const r = await check(bytesOf(a), `annex-${seed}.xlsx`);
    if (/CRASH|inattendue/.test(r.stderr)) crashes.push(`annex-${seed}.xlsx: ${r.stderr.trim().split("\n").slice(0, 6).join(" | ")}`);
    const v = judgeReading(a, r);
    if (v.readRight) z.readRight++;
    if (v.readRightRuleRoles && !falseFindings(r).length) cleanRight.push(seed);
    if (v.readRightRuleRoles) z.readRules++;
    if (v.fichesRight) z.fiches++;
    for (const f of new Set(a.features)) {
      const x = byFeature.get(f) ?? [0, 0];
      x[0] += v.readRightRuleRoles ? 1 : 0;
      x[1]++;
      byFeature.set(f, x);
    }
    for (const m of v.misreads) misreads.push({ seed, m });
    if (v.misreads.some((m) => m.cause === "table not found") && !r.findings.some(isLayoutIncomplete)) z.silent++;
    if (r.exit === 2 && r.stderr) {
      // why no annex: the engine's own words, numbers and cells blurred so that like reasons group
      const why = (/écarté\s*:\s*(.*)$/s.exec(r.stderr)?.[1] ?? r.stderr).trim().replace(/\d+/g, "#").slice(0, 160);
      rejections.set(why, [...(rejections.get(why) ?? []), seed]);
    }
    const ff = falseFindings(r);
    for (const f of ff) {
      if (f.severity === "error") z.fe++;
      else z.fw++;
      if (isLayoutIncomplete(f)) z.li++;
      falseAll.push(f);
      const k = `${f.rule} (${f.severity})`;
      falseSeeds.set(k, [...(falseSeeds.get(k) ?? []), seed]);
    }
    if (v.readRightRuleRoles && ff.length) {
      z.falseOnRight += ff.length;
      falseOnRight.push(`${seed}: ${count(ff)}`);
    }
    if (!v.readRightRuleRoles && ff.some((f) => !isLayoutIncomplete(f))) {
      z.flood++;
      flooders.push(`${seed} (${ff.length})`);
    }
    const k = faultForSeed(a);
    const { grid, fault } = injectFault(a, k, seed);
    const rf = await check(bytesOf(a, grid), `annex-${seed}-${k}.xlsx`);
    if (/CRASH|inattendue/.test(rf.stderr)) crashes.push(`annex-${seed}-${k}.xlsx: ${rf.stderr.trim().split("\n").slice(0, 6).join(" | ")}`);
    const found = faultFound(fault, rf);
    if (found) z.found++;
    if (v.readRightRuleRoles) {
      z.faultsRR++;
      if (found) z.foundRR++;
    }
    if (!found) missed.push(`${seed} ${k}${v.readRightRuleRoles ? "" : " (misread)"}: ${fault.what} at ${fault.sheet}!${fault.cells.join("/")}`);
    const x = byFault.get(k) ?? [0, 0];
    x[0] += found ? 1 : 0;
    x[1]++;
    byFault.set(k, x);
    if (!keepDir) for (const f of fs.readdirSync(work)) fs.rmSync(path.join(work, f), { force: true, recursive: true });
  }
  // LibreOffice round trips
  let soDone = 0;
  let soRight = 0;
  let soFalse = 0;
  // on annexes read right with no false finding as corpus6 wrote them: does LibreOffice's writer change that?
  const soSeeds = cleanRight.slice(0, args.soffice);
  const soWrong: string[] = [];
  for (const seed of soSeeds) {
    const a = generateAnnex(seed);
    const lo = libreOffice(bytesOf(a), `lo-${seed}`);
    if (!lo) continue;
    soDone++;
    const r = await check(lo, `lo-${seed}.xlsx`);
    if (!judgeReading(a, r).readRightRuleRoles || falseFindings(r).length) soWrong.push(`${seed}: ${count(falseFindings(r)) || "misread"}`);
    if (judgeReading(a, r).readRightRuleRoles) soRight++;
    soFalse += falseFindings(r).filter((f) => !isLayoutIncomplete(f)).length;
  }
  let looks = 0;
  let rej = 0;
  const taken: string[] = [];
  for (let i = 0; i < Math.max(1, Math.round(args.n / 50)); i++)
    for (const kind of LOOKALIKE_KINDS) {
      looks++;
      const g = generateLookalike(kind, args.from + i);
      const r = await check(writeXlsx(g, { sharedStrings: i % 2 === 1, styles: "formats", sharedFormulas: true }), `lookalike-${kind}-${i}.xlsx`);
      if (rejected(r)) rej++;
      else
        taken.push(
          `${kind} #${args.from + i}: exit ${r.exit}, ${r.tables.map((t) => `${t.kind} ${t.sheet}!${t.range}`).join(", ") || "no table"}, ${r.findings.length} findings (${count(r.findings)})`,
        );
    }
  const n = args.n;
  const pct = (k: number, m: number) => `${k}/${m} (${m ? Math.round((100 * k) / m) : 0} %)`;
  console.log(`corpus6 — seeds ${args.from}..${args.from + n - 1} (${Math.round((Date.now() - t0) / 1000)} s)`);
  console.log(`  annexes read right (every role):      ${pct(z.readRight, n)}`);
  console.log(`  read right, rule roles:               ${pct(z.readRules, n)}`);
  console.log(`  fiches counted right (all tables):    ${pct(z.fiches, n)}`);
  console.log(`  false errors on clean annexes:        ${z.fe}`);
  console.log(`  false warnings on clean annexes:      ${z.fw} (of which layout-incomplete ${z.li})`);
  console.log(`  false findings on annexes read right: ${z.falseOnRight}${falseOnRight.length ? ` — ${falseOnRight.slice(0, 6).join("; ")}` : ""}`);
  console.log(`  misread annexes flooding:             ${z.flood}`);
  console.log(`  a table missed silently:              ${z.silent}`);
  console.log(`  faults found at their cell:           ${pct(z.found, n)} (on annexes read right: ${pct(z.foundRR, z.faultsRR)})`);
  console.log(`  look-alikes rejected (exit 2, none):  ${pct(rej, looks)}`);
  if (args.soffice)
    console.log(
      `  LibreOffice round trips (seeds ${soSeeds.join(", ")}, read right as corpus6 wrote them): read right ${pct(soRight, soDone)}, false findings besides layout-incomplete: ${soFalse}${soWrong.length ? ` — ${soWrong.join("; ")}` : ""}`,
    );
  console.log(`  clean annexes breaking own arithmetic: ${z.arith}${arithSeeds.length ? ` — ${arithSeeds.slice(0, 5).join(" / ")}` : ""}`);
  console.log(`  engine crashes: ${crashes.length}${crashes.length ? `\n    ${crashes.slice(0, 10).join("\n    ")}` : ""}`);
  if (falseAll.length) console.log(`  false findings by rule: ${count(falseAll)}`);
  console.log(`  faults by kind: ${[...byFault].map(([k, [f, t]]) => `${k} ${f}/${t}`).join(", ")}`);
  if (taken.length) console.log(`  look-alikes taken for annexes:\n    ${taken.join("\n    ")}`);
  if (!args.verbose) return;
  console.log(`\nMisreading classes (table role — cause: count; header text → read, seeds):`);
  const groups = new Map<string, { seed: number; m: Misread }[]>();
  for (const x of misreads) {
    const k = `${x.m.table} ${x.m.role.replace(/\d{4}$/, "YYYY")} — ${x.m.cause}`;
    groups.set(k, [...(groups.get(k) ?? []), x]);
  }
  for (const [k, xs] of [...groups].sort((p, q) => q[1].length - p[1].length)) {
    const seeds = new Set(xs.map((x) => x.seed));
    console.log(`  ${k}: ${xs.length} (${seeds.size} annexes)`);
    const byHeader = new Map<string, number[]>();
    for (const { seed, m } of xs) {
      const h = `${m.truthHeader ? `« ${oneLine(m.truthHeader).replace(/20\d\d/g, "YYYY")} »` : (m.truth ?? "")}${m.read ? ` → read ${m.readHeader ? `« ${oneLine(m.readHeader).replace(/20\d\d/g, "YYYY")} »` : m.read}` : ""}`;
      byHeader.set(h, [...(byHeader.get(h) ?? []), seed]);
    }
    for (const [h, s] of [...byHeader].sort((p, q) => q[1].length - p[1].length).slice(0, 8))
      console.log(`      ${s.length}× ${h} — seeds ${[...new Set(s)].slice(0, 6).join(", ")}`);
    if (byHeader.size > 8) console.log(`      … ${byHeader.size - 8} more header texts`);
  }
  console.log(`\nClean annexes rejected as no annex (exit 2), by the engine's reason:`);
  for (const [w, seeds] of [...rejections].sort((p, q) => q[1].length - p[1].length))
    console.log(`  ${seeds.length}× ${w} — seeds ${seeds.slice(0, 8).join(", ")}`);
  console.log(`\nRead right (rule roles) by feature (worst first):`);
  for (const [f, [k, t]] of [...byFeature].sort((p, q) => p[1][0] / p[1][1] - q[1][0] / q[1][1]))
    console.log(`  ${String(k).padStart(3)}/${String(t).padEnd(3)} ${f}`);
  console.log(`\nFalse findings on clean annexes (rule → seeds):`);
  for (const [k, seeds] of [...falseSeeds].sort((p, q) => q[1].length - p[1].length))
    console.log(`  ${k}: ${seeds.length} — seeds ${[...new Set(seeds)].slice(0, 12).join(", ")}`);
  console.log(`\nFlooding misread annexes (seed (findings)): ${flooders.join(", ")}`);
  console.log(`\nMissed faults:\n  ${missed.join("\n  ")}`);
}

const args = parseArgs(process.argv.slice(2));
(args.seed !== null ? oneSeed(args.seed) : run(args))
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!keepDir) fs.rmSync(work, { recursive: true, force: true });
  });
