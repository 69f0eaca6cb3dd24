// A summary grouped by engagement whose rows name, between two fiches, a national objective the département has taken
// up (« Objectif 17 : Créer des places d'accueil », no fiche, no amount): that heading belongs to the open engagement,
// whose sub-total still sums every row from its title down. It must not open a group of its own (corpus5 seeds 8, 161,
// 172 gave false total-row errors on annexes read right).
import { measure } from "../../support/corpus5/figures";

test("objective headings inside an engagement do not split its sub-total's group", async () => {
  const f = await measure([8, 161, 172]);
  expect({ readRight: f.readRightRuleRoles, falseErrors: f.falseErrors, falseWarnings: f.falseWarnings }).toEqual({
    readRight: 3,
    falseErrors: 0,
    falseWarnings: 0,
  });
}, 60000);
