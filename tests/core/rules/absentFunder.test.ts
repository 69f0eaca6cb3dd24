// A table with no ETAT column whose source names ETAT: the fiche's budget is wholly its CD and the co-financers read, so
// ETAT brings nothing to it, and the source names a funder without money. Without that proof (a budget the columns read
// do not cover), nothing is said: the funder's column may be there under a wording not read.
import { checkAnnex } from "../../../src/core/check";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const at = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => `${f.cell} ${f.message}`);
const withoutEtat = (s: string) => s.split("/").filter((x) => x && x !== "ETAT").join("/");

function annex(firstSource: string, cols: MiniCol[], keepEtatMoney: boolean) {
  const fs = fiches(4).map((f) => ({ ...f, etat: keepEtatMoney ? f.etat : [0, 0], source: withoutEtat(f.source) }));
  fs[0] = { ...fs[0]!, source: firstSource };
  return miniDetail({ cols, fiches: fs });
}

test("the source names ETAT, the table has no ETAT column and the budget is all CD and FIR: source-funder on that fiche", () => {
  const m = annex("ETAT", standardCols().filter((c) => !/^etat/.test(c.key)), false);
  const found = at(checkAnnex(m.wb).findings, "source-funder");
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(new RegExp(`^${m.colOf.source}${m.rowOfFiche.get("1")} .*ETAT.*aucun montant`));
});

test("sources naming only the funders the table has: no finding", () => {
  const m = annex("", standardCols().filter((c) => !/^etat/.test(c.key)), false);
  expect(at(checkAnnex(m.wb).findings, "source-funder")).toEqual([]);
});

test("an ETAT block under a wording not read, its money in the budget: naming ETAT is not called a funder without money", () => {
  const cols = standardCols().map((c) => (/^etat/.test(c.key) ? { ...c, group: "Crédits partenaires", head: c.head.replace(/ETAT/, "Partenaires") } : c));
  const m = annex("ETAT", cols, true);
  expect(at(checkAnnex(m.wb).findings, "source-funder").filter((s) => /aucun montant/.test(s))).toEqual([]);
});
