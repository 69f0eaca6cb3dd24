// Issue #10, classes corpus9 revealed (docs/corpus9.md): written as a département would, each with a clean annex that
// must be read right and give no finding.
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary, standardCols, YEARS, type MiniCol } from "../miniAnnex";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year ?? ""}`;
};
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

describe("the planned whole in a money noun, a whole word and a planned word, in any order", () => {
  test.each([
    "Dotation totale prévue",
    "Crédits prévus (total)",
    "DOTATION TOTALE PRÉVUE (EN MILLIERS D'€)",
    "Crédits prévus (total) (en milliers d'€)",
    "Crédits totaux prévus",
    "Enveloppe globale prévue",
    "Montant global programmé",
    "Dotation prévue (total)",
  ])("« %s » alone is the budget", (t) => {
    expect(key("", t)).toBe("budget");
  });
  test("under a funder, the same words are that funder's total", () => {
    expect(key("FIR", "Crédits prévus (total)")).toBe("firTotal");
    expect(key("Masse salariale", "Dotation totale prévue")).toBe("msTotal");
  });
  test("the whole words with a funder or a realisation are not the budget", () => {
    expect(key("", "Crédits ARS prévus (total)")).not.toBe("budget");
    expect(key("", "Crédits consommés (total)")).not.toBe("budget");
  });
});

describe("the service's own budget is the DGAS part", () => {
  test.each([
    ["Budget de la direction", "2022", "dgas2022"],
    ["Crédits de la direction", "2022", "dgas2022"],
    ["Budget de la direction", "Total", "dgasTotal"],
    ["Budget du service", "2022", "dgas2022"],
  ])("« %s » / « %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
  test("a direction named as the pilot is no money", () => {
    expect(String(key("", "Direction pilote"))).not.toMatch(/^dgas/);
  });

  test("a clean annex whose DGAS block is « Budget de la direction » is read right and gives no finding", () => {
    const cols: MiniCol[] = standardCols(YEARS).map((c) =>
      !c.key.startsWith("dgas") ? c : { ...c, group: "Budget de la direction", head: c.key.endsWith("Total") ? "Total" : c.head },
    );
    const m = miniDetail({ cols, total: true });
    const l = recognise(m.wb);
    const got = columnLetters(l.detail!);
    for (const k of ["dgas2021", "dgas2022", "dgasTotal", "ms2021", "cdTotal"]) expect({ k, col: got[k] }).toEqual({ k, col: m.colOf[k] });
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("two columns worded as the source: the cells that name funders settle it", () => {
  const withPartners = (before: boolean): MiniCol[] => {
    const cols = standardCols(YEARS);
    const at = cols.findIndex((c) => c.key === "source");
    const partners: MiniCol = { head: "Partenaires associés", key: "partners" };
    cols.splice(before ? at : at + 1, 0, partners);
    return cols;
  };
  test.each([true, false])("partners' column %s the source: the source is the one naming FIR, ETAT, ONDAM", (before) => {
    const m = miniDetail({
      cols: withPartners(before),
      total: true,
      valueFor: (f, k) => (k === "partners" ? ["Partenariat CAF", "RAS", "En cours", "Associations locales"][Number(f.n) % 4] : undefined),
    });
    const l = recognise(m.wb);
    expect(columnLetters(l.detail!).source).toBe(m.colOf.source);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

// A fiche over several lines writes its execution once, merged down, its rate over the whole fiche's plan in percentage
// points with one decimal (81,5): the whole fiche's rate (81,46 %) is that rate within the same tolerance as a row's.
test("a spread fiche's rate written once in points with a decimal is the whole fiche's, within the rounding of a row's", () => {
  const m = miniDetail({ fiches: fiches(3), split: [1], once: ["rateLastYear", "rateGlobal", "gap", "realisedLastYear", "realisedSinceStart"], total: true });
  const s = m.sheet;
  const col = (k: string) => lettersToCol(m.colOf[k]!);
  const first = m.rowOfFiche.get("2")!;
  const num = (r: number, k: string) => {
    const v = s.cells[r - 1]?.[col(k) - 1]?.value;
    return typeof v === "number" ? v : 0;
  };
  const planned = [first, first + 1].reduce((t, r) => t + ["cd2022", "fir2022", "etat2022", "ondam2022"].reduce((u, k) => u + num(r, k), 0), 0);
  const realised = Math.round(planned * 0.8146);
  setCell(s, first, col("realisedLastYear"), { value: realised });
  // the TOTAL follows
  const rows = [...m.rowOfFiche.values()].flatMap((r) => [r, r + 1]).filter((r) => r < m.totalRow!);
  setCell(s, m.totalRow!, col("realisedLastYear"), { value: [...new Set(rows)].reduce((t, r) => t + num(r, "realisedLastYear"), 0) });
  for (const r of m.rowOfFiche.values())
    for (const k of ["rateLastYear", "rateGlobal"]) {
      const c = s.cells[r - 1]?.[col(k) - 1];
      if (c && typeof c.value === "number") setCell(s, r, col(k), { value: Math.round(c.value * 1000) / 10, numFmt: "0.0" });
    }
  setCell(s, first, col("rateLastYear"), { value: Math.round((realised / planned) * 1000) / 10, numFmt: "0.0" });
  expect(Math.round((realised / planned) * 100)).not.toBe(Math.round(Math.round((realised / planned) * 1000) / 10));
  const found = checkAnnex(m.wb).findings.filter((f) => f.rule === "rate-mismatch");
  expect(found.map((f) => `${f.cell} ${f.message}`)).toEqual([]);
});

// An annex in k€ whose masse salariale is small (0,35 k€, 1,2 k€): fractions under 1,5 like rates, but its years add
// up to its total on every row, which rates never do: amounts, not rates.
test("small amounts whose years add up to their block's total are amounts, not rates", () => {
  const fs = fiches(4).map((f, i) => ({ ...f, ms: [0.35 + 0.1 * i, 1.2 - 0.15 * i], realisedLast: 1000 + i, realisedSince: 2500 + i }));
  const m = miniDetail({ fiches: fs, total: true });
  const l = recognise(m.wb);
  const got = columnLetters(l.detail!);
  for (const k of ["ms2021", "ms2022", "msTotal"]) expect({ k, col: got[k] }).toEqual({ k, col: m.colOf[k] });
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("« Moyens prévus » over the blocks stays a group: its « Crédits de paiement prévus » is the budget, its « Total » no budget", () => {
  expect(key("MOYENS PRÉVUS", "CRÉDITS DE PAIEMENT PRÉVUS")).toBe("budget");
  expect(key("MOYENS PRÉVUS", "Total")).toBeNull();
});

// corpus9 seeds 1-6: « (EN MILLIERS D'€) » after a header is a unit, like « (en milliers d'euros) » and « (k€) ».
test.each(["(en milliers d'€)", "(EN MILLIERS D'€)", "en milliers d’€", "(milliers d'euros)", "(en k€)"])(
  "a header keeps its reading with the unit « %s »",
  (unit) => {
    for (const base of ["Montant global", "Total prévu", "Montant programmé 2020 à 2024"])
      expect({ base, got: key("", `${base} ${unit}`) }).toEqual({ base, got: key("", base) });
  },
);

// corpus9 seed 58: the detail keeps its co-financers' years and no block total; the summary's FIR of a fiche differs
// from the sum of that fiche's FIR years. The pair is compared on the block's years, as the Total CD already is.
test("summary ≠ detail for a co-financer whose detail block has years and no total column", () => {
  const fs = fiches(4);
  const cols = standardCols(YEARS).filter((c) => !/^(fir|etat|ondam)Total$/.test(c.key));
  const m = miniDetail({ fiches: fs, cols, total: true });
  const s = miniSummary(m.wb, fs);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  const r = s.rowOfFiche.get("2")!;
  const c = lettersToCol(s.colOf.fir!);
  setCell(s.sheet, r, c, { value: (s.sheet.cells[r - 1]![c - 1]!.value as number) + 1900 });
  const found = checkAnnex(m.wb).findings.filter((f) => f.rule === "cross-table" && f.severity === "error");
  expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`Synthèse!${s.colOf.fir}${r}`]);
});
