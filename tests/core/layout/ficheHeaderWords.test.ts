// The fiche column is headed in many ways: the number named after the word (« Action n° », « FICHE N° »), or the
// column called the fiche's identifier (« Id. fiche », « Identifiant de l'action »). Each must be read as the fiche
// column, and a clean annex so headed gives no finding.
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { miniDetail, standardCols } from "../miniAnnex";

const HEADS = [
  "Action n°",
  "ACTION N°",
  "Action  n° ",
  "Actions n°",
  "Action no",
  "Action num.",
  "Action numéro",
  "Id. fiche",
  "ID. FICHE",
  "Id fiche",
  "Id. action",
  "ID FA",
  "Identifiant fiche",
  "Identifiant de la fiche",
  "Identifiant de l'action",
];

test.each(HEADS)("« %s » heads the fiche column", (head) => {
  expect(classifyHeader("", head)).toEqual({ role: "fiche" });
});

test("words near the fiche's but naming something else are not the fiche column", () => {
  for (const head of ["Action", "Actions", "Intitulé de l'action", "Plan d'action", "Action n° 3", "Identifiant SIRET", "Id. bénéficiaire"]) {
    expect(classifyHeader("", head)).not.toEqual({ role: "fiche" });
  }
});

test.each(["Action n°", "Id. fiche"])("a detail table whose fiche column is headed « %s » is read, and a clean annex gives no finding", (head) => {
  const cols = standardCols().map((c) => (c.key === "fiche" ? { head, key: "fiche" } : c));
  const m = miniDetail({ cols, total: true });
  const d = recognise(m.wb).detail!;
  expect(d).not.toBeNull();
  expect(d.columns.fiche).toBe(lettersToCol(m.colOf.fiche!));
  expect(d.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(["1", "2", "3", "4"]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});
