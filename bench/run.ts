// `npm run bench`: figures printed, never asserted (targets: issue 15).
//   1. In the bench process (--expose-gc, warm-up, least of 5): recognition of the 2022 annex, recognition growth, and
//      the core's check / fill / add-year plans at 20 000 and 40 000 fiche rows, a loud line when doubling more than doubles.
//   2. Whole commands as a user runs them (`node bin/cdppe.js check|fill|add-year`) on the 2022 annex, 5 000 and
//      10 000 fiche rows (100 000 with BENCH_LARGE=1 or --large), each beside the floor measured in the same run.
// BENCH_RUNS=n: runs per whole command and per floor on big files (default and least 3, medians: one run of a command
//   against the floor's median of 3 let a single noisy run decide the ratio; the 2022 annex always gets a warm-up and 5).
//   3. The pane in Chromium on the stubbed Excel host (bench/pane.bench.ts, through jest): the longest block of the UI
//      thread during a check, the add-year preview, its apply and undo, with and without the worker, 2022 annex, 5 000,
//      10 000 and 20 000 fiche rows, and the size of the snapshot posted to the worker. Needs the production build (dist/).
// BENCH_ONLY=core|commands|pane: one part only. BENCH_COMMANDS=check,fill: some commands only (e.g. check at 100 000 rows).
// On a loaded machine wall time stretches: the CPU column (user + system) and its ratio to the floor's CPU hold better.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkAnnex } from "../src/core/check";
import { planAddYear } from "../src/core/compute/addYear";
import { planFill } from "../src/core/compute/fill";
import { recognise } from "../src/core/layout/recognise";
import { readSnapshotFromPackage } from "../src/xlsx/package/readSnapshot";
import { generateAnnex } from "../tests/support/annexGenerator";
import { bigAnnex } from "./bigAnnexes";
import { cleanUp, measure, measureBatch, type CommandName, type RunFigures } from "./commands";
import { leastWallTime, row, time } from "./timing";

const FIXTURE = path.resolve(__dirname, "..", "..", "..", "tests", "fixtures", "annexe-cdppe-2022.xlsx");
const LARGE = process.env.BENCH_LARGE === "1" || process.argv.includes("--large");
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const YEARS = [2020, 2021, 2022, 2023, 2024];
const ONLY = process.env.BENCH_ONLY ?? "";
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Doubling guard: time ratio for twice the rows. Linear work gives at most 2 (less with fixed start-up costs). */
function guard(label: string, small: number, big: number, factor: number): string {
  const ratio = big / small;
  const limit = factor * 1.15;
  return ratio > limit
    ? `!!!!! NON LINÉAIRE : ${label} — x${ratio.toFixed(2)} pour x${factor} lignes (plus que x${factor}) !!!!!`
    : `  ok : ${label} — x${ratio.toFixed(2)} pour x${factor} lignes`;
}

/**
 * Rows of the in-process measures, the second twice the first, after every job has run on WARM_UP_SIZE rows: measured
 * from 10 000 rows on, the first size ran while V8 was still compiling the core (the doubling read x1.4 to x3.2 from one
 * run to the next).
 */
const WARM_UP_SIZE = 10000;
const CORE_SIZES = [20000, 40000] as const;

async function inProcess(): Promise<string[]> {
  const loud: string[] = [];
  const snap = readSnapshotFromPackage(fs.readFileSync(FIXTURE), FIXTURE);
  time(() => recognise(snap), 5);
  gc();
  const rec = time(() => recognise(snap), 21);
  console.log(`Reconnaissance, annexe 2022 : ${rec.ms.toFixed(2)} ms ${rec.ms < 50 ? "(cible < 50 ms : ok)" : "!!!!! AU-DESSUS DE 50 ms !!!!!"}`);
  const chk = time(() => checkAnnex(snap), 21);
  console.log(
    `Contrôle dans le cœur, annexe 2022 : ${chk.ms.toFixed(2)} ms ; plan add-year : ${time(() => planAddYear(snap), 21).ms.toFixed(2)} ms ; plan fill : ${time(() => planFill(snap), 21).ms.toFixed(2)} ms\n`,
  );

  console.log(
    `Cœur seul (instantané en mémoire, tout déjà passé sur ${WARM_UP_SIZE} fiches ; temps du fil principal à l'horloge, le moindre de 5, GC avant chaque passage) :`,
  );
  const widths = [8, 14, 12, 12, 14, 14];
  // Plans are timed on a layout recognised beforehand: recognition has its own column.
  console.log(row(["fiches", "reconnaissance", "contrôle", "plan fill", "plan add-year", "tas retenu"], widths));
  const figures = new Map<number, number[]>();
  {
    const w = generateAnnex({ fiches: WARM_UP_SIZE, years: YEARS, seed: 42 });
    const layout = recognise(w.workbook);
    for (let i = 0; i < 3; i++) {
      recognise(w.workbook);
      checkAnnex(w.workbook);
      planFill(w.workbook, {}, layout);
      planAddYear(w.workbook, {}, layout);
    }
  }
  for (const n of CORE_SIZES) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const g = generateAnnex({ fiches: n, years: YEARS, seed: 42 });
    gc();
    const heap = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    const layout = recognise(g.workbook);
    const jobs: Array<() => unknown> = [
      () => recognise(g.workbook),
      () => checkAnnex(g.workbook),
      () => planFill(g.workbook, {}, layout),
      () => planAddYear(g.workbook, {}, layout),
    ];
    const ms = jobs.map((fn) => {
      fn();
      return leastWallTime(fn, 5).ms;
    });
    figures.set(n, ms);
    console.log(row([n, ...ms.map((x) => x.toFixed(0) + " ms"), heap.toFixed(0) + " Mo"], widths));
  }
  const [small, big] = CORE_SIZES;
  ["reconnaissance", "contrôle", "plan fill", "plan add-year"].forEach((label, i) => {
    const line = guard(`cœur, ${label}`, figures.get(small)![i]!, figures.get(big)![i]!, 2);
    console.log(line);
    if (line.startsWith("!")) loud.push(line);
  });
  return loud;
}

const COMMANDS = (process.env.BENCH_COMMANDS ?? "check,fill,add-year")
  .split(",")
  .filter((c): c is CommandName => c === "check" || c === "fill" || c === "add-year");

const cpu = (f: RunFigures) => f.userMs + f.systemMs;

function printFigures(size: string, floor: RunFigures, figs: Map<CommandName, RunFigures>, rezip: RunFigures | null): void {
  const widths = [10, 9, 9, 9, 11, 9, 11, 9, 11, 5];
  const mb = (x: number) => `${x.toFixed(0)} Mo`;
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(
    `\n${size} — plancher (dézipper + lire chaque feuille, chaînes partagées résolues) : ${s(floor.ms)} (CPU ${s(cpu(floor))}), ${mb(floor.maxRssMb)}`,
  );
  console.log(row(["commande", "temps", "user", "système", "x plancher", "CPU", "x plancher", "mémoire", "x plancher", "code"], widths));
  for (const [name, f] of figs) {
    if (f.timedOut) {
      console.log(row([name, `> ${s(f.ms)}`, "", "", `> ${(f.ms / floor.ms).toFixed(0)}x`, "", "", "", "", "arrêté"], widths) + "  (BENCH_TIMEOUT dépassé)");
      continue;
    }
    console.log(
      row(
        [
          name,
          s(f.ms),
          s(f.userMs),
          s(f.systemMs),
          `${(f.ms / floor.ms).toFixed(1)}x`,
          s(cpu(f)),
          `${(cpu(f) / cpu(floor)).toFixed(1)}x`,
          mb(f.maxRssMb),
          `${(f.maxRssMb / floor.maxRssMb).toFixed(1)}x`,
          String(f.status),
        ],
        widths,
      ),
    );
  }
  if (!rezip) return;
  // The writes beside the cheapest rewrite of the same file (issue 15: within about 2x of unzip + rezip).
  const writes = [...figs].filter(([name, f]) => (name === "fill" || name === "add-year") && !f.timedOut);
  console.log(
    `  plancher d'écriture (dézipper + recompresser chaque partie, zlib niveau 6) : ${s(rezip.ms)} (CPU ${s(cpu(rezip))}), ${mb(rezip.maxRssMb)} ; ` +
      writes.map(([name, f]) => `${name} CPU ${(cpu(f) / cpu(rezip)).toFixed(1)}x, mémoire ${(f.maxRssMb / rezip.maxRssMb).toFixed(1)}x`).join(" ; "),
  );
}

/** check's CPU by step in a fresh process (bench/rulesShare.ts): every step from start-up to the text output, each rule. */
function rulesShare(file: string): string {
  const r = spawnSync(process.execPath, [path.join(__dirname, "rulesShare.js"), file], { encoding: "utf8", maxBuffer: 2 ** 24 });
  if (r.status !== 0) return `  part des règles : non mesurée (${(r.stderr || "").trim().split("\n")[0] ?? ""})`;
  const f = JSON.parse(r.stdout) as {
    startMs: number;
    loadMs: number;
    guardMs: number;
    readMs: number;
    recogniseMs: number;
    rules: Array<[string, number]>;
    engineMs: number;
    outputMs: number;
    totalMs: number;
  };
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const total = f.rules.reduce((a, [, x]) => a + x, 0);
  const top = [...f.rules].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return (
    `  check par étape (CPU de tous les fils, processus neuf, sans cache de code) : démarrage de node ${ms(f.startMs)}, ` +
    `modules ${ms(f.loadMs)}, garde ${ms(f.guardMs)}, lecture ${ms(f.readMs)}, reconnaissance ${ms(f.recogniseMs)}, ` +
    `règles ${ms(total)} (${f.rules.length} règles ; ${top.map(([id, x]) => `${id} ${x.toFixed(0)}`).join(", ")}), ` +
    `reste de checkAnnex (vues, filtres, tri, rapport) ${ms(f.engineMs)}, sortie texte ${ms(f.outputMs)} ; total ${ms(f.totalMs)}`
  );
}

async function wholeCommands(): Promise<string[]> {
  const loud: string[] = [];
  console.log("\nCommandes entières (un processus node par mesure, démarrage compris ; temps = horloge, mémoire = maxRSS du processus) :");
  const sizes: Array<{ label: string; file: string; fiches: number | null; runs: number; warmUps: number }> = [
    { label: "annexe 2022", file: FIXTURE, fiches: null, runs: 5, warmUps: 1 },
  ];
  for (const n of [5000, 10000, ...(LARGE ? [100000] : [])]) {
    const { file, madeMs } = await bigAnnex(n);
    if (madeMs !== null)
      console.log(`  (annexe de ${n} fiches générée en ${(madeMs / 1000).toFixed(1)} s : ${file}, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} Mo)`);
    // The floor's warm-up brings the file into the page cache; the floor and each command then run BENCH_RUNS times.
    sizes.push({ label: `${n} fiches`, file, fiches: n, runs: RUNS, warmUps: 0 });
  }
  const results = new Map<string, { floor: RunFigures; figs: Map<CommandName, RunFigures> }>();
  for (const sz of sizes) {
    const floor = measure("floor", sz.file, sz.runs, 1);
    const figs = new Map<CommandName, RunFigures>();
    for (const c of COMMANDS) figs.set(c, measure(c, sz.file, sz.runs, sz.warmUps));
    const writes = COMMANDS.includes("fill") || COMMANDS.includes("add-year");
    printFigures(sz.label, floor, figs, writes ? measure("rezip", sz.file, sz.runs, 1) : null);
    if (COMMANDS.includes("check")) console.log(rulesShare(sz.file));
    results.set(sz.label, { floor, figs });
  }
  console.log("\nCroissance des commandes entières, en temps CPU (démarrage compris, qui la tire vers le bas) :");
  const pairs: Array<[string, string, number]> = [
    ["5000 fiches", "10000 fiches", 2],
    ...(LARGE ? [["10000 fiches", "100000 fiches", 10] as [string, string, number]] : []),
  ];
  for (const [a, b, factor] of pairs) {
    const ra = results.get(a)!;
    const rb = results.get(b)!;
    for (const c of ["floor", ...COMMANDS] as const) {
      const fa = c === "floor" ? ra.floor : ra.figs.get(c)!;
      const fb = c === "floor" ? rb.floor : rb.figs.get(c)!;
      if (fa.timedOut || fb.timedOut) {
        const line = `!!!!! ${c} ${a} -> ${b} : arrêté au bout de BENCH_TIMEOUT, croissance non mesurée !!!!!`;
        console.log(line);
        loud.push(line);
        continue;
      }
      const line = guard(`${c} ${a} -> ${b} (CPU)`, cpu(fa), cpu(fb), factor);
      console.log(line);
      if (line.startsWith("!")) loud.push(line);
    }
  }
  if (!LARGE) console.log("  (100 000 fiches : BENCH_LARGE=1 npm run bench, ou npm run bench -- --large)");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-bench-batch-"));
  const files = Array.from({ length: 100 }, (_, i) => path.join(dir, `annexe-${i}.xlsx`));
  for (const f of files) fs.copyFileSync(FIXTURE, f);
  // The default thread count (one per core), then 2 threads as on the target's 2 cores.
  for (const threads of [undefined, 2]) {
    const batch = measureBatch(files, threads);
    const how = threads === undefined ? `fils par défaut (${os.availableParallelism()} cœurs)` : `CDPPE_THREADS=${threads}`;
    console.log(
      `${threads === undefined ? "\n" : ""}Lot : cdppe check sur 100 copies de l'annexe 2022, ${how} : ${(batch.ms / 1000).toFixed(2)} s (CPU ${(cpu(batch) / 1000).toFixed(2)} s, charge ${os.loadavg()[0]!.toFixed(1)}), ${batch.maxRssMb.toFixed(0)} Mo (cible < 3 s sur 2 cœurs)`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const help = measure("help", FIXTURE, 5, 1);
  console.log(
    `cdppe --help : ${(help.ms / 1000).toFixed(3)} s (CPU ${(cpu(help) / 1000).toFixed(3)} s), ${help.maxRssMb.toFixed(0)} Mo ${help.ms < 150 ? "(cible < 0,15 s : ok)" : "!!!!! AU-DESSUS DE 0,15 s !!!!!"}`,
  );
  return loud;
}

/** The pane's figures: jest compiles the stub and drives Chromium (bench/pane.bench.ts); its output is printed as is. */
function pane(): string[] {
  const root = path.resolve(__dirname, "..", "..", "..");
  console.log("");
  if (!fs.existsSync(path.join(root, "dist", "checkWorker.js"))) {
    const line = "!!!!! Volet non mesuré : dist/ absent ou ancien (lancez « npm run build ») !!!!!";
    console.log(line);
    return [line];
  }
  const config = {
    rootDir: root,
    testEnvironment: "node",
    testMatch: ["<rootDir>/bench/pane.bench.ts"],
    transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  };
  const r = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "jest", "bin", "jest.js"), "--config", JSON.stringify(config), "--silent=false", "--verbose=false"],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    },
  );
  // Jest prints console.log with its own decoration: only the figures are kept.
  const out = `${r.stdout}\n${r.stderr}`
    .split("\n")
    .filter((l) => /^\s{4}\S|^\s{6}/.test(l) && !/console\.log|^\s+at /.test(l))
    .map((l) => l.replace(/^ {4}/, ""));
  console.log(out.join("\n"));
  if (r.status !== 0) {
    const line = `!!!!! Volet : la mesure a échoué (code ${r.status}) !!!!!`;
    console.log(line, r.stderr.slice(-2000));
    return [line];
  }
  return out.filter((l) => l.includes("!!!!!"));
}

async function main(): Promise<void> {
  const t0 = Date.now();
  console.log(
    `Annexe CDPPE — mesures (Node ${process.version}, ${os.cpus().length} cœurs, charge ${os.loadavg()[0]!.toFixed(1)}${typeof (globalThis as { gc?: unknown }).gc === "function" ? ", --expose-gc" : ", SANS --expose-gc"})\n`,
  );
  const loud = [
    ...(ONLY === "" || ONLY === "core" ? await inProcess() : []),
    ...(ONLY === "" || ONLY === "commands" ? await wholeCommands() : []),
    ...(ONLY === "" || ONLY === "pane" ? pane() : []),
  ];
  console.log(`\nBanc terminé en ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
  if (loud.length) {
    console.log("\n" + "!".repeat(78));
    console.log("!!!!! À REGARDER : étapes non linéaires (doubler les lignes fait plus que doubler le temps), volet au-dessus de 100 ms !!!!!");
    for (const l of loud) console.log(l);
    console.log("!".repeat(78));
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(cleanUp);
