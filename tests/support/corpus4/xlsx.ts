// Writes a corpus4 Book as a real .xlsx package, the way four kinds of writer leave it:
// - excel: formulas with their cached results, <calcPr calcId=…/>;
// - openpyxl: formulas with NO cached value and <calcPr fullCalcOnLoad="1"/>;
// - xlsxwriter: every formula cached as 0 and <calcPr fullCalcOnLoad="1"/>;
// - values: no formula at all, only the values (a copy "coller les valeurs", or an export from a finance system).
import { strToU8, zipSync } from "fflate";
import { colLetter, type Book, type Cell, type Sheet, type StyleKey } from "./book";

export type Flavour = "excel" | "openpyxl" | "xlsxwriter" | "values";
export const FLAVOURS: Flavour[] = ["excel", "openpyxl", "xlsxwriter", "values"];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// numFmtId 164+ are custom. Order = cellXfs index.
const NUMFMTS: Record<number, string> = {
  164: '#,##0\\ "€"',
  165: '#,##0.00\\ "€"',
  166: '_-* #,##0\\ "€"_-;\\-* #,##0\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-',
  167: "0.0%",
};
const STYLES: Array<[StyleKey, number, number, boolean]> = [
  // key, numFmtId, fontId, wrap
  ["text", 0, 0, false],
  ["head", 0, 1, true],
  ["title", 0, 2, false],
  ["int", 164, 0, false],
  ["cents", 165, 0, false],
  ["acct", 166, 0, false],
  ["pct", 9, 0, false],
  ["pct1", 167, 0, false],
  ["date", 14, 0, false],
  ["bold-int", 164, 1, false],
  ["bold-cents", 165, 1, false],
  ["wrap", 0, 0, true],
];
const styleIndex = new Map(STYLES.map(([k], i) => [k, i + 1])); // 0 is the default xf

function stylesXml(): string {
  const fmts = Object.entries(NUMFMTS)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`)
    .join("");
  const xfs = STYLES.map(
    ([, fmt, font, wrap]) =>
      `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="${font === 1 ? 1 : 0}" xfId="0"${fmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${wrap ? ' applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf>' : "/>"}`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="${Object.keys(NUMFMTS).length}">${fmts}</numFmts>` +
    `<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${STYLES.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

class Strings {
  list: string[] = [];
  index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function cellXml(ref: string, c: Cell, flavour: Flavour, sst: Strings): string {
  const s = c.s ? ` s="${styleIndex.get(c.s)}"` : "";
  const v = c.v;
  const formula = c.f !== undefined && flavour !== "values";
  if (formula) {
    const f = `<f>${esc(c.f!)}</f>`;
    if (flavour === "openpyxl") return `<c r="${ref}"${s}>${f}<v></v></c>`;
    if (flavour === "xlsxwriter") return `<c r="${ref}"${s}>${f}<v>0</v></c>`;
    if (v === null) return `<c r="${ref}"${s}>${f}<v>0</v></c>`;
    if (typeof v === "number") return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${s} t="str">${f}<v>${esc(v)}</v></c>`;
    return `<c r="${ref}"${s} t="e">${f}<v>${esc(v.error)}</v></c>`;
  }
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${sst.id(v)}</v></c>`;
  return `<c r="${ref}"${s} t="e"><v>${esc(v.error)}</v></c>`;
}

function sheetXml(sh: Sheet, flavour: Flavour, sst: Strings, selected: boolean): string {
  const rows = new Map<number, Array<[number, string]>>();
  for (const [ref, c] of sh.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const r = Number(m[2]);
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    if (!rows.has(r)) rows.set(r, []);
    rows.get(r)!.push([col, cellXml(ref, c, flavour, sst)]);
  }
  for (const r of sh.hiddenRows) if (!rows.has(r)) rows.set(r, []);
  const data = [...rows]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([r, cs]) =>
        `<row r="${r}"${sh.hiddenRows.has(r) ? ' hidden="1"' : ""}>${cs
          .sort((a, b) => a[0] - b[0])
          .map((x) => x[1])
          .join("")}</row>`,
    )
    .join("");
  let maxCol = 1;
  let maxRow = 1;
  for (const ref of sh.cells.keys()) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    maxCol = Math.max(maxCol, col);
    maxRow = Math.max(maxRow, Number(m[2]));
  }
  const colIds = new Set([...sh.widths.keys(), ...sh.hiddenCols]);
  const cols = [...colIds]
    .sort((a, b) => a - b)
    .map(
      (c) =>
        `<col min="${c}" max="${c}" width="${sh.widths.get(c) ?? 10.7109375}"${sh.widths.has(c) ? ' customWidth="1"' : ""}${sh.hiddenCols.has(c) ? ' hidden="1"' : ""}/>`,
    )
    .join("");
  let pane = "";
  if (sh.freeze) {
    const { row, col } = sh.freeze;
    const tl = `${colLetter(col + 1)}${row + 1}`;
    pane = `<pane${col ? ` xSplit="${col}"` : ""}${row ? ` ySplit="${row}"` : ""} topLeftCell="${tl}" activePane="${col && row ? "bottomRight" : row ? "bottomLeft" : "topRight"}" state="frozen"/>`;
  }
  const views = `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:${colLetter(maxCol)}${maxRow}"/>${views}<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${data}</sheetData>` +
    (sh.autoFilter ? `<autoFilter ref="${sh.autoFilter}"/>` : "") +
    (sh.merges.length ? `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

export function writeXlsx(book: Book, flavour: Flavour): Uint8Array {
  const sst = new Strings();
  const files: Record<string, Uint8Array> = {};
  const active = Math.max(
    0,
    book.sheets.findIndex((s) => s.state !== "hidden"),
  );
  book.sheets.forEach((sh, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sh, flavour, sst, i === active));
  });
  const calc = flavour === "openpyxl" || flavour === "xlsxwriter" ? '<calcPr calcId="124519" fullCalcOnLoad="1"/>' : '<calcPr calcId="191029"/>';
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<bookViews><workbookView activeTab="${active}"/></bookViews><sheets>` +
      book.sheets.map((sh, i) => `<sheet name="${esc(sh.name)}" sheetId="${i + 1}"${sh.state ? ` state="${sh.state}"` : ""} r:id="rId${i + 1}"/>`).join("") +
      `</sheets>${calc}</workbook>`,
  );
  const n = book.sheets.length;
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      book.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
      `</Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(stylesXml());
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.list.length}" uniqueCount="${sst.list.length}">` +
      sst.list.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ""}>${esc(s)}</t></si>`).join("") +
      `</sst>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      book.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `</Types>`,
  );
  // Sheets first, as writers do; the order does not matter to a reader.
  return zipSync(files, { level: 6 });
}
