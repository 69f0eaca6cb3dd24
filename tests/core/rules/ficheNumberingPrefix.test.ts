// The summary numbers its fiches « 1, 2, 3 » where the detail writes « F01, F02, F03 »: one numbering in two spellings,
// not every fiche missing from the other table (corpus7 seed 281: 42 warnings). A fiche truly absent is still said.
import { checkAnnex } from "../../../src/core/check";
import { fiches, miniDetail, miniSummary } from "../miniAnnex";

const numbering = (fs: ReturnType<typeof fiches>) => {
  const m = miniDetail({ fiches: fs });
  miniSummary(
    m.wb,
    fs.map((f, i) => ({ ...f, n: i + 1 })),
  );
  return checkAnnex(m.wb).findings.filter((f) => f.rule === "fiche-numbering");
};

test("« F01 » in the detail is fiche 1 of the summary", () => {
  expect(numbering(fiches(5).map((f, i) => ({ ...f, n: `F0${i + 1}` })))).toEqual([]);
});

test("a fiche of the summary absent from the prefixed detail is still reported, once", () => {
  const fs = fiches(5).map((f, i) => ({ ...f, n: `F0${i + 1}` }));
  const m = miniDetail({ fiches: fs.slice(0, 4) });
  miniSummary(
    m.wb,
    fs.map((f, i) => ({ ...f, n: i + 1 })),
  );
  const found = checkAnnex(m.wb).findings.filter((f) => f.rule === "fiche-numbering");
  expect(found.map((f) => f.fiche)).toEqual(["5"]);
});
