import * as fs from "fs";
import * as path from "path";
import { parseModalite, parseSource } from "../../../src/core/catalogue/funders";
import { FIR_OBJECTIVES, FUNDAMENTAL_NUMBERS, NATIONAL_OBJECTIVES, nationalType, ONDAM_OBJECTIVES } from "../../../src/core/catalogue/objectives";
import { FUNDER_BLOCKS } from "../../../src/core/layout/types";

describe("national objectives catalogue", () => {
  test("numbers are unique and ascending; the type follows the national numbering (≤ 11 fondamental)", () => {
    const ns = NATIONAL_OBJECTIVES.map((o) => o.n);
    expect(ns).toEqual([...ns].sort((a, b) => a - b));
    expect(new Set(ns).size).toBe(ns.length);
    for (const o of NATIONAL_OBJECTIVES) expect([o.n, o.type]).toEqual([o.n, o.n <= 11 ? "fondamental" : "facultatif"]);
  });

  test("every objective has a label as printed (trimmed, no number in it) and at least one known co-financer", () => {
    for (const o of NATIONAL_OBJECTIVES) {
      expect(o.label).toBe(o.label.trim());
      expect(o.label).not.toMatch(/^objectif\s*\d/i);
      expect(o.funders.length).toBeGreaterThan(0);
      for (const f of o.funders) expect(FUNDER_BLOCKS).toContain(f);
      expect(new Set(o.funders).size).toBe(o.funders.length);
    }
  });

  test("the 11 fundamental objectives are 1 to 11", () => {
    expect(FUNDAMENTAL_NUMBERS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test("funder-theme lists are derived from the catalogue and are the spec's: ONDAM on handicap (9, 15, 16, 24), FIR on PMI (1-5, 13)", () => {
    expect(ONDAM_OBJECTIVES).toEqual([9, 15, 16, 24]);
    expect(FIR_OBJECTIVES).toEqual([1, 2, 3, 4, 5, 13]);
    for (const n of ONDAM_OBJECTIVES) expect(NATIONAL_OBJECTIVES.find((o) => o.n === n)!.label).toMatch(/handicap/);
    for (const n of FIR_OBJECTIVES) expect(NATIONAL_OBJECTIVES.find((o) => o.n === n)!.label).toMatch(/PMI/);
  });

  test("no objective is both a FIR (PMI) and an ONDAM (handicap) one: the two funder-theme lists do not overlap", () => {
    expect(ONDAM_OBJECTIVES.filter((n) => FIR_OBJECTIVES.includes(n))).toEqual([]);
  });

  test("nationalType: the catalogue first, then the numbering rule for numbers the catalogue does not list", () => {
    expect(nationalType(9)).toBe("fondamental");
    expect(nationalType(19)).toBe("facultatif");
    expect(nationalType(12)).toBe("facultatif");
    expect(nationalType(20)).toBe("facultatif");
  });
});

describe("docs/annexe.md shows the catalogue as it is in the code", () => {
  // The reference's table of national objectives is read back and compared row by row, so neither can drift.
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "annexe.md"), "utf8");
  const start = doc.indexOf("<!-- objectives:start -->");
  const end = doc.indexOf("<!-- objectives:end -->");
  const LABEL = { FIR: "fir", PLF: "etat", ONDAM: "ondam" } as const;
  const rows = doc
    .slice(start, end)
    .split("\n")
    .filter((l) => /^\|\s*\d+\s*\|/.test(l))
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    )
    .map(([n, type, funders, label]) => ({
      n: Number(n),
      type,
      funders: funders!.split(/,\s*/).map((f) => LABEL[f as keyof typeof LABEL] ?? f),
      label: label!.replace(/\\\|/g, "|"),
    }));

  test("the table is there, between its markers", () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
  });

  test("same numbers, types, co-financers and labels", () => {
    expect(rows).toEqual(NATIONAL_OBJECTIVES.map((o) => ({ n: o.n, type: o.type, funders: [...o.funders], label: o.label })));
  });
});

describe("funders named in free text", () => {
  const names = (t: string | null) => [...parseSource(t).funders].sort();

  test("detail source: FIR, ETAT or PLF, ONDAM or AM or DAM, combined with / + , et", () => {
    expect(names("FIR")).toEqual(["fir"]);
    expect(names("ETAT")).toEqual(["etat"]);
    expect(names("État")).toEqual(["etat"]);
    expect(names("DAM/ETAT")).toEqual(["etat", "ondam"]);
    expect(names("FIR + ONDAM")).toEqual(["fir", "ondam"]);
    expect(names("FIR et ETAT")).toEqual(["etat", "fir"]);
    expect(names("")).toEqual([]);
    expect(names(null)).toEqual([]);
  });

  test("summary modalité: PLF is the State, AM is ONDAM, CD names no co-financer, other words are reported as unknown", () => {
    expect([...parseModalite("PLF").funders]).toEqual(["etat"]);
    expect([...parseModalite("AM").funders]).toEqual(["ondam"]);
    const cd = parseModalite("CD");
    expect([cd.funders.size, cd.namesCd]).toEqual([0, true]);
    expect(parseModalite("PLF/subvention").unknown).toEqual(["subvention"]);
  });
});
