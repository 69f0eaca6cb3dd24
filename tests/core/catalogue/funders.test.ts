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
