// Workbooks written by tools that do not calculate: openpyxl and many exporters store formulas with no result,
// xlsxwriter caches every formula as 0, and both ask Excel to recalculate on open (fullCalcOnLoad). Excel shows the
// right figures; so must `check`, `fill` and `add-year`: the same findings as on the calculated file, not hundreds of
// false errors. The stripped files are built here from the fixture and from corpus3 annexes.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { FIXTURE_2022 } from "../support/fixtures";
import { readSnapshotFromPackage } from "../../src/xlsx/package/readSnapshot";
import { recognise } from "../../src/core/layout/recognise";
import { planFill } from "../../src/core/compute/fill";
import { planAddYear } from "../../src/core/compute/addYear";
import { generateAnnex } from "../support/corpus3/generate";
import { applicableFaults, injectFault } from "../support/corpus3/faults";
import { cleanup, writeTemp } from "../support/corpus3/evaluate";

jest.setTimeout(120_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-uncalc-"));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  cleanup();
});

type Flavour = "openpyxl" | "xlsxwriter" | "uncached-no-fullcalc" | "zeros-no-fullcalc";
const FORMULA_CELL = /<c\b([^>]*)>(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)(?:<v>[^<]*<\/v>)?<\/c>/g;

/** The file as the tool would have written it: results dropped (openpyxl) or set to 0 (xlsxwriter). */
function flavoured(file: string, flavour: Flavour, patch: (sheetXml: string) => string = (x) => x, suffix = ""): string {
  const parts = unzipSync(fs.readFileSync(file));
  const out: Record<string, Uint8Array> = {};
  const fullCalc = flavour === "openpyxl" || flavour === "xlsxwriter";
  const zeros = flavour === "xlsxwriter" || flavour === "zeros-no-fullcalc";
  for (const [name, data] of Object.entries(parts)) {
    if (name === "xl/calcChain.xml") continue;
    let text: string | null = null;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      text = Buffer.from(data).toString("utf8");
      // A formula cell keeps its formula; its type goes (xlsxwriter writes a number), its result goes or becomes 0.
      text = patch(text.replace(FORMULA_CELL, (_m, attrs: string, f: string) => `<c${attrs.replace(/\s+t="[^"]*"/, "")}>${f}${zeros ? "<v>0</v>" : ""}</c>`));
    } else if (name === "xl/workbook.xml") {
      text = Buffer.from(data)
        .toString("utf8")
        .replace(/\s*fullCalcOnLoad="[^"]*"/g, "");
      if (fullCalc)
        text = /<calcPr\b/.test(text)
          ? text.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"')
          : text.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>');
    } else if (name === "[Content_Types].xml") {
      text = Buffer.from(data)
        .toString("utf8")
        .replace(/<Override[^>]*calcChain[^>]*\/>/g, "");
    } else if (/workbook\.xml\.rels$/.test(name)) {
      text = Buffer.from(data)
        .toString("utf8")
        .replace(/<Relationship[^>]*calcChain[^>]*\/>/g, "");
    }
    out[name] = text === null ? data : Buffer.from(text, "utf8");
  }
  const dest = path.join(tmp, `${path.basename(file, ".xlsx")}-${flavour}${suffix}.xlsx`);
  fs.writeFileSync(dest, zipSync(out));
  return dest;
}

interface Report {
  findings: Array<{ rule: string; severity: string; sheet: string; cell: string; fiche: string | null; message: string }>;
  rows: unknown[];
  tables: unknown[];
  skipped: unknown[];
}

async function check(file: string): Promise<{ code: number; report: Report }> {
  let out = "";
  const code = await main(["check", file, "--format", "json"], { out: (s) => void (out += s), err: () => undefined });
  return { code, report: JSON.parse(out) as Report };
}

/**
 * Findings compared whole (rule, severity, cell, fiche, message, expected, actual). Numbers to 12 significant digits:
 * a total summed in another order than the generator's cache may differ in its last binary digit.
 */
const findingsOf = (r: Report) => r.findings.map((f) => JSON.stringify(f, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)));

describe("the 2022 annex written by a tool that does not calculate", () => {
  let original: { code: number; report: Report };
  beforeAll(async () => {
    original = await check(FIXTURE_2022);
  });

  test.each<Flavour>(["openpyxl", "xlsxwriter", "uncached-no-fullcalc"])("%s: the same findings, rows and tables as the calculated file", async (flavour) => {
    const file = flavoured(FIXTURE_2022, flavour);
    // The stripped file really holds no result (or 0) for its formulas.
    const sheet = Buffer.from(unzipSync(fs.readFileSync(file))["xl/worksheets/sheet2.xml"]!).toString("utf8");
    expect(sheet).toMatch(/<f>SUM\([A-Z]+\d+:[A-Z]+\d+\)<\/f>(<v>0<\/v>)?<\/c>/);
    expect(sheet).not.toMatch(/<f>SUM\(AJ4:AJ45\)<\/f><v>[1-9]/);
    const r = await check(file);
    expect(r.code).toBe(original.code);
    expect(findingsOf(r.report)).toEqual(findingsOf(original.report));
    expect(r.report.rows).toEqual(original.report.rows);
    expect(r.report.tables).toEqual(original.report.tables);
    expect(r.report.skipped).toEqual(original.report.skipped);
  });

  test("shared formulas (a master and dependents holding only its index) stored without results give the same findings", async () => {
    // Every year's CD total (P, T, X…) and the budget (L) of rows 4-45 written once per column, as Excel shares them.
    const share = (x: string) => {
      let si = 0;
      for (const col of ["L", "P", "T", "X", "AC", "AG", "AK"]) {
        const master = new RegExp(`<c r="${col}4"([^>]*)><f>([^<]*)</f>`);
        const m = master.exec(x);
        if (!m) continue;
        x = x.replace(master, `<c r="${col}4"$1><f t="shared" ref="${col}4:${col}45" si="${si}">$2</f>`);
        x = x.replace(new RegExp(`<c r="${col}([5-9]|[1-3]\\d|4[0-5])"([^>]*)><f>[^<]*</f>`, "g"), `<c r="${col}$1"$2><f t="shared" si="${si}"/>`);
        si++;
      }
      return x;
    };
    const file = flavoured(FIXTURE_2022, "openpyxl", share, "-shared");
    const sheet = Buffer.from(unzipSync(fs.readFileSync(file))["xl/worksheets/sheet2.xml"]!).toString("utf8");
    expect(sheet.match(/<f t="shared" si="\d+"\/><\/c>/g)?.length).toBeGreaterThan(200);
    const r = await check(file);
    expect(findingsOf(r.report)).toEqual(findingsOf(original.report));
    expect(r.report.rows).toEqual(original.report.rows);
  });

  test("cached zeros without fullCalcOnLoad are the file's word and are trusted (this comparison can fail)", async () => {
    const r = await check(flavoured(FIXTURE_2022, "zeros-no-fullcalc"));
    expect(findingsOf(r.report)).not.toEqual(findingsOf(original.report));
  });

  test.each<Flavour>(["openpyxl", "xlsxwriter"])(
    "%s: a formula the evaluator cannot compute is unknown: nothing reported on it nor on what it feeds, said once",
    async (flavour) => {
      // Fiche 7's FIR total (row 10) read from another workbook: its budget (L10) and the TOTAL row's L and AC follow it.
      const file = flavoured(FIXTURE_2022, flavour, (x) => x.replace("<f>SUM(Z10:AB10)</f>", "<f>[1]Budget!A1</f>"), "-external");
      const r = await check(file);
      const before = new Set(findingsOf(original.report));
      const after = findingsOf(r.report);
      // Nothing new: no false error from reading the unknown as 0 (or as the cached 0).
      expect(after.filter((f) => !before.has(f))).toEqual([]);
      expect(r.report.findings.filter((f) => f.sheet === "Suivi fiches actions" && /^[A-Z]+10$/.test(f.cell))).toEqual([]);
      expect(r.report.findings.filter((f) => f.sheet === "Suivi fiches actions" && /^(L|AC)46$/.test(f.cell))).toEqual([]);
      // Other rows are still checked.
      expect(r.report.findings.length).toBeGreaterThan(original.report.findings.length / 2);
      const notices = (r.report.skipped as Array<{ rule: string; reason: string }>).filter((x) => /ne sait pas calculer/.test(x.reason));
      expect(new Set(notices.map((x) => x.reason)).size).toBeLessThanOrEqual(1);
      if (after.length < before.size) expect(notices.length).toBeGreaterThan(0);
      expect(notices[0]?.reason ?? "").toMatch(/'Suivi fiches actions'!AC10/);
    },
  );

  test.each<Flavour>(["openpyxl", "xlsxwriter"])("%s: fill and add-year plan exactly what they plan on the calculated file", (flavour) => {
    const file = flavoured(FIXTURE_2022, flavour);
    const plans = (f: string) => {
      const wb = readSnapshotFromPackage(fs.readFileSync(f), f);
      const layout = recognise(wb);
      return { fill: planFill(wb, {}, layout), addYear: planAddYear(wb, {}, layout) };
    };
    const a = plans(FIXTURE_2022);
    const b = plans(file);
    expect(b.fill.edits.length).toBeGreaterThan(0);
    expect(b.fill).toEqual(a.fill);
    expect(b.addYear).toEqual(a.addYear);
  });

  test("openpyxl: the file fill writes checks as the one fill writes from the calculated annex", async () => {
    const file = flavoured(FIXTURE_2022, "openpyxl");
    const outA = path.join(tmp, "rempli-a.xlsx");
    const outB = path.join(tmp, "rempli-b.xlsx");
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(["fill", FIXTURE_2022, "-o", outA], io)).toBe(0);
    expect(await main(["fill", file, "-o", outB], io)).toBe(0);
    const [ra, rb] = [await check(outA), await check(outB)];
    expect(findingsOf(rb.report)).toEqual(findingsOf(ra.report));
    expect(rb.report.rows).toEqual(ra.report.rows);
  });
});

describe("corpus3 annexes written by a tool that does not calculate", () => {
  test.each([1, 4, 9, 15, 22])("seed %i, clean and with its fault: the same findings as the calculated file", async (seed) => {
    const a = generateAnnex(seed);
    const kinds = applicableFaults(a);
    const books = [{ name: `c3-${seed}`, book: a.book }];
    if (kinds.length) books.push({ name: `c3-${seed}-fault`, book: injectFault(a, kinds[seed % kinds.length]!, seed).book });
    for (const { name, book } of books) {
      const file = await writeTemp(book, name);
      const calculated = await check(file);
      for (const flavour of ["openpyxl", "xlsxwriter"] as const) {
        const r = await check(flavoured(file, flavour));
        expect({ name, flavour, findings: findingsOf(r.report) }).toEqual({ name, flavour, findings: findingsOf(calculated.report) });
        expect(r.code).toBe(calculated.code);
      }
    }
  });
});
