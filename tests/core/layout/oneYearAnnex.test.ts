// corpus10 (seeds 537, 559; 191, 499, 554): in an annex covering a single year, the budget and that year's planned
// total are the same money, and so are the year's realisations and the cumulative (spec §3). « Budget 2025 » as the
// whole budget, and two execution groups naming the same year (« Exécution 2025 » / « Consommation 2025 », each with
// its amount and rate), were left unread. The annex's one year and the table's arithmetic settle them; when neither
// the words nor the figures do, nothing is guessed.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols, type MiniCol, type MiniFiche } from "../miniAnnex";

const YEAR = 2025;

function oneYearFiches(sinceDiffers = false): MiniFiche[] {
  return fiches(5).map((f, i) => {
    const one = (xs: number[]) => [xs[1]!];
    const g = { ...f, ms: one(f.ms), dgas: one(f.dgas), fir: one(f.fir), etat: one(f.etat), ondam: one(f.ondam) };
    return { ...g, realisedSince: sinceDiffers ? g.realisedLast + 1000 * (i + 1) : g.realisedLast };
  });
}

/** The standard one-year columns without the blocks' totals (one year: the year is the total). */
const oneYearCols = () => standardCols([YEAR]).filter((c) => !/Total$/.test(c.key) || c.key === "cdTotal");

const issues = (wb: Parameters<typeof checkAnnex>[0]) =>
  checkAnnex(wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

describe("« Budget YYYY » as the whole budget of a one-year annex", () => {
  const withHead = (head: string): MiniCol[] => oneYearCols().map((c) => (c.key === "budget" ? { head, key: "budget" } : c));

  test.each([`Budget ${YEAR}`, `BUDGET ${YEAR}`])("« %s », equal to CD + FIR + ETAT + ONDAM on every fiche: the budget", (head) => {
    const m = miniDetail({ fiches: oneYearFiches(), years: [YEAR], cols: withHead(head), total: true });
    const d = recognise(m.wb).detail!;
    expect(d.columns.budget === undefined ? null : colToLetters(d.columns.budget)).toBe(m.colOf.budget);
    expect(issues(m.wb)).toEqual([]);
  });

  test("a wrong budget on one fiche is that fiche's budget-sum error, the column still read", () => {
    const fs = oneYearFiches();
    const m = miniDetail({ fiches: fs, years: [YEAR], cols: withHead(`Budget ${YEAR}`), valueFor: (f, k) => (k === "budget" && f.n === 3 ? 99999 : undefined) });
    expect(recognise(m.wb).detail!.columns.budget).toBeDefined();
    const at = `Suivi fiches actions!${m.colOf.budget}${m.rowOfFiche.get("3")}`;
    expect(issues(m.wb)).toContain(`budget-sum ${at}`);
    expect(issues(m.wb).filter((x) => x.startsWith("layout-incomplete"))).toEqual([]);
  });

  test("a « Budget 2025 » the arithmetic refutes is not read as the budget, and says nothing false", () => {
    const m = miniDetail({ fiches: oneYearFiches(), years: [YEAR], cols: withHead(`Budget ${YEAR}`), valueFor: (f, k) => (k === "budget" ? 1000 + Number(f.n) * 37 : undefined) });
    expect(recognise(m.wb).detail!.columns.budget).toBeUndefined();
    expect(issues(m.wb).filter((x) => !x.startsWith("layout-incomplete"))).toEqual([]);
  });

  test("in an annex of two years, « Budget 2025 » stays unread (it may be the year's planned total)", () => {
    const years = [YEAR - 1, YEAR];
    const cols = standardCols(years).map((c) => (c.key === "budget" ? { head: `Budget ${YEAR}`, key: "budget" } : c));
    const m = miniDetail({ years, cols });
    expect(recognise(m.wb).detail!.columns.budget).toBeUndefined();
  });
});

describe("two execution groups naming the single year", () => {
  const execCols = (groups: [string, string], rates: [string, string]): MiniCol[] =>
    oneYearCols().flatMap((c): MiniCol[] => {
      if (c.key === "realisedLastYear") return [{ group: groups[0], head: "Montant", key: "realisedLastYear" }];
      if (c.key === "rateLastYear") return [{ group: groups[0], head: rates[0], key: "rateLastYear" }];
      if (c.key === "realisedSinceStart") return [{ group: groups[1], head: "Montant", key: "realisedSinceStart" }];
      if (c.key === "rateGlobal") return [{ group: groups[1], head: rates[1], key: "rateGlobal" }];
      return [c];
    });
  const read = (m: ReturnType<typeof miniDetail>) => {
    const d = recognise(m.wb).detail!;
    const at = (c: number | undefined) => (c === undefined ? null : colToLetters(c));
    return {
      realisedLastYear: at(d.columns.realisedLastYear),
      rateLastYear: at(d.columns.rateLastYear),
      realisedSinceStart: at(d.columns.realisedSinceStart),
      rateGlobal: at(d.columns.rateGlobal),
    };
  };
  const truth = (m: ReturnType<typeof miniDetail>) => ({
    realisedLastYear: m.colOf.realisedLastYear,
    rateLastYear: m.colOf.rateLastYear,
    realisedSinceStart: m.colOf.realisedSinceStart,
    rateGlobal: m.colOf.rateGlobal,
  });

  test.each([
    [[`Exécution ${YEAR}`, `Consommation ${YEAR}`], ["Taux", "%"]],
    [[`Exécution ${YEAR}`, `Consommation ${YEAR}`], ["Taux d'exécution", "Taux d'exécution"]],
    [[`Exécution ${YEAR}`, `Exécution ${YEAR}`], ["Taux", "Taux"]],
  ] as Array<[[string, string], [string, string]]>)("%j / %j: the year's, then the cumulative and its rate", (groups, rates) => {
    const m = miniDetail({ fiches: oneYearFiches(), years: [YEAR], cols: execCols(groups, rates), total: true });
    expect(read(m)).toEqual(truth(m));
    expect(issues(m.wb)).toEqual([]);
  });

  test("a wrong TOTAL of the cumulative is found at its cell", () => {
    const m = miniDetail({ fiches: oneYearFiches(), years: [YEAR], cols: execCols([`Exécution ${YEAR}`, `Consommation ${YEAR}`], ["Taux", "%"]), total: true });
    const sheet = m.wb.sheets.find((s) => s.name === "Suivi fiches actions")!;
    const col = recognise(m.wb).detail!.columns.realisedSinceStart!;
    const totalRow = recognise(m.wb).detail!.totalRow!;
    const cell = sheet.cells[totalRow - 1]![col - 1]!;
    setCell(sheet, totalRow, col, { value: (cell.value as number) + 5000 });
    expect(issues(m.wb)).toContain(`total-row Suivi fiches actions!${colToLetters(col)}${totalRow}`);
  });

  test.each([
    [`Exécution ${YEAR}`, `Exécution ${YEAR}`],
    [`Exécution ${YEAR}`, `Consommation ${YEAR}`],
  ])("%s / %s with figures that differ: said once, no other finding", (g1, g2) => {
    const m = miniDetail({ fiches: oneYearFiches(true), years: [YEAR], cols: execCols([g1, g2], ["Taux", "Taux"]), total: true });
    expect(issues(m.wb).map((x) => x.split(" ")[0])).toEqual(["layout-incomplete"]);
    const lic = checkAnnex(m.wb).findings.find((f) => f.rule === "layout-incomplete")!;
    expect(lic.message).toContain(m.colOf.realisedSinceStart);
  });
});
