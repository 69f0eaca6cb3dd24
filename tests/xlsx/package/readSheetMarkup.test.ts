// The package reader walks a sheet's cells in sequence when they are written the way writers write them, and falls back
// to a general walk for any other markup: both must read the same cells.
import { strToU8, zipSync } from "fflate";
import { readSnapshotFromPackage } from "../../../src/xlsx/package/readSnapshot";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function pack(sheetData: string, tail = ""): Uint8Array {
  return zipSync({
    "_rels/.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook ${NS} xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(`<sst ${NS}><si><t>Fiche</t></si><si><t>Total</t></si></sst>`),
    "xl/styles.xml": strToU8(
      `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="#,##0 &quot;€&quot;"/></numFmts>` +
        `<fonts><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<cellXfs><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="1"/></cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${NS}><sheetData>${sheetData}</sheetData>${tail}</worksheet>`),
  });
}

function read(sheetData: string, tail = ""): SheetSnapshot {
  return readSnapshotFromPackage(pack(sheetData, tail), "t.xlsx", undefined, { calculate: false }).sheets[0]!;
}

const plain = (s: SheetSnapshot) => ({ cells: s.cells.map((r) => r?.map((c) => c && { ...c })), rowCount: s.rowCount, colCount: s.colCount });

// Rows as writers write them: cells one after the other, each <f> then <v>.
const COMPACT =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1500.5</v></c><c r="C1"/><c r="D1" t="str"><f>A1&amp;"x"</f><v>Fichex</v></c></row>' +
  '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><f t="shared" ref="B2:B3" si="0">SUM(B1:B1)</f><v>1500.5</v></c><c r="C2" t="b"><v>1</v></c></row>' +
  '<row r="3"><c r="B3" s="1"><f t="shared" si="0"/><v>3001</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>';

test("cells written with white space between rows, cells and children read as the same cells", () => {
  const spaced = COMPACT.replace(/></g, ">\n  <");
  expect(plain(read(spaced))).toEqual(plain(read(COMPACT)));
  const s = read(COMPACT);
  expect(s.cells[0]![0]).toEqual({ value: "Fiche" });
  expect(s.cells[0]![1]).toEqual({ value: 1500.5, numFmt: '#,##0 "€"', font: { name: "Calibri", size: 11, bold: true } });
  expect(s.cells[0]![3]).toEqual({ value: "Fichex", formula: 'A1&"x"' });
  expect(s.cells[2]![1]).toEqual({ value: 3001, formula: "SUM(B2:B2)", numFmt: '#,##0 "€"', font: { name: "Calibri", size: 11, bold: true } });
  expect(s.cells[2]![4]).toEqual({ value: { error: "#DIV/0!" } });
});

test("a cell with another child, an inline string, or text between cells is read the general way, to the same values", () => {
  const s = read(
    '<row r="1"><c r="A1"><extLst><ext uri="x"/></extLst><v>7</v></c><c r="B1" t="inlineStr"><is><r><t>Axe </t></r><r><t>1</t></r></is></c>' +
      '<c r="C1"><v>8</v></c></row>' +
      '<row r="2"><c r="A2"><v>9</v><extLst/></c><c r="B2"><f>A2*2</f><v>18</v></c></row>' +
      '<row r="4"><c r="A4"><v>10</v></c> <c r="B4"><v>11</v></c><x:ext xmlns:x="y"/><c r="C4"><v>12</v></c></row>',
  );
  expect(s.cells[0]!.map((c) => c?.value)).toEqual([7, "Axe 1", 8]);
  expect(s.cells[1]!.map((c) => c?.value)).toEqual([9, 18]);
  expect(s.cells[1]![1]!.formula).toBe("A2*2");
  expect(s.cells[2]).toBeUndefined();
  expect(s.cells[3]!.map((c) => c?.value)).toEqual([10, 11, 12]);
  expect(s.rowCount).toBe(4);
  expect(s.colCount).toBe(3);
});

test("rows and cells without r attributes follow the previous ones; self-closing rows and cells hold nothing", () => {
  const s = read('<row r="2"><c><v>1</v></c><c/><c><v>3</v></c></row><row/><row><c r="B4"><v>4</v></c></row>');
  expect(s.cells[1]!.map((c) => c?.value)).toEqual([1, undefined, 3]);
  expect(s.cells[2]).toBeUndefined();
  expect(s.cells[3]![1]!.value).toBe(4);
});

test("cells covered by a merged area are left out, on the rows the merge covers only", () => {
  const s = read(
    '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>',
    '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
  );
  expect(s.cells[0]!.map((c) => c?.value)).toEqual([1, undefined]);
  expect(s.cells[1]!.map((c) => c?.value)).toEqual([3, 4]);
  expect(s.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 2 }]);
});

test("every cell read has the same keys in the same order, those it lacks undefined (one shape for the core's reads)", () => {
  const s = read(COMPACT);
  const shapes = new Set(s.cells.flatMap((r) => (r ?? []).filter((c) => c).map((c) => Object.keys(c!).join(","))));
  expect([...shapes]).toEqual(["value,formula,numFmt,font"]);
  expect(s.cells[0]![0]!.formula).toBeUndefined();
});

test("the cells' XML decoded in slices of any size (each ending after a row) reads the same cells as one slice", () => {
  // Rows without r (numbered from the previous one), a shared formula whose master is in an earlier slice, text that
  // is not ASCII (UTF-8 over several bytes) inside a slice, merged areas, a hidden row.
  const rows =
    COMPACT +
    '<row><c r="A4" t="inlineStr"><is><t>Équipe mobile « été »</t></is></c><c r="B4" s="1"><f t="shared" si="0"/><v>4501</v></c></row>' +
    '<row r="6" hidden="1"><c r="A6"><v>6</v></c><c r="B6" t="str"><f>"Coût "&amp;A6</f><v>Coût 6</v></c></row>' +
    '<row r="7"/><row r="8"><c r="A8"><v>1</v></c><c r="B8"><v>2</v></c></row>';
  const bytes = pack(rows, '<mergeCells count="1"><mergeCell ref="A8:B8"/></mergeCells>');
  const whole = readSnapshotFromPackage(bytes, "t.xlsx", undefined, { calculate: false }).sheets[0]!;
  const full = (s: SheetSnapshot) => ({ ...plain(s), hidden: [...s.hiddenRows], merges: s.merges });
  expect(whole.cells[3]![0]!.value).toBe("Équipe mobile « été »");
  expect(whole.cells[3]![1]!.formula).toBe("SUM(B3:B3)");
  expect(whole.cells[7]![1]).toBeUndefined();
  for (const chunkBytes of [1, 7, 40, 100, 300]) {
    const sliced = readSnapshotFromPackage(bytes, "t.xlsx", undefined, { calculate: false, chunkBytes }).sheets[0]!;
    expect(full(sliced)).toEqual(full(whole));
  }
});

test("rows of more cells than the reader scans at a time, and many rows, keep every cell in its place", () => {
  // The reader scans a few hundred cells of a large sheet before making them into objects: a row wider than that, and
  // rows around it, over a megabyte of XML.
  const wide = 6000;
  const colName = (c: number) => {
    let s = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  let rows = "";
  for (let r = 1; r <= 3; r++) {
    rows += `<row r="${r}">`;
    for (let c = 1; c <= (r === 2 ? wide : 3); c++) rows += `<c r="${colName(c)}${r}"${c % 2 ? ' s="1"' : ""}><v>${r * 100000 + c}</v></c>`;
    rows += "</row>";
  }
  for (let r = 4; r <= 30000; r++) rows += `<row r="${r}"><c r="A${r}" t="s"><v>${r % 2}</v></c><c r="C${r}"><f>A${r}</f><v>${r}</v></c></row>`;
  const sheet = read(rows);
  expect(rows.length).toBeGreaterThan(2 ** 20);
  expect(sheet.rowCount).toBe(30000);
  expect(sheet.colCount).toBe(wide);
  expect(sheet.cells[1]!.length).toBe(wide);
  for (const c of [1, 2, 4095, 4096, 4097, 5999, wide]) {
    expect(sheet.cells[1]![c - 1]).toEqual({
      value: 200000 + c,
      formula: undefined,
      numFmt: c % 2 ? `#,##0 "€"` : undefined,
      font: c % 2 ? { name: "Calibri", size: 11, bold: true } : undefined,
    });
  }
  expect(sheet.cells[2]!.map((c) => c!.value)).toEqual([300001, 300002, 300003]);
  for (const r of [4, 1234, 2999, 29999, 30000]) {
    expect(sheet.cells[r - 1]![0]!.value).toBe(r % 2 ? "Total" : "Fiche");
    expect(sheet.cells[r - 1]![1]).toBeUndefined();
    expect(sheet.cells[r - 1]![2]).toEqual({ value: r, formula: `A${r}`, numFmt: undefined, font: undefined });
  }
});

test("a row's array is as long as its last cell, with holes where it has none, however its cells come", () => {
  const sheet = read(
    '<row r="1"><c r="C1"><v>3</v></c><c r="F1"><v>6</v></c><c r="E1"/></row>' +
      '<row r="2"><c r="B2"><v>1</v></c><c r="B2"><v>2</v></c></row>' +
      '<row r="3"><c r="XFE3"><v>7</v></c></row>' +
      '<row r="1"><c r="H1"><v>8</v></c></row>',
  );
  const row1 = sheet.cells[0]!;
  expect(row1.length).toBe(8);
  expect([...row1.keys()].filter((i) => i in row1)).toEqual([2, 5, 7]);
  expect(row1.map((c) => c?.value)).toEqual([undefined, undefined, 3, undefined, undefined, 6, undefined, 8]);
  // The last of two cells at the same place is kept.
  expect(sheet.cells[1]!.length).toBe(2);
  expect(sheet.cells[1]![1]!.value).toBe(2);
  expect(0 in sheet.cells[1]!).toBe(false);
  // Past Excel's last column (XFD) too.
  expect(sheet.cells[2]!.length).toBe(16385);
  expect(sheet.cells[2]![16384]!.value).toBe(7);
  expect(sheet.colCount).toBe(16385);
});
