// corpus7 seed 239: a one-year contract whose blocks keep their total column headed by the span « Total 2023-2023 »
// (or « 2023 à 2023 »): the span was read as the year 2023, two columns for one year, and every block total lost. A
// span is the block's total whatever years it names; a year alone is still that year's column.
import { classifyHeader } from "../../../src/core/layout/classify";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};

test.each([
  ["Masse salariale", "Total 2023-2023", "msTotal"],
  ["Conseil départemental", "Total 2023-2023", "cdTotal"],
  ["FIR / ARS", "Total 2023 - 2023", "firTotal"],
  ["CNSA", "2023 à 2023", "ondamTotal"],
  ["Etat - contractualisation", "Total 2022-2024", "etatTotal"],
  ["Masse salariale", "Année 2023", "ms2023"],
  ["Total CD", "Total CD 2023", "cd2023"],
  ["", "FIR 2023-2023", "firTotal"],
])("« %s » / « %s » is %s", (g, s, expected) => {
  expect(key(g, s)).toBe(expected);
});
