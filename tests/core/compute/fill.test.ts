import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { planFill } from "../../../src/core/compute/fill";
import { recognise } from "../../../src/core/layout/recognise";
import { applyPlanToExcelJs } from "../../../src/xlsx/applyPlan";
import { snapshotOfWorkbook } from "../../../src/xlsx/readWorkbook";
import { checkAnnex } from "../../../src/core/check";
import { NO_BUDGET_MARKER } from "../../../src/messages/fr";
import { FIXTURE_2022, FIXTURE_2022_PUBLISHED, truth } from "../../support/fixtures";
import { recalc } from "../../support/libreoffice";
import { cellAt, changedCells, snap, valueAt } from "../../support/workbookDiff";
import { main } from "../../../src/cli/main";

jest.setTimeout(240_000);

const D = "Suivi fiches actions";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-fill-"));
const filled = path.join(tmp, "rempli.xlsx");
const silent = { out: () => undefined, err: () => undefined };
let recalculated: string;

beforeAll(async () => {
  expect(await main(["fill", FIXTURE_2022, "-o", filled], silent)).toBe(0);
  recalculated = recalc([filled], path.join(tmp, "lo"))[0]!;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type TruthRow = Record<string, number | null> & { fiche: number | null };

test("after fill and a LibreOffice recalculation, every fiche's rates and gap equal the figures of annex-2022.json", async () => {
  const wb = await snap(recalculated);
  const layout = recognise(wb);
  const t = layout.detail!;
  const rows = truth().detail.rows as unknown as TruthRow[];
  const byFiche = new Map(t.rows.filter((r) => r.kind === "fiche").map((r) => [Number(r.fiche), r.row]));
  let compared = 0;
  for (const tr of rows) {
    if (tr.fiche === null) continue;
    const row = byFiche.get(tr.fiche)!;
    const n = (k: string) => Number(tr[k] ?? 0);
    const planned = n("cd2022") + n("fir2022") + n("etat2022") + n("ondam2022");
    const rate = valueAt(wb, D, row, t.columns.rateLastYear!);
    const rateG = valueAt(wb, D, row, t.columns.rateGlobal!);
    const gap = valueAt(wb, D, row, t.columns.gap!);
    // The rebuilt workbook stores fiches 1 and 7 with 0.40 € hidden cents: 1 € tolerance on amounts.
    expect(Math.abs(Number(gap) - (n("budget") - n("realisedSinceStart")))).toBeLessThanOrEqual(1);
    // LibreOffice stores an empty-string result that reads back as null: either is the empty-looking cell.
    const empty = [null, ""];
    if (planned === 0) {
      if (n("realisedLastYear") > 0) expect(rate).toBe(NO_BUDGET_MARKER);
      else expect(empty).toContain(rate);
    }
    if (planned !== 0) {
      expect(rate as number).toBeCloseTo(n("realisedLastYear") / planned, 5);
      // Round to the printed percentage wherever the printed one is right.
      expect(Math.round((rate as number) * 100)).toBe(Math.round((tr.rateLastYear as number) * 100));
      compared++;
    }
    if (n("budget") === 0) {
      if (n("realisedSinceStart") > 0) expect(rateG).toBe(NO_BUDGET_MARKER);
      else expect(empty).toContain(rateG);
    }
    if (n("budget") !== 0) {
      expect(rateG as number).toBeCloseTo(n("realisedSinceStart") / n("budget"), 5);
      expect(Math.round((rateG as number) * 100)).toBe(Math.round((tr.rateGlobal as number) * 100));
    }
  }
  expect(compared).toBeGreaterThan(35);
});

test("the TOTAL row gives 103 %, 68 % and 9 864 426 €", async () => {
  const wb = await snap(recalculated);
  const t = recognise(wb).detail!;
  expect(Math.round((valueAt(wb, D, 46, t.columns.rateLastYear!) as number) * 100)).toBe(103);
  expect(Math.round((valueAt(wb, D, 46, t.columns.rateGlobal!) as number) * 100)).toBe(68);
  expect(Math.round(valueAt(wb, D, 46, t.columns.gap!) as number)).toBe(9864426);
});

test("fiche 8 (197 500 € spent, 0 € planned in 2022) shows a marker, not a misleading 0 %", async () => {
  const wb = await snap(recalculated);
  expect(valueAt(wb, D, 11, 39)).toBe(NO_BUDGET_MARKER);
  expect(cellAt(wb, D, 11, 39)?.formula).toMatch(/^IF\(/);
});

test("the written cells are live formulas on the row's own cells, percent format for rates", async () => {
  const wb = await snap(filled);
  expect(cellAt(wb, D, 4, 39)).toMatchObject({ formula: 'IF((W4+AB4+AF4+AJ4)=0,IF(N(AL4)=0,"","sans budget"),AL4/(W4+AB4+AF4+AJ4))', numFmt: "0%" });
  expect(cellAt(wb, D, 4, 41)).toMatchObject({ formula: 'IF(L4=0,IF(N(AN4)=0,"","sans budget"),AN4/L4)', numFmt: "0%" });
  expect(cellAt(wb, D, 4, 42)?.formula).toBe("L4-AN4");
  expect(cellAt(wb, D, 46, 42)?.formula).toBe("L46-AN46");
  // The continuation row of fiche 29 carries no money: left alone.
  expect(cellAt(wb, D, 33, 39)).toBeUndefined();
});

test("nothing but the rate and gap cells changed (values, formulas and formats)", async () => {
  const before = await snap(FIXTURE_2022);
  const after = await snap(filled);
  const targets = new Set(planFill(before).edits.map((e) => (e.kind === "setFormula" ? `${e.sheet}!${e.row}:${e.col}` : "")));
  expect(targets.size).toBe(126);
  expect(
    changedCells(
      before,
      after,
      (_s, _r, c) => c,
      (s, r, c) => targets.has(`${s}!${r}:${c}`),
      "all",
    ),
  ).toEqual([]);
});

test("running fill twice changes nothing the second time", async () => {
  const again = planFill(await snap(filled));
  expect(again.edits).toEqual([]);
  expect(again.stats.unchanged).toBe(126);
  expect(again.conflicts).toEqual([]);
});

test("after fill, check finds no rate-mismatch and no new error", async () => {
  const before = checkAnnex(await snap(FIXTURE_2022));
  const after = checkAnnex(await snap(recalculated));
  expect(after.findings.filter((f) => f.rule === "rate-mismatch")).toEqual([]);
  expect(after.counts.error).toBe(before.counts.error);
});

test("a user's constant that differs from the computed value is kept unless forced, and listed", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE_2022_PUBLISHED);
  const snapshot = snapshotOfWorkbook(wb);
  const plan = planFill(snapshot);
  // The published annex prints 0 % for fiche 8 (rate undefined) and for fiche 39 and 29, whose rates are undefined or differ.
  expect(plan.conflicts.map((c) => c.cell)).toEqual(expect.arrayContaining(["AM11"]));
  for (const c of plan.conflicts) expect(c.reason).toBe("user-value");
  expect(plan.edits.some((e) => e.kind === "setFormula" && e.row === 11 && e.col === 39)).toBe(false);
  // Printed values equal to the computed ones are replaced by live formulas without asking.
  expect(plan.edits.some((e) => e.kind === "setFormula" && e.row === 4 && e.col === 39)).toBe(true);
  const forced = planFill(snapshot, { force: true });
  expect(forced.edits.some((e) => e.kind === "setFormula" && e.row === 11 && e.col === 39)).toBe(true);
  applyPlanToExcelJs(wb, plan);
  expect(wb.getWorksheet(D)!.getCell("AM11").value).toBe(0);
});

test("cdppe fill --dry-run prints the plan in French and writes nothing; the input is never the output", async () => {
  const out: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) };
  const target = path.join(tmp, "jamais.xlsx");
  expect(await main(["fill", FIXTURE_2022_PUBLISHED, "--dry-run", "-o", target], io)).toBe(0);
  expect(fs.existsSync(target)).toBe(false);
  expect(out.join("")).toContain("Simulation : rien n'a été écrit.");
  expect(out.join("")).toMatch(/AM11 : valeur saisie différente du calcul \(« 0 »\) — conservée/);
  const err: string[] = [];
  expect(await main(["fill", FIXTURE_2022, "-o", FIXTURE_2022], { out: () => undefined, err: (s) => void err.push(s) })).toBe(2);
  expect(err.join("")).toContain("différent du fichier d'entrée");
});
