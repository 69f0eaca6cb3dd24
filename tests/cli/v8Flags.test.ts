// Pretenuring is turned on for large packages only, and stays on once a large one was read.
import { readingPackage } from "../../src/cli/v8Flags";

test("readingPackage: off for the packages of a few thousand fiche rows, on from 64 MB unzipped, then kept on", () => {
  expect(readingPackage(0)).toBe(false);
  expect(readingPackage(25 * 1024 * 1024)).toBe(false);
  expect(readingPackage(64 * 1024 * 1024 - 1)).toBe(false);
  expect(readingPackage(250 * 1024 * 1024)).toBe(true);
  expect(readingPackage(1000)).toBe(true);
});
