// One table kept in euros, the other in thousands of euros, each saying so (« (en €) » over the detail, « (k€) » in the
// summary's headers): the summary ↔ detail comparison is made in euros, within what the k€ figures can say (38,71 k€
// is 38 710 € to 5 € either way), instead of every pair looking a thousand times off and the reading doubted.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols, summaryValues, valueOf, YEARS, type MiniFiche } from "../miniAnnex";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`);

const euros = (f: MiniFiche, role: string) => summaryValues(f)[role] as number;

const HEADS: Array<[string, string]> = [
  ["Fiche action N°", "fiche"],
  ["Budget global (k€)", "budget"],
  ["Département (k€)", "departement"],
  ["FIR (k€)", "fir"],
  ["Etat (k€)", "etat"],
  ["ONDAM (k€)", "ondam"],
  ["Modalités de financement", "modalite"],
  ["Consommé au 31/12/2021 (k€)", "consumedPrior"],
  ["Consommé en 2022 (k€)", "consumedLastYear"],
  ["Consommé 2021-2022 (k€)", "consumedSinceStart"],
];

/** The detail in euros (saying so above it), the summary in k€ rounded to `decimals`, one value changed by `change` k€. */
function annex(decimals: number, change?: { fiche: number; role: string; by: number }, perUnit = 1000) {
  const fs = fiches();
  const wb: WorkbookSnapshot = { sheets: [] };
  miniDetail({ fiches: fs, title: "Suivi des fiches actions (montants en €)" }, wb);
  const sheet = emptySheet("Synthèse");
  wb.sheets.push(sheet);
  const colOf: Record<string, string> = {};
  HEADS.forEach(([h, role], i) => {
    setCell(sheet, 1, i + 1, { value: h });
    colOf[role] = colToLetters(i + 1);
  });
  const k = (f: MiniFiche, role: string) =>
    Math.round((euros(f, role) / perUnit) * 10 ** decimals) / 10 ** decimals + (change && change.fiche === f.n && change.role === role ? change.by : 0);
  const mod = (f: MiniFiche) => f.source.replace("ETAT", "PLF").replace("ONDAM", "AM");
  fs.forEach((f, j) =>
    HEADS.forEach(([, role], i) => setCell(sheet, 2 + j, i + 1, { value: role === "fiche" ? f.n : role === "modalite" ? mod(f) : k(f, role) })),
  );
  const total = 2 + fs.length;
  setCell(sheet, total, 1, { value: "TOTAL" });
  HEADS.forEach(([, role], i) => {
    if (role === "fiche" || role === "modalite") return;
    const L = colToLetters(i + 1);
    setCell(sheet, total, i + 1, { value: sum(fs.map((f) => k(f, role))), formula: `SUM(${L}2:${L}${total - 1})` });
  });
  return { wb, colOf };
}

describe("the detail in euros, the summary in k€", () => {
  test.each([3, 2, 1])("k€ written to %i decimal(s): the reading holds and no table is wrong", (decimals) => {
    const { wb } = annex(decimals);
    expect(recognise(wb).summary!.doubtful).toEqual([]);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
    expect(checkAnnex(wb).findings.filter((f) => f.rule === "cross-table")).toEqual([]);
  });

  // corpus8 seed 283: headers that say both (« 2023 (€) » over amounts in k€): what a header states is a hypothesis.
  test("the summary's headers say k€ but its amounts are the detail's euros: compared as written, clean", () => {
    const { wb } = annex(0, undefined, 1);
    expect(recognise(wb).summary!.doubtful).toEqual([]);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });

  test("a Département 5 k€ off the detail's Total CD: one cross-table error at its cell, in euros", () => {
    const { wb, colOf } = annex(2, { fiche: 3, role: "departement", by: 5 });
    const found = checkAnnex(wb).findings.filter((f) => f.rule === "cross-table" || f.rule === "layout-incomplete");
    expect(found.map((f) => `${f.rule} ${f.cell}`)).toEqual([`cross-table ${colOf.departement}4`]);
    expect(found[0]!.message).toMatch(/écart 5\s000\s€/);
  });
});

describe("the detail in k€ with no Total CD column, the summary in euros", () => {
  /** Detail amounts in k€ to 1 decimal, the département's share only as masse salariale + DGAS; summary in euros. */
  function reversed(change?: { fiche: number; role: string; by: number }) {
    const fs = fiches();
    const wb: WorkbookSnapshot = { sheets: [] };
    const cols = standardCols(YEARS).filter((c) => !/^cd|^rate|^gap$/.test(c.key));
    const k = (x: number) => Math.round(x / 100) / 10;
    miniDetail(
      {
        fiches: fs,
        cols,
        title: "Suivi des fiches actions (montants en k€)",
        valueFor: (f, key) => {
          if (!/^(ms|dgas|fir|etat|ondam)(20\d{2})$|^realised/.test(key)) return undefined;
          return k(valueOf(f, key) as number);
        },
      },
      wb,
    );
    // Totals and the budget as the sums of the rounded k€ figures, as a k€ sheet adds them.
    const d = wb.sheets[0]!;
    const colOf = (key: string) => cols.findIndex((c) => c.key === key) + 1;
    const rowsOf = fs.map((_, i) => 4 + i);
    for (const r of rowsOf) {
      const at = (key: string) => d.cells[r - 1]![colOf(key) - 1]!.value as number;
      for (const b of ["ms", "dgas", "fir", "etat", "ondam"]) setCell(d, r, colOf(`${b}Total`), { value: YEARS.reduce((a, y) => a + at(`${b}${y}`), 0) });
      setCell(d, r, colOf("budget"), { value: ["ms", "dgas", "fir", "etat", "ondam"].reduce((a, b) => a + at(`${b}Total`), 0) });
    }
    const total = rowsOf[rowsOf.length - 1]! + 1;
    cols.forEach((c, i) => {
      if (typeof d.cells[total - 1]?.[i]?.value !== "number") return;
      d.cells[total - 1]![i]!.value = rowsOf.reduce((a, r) => a + (d.cells[r - 1]![i]!.value as number), 0);
    });
    const s = miniSummary(wb, fs, YEARS, "Synthèse");
    for (const [key, c] of Object.entries(s.colOf)) {
      const col = c.charCodeAt(0) - 64;
      if (key !== "fiche" && key !== "mesure" && key !== "objectif" && key !== "modalite")
        setCell(s.sheet, 1, col, { value: `${s.sheet.cells[0]![col - 1]!.value as string} (€)` });
    }
    if (change) {
      const row = s.rowOfFiche.get(String(change.fiche))!;
      const col = s.colOf[change.role]!.charCodeAt(0) - 64;
      setCell(s.sheet, row, col, { value: (s.sheet.cells[row - 1]![col - 1]!.value as number) + change.by });
    }
    return { wb, s };
  }

  test("clean: nothing false, the département's share derived from k€ columns not compared", () => {
    const { wb } = reversed();
    expect(recognise(wb).summary!.unitScales).toEqual({ detail: 1000, summary: 1 });
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });

  test("a FIR 3 000 € off the detail's: one cross-table error at its cell", () => {
    const { wb, s } = reversed({ fiche: 2, role: "fir", by: 3000 });
    const found = checkAnnex(wb).findings.filter((f) => f.rule === "cross-table" && f.severity === "error");
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`Synthèse!${s.colOf.fir}${s.rowOfFiche.get("2")}`]);
  });
});
