/**
 * corpus9 run as a controller runs it: `cdppe check FILE --format json` through the CLI's own main (the shared
 * harness tests/support/verdicts, so read right / fault found / look-alike rejected mean what they mean for the other
 * corpora), the figures gathered seed by seed, and a check of corpus9's own arithmetic on every clean annex.
 */
import { type Annex9, composeAnnex } from "./compose";
import { type Fault9, injectFault } from "./faults";
import { type Book, type Sheet, a1, numOf } from "./grid";
import { LOOKALIKES, makeLookalike } from "./lookalikes";
import { fundersOf } from "./model";
import { type FileStyle, writeXlsx } from "./xlsx";
import { faultFound, falseFindings, isLayoutIncomplete, judgeReading, rejected, type Verdict } from "../verdicts/evaluate";
import { emptyFigures, type Figures } from "../verdicts/figures";
import { checkBytes, type CheckFinding, type CheckResult } from "../verdicts/run";

export interface Outcome9 {
  seed: number;
  annex: Annex9;
  ownErrors: string[];
  result: CheckResult;
  verdict: Verdict;
  fault: Fault9;
  faulty: CheckResult;
  found: boolean;
}

export const annexBytes = (a: Annex9, book: Book = a.book) => writeXlsx(book, a.file);
const PLAIN: FileStyle = { strings: "shared", cache: true, emptyV: false, sharedFormulas: false, dropR: false, dimension: true };
export const lookalikeBytes = (kind: (typeof LOOKALIKES)[number], seed: number) => writeXlsx(makeLookalike(kind, seed), PLAIN);

/** corpus9's own arithmetic on its clean annex: if it fails, the generator is wrong, not the product. */
export function ownArithmetic(a: Annex9): string[] {
  const out: string[] = [];
  const s = a.book.sheets.find((x) => x.name === a.detail.sheet)!;
  const c = a.detail.col;
  const near = (x: number, y: number) => Math.abs(x - y) < 0.011;
  const v = (sh: Sheet, r: number, k: number | undefined) => (k ? numOf(sh, r, k) : 0);
  const m = a.model;
  for (const r of a.detail.rows.flat()) {
    for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"])
      if (
        c[`${b}Total`] &&
        !near(
          v(s, r, c[`${b}Total`]),
          m.years.reduce((t, y) => t + v(s, r, c[`${b}${y}`]), 0),
        )
      )
        out.push(`year-sum ${a1(r, c[`${b}Total`]!)}`);
    const cd = (y: number) => (c[`cd${y}`] ? v(s, r, c[`cd${y}`]) : v(s, r, c[`ms${y}`]) + v(s, r, c[`dgas${y}`]));
    const budget = m.years.reduce((t, y) => t + cd(y) + v(s, r, c[`fir${y}`]) + v(s, r, c[`etat${y}`]) + v(s, r, c[`ondam${y}`]), 0);
    if (!near(v(s, r, c.budget), budget)) out.push(`budget-sum ${a1(r, c.budget!)}`);
  }
  for (const [k, col] of Object.entries(c))
    if (/^(budget|realised\w*|(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total))$/.test(k)) {
      const all = a.detail.rows.flat().reduce((t, r) => t + v(s, r, col), 0);
      if (!near(v(s, a.detail.totalRow, col), all)) out.push(`total-row ${a1(a.detail.totalRow, col)}`);
    }
  if (a.summary) {
    const ss = a.book.sheets.find((x) => x.name === a.summary!.sheet)!;
    a.summary.rows.forEach((r, i) => {
      const f = m.fiches[i]!;
      const sc = a.summary!.col;
      const want = fundersOf(f, m);
      for (const fu of m.funders) if (v(ss, r, sc[fu]) > 0 !== want.includes(fu)) out.push(`funder ${a1(r, sc[fu]!)}`);
      if (sc.consumedPrior && !near(v(ss, r, sc.consumedPrior) + v(ss, r, sc.consumedLastYear), v(ss, r, sc.consumedSinceStart)))
        out.push(`consumed-sum ${a1(r, sc.consumedPrior)}`);
    });
  }
  return out;
}

export async function runSeed(seed: number, dir?: string): Promise<Outcome9> {
  const annex = composeAnnex(seed);
  const result = await checkBytes(annexBytes(annex), `annex9-${seed}.xlsx`, dir);
  const { book, fault } = injectFault(annex);
  const faulty = await checkBytes(annexBytes(annex, book), `annex9-${seed}-${fault.kind}.xlsx`, dir);
  return { seed, annex, ownErrors: ownArithmetic(annex), result, verdict: judgeReading(annex, result), fault, faulty, found: faultFound(fault, faulty) };
}

const pct = (k: number, n: number) => `${k}/${n} (${n ? Math.round((100 * k) / n) : 0} %)`;
export function byRule(xs: Pick<CheckFinding, "rule" | "severity">[]): string {
  const m = new Map<string, number>();
  for (const f of xs) m.set(`${f.rule} (${f.severity})`, (m.get(`${f.rule} (${f.severity})`) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ");
}
const push = <K>(m: Map<K, number[]>, k: K, seed: number) => m.set(k, [...(m.get(k) ?? []), seed]);
const line = (s: string | undefined) => (s ?? "").replace(/\n/g, "⏎").replace(/20\d\d/g, "YYYY");

/** The figures, with the same names as the other corpora's reports. */
export class Tally9 {
  readonly f: Figures = emptyFigures();
  fiches = 0;
  layoutIncomplete = 0;
  onRight: string[] = [];
  foundOnRight = [0, 0];
  own: string[] = [];
  crashes: string[] = [];
  missed: string[] = [];
  taken: string[] = [];
  flooders: string[] = [];
  readonly misreads = new Map<string, Map<string, number[]>>();
  readonly falseBy = new Map<string, number[]>();
  readonly falseAll: CheckFinding[] = [];
  readonly byFeature = new Map<string, [number, number]>();
  readonly byFault = new Map<string, [number, number]>();
  readonly noAnnex = new Map<string, number[]>();

  add(o: Outcome9): void {
    const { seed, verdict: v, result: r } = o;
    this.f.annexes++;
    if (v.readRight) this.f.readRight++;
    if (v.readRightRuleRoles) this.f.readRightRuleRoles++;
    if (v.fichesRight) this.fiches++;
    if (o.ownErrors.length) this.own.push(`${seed}: ${o.ownErrors.slice(0, 3).join(", ")}`);
    for (const x of [r, o.faulty]) if (/CRASH|inattendue/.test(x.stderr)) this.crashes.push(`${seed}: ${x.stderr.trim().split("\n").slice(0, 4).join(" | ")}`);
    const ff = falseFindings(r);
    for (const x of ff) {
      if (x.severity === "error") this.f.falseErrors++;
      else this.f.falseWarnings++;
      if (isLayoutIncomplete(x)) this.layoutIncomplete++;
      this.falseAll.push(x);
      push(this.falseBy, `${x.rule} (${x.severity})`, seed);
    }
    if (v.readRightRuleRoles && ff.length) this.onRight.push(`${seed}: ${byRule(ff)}`);
    if (!v.readRightRuleRoles && ff.some((x) => !isLayoutIncomplete(x))) {
      this.f.flooding++;
      this.flooders.push(`${seed} (${ff.length})`);
    }
    if (r.exit === 2) push(this.noAnnex, (/écarté\s*:\s*(.*)$/s.exec(r.stderr)?.[1] ?? r.stderr).trim().replace(/\d+/g, "#").slice(0, 150), seed);
    for (const mr of v.misreads) {
      const cls = `${mr.table} ${mr.role.replace(/\d{4}$/, "YYYY")} — ${mr.cause}`;
      const text = `${mr.truthHeader ? `« ${line(mr.truthHeader)} »` : (mr.truth ?? "")}${mr.read ? ` → read ${mr.readHeader ? `« ${line(mr.readHeader)} »` : mr.read}` : ""}`;
      const inner = this.misreads.get(cls) ?? new Map<string, number[]>();
      push(inner, text, seed);
      this.misreads.set(cls, inner);
    }
    for (const feat of new Set(o.annex.features.map((x) => x.replace(/\d{4}/g, "YYYY")))) {
      const x = this.byFeature.get(feat) ?? [0, 0];
      this.byFeature.set(feat, [x[0] + (v.readRightRuleRoles ? 1 : 0), x[1] + 1]);
    }
    if (o.found) this.f.faultsFound++;
    if (v.readRightRuleRoles) this.foundOnRight = [this.foundOnRight[0]! + (o.found ? 1 : 0), this.foundOnRight[1]! + 1];
    const k = this.byFault.get(o.fault.kind) ?? [0, 0];
    this.byFault.set(o.fault.kind, [k[0] + (o.found ? 1 : 0), k[1] + 1]);
    if (!o.found)
      this.missed.push(`${seed} ${o.fault.kind}${v.readRightRuleRoles ? "" : " (misread)"}: ${o.fault.what} at ${o.fault.sheet}!${o.fault.cells.join("/")}`);
  }

  addLookalike(kind: string, seed: number, r: CheckResult): void {
    this.f.lookalikes++;
    if (rejected(r)) this.f.lookalikesRejected++;
    else
      this.taken.push(
        `${kind} #${seed}: exit ${r.exit}, ${r.tables.map((t) => `${t.kind} ${t.sheet}!${t.range}`).join(", ") || "no table"}, ${byRule(r.findings)}`,
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
      `  faults found at their cell:           ${pct(f.faultsFound, n)} (on annexes read right: ${pct(this.foundOnRight[0]!, this.foundOnRight[1]!)})`,
      `  look-alikes rejected (exit 2, none):  ${pct(f.lookalikesRejected, f.lookalikes)}`,
      `  clean annexes breaking corpus9's own arithmetic: ${this.own.length}${this.own.length ? ` — ${this.own.slice(0, 4).join(" / ")}` : ""}`,
      `  engine crashes: ${this.crashes.length}${this.crashes.length ? `\n    ${this.crashes.slice(0, 6).join("\n    ")}` : ""}`,
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
    for (const [k, seeds] of [...this.falseBy].sort((a, b) => b[1].length - a[1].length))
      out.push(`  ${k}: ${seeds.length} — seeds ${[...new Set(seeds)].slice(0, 12).join(", ")}`);
    out.push("", `Flooding misread annexes (seed (findings)): ${this.flooders.join(", ") || "none"}`);
    out.push("", `Missed faults:\n  ${this.missed.join("\n  ")}`);
    return out;
  }
}

/** The product's figures on these seeds and one look-alike of each kind. */
export async function measure(seeds: number[], lookalikeSeed = 1): Promise<Figures> {
  const t = new Tally9();
  for (const seed of seeds) t.add(await runSeed(seed));
  for (const kind of LOOKALIKES) t.addLookalike(kind, lookalikeSeed, await checkBytes(lookalikeBytes(kind, lookalikeSeed), `lookalike9-${kind}.xlsx`));
  return t.f;
}
