// Corpus figures for issue #10: how many independent annexes are read right, how many injected faults are found,
// and how many false errors and warnings clean annexes get. `npm run corpus [-- N [--verbose]]`.
import { checkAnnex } from "../src/core/check";
import { readingOf } from "../tests/support/corpus/evaluate";
import { applicableFaults, injectFault } from "../tests/support/corpus/faults";
import { generateCorpusAnnex } from "../tests/support/corpus/generate";
import { generateLookalike, LOOKALIKE_KINDS } from "../tests/support/corpus/lookalikes";

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const verbose = args.includes("--verbose");

let readRight = 0;
let falseErrors = 0;
let falseWarnings = 0;
let cleanWithFindings = 0;
let faults = 0;
let found = 0;
let flooded = 0;
let misreadSaid = 0;
const missedByKind = new Map<string, number>();
const byTag = new Map<string, { n: number; right: number }>();
const ruleCounts = new Map<string, number>();
const t0 = Date.now();
for (let seed = 1; seed <= n; seed++) {
  const a = generateCorpusAnnex(seed);
  const report = checkAnnex(a.workbook);
  const reading = readingOf(a, report);
  if (reading.right) readRight++;
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  falseErrors += errors.length;
  falseWarnings += warnings.length;
  if (errors.length + warnings.length) cleanWithFindings++;
  for (const f of [...errors, ...warnings]) ruleCounts.set(f.rule, (ruleCounts.get(f.rule) ?? 0) + 1);
  const layoutNotices = report.findings.filter((f) => (f.rule as string) === "layout-incomplete").length;
  if (!reading.right && errors.length + warnings.length > layoutNotices) flooded++;
  if (!reading.right && layoutNotices > 0) misreadSaid++;
  for (const tag of a.variety.map((v) => v.replace(/:.*$/, (m) => (m.length > 24 ? ":…" : m)))) {
    const e = byTag.get(tag) ?? { n: 0, right: 0 };
    e.n++;
    if (reading.right) e.right++;
    byTag.set(tag, e);
  }
  if (verbose && (!reading.right || errors.length || warnings.length)) {
    console.log(`#${seed} ${reading.right ? "read right" : "MISREAD"} e=${errors.length} w=${warnings.length} [${a.variety.join(" | ")}]`);
    for (const p of reading.problems.slice(0, 6)) console.log(`    ${p}`);
    for (const f of [...errors, ...warnings].slice(0, 4)) console.log(`    ${f.rule} ${f.sheet}!${f.cell}: ${f.message.slice(0, 140)}`);
  }
  const kinds = applicableFaults(a);
  const kind = kinds[seed % kinds.length]!;
  const { workbook, fault } = injectFault(a, kind, seed * 7 + 1);
  faults++;
  const fr = checkAnnex(workbook);
  if (fr.findings.some((f) => f.rule === fault.rule && f.sheet === fault.sheet && f.cell === fault.cell)) found++;
  else missedByKind.set(kind, (missedByKind.get(kind) ?? 0) + 1);
}
let lookRight = 0;
const lookBad: string[] = [];
for (const kind of LOOKALIKE_KINDS) {
  for (let s = 1; s <= 10; s++) {
    const r = checkAnnex(generateLookalike(kind, s));
    if (r.tables.length === 0 && r.findings.length === 0) lookRight++;
    else lookBad.push(`${kind}#${s}`);
  }
}
const pct = (k: number, m: number) => `${k}/${m} (${Math.round((100 * k) / Math.max(1, m))} %)`;
console.log(`Corpus of ${n} independent annexes (seeds 1..${n}), ${Date.now() - t0} ms`);
console.log(`  annexes read right        ${pct(readRight, n)}`);
console.log(`  clean annexes with a finding (error/warning) ${cleanWithFindings}`);
console.log(`  false errors              ${falseErrors}`);
console.log(`  false warnings            ${falseWarnings}`);
console.log(`  misread annexes flooding (more than the layout notice) ${flooded}`);
console.log(`  misread annexes that say so (layout-incomplete) ${misreadSaid}/${n - readRight}`);
console.log(`  faults found at their cell ${pct(found, faults)}`);
console.log(
  `  look-alikes rejected      ${pct(lookRight, LOOKALIKE_KINDS.length * 10)}${lookBad.length ? `  (taken for an annex: ${lookBad.join(", ")})` : ""}`,
);
console.log(`  missed faults by kind     ${[...missedByKind].map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`);
console.log(
  `  false findings by rule    ${
    [...ruleCounts]
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none"
  }`,
);
console.log("  read right by variety:");
for (const [tag, e] of [...byTag].sort()) console.log(`    ${tag.padEnd(40)} ${e.right}/${e.n}`);
