import { recognise } from "../../../src/core/layout/recognise";
import { columnLetters } from "../../../src/core/layout/describe";
import { mappingFromLayout, parseMapping, type ColumnMapping } from "../../../src/core/layout/mapping";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { checkAnnex } from "../../../src/core/check";
import { fiches, miniDetail, miniSummary } from "../miniAnnex";
import { generateAnnex } from "../../support/annexGenerator";

/** Inserts an empty column before `at` in one sheet (cells, merges, widths), as a user would in Excel. */
function insertColumn(wb: WorkbookSnapshot, sheetName: string, at: number): void {
  const s: SheetSnapshot = wb.sheets.find((x) => x.name === sheetName)!;
  for (const row of s.cells) if (row && row.length >= at) row.splice(at - 1, 0, undefined);
  s.merges = s.merges.map((m) => ({ ...m, c1: m.c1 >= at ? m.c1 + 1 : m.c1, c2: m.c2 >= at ? m.c2 + 1 : m.c2 }));
  s.hiddenCols = new Set([...s.hiddenCols].map((c) => (c >= at ? c + 1 : c)));
  s.colCount++;
}

describe("the column mapping", () => {
  test("round trip: the layout's own mapping gives the same reading, every role marked as the user's", () => {
    const g = generateAnnex({ seed: 7 });
    const layout = recognise(g.workbook);
    const mapping = mappingFromLayout(g.workbook, layout);
    expect(mapping.version).toBe(1);
    expect(mapping.entries.find((e) => e.table === "detail" && e.key === "budget")).toMatchObject({
      sheet: g.expected.detail.sheet,
      column: g.expected.detail.columns.budget,
    });
    const parsed = parseMapping(JSON.parse(JSON.stringify(mapping)));
    expect("error" in parsed).toBe(false);
    const again = recognise(g.workbook, { mapping: parsed as ColumnMapping });
    expect(columnLetters(again.detail!)).toEqual(columnLetters(layout.detail!));
    expect(columnLetters(again.summary!)).toEqual(columnLetters(layout.summary!));
    expect(again.detail!.readings.filter((r) => r.col !== null).every((r) => r.status === "user")).toBe(true);
  });

  test("a mapping survives a column inserted before the mapped ones: entries resolve by header text", () => {
    const g = generateAnnex({ seed: 11, offsetCols: 1 });
    const layout = recognise(g.workbook);
    const mapping = mappingFromLayout(g.workbook, layout);
    const before = columnLetters(layout.detail!);
    insertColumn(g.workbook, g.expected.detail.sheet, 2);
    const after = recognise(g.workbook, { mapping });
    const shifted = columnLetters(after.detail!);
    expect(shifted.budget).toBe(String.fromCharCode(before.budget!.charCodeAt(0) + 1));
    expect(Object.keys(shifted).sort()).toEqual(Object.keys(before).sort());
  });

  test("the user moves a role to another column and says another is absent", () => {
    const g = generateAnnex({ seed: 3 });
    const layout = recognise(g.workbook);
    const d = layout.detail!;
    const gapLetter = columnLetters(d).gap!;
    const mapping: ColumnMapping = {
      version: 1,
      entries: [
        { table: "detail", sheet: d.sheet, key: "realisedSinceStart", header: null, column: gapLetter },
        { table: "detail", sheet: d.sheet, key: "indicatorExtra", header: null, column: null },
      ],
    };
    const again = recognise(g.workbook, { mapping });
    const letters = columnLetters(again.detail!);
    expect(letters.realisedSinceStart).toBe(gapLetter);
    expect(letters.gap).toBeUndefined();
    expect(letters.indicatorExtra).toBeUndefined();
    expect(again.detail!.missing).not.toContain("indicatorExtra");
    expect(again.detail!.readings.find((r) => r.key === "indicatorExtra")).toEqual({ key: "indicatorExtra", col: null, header: "", status: "user" });
    expect(again.detail!.readings.find((r) => r.key === "realisedSinceStart")!.status).toBe("user");
  });

  test("bad mappings get a French message naming the entry", () => {
    expect(parseMapping(null)).toEqual({ error: expect.stringContaining("Fichier de correspondance illisible") });
    expect(parseMapping({ version: 2, entries: [] })).toEqual({ error: expect.stringContaining("version") });
    expect(parseMapping({ version: 1, entries: [{ table: "detail", sheet: "A", key: "nope", header: null, column: "B" }] })).toEqual({
      error: expect.stringContaining("entrée 1"),
    });
    expect(parseMapping({ version: 1, entries: [{ table: "detail", sheet: "A", key: "fir2021", header: null, column: "B7" }] })).toEqual({
      error: expect.stringContaining("colonne"),
    });
    expect(parseMapping({ version: 1, entries: [{ table: "summary", sheet: "A", key: "fir", header: "fir", column: "c" }] })).toEqual({
      version: 1,
      entries: [{ table: "summary", sheet: "A", key: "fir", header: "fir", column: "C" }],
    });
  });
});

describe("a mapping over a doubtful reading", () => {
  test("the user confirms a column the arithmetic doubted: the rules run on it and say what is wrong", () => {
    const m = miniDetail({ fiches: fiches(5) });
    // Every budget 1 000 € above CD + FIR + ETAT + ONDAM (the gaps follow the budget): the numbers refute the reading.
    for (const key of ["budget", "gap"]) {
      const c = lettersToCol(m.colOf[key]!) - 1;
      for (const row of m.rowOfFiche.values()) m.sheet.cells[row - 1]![c]!.value = (m.sheet.cells[row - 1]![c]!.value as number) + 1000;
    }
    const before = checkAnnex(m.wb);
    expect(before.findings.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual(["layout-incomplete"]);
    const mapping = parseMapping({
      version: 1,
      entries: [{ table: "detail", sheet: m.sheet.name, key: "budget", header: "Moyens financiers prévisionnels", column: null }],
    }) as ColumnMapping;
    const after = checkAnnex(m.wb, { mapping });
    expect(after.layout.detail!.readings.find((r) => r.key === "budget")!.status).toBe("user");
    expect(after.findings.filter((f) => f.rule === "layout-incomplete")).toEqual([]);
    expect(after.findings.filter((f) => f.rule === "budget-sum" && f.severity === "error").map((f) => f.cell)).toEqual(
      [...m.rowOfFiche.values()].map((r) => `${m.colOf.budget}${r}`),
    );
  });
});

test("the summary above the detail table on the same sheet: both read", () => {
  const wb = { sheets: [] } as { sheets: SheetSnapshot[] };
  const fs = fiches(4);
  miniSummary(wb, fs, undefined, "Annexe");
  const s = wb.sheets[0]!;
  const m = miniDetail({ fiches: fs, top: 14 }, { sheets: [] });
  m.sheet.cells.forEach((row, i) =>
    row?.forEach((cell, j) => {
      if (cell) setCell(s, i + 1, j + 1, cell);
    }),
  );
  s.merges.push(...m.sheet.merges);
  const layout = recognise(wb);
  expect(layout.tables.map((t) => [t.kind, t.sheet, t.range.r1])).toEqual([
    ["summary", "Annexe", 1],
    ["detail", "Annexe", 14],
  ]);
  expect(checkAnnex(wb, {}, layout).findings.filter((f) => f.severity !== "info")).toEqual([]);
});
