// A wrong or incomplete reading gives one layout-incomplete finding per table, never a flood of errors on guessed columns.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info");
const rename = (cols: MiniCol[], key: string, head: string): MiniCol[] => cols.map((c) => (c.key === key ? { ...c, head } : c));

test("the numbers refute a column read as the budget: one layout-incomplete, the rules that need it skipped", () => {
  // The département's « Budget » column is the last year's plan only, not the total: every budget-sum would fail.
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  const col = m.colOf.budget!;
  const c = col.charCodeAt(0) - 65;
  for (const [, row] of m.rowOfFiche) m.sheet.cells[row - 1]![c]!.value = (m.sheet.cells[row - 1]![c]!.value as number) / 2;
  const report = checkAnnex(m.wb);
  const found = loud(report.findings);
  expect(found.map((f) => f.rule)).toEqual(["layout-incomplete"]);
  expect(found[0]!.severity).toBe("warning");
  expect(found[0]!.message).toContain("Moyens financiers prévisionnels");
  expect(found[0]!.message).toContain(`en ${col}`);
  expect(found[0]!.message).toContain("--mapping");
  expect(report.skipped.find((s) => s.rule === "budget-sum")!.reason).toContain("douteuse");
  expect(report.layout.detail!.readings.find((r) => r.key === "budget")!.status).toBe("doubtful");
});

test("realisations of the year and since the start read the other way round: the arithmetic swaps them back", () => {
  let cols = standardCols();
  cols = cols.map((c) =>
    c.key === "realisedLastYear" ? { ...c, key: "realisedSinceStart" } : c.key === "realisedSinceStart" ? { ...c, key: "realisedLastYear" } : c,
  );
  cols = rename(rename(cols, "realisedLastYear", "Réalisé"), "realisedSinceStart", "Réalisé (bis)");
  const m = miniDetail({ cols });
  // Headers name nothing precise: "Réalisé" twice; the first column is the cumulative one.
  const d = recognise(m.wb).detail!;
  expect(d.doubtful).toEqual([]);
  expect(loud(checkAnnex(m.wb).findings).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
});

test("no realisation columns: one layout-incomplete naming them, no error", () => {
  const cols = standardCols().filter((c) => !/^realised|^rate|^gap$/.test(c.key));
  const m = miniDetail({ cols });
  const report = checkAnnex(m.wb);
  const found = loud(report.findings);
  expect(found.map((f) => f.rule)).toEqual(["layout-incomplete"]);
  expect(found[0]!.message).toContain("Réalisations de la dernière année");
  expect(found[0]!.cell).toBe(`A${m.headerRows[0]}`);
});

test("the user says the realisations are absent: no layout-incomplete", () => {
  const cols = standardCols().filter((c) => !/^realised|^rate|^gap$/.test(c.key));
  const m = miniDetail({ cols });
  const mapping = {
    version: 1 as const,
    entries: ["realisedLastYear", "realisedSinceStart"].map((key) => ({ table: "detail" as const, sheet: m.sheet.name, key, header: null, column: null })),
  };
  expect(loud(checkAnnex(m.wb, { mapping }).findings)).toEqual([]);
});

test("a column of text read as an amount is doubtful, not 4 number-as-text warnings", () => {
  const cols = standardCols().map((c) => (c.key === "label" ? { ...c, head: "Montant FIR (commentaire)" } : c));
  const m = miniDetail({ cols });
  const report = checkAnnex(m.wb);
  expect(loud(report.findings).filter((f) => f.rule !== "layout-incomplete")).toEqual([]);
  expect(columnLetters(report.layout.detail!).firTotal).toBe(m.colOf.firTotal);
});

test("the budget-sum refuted with a funder read from one column and no years: that funder is doubtful too, no source-funder on it", () => {
  // corpus3 seed 392: « FIR » read from the first year's column (its total unread): budget ≠ CD + FIR + ETAT + ONDAM on most
  // rows, and a fiche funded by the FIR the second year only would be « named without money ».
  const fs = fiches(4).map((f, i) => ({ ...f, fir: [i % 2 ? 0 : 900, 1500 + i], source: f.source.includes("FIR") ? f.source : `${f.source}/FIR` }));
  const cols = [...standardCols().filter((c) => !/^fir/.test(c.key)), { head: "FIR", key: "fir2021" }];
  const m = miniDetail({ fiches: fs, cols });
  const report = checkAnnex(m.wb);
  expect(report.layout.detail!.doubtful).toEqual(expect.arrayContaining(["budget", "firTotal"]));
  expect(loud(report.findings).map((f) => f.rule)).toEqual(["layout-incomplete"]);
});

test("a role not found: the message names the unread columns holding amounts, and a header to rename it to with the table's year", () => {
  const cols = rename(standardCols(), "realisedLastYear", "Suivi A");
  const m = miniDetail({ cols });
  const found = loud(checkAnnex(m.wb).findings);
  expect(found.map((f) => f.rule)).toEqual(["layout-incomplete"]);
  const msg = found[0]!.message;
  expect(msg).toContain("Réalisations de la dernière année");
  expect(msg).toContain(`${m.colOf.realisedLastYear}\u00a0«\u00a0Suivi A\u00a0»`);
  expect(msg).toContain("«\u00a0Réalisations 2022\u00a0»");
  // Text columns (labels, objectives) are not offered.
  expect(msg).not.toContain(`${m.colOf.label}\u00a0«`);
});
