// A département whose detail table is an Excel table (ListObject, one header row): add-year inserts its new year's
// columns through it, and the table widens as Excel widens it, each new column named by the header the plan writes.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../../src/cli/main";
import { recognise } from "../../../src/core/layout/recognise";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { generateAnnex } from "../../support/annexGenerator";
import { recalc } from "../../support/libreoffice";
import { snap, valueAt } from "../../support/workbookDiff";
import { writeXlsx } from "../../support/xlsxWrite";
import { cellText, Pkg } from "./rangesMoved";

jest.setTimeout(300_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-table-annex-"));
const p = (n: string) => path.join(tmp, n);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const letters = (c: number) => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

let header: { row: number; c1: number; c2: number; last: number; names: string[] };
let sheetName: string;

beforeAll(async () => {
  const g = generateAnnex({ headerStyle: "singleRow", fiches: 8, seed: 3 });
  sheetName = g.expected.detail.sheet;
  const wb: WorkbookSnapshot = g.workbook;
  const sheet = wb.sheets.find((s) => s.name === sheetName)!;
  const row = g.expected.detail.headerRows[g.expected.detail.headerRows.length - 1]!;
  const texts = (sheet.cells[row - 1] ?? []).map((c) => (typeof c?.value === "string" ? c.value : null));
  const c1 = texts.findIndex((t) => t !== null) + 1;
  let c2 = c1;
  while (texts[c2] !== null && texts[c2] !== undefined) c2++;
  const last = Math.max(...g.expected.detail.fiches.map((f) => f.row));
  header = { row, c1, c2, last, names: texts.slice(c1 - 1, c2) as string[] };
  // A table's column names are its header texts, unique ignoring case.
  expect(new Set(header.names.map((n) => n.toLowerCase())).size).toBe(header.names.length);
  await writeXlsx(wb, p("plain.xlsx"));
  const z = unzipSync(new Uint8Array(fs.readFileSync(p("plain.xlsx"))));
  const wbXml = strFromU8(z["xl/workbook.xml"]!);
  const rid = attr(
    [...wbXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, "name") === sheetName)!,
    "r:id",
  );
  const relTag = [...strFromU8(z["xl/_rels/workbook.xml.rels"]!).matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, "Id") === rid)!;
  const part = path.posix.join("xl", attr(relTag, "Target")!.replace(/^\/?xl\//, ""));
  const relsPart = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
  const ref = `${letters(c1)}${row}:${letters(c2)}${last}`;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/\n/g, "_x000a_");
  z["xl/tables/table9.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="Fiches" displayName="Fiches" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="${header.names.length}">${header.names.map((n, i) => `<tableColumn id="${i + 1}" name="${esc(n)}"/>`).join("")}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`);
  const rels = z[relsPart]
    ? strFromU8(z[relsPart])
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  z[relsPart] = strToU8(rels.replace("</Relationships>", `<Relationship Id="rIdT9" Type="${REL}/table" Target="../tables/table9.xml"/></Relationships>`));
  z[part] = strToU8(
    strFromU8(z[part]!)
      .replace("</worksheet>", '<tableParts count="1"><tablePart r:id="rIdT9"/></tableParts></worksheet>')
      .replace(/<worksheet\b(?![^>]*xmlns:r=)/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'),
  );
  z["[Content_Types].xml"] = strToU8(
    strFromU8(z["[Content_Types].xml"]!).replace(
      "</Types>",
      '<Override PartName="/xl/tables/table9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
        '<Override PartName="/xl/worksheets/calculs.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  // A sheet of the officer's own formulas reading the table by its column names.
  const moyens = header.names.find((n) => n.startsWith("Moyen"))!;
  const f = (x: string) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  z["xl/worksheets/calculs.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1"><c r="A1"><f>${f(`SUM(Fiches[[${moyens}]])`)}</f></c></row>` +
      `<row r="2"><c r="A2"><f>${f("SUM(Fiches[Masse salariale 2021])")}</f></c></row>` +
      `<row r="3"><c r="A3" t="str"><f>${f(`Fiches[[#Headers],[${moyens}]]`)}</f></c></row>` +
      `<row r="4"><c r="A4"><f>${f(`COUNTIF(Fiches[[${moyens}]],">0")`)}</f></c></row></sheetData></worksheet>`,
  );
  z["xl/workbook.xml"] = strToU8(wbXml.replace("</sheets>", '<sheet name="Calculs" sheetId="99" r:id="rIdCalc"/></sheets>'));
  z["xl/_rels/workbook.xml.rels"] = strToU8(
    strFromU8(z["xl/_rels/workbook.xml.rels"]!).replace(
      "</Relationships>",
      `<Relationship Id="rIdCalc" Type="${REL}/worksheet" Target="worksheets/calculs.xml"/></Relationships>`,
    ),
  );
  fs.writeFileSync(p("tableau.xlsx"), zipSync(z));
});

test("add-year widens a detail kept as an Excel table: every new column named by the header written in its cell, ids unique", async () => {
  const before = await snap(p("tableau.xlsx"));
  expect(recognise(before).detail?.years).toEqual([2020, 2021, 2022]);
  const said: string[] = [];
  expect(await main(["add-year", p("tableau.xlsx"), "-o", p("tableau-2023.xlsx")], { out: (x) => void said.push(x), err: (x) => void said.push(x) })).toBe(0);
  // The renamed columns are said, each once.
  const moyensBefore = header.names.find((n) => n.startsWith("Moyen"))!;
  expect(said.filter((l) => l.includes(`Colonne «\u00a0${moyensBefore}\u00a0» du tableau «\u00a0Fiches\u00a0» renommée`))).toHaveLength(1);
  expect(said.join("")).toContain("Tableau Excel «\u00a0Fiches\u00a0»");
  const pkg = new Pkg(p("tableau-2023.xlsx"));
  const part = pkg.sheetPart(sheetName);
  const table = pkg.text(pkg.rels(part, "table")[0]!);
  const cols = [...table.matchAll(/<tableColumn\b[^>]*>/g)].map((m) => ({ id: attr(m[0], "id")!, name: attr(m[0], "name")! }));
  const ref = attr(/<table\b[^>]*>/.exec(table)![0], "ref")!;
  const [a, b] = ref.split(":");
  const widthOf = (x: string) => [...x.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const width = widthOf(b!) - widthOf(a!) + 1;
  expect(b!.replace(/^[A-Z]+/, "")).toBe(String(header.last));
  expect(width).toBeGreaterThan(header.names.length);
  expect(cols).toHaveLength(width);
  expect(attr(/<tableColumns\b[^>]*>/.exec(table)![0], "count")).toBe(String(width));
  expect(new Set(cols.map((c) => c.id)).size).toBe(width);
  expect(new Set(cols.map((c) => c.name.toLowerCase())).size).toBe(width);
  // Every column's name is its header cell's text (old ones kept in order, new ones the plan's headers).
  const s = pkg.text(part);
  const start = widthOf(a!);
  for (let k = 0; k < width; k++) expect([k, cellText(pkg, s, `${letters(start + k)}${header.row}`)]).toEqual([k, cols[k]!.name.replace(/_x000a_/g, "\n")]);
  // The original columns keep their ids, in order; those whose header the plan rewrites are renamed with it.
  const kept = cols.filter((c) => Number(c.id) <= header.names.length);
  expect(kept.map((c) => Number(c.id))).toEqual(header.names.map((_, i) => i + 1));
  const renamed = kept.filter((c, i) => c.name !== header.names[i]);
  expect(renamed.map((c) => c.name)).toContain(header.names.find((n) => n.startsWith("Moyen"))!.replace("2022)", "2022, 2023)"));
  // Add-year writes a header for each new column: none is left a « ColonneN ».
  const added = cols.filter((c) => Number(c.id) > header.names.length);
  expect(added.length).toBe(width - header.names.length);
  expect(added.filter((c) => /^Colonne\d+$/.test(c.name))).toEqual([]);
  expect(added.map((c) => c.name)).toContain("Masse salariale 2023");
  // Formulas naming a renamed column follow it (as Excel rewrites them); others are left as they were.
  const moyens = renamed.find((c) => c.name.startsWith("Moyen"))!.name;
  const calc = pkg.text(pkg.sheetPart("Calculs"));
  expect([...calc.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!.replace(/&gt;/g, ">"))).toEqual([
    `SUM(Fiches[[${moyens}]])`,
    "SUM(Fiches[Masse salariale 2021])",
    `Fiches[[#Headers],[${moyens}]]`,
    `COUNTIF(Fiches[[${moyens}]],">0")`,
  ]);
  expect(attr(/<autoFilter\b[^>]*>/.exec(table)![0], "ref")).toBe(ref);

  // LibreOffice opens it, recalculates with no new error, and reads the new year.
  const [y] = recalc([p("tableau-2023.xlsx")], p("lo"));
  const wb = await snap(y!);
  expect(recognise(wb).detail?.years).toEqual([2020, 2021, 2022, 2023]);
  const errors = wb.sheets.flatMap((sh) => sh.cells.flatMap((r) => (r ?? []).flatMap((c) => (c?.value && typeof c.value === "object" ? [c.value.error] : []))));
  expect(errors.filter((e) => e === "#NAME?" || e === "#REF!")).toEqual([]);
  expect(valueAt(wb, sheetName, header.row, start)).toBe(header.names[0]);
  expect(valueAt(wb, "Calculs", 3, 1)).toBe(moyens);
  expect(typeof valueAt(wb, "Calculs", 1, 1)).toBe("number");
  expect(valueAt(wb, "Calculs", 4, 1)).toBeGreaterThan(0);
});
