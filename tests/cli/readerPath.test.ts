// The CLI reads every file through the package layer (the one the writes use): no ExcelJS on any command's path,
// and a sheet part whose markup is damaged is told as such before any reading.
import * as path from "path";
import { spawnSync } from "child_process";
import { countSheet } from "../../src/cli/inputGuard";
import { FIXTURE_2022 } from "../support/fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const MAIN = path.join(ROOT, "build", "node", "cli", "main.js");

test.each([["check"], ["inspect"], ["fill"], ["add-year"]])("cdppe %s loads no ExcelJS", (command) => {
  const argv = command === "fill" || command === "add-year" ? [command, FIXTURE_2022, "--dry-run"] : [command, FIXTURE_2022];
  const script = `require(${JSON.stringify(MAIN)}).main(${JSON.stringify(argv)}, { out: () => {}, err: (s) => process.stderr.write(s) }).then((code) => { const m = Object.keys(require.cache).filter((k) => /[\\\\/]exceljs[\\\\/]|[\\\\/]xlsx[\\\\/]applyPlan|readWorkbook/.test(k)); process.stdout.write("CODE:" + code + " LOADED:" + JSON.stringify(m)); })`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.stdout).toMatch(/CODE:[01] LOADED:\[\]$/);
});

describe("countSheet tells damaged markup apart", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const whole = '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row></sheetData></worksheet>\n';
  test("a whole sheet", () => {
    expect(countSheet(enc(whole))).toEqual({ rows: 1, cells: 2, usedCells: 1, malformed: false });
  });
  test.each([
    ["cut in the middle", whole.slice(0, 60)],
    ["a stray < in the data", whole.replace("<v>1</v>", "<v>1<</v>")],
    ["garbage after the root", whole + "<<<>>>"],
    ["text after the root", whole + "xx"],
    ["empty", ""],
  ])("%s", (_l, xml) => {
    expect(countSheet(enc(xml)).malformed).toBe(true);
  });
});
