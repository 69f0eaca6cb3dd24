// Where Excel points every range of the enriched annex after add-year, checked on any package holding it (Excel- or
// LibreOffice-written): parts are found through the relationships and elements by what they hold, not by their bytes.
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";

const letters = (c: number) => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]!) : null;
};

export class Pkg {
  private files: Record<string, Uint8Array>;
  constructor(file: string) {
    this.files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  }
  has(part: string): boolean {
    return part in this.files;
  }
  text(part: string): string {
    const f = this.files[part];
    if (!f) throw new Error(`no part ${part}`);
    return strFromU8(f);
  }
  names(): string[] {
    return Object.keys(this.files);
  }
  /** Targets of a part's relationships of a type (resolved to part names). */
  rels(part: string, type: string): string[] {
    const relsPart = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
    if (!this.has(relsPart)) return [];
    return [...this.text(relsPart).matchAll(/<Relationship\b[^>]*>/g)]
      .filter((m) => attr(m[0], "Type")!.endsWith(`/${type}`))
      .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(part), attr(m[0], "Target")!)));
  }
  sheetPart(name: string): string {
    const wb = this.text("xl/workbook.xml");
    const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, "name") === name)!;
    const id = attr(tag, "r:id");
    const rels = this.text("xl/_rels/workbook.xml.rels");
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, "Id") === id)!;
    return path.posix.normalize(path.posix.join("xl", attr(rel, "Target")!.replace(/^\/xl\//, "")));
  }
  definedNames(): Map<string, string> {
    return new Map(
      [...this.text("xl/workbook.xml").matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => [attr(m[1]!, "name")!, unescape(m[2]!)]),
    );
  }
}

/**
 * After add-year on the enriched annex, with finalCol mapping an original column of the annex sheet to its column in
 * the output: every range listed in issue 12 (2) where Excel would put it.
 */
export function expectRangesMovedAsExcel(file: string, finalCol: (c: number) => number): void {
  const f = (c: number) => letters(finalCol(c));
  const pkg = new Pkg(file);
  const D = "Suivi fiches actions";
  const names = pkg.definedNames();
  expect(names.get("_xlnm.Print_Area")).toBe(`'${D}'!$A$1:$${f(42)}$46`);
  expect(names.get("_xlnm._FilterDatabase")).toBe(`'${D}'!$A$3:$${f(42)}$45`);
  expect(names.get("_xlnm.Print_Titles")).toBe(`'${D}'!$A:$B,'${D}'!$1:$3`);
  expect(names.get("Budgets")).toBe(`'${D}'!$${f(12)}$4:$${f(12)}$45`);
  expect(names.get("Taux")).toBe("0.5");
  expect(names.get("Externe")).toBe("[1]Feuil1!$A$1");

  const sheet = pkg.sheetPart(D);
  const s = pkg.text(sheet);
  expect(attr(/<dimension\b[^>]*>/.exec(s)![0], "ref")).toBe(`A1:${f(42)}53`);
  // The sheet filter widens; its criteria follow their columns (B stays index 1, Y moves).
  const af = /<autoFilter\b[^>]*>[\s\S]*?<\/autoFilter>/.exec(s)![0];
  expect(attr(af, "ref")).toBe(`A3:${f(42)}45`);
  expect([...af.matchAll(/<filterColumn colId="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, finalCol(25) - 1]);
  // Conditional formats: the rate colour scale stays on the rates, the expression rule's sqref and formula both move.
  const cfs = [...s.matchAll(/<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g)];
  expect(cfs.find((m) => m[2]!.includes("colorScale"))![1]).toContain(`sqref="${f(39)}4:${f(39)}45"`);
  const expr = cfs.find((m) => m[2]!.includes('type="expression"'))!;
  expect(attr(expr[1]!, "sqref")).toBe(`${f(12)}4:${f(12)}45`);
  expect(unescape(/<formula>([^<]*)<\/formula>/.exec(expr[2]!)![1]!)).toBe(`$${f(12)}4>$${f(40)}4`);
  // Validations: the funder list stays on the funder column, the whole-number rule on the FIR amounts.
  const dvs = [...s.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)];
  expect(attr(dvs.find((m) => m[2]!.includes("FIR,ETAT"))![1]!, "sqref")).toBe(`${f(25)}4:${f(25)}45`);
  expect(attr(dvs.find((m) => attr(m[1]!, "type") === "decimal")![1]!, "sqref")).toBe(`${f(30)}4:${f(32)}45`);
  const links = [...s.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => [attr(m[0], "ref"), attr(m[0], "location")]);
  expect(links).toEqual(
    expect.arrayContaining([
      ["B4", "'Synthèse financière'!A1"],
      ["A46", `'${D}'!${f(40)}46`],
    ]),
  );
  const merges = [...s.matchAll(/<mergeCell ref="([^"]*)"/g)].map((m) => m[1]);
  // A merge the insertion falls inside widens (the 2020-2022 masse salariale header gains 2023).
  expect(merges).toEqual(expect.arrayContaining([`${f(13)}2:${letters(finalCol(16))}2`, "A46:K46", `${f(12)}2:${f(12)}3`]));
  // Widths, outline level, hidden column: each with its column; the <col> spans stay ordered and disjoint.
  const cols = [...s.matchAll(/<col\b[^>]*>/g)].map((m) => ({ min: Number(attr(m[0], "min")), max: Number(attr(m[0], "max")), tag: m[0] }));
  const on = (c: number) => cols.filter((x) => x.min <= c && c <= x.max);
  expect(on(7).map((x) => attr(x.tag, "hidden"))).toEqual([expect.stringMatching(/^(1|true)$/)]);
  for (const c of [finalCol(13), finalCol(15)]) expect(on(c).map((x) => attr(x.tag, "outlineLevel"))).toEqual(["1"]);
  expect(on(finalCol(40)).map((x) => Number(attr(x.tag, "width")))).toEqual([15]);
  expect(on(finalCol(2)).map((x) => Number(attr(x.tag, "width")))).toEqual([34]);
  for (let i = 1; i < cols.length; i++) expect(cols[i]!.min).toBeGreaterThan(cols[i - 1]!.max);
  // Page breaks: the column break before Y moves with Y; the row break stays.
  expect([.../<colBreaks\b[^>]*>([\s\S]*?)<\/colBreaks>/.exec(s)![1]!.matchAll(/<brk\b[^>]*>/g)].map((m) => Number(attr(m[0], "id")))).toEqual([
    finalCol(25) - 1,
  ]);
  expect([.../<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(s)![1]!.matchAll(/<brk\b[^>]*>/g)].map((m) => Number(attr(m[0], "id")))).toEqual([30]);
  // Frozen panes stay where they were, as in Excel (LibreOffice's headless save drops them).
  const pane = /<pane\b[^>]*>/.exec(s);
  if (pane) expect(attr(pane[0], "topLeftCell")).toBe("C4");

  // The Excel table below the annex: widened by the column that went through it, a new uniquely named column.
  const table = pkg
    .rels(sheet, "table")
    .map((t) => pkg.text(t))
    .find((x) => x.includes("Suivi_Financeurs"))!;
  expect(attr(/<table\b[^>]*>/.exec(table)![0], "ref")).toBe(`K50:${f(13)}53`);
  expect(f(13)).toBe("N");
  const tcols = [...table.matchAll(/<tableColumn\b[^>]*>/g)].map((m) => ({ id: attr(m[0], "id"), name: attr(m[0], "name") }));
  expect(tcols.map((c) => c.name)).toEqual(["Financeur", "Colonne1", "Montant", "Part"]);
  expect(new Set(tcols.map((c) => c.id)).size).toBe(4);
  expect(cellText(pkg, s, "L50")).toBe("Colonne1");
  const tf = /<autoFilter\b[^>]*>[\s\S]*?(?:<\/autoFilter>|\/>)/.exec(table)![0];
  expect(attr(tf, "ref")).toMatch(/^K50:N5[23]$/);
  expect([...tf.matchAll(/<filterColumn colId="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([3]);
  expect([...s.matchAll(/<c r="N5[12]"[^>]*>\s*<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1])).toEqual(
    Array(2).fill("Suivi_Financeurs[[#This Row],[Montant]]/$M$53"),
  );

  // Charts, notes, pictures.
  const chart = pkg
    .names()
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .map((n) => pkg.text(n))
    .join("");
  expect([...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unescape(m[1]!))).toEqual([
    `'${D}'!$${f(40)}$2`,
    `'${D}'!$B$4:$B$45`,
    `'${D}'!$${f(40)}$4:$${f(40)}$45`,
  ]);
  const comments = pkg.text(pkg.rels(sheet, "comments")[0]!);
  expect([...comments.matchAll(/<comment ref="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(["B5", `${f(40)}4`].sort());
  const vml = pkg.text(pkg.rels(sheet, "vmlDrawing")[0]!);
  expect([...vml.matchAll(/<x:Column>(\d+)<\/x:Column>/g)].map((m) => Number(m[1])).sort((a, b) => a - b)).toEqual([1, finalCol(40) - 1]);
  const drawing = pkg.text(pkg.rels(sheet, "drawing")[0]!);
  const froms = [...drawing.matchAll(/<xdr:from>\s*<xdr:col>(\d+)<\/xdr:col>/g)].map((m) => Number(m[1]));
  expect(froms.sort((a, b) => a - b)).toEqual([0, finalCol(44) - 1]);

  // Cross-sheet formulas of the hidden sheet.
  const listes = pkg.text(pkg.sheetPart("Listes"));
  const formulas = [...listes.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)].map((m) => unescape(m[1]!));
  // The first names the sheet in lower case (LibreOffice writes it back in the sheet's own case).
  expect(formulas[0]!.toLowerCase()).toBe(`SUM('suivi fiches actions'!${f(12)}4:${f(12)}45)`.toLowerCase());
  expect(formulas.slice(1, 4)).toEqual([`'${D}'!${f(40)}46`, `SUM('${D}'!${f(40)}:${f(40)})`, `COUNTA('${D}'!3:3)`]);
  expect(formulas.slice(4)).toEqual(expect.arrayContaining(["Taux*2", "SUM(Budgets)", "SUM(Suivi_Financeurs[Montant])", "SUM(Suivi_Financeurs[Part])"]));
}

/** Text of a cell (shared or inline string). */
export function cellText(pkg: Pkg, sheetXml: string, ref: string): string | null {
  const m = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(sheetXml);
  if (!m) return null;
  const t = attr(`<c${m[1]}>`, "t");
  if (t === "s") {
    const sst = [...pkg.text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((x) =>
      [...x[1]!.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((y) => unescape(y[1]!)).join(""),
    );
    return sst[Number(/<v>(\d+)<\/v>/.exec(m[2] ?? "")![1])] ?? null;
  }
  if (t === "inlineStr") return unescape(/<t\b[^>]*>([^<]*)<\/t>/.exec(m[2] ?? "")?.[1] ?? "");
  return null;
}
