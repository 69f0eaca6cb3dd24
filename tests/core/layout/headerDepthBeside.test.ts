// Two tables side by side whose headers start on the same row but not with the same depth: the detail's first fiche
// sits on the row where the summary's header goes on. That row is the detail's first fiche, not a header row of both
// (corpus5 seed 206: a fiche lost, « Commentaires » read as the source, 10 false warnings).
import { measure } from "../../support/corpus5/figures";

test("a one-row detail beside a two-row summary keeps its first fiche and its columns", async () => {
  const f = await measure([206]);
  expect({ readRight: f.readRightRuleRoles, falseErrors: f.falseErrors, falseWarnings: f.falseWarnings }).toEqual({
    readRight: 1,
    falseErrors: 0,
    falseWarnings: 0,
  });
}, 60000);
