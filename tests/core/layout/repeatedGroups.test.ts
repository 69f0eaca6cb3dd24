// corpus9 seeds 231, 511: year-major groups (« 2021 (€) », « 2022 (€) », « Cumul 2021 à 2022 ») written out in every
// column of the group instead of merged, as an undone merge leaves them: the row of groups was dropped, the blocks under
// the years read as the totals. Runs of equal short texts over the header's texts are groups, as a merge is.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, standardCols, YEARS, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

test("year-major groups written in every column, not merged, are read as groups", () => {
  const blocks = ["cd", "etat", "ondam"];
  const heads: Record<string, string> = { ms: "Masse salariale", dgas: "Budget DGAS", cd: "Total CD", fir: "FIR", etat: "P304", ondam: "ONDAM" };
  const cols: MiniCol[] = [];
  for (const c of standardCols(YEARS)) {
    const m = /^(ms|dgas|cd|fir|etat|ondam)(20\d{2}|Total)$/.exec(c.key);
    if (!m) cols.push(c);
  }
  const at = cols.findIndex((c) => c.key === "source");
  const money: MiniCol[] = [];
  for (const y of [...YEARS.map(String), "Total"])
    for (const b of blocks) money.push({ group: y === "Total" ? `Cumul ${YEARS[0]} à ${YEARS[1]}` : `${y} (€)`, head: heads[b]!, key: `${b}${y}` });
  cols.splice(at, 0, ...money);
  const fs = fiches(6).map((f) => ({ ...f, fir: [0, 0], source: f.source.replace("/FIR", "") }));
  const m = miniDetail({ cols, fiches: fs, total: true, singleOnLower: true });
  // Undo the merges of the groups: each column writes its group.
  const top = m.sheet.merges.filter((x) => x.r1 === x.r2 && x.c2 > x.c1);
  m.sheet.merges = m.sheet.merges.filter((x) => !top.includes(x));
  for (const x of top) {
    const v = m.sheet.cells[x.r1 - 1]![x.c1 - 1]!.value;
    for (let c = x.c1 + 1; c <= x.c2; c++) setCell(m.sheet, x.r1, c, { value: v });
  }
  const got = columnLetters(recognise(m.wb).detail!);
  for (const k of ["cd2021", "cd2022", "etat2021", "ondamTotal", "cdTotal"]) expect({ k, col: got[k] }).toEqual({ k, col: m.colOf[k] });
  expect(lettersToCol(got.cdTotal!)).toBeGreaterThan(lettersToCol(got.cd2022!));
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});
