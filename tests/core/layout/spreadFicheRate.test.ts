// corpus7 seed 214: a fiche spread over two rows whose year's planned money sits on its second row only, its year's rate
// written once on its first row (the whole fiche's), rates in percentage points. That rate was skipped (no planned
// amount on its own row), too few rows were left to confirm the scale, and the year's rate was doubted: a false
// layout-incomplete on an annex read right. The fiche's rate is compared with the whole fiche's.
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail } from "../miniAnnex";

test("a spread fiche's rate on a row without the year's money counts toward the reading", () => {
  const m = miniDetail({
    fiches: fiches(3),
    split: [1],
    once: ["rateLastYear", "rateGlobal", "budget", "gap", "realisedLastYear", "realisedSinceStart"],
    total: true,
  });
  const s = m.sheet;
  const col = (k: string) => lettersToCol(m.colOf[k]!);
  const first = m.rowOfFiche.get("2")!;
  // The year's planned money of fiche 2 on its second row only.
  for (const k of ["ms2022", "dgas2022", "fir2022", "etat2022", "ondam2022"]) {
    const a = s.cells[first - 1]?.[col(k) - 1]?.value;
    const b = s.cells[first]?.[col(k) - 1]?.value;
    if (typeof a !== "number") continue;
    setCell(s, first + 1, col(k), { value: a + (typeof b === "number" ? b : 0) });
    setCell(s, first, col(k), { value: 0 });
  }
  for (const k of ["msTotal", "dgasTotal", "firTotal", "etatTotal", "ondamTotal"]) {
    for (const r of [first, first + 1]) {
      const y = ["2021", "2022"].reduce((x, yy) => x + ((s.cells[r - 1]?.[col(k.replace("Total", yy)) - 1]?.value as number) ?? 0), 0);
      setCell(s, r, col(k), { value: y });
    }
  }
  for (const r of [first, first + 1]) {
    const cd = ["2021", "2022"];
    for (const y of cd)
      setCell(s, r, col(`cd${y}`), {
        value: ((s.cells[r - 1]?.[col(`ms${y}`) - 1]?.value as number) ?? 0) + ((s.cells[r - 1]?.[col(`dgas${y}`) - 1]?.value as number) ?? 0),
      });
    setCell(s, r, col("cdTotal"), { value: cd.reduce((x, y) => x + (s.cells[r - 1]![col(`cd${y}`) - 1]!.value as number), 0) });
  }
  // Rates in percentage points.
  for (const r of m.rowOfFiche.values())
    for (const k of ["rateLastYear", "rateGlobal"]) {
      const c = s.cells[r - 1]?.[col(k) - 1];
      if (c && typeof c.value === "number") setCell(s, r, col(k), { value: c.value * 100, numFmt: "0.0" });
    }
  const findings = checkAnnex(m.wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell} ${f.message}`);
  expect(findings).toEqual([]);
});
