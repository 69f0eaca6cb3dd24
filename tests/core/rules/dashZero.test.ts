import { checkAnnex } from "../../../src/core/check";
import { generateAnnex } from "../../support/annexGenerator";
import { AnnexEditor } from "../../support/mutate";

// Finance officers often type « - » for a nil amount: SUM reads it as 0, as the annex means, so it is no amount typed as text.
const clean = () => generateAnnex({ seed: 11, fiches: 15, years: [2020, 2021, 2022], continuationEvery: 5 });

function zeroCell(e: AnnexEditor): { key: string; fiche: number } {
  for (const key of ["etat2021", "fir2021", "ondam2021", "etat2020", "fir2020", "ondam2020"])
    for (let fiche = 1; fiche <= 15; fiche++) {
      try {
        if (e.get("detail", key, fiche)?.value === 0) return { key, fiche };
      } catch {
        // fiche absent from this annex
      }
    }
  throw new Error("no zero amount in the generated annex");
}

test.each(["-", " - ", "–", "-  €", "- €"])("a nil amount typed %j gives no finding", (dash) => {
  const g = clean();
  const e = new AnnexEditor(g);
  const { key, fiche } = zeroCell(e);
  e.setValue("detail", key, fiche, dash);
  expect(checkAnnex(g.workbook).findings).toEqual([]);
});

test("an amount typed as text is still a number-as-text warning beside a dash", () => {
  const g = clean();
  const e = new AnnexEditor(g);
  const { key, fiche } = zeroCell(e);
  e.setValue("detail", key, fiche, "-");
  const cell = e.setValue("detail", "etat2021", 6, "1 155 000 €");
  const found = checkAnnex(g.workbook).findings.filter((f) => f.rule === "number-as-text");
  expect(found.map((f) => f.cell)).toEqual([cell]);
});
