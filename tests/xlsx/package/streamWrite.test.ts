// The streaming sheet writer on the cases its own shortcuts could get wrong: formulas down a column moved once for
// all rows, styles asked in sheet order but added in plan order, pieces joined in chunks, escapes, cells without r.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { emptyPlan, type Edit, type EditPlan } from "../../../src/core/plan/types";
import { applyPlanToPackage } from "../../../src/xlsx/package/applyPackagePlan";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook with sheets "Feuille" (the sheetData given) and "Autre2" (an empty sheet). */
function book(sheetData: string): Uint8Array {
  const rels = `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>`;
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<workbook ${NS}><sheets><sheet name="Feuille" sheetId="1" r:id="rId1"/><sheet name="Autre2" sheetId="2" r:id="rId4"/></sheets><calcPr calcId="191029"/></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    "xl/styles.xml": strToU8(
      `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`),
    "xl/worksheets/sheet2.xml": strToU8(`<worksheet ${NS}><sheetData/></worksheet>`),
  });
}

const plan = (edits: Edit[]): EditPlan => ({ ...emptyPlan("add-year"), edits });
const part = (buf: Uint8Array, name: string) => strFromU8(unzipSync(buf)[name]!);
const sheetOut = (buf: Uint8Array) => part(buf, "xl/worksheets/sheet1.xml");
const ins = (sheet: string, at: number, count: number): Edit => ({ kind: "insertColumns", sheet, at, count, rows: null, copyFormatFrom: at - 1 });
const formulaAt = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*><f>([^<]*)</f>`).exec(xml)?.[1];

test("formulas down a column are moved as each would be alone, whatever digits their names hold", () => {
  // Row r's formula names the row in references, in a function name (LOG10 on row 10), in a name (Budget7), in
  // sheet names ("Autre2" moves, "Feuil2" does not exist): only true references move, on every row alike.
  const rows: string[] = [];
  const expected = new Map<string, string>();
  for (let r = 1; r <= 30; r++) {
    // Rows 2 and 3 also name a sheet ending with their own number: Autre2 moves, Autre3 does not.
    const a = r === 2 || r === 3 ? `<c r="A${r}"><f>D${r}+Autre${r}!D${r}</f><v>0</v></c>` : "";
    if (a) expected.set(`A${r}`, r === 2 ? "F2+Autre2!E2" : "F3+Autre3!D3");
    rows.push(`<row r="${r}">${a}<c r="B${r}"><f>C${r}+D${r}*$D$1+SUM(D${r}:E${r})+LOG10(D${r})+Budget${r}+'Autre2'!D${r}+Feuil2!D${r}</f><v>0</v></c></row>`);
    expected.set(`B${r}`, `C${r}+F${r}*$F$1+SUM(F${r}:G${r})+LOG10(F${r})+Budget${r}+'Autre2'!E${r}+Feuil2!D${r}`);
  }
  // The same formula shape on a row where the row number appears as a number, and one where it ends a sheet name.
  rows.push('<row r="40"><c r="B40"><f>D40*40+Sheet40!D40+D41</f><v>0</v></c></row>');
  expected.set("B40", "F40*40+Sheet40!D40+F41");
  rows.push('<row r="41"><c r="B41"><f>D41*41+Sheet41!D41+D42</f><v>0</v></c></row>');
  expected.set("B41", "F41*41+Sheet41!D41+F42");
  const out = sheetOut(applyPlanToPackage(book(rows.join("")), plan([ins("Feuille", 4, 2), ins("Autre2", 3, 1)])).buffer);
  for (const [ref, f] of expected) expect([ref, formulaAt(out, ref)]).toEqual([ref, f]);
});

test("new number formats are added in plan order, whatever order the rows are written in", () => {
  const xml = '<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>';
  const out = applyPlanToPackage(
    book(xml),
    plan([
      { kind: "setNumberFormat", sheet: "Feuille", row: 5, col: 1, numFmt: "0.000" },
      { kind: "setNumberFormat", sheet: "Feuille", row: 1, col: 1, numFmt: "0.0000" },
      // A second format on the same cell builds on the first; the same pair elsewhere reuses its style.
      { kind: "setFormula", sheet: "Feuille", row: 1, col: 2, formula: "A1", result: 1, numFmt: "0.000" },
      { kind: "setNumberFormat", sheet: "Feuille", row: 1, col: 2, numFmt: "#,##0" },
    ]),
  ).buffer;
  const styles = part(out, "xl/styles.xml");
  expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="0.0000"/>');
  const xfs = [...styles.matchAll(/<xf [^>]*\/>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[0])![1]);
  // Styles 2 (0.000) and 3 (0.0000) in plan order; B1 gets 2 then "#,##0" over it, which style 1 already is.
  expect(xfs).toEqual(["0", "3", "164", "165"]);
  const sheet = sheetOut(out);
  expect(sheet).toContain('<c r="A5" s="2"><v>5</v></c>');
  expect(sheet).toContain('<c r="A1" s="3"><v>1</v></c>');
  expect(sheet).toContain('<c r="B1" s="1"><f>A1</f><v>1</v></c>');
});

test("a large sheet is written in chunks: every row moved, every untouched byte kept", () => {
  const rows: string[] = [];
  const want: string[] = [];
  for (let r = 1; r <= 5000; r++) {
    rows.push(`<row r="${r}" spans="1:4"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" s="1"><v>${r}</v></c><c r="C${r}"><f>B${r}*2</f><v>${2 * r}</v></c><c r="D${r}"><v>1</v></c></row>`);
    want.push(
      `<row r="${r}" spans="1:6"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" s="1"><v>${r}</v></c><c r="C${r}" s="1"/><c r="D${r}" s="1"/><c r="E${r}"><f>B${r}*2</f><v>${2 * r}</v></c><c r="F${r}"><v>1</v></c></row>`,
    );
  }
  const e: Edit = { kind: "insertColumns", sheet: "Feuille", at: 3, count: 2, rows: null, copyFormatFrom: 2 };
  expect(sheetOut(applyPlanToPackage(book(rows.join("")), plan([e])).buffer)).toBe(`<worksheet ${NS}><sheetData>${want.join("")}</sheetData></worksheet>`);
});

test("escaped formulas are moved and escaped again; a row whose formulas do not move is kept byte for byte", () => {
  const xml =
    '<row r="1"><c r="A1"><f>IF(D1&lt;0,"a&amp;b",D1&amp;"&gt;")</f><v>0</v></c></row>' +
    '<row r="2" customHeight="1"><c><v>1</v></c><c r="B2"><f>A2&amp;"x"</f><v>0</v></c></row>';
  const out = sheetOut(applyPlanToPackage(book(xml), plan([{ kind: "insertColumns", sheet: "Feuille", at: 3, count: 1, rows: [1, 1], copyFormatFrom: 2 }])).buffer);
  expect(out).toContain('<c r="A1"><f>IF(E1&lt;0,"a&amp;b",E1&amp;"&gt;")</f><v>0</v></c>');
  expect(out).toContain('<row r="2" customHeight="1"><c><v>1</v></c><c r="B2"><f>A2&amp;"x"</f><v>0</v></c></row>');
});

test("cells written past the sheet's dimension grow it; new rows go in row order, before, between and after", () => {
  const xml = '<row r="2"><c r="A2"><v>1</v></c></row><row r="4"><c r="B4"><v>2</v></c></row>';
  const buf = zipSync({
    ...unzipSync(book(xml)),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${NS}><dimension ref="A2:B4"/><sheetData>${xml}</sheetData></worksheet>`),
  });
  const edits: Edit[] = [7, 1, 3].map((row) => ({ kind: "setValue", sheet: "Feuille", row, col: row === 7 ? 4 : 1, value: row }));
  const out = sheetOut(applyPlanToPackage(buf, plan(edits)).buffer);
  expect(out).toContain('<dimension ref="A1:D7"/>');
  expect(out).toContain(
    '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="B4"><v>2</v></c></row><row r="7"><c r="D7"><v>7</v></c></row></sheetData>',
  );
});
