/**
 * corpus6's own arithmetic, on the values a workbook holds at the truth's cells: every relation of annex-spec §4.
 * A clean annex breaks none (so any error or warning the checker reports on it is false); a faulty copy breaks one
 * at the fault's cell.
 */
import type { Annex, TableTruth } from "./build";
import { type Grid, a1, colNumber, getCell } from "./sheet";
import type { Funder } from "./model";

export interface Broken {
  rule: string;
  sheet: string;
  cell: string;
  what: string;
}

const FUNDERS: Funder[] = ["fir", "etat", "ondam"];
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

export function checkArithmetic(g: Grid, a: Annex): Broken[] {
  const out: Broken[] = [];
  const det = a.tables.find((t) => t.kind === "detail")!;
  const sum = a.tables.find((t) => t.kind === "summary");
  const years = a.model.years;
  const yn = years[years.length - 1]!;
  const bad = (rule: string, t: TableTruth, role: string, row: number, what: string) =>
    out.push({ rule, sheet: t.sheet, cell: `${t.columns[role]}${row}`, what });
  const raw = (t: TableTruth, role: string, row: number) => {
    const l = t.columns[role];
    return l ? getCell(g, t.sheet, row, colNumber(l)) : undefined;
  };
  /** number at a role's cell (blank = 0); null when the role is absent; NaN when text or error */
  const num = (t: TableTruth, role: string, row: number): number | null => {
    if (!t.columns[role]) return null;
    const c = raw(t, role, row);
    if (!c || c.v === null || c.v === "") return c?.err ? NaN : 0;
    return typeof c.v === "number" ? c.v : NaN;
  };
  const has = (t: TableTruth, role: string) => role in t.columns;
  const blocks = ["ms", "dgas", "cd", ...FUNDERS].filter((b) => years.some((y) => has(det, `${b}${y}`)));
  const details = new Map<string, { budget: number; cd: number; fund: Record<Funder, number>; last: number; since: number | null; row: number }>();
  const seen = new Map<string, number>();
  // amounts and errors everywhere in the detail
  const amountRoles = Object.keys(det.columns).filter((r) =>
    /^(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total)$|^(budget|realisedLastYear|realisedSinceStart|gap)$/.test(r),
  );
  for (const [key, rows] of Object.entries(det.ficheRows)) {
    const row = rows[0]!;
    for (const role of amountRoles) {
      const c = raw(det, role, row);
      if (c?.err) bad("cell-error", det, role, row, c.err);
      else if (c && typeof c.v === "string" && c.v.trim() !== "") bad("number-as-text", det, role, row, c.v);
      else if (c && typeof c.v === "number" && c.v < 0 && role !== "gap") bad("negative-amount", det, role, row, String(c.v));
    }
    const v = (role: string) => num(det, role, row) ?? 0;
    for (const b of blocks)
      if (has(det, `${b}Total`)) {
        const s = years.reduce((t, y) => t + v(`${b}${y}`), 0);
        if (!close(s, v(`${b}Total`))) bad("year-sum", det, `${b}Total`, row, `${v(`${b}Total`)} ≠ Σ ${s}`);
      }
    if (blocks.includes("ms") && blocks.includes("cd"))
      for (const y of years) if (!close(v(`ms${y}`) + v(`dgas${y}`), v(`cd${y}`))) bad("cd-split", det, `cd${y}`, row, "CD ≠ MS + DGAS");
    const yearly = (b: string) => years.reduce((t, y) => t + v(`${b}${y}`), 0);
    const cdBlocks = blocks.includes("cd") ? ["cd"] : ["ms", "dgas"];
    const cd = cdBlocks.reduce((t, b) => t + yearly(b), 0);
    const fund = { fir: yearly("fir"), etat: yearly("etat"), ondam: yearly("ondam") };
    const budget = v("budget");
    if (!close(budget, cd + fund.fir + fund.etat + fund.ondam)) bad("budget-sum", det, "budget", row, `${budget} ≠ ${cd + fund.fir + fund.etat + fund.ondam}`);
    const pLast = [...cdBlocks, ...FUNDERS].reduce((t, b) => t + v(`${b}${yn}`), 0);
    const last = v("realisedLastYear");
    const since = num(det, "realisedSinceStart", row);
    const rate = (role: string, x: number, d: number) => {
      const c = raw(det, role, row);
      if (!c) return;
      const pct = a.opts.rates === "percent";
      if (a.opts.rates === "text") {
        const want = d ? `${Math.round((x / d) * 100)} %` : "";
        if (c.v !== want) bad("rate-mismatch", det, role, row, `${c.v} ≠ ${want}`);
        return;
      }
      if (c.err) return bad("cell-error", det, role, row, c.err);
      if (!d) {
        if (c.v !== "" && c.v !== null) bad("rate-mismatch", det, role, row, `${c.v} where nothing is planned`);
        return;
      }
      if (typeof c.v !== "number" || !close(c.v, (x / d) * (pct ? 100 : 1))) bad("rate-mismatch", det, role, row, `${c.v} ≠ ${(x / d) * (pct ? 100 : 1)}`);
    };
    rate("rateLastYear", last, pLast);
    if (since !== null) {
      rate("rateGlobal", since, budget);
      if (has(det, "gap") && !close(v("gap"), budget - since)) bad("rate-mismatch", det, "gap", row, "gap ≠ budget − since");
      if (since < last - 1e-9) bad("cumulative-below-year", det, "realisedSinceStart", row, `${since} < ${last}`);
      if (since > budget + 1e-9) bad("over-execution", det, "realisedSinceStart", row, `${since} > ${budget}`);
    }
    if (last > 0 && close(pLast, 0)) bad("realised-without-budget", det, "realisedLastYear", row, "realised, nothing planned");
    if (has(det, "source")) {
      const s = String(raw(det, "source", row)?.v ?? "");
      for (const f of FUNDERS) {
        const named = s.includes(a.sourceNames[f]);
        if (named !== (fund[f] !== 0)) bad("source-funder", det, "source", row, `${f} named ${named}, money ${fund[f]}`);
      }
    }
    if (has(det, "objectiveType") && has(det, "objective")) {
      const ty = String(raw(det, "objectiveType", row)?.v ?? "");
      const m = /(\d+)/.exec(String(objectiveAt(g, det, rows[0]!) ?? ""));
      if (m && /fondamental/i.test(ty) !== Number(m[1]) <= 11) bad("objective-type", det, "objectiveType", row, `${ty} for objective ${m[1]}`);
    }
    const fc = raw(det, "fiche", row);
    const num1 = a.model.numbering.endsWith("label") ? (/^(?:FA n°)?(\d+)/.exec(String(fc?.v ?? ""))?.[1] ?? "") : String(fc?.v ?? "");
    if (seen.has(num1)) bad("fiche-numbering", det, "fiche", row, `duplicate ${num1}`);
    seen.set(num1, row);
    details.set(key, { budget, cd, fund, last, since, row });
  }
  totals(det);
  if (sum) {
    for (const [key, rows] of Object.entries(sum.ficheRows)) {
      const row = rows[0]!;
      const v = (role: string) => num(sum, role, row) ?? 0;
      const fund = { fir: v("fir"), etat: v("etat"), ondam: v("ondam") };
      if (!close(v("budget"), v("departement") + fund.fir + fund.etat + fund.ondam)) bad("budget-sum", sum, "budget", row, "summary budget ≠ parts");
      const d = details.get(key);
      if (!d) bad("fiche-numbering", sum, "fiche", row, "not in the detail");
      else {
        if (!close(v("budget"), d.budget)) bad("cross-table", sum, "budget", row, "budget ≠ detail");
        if (!close(v("departement"), d.cd)) bad("cross-table", sum, "departement", row, "Département ≠ Total CD");
        for (const f of FUNDERS) if (has(sum, f) && !close(v(f), d.fund[f])) bad("cross-table", sum, f, row, `${f} ≠ detail`);
        if (d.since !== null && !close(v("consumedSinceStart"), d.since)) bad("cross-table", sum, "consumedSinceStart", row, "consumed ≠ detail");
        if (!close(v("consumedLastYear"), d.last)) bad("cross-table", sum, "consumedLastYear", row, "consumed in N ≠ detail");
      }
      if (has(sum, "consumedPrior") && !close(v("consumedPrior") + v("consumedLastYear"), v("consumedSinceStart")))
        bad("consumed-sum", sum, "consumedSinceStart", row, "prior + N ≠ since");
      const mod = String(raw(sum, "modalite", row)?.v ?? "");
      const want = [fund.fir && "FIR", fund.etat && "PLF", fund.ondam && "AM"].filter(Boolean).join("/") || "CD";
      if (mod !== want) bad("modalite", sum, "modalite", row, `${mod} ≠ ${want}`);
    }
    for (const k of details.keys()) if (!(k in sum.ficheRows)) bad("fiche-numbering", det, "fiche", details.get(k)!.row, "not in the summary");
    totals(sum);
  }
  // display: every number of a summed column fits its width (about 1.3 character per digit with separators, + unit)
  for (const t of a.tables) {
    const sheet = g.sheets.find((s) => s.name === t.sheet)!;
    for (const l of t.summed) {
      const c = colNumber(l);
      const w = sheet.widths.get(c) ?? 8.43;
      for (const row of [t.totalRow, ...t.subtotals.map((s) => s.row)]) {
        const x = getCell(g, t.sheet, row, c)?.v;
        if (typeof x === "number" && Math.round(Math.abs(x)).toString().length * 1.34 + 4 > w)
          out.push({ rule: "display-overflow", sheet: t.sheet, cell: a1(row, c), what: `width ${w}` });
      }
    }
  }
  return out;

  function totals(t: TableTruth): void {
    const fiche = Object.values(t.ficheRows).map((rs) => rs[0]!);
    for (const l of t.summed) {
      const c = colNumber(l);
      const val = (row: number) => {
        const x = getCell(g, t.sheet, row, c);
        return typeof x?.v === "number" ? x.v : 0;
      };
      for (const s of t.subtotals) {
        const want = s.rows.reduce((acc, r) => acc + val(r), 0);
        if (!close(val(s.row), want)) out.push({ rule: "total-row", sheet: t.sheet, cell: a1(s.row, c), what: `sub-total ${val(s.row)} ≠ ${want}` });
      }
      const want = fiche.reduce((acc, r) => acc + val(r), 0);
      const x = getCell(g, t.sheet, t.totalRow, c);
      if (x?.err) out.push({ rule: "cell-error", sheet: t.sheet, cell: a1(t.totalRow, c), what: x.err });
      else if (!close(val(t.totalRow), want))
        out.push({ rule: "total-row", sheet: t.sheet, cell: a1(t.totalRow, c), what: `TOTAL ${val(t.totalRow)} ≠ ${want}` });
      // a SUM that leaves fiche rows out of its range
      const f = x?.f ?? "";
      const m = /^SUM\(([A-Z]+)(\d+):[A-Z]+(\d+)\)$/.exec(f);
      if (m && !t.subtotals.length && fiche.some((r) => r < Number(m[2]) || r > Number(m[3])))
        out.push({ rule: "total-formula", sheet: t.sheet, cell: a1(t.totalRow, c), what: `${f} leaves rows out` });
    }
  }
}

/** The objective written on the fiche's row, or on the first row of the merge that covers it. */
function objectiveAt(g: Grid, t: TableTruth, row: number): string | number | boolean | null {
  const c = colNumber(t.columns.objective!);
  const sheet = g.sheets.find((s) => s.name === t.sheet)!;
  for (const m of sheet.merges) {
    const [p, q] = m.split(":");
    const top = Number(/\d+/.exec(p!)![0]);
    const bottom = Number(/\d+/.exec(q!)![0]);
    if (p!.replace(/\d+/, "") === t.columns.objective && row >= top && row <= bottom) return getCell(g, t.sheet, top, c)?.v ?? null;
  }
  return getCell(g, t.sheet, row, c)?.v ?? null;
}
