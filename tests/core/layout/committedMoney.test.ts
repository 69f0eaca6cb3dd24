// « Montant engagé » is money committed, not spent: beside « Montant mandaté », the realisations are the mandaté; alone,
// it is no realisation either (the reading then says what it could not find rather than check committed money).
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

function annex(group: boolean) {
  const cols = standardCols().flatMap((c) =>
    c.key === "realisedLastYear"
      ? [
          { group: group ? "Réalisations" : undefined, head: "Montant engagé 2022", key: "committed" },
          { group: group ? "Réalisations" : undefined, head: "Montant mandaté en 2022", key: c.key },
        ]
      : [c],
  );
  const m = miniDetail({ cols, fiches: fiches(6), total: true });
  const col = lettersToCol(m.colOf.committed!);
  const real = lettersToCol(m.colOf.realisedLastYear!);
  for (const row of m.rowOfFiche.values()) setCell(m.sheet, row, col, { value: Math.round((m.sheet.cells[row - 1]![real - 1]!.value as number) * 1.3) });
  return { m, col, real };
}

test.each([false, true])("« Montant engagé » beside « Montant mandaté » (under a group: %s): the realisations are the mandaté", (group) => {
  const { m, real } = annex(group);
  const d = recognise(m.wb).detail!;
  expect(d.columns.realisedLastYear).toBe(real);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity === "error")).toEqual([]);
});
