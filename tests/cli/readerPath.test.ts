// The CLI reads every file through the package layer (the one the writes use): no ExcelJS on any command's path,
// and a sheet part whose markup is damaged is told as such before any reading.
import * as path from "path";
import { spawnSync } from "child_process";
import { countSheet, markupDamaged } from "../../src/cli/inputGuard";
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
    ["a stray < in a formula", whole.replace("<v>1</v>", "<f>A1< B1</f><v>1</v>")],
    ["a stray < after a cell's value", whole.replace("<v>1</v>", "<v>1</v><1")],
    ["cut inside a cell's value", whole.slice(0, whole.indexOf("<v>1") + 4)],
    ["a sheet ending on a cell", whole.slice(0, whole.indexOf("</c>")) + "</c>x"],
  ])("%s", (_l, xml) => {
    expect(countSheet(enc(xml)).malformed).toBe(true);
    // The check a streamed read gets instead (no count): the same verdict, in slices of any size.
    for (let slice = 1; slice <= xml.length + 1; slice += 7) expect(markupDamaged(enc(xml), slice)).toBe(true);
  });
  test("a whole sheet is not damaged, in slices of any size; a stray < at a slice's end is still seen", () => {
    const xml = whole.replace("</sheetData>", '<row r="2"><c r="A2"><f>B2+1</f><v>3</v></c><x:c r="B2"><v>é</v></x:c><c r="C2"/></row></sheetData>');
    for (let slice = 1; slice <= xml.length + 1; slice++) expect(markupDamaged(enc(xml), slice)).toBe(false);
    const stray = xml.replace("<v>3</v>", "<v>3< </v>");
    for (let slice = 1; slice <= stray.length + 1; slice++) expect(markupDamaged(enc(stray), slice)).toBe(true);
  });
  test.each([
    [
      "formulas and values, namespaced cells among them",
      '<row r="2"><c r="A2"><f>B2+1</f><v>3</v></c><x:c r="B2"><v>2</v></x:c><c r="C2" t="str"><v>a</v><f>A2&amp;"</f></c></row>',
      3,
      3,
    ],
    [
      "children of another make",
      '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2"><f t="shared" si="0">A2</f><v>1</v></c><c r="C2"><v/></c></row>',
      3,
      3,
    ],
    ["rows and cells inside values are counted as elements", '<row r="2"><c r="A2"><v>1</v><row/></c><c r="B2"><v>1</v><c r="X"/></c></row>', 3, 2],
  ])("counts: %s", (_l, rows, cells, usedCells) => {
    const xml = whole.replace("</sheetData>", `${rows}</sheetData>`);
    expect(countSheet(enc(xml))).toEqual({ rows: 1 + rows.split("<row").length - 1, cells: 2 + cells, usedCells: 1 + usedCells, malformed: false });
  });
  test("counted in ranges of any size, the same as in one range", () => {
    const rows = '<row r="2"><c r="A2"><f>B2+1</f><v>3</v></c><x:c r="B2"><v>2</v></x:c><c r="C2"/><c r="D2" t="inlineStr"><is><t>a</t></is></c></row>';
    const xml = whole.replace("</sheetData>", `${rows}</sheetData>`);
    const damaged = xml.replace("<v>3</v>", "<v>3<</v>");
    for (const text of [xml, damaged, xml.slice(0, 80)]) {
      const inOne = countSheet(enc(text), text.length + 1);
      for (let range = 1; range < text.length; range += 3) expect(countSheet(enc(text), range)).toEqual(inOne);
    }
    expect(countSheet(enc(xml), xml.length + 1)).toEqual({ rows: 2, cells: 6, usedCells: 4, malformed: false });
  });
});
