import { recognise } from "../../../src/core/layout/recognise";
import { columnLetters, describeTable } from "../../../src/core/layout/describe";
import { fixtureSnapshot, sidecar } from "../../support/fixtures";
import type { AnnexLayout } from "../../../src/core/layout/types";

let layout: AnnexLayout;
const side = sidecar().layout;

beforeAll(async () => {
  layout = recognise(await fixtureSnapshot());
});

describe("the 2022 fixture", () => {
  test("both tables are found, on their sheets, with their ranges and header rows", () => {
    expect(layout.tables).toHaveLength(2);
    const d = describeTable(layout.detail!);
    const s = describeTable(layout.summary!);
    expect([d.sheet, d.range, d.headerRows]).toEqual([side.detail.sheet, side.detail.range, side.detail.headerRows]);
    expect([s.sheet, s.range, s.headerRows]).toEqual([side.summary.sheet, side.summary.range, side.summary.headerRows]);
    expect(d.years).toEqual([2020, 2021, 2022]);
    expect(d.confidence).toBe(1);
    expect(d.missing).toEqual([]);
  });

  test("every detail column role is at its letter", () => {
    const got = columnLetters(layout.detail!);
    for (const [key, letter] of Object.entries(side.detail.columns)) {
      const ours = key.replace(/^indicator(20\d\d)$/, "indicator$1");
      expect([key, got[ours]]).toEqual([key, letter]);
    }
  });

  test("every summary column role is at its letter", () => {
    const got = columnLetters(layout.summary!);
    for (const [key, letter] of Object.entries(side.summary.columns)) expect([key, got[key]]).toEqual([key, letter]);
  });

  test("41 fiches, the continuation of fiche 29 in row 33, the TOTAL in row 46", () => {
    const d = layout.detail!;
    const fiches = d.rows.filter((r) => r.kind === "fiche").map((r) => ({ row: r.row, fiche: Number(r.fiche) }));
    expect(fiches).toEqual(side.detail.rows.filter((r) => r.fiche !== null).map((r) => ({ row: r.row, fiche: r.fiche })));
    expect(fiches).toHaveLength(41);
    expect(d.rows.filter((r) => r.kind === "continuation")).toEqual([{ row: 33, kind: "continuation", fiche: null, continuationOf: "29" }]);
    expect(d.totalRow).toBe(46);
  });

  test("5 groups with their rows, Sous-totals and the Total", () => {
    const s = layout.summary!;
    expect(s.groups.map((g) => [g.key, g.titleRow, g.subtotalRow, g.rows])).toEqual(
      side.summary.groups.map((g) => [g.key, g.titleRow, g.subtotalRow, g.rows.map((r) => r.row)]),
    );
    const fiches = s.rows.filter((r) => r.kind === "fiche").map((r) => Number(r.fiche));
    expect(fiches).toEqual(side.summary.groups.flatMap((g) => g.rows.filter((r) => r.fiche !== null).map((r) => r.fiche)));
    expect(s.rows.filter((r) => r.kind === "objective").map((r) => r.row)).toEqual(
      side.summary.groups.flatMap((g) => g.rows.filter((r) => r.fiche === null).map((r) => r.row)),
    );
    expect(s.totalRow).toBe(side.summary.totalRow);
  });
});
