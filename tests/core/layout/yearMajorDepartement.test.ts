// corpus7 seed 232: year-major blocks written over their first column only (« BP 2021 » over « Coût RH
// (valorisation) », « Crédits d'intervention », « Part Département », « P304 », « ONDAM médico-social »): « Part
// Département » alone reads as the summary's Département column, not the CD's total, so the year stopped there and
// every later funder of the year was lost (P304 of 2021 taken for the ETAT total). The Département's share under a year
// is the CD of that year, as any funder alone is its block's total.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);
const YEARS = [2021, 2022];
const byKey = new Map(standardCols(YEARS).map((c) => [c.key, c]));
const single = (k: string): MiniCol => ({ head: byKey.get(k)!.head, key: k });

test.each(["Part Département", "Part  Département ", "Département", "Part du Département"])("« BP 2021 » over … « %s », « P304 »… written once", (cdHead) => {
  const names: Record<string, string> = {
    ms: "Coût RH (valorisation)",
    dgas: "Crédits d'intervention",
    cd: cdHead,
    etat: "P304",
    fir: "FIR",
    ondam: "ONDAM médico-social",
  };
  const blocks = Object.keys(names);
  const cols: MiniCol[] = [
    ...["fiche", "label", "objective", "objectiveType", "budget", "source"].map(single),
    ...YEARS.flatMap((y) => blocks.map((b) => ({ group: `BP ${y}`, head: names[b]!, key: `${b}${y}` }))),
    ...blocks.map((b) => ({ group: "Total de la période", head: names[b]!, key: `${b}Total` })),
    ...["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].map(single),
  ];
  const m = miniDetail({ cols, years: YEARS, singleOnLower: true });
  // The groups written over their first column only.
  m.sheet.merges = m.sheet.merges.filter((x) => !(x.r1 === 2 && x.r2 === 2));
  const d = recognise(m.wb).detail!;
  expect(columnLetters(d)).toMatchObject(m.colOf);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});
