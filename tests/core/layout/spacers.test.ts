// Narrow empty spacer columns between groups of the detail table: the runs of columns they separate are one table.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

describe("spacer columns", () => {
  // corpus3 seed 30: fiche | label | objective | type | spacer | budget | spacer | Masse salariale…: the budget alone between two
  // spacers says no table by itself, and the text columns before it then had no typed neighbour.
  test("a lone column between two spacers, after a run of text columns: one detail table from the fiche number on", () => {
    const cols = standardCols();
    const at = cols.findIndex((c) => c.key === "budget");
    const spaced: MiniCol[] = [...cols.slice(0, at), { head: "", key: "spacer1" }, cols[at]!, { head: "", key: "spacer2" }, ...cols.slice(at + 1)];
    const m = miniDetail({ cols: spaced });
    const l = recognise(m.wb);
    expect(l.tables.map((t) => t.kind)).toEqual(["detail"]);
    const { spacer1: _a, spacer2: _b, ...expected } = m.colOf;
    expect(columnLetters(l.detail!)).toMatchObject(expected);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});
