// An engagement's title written without its number (« Sécuriser les parcours des enfants protégés »), with no amount and
// no fiche, heads its group: the sub-total does not « forget » it (corpus7 seed 102: one false total-formula per group).
import { checkAnnex } from "../../../src/core/check";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail } from "../miniAnnex";

test("an unnumbered engagement title above its fiches is not a row the sub-total forgets", () => {
  const m = miniDetail({ fiches: fiches(6), engagements: [3, 3] });
  // The title in the label column, the fiche column left blank, as the département wrote it.
  m.sheet.cells.forEach((row, r) => {
    const first = row?.[0];
    if (first && typeof first.value === "string" && /^Engagement \d :/.test(first.value)) {
      row[0] = undefined;
      setCell(m.sheet, r + 1, 2, { value: "Sécuriser les parcours des enfants protégés et prévenir les ruptures" });
    }
  });
  expect(checkAnnex(m.wb).findings.filter((f) => f.rule === "total-formula" || f.rule === "layout-incomplete")).toEqual([]);
});
