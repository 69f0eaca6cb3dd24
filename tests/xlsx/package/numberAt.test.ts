// The sheet reader's number parsing in place must give exactly what Number() gives on the value's text.
import fc from "fast-check";
import { numberAt } from "../../../src/xlsx/package/readSnapshot";

const same = (text: string) => {
  const xml = `<v>${text}</v>`;
  const got = numberAt(xml, 3, 3 + text.length);
  const want = Number(text);
  expect([text, Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))]).toEqual([text, true]);
};

describe("numbers read in place from a sheet's XML", () => {
  test("the usual shapes and the edge cases", () => {
    for (const t of [
      "0",
      "-0",
      "1",
      "-1",
      "1155000",
      "1234.56",
      "-1234.56",
      "0.1",
      "0.3",
      ".5",
      "-.5",
      "1.",
      "007",
      "",
      "-",
      "1e3",
      "1E-7",
      "+5",
      " 5",
      "5 ",
      "123456789012345",
      "1234567890123456",
      "9007199254740993",
      "0.1234567890123456789012",
      "0.00000000000000000000001",
      "12.3.4",
      "NaN",
      "Infinity",
      "1,5",
    ])
      same(t);
  });

  test("any decimal text gives Number()'s double to the last bit", () => {
    const digits = fc.stringMatching(/^[0-9]{1,18}$/);
    fc.assert(
      fc.property(fc.boolean(), digits, fc.option(fc.stringMatching(/^[0-9]{0,24}$/), { nil: undefined }), (neg, int, frac) => {
        same(`${neg ? "-" : ""}${int}${frac === undefined ? "" : "." + frac}`);
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => same(String(x))),
      { numRuns: 20000 },
    );
  });
});
