// The package layer on small hand-written packages: shared formulas, cells without r, rows out of order, inline strings.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { emptyPlan, type Edit, type EditPlan } from "../../../src/core/plan/types";
import { applyPlanToPackage } from "../../../src/xlsx/package/applyPackagePlan";
import { PackageError } from "../../../src/xlsx/package/errors";
import { renameStructuredRefs } from "../../../src/xlsx/package/tables";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function book(sheetData: string, opts: { sst?: string[]; extra?: string; files?: Record<string, string> } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(`<workbook ${NS}><sheets><sheet name="Feuille" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>${opts.sst ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${NS}><sheetData>${sheetData}</sheetData>${opts.extra ?? ""}</worksheet>`),
  };
  for (const [n, x] of Object.entries(opts.files ?? {})) files[n] = strToU8(x);
  if (opts.sst)
    files["xl/sharedStrings.xml"] = strToU8(
      `<sst ${NS} count="${opts.sst.length}" uniqueCount="${opts.sst.length}">${opts.sst.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
    );
  return zipSync(files);
}

const plan = (edits: Edit[]): EditPlan => ({ ...emptyPlan("add-year"), edits });
const sheetOut = (buf: Uint8Array) => strFromU8(unzipSync(buf)["xl/worksheets/sheet1.xml"]!);
const ins = (at: number, count = 1): Edit => ({ kind: "insertColumns", sheet: "Feuille", at, count, rows: null, copyFormatFrom: at - 1 });

test("a shared formula that stays consistent stays shared, its range widened", () => {
  const xml =
    '<row r="1"><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c><c r="D1"><v>3</v></c><c r="E1"><v>4</v></c></row>' +
    '<row r="2"><c r="B2" s="1"><f t="shared" ref="B2:E2" si="0">B1*2</f><v>2</v></c><c r="C2" s="1"><f t="shared" si="0"/><v>4</v></c><c r="D2" s="1"><f t="shared" si="0"/><v>6</v></c><c r="E2" s="1"><f t="shared" si="0"/><v>8</v></c></row>';
  const out = sheetOut(applyPlanToPackage(book(xml), plan([ins(4)])).buffer);
  expect(out).toContain('<c r="B2" s="1"><f t="shared" ref="B2:F2" si="0">B1*2</f><v>2</v></c>');
  expect(out).toContain('<c r="E2" s="1"><f t="shared" si="0"/><v>6</v></c><c r="F2" s="1"><f t="shared" si="0"/><v>8</v></c>');
  // The inserted cell takes its left neighbour's format, no formula.
  expect(out).toContain('<c r="D2" s="1"/>');
});

test("a shared formula the insertion would bend is made of plain formulas, each where Excel would point it", () => {
  const xml =
    '<row r="2"><c r="B2"><f t="shared" ref="B2:E2" si="0">D1</f><v>0</v></c><c r="C2"><f t="shared" si="0"/><v>0</v></c><c r="D2"><f t="shared" si="0"/><v>0</v></c><c r="E2"><f t="shared" si="0"/><v>0</v></c></row>';
  const out = sheetOut(applyPlanToPackage(book(xml), plan([ins(4)])).buffer);
  const formulas = Object.fromEntries([...out.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f>/g)].map((m) => [m[1], m[2]]));
  // Before: B2=D1, C2=E1, D2=F1, E2=G1; D moves to E and so on.
  expect(formulas).toEqual({ B2: "E1", C2: "F1", E2: "G1", F2: "H1" });
  expect(out).not.toContain('t="shared"');
});

test("overwriting the master of a shared formula first gives every other cell its own formula", () => {
  const xml =
    '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="4">B1+1</f><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="4"/><v>1</v></c></row><row r="3"><c r="A3"><f t="shared" si="4"/><v>1</v></c></row>';
  const out = sheetOut(applyPlanToPackage(book(xml), plan([{ kind: "setFormula", sheet: "Feuille", row: 1, col: 1, formula: "C1", result: 5 }])).buffer);
  expect(out).toContain('<c r="A1"><f>C1</f><v>5</v></c>');
  expect(out).toContain('<c r="A2"><f>B2+1</f><v>1</v></c>');
  expect(out).toContain('<c r="A3"><f>B3+1</f><v>1</v></c>');
});

test("cells without r, rows out of order, inline strings: edited in place, neighbours kept", () => {
  const xml = '<row r="5"><c><v>1</v></c><c t="inlineStr"><is><t>texte</t></is></c></row><row r="2"><c r="C2"><v>7</v></c></row>';
  const out = sheetOut(
    applyPlanToPackage(
      book(xml, { sst: ["déjà"] }),
      plan([
        { kind: "setValue", sheet: "Feuille", row: 5, col: 3, value: "déjà" },
        { kind: "setValue", sheet: "Feuille", row: 3, col: 1, value: "nouveau" },
        { kind: "setNumberFormat", sheet: "Feuille", row: 2, col: 3, numFmt: "#,##0" },
      ]),
    ).buffer,
  );
  expect(out).toContain('<row r="5"><c r="A5"><v>1</v></c><c r="B5" t="inlineStr"><is><t>texte</t></is></c><c r="C5" t="s"><v>0</v></c></row>');
  // New row 3 goes between rows 2 and... the document order is kept: after row 2, which stays where it was.
  expect(out.indexOf('<row r="3">')).toBeGreaterThan(out.indexOf('<row r="2">'));
  expect(out).toContain('<c r="C2" s="1"><v>7</v></c>');
});

test("new strings are appended to the shared strings, existing indexes untouched", () => {
  const buf = applyPlanToPackage(
    book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sst: ["un", "deux"] }),
    plan([{ kind: "setValue", sheet: "Feuille", row: 1, col: 2, value: "trois & <quatre>" }]),
  ).buffer;
  const sst = strFromU8(unzipSync(buf)["xl/sharedStrings.xml"]!);
  expect(sst).toMatch(/uniqueCount="3"/);
  expect(sst).toContain("<si><t>un</t></si><si><t>deux</t></si><si><t>trois &amp; &lt;quatre&gt;</t></si></sst>");
  expect(sheetOut(buf)).toContain('<c r="B1" t="s"><v>2</v></c>');
});

test("a merge is added in schema order; a cell of an array formula cannot be written", () => {
  const out = sheetOut(
    applyPlanToPackage(
      book('<row r="1"><c r="A1"><v>1</v></c></row>', { extra: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' }),
      plan([{ kind: "merge", sheet: "Feuille", r1: 1, c1: 1, r2: 1, c2: 3 }]),
    ).buffer,
  );
  expect(out).toContain('</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins');
  const arr = book('<row r="1"><c r="A1"><f t="array" ref="A1:B1">C1:D1</f><v>0</v></c><c r="B1"><v>0</v></c></row>');
  expect(() => applyPlanToPackage(arr, plan([{ kind: "setValue", sheet: "Feuille", row: 1, col: 2, value: 3 }]))).toThrow(PackageError);
});

test("no sheetData content, no cols: a width creates <cols> before sheetData", () => {
  const out = sheetOut(applyPlanToPackage(book(""), plan([{ kind: "setColumnWidth", sheet: "Feuille", col: 2, width: 20 }])).buffer);
  expect(out).toContain('<cols><col min="2" max="2" width="20" customWidth="1"/></cols><sheetData>');
});

// --- Excel tables under column insertions --------------------------------------------------------------------------

const tableRows =
  '<row r="1"><c r="B1" t="inlineStr"><is><t>Nom</t></is></c><c r="C1" t="inlineStr"><is><t>Colonne1</t></is></c><c r="D1" t="inlineStr"><is><t>Montant</t></is></c></row>' +
  '<row r="2"><c r="B2" t="inlineStr"><is><t>a</t></is></c><c r="C2"><v>1</v></c><c r="D2"><v>2</v></c></row>';
function withTable(attrs = "", rows = tableRows): Uint8Array {
  return book(rows, {
    extra: '<tableParts count="1"><tablePart r:id="rId9"/></tableParts>',
    files: {
      "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
      "xl/tables/table1.xml": `<table ${NS} id="1" name="T" displayName="T" ref="B1:D2"${attrs}><autoFilter ref="B1:D2"/><tableColumns count="3"><tableColumn id="1" name="Nom"/><tableColumn id="7" name="Colonne1"/><tableColumn id="3" name="Montant"/></tableColumns></table>`,
    },
  });
}
const tableOut = (buf: Uint8Array) => strFromU8(unzipSync(buf)["xl/tables/table1.xml"]!);
const columnNames = (xml: string) => [...xml.matchAll(/<tableColumn id="(\d+)" name="([^"]*)"/g)].map((m) => `${m[1]}:${m[2]}`);

test("a table a column goes through widens: the new column takes the next free id and the first free « ColonneN », written in its header cell", () => {
  const buf = applyPlanToPackage(withTable(), plan([ins(3)])).buffer;
  const t = tableOut(buf);
  expect(t).toContain('ref="B1:E2"><autoFilter ref="B1:E2"/><tableColumns count="4">');
  expect(columnNames(t)).toEqual(["1:Nom", "8:Colonne2", "7:Colonne1", "3:Montant"]);
  expect(sheetOut(buf)).toContain(
    '<c r="C1" t="inlineStr"><is><t xml:space="preserve">Colonne2</t></is></c><c r="D1" t="inlineStr"><is><t>Colonne1</t></is></c>',
  );
});

test("the new column is named by the header the plan writes; a table without header row gets a name but no header cell", () => {
  const named = applyPlanToPackage(withTable(), plan([ins(3), { kind: "setValue", sheet: "Feuille", row: 1, col: 3, value: "Montant 2023" }])).buffer;
  expect(columnNames(tableOut(named))).toEqual(["1:Nom", "8:Montant 2023", "7:Colonne1", "3:Montant"]);
  expect(sheetOut(named)).toContain('<c r="C1" t="inlineStr"><is><t xml:space="preserve">Montant 2023</t></is></c>');
  const headless = applyPlanToPackage(withTable(' headerRowCount="0"'), plan([ins(3)])).buffer;
  expect(columnNames(tableOut(headless))).toEqual(["1:Nom", "8:Colonne2", "7:Colonne1", "3:Montant"]);
  expect(sheetOut(headless)).not.toContain("Colonne2");
});

test("an insertion at a table's first column moves it whole; one just past its last column leaves it", () => {
  expect(tableOut(applyPlanToPackage(withTable(), plan([ins(2)])).buffer)).toContain('ref="C1:E2"><autoFilter ref="C1:E2"/><tableColumns count="3">');
  expect(tableOut(applyPlanToPackage(withTable(), plan([ins(5)])).buffer)).toContain('ref="B1:D2"><autoFilter ref="B1:D2"/><tableColumns count="3">');
});

test("a table bound to a query, or one whose rows only partly shift, is refused rather than damaged", () => {
  expect(() => applyPlanToPackage(withTable(' tableType="queryTable"'), plan([ins(3)]))).toThrow(PackageError);
  const partRows: Edit = { kind: "insertColumns", sheet: "Feuille", at: 2, count: 1, rows: [2, 5], copyFormatFrom: 1 };
  expect(() => applyPlanToPackage(withTable(), plan([partRows]))).toThrow(/serait coupé/);
});

test("a data table across an insertion point is refused", () => {
  const dt = book('<row r="1"><c r="B1"><f t="dataTable" ref="B1:D1" dt2D="0" dtr="1" r1="A1"/><v>0</v></c></row>');
  expect(() => applyPlanToPackage(dt, plan([ins(3)]))).toThrow(/table de données \(B1:D1\)/);
});

test("column page breaks and filter criteria follow their columns; row breaks stay", () => {
  const extra =
    '<autoFilter ref="A1:E9"><filterColumn colId="1"><filters><filter val="x"/></filters></filterColumn><filterColumn colId="3"><filters><filter val="y"/></filters></filterColumn></autoFilter>' +
    '<rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks><colBreaks count="2" manualBreakCount="2"><brk id="2" max="1048575" man="1"/><brk id="4" max="1048575" man="1"/></colBreaks>';
  const out = sheetOut(applyPlanToPackage(book('<row r="1"><c r="A1"><v>1</v></c></row>', { extra }), plan([ins(3, 2)])).buffer);
  // Inserting two columns at C: the break before C moves with C; the criterion on B stays, the one on D moves.
  expect(out).toContain('<autoFilter ref="A1:G9"><filterColumn colId="1">');
  expect(out).toContain('<filterColumn colId="5"><filters><filter val="y"/>');
  expect(out).toContain('<colBreaks count="2" manualBreakCount="2"><brk id="4" max="1048575" man="1"/><brk id="6" max="1048575" man="1"/></colBreaks>');
  expect(out).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks>');
});

test("structured references to a renamed column follow it; specifiers, strings, other tables and escapes are respected", () => {
  const renames = new Map([
    [
      "t",
      new Map([
        ["montant 2022", "Montant 2023"],
        ["a'[b]", "c#d"],
      ]),
    ],
  ]);
  expect(renameStructuredRefs("SUM(T[Montant 2022])+t[[#This Row],[montant 2022]]", renames)).toBe("SUM(T[Montant 2023])+t[[#This Row],[Montant 2023]]");
  expect(renameStructuredRefs("T[[Nom]:[Montant 2022]]+T[#Totals]+U[Montant 2022]", renames)).toBe("T[[Nom]:[Montant 2023]]+T[#Totals]+U[Montant 2022]");
  expect(renameStructuredRefs('IF(A1="T[Montant 2022]",T[@[Montant 2022]],0)', renames)).toBe('IF(A1="T[Montant 2022]",T[@[Montant 2023]],0)');
  expect(renameStructuredRefs("T[[a'''[b']]]", renames)).toBe("T[[c'#d]]");
  const same = "SUM(T[Nom])";
  expect(renameStructuredRefs(same, renames)).toBe(same);
});

test("a header the plan rewrites in a table renames its column and the formulas that name it; a taken name gets a number", () => {
  const formulas = '<row r="5"><c r="F5"><f>SUM(T[Montant])</f><v>2</v></c><c r="G5"><f>T[[#Headers],[Nom]]</f><v>0</v></c></row>';
  const buf = applyPlanToPackage(
    withTable("", tableRows + formulas),
    plan([
      { kind: "setValue", sheet: "Feuille", row: 1, col: 4, value: "Montant 2023" },
      { kind: "setValue", sheet: "Feuille", row: 1, col: 2, value: "colonne1" },
    ]),
  ).buffer;
  expect(columnNames(tableOut(buf))).toEqual(["1:colonne12", "7:Colonne1", "3:Montant 2023"]);
  const out = sheetOut(buf);
  expect(out).toContain("<f>SUM(T[Montant 2023])</f>");
  expect(out).toContain("<f>T[[#Headers],[colonne12]]</f>");
  // The header cell holds the name Excel would give: the plan's text made unique.
  expect(out).toContain('<c r="B1" t="inlineStr"><is><t xml:space="preserve">colonne12</t></is></c>');
});

test("a form control moving with its cells moves, and its cell link follows the linked cell (ctrlProp and VML)", () => {
  const anchor = (c1: number, c2: number) =>
    `<anchor moveWithCells="1"><from><xdr:col>${c1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>${c2}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor>`;
  const controls = (c1: number, c2: number) =>
    `<legacyDrawing r:id="rId8"/><controls><control shapeId="1025" r:id="rId7" name="Case"><controlPr defaultSize="0">${anchor(c1, c2)}</controlPr></control></controls>`;
  const buf = applyPlanToPackage(
    book('<row r="5"><c r="E5" t="b"><v>1</v></c></row>', {
      extra: controls(3, 4),
      files: {
        "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${REL}/ctrlProp" Target="../ctrlProps/ctrlProp1.xml"/><Relationship Id="rId8" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
        "xl/ctrlProps/ctrlProp1.xml":
          '<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox" fmlaLink="$E$5" checked="Checked"/>',
        "xl/drawings/vmlDrawing1.vml":
          '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape><x:ClientData ObjectType="Checkbox"><x:Anchor>3, 0, 1, 0, 4, 0, 2, 0</x:Anchor><x:FmlaLink>$E$5</x:FmlaLink></x:ClientData></v:shape></xml>',
      },
    }),
    plan([ins(3)]),
  ).buffer;
  const z = unzipSync(buf);
  expect(sheetOut(buf)).toContain(controls(4, 5));
  expect(sheetOut(buf)).toContain('<c r="F5" t="b"><v>1</v></c>');
  expect(strFromU8(z["xl/ctrlProps/ctrlProp1.xml"]!)).toContain('fmlaLink="$F$5"');
  expect(strFromU8(z["xl/drawings/vmlDrawing1.vml"]!)).toContain("<x:Anchor>4, 0, 1, 0, 5, 0, 2, 0</x:Anchor><x:FmlaLink>$F$5</x:FmlaLink>");
});

test("cells shifted on some rows only: a merged area reaching outside those rows is refused; one inside them moves", () => {
  const merges = (ref: string) => book('<row r="2"><c r="B2"><v>1</v></c></row>', { extra: `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>` });
  const partRows: Edit = { kind: "insertColumns", sheet: "Feuille", at: 2, count: 1, rows: [2, 5], copyFormatFrom: 1 };
  expect(() => applyPlanToPackage(merges("B1:C3"), plan([partRows]))).toThrow(/fusionnées \(B1:C3\)/);
  expect(sheetOut(applyPlanToPackage(merges("B2:C3"), plan([partRows])).buffer)).toContain('<mergeCell ref="C2:D3"/>');
  expect(sheetOut(applyPlanToPackage(merges("A1:A9"), plan([partRows])).buffer)).toContain('<mergeCell ref="A1:A9"/>');
});

test("watched cells and scenario input cells move with their cells", () => {
  const extra =
    '<scenarios><scenario name="Haut" count="1"><inputCells r="D2" val="5"/></scenario></scenarios><cellWatches><cellWatch r="E9"/><cellWatch r="A1"/></cellWatches>';
  const out = sheetOut(applyPlanToPackage(book('<row r="1"><c r="A1"><v>1</v></c></row>', { extra }), plan([ins(3)])).buffer);
  expect(out).toContain('<inputCells r="E2" val="5"/>');
  expect(out).toContain('<cellWatches><cellWatch r="F9"/><cellWatch r="A1"/></cellWatches>');
});
