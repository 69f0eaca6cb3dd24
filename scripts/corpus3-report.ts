// corpus3 figures for issue #10, measured through the CLI (`check --format json`, `inspect --format json`) on real
// .xlsx files: `npm run corpus3 [-- N] [--from S] [--verbose] [--no-inspect]`, or one annex in detail with `--seed S`.
// CORPUS3_DIR=folder keeps the workbooks (annex-S.xlsx, annex-S-<fault>.xlsx) to open them with `cdppe inspect` or Excel.
import { cleanup } from "../tests/support/corpus3/evaluate";
import { LOOKALIKE_KINDS } from "../tests/support/corpus3/lookalikes";
import { generateAnnex } from "../tests/support/corpus3/generate";
import { figures, runAnnex, runCorpus, type AnnexResult } from "../tests/support/corpus3/run";

const args = process.argv.slice(2);
const n = Number(args.find((a, i) => /^\d+$/.test(a) && !["--from", "--seed"].includes(args[i - 1] ?? "")) ?? 120);
const fromIdx = args.indexOf("--from");
const from = fromIdx >= 0 ? Number(args[fromIdx + 1]) : 1;
const verbose = args.includes("--verbose");
const inspect = !args.includes("--no-inspect");

const pct = (k: number, m: number) => `${k}/${m} (${Math.round((100 * k) / Math.max(1, m))} %)`;
const family = (key: string) => key.replace(/20\d\d$/, "<year>");

async function one(seed: number): Promise<void> {
  const a = generateAnnex(seed);
  const r = await runAnnex(seed, { inspect: true });
  console.log(
    `corpus3 seed ${seed}: ${r.readRight ? "read right" : r.readRightRules ? "read right (rule roles)" : "MISREAD"}; inspect ${r.inspectRight ? "right" : "wrong"}; exit ${r.exitClean}`,
  );
  console.log(`  variety: ${a.features.join(" | ")}`);
  for (const t of a.truth) {
    console.log(
      `  ${t.kind} on « ${t.sheet} », header rows ${t.headerRows.join(",")}, ${t.ficheRows.length} fiche rows, sub-totals ${t.subtotalRows.join(",") || "none"}, TOTAL ${t.totalRow}`,
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
  console.log(`  fault ${r.fault.kind}: ${r.fault.rule} at ${r.fault.sheet}!${r.fault.cell} (${r.fault.note}) → ${r.faultFound ? "found" : "MISSED"}`);
}

async function run(): Promise<void> {
  const seedIdx = args.indexOf("--seed");
  if (seedIdx >= 0) return one(Number(args[seedIdx + 1]));
  const seeds = Array.from({ length: n }, (_, i) => from + i);
  const r = await runCorpus(seeds, [1, 2, 3, 4, 5], { inspect });
  const f = figures(r);
  console.log(`corpus3: ${n} annexes (seeds ${from}..${from + n - 1}) + ${f.lookalikes} look-alikes, through the CLI on .xlsx files, ${r.ms} ms`);
  if (f.inconsistent) console.log(`  !! generator: ${f.inconsistent} clean annexes fail corpus3's own arithmetic check`);
  console.log(`  annexes read right (check)          ${pct(f.readRight, n)}   every role at its true column`);
  console.log(`  annexes read right, rule roles      ${pct(f.readRightRules, n)}   label, theme, indicators aside`);
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

  const byRule = new Map<string, number>();
  for (const a of r.annexes)
    for (const x of [...a.falseErrors, ...a.falseWarnings]) byRule.set(`${x.rule} (${x.severity})`, (byRule.get(`${x.rule} (${x.severity})`) ?? 0) + 1);
  console.log(
    `  false findings by rule              ${
      [...byRule]
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "none"
    }`,
  );
  const missed = new Map<string, number[]>();
  for (const a of r.annexes) if (!a.faultFound) missed.set(a.fault.kind, [...(missed.get(a.fault.kind) ?? []), a.seed]);
  const tried = new Map<string, number>();
  for (const a of r.annexes) tried.set(a.fault.kind, (tried.get(a.fault.kind) ?? 0) + 1);
  console.log(`  faults missed by kind               ${[...missed].map(([k, v]) => `${k} ${v.length}/${tried.get(k)}`).join(", ") || "none"}`);
  const lookBad = r.lookalikes.filter((x) => !x.rejected);
  if (lookBad.length)
    console.log(
      `  look-alikes taken for an annex      ${lookBad.map((x) => `${x.kind}#${x.seed} (exit ${x.code}, ${x.findings} findings, ${x.tables.join(" ")})`).join("; ")}`,
    );
  console.log(`  look-alike kinds                    ${LOOKALIKE_KINDS.join(", ")}`);

  if (!verbose) return;
  // Misreadings grouped by cause: which role, how, under which header text.
  const groups = new Map<string, { seeds: number[]; headers: Set<string> }>();
  for (const a of r.annexes) {
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
  }
  // The variety features most over-represented among a cause's annexes (share in the group / share overall).
  const featShare = new Map<string, number>();
  for (const a of r.annexes) for (const ft of new Set(a.features)) featShare.set(ft, (featShare.get(ft) ?? 0) + 1 / r.annexes.length);
  const featuresOf = (seeds: number[]) => {
    const inGroup = new Map<string, number>();
    for (const a of r.annexes.filter((x) => seeds.includes(x.seed)))
      for (const ft of new Set(a.features)) inGroup.set(ft, (inGroup.get(ft) ?? 0) + 1 / seeds.length);
    return [...inGroup]
      .filter(([ft, sh]) => sh >= 0.3 && sh / featShare.get(ft)! >= 2 && !ft.startsWith("years:"))
      .sort((x, y) => y[1] / featShare.get(y[0])! - x[1] / featShare.get(x[0])!)
      .slice(0, 4)
      .map(([ft, sh]) => `${ft} ${Math.round(sh * 100)} %`);
  };
  console.log("\nMisread roles by cause (annexes, seeds, header texts, variety features over-represented):");
  for (const [k, g] of [...groups].sort((x, y) => y[1].seeds.length - x[1].seeds.length)) {
    console.log(`  ${k.padEnd(48)} ${String(g.seeds.length).padStart(3)}  seeds ${g.seeds.slice(0, 8).join(",")}`);
    const fts = g.seeds.length >= 3 ? featuresOf(g.seeds) : [];
    if (fts.length) console.log(`      features: ${fts.join(", ")}`);
    for (const h of [...g.headers].slice(0, 5)) console.log(`      « ${h.replace(/\n/g, "⏎")} »`);
  }
  // Which variety features go with misreadings.
  const feats = new Map<string, { n: number; bad: number }>();
  for (const a of r.annexes)
    for (const ft of a.features) {
      const e = feats.get(ft) ?? { n: 0, bad: 0 };
      e.n++;
      if (!a.readRight) e.bad++;
      feats.set(ft, e);
    }
  console.log("\nVariety features: misread / annexes with the feature (worst first):");
  for (const [ft, e] of [...feats].filter(([, e]) => e.bad > 0).sort((x, y) => y[1].bad / y[1].n - x[1].bad / x[1].n))
    console.log(`  ${ft.padEnd(48)} ${e.bad}/${e.n}`);
  console.log("\nFalse findings on clean annexes:");
  const show = (a: AnnexResult) => [...a.falseErrors, ...a.falseWarnings];
  for (const a of r.annexes.filter((x) => show(x).length)) {
    console.log(`  #${a.seed} ${a.readRight ? "read right" : "MISREAD"} e=${a.falseErrors.length} w=${a.falseWarnings.length}`);
    for (const x of show(a).slice(0, 4)) console.log(`      ${x.rule} ${x.sheet}!${x.cell}: ${x.message.replace(/\n/g, " ").slice(0, 160)}`);
  }
  console.log("\nMissed faults:");
  for (const a of r.annexes.filter((x) => !x.faultFound)) {
    console.log(`  #${a.seed} ${a.fault.kind} → ${a.fault.rule} at ${a.fault.sheet}!${a.fault.cell} (${a.fault.note})${a.readRight ? "" : " [annex misread]"}`);
    const near = a.faultFindings.filter((x) => x.rule === a.fault.rule || x.cell === a.fault.cell).slice(0, 3);
    for (const x of near) console.log(`      got ${x.rule} ${x.sheet}!${x.cell}: ${x.message.slice(0, 120)}`);
  }
  const incons = r.annexes.filter((x) => x.arithmetic.length);
  if (incons.length) {
    console.log("\nGenerator inconsistencies (corpus3 bug, not the product's):");
    for (const a of incons) console.log(`  #${a.seed}: ${a.arithmetic.slice(0, 4).join("; ")}`);
  }
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
