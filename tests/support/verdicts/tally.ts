/**
 * The figures a corpus prints, gathered seed by seed: one class for every corpus whose runner yields a
 * {@link TalliedSeed}, so that « read right », « false warning » or « missed fault » are counted and printed the same way.
 */
import { falseFindings, isLayoutIncomplete, rejected, type Misread, type Verdict } from "./evaluate";
import { emptyFigures, type Figures } from "./figures";
import type { CheckFinding, CheckResult } from "./run";

/** What a corpus's runner knows of one seed: the clean annex's check and verdict, and its faulty copy's. */
export interface TalliedSeed {
  seed: number;
  verdict: Verdict;
  result: CheckResult;
  faulty: CheckResult;
  found: boolean;
  fault: { kind: string; what: string; sheet: string; cells: string[] };
  features: string[];
  /** Where the clean annex breaks the generator's own arithmetic (a generator bug, not the product's). */
  ownBroken: string[];
}

const pct = (k: number, n: number) => `${k}/${n} (${n ? Math.round((100 * k) / n) : 0} %)`;
const push = <K>(m: Map<K, number[]>, k: K, seed: number) => m.set(k, [...(m.get(k) ?? []), seed]);
const oneLine = (s: string | undefined) => (s ?? "").replace(/\n/g, "⏎").replace(/20\d\d/g, "YYYY");

/** « rule (severity) ×n, … », most frequent first */
export function byRule(xs: Pick<CheckFinding, "rule" | "severity">[]): string {
  const m = new Map<string, number>();
  for (const f of xs) m.set(`${f.rule} (${f.severity})`, (m.get(`${f.rule} (${f.severity})`) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ");
}

export class CorpusTally {
  readonly f: Figures = emptyFigures();
  fiches = 0;
  layoutIncomplete = 0;
  silent = 0;
  onRight: string[] = [];
  foundOnRight = [0, 0];
  ownBroken: string[] = [];
  crashes: string[] = [];
  flooders: string[] = [];
  missed: string[] = [];
  taken: string[] = [];
  readonly misreads = new Map<string, Map<string, number[]>>();
  readonly falseBySeed = new Map<string, number[]>();
  readonly falseAll: CheckFinding[] = [];
  readonly byFeature = new Map<string, [number, number]>();
  readonly byFault = new Map<string, [number, number]>();
  readonly noAnnex = new Map<string, number[]>();

  /** `arithmeticOf`: whose arithmetic the clean annexes are held to, as printed (« their own », « corpus9's own »). */
  constructor(private readonly arithmeticOf = "their own") {}

  add(o: TalliedSeed): void {
    const { seed, verdict: v, result: r } = o;
    this.f.annexes++;
    if (v.readRight) this.f.readRight++;
    if (v.readRightRuleRoles) this.f.readRightRuleRoles++;
    if (v.fichesRight) this.fiches++;
    if (o.ownBroken.length) this.ownBroken.push(`${seed}: ${o.ownBroken.slice(0, 3).join(", ")}`);
    for (const x of [r, o.faulty]) if (/CRASH|inattendue/.test(x.stderr)) this.crashes.push(`${seed}: ${x.stderr.trim().split("\n").slice(0, 4).join(" | ")}`);
    const ff = falseFindings(r);
    for (const x of ff) {
      if (x.severity === "error") this.f.falseErrors++;
      else this.f.falseWarnings++;
      if (isLayoutIncomplete(x)) this.layoutIncomplete++;
      this.falseAll.push(x);
      push(this.falseBySeed, `${x.rule} (${x.severity})`, seed);
    }
    if (v.readRightRuleRoles && ff.length) this.onRight.push(`${seed}: ${byRule(ff)}`);
    if (!v.readRightRuleRoles && ff.some((x) => !isLayoutIncomplete(x))) {
      this.f.flooding++;
      this.flooders.push(`${seed} (${ff.length})`);
    }
    if (v.misreads.some((m) => m.cause === "table not found") && !r.findings.some(isLayoutIncomplete)) this.silent++;
    if (r.exit === 2) push(this.noAnnex, (/écarté\s*:\s*(.*)$/s.exec(r.stderr)?.[1] ?? r.stderr).trim().replace(/\d+/g, "#").slice(0, 150), seed);
    for (const m of v.misreads) this.misread(seed, m);
    for (const feat of new Set(o.features.map((x) => x.replace(/\d{4}/g, "YYYY")))) {
      const x = this.byFeature.get(feat) ?? [0, 0];
      this.byFeature.set(feat, [x[0] + (v.readRightRuleRoles ? 1 : 0), x[1] + 1]);
    }
    if (o.found) this.f.faultsFound++;
    if (v.readRightRuleRoles) this.foundOnRight = [this.foundOnRight[0]! + (o.found ? 1 : 0), this.foundOnRight[1]! + 1];
    const k = this.byFault.get(o.fault.kind) ?? [0, 0];
    this.byFault.set(o.fault.kind, [k[0] + (o.found ? 1 : 0), k[1] + 1]);
    if (!o.found)
      this.missed.push(`${seed} ${o.fault.kind}${v.readRightRuleRoles ? "" : " (misread)"}: ${o.fault.what} at ${o.fault.sheet}!${o.fault.cells.slice(0, 3).join("/")}`);
  }

  private misread(seed: number, m: Misread): void {
    const cls = `${m.table} ${m.role.replace(/\d{4}$/, "YYYY")} — ${m.cause}`;
    const text = `${m.truthHeader ? `« ${oneLine(m.truthHeader)} »` : (m.truth ?? "")}${m.read ? ` → read ${m.readHeader ? `« ${oneLine(m.readHeader)} »` : m.read}` : ""}`;
    const inner = this.misreads.get(cls) ?? new Map<string, number[]>();
    push(inner, text, seed);
    this.misreads.set(cls, inner);
  }

  addLookalike(kind: string, seed: number, r: CheckResult): void {
    this.f.lookalikes++;
    if (rejected(r)) this.f.lookalikesRejected++;
    else
      this.taken.push(
        `${kind} #${seed}: exit ${r.exit}, ${r.tables.map((t) => `${t.kind} ${t.sheet}!${t.range}`).join(", ") || "no table"}, ${r.findings.length} findings ${byRule(r.findings)}`,
      );
  }

  lines(title: string, verbose: boolean): string[] {
    const f = this.f;
    const n = f.annexes;
    const out = [
      title,
      `  annexes read right (every role):      ${pct(f.readRight, n)}`,
      `  read right, rule roles:               ${pct(f.readRightRuleRoles, n)}`,
      `  fiches counted right (all tables):    ${pct(this.fiches, n)}`,
      `  false errors on clean annexes:        ${f.falseErrors}`,
      `  false warnings on clean annexes:      ${f.falseWarnings} (of which layout-incomplete ${this.layoutIncomplete})`,
      `  false findings on annexes read right: ${this.onRight.length ? this.onRight.slice(0, 8).join("; ") : "none"}`,
      `  misread annexes flooding:             ${f.flooding}`,
      `  a table missed silently:              ${this.silent}`,
      `  faults found at their cell:           ${pct(f.faultsFound, n)} (on annexes read right: ${pct(this.foundOnRight[0]!, this.foundOnRight[1]!)})`,
      `  look-alikes rejected (exit 2, none):  ${pct(f.lookalikesRejected, f.lookalikes)}`,
      `  clean annexes breaking ${this.arithmeticOf} arithmetic: ${this.ownBroken.length}${this.ownBroken.length ? ` — ${this.ownBroken.slice(0, 4).join(" / ")}` : ""}`,
      `  engine crashes: ${this.crashes.length}${this.crashes.length ? `\n    ${this.crashes.slice(0, 8).join("\n    ")}` : ""}`,
    ];
    if (this.falseAll.length) out.push(`  false findings by rule: ${byRule(this.falseAll)}`);
    out.push(`  faults by kind: ${[...this.byFault].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(", ")}`);
    if (this.taken.length) out.push(`  look-alikes taken for annexes:\n    ${this.taken.join("\n    ")}`);
    if (!verbose) return out;
    out.push("", "Misreading classes (table role — cause: count; header text → what was read, seeds):");
    const classes = [...this.misreads].map(([k, m]) => [k, m, [...m.values()].reduce((t, s) => t + s.length, 0)] as const).sort((a, b) => b[2] - a[2]);
    for (const [k, m, total] of classes) {
      out.push(`  ${k}: ${total} (${new Set([...m.values()].flat()).size} annexes)`);
      const texts = [...m].sort((a, b) => b[1].length - a[1].length);
      for (const [t, seeds] of texts.slice(0, 8)) out.push(`      ${seeds.length}× ${t} — seeds ${[...new Set(seeds)].slice(0, 6).join(", ")}`);
      if (texts.length > 8) out.push(`      … ${texts.length - 8} more header texts`);
    }
    out.push("", "Clean annexes answered « no annex » (exit 2), by the engine's reason:");
    for (const [w, seeds] of [...this.noAnnex].sort((a, b) => b[1].length - a[1].length))
      out.push(`  ${seeds.length}× ${w} — seeds ${seeds.slice(0, 8).join(", ")}`);
    out.push("", "Read right (rule roles) by feature, worst first:");
    for (const [feat, [k, t]] of [...this.byFeature].sort((a, b) => a[1][0] / a[1][1] - b[1][0] / b[1][1]).slice(0, 40))
      out.push(`  ${String(k).padStart(3)}/${String(t).padEnd(3)} ${feat}`);
    out.push("", "False findings on clean annexes (rule → seeds):");
    for (const [k, seeds] of [...this.falseBySeed].sort((a, b) => b[1].length - a[1].length))
      out.push(`  ${k}: ${seeds.length} — seeds ${[...new Set(seeds)].slice(0, 12).join(", ")}`);
    out.push("", `Flooding misread annexes (seed (findings)): ${this.flooders.join(", ") || "none"}`);
    out.push("", `Missed faults:\n  ${this.missed.join("\n  ")}`);
    return out;
  }
}
