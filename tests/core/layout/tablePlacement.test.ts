// Where the two tables sit and which is which, on corpus4 annexes (made independently of the recogniser) that show each
// class: a summary naming each action (« Intitulé de l'action »), a summary set to the right of the detail on the same
// sheet past an empty column (its title in the detail's header rows, its header higher than the detail's lowest
// header row), a summary above the detail, a detail whose header is one row deeper over some of its columns. Each must be read right, with no false finding.
import { cleanup, runAnnex } from "../../support/corpus4/run";

afterAll(cleanup);

describe("the summary and the detail told apart and bounded", () => {
  test.each([
    [6, "summary naming each action, below the detail on the same sheet"],
    [35, "summary to the right, its title in the detail's header rows"],
    [101, "summary to the right, its header on the detail's upper header row"],
    [517, "summary above the detail on the same sheet"],
    [596, "summary to the right, its header between the detail's header rows"],
    [184, "detail header one row deeper over its yearly blocks than over its other columns"],
    [469, "detail header one row deeper over its yearly blocks, summary on another sheet"],
  ])("corpus4 seed %i: %s", async (seed) => {
    const r = await runAnnex(seed);
    expect({ seed, problems: r.problems, falseErrors: r.falseErrors, flooded: r.flooded }).toEqual({ seed, problems: [], falseErrors: [], flooded: false });
    expect(r.readRight).toBe(true);
  }, 60_000);
});
