// The package reader gives the same snapshot as the ExcelJS reader it replaces for fill and add-year.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../../src/xlsx/readWorkbook";
import { readSnapshotFromPackage } from "../../../src/xlsx/package/readSnapshot";
import { CellLimitError } from "../../../src/xlsx/package/errors";
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
  // Stored results as they are: ExcelJS does not calculate (the calculated read is compared below).
  const b = readSnapshotFromPackage(fs.readFileSync(file), file, undefined, { calculate: false });
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

test.each([
  ["2022", FIXTURE_2022],
  ["2022 publiée", FIXTURE_2022_PUBLISHED],
])("annexe %s asks for a full recalculation on load: every formula computed gives Excel's stored result", (_n, f) => {
  const stored = readSnapshotFromPackage(fs.readFileSync(f), f, undefined, { calculate: false });
  const calculated = readSnapshotFromPackage(fs.readFileSync(f), f);
  expect(stored.sheets.flatMap((s) => s.cells.flat()).filter((c) => c?.formula).length).toBeGreaterThan(400);
  expect(calculated).toEqual(stored);
});

test("enriched annex read for the rules: a stored 0 recalculated on load is computed; what cannot be computed keeps its stored result", () => {
  const f = path.join(tmp, "e2.xlsx");
  enrichedAnnex(f);
  const wb = readSnapshotFromPackage(fs.readFileSync(f), f);
  const at = (sheet: string, row: number, col: number) => wb.sheets.find((s) => s.name === sheet)!.cells[row - 1]![col - 1];
  const detail = wb.sheets.find((s) => s.name === "Suivi fiches actions")!;
  let budget = 0;
  for (let r = 4; r <= 45; r++) budget += Number(detail.cells[r - 1]?.[11]?.value ?? 0);
  expect(at("Listes", 1, 1)).toEqual({ formula: "SUM('suivi fiches actions'!L4:L45)", value: budget });
  expect(budget).toBeGreaterThan(0);
  expect(at("Suivi fiches actions", 51, 13)).toEqual({ formula: "Suivi_Financeurs[[#This Row],[Montant]]/$L$53", value: 0.25 });
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

test("maxCells: a read holding more cells than allowed is refused with the count of them all, one at the limit is read", () => {
  const bytes = fs.readFileSync(FIXTURE_2022);
  const whole = readSnapshotFromPackage(bytes, FIXTURE_2022);
  let kept = 0;
  for (const s of whole.sheets) for (const row of s.cells) for (const c of row ?? []) if (c) kept++;
  expect(readSnapshotFromPackage(bytes, FIXTURE_2022, undefined, { maxCells: kept }).sheets.map((s) => s.name)).toEqual(whole.sheets.map((s) => s.name));
  for (const limit of [0, 10, kept - 1]) {
    let thrown: unknown;
    try {
      readSnapshotFromPackage(bytes, FIXTURE_2022, undefined, { maxCells: limit });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CellLimitError);
    expect((thrown as CellLimitError).count).toBe(kept);
  }
  // The limit holds for that read only: the next one keeps every cell again.
  expect(readSnapshotFromPackage(bytes, FIXTURE_2022)).toEqual(whole);
});
