// The package reader gives the same snapshot as the ExcelJS reader it replaces for fill and add-year.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../../src/xlsx/readWorkbook";
import { readSnapshotFromPackage } from "../../../src/xlsx/package/readSnapshot";
import { FIXTURE_2022, FIXTURE_2022_PUBLISHED } from "../../support/fixtures";
import { generateAnnex } from "../../support/annexGenerator";
import { writeXlsx } from "../../support/xlsxWrite";
import { recalc } from "../../support/libreoffice";
import { enrichedAnnex } from "./enrichedAnnex";

jest.setTimeout(120_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-read-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `alsoProtected`: sheets LibreOffice protected (sheet="true"), which ExcelJS did not see and this reader does. */
async function same(file: string, alsoProtected: string[] = []): Promise<void> {
  const a = (await readXlsx(file)).snapshot;
  const b = readSnapshotFromPackage(fs.readFileSync(file), file);
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  for (let i = 0; i < a.sheets.length; i++) {
    const sa = a.sheets[i]!;
    const sb = b.sheets[i]!;
    expect([sb.name, sb.rowCount, sb.colCount, sb.protected, sb.defaultColWidth]).toEqual([
      sa.name,
      sa.rowCount,
      sa.colCount,
      sa.protected || alsoProtected.includes(sa.name),
      sa.defaultColWidth,
    ]);
    expect(sb.merges).toEqual(sa.merges);
    expect([...sb.hiddenCols].sort()).toEqual([...sa.hiddenCols].sort());
    expect([...sb.hiddenRows].sort()).toEqual([...sa.hiddenRows].sort());
    expect(sb.colWidths).toEqual(sa.colWidths);
    for (let r = 0; r < sa.rowCount; r++) {
      for (let c = 0; c < sa.colCount; c++) {
        const ca = sa.cells[r]?.[c];
        const cb = sb.cells[r]?.[c];
        expect([sa.name, r + 1, c + 1, cb]).toEqual([sa.name, r + 1, c + 1, ca]);
      }
    }
  }
}

test.each([
  ["2022", FIXTURE_2022],
  ["2022 publiée", FIXTURE_2022_PUBLISHED],
])("annexe %s: same snapshot as ExcelJS", async (_n, f) => same(f));

test("enriched annex (hidden, protected sheet, inline strings, external formula): same snapshot", async () => {
  enrichedAnnex(path.join(tmp, "e.xlsx"));
  await same(path.join(tmp, "e.xlsx"));
});

test("generated annexes with varied layouts: same snapshot", async () => {
  for (const seed of [1, 2, 3]) {
    const g = generateAnnex({ fiches: 60, years: [2020, 2021, 2022], seed });
    const f = path.join(tmp, `g${seed}.xlsx`);
    await writeXlsx(g.workbook, f);
    await same(f);
  }
});

test("the same annex saved by LibreOffice: same snapshot, and its protected sheet seen as protected", async () => {
  enrichedAnnex(path.join(tmp, "lo.xlsx"));
  const [lo] = recalc([path.join(tmp, "lo.xlsx")], path.join(tmp, "out"));
  await same(lo!, ["Listes"]);
});
