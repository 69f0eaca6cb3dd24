// corpus9 seed 723: an annex kept in k€ (title « Montants en milliers d'euros » over the summary), its detail's header
// group « Budget prévisionnel (en €) » over a budget column « Dotation totale prévue en K€ ». Any euro word won: the
// annex was read in euros, a budget 0,6 k€ (600 €) above its parts passed as print rounding and every message said €.
// Headers that contradict one another say nothing of the unit; a title above, the formats or the other table decide.
import { checkAnnex } from "../../../src/core/check";
import { annexAmountUnit, detectAmountUnit } from "../../../src/core/layout/amountUnit";
import { recognise } from "../../../src/core/layout/recognise";
import { TableView } from "../../../src/core/layout/view";
import { parseAddr } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { budgetOf, fiches, miniDetail, standardCols, type MiniFiche } from "../miniAnnex";

const k = (xs: number[]) => xs.map((x) => x / 1000);
const kiloFiches = (): MiniFiche[] =>
  fiches().map((f) => ({ ...f, ms: k(f.ms), dgas: k(f.dgas), fir: k(f.fir), etat: k(f.etat), ondam: k(f.ondam), realisedLast: f.realisedLast / 1000, realisedSince: f.realisedSince / 1000 }));

/** The masse salariale group says euros, the budget says k€; a title above the table, if any. */
function contradicting(title?: string) {
  const cols = standardCols().map((c) =>
    c.key === "budget" ? { ...c, head: "Dotation totale prévue en K€" } : c.group === "Masse salariale" ? { ...c, group: "Masse salariale (en €)" } : c,
  );
  const m = miniDetail({ cols, fiches: kiloFiches(), top: 3 });
  if (title) setCell(m.sheet, 1, 1, { value: title });
  return m;
}
const unitOf = (m: ReturnType<typeof miniDetail>) => {
  const v = TableView.of(m.wb, recognise(m.wb).detail)!;
  return detectAmountUnit(v.sheet, v.t);
};

test("headers saying both € and k€ say nothing; a title above decides", () => {
  expect(unitOf(contradicting())).toBeNull();
  expect(unitOf(contradicting("Montants en milliers d'euros"))).toBe("keur");
  expect(unitOf(contradicting("Montants en euros"))).toBe("eur");
  // A silent table beside one saying k€ is read in k€ (unchanged).
  expect(annexAmountUnit([null, "keur"])).toBe("keur");
});

test("so a budget 0,6 k€ above its parts under a k€ title is an error, its message in k€", () => {
  const m = contradicting("Montants en milliers d'euros");
  const row = m.rowOfFiche.get("2")!;
  setCell(m.sheet, row, parseAddr(`${m.colOf.budget}1`).col, { value: budgetOf(kiloFiches()[1]!) + 0.6 });
  const f = checkAnnex(m.wb).findings.filter((x) => x.rule === "budget-sum");
  expect(f.map((x) => [x.severity, x.cell])).toEqual([["error", `${m.colOf.budget}${row}`]]);
  expect(f[0]!.message).toContain("k€");
});

test("clean, the same annex has no finding", () => {
  const m = contradicting("Montants en milliers d'euros");
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
});
