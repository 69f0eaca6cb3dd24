// The 2022 annex enriched the way officers' workbooks are: chart, pivot table, picture, notes, data validation,
// conditional formats, defined names (print area and titles, a named constant, a range), an external link, outline
// groups, a hidden column, a hidden and protected sheet with an Excel table, hyperlinks, workbook protection, custom
// document properties. Parts are hand-written XML added to the fixture's zip (with fflate, not the code under test).
import * as fs from "fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FIXTURE_2022 } from "../../support/fixtures";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
// A 1x1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

export interface EnrichOptions {
  /** Excel protection on the annex sheet ("Suivi fiches actions"). */
  protectAnnex?: "excel" | "libreoffice";
  /** An array formula across the first column add-year inserts (L). */
  arrayAcross?: boolean;
  /** A macro-enabled workbook (.xlsm): a VBA project part and the macro-enabled content type. */
  macros?: boolean;
}

// Bytes standing for a VBA project (an OLE compound file in real life): only their identity is checked.
export const VBA_PROJECT = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.from('Attribute VB_Name = "Module1"\r\nSub Recalculer()\r\nEnd Sub\r\n', "latin1"),
  Buffer.alloc(512, 7),
]);

const D_SHEET = "xl/worksheets/sheet2.xml";

function suiviSheet(xml: string, o: EnrichOptions): string {
  let s = xml.replace('<dimension ref="A1:AP46"/>', '<dimension ref="A1:AP53"/>');
  // Outline group over the 2020-2022 masse salariale columns, a hidden column (G).
  s = s.replace('<col min="13" max="15" width="13" customWidth="1"/>', '<col min="13" max="15" width="13" customWidth="1" outlineLevel="1"/>');
  s = s.replace('<col min="7" max="7" width="8.5" customWidth="1"/>', '<col min="7" max="7" width="8.5" hidden="1" customWidth="1"/>');
  s = s.replace('outlineLevelCol="0"', 'outlineLevelCol="1"');
  if (o.arrayAcross)
    s = s.replace("</sheetData>", '<row r="48"><c r="K48"><f t="array" ref="K48:L48">K4:L4*2</f><v>0</v></c><c r="L48"><v>0</v></c></row></sheetData>');
  const prot =
    o.protectAnnex === "excel"
      ? '<sheetProtection algorithmName="SHA-512" hashValue="vC6Zs5v0Vh0bL3T9qW8m6c0cQ5yQk2yqk8s2E0yN0mO8L3Vj2dVn7iB6Tq0u0xKk6bJp3fWb2Yk9Qm0Vq3Ue3w==" saltValue="cXl4eWZ6dGVzdHNlbA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>'
      : o.protectAnnex === "libreoffice"
        ? '<sheetProtection sheet="true" password="CC1A" objects="true" scenarios="true"/>'
        : "";
  // An Excel table below the annex (K50:M53, totals row) that the first 2023 column (L) goes through.
  s = s.replace(
    "</sheetData>",
    '<row r="50"><c r="K50" t="inlineStr"><is><t>Financeur</t></is></c><c r="L50" t="inlineStr"><is><t>Montant</t></is></c><c r="M50" t="inlineStr"><is><t>Part</t></is></c></row>' +
      '<row r="51"><c r="K51" t="inlineStr"><is><t>FIR</t></is></c><c r="L51"><v>100</v></c><c r="M51"><f>Suivi_Financeurs[[#This Row],[Montant]]/$L$53</f><v>0.25</v></c></row>' +
      '<row r="52"><c r="K52" t="inlineStr"><is><t>ETAT</t></is></c><c r="L52"><v>300</v></c><c r="M52"><f>Suivi_Financeurs[[#This Row],[Montant]]/$L$53</f><v>0.75</v></c></row>' +
      '<row r="53"><c r="K53" t="inlineStr"><is><t>Total</t></is></c><c r="L53"><f>SUBTOTAL(109,Suivi_Financeurs[Montant])</f><v>400</v></c></row></sheetData>',
  );
  // The sheet filter keeps every row; its criteria sit on B (before any insertion) and Y (after several).
  s = s.replace(
    "</sheetData>",
    `</sheetData>${prot}<autoFilter ref="A3:AP45"><filterColumn colId="1"><customFilters><customFilter operator="notEqual" val="zzz"/></customFilters></filterColumn><filterColumn colId="24"><customFilters><customFilter operator="notEqual" val="zzz"/></customFilters></filterColumn></autoFilter>`,
  );
  s = s.replace(
    "</mergeCells>",
    "</mergeCells>" +
      '<conditionalFormatting sqref="AM4:AM45"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="L4:L45"><cfRule type="expression" priority="2"><formula>$L4&gt;$AN4</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="Y4:Y45"><formula1>"FIR,ETAT,ONDAM,CD"</formula1></dataValidation>' +
      '<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="AD4:AF45"><formula1>0</formula1></dataValidation></dataValidations>' +
      '<hyperlinks><hyperlink ref="B4" location="\'Synthèse financière\'!A1" display="Synthèse"/><hyperlink ref="A46" location="\'Suivi fiches actions\'!AN46" display="Réalisé"/></hyperlinks>',
  );
  // Manual page breaks: after row 30, and before Y (the funder column).
  s = s.replace(
    "</worksheet>",
    '<rowBreaks count="1" manualBreakCount="1"><brk id="30" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="24" max="1048575" man="1"/></colBreaks>' +
      '<drawing r:id="rId80"/><legacyDrawing r:id="rId81"/><tableParts count="1"><tablePart r:id="rId83"/></tableParts></worksheet>',
  );
  return s;
}

const listes =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="A1:D10"/><sheetData>` +
  '<row r="1"><c r="A1"><f>SUM(\'suivi fiches actions\'!L4:L45)</f><v>0</v></c><c r="C1" t="inlineStr"><is><t>Financeur</t></is></c><c r="D1" t="inlineStr"><is><t>Code</t></is></c></row>' +
  '<row r="2"><c r="A2"><f>\'Suivi fiches actions\'!AN46</f><v>0</v></c><c r="C2" t="inlineStr"><is><t>FIR</t></is></c><c r="D2"><v>1</v></c></row>' +
  '<row r="3"><c r="A3"><f>SUM(\'Suivi fiches actions\'!AN:AN)</f><v>0</v></c><c r="C3" t="inlineStr"><is><t>ETAT</t></is></c><c r="D3"><v>2</v></c></row>' +
  '<row r="4"><c r="A4"><f>COUNTA(\'Suivi fiches actions\'!3:3)</f><v>0</v></c><c r="C4" t="inlineStr"><is><t>ONDAM</t></is></c><c r="D4"><v>3</v></c></row>' +
  '<row r="5"><c r="A5"><f>Taux*2</f><v>1</v></c></row>' +
  '<row r="6"><c r="A6"><f>[1]Feuil1!$A$1</f><v>42</v></c></row>' +
  '<row r="7"><c r="A7"><f>SUM(Budgets)</f><v>0</v></c></row>' +
  '<row r="8"><c r="A8"><f>SUM(Suivi_Financeurs[Montant])</f><v>400</v></c></row>' +
  '<row r="9"><c r="A9"><f>COLUMNS(Suivi_Financeurs[[#Headers],[Financeur]:[Part]])</f><v>3</v></c><c r="B9"><f>COLUMNS(Suivi_Financeurs)</f><v>3</v></c><c r="C9"><f>COLUMNS(Suivi_Financeurs[[Financeur]:[Part]])</f><v>3</v></c><c r="D9"><f>COLUMNS(Suivi_Financeurs[[#All],[Financeur]:[Part]])</f><v>3</v></c></row>' +
  '<row r="10"><c r="A10"><f>SUM(Suivi_Financeurs[Part])</f><v>1</v></c></row>' +
  '</sheetData><sheetProtection algorithmName="SHA-512" hashValue="q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m6q7w8e9r0t1y2u3i4o5p6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2==" saltValue="c2VsZGVtZXI=" spinCount="100000" sheet="1" objects="1" scenarios="1"/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';

const parts: Record<string, string> = {
  "xl/worksheets/sheet3.xml": listes,
  "xl/worksheets/_rels/sheet3.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/><Relationship Id="rId2" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
  "xl/tables/table1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table ${NS} id="1" name="Financeurs" displayName="Financeurs" ref="C1:D4" totalsRowShown="0"><autoFilter ref="C1:D4"/><tableColumns count="2"><tableColumn id="1" name="Financeur"/><tableColumn id="2" name="Code"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  "xl/worksheets/_rels/sheet2.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships ${PKG_REL}><Relationship Id="rId80" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId81" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId82" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId83" Type="${REL}/table" Target="../tables/table2.xml"/><Relationship Id="rId84" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`,
  // A threaded comment (Excel 365's « Commentaires »), alongside the legacy note Excel keeps for older readers.
  "xl/threadedComments/threadedComment1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="AN4" dT="2023-03-02T10:15:00.00" personId="{5B0A3C1E-0000-4000-8000-000000000001}" id="{7D1F0C2A-0000-4000-8000-000000000002}"><text>Réalisé vérifié avec le compte administratif</text></threadedComment></ThreadedComments>`,
  "xl/persons/person.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="Marie Dupont" id="{5B0A3C1E-0000-4000-8000-000000000001}" userId="marie.dupont@departement.fr" providerId="AD"/></personList>`,
  "xl/tables/table2.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table ${NS} id="2" name="Suivi_Financeurs" displayName="Suivi_Financeurs" ref="K50:M53" totalsRowCount="1"><autoFilter ref="K50:M52"><filterColumn colId="2"><customFilters><customFilter operator="greaterThanOrEqual" val="0"/></customFilters></filterColumn></autoFilter><tableColumns count="3"><tableColumn id="1" name="Financeur" totalsRowLabel="Total"/><tableColumn id="2" name="Montant" totalsRowFunction="sum"/><tableColumn id="3" name="Part"><calculatedColumnFormula>Suivi_Financeurs[[#This Row],[Montant]]/$L$53</calculatedColumnFormula></tableColumn></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  "xl/comments1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments ${NS}><authors><author>Marie Dupont</author></authors><commentList><comment ref="AN4" authorId="0"><text><r><t xml:space="preserve">Réalisé vérifié avec le compte administratif</t></r></text></comment><comment ref="B5" authorId="0"><text><t>Fiche reprise du contrat précédent</t></text></comment></commentList></comments>`,
  "xl/drawings/vmlDrawing1.vml":
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>40, 15, 2, 10, 42, 15, 6, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>3</x:Row><x:Column>39</x:Column></x:ClientData></v:shape>' +
    '<v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 3, 10, 4, 15, 7, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>',
  "xl/drawings/drawing1.xml":
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    "<xdr:twoCellAnchor><xdr:from><xdr:col>43</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>50</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>' +
    '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="190500" cy="190500"/>' +
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
  "xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
  "xl/charts/chart1.xml":
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:strRef><c:f>'Suivi fiches actions'!$AN$2</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>'Suivi fiches actions'!$B$4:$B$45</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Suivi fiches actions'!$AN$4:$AN$45</c:f></c:numRef></c:val></c:ser>" +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
  "xl/pivotCache/pivotCacheDefinition1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition ${NS} r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A3:L45" sheet="Suivi fiches actions"/></cacheSource><cacheFields count="12">${Array.from({ length: 12 }, (_, i) => `<cacheField name="Champ${i + 1}" numFmtId="0"><sharedItems/></cacheField>`).join("")}</cacheFields></pivotCacheDefinition>`,
  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
  "xl/pivotCache/pivotCacheRecords1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords ${NS} count="0"/>`,
  "xl/pivotTables/pivotTable1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition ${NS} name="TCD1" cacheId="1" dataCaption="Valeurs" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" outline="1" outlineData="1"><location ref="F1:F2" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="12">${'<pivotField showAll="0"/>'.repeat(11)}<pivotField dataField="1" showAll="0"/></pivotFields><dataFields count="1"><dataField name="Somme des moyens" fld="11" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
  "xl/pivotTables/_rels/pivotTable1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  "xl/externalLinks/externalLink1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink ${NS}><externalBook r:id="rId1"><sheetNames><sheetName val="Feuil1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  "xl/externalLinks/_rels/externalLink1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="budget-dgas.xlsx" TargetMode="External"/></Relationships>`,
  "docProps/custom.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Sensibilite"><vt:lpwstr>Interne - Département</vt:lpwstr></property></Properties>`,
};

export function enrichedAnnex(file: string, o: EnrichOptions = {}): void {
  const z = unzipSync(new Uint8Array(fs.readFileSync(FIXTURE_2022)));
  const txt = (n: string) => strFromU8(z[n]!);
  z[D_SHEET] = strToU8(suiviSheet(txt(D_SHEET), o));
  for (const [n, x] of Object.entries(parts)) z[n] = strToU8(x);
  z["xl/media/image1.png"] = new Uint8Array(PNG);
  let wb = txt("xl/workbook.xml");
  wb = wb.replace(
    "<sheets>",
    '<workbookProtection lockStructure="1" workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaGhhc2hoYXNoaGFzaA==" workbookSaltValue="c2FsdHNhbHQ=" workbookSpinCount="100000"/><sheets>',
  );
  wb = wb.replace(
    "</sheets>",
    '<sheet sheetId="3" name="Listes" state="hidden" r:id="rId90"/></sheets><externalReferences><externalReference r:id="rId91"/></externalReferences>' +
      '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">\'Suivi fiches actions\'!$A$3:$AP$45</definedName>' +
      '<definedName name="_xlnm.Print_Area" localSheetId="1">\'Suivi fiches actions\'!$A$1:$AP$46</definedName>' +
      "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Suivi fiches actions'!$A:$B,'Suivi fiches actions'!$1:$3</definedName>" +
      '<definedName name="Budgets">\'Suivi fiches actions\'!$L$4:$L$45</definedName><definedName name="Externe">[1]Feuil1!$A$1</definedName><definedName name="Taux">0.5</definedName></definedNames>',
  );
  wb = wb.replace(/(<calcPr[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="1" r:id="rId92"/></pivotCaches>');
  z["xl/workbook.xml"] = strToU8(wb);
  z["xl/_rels/workbook.xml.rels"] = strToU8(
    txt("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rId90" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId91" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rId92" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/><Relationship Id="rId94" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>`,
    ),
  );
  z["_rels/.rels"] = strToU8(
    txt("_rels/.rels").replace("</Relationships>", `<Relationship Id="rId99" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`),
  );
  const ov = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-${type}"/>`;
  z["[Content_Types].xml"] = strToU8(
    txt("[Content_Types].xml").replace(
      "</Types>",
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="png" ContentType="image/png"/>' +
        ov("xl/worksheets/sheet3.xml", "officedocument.spreadsheetml.worksheet+xml") +
        ov("xl/tables/table1.xml", "officedocument.spreadsheetml.table+xml") +
        ov("xl/tables/table2.xml", "officedocument.spreadsheetml.table+xml") +
        ov("xl/comments1.xml", "officedocument.spreadsheetml.comments+xml") +
        ov("xl/drawings/drawing1.xml", "officedocument.drawing+xml") +
        ov("xl/charts/chart1.xml", "officedocument.drawingml.chart+xml") +
        ov("xl/pivotCache/pivotCacheDefinition1.xml", "officedocument.spreadsheetml.pivotCacheDefinition+xml") +
        ov("xl/pivotCache/pivotCacheRecords1.xml", "officedocument.spreadsheetml.pivotCacheRecords+xml") +
        ov("xl/pivotTables/pivotTable1.xml", "officedocument.spreadsheetml.pivotTable+xml") +
        ov("xl/externalLinks/externalLink1.xml", "officedocument.spreadsheetml.externalLink+xml") +
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/><Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
        ov("docProps/custom.xml", "officedocument.custom-properties+xml") +
        "</Types>",
    ),
  );
  if (o.macros) {
    z["xl/vbaProject.bin"] = new Uint8Array(VBA_PROJECT);
    z["xl/_rels/workbook.xml.rels"] = strToU8(
      txt("xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId93" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    z["[Content_Types].xml"] = strToU8(
      txt("[Content_Types].xml")
        .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
  }
  // Sheet 3 rels mention the pivot table; a table and pivot need their sheet rels, done above.
  fs.writeFileSync(file, zipSync(z, { level: 6 }));
}
