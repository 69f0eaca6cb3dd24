// A fiche spread over two rows whose planned amounts are split across its rows but whose realisations are written once,
// on its first row, merged down: the realisations belong to the whole fiche, never to its first row's share of the plan.
import { checkAnnex } from "../../../src/core/check";
import type { Finding } from "../../../src/core/rules/types";
import { budgetOf, fiches, miniDetail } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

function annex(realisedShare: number, once: string[]) {
  const fs = fiches(4);
  const f = fs[1]!;
  // Spent most of the fiche's plan: more than its first row's 60 % share, less than the whole.
  const since = Math.round(budgetOf(f) * realisedShare);
  fs[1] = { ...f, realisedSince: since, realisedLast: Math.round(since / 3) };
  return miniDetail({ fiches: fs, split: [1], once });
}

const REALISED_ONCE = ["realisedLastYear", "realisedSinceStart"];

test("realisations written once for a fiche whose plan is split over its rows: no false over-execution", () => {
  const m = annex(0.9, REALISED_ONCE);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("with the gap and the global rate written once too: still no finding", () => {
  const m = annex(0.9, [...REALISED_ONCE, "rateGlobal", "gap"]);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("the whole fiche over-executed is still reported, on the fiche's first row", () => {
  const m = annex(1.2, REALISED_ONCE);
  const row = m.rowOfFiche.get("2")!;
  const found = loud(checkAnnex(m.wb).findings).filter((s) => s.startsWith("over-execution"));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(new RegExp(`\\D${row}$`));
});
