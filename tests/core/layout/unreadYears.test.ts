// A block's total read (« Total masse salariale ») but none of its years, while columns headed by a bare year (« 2021 »,
// « 2022 ») and holding amounts were given no role: whose years they are was not read (their group sits on a header row
// the reading missed), and the table is misread. It must say so once, naming those columns, instead of checking as if
// the blocks had no years (corpus5 seed 519: misread with no layout-incomplete).
import { checkAnnex } from "../../../src/core/check";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

function annex() {
  // Each block's total first, then its years under no group at all.
  const cols = standardCols().flatMap((c) => {
    if (/^(ms|dgas|fir|etat)20\d{2}$/.test(c.key)) return [];
    const block = /^(ms|dgas|fir|etat)Total$/.exec(c.key)?.[1];
    if (!block) return [{ head: c.head, key: c.key }];
    return [{ head: c.head, key: c.key }, ...[2021, 2022].map((y) => ({ head: String(y), key: `${block}${y}` }))];
  });
  return miniDetail({ cols, fiches: fiches(4) });
}

test("years whose block was not read make the reading doubtful, said once", () => {
  const m = annex();
  const report = checkAnnex(m.wb);
  const loud = report.findings.filter((f) => f.severity !== "info");
  expect(loud.map((f) => f.rule)).toEqual(["layout-incomplete"]);
  expect(loud[0]!.message).toContain(m.colOf.ms2021!);
});
