// What a column's own words leave open, its neighbours in the header say. Départements group their realisations as
// pairs (« Exécution 2024 » over « Montant » | « Taux », « Depuis 2021 » over « € » | « % ») and often write the group
// over its first column only, or over a year alone (« Année 2024 »); a block's total is often a bare « Sous-total »
// after its years. Each reading here is a hypothesis the table's arithmetic (verify.ts) then confirms or refutes.
import { unitless } from "./classify";
import { bareYear, isBareYear, norm, yearsIn } from "./normalize";
import type { ColumnClass, SingleRole, YearBlock } from "./types";

export interface NamedColumn {
  col: number;
  group: string;
  sub: string;
  cls: ColumnClass | null;
}

/** A sub-header that is only a rate, with no year, span or qualifier of its own. */
const RATE_ONLY = /^(taux|%|en ?%|pourcentage|taux d.?(execution|realisation|consommation))$/;
/** A sub-header that is only an amount. */
const AMOUNT_ONLY = /^(montants?|€|en ?€|euros?|en euros?|realises?|mt|valeur|sommes?)$/;
/** A sub-header that is only a block total. */
const TOTAL_ONLY = /^(sous-? ?totale?|s\/ ?total|total|cumul|total (periode|general)|sous-total periode)$/;
const FUNDER_BLOCKS: ReadonlySet<string> = new Set<YearBlock>(["ms", "dgas", "cd", "fir", "etat", "ondam"]);

const keyOf = (c: ColumnClass | null) => (c === null ? "" : "role" in c ? c.role : `${c.block}${c.year}`);
// (A unit alone, « € », is the sub-header's whole word.)
const own = (hc: NamedColumn) => unitless(norm(hc.sub)) || norm(hc.sub);

/** The classes of a table's header columns, those their own words left open or doubled read from their neighbours. */
export function pairColumns(header: readonly NamedColumn[]): Array<ColumnClass | null> {
  // A header written alone over both rows (merged down) is the column's own words, under no group.
  const cols = header.map((hc) => (hc.sub ? hc : { ...hc, group: "", sub: hc.group }));
  const out = cols.map((hc) => hc.cls);
  const next = (i: number) => (cols[i + 1] && cols[i + 1]!.col === cols[i]!.col + 1 ? i + 1 : -1);
  const prev = (i: number) => (i > 0 && cols[i - 1]!.col === cols[i]!.col - 1 ? i - 1 : -1);

  // An amount under a year alone (« Année 2024 » / « Montant ») beside that year's rate, or beside the cumulative
  // realisation worded the same (« Depuis 2021 » / « € »): the year's realisation.
  for (let i = 0; i < cols.length; i++) {
    const hc = cols[i]!;
    if (out[i] || !AMOUNT_ONLY.test(own(hc))) continue;
    const g = norm(hc.group);
    if (!isBareYear(g)) continue;
    const year = bareYear(g)!;
    const n = next(i);
    const beside = n >= 0 && cols[n]!.group === hc.group ? out[n] : null;
    const rateBeside = !!beside && "block" in beside && beside.block === "rate";
    const sibling = cols.slice(i + 1, i + 5).some((o, k) => {
      const c = out[i + 1 + k] ?? null;
      return o.group !== hc.group && own(o) === own(hc) && c !== null && "role" in c && c.role === "realisedSinceStart";
    });
    if (rateBeside || sibling) out[i] = { block: "realised", year };
  }

  // A rate with no words of its own (« Taux » or « Taux d'exécution » under a group written over the amount only) is
  // the rate of the realisation just before it.
  const rateOf = (c: ColumnClass | null): ColumnClass | null => {
    if (!c) return null;
    if ("block" in c) return c.block === "realised" || c.block === "consumedIn" ? { block: "rate", year: c.year } : null;
    if (c.role === "realisedSinceStart" || c.role === "consumedSinceStart") return { role: "rateGlobal" };
    if (c.role === "realisedLastYear" || c.role === "consumedLastYear") return { role: "rateLastYear" };
    return null;
  };
  const loose = cols.map((hc, i) => {
    if (!RATE_ONLY.test(own(hc))) return false;
    const c = out[i] ?? null;
    const p = prev(i);
    const grouped = !hc.group || (p >= 0 && cols[p]!.group === hc.group);
    return grouped && (c === null || ("role" in c && c.role === "rateLastYear") || ("block" in c && c.block === "rate"));
  });
  // What columns say in their own words stays theirs.
  const claimed = new Set(out.filter((c, i) => !loose[i]).map(keyOf));
  for (let i = 0; i < cols.length; i++) {
    const p = prev(i);
    if (!loose[i] || p < 0) continue;
    const target = rateOf(out[p]!);
    if (target && !claimed.has(keyOf(target))) out[i] = target;
  }

  // A bare « Sous-total » or « Total » right after a funder's years is that funder's total.
  for (let i = 0; i < cols.length; i++) {
    const hc = cols[i]!;
    const p = prev(i);
    if (out[i] || p < 0 || !TOTAL_ONLY.test(own(hc)) || yearsIn(norm(hc.group)).length) continue;
    const before = out[p];
    if (!before || !("block" in before) || !FUNDER_BLOCKS.has(before.block)) continue;
    const total: ColumnClass = { role: `${before.block}Total` as SingleRole };
    if (!out.some((c) => keyOf(c) === keyOf(total))) out[i] = total;
  }
  // A bare « Total » right after the funders' totals, the département's and co-financers' (« Département | FIR | ETAT |
  // Total »), is the planned budget.
  const CD_TOTALS = new Set(["cdTotal", "departement"]);
  const COFINANCER_TOTALS = new Set(["firTotal", "etatTotal", "ondamTotal", "fir", "etat", "ondam"]);
  for (let i = 0; i < cols.length; i++) {
    if (out[i] || !TOTAL_ONLY.test(own(cols[i]!)) || out.some((c) => keyOf(c) === "budget")) continue;
    const run: string[] = [];
    for (let p = prev(i); p >= 0 && (CD_TOTALS.has(keyOf(out[p] ?? null)) || COFINANCER_TOTALS.has(keyOf(out[p] ?? null))); p = prev(p))
      run.push(keyOf(out[p] ?? null));
    if (run.some((k) => CD_TOTALS.has(k)) && run.some((k) => COFINANCER_TOTALS.has(k))) out[i] = { role: "budget" };
  }
  return out;
}
