// Time per rule on a large synthetic annex: where the check spends its time.
import { recognise } from "../src/core/layout/recognise";
import { TableView } from "../src/core/layout/view";
import { RULES } from "../src/core/rules/registry";
import type { RuleContext } from "../src/core/rules/types";
import { generateAnnex } from "../tests/support/annexGenerator";

const g = generateAnnex({ fiches: 10000, years: [2020, 2021, 2022, 2023, 2024], seed: 5 });
const layout = recognise(g.workbook);
const ctx: RuleContext = {
  wb: g.workbook,
  layout,
  detail: TableView.of(g.workbook, layout.detail),
  summary: TableView.of(g.workbook, layout.summary),
  options: {},
};
const rows = RULES.map((r) => {
  const t0 = process.hrtime.bigint();
  const n = r.run(ctx).length;
  return [r.id, Number(process.hrtime.bigint() - t0) / 1e6, n] as const;
}).sort((a, b) => b[1] - a[1]);
for (const [id, ms, n] of rows) console.log(`${id.padEnd(26)} ${ms.toFixed(1).padStart(8)} ms  ${n} constatations`);
