// A row that only carries a note about the fiches (« Fiche supprimée (avenant 2023) », « cf. avenant n°2 »), no amount,
// is no part of a fiche: a sub-total's SUM that leaves it out is right (corpus6 seed 73). A fiche's second row
// (« 2e tranche », money possible) left out is still reported (corpus3).
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail } from "../miniAnnex";

/** Engagement 2's last row holds only `text` (it was a fiche with no money) and its sub-total's SUM stops above it. */
function withTextRow(text: string) {
  const fs = fiches(4);
  const z = [0, 0];
  fs[3] = { ...fs[3]!, ms: z, dgas: z, fir: z, etat: z, ondam: z, realisedLast: 0, realisedSince: 0, source: "" };
  const m = miniDetail({ fiches: fs, engagements: [2, 2] });
  const row = m.rowOfFiche.get("4")!;
  m.sheet.cells[row - 1] = [];
  setCell(m.sheet, row, lettersToCol(m.colOf.label!), { value: text });
  const sub = m.subtotalRows[1]!;
  for (const c of m.sheet.cells[sub - 1] ?? []) if (c?.formula) c.formula = c.formula.replace(`${row})`, `${row - 1})`);
  return { m, row };
}

const totalFormula = (m: ReturnType<typeof miniDetail>) => checkAnnex(m.wb).findings.filter((f) => f.rule === "total-formula");

test.each(["Fiche supprimée (avenant 2023)", "cf. avenant n°2", "Action abandonnée en 2023", "NB : fiche fusionnée avec la 3", "(fiche reportée)", "Action différée à 2025"])(
  "« %s » left out of the sub-total: no total-formula",
  (text) => {
    const { m } = withTextRow(text);
    expect(totalFormula(m)).toEqual([]);
  },
);

test("« 2e tranche » (a fiche's own row, where money may be typed) left out of the sub-total: reported", () => {
  const { m, row } = withTextRow("2e tranche");
  const found = totalFormula(m);
  expect(found.length).toBeGreaterThan(0);
  expect(found[0]!.message).toContain(`ligne ${row}`);
});
