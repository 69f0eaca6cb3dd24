// One test per misreading reported in issue #10, on small hand-shaped annexes: the reading, then the findings.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const rename = (cols: MiniCol[], key: string, head: string, group?: string): MiniCol[] =>
  cols.map((c) => (c.key === key ? { ...c, head, group: group ?? c.group } : c));
const regroup = (cols: MiniCol[], from: string, to: string): MiniCol[] => cols.map((c) => (c.group === from ? { ...c, group: to } : c));

test("the plain mini annex reads right and is clean", () => {
  const m = miniDetail();
  const layout = recognise(m.wb);
  expect(columnLetters(layout.detail!)).toMatchObject(m.colOf);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("« Reste à réaliser » is the gap, « Dépenses réalisées 2022 » the year's realisations", () => {
  let cols = rename(standardCols(), "gap", "Reste à réaliser");
  cols = rename(cols, "realisedLastYear", "Dépenses réalisées 2022");
  cols = rename(cols, "realisedSinceStart", "Dépenses réalisées cumulées 2021-2022");
  const m = miniDetail({ cols });
  const letters = columnLetters(recognise(m.wb).detail!);
  expect([letters.gap, letters.realisedLastYear, letters.realisedSinceStart]).toEqual([m.colOf.gap, m.colOf.realisedLastYear, m.colOf.realisedSinceStart]);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a fiche column headed « N° » beside a label column headed « Fiche action »", () => {
  let cols = rename(standardCols(), "fiche", "N°");
  cols = rename(cols, "label", "Fiche action");
  const m = miniDetail({ cols });
  const d = recognise(m.wb).detail!;
  const letters = columnLetters(d);
  expect([letters.fiche, letters.label]).toEqual([m.colOf.fiche, m.colOf.label]);
  expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(4);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a CD block headed « Département » / « Total Département » and a source headed « Financeur(s) »", () => {
  let cols = standardCols().map((c) =>
    c.group === "Total CD" ? { ...c, group: "Département", head: c.key === "cdTotal" ? "Total Département" : c.head.replace("Total CD ", "") } : c,
  );
  cols = rename(cols, "source", "Financeur(s)");
  const m = miniDetail({ cols });
  const letters = columnLetters(recognise(m.wb).detail!);
  expect([letters.cd2021, letters.cd2022, letters.cdTotal, letters.source]).toEqual([m.colOf.cd2021, m.colOf.cd2022, m.colOf.cdTotal, m.colOf.source]);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("funders under other names: crédits ARS, programme 304, Assurance maladie, fonds propres", () => {
  let cols = regroup(standardCols(), "FIR", "Crédits ARS");
  cols = regroup(cols, "ETAT", "Programme 304");
  cols = regroup(cols, "ONDAM", "Assurance maladie");
  cols = regroup(cols, "Masse salariale", "Masse salariale (fonds propres)");
  cols = rename(cols, "firTotal", "Total");
  cols = rename(cols, "etatTotal", "Total");
  cols = rename(cols, "ondamTotal", "Total");
  const m = miniDetail({ cols });
  const letters = columnLetters(recognise(m.wb).detail!);
  for (const k of ["fir2021", "firTotal", "etat2022", "etatTotal", "ondam2021", "ondamTotal", "ms2021", "msTotal"])
    expect([k, letters[k]]).toEqual([k, m.colOf[k]]);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("identical sub-headers under two groups (« Montant » / « Taux » under « Exécution 2022 » and « Exécution cumulée 2021-2022 ») stay apart", () => {
  const cols = standardCols().map((c) => {
    if (c.key === "realisedLastYear") return { ...c, group: "Exécution 2022", head: "Montant" };
    if (c.key === "rateLastYear") return { ...c, group: "Exécution 2022", head: "Taux" };
    if (c.key === "realisedSinceStart") return { ...c, group: "Exécution cumulée 2021-2022", head: "Montant" };
    if (c.key === "rateGlobal") return { ...c, group: "Exécution cumulée 2021-2022", head: "Taux" };
    return c;
  });
  const m = miniDetail({ cols });
  const letters = columnLetters(recognise(m.wb).detail!);
  expect([letters.realisedLastYear, letters.rateLastYear, letters.realisedSinceStart, letters.rateGlobal]).toEqual([
    m.colOf.realisedLastYear,
    m.colOf.rateLastYear,
    m.colOf.realisedSinceStart,
    m.colOf.rateGlobal,
  ]);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test.each([
  ["1.2", "2.1", "2.2"],
  ["FA 1", "FA 2", "FA 3"],
  ["FA-1", "FA-2", "FA-3"],
  ["Fiche 12", "Fiche 13", "Fiche 14"],
  ["01", "02", "03"],
  ["1 bis", "2", "2 bis"],
  ["A1", "A2", "B1"],
])("fiche numbers %s, %s, %s are fiches", (...ns: string[]) => {
  const fs = fiches(3).map((f, i) => ({ ...f, n: ns[i]! }));
  const m = miniDetail({ fiches: fs });
  const d = recognise(m.wb).detail!;
  expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(3);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("single-row headers on the lower of two header rows: every yearly block is kept", () => {
  const m = miniDetail({ singleOnLower: true });
  const d = recognise(m.wb).detail!;
  expect(d.headerRows).toEqual(m.headerRows);
  expect(columnLetters(d)).toMatchObject(m.colOf);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("upper-case headers with line breaks", () => {
  const cols = standardCols().map((c) => ({ ...c, head: c.head.toUpperCase().replace(/ (?=[A-Z]{5})/, "\n"), group: c.group?.toUpperCase() }));
  const m = miniDetail({ cols });
  expect(columnLetters(recognise(m.wb).detail!)).toMatchObject(m.colOf);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("engagement titles, sub-totals and blank rows inside the detail table: clean when right", () => {
  const m = miniDetail({ fiches: fiches(6), engagements: [2, 4], blankEvery: 3 });
  const d = recognise(m.wb).detail!;
  expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(6);
  expect(d.rows.filter((r) => r.kind === "subtotal").map((r) => r.row)).toEqual(m.subtotalRows);
  expect(d.totalRow).toBe(m.totalRow);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a wrong sub-total and a SUM that stops short inside the detail table are found", () => {
  const m = miniDetail({ fiches: fiches(6), engagements: [2, 4] });
  const budgetCol = m.colOf.budget!;
  const sub2 = m.subtotalRows[1]!;
  const cell = m.sheet.cells[sub2 - 1]![colIndex(budgetCol)]!;
  cell.value = (cell.value as number) + 1000;
  const firCol = m.colOf.firTotal!;
  const short = m.sheet.cells[sub2 - 1]![colIndex(firCol)]!;
  short.formula = short.formula!.replace(/(\d+)\)$/, (_, n: string) => `${Number(n) - 1})`);
  const fs = checkAnnex(m.wb).findings;
  expect(fs).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ rule: "total-row", severity: "error", cell: `${budgetCol}${sub2}` }),
      expect.objectContaining({ rule: "total-formula", cell: `${firCol}${sub2}` }),
    ]),
  );
});

test("a fiche over two rows (number merged vertically): one fiche, its source and amounts from both rows", () => {
  const m = miniDetail({ fiches: fiches(4), split: [1, 3] });
  const d = recognise(m.wb).detail!;
  expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(4);
  expect(d.rows.filter((r) => r.kind === "continuation")).toHaveLength(2);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("extra and hidden columns (Commentaires, Service pilote) do not disturb the reading", () => {
  const cols: MiniCol[] = [...standardCols()];
  cols.splice(2, 0, { head: "Service pilote", key: "comment" });
  cols.push({ head: "Commentaires", key: "comment2" });
  const m = miniDetail({ cols });
  m.sheet.hiddenCols.add(3);
  const d = recognise(m.wb).detail!;
  const { comment: _c, comment2: _d, ...expected } = m.colOf;
  expect(columnLetters(d)).toMatchObject(expected);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

test("a fiche over two rows with the summary beside: no false source-funder, source-vs-modalite or cross-table", () => {
  const fs = fiches(4);
  const m = miniDetail({ fiches: fs, split: [1, 3] });
  miniSummary(m.wb, fs);
  const report = checkAnnex(m.wb);
  expect(report.layout.summary).not.toBeNull();
  expect(loud(report.findings)).toEqual([]);
});

test("a summary whose FIR column holds the ONDAM figures: one layout-incomplete, no cross-table flood", () => {
  const fs = fiches(6).map((f, i) => ({ ...f, ondam: [100 * (i + 1), 50], fir: [10 * (i + 1), 20], source: "ETAT/FIR/ONDAM" }));
  const m = miniDetail({ fiches: fs });
  const s = miniSummary(m.wb, fs);
  const fir = colIndex(s.colOf.fir!);
  const ondam = colIndex(s.colOf.ondam!);
  for (const row of s.rowOfFiche.values()) {
    const cells = s.sheet.cells[row - 1]!;
    [cells[fir], cells[ondam]] = [cells[ondam], cells[fir]];
  }
  const found = loud(checkAnnex(m.wb).findings);
  expect(found.filter((f) => !f.startsWith("layout-incomplete"))).toEqual([]);
  expect(found.filter((f) => f.startsWith("layout-incomplete"))).toHaveLength(1);
});
