/**
 * corpus9's own .xlsx writer, straight to the package's XML (no workbook library), so that files come out the way
 * other producers write them: shared or inline strings (openpyxl, xlsxwriter, LibreOffice), formulas with or without
 * their cached result (openpyxl writes none), shared formulas down a column (Excel, LibreOffice), cells without their
 * « r » address, custom number formats (« #,##0\ "€" », accounting, « 0.0% »), hidden rows and columns, merges.
 */
import { zipSync, strToU8 } from "fflate";
import { type Book, type Cell, type Sheet, a1, col } from "./grid";

export interface FileStyle {
  strings: "shared" | "inline" | "mixed";
  /** formulas carry their cached results */
  cache: boolean;
  /** when not cached: « <v></v> » (openpyxl) or no <v> at all */
  emptyV: boolean;
  sharedFormulas: boolean;
  /** cells that follow their left neighbour are written without « r » */
  dropR: boolean;
  dimension: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const BUILTIN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "dd/mm/yyyy": 14 };

/** A formula moved down by dr rows (relative references only; quoted parts untouched). */
export function shiftRows(f: string, dr: number): string {
  return f
    .split(/("[^"]*"|'[^']*')/)
    .map((part, i) => (i % 2 ? part : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (m, d1, c, d2, r) => (d2 ? m : `${d1}${c}${Number(r) + dr}`))))
    .join("");
}

function styles(book: Book): { xml: string; index: (c: Cell) => number } {
  const fmts = new Map<string, number>();
  const xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const byKey = new Map<string, number>([["General|0", 0]]);
  const fmtId = (f: string) => {
    if (f in BUILTIN) return BUILTIN[f]!;
    if (!fmts.has(f)) fmts.set(f, 164 + fmts.size);
    return fmts.get(f)!;
  };
  const index = (c: Cell) => {
    const k = `${c.fmt ?? "General"}|${c.bold ? 1 : 0}`;
    let i = byKey.get(k);
    if (i === undefined) {
      const id = fmtId(c.fmt ?? "General");
      i = xfs.length;
      xfs.push(
        `<xf numFmtId="${id}" fontId="${c.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}${c.bold ? ' applyFont="1"' : ""}/>`,
      );
      byKey.set(k, i);
    }
    return i;
  };
  for (const s of book.sheets) for (const c of s.cells.values()) index(c);
  const numFmts = [...fmts].map(([f, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(f)}"/>`).join("");
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (fmts.size ? `<numFmts count="${fmts.size}">${numFmts}</numFmts>` : "") +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  return { xml, index };
}

/** Runs of formulas down one column that are one formula moved row by row: [first row, last row] per column. */
function sharedRuns(s: Sheet): Map<string, { si: number; master: boolean; ref?: string }> {
  const out = new Map<string, { si: number; master: boolean; ref?: string }>();
  const byCol = new Map<number, number[]>();
  for (const [k, c] of s.cells) {
    if (!c.f) continue;
    const [r, cc] = k.split(",").map(Number) as [number, number];
    byCol.set(cc, [...(byCol.get(cc) ?? []), r]);
  }
  let si = 0;
  for (const [c, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let i = 0;
    while (i < rows.length) {
      const r0 = rows[i]!;
      const f0 = s.cells.get(`${r0},${c}`)!.f!;
      let j = i + 1;
      while (j < rows.length && rows[j] === rows[j - 1]! + 1 && s.cells.get(`${rows[j]},${c}`)!.f === shiftRows(f0, rows[j]! - r0)) j++;
      if (j - i >= 2) {
        const id = si++;
        out.set(`${r0},${c}`, { si: id, master: true, ref: `${a1(r0, c)}:${a1(rows[j - 1]!, c)}` });
        for (let k = i + 1; k < j; k++) out.set(`${rows[k]},${c}`, { si: id, master: false });
      }
      i = j;
    }
  }
  return out;
}

function sheetXml(s: Sheet, st: FileStyle, sst: (t: string) => number, styleOf: (c: Cell) => number, inlineHere: (t: string) => boolean): string {
  const rows = new Map<number, [number, Cell][]>();
  let maxR = 1;
  let maxC = 1;
  for (const [k, c] of s.cells) {
    const [r, cc] = k.split(",").map(Number) as [number, number];
    rows.set(r, [...(rows.get(r) ?? []), [cc, c]]);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, cc);
  }
  for (const r of s.hiddenRows) if (!rows.has(r)) rows.set(r, []);
  const shared = st.sharedFormulas ? sharedRuns(s) : new Map();
  const out: string[] = [];
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(r)!.sort((a, b) => a[0] - b[0]);
    const parts: string[] = [];
    let prev = 0;
    for (const [c, cell] of cells) {
      const addr = st.dropR && c === prev + 1 ? "" : ` r="${a1(r, c)}"`;
      prev = c;
      const si = styleOf(cell);
      const sAttr = si ? ` s="${si}"` : "";
      if (cell.err) {
        parts.push(`<c${addr}${sAttr} t="e">${cell.f ? `<f>${esc(cell.f)}</f>` : ""}<v>${esc(cell.err)}</v></c>`);
        continue;
      }
      if (cell.f) {
        const sh = shared.get(`${r},${c}`);
        const f = sh
          ? sh.master
            ? `<f t="shared" ref="${sh.ref}" si="${sh.si}">${esc(cell.f)}</f>`
            : `<f t="shared" si="${sh.si}"/>`
          : `<f>${esc(cell.f)}</f>`;
        if (!st.cache) {
          parts.push(`<c${addr}${sAttr}>${f}${st.emptyV ? "<v></v>" : ""}</c>`);
          continue;
        }
        if (typeof cell.v === "string") parts.push(`<c${addr}${sAttr} t="str">${f}<v>${esc(cell.v)}</v></c>`);
        else parts.push(`<c${addr}${sAttr}>${f}<v>${cell.v ?? 0}</v></c>`);
        continue;
      }
      if (cell.v === null || cell.v === "") {
        if (si) parts.push(`<c${addr}${sAttr}/>`);
        else prev = -1; // nothing written: the next cell needs its address
        continue;
      }
      if (typeof cell.v === "number") parts.push(`<c${addr}${sAttr}><v>${cell.v}</v></c>`);
      else if (typeof cell.v === "boolean") parts.push(`<c${addr}${sAttr} t="b"><v>${cell.v ? 1 : 0}</v></c>`);
      else if (inlineHere(cell.v)) {
        const sp = /^\s|\s$|\n/.test(cell.v) ? ' xml:space="preserve"' : "";
        parts.push(`<c${addr}${sAttr} t="inlineStr"><is><t${sp}>${esc(cell.v)}</t></is></c>`);
      } else parts.push(`<c${addr}${sAttr} t="s"><v>${sst(cell.v)}</v></c>`);
    }
    out.push(`<row r="${r}"${s.hiddenRows.has(r) ? ' hidden="1"' : ""}>${parts.join("")}</row>`);
  }
  const colsXml = [...new Set([...s.widths.keys(), ...s.hiddenCols])]
    .sort((a, b) => a - b)
    .map((c) => `<col min="${c}" max="${c}" width="${s.widths.get(c) ?? 10}" customWidth="1"${s.hiddenCols.has(c) ? ' hidden="1"' : ""}/>`)
    .join("");
  const merges = s.merges.length
    ? `<mergeCells count="${s.merges.length}">${s.merges.map(([r1, c1, r2, c2]) => `<mergeCell ref="${a1(r1, c1)}:${a1(r2, c2)}"/>`).join("")}</mergeCells>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    (st.dimension ? `<dimension ref="A1:${col(maxC)}${maxR}"/>` : "") +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (colsXml ? `<cols>${colsXml}</cols>` : "") +
    `<sheetData>${out.join("")}</sheetData>${merges}</worksheet>`
  );
}

export function writeXlsx(book: Book, st: FileStyle): Uint8Array {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const sst = (t: string) => {
    let i = ids.get(t);
    if (i === undefined) {
      i = strings.length;
      strings.push(t);
      ids.set(t, i);
    }
    return i;
  };
  // « mixed »: a writer that inlines long texts and shares short ones
  const inlineHere = (t: string) => st.strings === "inline" || (st.strings === "mixed" && t.length > 12);
  const { xml: stylesXml, index } = styles(book);
  const files: Record<string, Uint8Array> = {};
  const sheetsXml = book.sheets.map((s) => sheetXml(s, st, sst, index, inlineHere));
  const useSst = strings.length > 0;
  const ct =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    book.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    (useSst ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "") +
    `</Types>`;
  files["[Content_Types].xml"] = strToU8(ct);
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const n = book.sheets.length;
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>` +
      book.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("") +
      `</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      book.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      (useSst
        ? `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
        : "") +
      `</Relationships>`,
  );
  sheetsXml.forEach((x, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(x)));
  files["xl/styles.xml"] = strToU8(stylesXml);
  if (useSst)
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">` +
        strings.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ""}>${esc(t)}</t></si>`).join("") +
        `</sst>`,
    );
  return zipSync(files);
}
