// The CSV a controller opens in a spreadsheet: LibreOffice Calc must read every neutralised cell as text, not run it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { csvToXlsx } from "../support/libreoffice";
import { FIXTURE_2022 } from "../support/fixtures";

jest.setTimeout(120_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-csv-lo-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("no cell of the check CSV becomes a formula in LibreOffice, the sample's =SUM(…) included", async () => {
  const out: string[] = [];
  await main(["check", FIXTURE_2022, "--format", "csv"], { out: (s) => void out.push(s), err: () => undefined });
  // Hostile texts as a finding could carry them (a sheet named by the user, a typed text), one per line.
  const hostile = ["=1+1", "+1+1", "-1+1", "@SUM(1;1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://exemple.invalid";"clic")'];
  const { csvField } = await import("../../src/cli/commands/check");
  const csv = out.join("") + hostile.map((h) => ["piege.xlsx", "year-sum", "error", h, "A1", "1", h, "", ""].map(csvField).join(";")).join("\r\n") + "\r\n";
  const file = path.join(tmp, "constats.csv");
  fs.writeFileSync(file, csv);
  const xlsx = csvToXlsx(file, path.join(tmp, "lo"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const formulas: string[] = [];
  const texts: string[] = [];
  wb.worksheets[0]!.eachRow((row) =>
    row.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula || c.formula) formulas.push(`${c.address}: ${c.formula}`);
      if (typeof c.value === "string") texts.push(c.value);
    }),
  );
  expect(formulas).toEqual([]);
  expect(texts.some((t) => t.includes("=SUM(I46:I52)"))).toBe(true);
  for (const h of ["=1+1", "@SUM(1;1)", "=HYPERLINK"]) expect(texts.some((t) => t.includes(h))).toBe(true);
});
