// Issue #10, corpus10's classes of wording: a département that says « payé » for its realisations says « taux de
// paiement » for their rate (seeds 7, 51, 62, 73, 84, 95, … of 1-200: the rates were not read); « Budget 2021-2024 »,
// the budget over the contract's span, was read as nothing (seeds 42, 97).
import { classifyHeader } from "../../../src/core/layout/classify";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};

describe("corpus10's word families", () => {
  test.each([
    ["", "Taux de paiement 2024", "rate2024"],
    ["", "TAUX DE PAIEMENT\n2025", "rate2025"],
    ["", "Taux de paiement global", "rateGlobal"],
    ["", "% payé 2024", "rate2024"],
    ["", "Taux de versement cumulé", "rateGlobal"],
    ["", "Budget 2021-2024", "budget"],
    ["", "BUDGET 2023 - 2025", "budget"],
    // still what they were
    ["Budget DGAS", "2021-2024", "dgasTotal"],
    ["", "Budget DGAS 2021-2024", "dgasTotal"],
    ["", "Payé en 2024", "realised2024"],
    ["", "Payé 2020-2024", "realisedSinceStart"],
  ])("« %s » / « %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });
});
