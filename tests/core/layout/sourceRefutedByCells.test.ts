// corpus9 seed 407 (held out): an annex without co-financers and without a source column, with « Partenaires associés »
// holding comments (« En cours », « Partenariat CAF », « Recrutement réalisé », « Action reportée en N+1 »). The header
// alone proposed it as the source; every fiche then got « source non reconnue ». A column worded as the source whose
// filled cells name no funder at all, nor say there is none, is refuted by its cells: not the source.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, standardCols, YEARS, type MiniCol, type MiniFiche } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const COMMENTS = ["En cours", "Partenariat CAF", "Recrutement réalisé", "Action reportée en N+1", "RAS"];

const alone = (): MiniFiche[] => fiches(6).map((f) => ({ ...f, fir: [0, 0], etat: [0, 0], ondam: [0, 0], source: "" }));
const colsWith = (head: string): MiniCol[] => standardCols(YEARS).map((c) => (c.key === "source" ? { head, key: "partners" } : c));

test.each(["Partenaires associés", "PARTENAIRES ASSOCIES", "Partenaires mobilisés", "Co-financeurs"])(
  "« %s » holding comments on every fiche is not the source: no warning on every fiche",
  (head) => {
    const m = miniDetail({
      cols: colsWith(head),
      fiches: alone(),
      total: true,
      valueFor: (f, k) => (k === "partners" ? COMMENTS[Number(f.n) % COMMENTS.length] : undefined),
    });
    expect(columnLetters(recognise(m.wb).detail!).source).toBeUndefined();
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  },
);

test("a source saying « Sans cofinancement » on every fiche stays the source", () => {
  const m = miniDetail({
    cols: colsWith("Source de co-financement"),
    fiches: alone(),
    total: true,
    valueFor: (f, k) => (k === "partners" ? (Number(f.n) % 2 ? "Sans cofinancement" : "Néant") : undefined),
  });
  expect(columnLetters(recognise(m.wb).detail!).source).toBe(m.colOf.partners);
});

test("a source naming funders, one of them unknown, stays the source and still warns on that fiche", () => {
  const m = miniDetail({ total: true, valueFor: (f, k) => (k === "source" && f.n === 2 ? "CAF" : undefined) });
  expect(columnLetters(recognise(m.wb).detail!).source).toBe(m.colOf.source);
  expect(loud(checkAnnex(m.wb).findings).some((x) => x.startsWith("source-funder"))).toBe(true);
});
