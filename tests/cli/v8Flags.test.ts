// V8's own heap settings come back for large packages only, and stay once a large one was read.
import { readingPackage } from "../../src/cli/v8Flags";

test("readingPackage: V8's own heap settings back from 64 MB unzipped only, then kept", () => {
  expect(readingPackage(0)).toBe(false);
  expect(readingPackage(25 * 1024 * 1024)).toBe(false);
  expect(readingPackage(64 * 1024 * 1024 - 1)).toBe(false);
  expect(readingPackage(250 * 1024 * 1024)).toBe(true);
  expect(readingPackage(1000)).toBe(true);
});
