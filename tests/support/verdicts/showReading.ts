// The verbose report of one seed, shared by the corpora's report scripts: each true table beside what was read,
// ✗ where a role's column differs, then the verdict and every finding.
import type { TruthTable, Verdict } from "./evaluate";
import type { CheckResult } from "./run";

type Shown = TruthTable & { headerRows: number[]; totalRow?: number | null };

export function showReading(tables: Shown[], o: { result: CheckResult; verdict: Verdict }): void {
  for (const t of tables) {
    const got = o.result.tables.find((x) => x.kind === t.kind);
    console.log(
      `\n${t.kind} « ${t.sheet} » header ${t.headerRows.join(",")} TOTAL ${t.totalRow}; read: ${got ? `« ${got.sheet} » ${got.range} header ${got.headerRows.join(",")}, ${got.fiches} fiches (true ${Object.keys(t.ficheRows).length})` : "NOT FOUND"}`,
    );
    for (const role of new Set([...Object.keys(t.columns), ...Object.keys(got?.columns ?? {})])) {
      const want = t.columns[role];
      const read = got?.columns[role];
      // A year column read under a name the truth leaves to its block: the same column, not a difference.
      if (!want && read && /\d{4}$|^consumed(To|In)/.test(role) && Object.values(t.columns).includes(read)) continue;
      const h = (l?: string) => (l ? `« ${(t.headers[l] ?? "?").replace(/\n/g, "⏎")} »` : "");
      console.log(
        `  ${want === read ? " " : "✗"} ${role.padEnd(20)} truth ${(want ?? "-").padEnd(3)} read ${(read ?? "-").padEnd(3)} ${h(want)}${read && read !== want ? ` / read ${h(read)}` : ""}`,
      );
    }
  }
  for (const x of o.result.tables.filter((x) => !tables.some((t) => t.kind === x.kind))) console.log(`extra table read: ${x.kind} ${x.sheet}!${x.range}`);
  console.log(
    `\nread right: ${o.verdict.readRight} (rule roles ${o.verdict.readRightRuleRoles}) ${o.verdict.fichesNote}${o.result.stderr ? `\nstderr: ${o.result.stderr.trim()}` : ""}`,
  );
  for (const f of o.result.findings) console.log(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.sheet}!${f.cell} ${f.fiche ?? ""} ${f.message}`);
}
