// Lossless writes on enriched annexes (Excel-style and LibreOffice-style packages): what the plan does not touch comes
// out byte for byte; every range moves where Excel would put it; faults refuse with nothing written.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../../src/cli/main";
import { planAddYear } from "../../../src/core/compute/addYear";
import { planFill } from "../../../src/core/compute/fill";
import { recognise } from "../../../src/core/layout/recognise";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { OutputExistsError, sameFile, writeFileAtomic } from "../../../src/xlsx/package/safeWrite";
import { readZip } from "../../../src/xlsx/package/zip";
import { recalc } from "../../support/libreoffice";
import { snap, valueAt } from "../../support/workbookDiff";
import { enrichedAnnex, VBA_PROJECT } from "./enrichedAnnex";
import { expectRangesMovedAsExcel, Pkg } from "./rangesMoved";

jest.setTimeout(300_000);

const D = "Suivi fiches actions";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-pkg-"));
const p = (n: string) => path.join(tmp, n);
const silent = { out: () => undefined, err: () => undefined };
const capture = () => {
  const lines: string[] = [];
  return { lines, io: { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) } };
};
const parts = (f: string) => unzipSync(new Uint8Array(fs.readFileSync(f)));
const text = (f: string, part: string) => strFromU8(parts(f)[part]!);
const rawEntries = (f: string) => new Map(readZip(new Uint8Array(fs.readFileSync(f))).map((e) => [e.name, Buffer.from(e.local)]));
const letters = (c: number) => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

let input: WorkbookSnapshot;
/** Final column of an annex-sheet column after add-year (the plan inserts right to left, whole columns). */
let finalCol: (c: number) => number;
let recalculated: { input: string; year: string; fill: string };

beforeAll(async () => {
  enrichedAnnex(p("enrichie.xlsx"));
  input = await snap(p("enrichie.xlsx"));
  const inserts = planAddYear(input).edits.flatMap((e) => (e.kind === "insertColumns" && e.sheet === D ? [e] : []));
  expect(inserts.map((e) => e.at)).toEqual([...inserts.map((e) => e.at)].sort((a, b) => b - a));
  expect(inserts.every((e) => e.rows === null)).toBe(true);
  finalCol = (c) => c + inserts.filter((e) => e.at <= c).reduce((a, e) => a + e.count, 0);
  expect(await main(["add-year", p("enrichie.xlsx"), "-o", p("annee.xlsx")], silent)).toBe(0);
  expect(await main(["fill", p("enrichie.xlsx"), "-o", p("rempli.xlsx")], silent)).toBe(0);
  const [i, y, f] = recalc([p("enrichie.xlsx"), p("annee.xlsx"), p("rempli.xlsx")], p("lo"));
  recalculated = { input: i!, year: y!, fill: f! };
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const YEAR_EDITED = [
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/sheet3.xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/workbook.xml",
  "xl/drawings/drawing1.xml",
  "xl/drawings/vmlDrawing1.vml",
  "xl/comments1.xml",
  "xl/pivotCache/pivotCacheDefinition1.xml",
  "xl/charts/chart1.xml",
  "xl/tables/table2.xml",
  "xl/threadedComments/threadedComment1.xml",
];

test("add-year: every part it has no reason to touch is copied byte for byte, compressed bytes included", () => {
  const before = rawEntries(p("enrichie.xlsx"));
  const after = rawEntries(p("annee.xlsx"));
  expect([...after.keys()]).toEqual([...before.keys()]);
  const same = [...before.keys()].filter((n) => !YEAR_EDITED.includes(n));
  for (const n of [
    "docProps/custom.xml",
    "xl/externalLinks/externalLink1.xml",
    "xl/tables/table1.xml",
    "xl/pivotTables/pivotTable1.xml",
    "xl/media/image1.png",
    "xl/theme/theme1.xml",
    "docProps/core.xml",
  ])
    expect(same).toContain(n);
  for (const n of same) expect([n, after.get(n)!.equals(before.get(n)!)]).toEqual([n, true]);
});

test("fill: only the annex sheet and the styles change; the styles only gain appended formats", () => {
  const before = parts(p("enrichie.xlsx"));
  const after = parts(p("rempli.xlsx"));
  const changed = Object.keys(before).filter((n) => Buffer.compare(Buffer.from(before[n]!), Buffer.from(after[n]!)) !== 0);
  expect(changed.sort()).toEqual(["xl/styles.xml", "xl/worksheets/sheet2.xml"]);
  const sb = strFromU8(before["xl/styles.xml"]!);
  const sa = strFromU8(after["xl/styles.xml"]!);
  const xfsB = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(sb)!;
  const xfsA = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(sa)!;
  expect(xfsA[2]!.startsWith(xfsB[2]!)).toBe(true);
  expect(Number(xfsA[1])).toBe(Number(xfsB[1]) + (xfsA[2]!.match(/<xf\b/g)!.length - xfsB[2]!.match(/<xf\b/g)!.length));
  expect(sa.replace(xfsA[0], "")).toBe(sb.replace(xfsB[0], ""));
});

test("fill: in the annex sheet, only the cells the plan names differ; everything around sheetData is identical", () => {
  const before = text(p("enrichie.xlsx"), "xl/worksheets/sheet2.xml");
  const after = text(p("rempli.xlsx"), "xl/worksheets/sheet2.xml");
  const split = (x: string) => [x.slice(0, x.indexOf("<sheetData>")), x.slice(x.indexOf("</sheetData>"))];
  expect(split(after)).toEqual(split(before));
  const cells = (x: string) => new Map([...x.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1]!, m[0]]));
  const cb = cells(before);
  const ca = cells(after);
  const targets = new Set(planFill(input).edits.flatMap((e) => (e.kind === "setFormula" ? [`${letters(e.col)}${e.row}`] : [])));
  expect(targets.size).toBe(126);
  for (const [ref, xml] of cb) if (!targets.has(ref)) expect([ref, ca.get(ref)]).toEqual([ref, xml]);
  for (const t of targets) expect(ca.get(t)).toMatch(/<f>IF\(|<f>L\d+-AN\d+<\/f>/);
  expect([...ca.keys()].filter((k) => !cb.has(k))).toEqual([]);
});

/** After add-year, every cell of every sheet the plan does not name is the same cell moved: attributes and value kept, only formula references differ. */
function expectUnplannedCellsKept(inFile: string, outFile: string, snapshot: WorkbookSnapshot): void {
  const year = planAddYear(snapshot);
  const planned = new Set(year.edits.flatMap((e) => ("row" in e && "col" in e ? [`${e.sheet}!${letters(e.col)}${e.row}`] : [])));
  const inserted = year.edits.flatMap((e) => (e.kind === "insertColumns" ? [e] : []));
  const moved = (sheet: string, c: number) => c + inserted.filter((e) => e.sheet === sheet && e.at <= c).reduce((a, e) => a + e.count, 0);
  const cells = (x: string) =>
    new Map(
      [...x.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => [
        `${m[1]}${m[2]}`,
        { col: m[1]!, row: Number(m[2]), attrs: m[3]!, inner: m[4] ?? "" },
      ]),
    );
  const colNum = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const noRefs = (inner: string) => inner.replace(/<f([^>]*)>[^<]*<\/f>/, "<f$1/>").replace(/ ref="[^"]*"/, "");
  const [pin, pout] = [new Pkg(inFile), new Pkg(outFile)];
  let checked = 0;
  for (const name of ["Synthèse financière", D, "Listes"]) {
    const after = cells(pout.text(pout.sheetPart(name)));
    for (const c of cells(pin.text(pin.sheetPart(name))).values()) {
      const at = `${letters(moved(name, colNum(c.col)))}${c.row}`;
      if (planned.has(`${name}!${at}`)) continue;
      const o = after.get(at);
      expect([name, at, o?.attrs, o && noRefs(o.inner)]).toEqual([name, at, c.attrs, noRefs(c.inner)]);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(2000);
}

test("add-year: in every sheet, a cell the plan does not name is the same cell moved (value, type, style), its formula's references only moved", () => {
  expectUnplannedCellsKept(p("enrichie.xlsx"), p("annee.xlsx"), input);
});

test("add-year says what it changes beyond the plan's cells: the table it widens and the header cell it writes", async () => {
  const c = capture();
  expect(await main(["add-year", p("enrichie.xlsx"), "--dry-run"], c.io)).toBe(0);
  const said = c.lines.join("");
  expect(said).toContain(
    "Tableau Excel «\u00a0Suivi_Financeurs\u00a0» (feuille «\u00a0Suivi fiches actions\u00a0») élargi comme le ferait Excel\u00a0: 1 colonne(s) ajoutée(s) («\u00a0Colonne1\u00a0»).",
  );
  expect(said).toContain("En-tête «\u00a0Colonne1\u00a0» écrit en Suivi fiches actions!L50");
  const fill = capture();
  expect(await main(["fill", p("enrichie.xlsx"), "--dry-run"], fill.io)).toBe(0);
  expect(fill.lines.join("")).not.toContain("Tableau Excel");
});

test("add-year moves every range as Excel does: names, print area and titles, rules, validations, filter and its criteria, links, merges, widths, outline, hidden column, page breaks, table, chart series, notes, pictures, cross-sheet formulas", () => {
  expectRangesMovedAsExcel(p("annee.xlsx"), finalCol);
});

test("add-year, Excel-style package: the pivot source widens, protections and note authors are kept as they were", () => {
  const f = (c: number) => letters(finalCol(c));
  const wb = text(p("annee.xlsx"), "xl/workbook.xml");
  expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'Suivi fiches actions'!$A$1:$${f(42)}$46</definedName>`);
  expect(wb).toMatch(/<workbookProtection lockStructure="1" workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaGhhc2hoYXNoaGFzaA=="/);
  // The pivot's source ends on L: the insertion at L falls inside it, so it widens.
  expect(text(p("annee.xlsx"), "xl/pivotCache/pivotCacheDefinition1.xml")).toContain(`<worksheetSource ref="A3:${f(12)}45" sheet="Suivi fiches actions"/>`);
  expect(text(p("annee.xlsx"), "xl/comments1.xml")).toContain("<author>Marie Dupont</author>");
  // The threaded comment follows its cell as the legacy note does; the people list is not touched.
  expect(text(p("annee.xlsx"), "xl/threadedComments/threadedComment1.xml")).toContain(`<threadedComment ref="${f(40)}4" dT="2023-03-02T10:15:00.00"`);
  expect(
    rawEntries(p("annee.xlsx"))
      .get("xl/persons/person.xml")!
      .equals(rawEntries(p("enrichie.xlsx")).get("xl/persons/person.xml")!),
  ).toBe(true);
  expect(text(p("annee.xlsx"), "xl/worksheets/sheet3.xml")).toContain('<sheetProtection algorithmName="SHA-512" hashValue="q1w2e3r4');
  const table = text(p("annee.xlsx"), "xl/tables/table2.xml");
  // The new table column: the next free id, no formula; the totals and calculated column stay on their columns.
  expect(table).toContain(
    '<tableColumns count="4"><tableColumn id="1" name="Financeur" totalsRowLabel="Total"/><tableColumn id="4" name="Colonne1"/><tableColumn id="2" name="Montant" totalsRowFunction="sum"/>' +
      '<tableColumn id="3" name="Part"><calculatedColumnFormula>Suivi_Financeurs[[#This Row],[Montant]]/$M$53</calculatedColumnFormula></tableColumn></tableColumns>',
  );
  expect(table).toContain('<autoFilter ref="K50:N52"><filterColumn colId="3">');
  expect(text(p("annee.xlsx"), "xl/tables/table1.xml")).toBe(text(p("enrichie.xlsx"), "xl/tables/table1.xml"));
  // Shared strings are only appended to; the workbook part differs only in its names' references and calcPr.
  const sst = (x: string) => [...text(x, "xl/sharedStrings.xml").matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
  const [sb, sa] = [sst(p("enrichie.xlsx")), sst(p("annee.xlsx"))];
  expect(sa.slice(0, sb.length)).toEqual(sb);
  expect(sa.length).toBeGreaterThan(sb.length);
  expect(text(p("annee.xlsx"), "xl/sharedStrings.xml")).toContain(`uniqueCount="${sa.length}"`);
  const rest = (x: string) =>
    text(x, "xl/workbook.xml")
      .replace(/<definedNames>[\s\S]*<\/definedNames>/, "")
      .replace(/<calcPr\b[^>]*>/, "");
  expect(rest(p("annee.xlsx"))).toBe(rest(p("enrichie.xlsx")));
  expect(f(40)).toBe("AX");
});

/** #NAME? and #REF! of a recalculated workbook, by sheet and cell: an output must not have any its input did not. */
function nameAndRefErrors(wb: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const s of wb.sheets)
    s.cells.forEach((row, r) =>
      row?.forEach((c, k) => {
        const v = c?.value;
        if (v && typeof v === "object" && (v.error === "#NAME?" || v.error === "#REF!")) out.push(`${s.name}!${r}:${k} ${v.error}`);
      }),
    );
  return out.sort();
}

/** LibreOffice's recalculation of the add-year and fill outputs: no new error, cross-sheet and table formulas follow. */
async function expectRecalculatedAsBefore(files: { input: string; year: string; fill: string }): Promise<void> {
  const before = await snap(files.input);
  const year = await snap(files.year);
  const fill = await snap(files.fill);
  // The external link's cell may be an error where the linked book is absent: the same one, in the same cell.
  expect(nameAndRefErrors(before).length).toBeLessThanOrEqual(1);
  expect(nameAndRefErrors(year)).toEqual(nameAndRefErrors(before));
  expect(nameAndRefErrors(fill)).toEqual(nameAndRefErrors(before));
  expect(valueAt(year, "Listes", 1, 1)).toBeCloseTo(valueAt(before, "Listes", 1, 1) as number, 2);
  expect(valueAt(year, "Listes", 2, 1)).toBeCloseTo(21252747.2, 2);
  expect(valueAt(year, "Listes", 3, 1)).toBeCloseTo(2 * 21252747.2, 2);
  expect(valueAt(year, "Listes", 5, 1)).toBe(1);
  // The table widened by one column: its sums and its calculated column still right.
  expect([1, 2, 3, 4].map((c) => valueAt(before, "Listes", 9, c))).toEqual([3, 3, 3, 3]);
  expect([1, 2, 3, 4].map((c) => valueAt(year, "Listes", 9, c))).toEqual([4, 4, 4, 4]);
  expect([8, 10].map((r) => valueAt(year, "Listes", r, 1))).toEqual([400, 1]);
  expect(valueAt(year, D, 51, 14)).toBeCloseTo(0.25, 6);
  expect(recognise(year).detail!.years).toEqual([2020, 2021, 2022, 2023]);
}

test("LibreOffice recalculates the outputs with no #NAME? or #REF! the input did not have, and cross-sheet formulas follow", async () => {
  await expectRecalculatedAsBefore(recalculated);
});

describe("a LibreOffice-style package", () => {
  let lo: string;
  let loRecalculated: { input: string; year: string; fill: string };
  let loFinal: (c: number) => number;
  beforeAll(async () => {
    fs.mkdirSync(p("lo-src"), { recursive: true });
    fs.copyFileSync(p("enrichie.xlsx"), p("lo-src/libreoffice.xlsx"));
    lo = recalc([p("lo-src/libreoffice.xlsx")], p("lo-style"))[0]!;
    const inserts = planAddYear(await snap(lo!)).edits.flatMap((e) => (e.kind === "insertColumns" && e.sheet === D ? [e] : []));
    loFinal = (c) => c + inserts.filter((e) => e.at <= c).reduce((a, e) => a + e.count, 0);
    expect(await main(["add-year", lo!, "-o", p("lo-annee.xlsx")], silent)).toBe(0);
    expect(await main(["fill", lo!, "-o", p("lo-rempli.xlsx")], silent)).toBe(0);
    const [i, y, f] = recalc([lo!, p("lo-annee.xlsx"), p("lo-rempli.xlsx")], p("lo-recalc"));
    loRecalculated = { input: i!, year: y!, fill: f! };
  });

  test("add-year and fill write it, copying every part they do not edit", () => {
    const before = rawEntries(lo);
    const edits = {
      [p("lo-annee.xlsx")]:
        /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml|styles\.xml|workbook\.xml|charts\/chart\d+\.xml|drawings\/(drawing\d+\.xml|vmlDrawing\d+\.vml)|comments\d+\.xml|tables\/table\d+\.xml)$/,
      [p("lo-rempli.xlsx")]: /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml|styles\.xml|workbook\.xml)$/,
    };
    // Fill changes the workbook part only to ask for a full recalculation on opening.
    const calcOnLoad = (f: string) => text(f, "xl/workbook.xml").replace(/ fullCalcOnLoad="1"/, "");
    expect(text(p("lo-rempli.xlsx"), "xl/workbook.xml")).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    expect(calcOnLoad(p("lo-rempli.xlsx"))).toBe(text(lo, "xl/workbook.xml"));
    for (const [out, editable] of Object.entries(edits)) {
      const after = rawEntries(out);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [n, b] of before) if (!editable.test(n)) expect([n, after.get(n)!.equals(b)]).toEqual([n, true]);
    }
  });

  test("add-year: a cell the plan does not name is the same cell moved", async () => {
    expectUnplannedCellsKept(lo, p("lo-annee.xlsx"), await snap(lo));
  });

  test("add-year moves every range of it where Excel would", () => {
    expectRangesMovedAsExcel(p("lo-annee.xlsx"), loFinal);
  });

  test("LibreOffice recalculates its outputs with no new #NAME? or #REF!", async () => {
    await expectRecalculatedAsBefore(loRecalculated);
  });

  test("a sheet LibreOffice protected is seen as protected: refused, exit 2, nothing written", async () => {
    enrichedAnnex(p("lo-src/protegee.xlsx"), { protectAnnex: "excel" });
    const [prot] = recalc([p("lo-src/protegee.xlsx")], p("lo-prot"));
    expect(text(prot!, "xl/worksheets/sheet2.xml")).toMatch(/<sheetProtection\b[^>]*sheet="(true|1)"/);
    for (const cmd of ["fill", "add-year"]) {
      const c = capture();
      expect(await main([cmd, prot!, "-o", p("jamais-lo.xlsx")], c.io)).toBe(2);
      expect(c.lines.join("")).toContain("«\u00a0Suivi fiches actions\u00a0» est protégée");
      expect(fs.existsSync(p("jamais-lo.xlsx"))).toBe(false);
    }
  });
});

describe("a macro-enabled workbook (.xlsm)", () => {
  const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  beforeAll(() => enrichedAnnex(p("macros.xlsm"), { macros: true }));

  test.each([["fill"], ["add-year"]])("%s keeps the VBA project byte for byte and the macro-enabled content type", async (cmd) => {
    const out = p(`macros-${cmd}.xlsm`);
    expect(await main([cmd, p("macros.xlsm"), "-o", out], silent)).toBe(0);
    const before = rawEntries(p("macros.xlsm"));
    const after = rawEntries(out);
    expect(after.get("xl/vbaProject.bin")!.equals(before.get("xl/vbaProject.bin")!)).toBe(true);
    expect(Buffer.from(parts(out)["xl/vbaProject.bin"]!).equals(VBA_PROJECT)).toBe(true);
    expect(after.get("[Content_Types].xml")!.equals(before.get("[Content_Types].xml")!)).toBe(true);
    expect(text(out, "[Content_Types].xml")).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"/>`);
    expect(text(out, "xl/_rels/workbook.xml.rels")).toContain(
      'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"',
    );
  });

  test("an .xlsx output name for it is refused (Excel would not open it, and the macros would be lost): exit 2, nothing written", async () => {
    for (const cmd of ["fill", "add-year"]) {
      const c = capture();
      expect(await main([cmd, p("macros.xlsm"), "-o", p("sans-macros.xlsx")], c.io)).toBe(2);
      expect(c.lines.join("")).toContain("doit avoir l'extension .xlsm");
      expect(fs.existsSync(p("sans-macros.xlsx"))).toBe(false);
    }
  });

  test("a plain workbook written under an .xlsm name is refused too", async () => {
    const c = capture();
    expect(await main(["fill", p("enrichie.xlsx"), "-o", p("faux.xlsm")], c.io)).toBe(2);
    expect(c.lines.join("")).toContain("doit avoir l'extension .xlsx");
    expect(fs.existsSync(p("faux.xlsm"))).toBe(false);
  });
});

describe("what the write cannot handle: French message, exit 2, nothing written", () => {
  test.each([["excel"], ["libreoffice"]] as const)("a protected annex sheet (%s style)", async (style) => {
    enrichedAnnex(p(`prot-${style}.xlsx`), { protectAnnex: style });
    for (const cmd of ["fill", "add-year"]) {
      const c = capture();
      expect(await main([cmd, p(`prot-${style}.xlsx`), "-o", p("jamais.xlsx")], c.io)).toBe(2);
      expect(c.lines.join("")).toMatch(/La feuille «\s?Suivi fiches actions\s?» est protégée.*Rien n'a été écrit/);
      expect(fs.existsSync(p("jamais.xlsx"))).toBe(false);
    }
  });

  test("an array formula across an insertion point (add-year); fill, which inserts nothing, still works", async () => {
    enrichedAnnex(p("matrice.xlsx"), { arrayAcross: true });
    const c = capture();
    expect(await main(["add-year", p("matrice.xlsx"), "-o", p("jamais.xlsx")], c.io)).toBe(2);
    expect(c.lines.join("")).toContain("formule matricielle (K48:L48) à cheval sur une colonne à insérer");
    expect(fs.existsSync(p("jamais.xlsx"))).toBe(false);
    expect(await main(["fill", p("matrice.xlsx"), "-o", p("matrice-remplie.xlsx")], silent)).toBe(0);
    expect(text(p("matrice-remplie.xlsx"), "xl/worksheets/sheet2.xml")).toContain('<f t="array" ref="K48:L48">K4:L4*2</f>');
  });

  test("an encrypted file (OLE compound document)", async () => {
    // An encrypted .xlsx is a Compound File holding an EncryptionInfo stream (a bare OLE header is an .xls).
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(ole, 1024);
    fs.writeFileSync(p("chiffre.xlsx"), ole);
    const c = capture();
    expect(await main(["fill", p("chiffre.xlsx"), "-o", p("jamais.xlsx")], c.io)).toBe(2);
    expect(c.lines.join("")).toMatch(/protégé par un mot de passe/);
    expect(fs.existsSync(p("jamais.xlsx"))).toBe(false);
  });
});

describe("safe output", () => {
  test("an existing -o is refused without --force and left as it was; with --force it is replaced whole", async () => {
    fs.writeFileSync(p("existant.xlsx"), "ancien contenu");
    const c = capture();
    expect(await main(["fill", p("enrichie.xlsx"), "-o", p("existant.xlsx")], c.io)).toBe(2);
    expect(c.lines.join("")).toContain("existe déjà");
    expect(fs.readFileSync(p("existant.xlsx"), "utf8")).toBe("ancien contenu");
    expect(await main(["fill", p("enrichie.xlsx"), "-o", p("existant.xlsx"), "--force"], silent)).toBe(0);
    expect(fs.readFileSync(p("existant.xlsx")).equals(fs.readFileSync(p("rempli.xlsx")))).toBe(true);
  });

  test("-o naming the input through a link, or another spelling of its path, is refused even with --force", async () => {
    fs.copyFileSync(p("enrichie.xlsx"), p("entree.xlsx"));
    const original = fs.readFileSync(p("entree.xlsx"));
    fs.symlinkSync(p("entree.xlsx"), p("lien.xlsx"));
    fs.linkSync(p("entree.xlsx"), p("lien-dur.xlsx"));
    for (const out of [p("lien.xlsx"), p("lien-dur.xlsx"), `${tmp}/./entree.xlsx`, path.relative(process.cwd(), p("entree.xlsx"))]) {
      const c = capture();
      expect(await main(["add-year", p("entree.xlsx"), "-o", out, "--force"], c.io)).toBe(2);
      expect(c.lines.join("")).toContain("différent du fichier d'entrée");
    }
    expect(fs.readFileSync(p("entree.xlsx")).equals(original)).toBe(true);
  });

  test("files are told apart by identity: on a case-sensitive disk, a name differing only by case is another file", async () => {
    fs.mkdirSync(p("casse"));
    fs.copyFileSync(p("enrichie.xlsx"), p("casse/Annexe.xlsx"));
    expect(sameFile(p("casse/Annexe.xlsx"), p("casse/./Annexe.xlsx"))).toBe(true);
    if (fs.existsSync(p("casse/annexe.xlsx"))) return; // a case-insensitive disk: the same file, refused above
    fs.writeFileSync(p("casse/annexe.xlsx"), "autre fichier");
    expect(sameFile(p("casse/Annexe.xlsx"), p("casse/annexe.xlsx"))).toBe(false);
    expect(await main(["fill", p("casse/Annexe.xlsx"), "-o", p("casse/annexe.xlsx"), "--force"], silent)).toBe(0);
    expect(fs.readFileSync(p("casse/annexe.xlsx")).equals(fs.readFileSync(p("rempli.xlsx")))).toBe(true);
    expect(fs.readFileSync(p("casse/Annexe.xlsx")).equals(fs.readFileSync(p("enrichie.xlsx")))).toBe(true);
  });

  test("a successful write goes through a temporary file beside the target and leaves none behind", async () => {
    fs.mkdirSync(p("propre"));
    const data = fs.readFileSync(p("annee.xlsx"));
    for (const replace of [false, true]) {
      const seen: string[][] = [];
      writeFileAtomic(p("propre/annee.xlsx"), data, replace, (fd, d, o, l) => {
        seen.push(fs.readdirSync(p("propre")).filter((n) => n !== "annee.xlsx"));
        return fs.writeSync(fd, d, o, l);
      });
      // While it is written, the data goes to a hidden temporary file in the target's folder, not to the target.
      expect(seen.flat().every((n) => /^\.annee\.xlsx\.\d+\.[0-9a-f]+\.tmp$/.test(n))).toBe(true);
      expect(seen[0]).toHaveLength(1);
      expect(fs.readdirSync(p("propre"))).toEqual(["annee.xlsx"]);
      expect(fs.readFileSync(p("propre/annee.xlsx")).equals(data)).toBe(true);
      if (!replace) fs.rmSync(p("propre/annee.xlsx"));
    }
    fs.rmSync(p("propre/annee.xlsx"));
    expect(await main(["add-year", p("enrichie.xlsx"), "-o", p("propre/annee.xlsx")], silent)).toBe(0);
    expect(fs.readdirSync(p("propre"))).toEqual(["annee.xlsx"]);
  });

  test("nothing to do with --force and an existing output: that output is left as it was", async () => {
    fs.writeFileSync(p("garde.xlsx"), "déjà là");
    const c = capture();
    expect(await main(["fill", p("rempli.xlsx"), "-o", p("garde.xlsx"), "--force"], c.io)).toBe(0);
    expect(c.lines.join("")).toContain("aucun fichier n'a été écrit");
    expect(fs.readFileSync(p("garde.xlsx"), "utf8")).toBe("déjà là");
  });

  test("nothing to do: nothing written, said in French", async () => {
    const c = capture();
    expect(await main(["fill", p("rempli.xlsx"), "-o", p("deux-fois.xlsx")], c.io)).toBe(0);
    expect(c.lines.join("")).toContain("Rien à faire\u00a0: aucun fichier n'a été écrit.");
    expect(fs.existsSync(p("deux-fois.xlsx"))).toBe(false);
  });

  test("a write that fails midway (disk full) leaves the existing output untouched and no temporary file", () => {
    fs.mkdirSync(p("plein"));
    fs.writeFileSync(p("plein/sortie.xlsx"), "version précédente");
    let written = 0;
    const fullDisk = (fd: number, data: Uint8Array, offset: number, length: number) => {
      if (written > 0) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      written = fs.writeSync(fd, data, offset, Math.min(length, 16384));
      return written;
    };
    for (const replace of [true, false]) {
      expect(() => writeFileAtomic(p("plein/sortie.xlsx"), fs.readFileSync(p("annee.xlsx")), replace, fullDisk)).toThrow(/no space/);
      written = 0;
      expect(fs.readdirSync(p("plein"))).toEqual(["sortie.xlsx"]);
      expect(fs.readFileSync(p("plein/sortie.xlsx"), "utf8")).toBe("version précédente");
    }
    // Without replace, a file that appeared meanwhile is kept too.
    expect(() => writeFileAtomic(p("plein/sortie.xlsx"), Buffer.from("x"), false)).toThrow(OutputExistsError);
    expect(fs.readFileSync(p("plein/sortie.xlsx"), "utf8")).toBe("version précédente");
    expect(fs.readdirSync(p("plein"))).toEqual(["sortie.xlsx"]);
  });

  test("an output folder that does not exist: French message, nothing created", async () => {
    const c = capture();
    expect(await main(["fill", p("enrichie.xlsx"), "-o", p("absent/sortie.xlsx")], c.io)).toBe(2);
    expect(c.lines.join("")).toContain("Impossible d'écrire");
    expect(fs.existsSync(p("absent"))).toBe(false);
  });
});
