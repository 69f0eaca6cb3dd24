// corpus7 seeds 137, 155, 238: an annex without a cumulative realisation beside a column of counts (« Nombre de
// bénéficiaires », « Public touché (nb) », « Code analytique », « ETP ») was told its cumulative was missing, the counts
// named as where it might sit. Counts and codes are no money; and over a single year the year's realisations are the
// cumulative itself, nothing is missing.
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols, type MiniCol, type MiniFiche } from "../miniAnnex";

const without = ["realisedSinceStart", "rateGlobal", "gap"];

function annex(extra: MiniCol, years?: number[], fs: MiniFiche[] = fiches(6)) {
  const cols = standardCols(years).flatMap((c) => (without.includes(c.key) ? [] : [c]));
  cols.push(extra);
  const m = miniDetail({ cols, fiches: fs, total: true, ...(years ? { years } : {}) });
  const col = lettersToCol(m.colOf[extra.key]!);
  let i = 0;
  for (const row of m.rowOfFiche.values()) setCell(m.sheet, row, col, { value: 40 + 17 * i++ });
  return m;
}

const loud = (m: ReturnType<typeof annex>) =>
  checkAnnex(m.wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.message}`);

test.each(["Nombre de bénéficiaires", "Public touché (nb)", "Code analytique", "ETP", "Nb de familles accompagnées", "Effectif concerné"])(
  "« %s » is no unread amount: no cumulative is no misreading",
  (head) => {
    expect(loud(annex({ head, key: "count" }))).toEqual([]);
  },
);

test("over a single year, the year's realisations are the cumulative: nothing is missing", () => {
  const one = fiches(6).map((f) => ({ ...f, ms: [f.ms[1]!], dgas: [f.dgas[1]!], fir: [f.fir[1]!], etat: [f.etat[1]!], ondam: [f.ondam[1]!] }));
  expect(loud(annex({ head: "Montant 2022", key: "count" }, [2022], one))).toEqual([]);
});

test("an unread column of amounts is still named where the cumulative may sit", () => {
  const li = loud(annex({ head: "Montant 2020-2022", key: "count" })).filter((f) => f.startsWith("layout-incomplete"));
  expect(li).toHaveLength(1);
  expect(li[0]).toContain("Montant 2020-2022");
});
