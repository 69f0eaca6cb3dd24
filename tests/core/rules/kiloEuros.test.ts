// Annexes kept in thousands of euros (« Moyens financiers (k€) », a title « Montants en milliers d'euros »): amounts with
// decimals (38,71 for 38 710 €). Print rounding is 1 €, i.e. 0,001 k€, and messages show the amounts as the sheet does.
import { checkAnnex } from "../../../src/core/check";
import { annexAmountUnit, detectAmountUnit, unitStated } from "../../../src/core/layout/amountUnit";
import { recognise } from "../../../src/core/layout/recognise";
import { TableView } from "../../../src/core/layout/view";
import { parseAddr } from "../../../src/core/model/a1";
import { compareAmounts } from "../../../src/core/model/tolerance";
import { setCell } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { formatEuro, formatKiloEuro } from "../../../src/messages/format";
import { withAmountUnit } from "../../../src/messages/unit";
import { budgetOf, fiches, miniDetail, standardCols, type MiniFiche, type MiniOptions } from "../miniAnnex";

const NB = "\u00a0";
const NN = "\u202f";
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

/** The same fiches in k€: every amount divided by 1 000, so decimals appear (10 007 € -> 10,007). */
function kiloFiches(): MiniFiche[] {
  const k = (xs: number[]) => xs.map((x) => x / 1000);
  return fiches().map((f) => ({
    ...f,
    ms: k(f.ms),
    dgas: k(f.dgas),
    fir: k(f.fir),
    etat: k(f.etat),
    ondam: k(f.ondam),
    realisedLast: f.realisedLast / 1000,
    realisedSince: f.realisedSince / 1000,
  }));
}

function kiloHeader(o: MiniOptions = {}) {
  const cols = standardCols().map((c) => (c.key === "budget" ? { ...c, head: "Moyens financiers (k€)" } : c));
  return miniDetail({ cols, fiches: kiloFiches(), ...o });
}

function kiloTitle() {
  const m = miniDetail({ fiches: kiloFiches(), top: 3 });
  setCell(m.sheet, 1, 1, { value: "Montants en milliers d'euros" });
  return m;
}

/** Adds `delta` to fiche 2's « Moyens financiers » cell. */
function shiftBudget(m: ReturnType<typeof miniDetail>, delta: number): { row: number; col: number } {
  const row = m.rowOfFiche.get("2")!;
  const col = parseAddr(`${m.colOf.budget}1`).col;
  setCell(m.sheet, row, col, { value: budgetOf(kiloFiches()[1]!) + delta });
  return { row, col };
}

describe("unit stated by a text", () => {
  test.each([
    ["Moyens financiers (k€)", "keur"],
    ["Total CD en K€", "keur"],
    ["Montant FIR KEUR", "keur"],
    ["Montants en milliers d'euros", "keur"],
    ["Montants en milliers d’€", "keur"],
    ["Budget (en k euros)", "keur"],
    ["Montant (€)", "eur"],
    ["Montants en euros", "eur"],
    ["Moyens financiers prévisionnels", null],
    ["Kinésithérapie", null],
    ["Fiche PMI-KE", null],
  ])("%s -> %s", (text, unit) => {
    expect(unitStated(text)).toBe(unit);
  });

  test("the annex is in k€ only when a table says so and none says euros", () => {
    expect(annexAmountUnit(["keur", null])).toBe("keur");
    expect(annexAmountUnit([null, null])).toBe("eur");
    expect(annexAmountUnit(["keur", "eur"])).toBe("eur");
  });
});

describe("amounts in k€ printed as the sheet shows them", () => {
  test.each([
    [38.71, `38,71${NB}k€`],
    [38.7, `38,70${NB}k€`],
    [1250, `1${NN}250${NB}k€`],
    [0.001, `0,001${NB}k€`],
    [10.007, `10,007${NB}k€`],
    [-0.5, `-0,50${NB}k€`],
    [0, `0${NB}k€`],
  ])("%s -> %s", (value, shown) => {
    expect(formatKiloEuro(value)).toBe(shown);
  });

  test("formatEuro prints k€ only inside a k€ run, and the unit is restored after it, even on a throw", () => {
    expect(withAmountUnit("keur", () => formatEuro(38.71))).toBe(`38,71${NB}k€`);
    expect(() =>
      withAmountUnit("keur", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(formatEuro(38710)).toBe(`38${NN}710${NB}€`);
  });

  test("the rounding tolerance is 1 € in the table's unit", () => {
    expect(compareAmounts(100, 100.5)).toBe("rounding");
    expect(withAmountUnit("keur", () => compareAmounts(100, 100.5))).toBe("different");
    expect(withAmountUnit("keur", () => compareAmounts(100, 100.0008))).toBe("rounding");
    expect(withAmountUnit("keur", () => compareAmounts(100, 100.000001))).toBe("equal");
  });
});

describe.each([
  ["header « Moyens financiers (k€) »", () => kiloHeader()],
  ["title « Montants en milliers d'euros » above the table", () => kiloTitle()],
])("an annex kept in k€: %s", (_name, make) => {
  test("the table's unit is read as k€", () => {
    const m = make();
    const l = recognise(m.wb);
    const v = TableView.of(m.wb, l.detail)!;
    expect(detectAmountUnit(v.sheet, v.t)).toBe("keur");
  });

  test("clean, with decimals: no finding", () => {
    const m = make();
    const r = checkAnnex(m.wb);
    expect(loud(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => /sum|total|split/.test(f.rule))).toEqual([]);
  });

  test("a budget 0,5 k€ (500 €) off its parts is an error, its message in k€", () => {
    const m = make();
    const at = shiftBudget(m, 0.5);
    const f = checkAnnex(m.wb).findings.filter((x) => x.rule === "budget-sum");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.cell).toBe(`${m.colOf.budget}${at.row}`);
    const budget = budgetOf(kiloFiches()[1]!);
    expect(f[0]!.message).toContain(`Moyens financiers${NB}: ${formatKiloEuro(budget + 0.5)} au lieu de`);
    expect(f[0]!.message).toContain(`= ${formatKiloEuro(budget)}.`);
    expect(f[0]!.message).not.toMatch(/\d €/);
  });

  test("a budget 0,4 € (0,0004 k€) off its parts is print rounding, an info", () => {
    const m = make();
    shiftBudget(m, 0.0004);
    const f = checkAnnex(m.wb).findings.filter((x) => x.rule === "budget-sum");
    expect(f.map((x) => x.severity)).toEqual(["info"]);
    expect(f[0]!.message).toContain("k€");
  });
});

describe("an annex in euros is unchanged", () => {
  test("no unit stated: a 0,5 € gap is rounding, messages in €", () => {
    const m = miniDetail();
    const row = m.rowOfFiche.get("2")!;
    setCell(m.sheet, row, parseAddr(`${m.colOf.budget}1`).col, { value: budgetOf(fiches()[1]!) + 0.5 });
    const f = checkAnnex(m.wb).findings.filter((x) => x.rule === "budget-sum");
    expect(f.map((x) => x.severity)).toEqual(["info"]);
    expect(f[0]!.message).toContain(`${NB}€`);
    expect(f[0]!.message).not.toContain("k€");
  });

  test("a header saying euros keeps euros even with a k€ title above", () => {
    const cols = standardCols().map((c) => (c.key === "budget" ? { ...c, head: "Moyens financiers (€)" } : c));
    const m = miniDetail({ cols, top: 3 });
    setCell(m.sheet, 1, 1, { value: "Montants en milliers d'euros" });
    const row = m.rowOfFiche.get("2")!;
    setCell(m.sheet, row, parseAddr(`${m.colOf.budget}1`).col, { value: budgetOf(fiches()[1]!) + 500 });
    const f = checkAnnex(m.wb).findings.filter((x) => x.rule === "budget-sum");
    expect(f.map((x) => x.severity)).toEqual(["error"]);
    expect(f[0]!.message).toContain(`${formatEuro(budgetOf(fiches()[1]!) + 500)} au lieu de`);
    expect(f[0]!.message).not.toContain("k€");
  });
});

describe("other thresholds of 1 € scale with the unit", () => {
  test("k€: realised 0,5 k€ (500 €) above the budget is over-execution; the same 0,5 in euros is not", () => {
    const over = (m: ReturnType<typeof miniDetail>, fs: MiniFiche[]) => {
      const row = m.rowOfFiche.get("1")!;
      setCell(m.sheet, row, parseAddr(`${m.colOf.realisedSinceStart}1`).col, { value: budgetOf(fs[0]!) + 0.5 });
      return checkAnnex(m.wb).findings.filter((x) => x.rule === "over-execution" && x.cell.endsWith(String(row)));
    };
    const k = over(kiloHeader(), kiloFiches());
    expect(k.map((x) => x.severity)).toEqual(["warning"]);
    expect(k[0]!.message).toContain(`dépassement de 0,50${NB}k€`);
    expect(over(miniDetail(), fiches())).toEqual([]);
  });
});

describe("print rounding of a k€ table shown in whole k€", () => {
  test("rows printed 1 k€ apart from their TOTAL, stored amounts equal: still the « as printed » rounding note", () => {
    const m = kiloHeader();
    const col = parseAddr(`${m.colOf.budget}1`).col;
    const rows = [...m.rowOfFiche.values()];
    // Each row n,3 printed « n »; the TOTAL, 1,2 more than the printed rows, is printed 1 k€ above their sum.
    let total = 0;
    for (const row of rows) {
      const stored = m.sheet.cells[row - 1]![col - 1]!.value as number;
      const value = Math.floor(stored) + 0.3;
      total += value;
      setCell(m.sheet, row, col, { value, numFmt: "# ##0" });
    }
    const cell = m.sheet.cells[m.totalRow! - 1]![col - 1]!;
    setCell(m.sheet, m.totalRow!, col, { ...cell, value: total, numFmt: "# ##0" });
    const notes = checkAnnex(m.wb).findings.filter((f) => f.rule === "total-row" && f.cell === `${m.colOf.budget}${m.totalRow}`);
    expect(notes.map((f) => f.severity)).toEqual(["info"]);
    expect(notes[0]!.message).toContain("k€");
  });
});
