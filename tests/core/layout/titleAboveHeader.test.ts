// Lines of title above a one-row header (« Annexe financière — suivi au 31/12/2027 », « Département (montants en
// euros) », « Document de travail », merged over the first columns or not) are no group row over it: taken for groups,
// « Département » made « Nombre de bénéficiaires » the Total CD (corpus5 seeds 155, 173: false total-row errors).
import { measure } from "../../support/corpus5/figures";

test("title lines over the first columns are not read as header groups", async () => {
  const f = await measure([155, 173]);
  expect({ readRight: f.readRightRuleRoles, falseErrors: f.falseErrors, falseWarnings: f.falseWarnings }).toEqual({
    readRight: 2,
    falseErrors: 0,
    falseWarnings: 0,
  });
}, 60000);
