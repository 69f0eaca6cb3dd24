// Headers seen in départements' annexes (corpus5) that no rule of the vocabulary read: the planned budget with its span
// (« Enveloppe globale 2023-2025 », « Total des moyens prévus ») and the objective's type as its « Caractère ».
import { classifyHeader } from "../../../src/core/layout/classify";

test.each([
  ["Enveloppe globale 2023-2025", "budget"],
  ["ENVELOPPE GLOBALE\n2024-2026", "budget"],
  ["Enveloppe  globale 2020-2022 en €", "budget"],
  ["Enveloppe prévisionnelle 2021-2023", "budget"],
  ["Total des moyens prévus", "budget"],
  ["TOTAL DES MOYENS PRÉVUS (en euros)", "budget"],
  ["Total des moyens prevus €", "budget"],
  ["Caractère", "objectiveType"],
  ["Caractere", "objectiveType"],
  ["Caractère de l'objectif", "objectiveType"],
])("« %s » is the %s", (head, role) => {
  expect(classifyHeader("", head)).toEqual({ role });
});

test.each([["Enveloppe ARS 2023"], ["Caractère innovant de l'action"], ["Total des moyens humains"]])("« %s » is not read as budget or objective type", (head) => {
  const c = classifyHeader("", head);
  expect(String(c && "role" in c ? c.role : null)).not.toMatch(/^(budget|objectiveType)$/);
});
