// An annex without a cumulative column keeps « Montant engagé 2022 » beside its realisations: that column is known
// (money committed, not spent), so the cumulative is absent, not misread: no layout-incomplete (corpus6 seeds 53, 121).
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { miniDetail, standardCols } from "../miniAnnex";

function withExtraAmounts(head: string, numFmt?: string) {
  const cols = standardCols().filter((c) => !["realisedSinceStart", "rateGlobal", "gap"].includes(c.key));
  cols.push({ head, key: "extra" });
  const m = miniDetail({ cols });
  const col = lettersToCol(m.colOf.extra!);
  [...m.rowOfFiche.values()].forEach((r, i) => setCell(m.sheet, r, col, { value: 45000 + 31 * i, ...(numFmt ? { numFmt } : {}) }));
  return m;
}

const incomplete = (m: ReturnType<typeof miniDetail>) => checkAnnex(m.wb).findings.filter((f) => f.rule === "layout-incomplete");

test.each(["Montant engagé 2022", "Crédits engagés en 2022", "Engagements juridiques 2022"])("« %s » is no unread cumulative: no layout-incomplete", (head) => {
  expect(incomplete(withExtraAmounts(head))).toEqual([]);
});

// corpus6 seed 435: « DATE DE DÉMARRAGE » holds date serials; a date is no amount.
test.each([
  ["DATE DE DÉMARRAGE", undefined],
  ["Démarrage", "dd/mm/yyyy"],
  ["Mise en œuvre", "mmm-yy"],
])("dates under « %s » are no unread amount: no layout-incomplete", (head, numFmt) => {
  expect(incomplete(withExtraAmounts(head, numFmt))).toEqual([]);
});

test("an amount column nobody can name is still pointed at when the cumulative is missing", () => {
  const found = incomplete(withExtraAmounts("Montant 2022 bis"));
  expect(found).toHaveLength(1);
  expect(found[0]!.message).toContain("Montant 2022 bis");
});
