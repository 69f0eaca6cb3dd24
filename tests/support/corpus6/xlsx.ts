/**
 * corpus6's own SpreadsheetML writer (fflate): inline or shared strings, shared formulas, no styles part or a small
 * one, numbers as JavaScript prints them (0.30000000000000004), formula text results as t="str", dates as serials.
 * Not ExcelJS (corpus5) and not corpus4's writer: other XML for the same workbook.
 */
import { strToU8, zipSync } from "fflate";
import { type Cell, type Grid, type Sheet, a1, colLetter } from "./sheet";

export interface WriteOptions {
  sharedStrings: boolean;
  styles: "none" | "formats";
  sharedFormulas: boolean;
  /** cells and rows without their r attribute (positions implied, gaps written as empty cells), as minimal writers do */
  omitRefs?: boolean;
  /** numbers of 100 000 and more written in exponent form (1.5E+5), as some exporters do */
  exponent?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const XMLH = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Moves every relative A1 reference of a formula by (dr, dc); strings and sheet-qualified names are kept. */
export function shiftFormula(f: string, dr: number, dc: number): string {
  return f.replace(/("[^"]*")|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Z0-9_(])/g, (m, str, dc1, col, dr1, row, off, all: string) => {
    if (str) return str;
    const prev = all[off - 1];
    if (prev && /[A-Za-z_]/.test(prev)) return m;
    let c = 0;
    for (const ch of col as string) c = c * 26 + ch.charCodeAt(0) - 64;
    const nc = dc1 ? c : c + dc;
    const nr = dr1 ? Number(row) : Number(row) + dr;
    return `${dc1}${colLetter(nc)}${dr1}${nr}`;
  });
}

/** Rich text runs: the first word bold, the rest plain (as a header typed with a bold first word). */
function richRuns(v: string): string {
  const m = /^(\S+)([\s\S]*)$/.exec(v);
  if (!m || !m[2]) return `<r><rPr><b/><sz val="10"/></rPr><t>${esc(v)}</t></r>`;
  return `<r><rPr><b/><sz val="10"/></rPr><t>${esc(m[1]!)}</t></r><r><rPr><sz val="10"/></rPr><t xml:space="preserve">${esc(m[2])}</t></r>`;
}

export function writeXlsx(g: Grid, o: WriteOptions): Uint8Array {
  const strings: string[] = [];
  const sIndex = new Map<string, number>();
  const fmts: string[] = [];
  const fmtIndex = (code: string | undefined, date: boolean): number => {
    if (o.styles === "none" || (!code && !date)) return 0;
    const c = code ?? "dd/mm/yyyy";
    let i = fmts.indexOf(c);
    if (i < 0) i = fmts.push(c) - 1;
    return i + 1;
  };
  const files: Record<string, Uint8Array> = {};
  g.sheets.forEach((s, si) => (files[`xl/worksheets/sheet${si + 1}.xml`] = strToU8(sheetXml(s))));

  function sheetXml(s: Sheet): string {
    const rows = new Map<number, [number, Cell][]>();
    let maxR = 1;
    let maxC = 1;
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(",").map(Number) as [number, number];
      if (!rows.has(r)) rows.set(r, []);
      rows.get(r)!.push([col, c]);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, col);
    }
    // shared formulas: a run of cells along a row whose formula is the first one's shifted
    const shared = new Map<string, { si: number; master: boolean; ref?: string }>();
    let nextSi = 0;
    if (o.sharedFormulas)
      for (const [r, cs] of rows) {
        const sorted = cs.filter(([, c]) => c.f).sort((a, b) => a[0] - b[0]);
        let i = 0;
        while (i < sorted.length) {
          const [c0, cell0] = sorted[i]!;
          let j = i + 1;
          while (j < sorted.length && sorted[j]![0] === c0 + (j - i) && sorted[j]![1].f === shiftFormula(cell0.f!, 0, j - i)) j++;
          if (j - i >= 3 && !/!/.test(cell0.f!)) {
            const si = nextSi++;
            shared.set(`${r},${c0}`, { si, master: true, ref: `${a1(r, c0)}:${a1(r, sorted[j - 1]![0])}` });
            for (let k = i + 1; k < j; k++) shared.set(`${r},${sorted[k]![0]}`, { si, master: false });
          }
          i = j;
        }
      }
    const out: string[] = [];
    out.push(`${XMLH}<worksheet ${NS}><dimension ref="A1:${a1(maxR, maxC)}"/>`);
    if (s.widths.size || s.hiddenCols.size) {
      out.push("<cols>");
      const cs = [...new Set([...s.widths.keys(), ...s.hiddenCols])].sort((a, b) => a - b);
      for (const c of cs) out.push(`<col min="${c}" max="${c}" width="${s.widths.get(c) ?? 10}" customWidth="1"${s.hiddenCols.has(c) ? ' hidden="1"' : ""}/>`);
      out.push("</cols>");
    }
    out.push("<sheetData>");
    if (o.omitRefs) {
      for (let r = 1; r <= maxR; r++) {
        const cs = new Map(rows.get(r) ?? []);
        const last = Math.max(0, ...cs.keys());
        out.push("<row>");
        for (let c = 1; c <= last; c++) {
          const cell = cs.get(c);
          const x = cell ? cellXml(r, c, cell, shared.get(`${r},${c}`)) : "";
          out.push((x || `<c r="${a1(r, c)}"/>`).replace(/^<c r="[A-Z]+\d+"/, "<c"));
        }
        out.push("</row>");
      }
    } else
      for (const r of [...rows.keys()].sort((a, b) => a - b)) {
        out.push(`<row r="${r}">`);
        for (const [c, cell] of rows.get(r)!.sort((a, b) => a[0] - b[0])) out.push(cellXml(r, c, cell, shared.get(`${r},${c}`)));
        out.push("</row>");
      }
    out.push("</sheetData>");
    if (s.merges.length) out.push(`<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
    out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    return out.join("");
  }

  function cellXml(r: number, c: number, cell: Cell, sh?: { si: number; master: boolean; ref?: string }): string {
    const ref = a1(r, c);
    const st = fmtIndex(cell.fmt, !!cell.date);
    const sAttr = st ? ` s="${st}"` : "";
    const f = cell.f
      ? sh
        ? sh.master
          ? `<f t="shared" ref="${sh.ref}" si="${sh.si}">${esc(cell.f)}</f>`
          : `<f t="shared" si="${sh.si}"/>`
        : `<f>${esc(cell.f)}</f>`
      : "";
    if (cell.err) return `<c r="${ref}"${sAttr} t="e">${f}<v>${esc(cell.err)}</v></c>`;
    const v = cell.v;
    if (v === null || v === undefined) return f ? `<c r="${ref}"${sAttr}>${f}</c>` : sAttr ? `<c r="${ref}"${sAttr}/>` : "";
    if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "number") return `<c r="${ref}"${sAttr}>${f}<v>${o.exponent && Math.abs(v) >= 1e5 ? v.toExponential().toUpperCase() : String(v)}</v></c>`;
    if (f) return `<c r="${ref}"${sAttr} t="str">${f}<v>${esc(v)}</v></c>`;
    if (cell.rich && !o.sharedStrings) return `<c r="${ref}"${sAttr} t="inlineStr"><is>${richRuns(v)}</is></c>`;
    if (o.sharedStrings) {
      const k = cell.rich ? `\u0001${v}` : v;
      let i = sIndex.get(k);
      if (i === undefined) {
        i = strings.push(k) - 1;
        sIndex.set(k, i);
      }
      return `<c r="${ref}"${sAttr} t="s"><v>${i}</v></c>`;
    }
    const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
  }

  const sheetsXml = g.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("");
  const firstVisible = Math.max(
    0,
    g.sheets.findIndex((s) => !s.hidden),
  );
  files["xl/workbook.xml"] = strToU8(
    `${XMLH}<workbook ${NS}><bookViews><workbookView activeTab="${firstVisible}"/></bookViews><sheets>${sheetsXml}</sheets><calcPr calcId="191029"/></workbook>`,
  );
  const rels = g.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const n = g.sheets.length;
  if (o.styles === "formats")
    rels.push(`<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  if (o.sharedStrings && strings.length)
    rels.push(
      `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
    );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `${XMLH}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  if (o.styles === "formats") {
    const numFmts = fmts.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(code)}"/>`).join("");
    const xfs = fmts.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("");
    files["xl/styles.xml"] = strToU8(
      `${XMLH}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${fmts.length ? `<numFmts count="${fmts.length}">${numFmts}</numFmts>` : ""}<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${fmts.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs></styleSheet>`,
    );
  }
  if (o.sharedStrings && strings.length)
    files["xl/sharedStrings.xml"] = strToU8(
      `${XMLH}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
        .map((s) =>
          s.startsWith("\u0001") ? `<si>${richRuns(s.slice(1))}</si>` : `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ""}>${esc(s)}</t></si>`,
        )
        .join("")}</sst>`,
    );
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    ...g.sheets.map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    ...(o.styles === "formats"
      ? [`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`]
      : []),
    ...(o.sharedStrings && strings.length
      ? [`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`]
      : []),
  ];
  files["[Content_Types].xml"] = strToU8(
    `${XMLH}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `${XMLH}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  // deterministic: fixed timestamps
  const zipped: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const k of [
    "[Content_Types].xml",
    "_rels/.rels",
    ...Object.keys(files)
      .filter((k) => k !== "[Content_Types].xml" && k !== "_rels/.rels")
      .sort(),
  ])
    zipped[k] = [files[k]!, { mtime: new Date(Date.UTC(2024, 0, 1)) }];
  return zipSync(zipped, { level: 6 });
}
