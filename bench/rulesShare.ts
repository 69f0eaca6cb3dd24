// Child process of the bench (bench/run.ts): where `check`'s CPU goes on one file, in a fresh process as the CLI meets
// it (each rule's code runs for the first time here): read, recognition, then each rule in registry order. Prints JSON.
import * as fs from "fs";
import { recognise } from "../src/core/layout/recognise";
import { TableView } from "../src/core/layout/view";
import { needsReason } from "../src/core/rules/needs";
import { RULES } from "../src/core/rules/registry";
import type { RuleContext } from "../src/core/rules/types";
import { readSnapshotFromPackage } from "../src/xlsx/package/readSnapshot";

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function main(): void {
  const file = process.argv[2]!;
  let t = cpuMs();
  const wb = readSnapshotFromPackage(fs.readFileSync(file), file);
  const readMs = cpuMs() - t;
  t = cpuMs();
  const layout = recognise(wb);
  const recogniseMs = cpuMs() - t;
  const ctx: RuleContext = { wb, layout, detail: TableView.of(wb, layout.detail), summary: TableView.of(wb, layout.summary), options: {} };
  const rules: Array<[string, number]> = [];
  // As check.ts runs them (its amount-unit wrapper aside): a rule skipped for its roles costs nothing.
  for (const rule of RULES) {
    t = cpuMs();
    if (rule.skip(ctx) === null && needsReason(rule, ctx) === null) rule.run(ctx);
    rules.push([rule.id, cpuMs() - t]);
  }
  process.stdout.write(JSON.stringify({ readMs, recogniseMs, rules }));
}

main();
