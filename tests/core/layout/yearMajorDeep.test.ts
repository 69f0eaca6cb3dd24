// Year-major blocks on three header rows: a super-group written once (« Prévisionnel », « PLAN DE FINANCEMENT »), each
// year written over its first funder only (« 2021 », « Année 2021 », « CP 2021 »), the funders on the lowest row, then
// the period's total over the same funders (« Total 2021-2022 », « Total de la période »). Every funder under a year is
// that year's, every funder under the total that block's total.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { emptySheet, setCell } from "../../../src/core/model/snapshot";
import { groupsWrittenFirstOnly } from "../../../src/core/layout/header";
import type { Finding } from "../../../src/core/rules/types";
import { miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);
const YEARS = [2021, 2022];
const byKey = new Map(standardCols(YEARS).map((c) => [c.key, c]));
const single = (k: string): MiniCol => ({ head: byKey.get(k)!.head, key: k });
const NAMES: Record<string, string> = { ms: "Masse salariale", dgas: "Budget DGAS", fir: "FIR", ondam: "ONDAM", etat: "ETAT" };

function deepYearMajor(superGroup: string, yearGroup: (y: number) => string, totalGroup: string) {
  const blocks = Object.keys(NAMES);
  const cols: MiniCol[] = [
    ...["fiche", "label", "objective", "objectiveType"].map(single),
    ...YEARS.flatMap((y) => blocks.map((b) => ({ group: yearGroup(y), head: NAMES[b]!, key: `${b}${y}` }))),
    ...blocks.map((b) => ({ group: totalGroup, head: NAMES[b]!, key: `${b}Total` })),
    ...["source", "budget", "realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].map(single),
  ];
  // Header on rows 3-4 (singles on the lower row), groups over their first column only; the super-group on row 2.
  const m = miniDetail({ cols, years: YEARS, top: 3, singleOnLower: true });
  m.sheet.merges = m.sheet.merges.filter((x) => !(x.r1 === 3 && x.r2 === 3));
  setCell(m.sheet, 2, 1, undefined);
  setCell(m.sheet, 2, lettersToCol(m.colOf[`ms${YEARS[0]}`]!), { value: superGroup });
  return m;
}

test.each([
  ["Prévisionnel", (y: number) => String(y), "Total 2021-2022"],
  ["PLAN DE FINANCEMENT", (y: number) => `Année ${y}`, "Total de la période"],
  ["PLAN DE FINANCEMENT", (y: number) => `CP ${y}`, "TOTAL 2021/2022"],
])("« %s » / a year over its first funder only / the funders, then the period's total", (sup, yearGroup, total) => {
  const m = deepYearMajor(sup, yearGroup, total);
  const d = recognise(m.wb).detail!;
  expect(columnLetters(d)).toMatchObject(m.colOf);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a title holding a date (« Annexe financière — suivi au 31/12/2022 ») over funders is no year group over them", () => {
  const sheet = emptySheet("Suivi");
  setCell(sheet, 1, 1, { value: "Annexe financière — suivi au 31/12/2022" });
  ["Fiche", "Budget total prévu", "DEPARTEMENT", "ARS (FIR)", "ETAT", "Consommé 2022"].forEach((t, i) => setCell(sheet, 2, i + 1, { value: t }));
  expect(groupsWrittenFirstOnly(sheet, 1)).toBe(false);
  // The same funders under a year written over the first of them are that year's.
  setCell(sheet, 1, 1, undefined);
  setCell(sheet, 1, 3, { value: "Année 2022" });
  expect(groupsWrittenFirstOnly(sheet, 1)).toBe(true);
});
