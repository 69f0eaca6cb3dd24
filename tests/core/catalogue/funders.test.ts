// Funder names in a source or modalité cell, as other départements write them (issue #10).
import { parseSource } from "../../../src/core/catalogue/funders";

const named = (t: string) => [...parseSource(t).funders].sort();

test.each([
  ["ARS", ["fir"]],
  ["crédits ARS", ["fir"]],
  ["ARS (FIR)", ["fir"]],
  ["FIR", ["fir"]],
  ["DGCS", ["etat"]],
  ["programme 304", ["etat"]],
  ["P304", ["etat"]],
  ["État", ["etat"]],
  ["PLF", ["etat"]],
  ["CNSA", ["ondam"]],
  ["Assurance maladie", ["ondam"]],
  ["AM", ["ondam"]],
  ["crédits ARS / DGCS", ["etat", "fir"]],
  ["DGCS, CNSA", ["etat", "ondam"]],
  ["P304 + AM", ["etat", "ondam"]],
])("« %s » names %j", (text, funders) => {
  expect(named(text)).toEqual(funders);
  expect(parseSource(text).unknown).toEqual([]);
});

test.each(["-", "Aucun", "néant", "sans objet"])("« %s » names no funder and is not an unknown name", (text) => {
  expect(parseSource(text)).toEqual({ funders: new Set(), unknown: [], namesCd: false });
});

test("a word that is no funder is still reported as unknown", () => {
  expect(parseSource("Fondation X").unknown).toEqual(["fondation x"]);
});

test.each(["Agence régionale de santé", "ARS/FIR", "BOP 304", "Crédits d'État", "CPAM", "ONDAM médico-social"])(
  "« %s » names its funder, no unknown word",
  (text) => {
    expect(parseSource(text).funders.size).toBe(1);
    expect(parseSource(text).unknown).toEqual([]);
  },
);

// The département's own money named in the source cell: no co-financer, and no unknown word to warn about.
test.each([
  "Fonds propres",
  "CD",
  "CD77",
  "Part départementale",
  "Financement départemental",
  "Conseil général",
  "Budget départemental",
  "Masse salariale + DGAS",
])("« %s » names the département only", (text) => {
  expect(parseSource(text)).toEqual({ funders: new Set(), unknown: [], namesCd: true });
});

test("« Fonds propres + FIR » names FIR and the département", () => {
  expect(parseSource("Fonds propres + FIR")).toEqual({ funders: new Set(["fir"]), unknown: [], namesCd: true });
});

test("funders written one per line in the source cell (« ARS⏎Etat ») are each named (corpus6 seed 52)", () => {
  expect([...parseSource("ARS\nEtat").funders].sort()).toEqual(["etat", "fir"]);
  expect([...parseSource("FIR\r\nONDAM\nPLF").funders].sort()).toEqual(["etat", "fir", "ondam"]);
});

// corpus9: « no co-financer » said in words, not only by a dash or « aucun ».
test.each([
  "Sans cofinancement",
  "sans co-financement",
  "Pas de cofinancement",
  "Aucun cofinanceur",
  "Aucun financeur",
  "Pas de financement extérieur",
  "Sans financeur",
  "N/A",
  "Non concerné",
])("« %s » names no funder and is not an unknown name", (text) => {
  expect(parseSource(text)).toEqual({ funders: new Set(), unknown: [], namesCd: false });
});
