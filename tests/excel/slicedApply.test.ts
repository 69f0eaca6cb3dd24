// The apply gives the pane's thread back between slices of its long loops (issue 15): the result must be the same
// whether it yields at every safe point or never, and whether the pane's worker prepared it or the adapter did.
import { checkAnnex } from "../../src/core/check";
import { planAddYear } from "../../src/core/compute/addYear";
import { applyPlan, prepareApply } from "../../src/excel/applyPlan";
import { blocksOf, blocksOfSliced } from "../../src/excel/blocks";
import { Slicer } from "../../src/excel/slicer";
import { PART_CHARS, parseUndoPartSteps, parseUndoParts, recordNamespace, undoXmlPartSteps, undoXmlParts, type UndoRecord } from "../../src/excel/undo";
import { createExcelPort } from "../../src/excel/port";
import { generateAnnex } from "../support/annexGenerator";
import { fakeRunner, stateFromSnapshot, type FakeState } from "../support/fakeExcel";

/** Yields at every safe point, and counts the yields. */
class EverySlice extends Slicer {
  yields = 0;
  constructor() {
    super(0);
  }
  override async next(): Promise<void> {
    this.yields++;
    await super.next();
  }
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

test("the undo record's parts made in slices are the text of JSON.stringify of the whole record, cut every PART_CHARS", () => {
  const record: UndoRecord = {
    v: 2,
    id: "abc-1",
    kind: "add-year",
    createdAt: "2026-11-24T06:00:00.000Z",
    workbook: 'Annexe "cells":[] <2025> & co',
    deleteColumns: [{ sheet: "Suivi", at: 12, count: 1, rows: null, finalAt: 14 }],
    cells: Array.from({ length: 25_001 }, (_, i) => ({
      s: i % 2 ? "Suivi fiches actions" : 'Synthèse "cells":[]',
      r: i + 1,
      c: 3 + (i % 7),
      w: i % 3 ? `=SUM(A${i}:B${i})&"<&>"` : i,
      p: i % 5 ? "" : "'2023",
      pf: "0 %",
      o: 3,
    })),
    widths: [{ sheet: "Suivi", col: 4, prior: 10, wrote: 12 }],
  };
  const json = JSON.stringify(record);
  const n = Math.ceil(json.length / PART_CHARS);
  expect(n).toBeGreaterThan(1);
  const reference = Array.from(
    { length: n },
    (_, i) =>
      `<undo xmlns="${recordNamespace("add-year")}" id="abc-1" part="${i}" of="${n}">${escapeXml(json.slice(i * PART_CHARS, (i + 1) * PART_CHARS))}</undo>`,
  );
  expect(undoXmlParts(record)).toEqual(reference);
  const steps = undoXmlPartSteps(record);
  let yields = 0;
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) {
      expect(r.value).toEqual(reference);
      break;
    }
    yields++;
  }
  expect(yields).toBeGreaterThan(5);
  expect(undoXmlParts({ ...record, cells: [] })[0]).toContain(escapeXml('"cells":[],"widths"'));
});

test("rectangles made in slices are the same rectangles", async () => {
  const cells = Array.from({ length: 5_000 }, (_, i) => ({ row: 1 + ((i * 7919) % 2_500), col: 1 + (i % 2) * 3 + (i % 5 === 0 ? 1 : 0) }));
  const sl = new EverySlice();
  expect(await blocksOfSliced(cells, sl)).toEqual(blocksOf(cells));
  expect(sl.yields).toBeGreaterThan(5);
});

const contents = (state: FakeState) =>
  JSON.stringify(state.sheets.map((s) => [...s.cells.entries()].map(([k, c]) => [k, c.formula ?? c.value, c.numFmt]).sort()));

test("add-year on 200 fiche rows: yielding at every safe point, or prepared elsewhere, writes the same cells in the same round trips", async () => {
  const g = generateAnnex({ fiches: 200, years: [2020, 2021, 2022], seed: 5, withSummary: true });
  const outcomes: Array<{ cells: string; syncs: number; requests: number[]; record: string }> = [];
  const yields: number[] = [];
  for (const mode of ["plain", "every-slice", "prepared"] as const) {
    const state = stateFromSnapshot(g.workbook);
    const snap = await createExcelPort(fakeRunner(state), () => true).read();
    const plan = planAddYear(snap, { year: 2023 }, checkAnnex(snap).layout);
    const sl = new EverySlice();
    state.log = [];
    const now = new Date("2026-11-24T06:00:00Z");
    const result = await fakeRunner(state)((ctx) =>
      applyPlan(ctx, plan, snap, now, {
        slicer: mode === "plain" ? new Slicer(60_000) : sl,
        prepared: mode === "prepared" ? prepareApply(plan, snap) : undefined,
      }),
    );
    if (mode === "every-slice") yields.push(sl.yields);
    outcomes.push({
      cells: contents(state),
      syncs: result.syncs,
      requests: state.log.map((l) => l.request),
      record: JSON.stringify({ ...result.record, id: "" }),
    });
  }
  expect(outcomes[0]!.syncs).toBeGreaterThan(2);
  expect(outcomes[1]).toEqual(outcomes[0]);
  expect(outcomes[2]).toEqual(outcomes[0]);
  expect(yields[0]).toBeGreaterThan(50);
}, 120_000);

describe("an undo record read a slice of cells at a time", () => {
  const record: UndoRecord = {
    v: 2,
    id: "rec-2",
    kind: "fill",
    createdAt: "2026-11-24T06:00:00.000Z",
    workbook: "Annexe",
    deleteColumns: [],
    cells: Array.from({ length: 6_500 }, (_, i) => ({
      s: i % 3 ? "Suivi" : 'Synth}èse],{"x"\\',
      r: i + 1,
      c: 2,
      w: i % 2 ? `=IF(A${i}="}",1,{1,2})` : "'} ] {",
      p: i % 4 ? 3.5 : "",
      pf: "General",
      o: 2,
    })),
    widths: [],
  };
  const parts = undoXmlParts(record);
  const rebuild = (json: string) => {
    const n = Math.max(1, Math.ceil(json.length / PART_CHARS));
    return Array.from(
      { length: n },
      (_, i) =>
        `<undo xmlns="${recordNamespace("fill")}" id="rec-2" part="${i}" of="${n}">${escapeXml(json.slice(i * PART_CHARS, (i + 1) * PART_CHARS))}</undo>`,
    );
  };

  test("gives back the record as written, braces and brackets inside its strings included", () => {
    expect(parseUndoParts(parts, "fill")).toEqual(record);
    const steps = parseUndoPartSteps(parts, "fill");
    let yields = 0;
    while (steps.next().done !== true) yields++;
    expect(yields).toBeGreaterThan(3);
  });

  test.each([
    ["truncated", (j: string) => j.slice(0, -40)],
    ["two cells without a comma at a slice's end", (j: string) => j.replace('},{"s":"Suivi","r":2001,', '} {"s":"Suivi","r":2001,')],
    ["a nested object in a cell", (j: string) => j.replace('"r":10,', '"r":10,"x":{"y":1},')],
    ["text after the record", (j: string) => `${j}]`],
    ["a cell that is not an object", (j: string) => j.replace('"cells":[', '"cells":[7,')],
  ])("refuses a record %s (never replayed)", (_label, spoil) => {
    const json = JSON.stringify(record);
    const spoilt = spoil(json);
    expect(spoilt === json).toBe(false);
    expect(parseUndoParts(rebuild(spoilt), "fill")).toBeNull();
  });
});
