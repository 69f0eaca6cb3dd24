/** corpus10's runner: one seed's clean annex and faulty copy through `cdppe check`, its own arithmetic, the tally. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { falseFindings, faultFound, isLayoutIncomplete, judgeReading, rejected, type Verdict } from "../verdicts/evaluate";
import { emptyFigures, type Figures } from "../verdicts/figures";
import { checkBytes, type CheckResult } from "../verdicts/run";
import { composeAnnex, type Annex10, type Placed } from "./compose";
import { injectFault, type Fault10 } from "./faults";
import { key, type Book } from "./grid";
import { lookalikeBook, LOOKALIKES } from "./lookalikes";
import { bookBytes } from "./write";

/** The clean annex's relations, re-derived from its cells: any broken one is the generator's bug, not the product's. */
export function ownArithmetic(a: Annex10, book: Book = a.book): string[] {
  const out: string[] = [];
  const v = (p: Placed, r: number, role: string): number | null => {
    const c = p.colOf.get(role);
    if (c === undefined) return null;
    const x = book.sheets.find((s) => s.name === p.sheet)!.cells.get(key(r, c))?.v;
    return typeof x === "number" ? x : 0;
  };
  const near = (x: number, y: number, tol = 0.011) => Math.abs(x - y) <= tol;
  const d = a.detail;
  const years = a.model.years;
  const blocks = ["ms", "dgas", "cd", "fir", "etat", "ondam"].filter((b) => d.colOf.has(`${b}${years[0]}`));
  const sumOf = (r: number, rs: string[]) => rs.reduce((t, x) => t + (v(d, r, x) ?? 0), 0);
  const lines = d.rowsOf.flat();
  for (const r of [...lines, ...d.subRows, d.totalRow]) {
    for (const b of blocks) {
      const t = v(d, r, `${b}Total`);
      if (
        t !== null &&
        !near(
          t,
          sumOf(
            r,
            years.map((y) => `${b}${y}`),
          ),
        )
      )
        out.push(`year-sum ${b} row ${r}`);
    }
    if (blocks.includes("ms")) for (const y of years) if (!near(v(d, r, `cd${y}`)!, sumOf(r, [`ms${y}`, `dgas${y}`]))) out.push(`cd-split ${y} row ${r}`);
    const own = blocks.filter((b) => !["ms", "dgas"].includes(b));
    const budget = v(d, r, "budget")!;
    if (
      !near(
        budget,
        own.reduce(
          (t, b) =>
            t +
            sumOf(
              r,
              years.map((y) => `${b}${y}`),
            ),
          0,
        ),
        0.05,
      )
    )
      out.push(`budget-sum row ${r}`);
    const rl = v(d, r, "realisedLastYear")!;
    const rs = v(d, r, "realisedSinceStart")!;
    const pLast = sumOf(
      r,
      own.map((b) => `${b}${years[years.length - 1]}`),
    );
    if (rs + 0.01 < rl) out.push(`cumulative-below-year row ${r}`);
    if (rs > budget + 0.01) out.push(`over-execution row ${r}`);
    if (pLast === 0 && rl > 0) out.push(`realised-without-budget row ${r}`);
    const tol = a.knobs.rates === "rounded" ? 0.0051 : 0.0001;
    const rate1 = v(d, r, "rateLastYear");
    if (rate1 !== null && pLast > 0 && !near(rate1, rl / pLast, tol)) out.push(`rate-mismatch last row ${r}`);
    const rate2 = v(d, r, "rateGlobal");
    if (rate2 !== null && budget > 0 && !near(rate2, rs / budget, tol)) out.push(`rate-mismatch global row ${r}`);
    const gap = v(d, r, "gap");
    if (gap !== null && !near(gap, budget - rs, 0.05)) out.push(`gap row ${r}`);
  }
  for (const role of d.colOf.keys()) {
    if (!/Total$|\d{4}$|^budget$|^realised|^gap$/.test(role)) continue;
    const t = v(d, d.totalRow, role)!;
    const s = lines.reduce((x, r) => x + (v(d, r, role) ?? 0), 0);
    if (!near(t, s, 0.05)) out.push(`total-row ${role}`);
  }
  const sm = a.summary;
  if (sm) {
    for (const [i, rows] of sm.rowsOf.entries()) {
      const r = rows[0]!;
      const parts = ["departement", "fir", "etat", "ondam"].map((x) => v(sm, r, x) ?? 0).reduce((x, y) => x + y, 0);
      if (!near(v(sm, r, "budget")!, parts, 0.05)) out.push(`summary budget-sum fiche ${i}`);
      const prior = v(sm, r, "consumedPrior");
      if (prior !== null && !near(prior + v(sm, r, "consumedLastYear")!, v(sm, r, "consumedSinceStart")!, 0.05)) out.push(`consumed-sum fiche ${i}`);
      const dr = d.rowsOf[i]!;
      const dsum = (role: string) => dr.reduce((x, y) => x + (v(d, y, role) ?? 0), 0);
      const cd = d.colOf.has("cdTotal") ? dsum("cdTotal") : years.reduce((x, y) => x + dsum(`cd${y}`), 0);
      if (!near(v(sm, r, "departement")!, cd, 0.05)) out.push(`cross-table departement fiche ${i}`);
      if (!near(v(sm, r, "budget")!, dsum("budget"), 0.05)) out.push(`cross-table budget fiche ${i}`);
      if (!near(v(sm, r, "consumedSinceStart")!, dsum("realisedSinceStart"), 0.05)) out.push(`cross-table consumed fiche ${i}`);
    }
  }
  return out;
}

export interface SeedRun {
  annex: Annex10;
  result: CheckResult;
  verdict: Verdict;
  ownErrors: string[];
  fault: Fault10;
  faulty: CheckResult;
  found: boolean;
}

export async function runSeed(seed: number, dir: string): Promise<SeedRun> {
  const annex = composeAnnex(seed);
  const ownErrors = ownArithmetic(annex);
  const clean = await bookBytes(annex.book);
  const { book, fault } = injectFault(annex);
  const faultyBytes = await bookBytes(book);
  if (process.env.CORPUS10_DIR) {
    fs.writeFileSync(path.join(dir, `annex10-${seed}.xlsx`), clean);
    fs.writeFileSync(path.join(dir, `faulty10-${seed}.xlsx`), faultyBytes);
    fs.writeFileSync(path.join(dir, `annex10-${seed}.truth.json`), JSON.stringify({ truth: annex.truth, features: annex.features, fault }, null, 1));
  }
  const result = await checkBytes(clean, `annex10-${seed}.xlsx`);
  const faulty = await checkBytes(faultyBytes, `faulty10-${seed}.xlsx`);
  return { annex, result, verdict: judgeReading(annex.truth, result), ownErrors, fault, faulty, found: faultFound(fault, faulty) };
}

export const lookalikeBytes = (kind: (typeof LOOKALIKES)[number], seed: number) => bookBytes(lookalikeBook(kind, seed));

export class Tally10 {
  f: Figures = emptyFigures();
  private bySeed: string[] = [];
  private misreads = new Map<string, number[]>();
  private missed: string[] = [];
  private byKind = new Map<string, [number, number]>();
  private byDept = new Map<string, [number, number, number]>();
  private own: string[] = [];
  private looks: string[] = [];
  add(o: SeedRun): void {
    const f = this.f;
    const seed = o.annex.seed;
    f.annexes++;
    if (o.verdict.readRight) f.readRight++;
    if (o.verdict.readRightRuleRoles) f.readRightRuleRoles++;
    const ff = falseFindings(o.result);
    const e = ff.filter((x) => x.severity === "error").length;
    const w = ff.length - e;
    f.falseErrors += e;
    f.falseWarnings += w;
    if (!o.verdict.readRightRuleRoles && ff.some((x) => !isLayoutIncomplete(x))) f.flooding++;
    if (o.found) f.faultsFound++;
    else this.missed.push(`${seed} ${o.fault.kind} (${o.fault.what}) at ${o.fault.sheet}!${o.fault.cells.join("/")}`);
    if (ff.length) this.bySeed.push(`${seed} [${o.annex.knobs.dept}] ${e} errors ${w} warnings: ${[...new Set(ff.map((x) => x.rule))].join(", ")}`);
    for (const m of o.verdict.misreads) {
      const k = `${m.table} ${m.role.replace(/\d{4}/, "Y")} ${m.cause}${m.truthHeader ? ` « ${m.truthHeader.replace(/\n/g, "⏎")} »` : ""}${m.readHeader ? ` → « ${m.readHeader.replace(/\n/g, "⏎")} »` : ""}`;
      this.misreads.set(k, [...(this.misreads.get(k) ?? []), seed]);
    }
    const bk = this.byKind.get(o.fault.kind) ?? [0, 0];
    this.byKind.set(o.fault.kind, [bk[0] + (o.found ? 1 : 0), bk[1] + 1]);
    const d = this.byDept.get(o.annex.knobs.dept) ?? [0, 0, 0];
    this.byDept.set(o.annex.knobs.dept, [d[0] + (o.verdict.readRightRuleRoles ? 1 : 0), d[1] + 1, d[2] + ff.length]);
    if (o.ownErrors.length) this.own.push(`${seed}: ${o.ownErrors.slice(0, 4).join(", ")}`);
  }
  addLookalike(kind: string, seed: number, r: CheckResult): void {
    this.f.lookalikes++;
    if (rejected(r)) this.f.lookalikesRejected++;
    else this.looks.push(`${kind} ${seed}: exit ${r.exit}, ${r.tables.length} tables, ${r.findings.length} findings`);
  }
  lines(title: string, verbose: boolean): string[] {
    const f = this.f;
    const out = [
      title,
      `annexes read right (every role): ${f.readRight}/${f.annexes}`,
      `annexes read right (rule roles): ${f.readRightRuleRoles}/${f.annexes}`,
      `false errors on clean annexes: ${f.falseErrors}`,
      `false warnings on clean annexes: ${f.falseWarnings}`,
      `misread annexes with findings beyond layout-incomplete (flooding): ${f.flooding}`,
      `faults found at their cell: ${f.faultsFound}/${f.annexes}`,
      `look-alikes rejected: ${f.lookalikesRejected}/${f.lookalikes}`,
    ];
    if (this.own.length) out.push(`GENERATOR: own arithmetic broken on ${this.own.length} seeds: ${this.own.slice(0, 5).join(" | ")}`);
    if (!verbose) return out;
    out.push("", "read right (rule roles) / false findings by département:");
    for (const [k, [a, n, ff]] of this.byDept) out.push(`  ${k.padEnd(24)} ${a}/${n}  ${ff} false findings`);
    out.push("", "faults found by kind:");
    for (const [k, [a, n]] of this.byKind) out.push(`  ${k.padEnd(24)} ${a}/${n}`);
    out.push("", "misreadings (by class, seeds):");
    for (const [k, s] of [...this.misreads].sort((x, y) => y[1].length - x[1].length)) out.push(`  ${s.length} × ${k}: ${s.slice(0, 12).join(", ")}`);
    out.push("", "false findings by seed:", ...this.bySeed.map((x) => `  ${x}`));
    out.push("", "missed faults:", ...this.missed.map((x) => `  ${x}`));
    if (this.looks.length) out.push("", "look-alikes taken:", ...this.looks.map((x) => `  ${x}`));
    return out;
  }
}

/** The figures for the ratchet test. */
export async function measure(seeds: number[]): Promise<Figures> {
  const t = new Tally10();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus10-"));
  for (const s of seeds) t.add(await runSeed(s, dir));
  for (const kind of LOOKALIKES) t.addLookalike(kind, 1, await checkBytes(await lookalikeBytes(kind, 1), `lookalike10-${kind}.xlsx`));
  fs.rmSync(dir, { recursive: true, force: true });
  return t.f;
}
