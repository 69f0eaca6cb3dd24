// « Exécution budgétaire » names money executed; its rate says « Niveau », « Taux » or « % » (corpus4 seed 590 read
// « Exécution budgétaire / Année 2026 / € » as a rate and lost the year's realisations).
import { classifyHeader } from "../../../src/core/layout/classify";

test.each([
  ["Exécution budgétaire Année 2026", "€", { block: "realised", year: 2026 }],
  ["Exécution budgétaire Année 2026", "Taux", { block: "rate", year: 2026 }],
  ["", "Niveau d'exécution budgétaire au titre de l'année 2022", { block: "rate", year: 2022 }],
  ["", "Niveau d'exécution budgétaire globale", { role: "rateGlobal" }],
])("« %s / %s »", (g, s, expected) => {
  expect(classifyHeader(g, s)).toEqual(expected);
});
