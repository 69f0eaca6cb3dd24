// « Taux 2024 » alone, or under a group of the year's execution (« Bilan financier 2024 », « Exécution au 31/12/2024 »),
// is the rate of that year: the yearly rate, not the cumulated one, which has its own column beside it.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import type { Finding } from "../../../src/core/rules/types";
import { miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

function withRealisations(group: string | undefined, heads: Record<string, string>): MiniCol[] {
  return standardCols().map((c) => (c.key in heads ? { ...(group ? { group } : {}), head: heads[c.key]!, key: c.key } : c));
}

function expectRates(cols: MiniCol[]) {
  const m = miniDetail({ cols });
  const d = recognise(m.wb).detail!;
  expect(d.columns.rateLastYear).toBe(lettersToCol(m.colOf.rateLastYear!));
  expect(d.columns.rateGlobal).toBe(lettersToCol(m.colOf.rateGlobal!));
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
}

test("« Taux 2022 » alone is the year's rate", () => {
  expectRates(withRealisations(undefined, { rateLastYear: "Taux 2022" }));
  expectRates(withRealisations(undefined, { rateLastYear: "TAUX 2022 (%)" }));
});

test.each(["Bilan financier 2022", "Exécution au 31/12/2022"])(
  "« %s » / « Taux 2022 » is the year's rate, « Taux de consommation cumulé » the global one",
  (group) => {
    expectRates(
      withRealisations(group, {
        realisedLastYear: "Réalisé 2022",
        rateLastYear: "Taux 2022",
        realisedSinceStart: "Réalisé 2021-2022",
        rateGlobal: "Taux de consommation cumulé",
        gap: "Reste à réaliser",
      }),
    );
  },
);
