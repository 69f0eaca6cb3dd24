import fc from "fast-check";
import { naturalCompare } from "../../src/cli/expandInputs";

// The order the CLI always gave: the French numeric collator, code units when it sees no difference.
const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
const reference = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const segment = fc.oneof(fc.constantFrom("0", "1", "2", "9", "10", "12", "07", "00", "100", "99999999999999999999"), fc.nat({ max: 5000 }).map(String));
const dotted = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("."));
const odd = fc.constantFrom("", ".", "1.", ".1", "1..2", "A", "1a", "12 bis", "1-2", "fiche 3", "é", "1,2", " 1");

test("natural order of fiche numbers is the collator's", () => {
  fc.assert(
    fc.property(fc.oneof(dotted, odd), fc.oneof(dotted, odd), (a, b) => {
      expect(Math.sign(naturalCompare(a, b))).toBe(Math.sign(reference(a, b)));
    }),
    { numRuns: 3000 },
  );
  const fiches = ["12", "3", "1.10", "1.2", "1", "2.1", "10", "07", "7", "A3", "1.2.3"];
  expect([...fiches].sort(naturalCompare)).toEqual([...fiches].sort(reference));
});
