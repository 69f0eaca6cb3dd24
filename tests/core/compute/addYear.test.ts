import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { planAddYear, extendYearText, extendFormula } from "../../../src/core/compute/addYear";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { AnnexLayout, TableLayout } from "../../../src/core/layout/types";
import { lettersToCol } from "../../../src/core/model/a1";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { checkAnnex } from "../../../src/core/check";
import type { EditPlan } from "../../../src/core/plan/types";
import { FIXTURE_2022 } from "../../support/fixtures";
import { recalc } from "../../support/libreoffice";
import { changedCells, snap, valueAt, writtenCells } from "../../support/workbookDiff";
import { main } from "../../../src/cli/main";

jest.setTimeout(240_000);

const D = "Suivi fiches actions";
const S = "Synthèse financière";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-year-"));
const added = path.join(tmp, "annexe-2023.xlsx");
const typed = path.join(tmp, "annexe-2023-saisie.xlsx");
const original = path.join(tmp, "annexe-2022.xlsx");
let before: WorkbookSnapshot;
let after: WorkbookSnapshot;
let afterTyped: WorkbookSnapshot;
let plan: EditPlan;
let lb: AnnexLayout;
let la: AnnexLayout;
const out: string[] = [];

beforeAll(async () => {
  fs.copyFileSync(FIXTURE_2022, original);
  expect(await main(["add-year", FIXTURE_2022, "--year", "2023", "-o", added], { out: (s) => void out.push(s), err: (s) => void out.push(s) })).toBe(0);
  plan = planAddYear(await snap(FIXTURE_2022));
  // A copy where staff type 2023 amounts: fiche 1 (row 4) and fiche 31 (row 35).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(added);
  const ws = wb.getWorksheet(D)!;
  const cols = columnLetters(recognise(await snap(added)).detail!);
  ws.getCell(`${cols.ms2023}4`).value = 10000;
  ws.getCell(`${cols.dgas2023}4`).value = 5000;
  ws.getCell(`${cols.fir2023}4`).value = 20000;
  ws.getCell(`${cols.realised2023}4`).value = 30000;
  ws.getCell(`${cols.ondam2023}35`).value = 50000;
  await wb.xlsx.writeFile(typed);
  const [o, a, t] = recalc([original, added, typed], path.join(tmp, "lo"));
  before = await snap(o!);
  after = await snap(a!);
  afterTyped = await snap(t!);
  lb = recognise(before);
  la = recognise(after);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const header = (wb: WorkbookSnapshot, t: TableLayout, key: string): string => {
  const col = lettersToCol(columnLetters(t)[key]!);
  const texts = t.headerRows.map((r) => valueAt(wb, t.sheet, r, col)).filter((x) => x !== null);
  return texts.map(String).join(" | ");
};

test("one new 2023 column in every yearly block of both tables, headers written, recognised again", () => {
  expect(la.detail!.years).toEqual([2020, 2021, 2022, 2023]);
  expect(la.summary!.years).toEqual([2020, 2021, 2022, 2023]);
  expect(la.detail!.missing).toEqual([]);
  expect(la.detail!.rows.filter((r) => r.kind === "fiche")).toHaveLength(41);
  const d = columnLetters(la.detail!);
  for (const b of ["indicator", "ms", "dgas", "cd", "fir", "etat", "ondam"]) expect(d[`${b}2023`]).toBeDefined();
  expect(header(after, la.detail!, "cd2023")).toContain("Total CD 2023");
  expect(header(after, la.detail!, "ms2023")).toContain("2023");
  expect(out.join("")).toContain("12 colonne(s) insérée(s)");
});

test("history is kept, never relabelled: 2022 realisations stay under 2022, 2023 columns beside them", () => {
  const t = la.detail!;
  expect(header(after, t, "realised2022")).toBe("Réalisations en 2022");
  expect(header(after, t, "rate2022")).toBe("Niveau d'exécution budgétaire au titre de l'année 2022");
  expect(header(after, t, "realised2023")).toBe("Réalisations en 2023");
  expect(header(after, t, "rate2023")).toBe("Niveau d'exécution budgétaire au titre de l'année 2023");
  expect(header(after, t, "realisedTo2022")).toBe("Réalisations au 31/12/2022");
  expect(header(after, t, "realisedSinceStart")).toBe("Réalisation depuis 2020");
  expect(header(after, t, "rateGlobal")).toBe("Niveau d'exécution budgétaire globale (au 31/12/23)");
  expect(header(after, t, "budget")).toBe("Moyen financiers prévisionnels (2020, 2021, 2022, 2023)");
  const s = la.summary!;
  expect(header(after, s, "consumedTo2021")).toBe("Budget consommé au 31/12/ 2021");
  expect(header(after, s, "consumedIn2022")).toBe("Budget consommé en 2022");
  expect(header(after, s, "consumedTo2022")).toBe("Budget consommé au 31/12/ 2022");
  expect(header(after, s, "consumedIn2023")).toBe("Budget consommé en 2023");
  expect(header(after, s, "consumedSinceStart")).toBe("Budget consommé 2020-2023");
});

test("no existing amount is lost, moved to another row, or found under another year's header", () => {
  let compared = 0;
  for (const [tb, ta] of [
    [lb.detail!, la.detail!],
    [lb.summary!, la.summary!],
  ] as const) {
    const cb = columnLetters(tb);
    const ca = columnLetters(ta);
    // Role keys whose meaning follows "last year" are compared through their year-stamped key instead.
    const keys = Object.keys(cb).filter((k) => !["realisedLastYear", "rateLastYear", "consumedLastYear", "consumedPrior", "rateGlobal", "gap"].includes(k));
    for (const r of tb.rows) {
      if (r.kind === "title" || r.kind === "blank") continue;
      for (const k of keys) {
        const vb = valueAt(before, tb.sheet, r.row, lettersToCol(cb[k]!));
        const va = valueAt(after, ta.sheet, r.row, lettersToCol(ca[k]!));
        if (typeof vb === "number") expect([k, r.row, va]).toEqual([k, r.row, expect.closeTo(vb, 6)]);
        else expect([k, r.row, va]).toEqual([k, r.row, vb]);
        compared++;
      }
      // The former cumulative is kept, as a value, under "au 31/12/2022".
      const since = tb.kind === "detail" ? "realisedSinceStart" : "consumedSinceStart";
      const prior = tb.kind === "detail" ? "realisedTo2022" : "consumedTo2022";
      const old = valueAt(before, tb.sheet, r.row, lettersToCol(cb[since]!));
      if (typeof old === "number") expect(valueAt(after, ta.sheet, r.row, lettersToCol(ca[prior]!))).toBeCloseTo(old, 6);
    }
  }
  expect(compared).toBeGreaterThan(2000);
});

test("a before/after comparison of every cell the plan does not write shows nothing else changed", () => {
  const inserts = plan.edits.filter((e): e is Extract<typeof e, { kind: "insertColumns" }> => e.kind === "insertColumns");
  const finalCol = (sheet: string, _row: number, col: number) => col + inserts.filter((i) => i.sheet === sheet && i.at <= col).reduce((a, i) => a + i.count, 0);
  const targets = new Set(writtenCells(plan).map((c) => `${c.sheet}!${c.row}:${c.col}`));
  const changed = changedCells(before, after, finalCol, (s, r, c) => targets.has(`${s}!${r}:${finalCol(s, r, c)}`));
  expect(changed).toEqual([]);
});

test("typing 2023 amounts into the new columns: totals, Total CD, Moyens, TOTAL row and rates include them", () => {
  const t = la.detail!;
  const c = (k: string) => lettersToCol(columnLetters(t)[k]!);
  const v = (wb: WorkbookSnapshot, row: number, k: string) => valueAt(wb, D, row, c(k)) as number;
  expect(v(afterTyped, 4, "msTotal")).toBeCloseTo(v(after, 4, "msTotal") + 10000, 6);
  expect(v(afterTyped, 4, "cd2023")).toBe(15000);
  expect(v(afterTyped, 4, "cdTotal")).toBeCloseTo(v(after, 4, "cdTotal") + 15000, 6);
  expect(v(afterTyped, 4, "firTotal")).toBeCloseTo(v(after, 4, "firTotal") + 20000, 6);
  expect(v(afterTyped, 4, "budget")).toBeCloseTo(v(after, 4, "budget") + 35000, 6);
  expect(v(afterTyped, 35, "ondamTotal")).toBeCloseTo(v(after, 35, "ondamTotal") + 50000, 6);
  expect(v(afterTyped, 46, "ms2023")).toBe(10000);
  expect(v(afterTyped, 46, "ondam2023")).toBe(50000);
  expect(v(afterTyped, 46, "budget")).toBeCloseTo(v(after, 46, "budget") + 85000, 6);
  expect(v(afterTyped, 4, "rate2023")).toBeCloseTo(30000 / 35000, 9);
  expect(v(afterTyped, 4, "realisedSinceStart")).toBeCloseTo(v(after, 4, "realisedSinceStart") + 30000, 6);
  expect(v(afterTyped, 4, "realisedTo2022")).toBeCloseTo(v(after, 4, "realisedTo2022"), 6);
  expect(v(afterTyped, 46, "realised2023")).toBe(30000);
  expect(v(afterTyped, 46, "rate2023")).toBeCloseTo(30000 / 85000, 9);
});

test("after add-year, cdppe check reports no finding that was not there before", () => {
  const key = (l: AnnexLayout, f: { rule: string; severity: string; sheet: string; cell: string; fiche: string | null }) => {
    const t = [l.detail!, l.summary!].find((x) => x.sheet === f.sheet)!;
    const letters = Object.entries(columnLetters(t));
    const col = f.cell.replace(/\d+$/, "");
    // The same column, by its year-stamped role ("ondam2022"), so that moved columns compare equal.
    let role =
      letters
        .filter(([, c]) => c === col)
        .map(([k]) => k)
        .sort()
        .find((k) => /\d{4}$/.test(k)) ?? letters.find(([, c]) => c === col)?.[0];
    // "au 31/12/2022" holds the former cumulative, figure for figure: a finding there is the cumulative's own.
    if (role === "realisedTo2022") role = "realisedSinceStart";
    if (role === "consumedTo2022") role = "consumedSinceStart";
    return `${f.rule}|${f.severity}|${f.sheet}|${f.cell.replace(/^[A-Z]+/, "")}|${role}`;
  };
  const beforeKeys = new Set(checkAnnex(before).findings.map((f) => key(lb, f)));
  const newOnes = checkAnnex(after)
    .findings.map((f) => key(la, f))
    .filter((k) => !beforeKeys.has(k));
  expect(newOnes).toEqual([]);
});

test("the year must be the next one; a protected sheet or an annex without years is refused, nothing planned", async () => {
  const s = await snap(FIXTURE_2022);
  expect(planAddYear(s, { year: 2022 })).toMatchObject({ blocked: true, edits: [] });
  expect(planAddYear(s, { year: 2025 }).notes[0]).toContain("ajoutez 2023");
  s.sheets.find((x) => x.name === D)!.protected = true;
  expect(planAddYear(s).notes[0]).toContain("protégée");
  const err: string[] = [];
  expect(await main(["add-year", FIXTURE_2022, "--year", "2025", "-o", path.join(tmp, "x.xlsx")], { out: () => undefined, err: (x) => void err.push(x) })).toBe(
    2,
  );
  expect(err.join("")).toContain("ne suit pas la dernière année");
  expect(fs.existsSync(path.join(tmp, "x.xlsx"))).toBe(false);
});

test("header and formula helpers", () => {
  expect(extendYearText("Total masse salariale (2020, 2021, 2022)", 2022, 2023)).toBe("Total masse salariale (2020, 2021, 2022, 2023)");
  expect(extendYearText("Budget consommé 2020-2022", 2022, 2023)).toBe("Budget consommé 2020-2023");
  expect(extendYearText("Niveau (au 31/12/22)", 2022, 2023)).toBe("Niveau (au 31/12/23)");
  expect(extendYearText("Réalisations en 2022", 2022, 2023)).toBe("Réalisations en 2022");
  expect(extendFormula("SUM(M4:O4)", "S", 4, 15, 16)).toBe("SUM(M4:P4)");
  expect(extendFormula("M4+N4+O4", "S", 4, 15, 16)).toBe("M4+N4+O4+P4");
  expect(extendFormula("SUM(M4:M45)", "S", 46, 15, 16)).toBeNull();
});

test("sheet names in output and input are untouched", () => {
  expect(after.sheets.map((s) => s.name)).toEqual([S, D]);
});
