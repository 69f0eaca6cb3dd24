import { objectiveNumber } from "../../../src/core/rules/objectives";

// Départements number their objectives many ways; each must read as the same objective number (corpus3 seeds 8, 28).
describe("objectiveNumber", () => {
  it.each([
    ["Objectif 3 : Renforcer la PMI", 3],
    ["Objectif n° 12 - Accès aux droits", 12],
    ["3 - Renforcer la PMI", 3],
    ["3. Renforcer la PMI", 3],
    ["3", 3],
    ["Obj. 3 - Renforcer la PMI", 3],
    ["OBJ 7", 7],
  ])("%s -> %d", (text, n) => expect(objectiveNumber(text)).toBe(n));

  it.each(["3,5 ETP", "2022", "99 - hors catalogue", "3.5 millions", "Renforcer la PMI", "12 fiches"])("%s is no objective number", (text) =>
    expect(objectiveNumber(text)).toBeNull(),
  );
});
