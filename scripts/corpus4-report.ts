// corpus4 figures for issue #10, measured through the CLI (`check --format json`, `inspect --format json`) on real
// .xlsx files written the way four kinds of writer leave them (Excel, openpyxl, xlsxwriter, values only):
// `npm run corpus4 [-- N] [--from S] [--verbose] [--no-inspect] [--flavour excel|openpyxl|xlsxwriter|values]`,
// or one annex in detail with `--seed S`. CORPUS4_DIR=folder keeps the workbooks to open them.
import { arithmeticProblems } from "../tests/support/corpus4/arith";
import { faultyAnnex } from "../tests/support/corpus4/faults";
import { generateAnnex } from "../tests/support/corpus4/generate";
import { LOOKALIKE_KINDS } from "../tests/support/corpus4/lookalikes";
import { cleanup, figures, runAnnex, runCorpus, type AnnexResult } from "../tests/support/corpus4/run";
import { FLAVOURS, type Flavour } from "../tests/support/corpus4/xlsx";

const args = process.argv.slice(2);
const valued = ["--from", "--seed", "--flavour"];
const n = Number(args.find((a, i) => /^\d+$/.test(a) && !valued.includes(args[i - 1] ?? "")) ?? 120);
const opt = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const from = Number(opt("--from") ?? 1);
const verbose = args.includes("--verbose");
const inspect = !args.includes("--no-inspect");
const flavour = opt("--flavour") as Flavour | undefined;

const pct = (k: number, m: number) => `${k}/${m} (${Math.round((100 * k) / Math.max(1, m))} %)`;
const family = (key: string) => key.replace(/20\d\d$/, "<year>");

async function one(seed: number): Promise<void> {
  const a = generateAnnex(seed, { flavour });
  const r = await runAnnex(seed, { inspect: true, flavour });
  console.log(
    `corpus4 seed ${seed} [${r.flavour}]: ${r.readRight ? "read right" : r.readRightRules ? "read right (rule roles)" : "MISREAD"}; inspect ${r.inspectRight ? "right" : "wrong"}; exit ${r.exitClean}${r.crash ? `; CRASH ${r.crash}` : ""}`,
  );
  console.log(`  variety: ${a.features.join(" | ")}`);
  for (const t of a.truth) {
    console.log(
      `  ${t.kind} on « ${t.sheet} », header rows ${t.headerRows.join(",")}, ${Object.keys(t.ficheRows).length} fiches, sub-totals ${t.subtotalRows.join(",") || "none"}, TOTAL ${t.totalRow}`,
    );
    for (const [k, l] of Object.entries(t.columns)) {
      const p = r.problems.find((x) => x.table === t.kind && x.key === k);
      console.log(
        `    ${k.padEnd(20)} ${l.padEnd(4)} ${p ? `✗ ${p.cause}${p.got ? ` (read ${p.got})` : ""}` : "✓"}  « ${(t.headerOf[k] ?? "").replace(/\n/g, "⏎")} »`,
      );
    }
  }
  for (const p of r.problems.filter((x) => x.cause === "spurious" || x.key === "*"))
    console.log(`  ✗ ${p.table} ${p.key} ${p.cause} ${p.got ?? ""} ${p.header}`);
  for (const f of [...r.falseErrors, ...r.falseWarnings]) console.log(`  false ${f.severity} ${f.rule} ${f.sheet}!${f.cell}: ${f.message.replace(/\n/g, " ")}`);
  console.log(
    `  fault ${r.fault.kind}: ${r.fault.rule} at ${r.fault.sheet}!${r.fault.cell} (${r.fault.note}) → ${r.faultFound ? "found" : "MISSED"} (exit ${r.faultExit})`,
  );
  if (!r.faultFound)
    for (const f of r.faultFindings.slice(0, 8)) console.log(`      got ${f.severity} ${f.rule} ${f.sheet}!${f.cell}: ${f.message.slice(0, 140)}`);
  if (r.arithmetic.length) console.log(`  !! generator inconsistency: ${r.arithmetic.slice(0, 5).join("; ")}`);
  void faultyAnnex;
}

function block(title: string, A: AnnexResult[]) {
  const f = figures({ annexes: A, lookalikes: [] });
  const m = A.length;
  const notices = A.reduce((acc, x) => acc + x.layoutNotices, 0);
  console.log(
    `  ${title.padEnd(12)} read right ${pct(f.readRight, m).padEnd(13)} rule roles ${pct(f.readRightRules, m).padEnd(13)} false errors ${String(f.falseErrors).padStart(4)}  false warnings ${String(f.falseWarnings).padStart(4)} (${notices} layout)  flooding ${String(f.flooded).padStart(3)}  faults found ${pct(f.faultsFound, m)}${f.crashes ? `  CRASHES ${f.crashes}` : ""}`,
  );
}

async function run(): Promise<void> {
  const seed = opt("--seed");
  if (seed) return one(Number(seed));
  const seeds = Array.from({ length: n }, (_, i) => from + i);
  const r = await runCorpus(seeds, [1, 2, 3], { inspect, flavour });
  const f = figures(r);
  console.log(
    `corpus4: ${n} annexes (seeds ${from}..${from + n - 1}${flavour ? `, all ${flavour}` : ""}) + ${f.lookalikes} look-alikes, through the CLI on .xlsx files, ${r.ms} ms`,
  );
  if (f.inconsistent) console.log(`  !! generator: ${f.inconsistent} clean annexes fail corpus4's own arithmetic check`);
  console.log(`  annexes read right (check)          ${pct(f.readRight, n)}   every role at its true column, no extra table`);
  console.log(`  annexes read right, rule roles      ${pct(f.readRightRules, n)}   label, theme, indicators, mesure, objectif aside`);
  if (inspect) console.log(`  annexes read right (inspect map)    ${pct(f.inspectRight, f.inspected)}`);
  console.log(`  false errors on clean annexes       ${f.falseErrors}`);
  const notices = r.annexes.reduce((acc, x) => acc + x.layoutNotices, 0);
  console.log(`  false warnings on clean annexes     ${f.falseWarnings}   (${notices} of them layout-incomplete notices, ${f.falseWarnings - notices} other)`);
  console.log(`  clean annexes with an error/warning ${f.cleanWithErrorOrWarning}   (exit ≠ 0: ${f.cleanExitNonZero})`);
  console.log(`  misread annexes flooding            ${f.flooded}`);
  console.log(
    `  faults found at their cell          ${pct(f.faultsFound, n)}   (on annexes read right: ${pct(f.readRightRulesFaultsFound, f.readRightRules)})`,
  );
  console.log(`  look-alikes rejected (exit 2, none) ${pct(f.lookalikesRejected, f.lookalikes)}`);
  if (f.crashes)
    console.log(
      `  CLI crashes / unreadable            ${f.crashes}: seeds ${r.annexes
        .filter((a) => a.crash)
        .map((a) => a.seed)
        .slice(0, 12)
        .join(",")}`,
    );
  console.log("\nBy writer flavour:");
  for (const fl of FLAVOURS) {
    const A = r.annexes.filter((a) => a.flavour === fl);
    if (A.length) block(`${fl} (${A.length})`, A);
  }

  const byRule = new Map<string, number>();
  for (const a of r.annexes)
    for (const x of [...a.falseErrors, ...a.falseWarnings]) byRule.set(`${x.rule} (${x.severity})`, (byRule.get(`${x.rule} (${x.severity})`) ?? 0) + 1);
  console.log(
    `\n  false findings by rule              ${
      [...byRule]
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "none"
    }`,
  );
  const missed = new Map<string, number[]>();
  const tried = new Map<string, number>();
  for (const a of r.annexes) {
    tried.set(a.fault.kind, (tried.get(a.fault.kind) ?? 0) + 1);
    if (!a.faultFound) missed.set(a.fault.kind, [...(missed.get(a.fault.kind) ?? []), a.seed]);
  }
  console.log(
    `  faults missed by kind               ${
      [...missed]
        .sort((x, y) => y[1].length - x[1].length)
        .map(([k, v]) => `${k} ${v.length}/${tried.get(k)}`)
        .join(", ") || "none"
    }`,
  );
  const lookBad = r.lookalikes.filter((x) => !x.rejected);
  if (lookBad.length)
    console.log(
      `  look-alikes taken for an annex      ${lookBad.map((x) => `${x.kind}#${x.seed} (exit ${x.code}, ${x.findings} findings, ${x.tables.join(" ")})`).join("; ")}`,
    );
  console.log(`  look-alike kinds                    ${LOOKALIKE_KINDS.join(", ")}`);

  if (!verbose) return;
  const groups = new Map<string, { seeds: number[]; headers: Set<string> }>();
  for (const a of r.annexes)
    for (const p of a.problems) {
      const k = `${p.table} ${family(p.key)} ${p.cause}`;
      const g = groups.get(k) ?? { seeds: [], headers: new Set() };
      if (!g.seeds.includes(a.seed)) g.seeds.push(a.seed);
      if (p.header)
        g.headers.add(
          p.cause === "spurious" ? `read from ${p.got}: ${p.header}` : p.cause === "wrong-column" ? `${p.header} (read ${p.got}, true ${p.want})` : p.header,
        );
      groups.set(k, g);
    }
  const featShare = new Map<string, number>();
  for (const a of r.annexes) for (const ft of new Set(a.features)) featShare.set(ft, (featShare.get(ft) ?? 0) + 1 / r.annexes.length);
  const featuresOf = (seeds: number[]) => {
    const inGroup = new Map<string, number>();
    for (const a of r.annexes.filter((x) => seeds.includes(x.seed)))
      for (const ft of new Set(a.features)) inGroup.set(ft, (inGroup.get(ft) ?? 0) + 1 / seeds.length);
    return [...inGroup]
      .filter(([ft, sh]) => sh >= 0.3 && sh / featShare.get(ft)! >= 1.8 && !ft.startsWith("years:"))
      .sort((x, y) => y[1] / featShare.get(y[0])! - x[1] / featShare.get(x[0])!)
      .slice(0, 4)
      .map(([ft, sh]) => `${ft} ${Math.round(sh * 100)} %`);
  };
  console.log("\nMisread roles by cause (annexes, seeds, header texts, variety features over-represented):");
  for (const [k, g] of [...groups].sort((x, y) => y[1].seeds.length - x[1].seeds.length)) {
    console.log(`  ${k.padEnd(48)} ${String(g.seeds.length).padStart(3)}  seeds ${g.seeds.slice(0, 10).join(",")}`);
    const fts = g.seeds.length >= 3 ? featuresOf(g.seeds) : [];
    if (fts.length) console.log(`      features: ${fts.join(", ")}`);
    for (const h of [...g.headers].slice(0, 6)) console.log(`      « ${h.replace(/\n/g, "⏎")} »`);
  }
  const feats = new Map<string, { n: number; bad: number }>();
  for (const a of r.annexes)
    for (const ft of a.features) {
      const e = feats.get(ft) ?? { n: 0, bad: 0 };
      e.n++;
      if (!a.readRight) e.bad++;
      feats.set(ft, e);
    }
  console.log("\nVariety features: misread / annexes with the feature (worst first):");
  for (const [ft, e] of [...feats]
    .filter(([, e]) => e.bad > 0 && e.n >= 3)
    .sort((x, y) => y[1].bad / y[1].n - x[1].bad / x[1].n)
    .slice(0, 40))
    console.log(`  ${ft.padEnd(56)} ${e.bad}/${e.n}`);
  console.log("\nFalse findings on clean annexes:");
  for (const a of r.annexes.filter((x) => x.falseErrors.length + x.falseWarnings.length)) {
    console.log(`  #${a.seed} [${a.flavour}] ${a.readRight ? "read right" : "MISREAD"} e=${a.falseErrors.length} w=${a.falseWarnings.length}`);
    for (const x of [...a.falseErrors, ...a.falseWarnings].slice(0, 4))
      console.log(`      ${x.rule} ${x.sheet}!${x.cell}: ${x.message.replace(/\n/g, " ").slice(0, 170)}`);
  }
  console.log("\nMissed faults:");
  for (const a of r.annexes.filter((x) => !x.faultFound)) {
    console.log(
      `  #${a.seed} [${a.flavour}] ${a.fault.kind} → ${a.fault.rule} at ${a.fault.sheet}!${a.fault.cell} (${a.fault.note})${a.readRightRules ? "" : " [annex misread]"}`,
    );
    const near = a.faultFindings.filter((x) => x.rule === a.fault.rule || a.fault.cells.includes(x.cell)).slice(0, 3);
    for (const x of near) console.log(`      got ${x.rule} ${x.sheet}!${x.cell}: ${x.message.slice(0, 130)}`);
  }
  const crashes = r.annexes.filter((x) => x.crash);
  if (crashes.length) {
    console.log("\nCLI crashes / unreadable:");
    for (const a of crashes) console.log(`  #${a.seed} [${a.flavour}] ${a.crash}`);
  }
  const incons = r.annexes.filter((x) => x.arithmetic.length);
  if (incons.length) {
    console.log("\nGenerator inconsistencies (corpus4 bug, not the product's):");
    for (const a of incons) console.log(`  #${a.seed}: ${a.arithmetic.slice(0, 4).join("; ")}`);
  }
  void arithmeticProblems;
}

run().then(
  () => {
    cleanup();
    process.exit(0);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
