/**
 * corpus5: a fourth independent corpus of annexes, checked as a controller checks them (`cdppe check FILE --format json`,
 * the CLI's own main in process). `npm run corpus5 -- N [--from S] [--verbose] [--seed S]`; CORPUS5_DIR=dir keeps the files.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkArithmetic } from "../tests/support/corpus5/arith";
import { faultFound, falseFindings, isLayoutIncomplete, judgeReading, type Misread } from "../tests/support/verdicts/evaluate";
import { faultForSeed, injectFault } from "../tests/support/corpus5/faults";
import { type Annex, generateAnnex } from "../tests/support/corpus5/generate";
import { generateLookalike, LOOKALIKE_KINDS } from "../tests/support/corpus5/lookalikes";
import { checkBytes, type CheckResult } from "../tests/support/verdicts/run";
import { writeXlsx } from "../tests/support/corpus5/xlsx";
import { libreOfficeRoundTrip } from "../tests/support/corpus5/soffice";

/** corpus5 keeps its tables under layout: the shared verdicts read them beside the model. */
const truthOf = (a: Annex) => ({ model: a.model, tables: a.layout.tables });

interface Args {
  n: number;
  from: number;
  verbose: boolean;
  seed: number | null;
  soffice: number;
  cache: "seed" | "none" | "all";
}
function parseArgs(argv: string[]): Args {
  const a: Args = { n: 100, from: 1, verbose: false, seed: null, soffice: 0, cache: "seed" };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === "--from") a.from = Number(argv[++i]);
    else if (x === "--verbose") a.verbose = true;
    else if (x === "--seed") a.seed = Number(argv[++i]);
    else if (x === "--soffice") a.soffice = Number(argv[++i]);
    else if (x === "--cache") a.cache = argv[++i] === "none" ? "none" : "all";
    else if (/^\d+$/.test(x)) a.n = Number(x);
  }
  return a;
}

const keepDir = process.env.CORPUS5_DIR;
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
const work = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "corpus5-"));

async function check(bytes: Buffer, name: string): Promise<CheckResult> {
  return checkBytes(bytes, name, work);
}

const count = (xs: { rule: string; severity: string }[]) =>
  Object.entries(xs.reduce((m, f) => ((m[`${f.rule} (${f.severity})`] = (m[`${f.rule} (${f.severity})`] ?? 0) + 1), m), {} as Record<string, number>))
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ×${v}`)
    .join(", ");

async function oneSeed(seed: number, args: Args): Promise<void> {
  const a = generateAnnex(seed, { cache: args.cache });
  const broken = checkArithmetic(a.grid, a.layout.tables, a.model);
  const r = await check(await writeXlsx(a.grid), `annex-${seed}.xlsx`);
  const v = judgeReading(truthOf(a), r);
  console.log(`seed ${seed}: years ${a.model.years.join(", ")}, ${a.model.fiches.length} fiches, exit ${r.exit}`);
  console.log(`features: ${[...new Set(a.layout.features)].join("; ")}`);
  console.log(`own arithmetic: ${broken.length ? JSON.stringify(broken) : "clean"}`);
  for (const t of a.layout.tables) {
    const got = r.tables.find((x) => x.kind === t.kind);
    console.log(
      `\n${t.kind} on « ${t.sheet} » header rows ${t.headerRows.join(",")}, total row ${t.totalRow}; read: ${got ? `« ${got.sheet} » ${got.range} header ${got.headerRows.join(",")}, ${got.fiches} fiches` : "NOT FOUND"}`,
    );
    const roles = new Set([
      ...Object.keys(t.columns),
      ...Object.keys(got?.columns ?? {}).filter((k) => !(got?.columns[k] && Object.values(t.columns).includes(got.columns[k]) && /\d{4}$/.test(k))),
    ]);
    for (const role of roles) {
      const tr = t.columns[role];
      const rd = got?.columns[role];
      console.log(
        `  ${tr === rd ? " " : "✗"} ${role.padEnd(20)} truth ${String(tr ?? "-").padEnd(3)} read ${String(rd ?? "-").padEnd(3)} ${tr ? `« ${(t.headers[tr] ?? "").replace(/\n/g, "⏎")} »` : ""}${rd && rd !== tr ? ` / read « ${(t.headers[rd] ?? "?").replace(/\n/g, "⏎")} »` : ""}`,
      );
    }
  }
  console.log(`\nread right: ${v.readRight}${v.fichesNote ? ` (${v.fichesNote})` : ""}${r.stderr ? `\nstderr: ${r.stderr.trim()}` : ""}`);
  for (const f of r.findings) console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.fiche ?? ""} ${f.message}`);
  const k = faultForSeed(a);
  const { grid, fault } = injectFault(a, k, seed);
  const rf = await check(await writeXlsx(grid), `annex-${seed}-${k}.xlsx`);
  console.log(`\nfault ${k}: ${fault.what} at ${fault.sheet}!${fault.cells.join("/")} → ${faultFound(fault, rf) ? "FOUND" : "missed"}`);
  for (const f of rf.findings.filter((x) => x.severity !== "info"))
    console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.message}`);
}

async function run(args: Args): Promise<void> {
  const t0 = Date.now();
  let readRight = 0;
  let readRightRules = 0;
  let fichesRight = 0;
  let falseErrors = 0;
  let falseWarnings = 0;
  let layoutIncomplete = 0;
  let flooding = 0;
  let faultsFound = 0;
  let faultsFoundReadRight = 0;
  let faultsReadRight = 0;
  let arithBroken = 0;
  let crashes = 0;
  let silentMissing = 0;
  let misreadUnsaid = 0;
  const silentSeeds: number[] = [];
  const misreadsAll: { seed: number; m: Misread }[] = [];
  const falseByRule: { rule: string; severity: string }[] = [];
  const falseSeeds = new Map<string, number[]>();
  const byFeature = new Map<string, [number, number]>();
  const byFault = new Map<string, [number, number]>();
  const missed: string[] = [];
  const flooders: string[] = [];
  for (let seed = args.from; seed < args.from + args.n; seed++) {
    const a = generateAnnex(seed, { cache: args.cache });
    if (checkArithmetic(a.grid, a.layout.tables, a.model).length) arithBroken++;
    const r = await check(await writeXlsx(a.grid), `annex-${seed}.xlsx`);
    if (r.exit === 2 && /inattendue|unexpected/i.test(r.stderr)) crashes++;
    const v = judgeReading(truthOf(a), r);
    if (v.readRight) readRight++;
    if (v.readRightRuleRoles) readRightRules++;
    if (v.fichesRight) fichesRight++;
    for (const f of new Set(a.layout.features)) {
      const x = byFeature.get(f) ?? [0, 0];
      x[0] += v.readRightRuleRoles ? 1 : 0;
      x[1]++;
      byFeature.set(f, x);
    }
    for (const m of v.misreads) misreadsAll.push({ seed, m });
    if (!v.readRightRuleRoles && !r.findings.some(isLayoutIncomplete)) misreadUnsaid++;
    if (v.misreads.some((m) => m.cause === "table not found") && !r.findings.some(isLayoutIncomplete)) {
      silentMissing++;
      silentSeeds.push(seed);
    }
    const ff = falseFindings(r);
    for (const f of ff) {
      if (f.severity === "error") falseErrors++;
      else falseWarnings++;
      if (isLayoutIncomplete(f)) layoutIncomplete++;
      else {
        falseByRule.push(f);
        const k = `${f.rule} (${f.severity})`;
        falseSeeds.set(k, [...(falseSeeds.get(k) ?? []), seed]);
      }
    }
    if (!v.readRightRuleRoles && ff.some((f) => !isLayoutIncomplete(f))) {
      flooding++;
      flooders.push(`${seed}: ${ff.length} findings`);
    }
    const k = faultForSeed(a);
    const { grid, fault } = injectFault(a, k, seed);
    const rf = await check(await writeXlsx(grid), `annex-${seed}-${k}.xlsx`);
    const found = faultFound(fault, rf);
    if (found) faultsFound++;
    if (v.readRightRuleRoles) {
      faultsReadRight++;
      if (found) faultsFoundReadRight++;
    }
    if (!found) missed.push(`${seed} ${k}${v.readRightRuleRoles ? "" : " (misread)"}: ${fault.what} at ${fault.sheet}!${fault.cells.join("/")}`);
    const x = byFault.get(k) ?? [0, 0];
    x[0] += found ? 1 : 0;
    x[1]++;
    byFault.set(k, x);
    if (!keepDir) for (const f of fs.readdirSync(work)) fs.rmSync(path.join(work, f), { force: true });
  }
  // LibreOffice round trips: a few annexes saved again by LibreOffice (its own writer, its own cached values)
  let soRight = 0;
  let soFalse = 0;
  let soDone = 0;
  let soBaseRight = 0;
  let soBaseFalse = 0;
  for (let i = 0; i < args.soffice; i++) {
    const seed = args.from + i;
    const a = generateAnnex(seed, { cache: args.cache });
    const original = await writeXlsx(a.grid);
    const bytes = libreOfficeRoundTrip(original, work, `lo-${seed}`);
    if (!bytes) continue;
    soDone++;
    const base = await check(original, `exceljs-${seed}.xlsx`);
    if (judgeReading(truthOf(a), base).readRightRuleRoles) soBaseRight++;
    soBaseFalse += falseFindings(base).filter((f) => !isLayoutIncomplete(f)).length;
    const r = await check(bytes, `lo-${seed}.xlsx`);
    if (judgeReading(truthOf(a), r).readRightRuleRoles) soRight++;
    soFalse += falseFindings(r).filter((f) => !isLayoutIncomplete(f)).length;
  }
  // look-alikes
  let rejected = 0;
  let looks = 0;
  const taken: string[] = [];
  for (let i = 0; i < Math.max(1, Math.round(args.n / 50)); i++)
    for (const kind of LOOKALIKE_KINDS) {
      looks++;
      const r = await check(await writeXlsx(generateLookalike(kind, args.from + i)), `lookalike-${kind}-${i}.xlsx`);
      if (r.exit === 2 && r.findings.length === 0 && r.tables.length === 0) rejected++;
      else taken.push(`${kind} #${i}: exit ${r.exit}, ${r.tables.map((t) => `${t.kind} ${t.sheet}!${t.range}`).join(", ")}, ${r.findings.length} findings`);
    }
  const n = args.n;
  const pct = (k: number, m: number) => `${k}/${m} (${m ? Math.round((100 * k) / m) : 0} %)`;
  const cacheNote = args.cache === "none" ? ", every formula without its cached value" : args.cache === "all" ? ", every formula with its cached value" : "";
  console.log(`corpus5 — seeds ${args.from}..${args.from + n - 1}${cacheNote} (${Math.round((Date.now() - t0) / 1000)} s)`);
  console.log(`  annexes read right (every role):      ${pct(readRight, n)}`);
  console.log(`  read right, rule roles:               ${pct(readRightRules, n)}`);
  console.log(`  fiches counted right (both tables):   ${pct(fichesRight, n)}`);
  console.log(`  false errors on clean annexes:        ${falseErrors}`);
  console.log(`  false warnings on clean annexes:      ${falseWarnings} (of which layout-incomplete ${layoutIncomplete})`);
  console.log(`  misread annexes flooding:             ${flooding}`);
  console.log(
    `  a table missed silently (no layout-incomplete): ${silentMissing}${silentSeeds.length ? ` — seeds ${silentSeeds.slice(0, 12).join(", ")}` : ""}`,
  );
  console.log(`  misread annexes (rule roles) with no layout-incomplete: ${misreadUnsaid}/${n - readRightRules}`);
  console.log(`  faults found at their cell:           ${pct(faultsFound, n)} (on annexes read right: ${pct(faultsFoundReadRight, faultsReadRight)})`);
  console.log(`  look-alikes rejected (exit 2, none):  ${pct(rejected, looks)}`);
  if (args.soffice)
    console.log(
      `  LibreOffice round trips read right:   ${pct(soRight, soDone)}, false findings besides layout-incomplete ${soFalse} (the same annexes as written by ExcelJS: ${soBaseRight} read right, ${soBaseFalse} false findings)`,
    );
  console.log(`  clean annexes breaking own arithmetic: ${arithBroken}${crashes ? `, CLI crashes ${crashes}` : ""}`);
  if (falseByRule.length) console.log(`  false findings by rule: ${count(falseByRule)}`);
  console.log(`  faults by kind: ${[...byFault].map(([k, [f, t]]) => `${k} ${f}/${t}`).join(", ")}`);
  if (taken.length) console.log(`  look-alikes taken for annexes:\n    ${taken.join("\n    ")}`);
  if (!args.verbose) return;
  console.log(`\nMisreadings by role and cause (header text → seeds):`);
  const groups = new Map<string, { seed: number; m: Misread }[]>();
  for (const x of misreadsAll) {
    const k = `${x.m.table} ${x.m.role} — ${x.m.cause}`;
    groups.set(k, [...(groups.get(k) ?? []), x]);
  }
  for (const [k, xs] of [...groups].sort((p, q) => q[1].length - p[1].length)) {
    console.log(`  ${k}: ${xs.length}`);
    const byHeader = new Map<string, number[]>();
    for (const { seed, m } of xs) {
      const h = `${m.truthHeader ? `« ${m.truthHeader.replace(/\n/g, "⏎")} »` : ""}${m.read ? ` read ${m.read}${m.readHeader ? ` « ${m.readHeader.replace(/\n/g, "⏎")} »` : ""}` : ""}`;
      byHeader.set(h, [...(byHeader.get(h) ?? []), seed]);
    }
    for (const [h, seeds] of [...byHeader].slice(0, 8)) console.log(`      ${h} — seeds ${seeds.slice(0, 8).join(", ")}${seeds.length > 8 ? "…" : ""}`);
    if (byHeader.size > 8) console.log(`      … ${byHeader.size - 8} more header texts`);
  }
  console.log(`\nRead right (rule roles) by feature:`);
  for (const [f, [k, t]] of [...byFeature].sort((p, q) => p[1][0] / p[1][1] - q[1][0] / q[1][1]))
    console.log(`  ${String(k).padStart(3)}/${String(t).padEnd(3)} ${f}`);
  console.log(`\nFalse findings on clean annexes (rule → seeds):`);
  for (const [k, seeds] of falseSeeds) console.log(`  ${k}: ${seeds.length} — seeds ${[...new Set(seeds)].slice(0, 12).join(", ")}`);
  console.log(`\nFlooding misread annexes: ${flooders.join("; ")}`);
  console.log(`\nMissed faults:\n  ${missed.join("\n  ")}`);
}

const args = parseArgs(process.argv.slice(2));
(args.seed !== null ? oneSeed(args.seed, args) : run(args))
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!keepDir) fs.rmSync(work, { recursive: true, force: true });
  });
