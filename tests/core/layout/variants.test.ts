import fc from "fast-check";
import { recognise } from "../../../src/core/layout/recognise";
import { columnLetters } from "../../../src/core/layout/describe";
import { generateAnnex, type AnnexOptions } from "../../support/annexGenerator";
import { emptySheet, setCell } from "../../../src/core/model/snapshot";
import { noAnnexMessage } from "../../../src/messages/layout";

const optionsArb: fc.Arbitrary<Partial<AnnexOptions>> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  years: fc.integer({ min: 3, max: 5 }).map((n) => Array.from({ length: n }, (_, i) => 2020 + i)),
  fiches: fc.integer({ min: 1, max: 25 }),
  offsetRows: fc.integer({ min: 0, max: 15 }),
  offsetCols: fc.integer({ min: 0, max: 8 }),
  titleLines: fc.integer({ min: 0, max: 3 }),
  headerStyle: fc.constantFrom("merged", "plainRepeated", "plainFirst", "singleRow"),
  summaryHeaderStyle: fc.constantFrom("merged", "singleRow"),
  wording: fc.integer({ min: 0, max: 5 }),
  noOndam: fc.boolean(),
  hideColumns: fc.boolean(),
  unrelatedBeside: fc.boolean(),
  bothOnOneSheet: fc.boolean(),
  continuationEvery: fc.integer({ min: 0, max: 4 }),
  detailSheet: fc.constantFrom("Suivi fiches actions", "Annexe 1 - détail", "FA 2023", "Feuil2"),
  summarySheet: fc.constantFrom("Synthèse financière", "Rapport financier", "Feuil1"),
});

test("generated annexes of every shape: the same fiches, rows and column roles are found", () => {
  fc.assert(
    fc.property(optionsArb, (opts) => {
      const g = generateAnnex(opts);
      const layout = recognise(g.workbook);
      const d = layout.detail;
      expect(d).not.toBeNull();
      expect(d!.sheet).toBe(g.expected.detail.sheet);
      expect(d!.headerRows).toEqual(g.expected.detail.headerRows);
      expect(d!.years).toEqual(g.expected.detail.years);
      const letters = columnLetters(d!);
      for (const [key, letter] of Object.entries(g.expected.detail.columns)) expect([key, letters[key]]).toEqual([key, letter]);
      expect(d!.rows.filter((r) => r.kind === "fiche").map((r) => ({ row: r.row, fiche: r.fiche }))).toEqual(g.expected.detail.fiches);
      expect(d!.rows.filter((r) => r.kind === "continuation").map((r) => ({ row: r.row, of: r.continuationOf }))).toEqual(g.expected.detail.continuations);
      expect(d!.totalRow).toBe(g.expected.detail.totalRow);
      expect(d!.hiddenCols.length).toBe(g.expected.detail.hidden.length);
      if (g.options.noOndam) expect(d!.missing).toEqual(expect.arrayContaining(["ondamTotal", "ondam"]));
      else expect(d!.missing).toEqual([]);
      const s = layout.summary;
      const es = g.expected.summary!;
      expect(s).not.toBeNull();
      expect(s!.sheet).toBe(es.sheet);
      expect(s!.headerRows).toEqual(es.headerRows);
      const sl = columnLetters(s!);
      for (const [key, letter] of Object.entries(es.columns)) expect([key, sl[key]]).toEqual([key, letter]);
      expect(s!.rows.filter((r) => r.kind === "fiche").map((r) => ({ row: r.row, fiche: r.fiche }))).toEqual(es.fiches);
      expect(s!.groups.map((x) => ({ titleRow: x.titleRow, subtotalRow: x.subtotalRow, rows: x.rows.length }))).toEqual(es.groups);
      expect(s!.totalRow).toBe(es.totalRow);
      // Nothing else is taken for a table (the unrelated one beside, the notes sheet).
      expect(layout.tables).toHaveLength(2);
    }),
    { numRuns: 400 },
  );
});

test("a workbook without an annex: nothing recognised, and a French message naming the closest row", () => {
  const sheet = emptySheet("Budget 2022");
  ["Direction", "Montant FIR", "Total CD", "Commentaire"].forEach((h, i) => setCell(sheet, 3, i + 1, { value: h }));
  setCell(sheet, 4, 1, { value: "DGAS" });
  setCell(sheet, 4, 2, { value: 1200 });
  const layout = recognise({ sheets: [emptySheet("Vide"), sheet] });
  expect(layout.detail).toBeNull();
  expect(layout.summary).toBeNull();
  expect(layout.closest).toMatchObject({ sheet: "Budget 2022", row: 3 });
  const msg = noAnnexMessage(layout.closest);
  expect(msg).toMatch(/^Aucune annexe CDPPE reconnue/);
  expect(msg).toContain("«\u00a0Budget 2022\u00a0», ligne 3");
  expect(noAnnexMessage(null)).toContain("Aucune ligne ne ressemble");
});

test("half an annex (detail table only) is recognised and says the summary is missing", () => {
  const g = generateAnnex({ withSummary: false, seed: 7 });
  const layout = recognise(g.workbook);
  expect(layout.detail).not.toBeNull();
  expect(layout.summary).toBeNull();
});
