// A block's span (« Budget DGAS » / « Cumul 2022-2026 », right after its years) worded like the cumulative realisations
// is the block's total when it equals its years' sum on every row where it is written, even if only two fiches have
// money in that block: the other column read for the role (« Exécution cumulée 2022-2026 ») is the realisation. Read as
// the cumulative, it gave a false `cumulative-below-year` (corpus5 seed 395).
import { checkAnnex } from "../../../src/core/check";
import { colToLetters } from "../../../src/core/model/a1";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

function annex() {
  const fs = fiches(4);
  // DGAS only on two fiches: the span is evaluated on two rows.
  fs[0]!.dgas = [0, 0];
  fs[2]!.dgas = [0, 0];
  const cols = standardCols().map((c) =>
    /^(ms|dgas)20/.test(c.key)
      ? { ...c, head: `Prévu ${c.head}` }
      : /^(ms|dgas)Total$/.test(c.key)
        ? { ...c, head: "Cumul 2021-2022" }
        : c.key === "realisedSinceStart"
          ? { ...c, head: "Exécution cumulée 2021-2022" }
          : c,
  );
  const m = miniDetail({ cols, fiches: fs });
  // Groups written over their first column only, not merged.
  m.sheet.merges = m.sheet.merges.filter((x) => x.r1 !== x.r2 || x.r1 !== m.headerRows[0]);
  return m;
}

test("a block's span on two rows only is the block's total, not the cumulative realisations", () => {
  const m = annex();
  const report = checkAnnex(m.wb);
  const d = report.layout.detail!;
  const letter = (c: number | undefined) => (c === undefined ? "-" : colToLetters(c));
  expect({ dgasTotal: letter(d.columns.dgasTotal), since: letter(d.columns.realisedSinceStart) }).toEqual({
    dgasTotal: m.colOf.dgasTotal,
    since: m.colOf.realisedSinceStart,
  });
  expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
});
