// Child process of the bench (bench/run.ts): where `check`'s CPU goes on one file, in a fresh process as the CLI meets
// it (each step's code runs for the first time here), under the CLI's V8 flags: start-up, module loading, the input
// guard, the read, recognition, each rule in registry order, the rest of checkAnnex (views, gating, the filters after
// the rules, sorting, the report's tables and rows), and the text output. Every step is the process's CPU (all
// threads: V8's background compiles and GC land in the step they overlap). Unlike the CLI, no code cache (the modules
// are this build's, fresh after `tsc -p tsconfig.bench.json`): first-use compiles fall in each step. Prints JSON.
// First, as src/cli/codeCache.ts does: the flags every command runs under.
import "../src/cli/v8Flags";

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const startMs = cpuMs();
  const file = process.argv[2]!;
  let t = cpuMs();
  const { guardInput } = await import("../src/cli/inputGuard");
  const { readSnapshotFromPackage } = await import("../src/xlsx/package/readSnapshot");
  const { checkAnnex } = await import("../src/core/check");
  const { recognise } = await import("../src/core/layout/recognise");
  const { RULES } = await import("../src/core/rules/registry");
  const { textOf, viewOf } = await import("../src/cli/commands/check");
  const loadMs = cpuMs() - t;

  t = cpuMs();
  const guarded = guardInput(file, { streamed: true });
  const guardMs = cpuMs() - t;
  t = cpuMs();
  const wb = readSnapshotFromPackage(guarded.bytes, file, guarded.parts);
  const readMs = cpuMs() - t;
  t = cpuMs();
  const layout = recognise(wb);
  const recogniseMs = cpuMs() - t;

  // The rules run inside checkAnnex, as the CLI runs them; each one's run is timed there (a rule skipped costs nothing).
  const ruleMs = new Map<string, number>(RULES.map((r) => [r.id, 0]));
  for (const rule of RULES) {
    const run = rule.run.bind(rule);
    rule.run = (ctx) => {
      const t0 = cpuMs();
      try {
        return run(ctx);
      } finally {
        ruleMs.set(rule.id, ruleMs.get(rule.id)! + cpuMs() - t0);
      }
    };
  }
  t = cpuMs();
  const report = checkAnnex(wb, {}, layout);
  const checkMs = cpuMs() - t;
  const rules = [...ruleMs];
  const engineMs = checkMs - rules.reduce((a, [, ms]) => a + ms, 0);

  t = cpuMs();
  const { layout: _layout, ...plain } = report;
  const shown = viewOf(plain, {});
  const text = textOf({ file, report: shown.report, error: null }, shown.hidden);
  const outputMs = cpuMs() - t;
  const totalMs = cpuMs();
  process.stdout.write(
    JSON.stringify({
      startMs,
      loadMs,
      guardMs,
      readMs,
      recogniseMs,
      rules,
      engineMs,
      outputMs,
      totalMs,
      findings: report.findings.length,
      textChars: text.length,
    }),
  );
}

void main();
