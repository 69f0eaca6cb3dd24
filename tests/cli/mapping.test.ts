// Issue #10 item 4 through the CLI: inspect writes a mapping, the user corrects it, check/fill/add-year use it,
// and it still holds after a column is inserted in the file (entries are matched by header text first).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lettersToCol, colToLetters } from "../../src/core/model/a1";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { main } from "../../src/cli/main";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { annexWithOddBudgetHeader, insertColumn } from "../support/corpus/scenarios";
import { writeXlsx } from "../support/xlsxWrite";

jest.setTimeout(30_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-mapping-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out: () => out.join(""), err: () => err.join("") };
}

async function inspectJson(file: string, extra: string[] = []) {
  const c = capture();
  expect(await main(["inspect", file, "--format", "json", ...extra], c.io)).toBe(0);
  return JSON.parse(c.out());
}

test("inspect --format json includes the mapping; once corrected, check reads the column the user named, even after an inserted column", async () => {
  const { a, budget, header } = annexWithOddBudgetHeader();
  const file = path.join(tmp, "odd.xlsx");
  await writeXlsx(a.workbook, file);

  const before = await inspectJson(file);
  expect(before.mapping.version).toBe(1);
  const detailEntries = before.mapping.entries.filter((e: { table: string }) => e.table === "detail");
  expect(detailEntries.length).toBeGreaterThan(10);
  expect(detailEntries.every((e: { sheet: string }) => e.sheet === a.truth.detail.sheet)).toBe(true);
  const beforeDetail = before.tables.find((t: { kind: string }) => t.kind === "detail");
  expect(beforeDetail.columns.budget).toBeUndefined();

  // The user edits the saved JSON: the budget is the column headed « Enveloppe pluriannuelle ».
  const edited = {
    ...before.mapping,
    entries: [...before.mapping.entries, { table: "detail", sheet: a.truth.detail.sheet, key: "budget", header, column: budget }],
  };
  const mapFile = path.join(tmp, "lecture.json");
  fs.writeFileSync(mapFile, JSON.stringify(edited, null, 2));

  const c = capture();
  const code = await main(["check", file, "--format", "json", "--mapping", mapFile], c.io);
  const rep = JSON.parse(c.out());
  expect(rep.tables.find((t: { kind: string }) => t.kind === "detail").columns.budget).toBe(budget);
  expect(rep.skipped.map((s: { rule: string }) => s.rule)).not.toContain("budget-sum");
  expect(rep.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  expect(code).toBe(0);

  // The whole inspect output is accepted as well as the bare mapping.
  const whole = path.join(tmp, "inspect.json");
  fs.writeFileSync(whole, JSON.stringify({ ...before, mapping: edited }));
  const c2 = capture();
  await main(["check", file, "--format", "json", "--mapping", whole], c2.io);
  expect(JSON.parse(c2.out()).tables.find((t: { kind: string }) => t.kind === "detail").columns.budget).toBe(budget);

  // A column inserted before the budget: the saved letter is stale, the header text still finds it.
  const shifted = structuredClone<WorkbookSnapshot>(a.workbook);
  for (const s of shifted.sheets) s.hiddenCols = new Set(a.workbook.sheets.find((x) => x.name === s.name)!.hiddenCols);
  insertColumn(shifted, a.truth.detail.sheet, lettersToCol(budget));
  const shiftedFile = path.join(tmp, "odd-inserted.xlsx");
  await writeXlsx(shifted, shiftedFile);
  const c3 = capture();
  await main(["check", shiftedFile, "--format", "json", "--mapping", mapFile], c3.io);
  const after = JSON.parse(c3.out()).tables.find((t: { kind: string }) => t.kind === "detail");
  expect(after.columns.budget).toBe(colToLetters(lettersToCol(budget) + 1));
});

test("« absente » in the mapping removes a role the reader had taken, and inspect reports it as the user's choice", async () => {
  const { a } = annexWithOddBudgetHeader();
  const file = path.join(tmp, "absent.xlsx");
  await writeXlsx(a.workbook, file);
  const before = await inspectJson(file);
  const theme = a.truth.detail.columns.theme;
  const objectiveType = a.truth.detail.columns.objectiveType;
  const key = objectiveType ? "objectiveType" : "theme";
  expect(objectiveType ?? theme).toBeDefined();
  const mapping = { version: 1, entries: [{ table: "detail", sheet: a.truth.detail.sheet, key, header: null, column: null }] };
  const mapFile = path.join(tmp, "absent.json");
  fs.writeFileSync(mapFile, JSON.stringify(mapping));
  const after = await inspectJson(file, ["--mapping", mapFile]);
  expect(before.tables.find((t: { kind: string }) => t.kind === "detail").columns[key]).toBeDefined();
  expect(after.tables.find((t: { kind: string }) => t.kind === "detail").columns[key]).toBeUndefined();
  expect(after.mapping.entries).toContainEqual({ table: "detail", sheet: a.truth.detail.sheet, key, header: null, column: null });
});

test("fill and add-year accept --mapping and use it", async () => {
  const { a, budget, header } = annexWithOddBudgetHeader();
  const file = path.join(tmp, "fill.xlsx");
  await writeXlsx(a.workbook, file);
  const mapFile = path.join(tmp, "fill.json");
  fs.writeFileSync(mapFile, JSON.stringify({ version: 1, entries: [{ table: "detail", sheet: a.truth.detail.sheet, key: "budget", header, column: budget }] }));
  const out = path.join(tmp, "filled.xlsx");
  const c = capture();
  // --force: the generated annex already holds rate formulas; ours replace them, written from the mapped budget column.
  expect(await main(["fill", file, "-o", out, "--force", "--mapping", mapFile], c.io)).toBe(0);
  const filled = (await readXlsx(out)).snapshot;
  const t = a.truth.detail;
  const firstRow = Object.values(t.fiches)[0]![0]!;
  const gap = filled.sheets.find((s) => s.name === t.sheet)!.cells[firstRow - 1]![lettersToCol(t.columns.gap!) - 1]!;
  // The gap formula refers to the budget column the user named.
  expect(gap.formula).toContain(`${budget}${firstRow}`);
  const c2 = capture();
  expect(await main(["add-year", file, "--dry-run", "--mapping", mapFile], c2.io)).toBe(0);
});

test.each([
  ["a missing file", null, /introuvable/],
  ["text that is not JSON", "{ pas du json", /pas du JSON valide/],
  ["a wrong version", JSON.stringify({ version: 2, entries: [] }), /version/],
  ["an unknown role", JSON.stringify({ version: 1, entries: [{ table: "detail", sheet: "X", key: "banane", header: null, column: "B" }] }), /rôle/],
  [
    "a sheet the workbook does not have",
    JSON.stringify({ version: 1, entries: [{ table: "detail", sheet: "Feuille inconnue", key: "budget", header: null, column: "B" }] }),
    /n'existe pas dans ce classeur/,
  ],
])("a bad mapping file (%s): French message, exit 2, no report", async (_what, body, re) => {
  const { a } = annexWithOddBudgetHeader();
  const file = path.join(tmp, "bad.xlsx");
  await writeXlsx(a.workbook, file);
  const mapFile = path.join(tmp, `bad-${Math.random().toString(36).slice(2)}.json`);
  if (body !== null) fs.writeFileSync(mapFile, body);
  for (const cmd of [
    ["check", file],
    ["inspect", file],
    ["fill", file, "--dry-run"],
    ["add-year", file, "--dry-run"],
  ]) {
    const c = capture();
    expect(await main([...cmd, "--mapping", mapFile], c.io)).toBe(2);
    expect(c.err()).toMatch(re);
    expect(c.err()).toMatch(/correspondance/);
    expect(c.out()).not.toContain('"findings"');
  }
});
