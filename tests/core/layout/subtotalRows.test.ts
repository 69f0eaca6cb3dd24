// Sub-total rows inside the detail table, whatever their label: a row with no fiche number whose amounts are SUMs of the
// rows above it (since the previous sub-total) is a sub-total, not a continuation whose figures would count twice.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

function annex(label: (n: number) => string) {
  const m = miniDetail({ fiches: fiches(6), engagements: [3, 3] });
  m.subtotalRows.forEach((r, i) => (m.sheet.cells[r - 1]![0]!.value = label(i + 1)));
  return m;
}

// corpus4 seeds 4, 18: « S/T engagement 1 », « S/T objectif 5 ».
test.each([
  ["S/T engagement", (n: number) => `S/T engagement ${n}`],
  ["a label saying nothing", (n: number) => `Engagement ${n} (suite)`],
  ["no label", () => ""],
])("sub-totals worded « %s »: read as sub-totals, the clean annex gives no finding", (_, label) => {
  const m = annex(label);
  const d = recognise(m.wb).detail!;
  expect(d.rows.filter((r) => r.kind === "subtotal").map((r) => r.row)).toEqual(m.subtotalRows);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a wrong SUM sub-total under a label saying nothing is still checked", () => {
  const m = annex((n) => `Engagement ${n} (suite)`);
  const col = lettersToCol(m.colOf.budget!);
  const cell = m.sheet.cells[m.subtotalRows[0]! - 1]![col - 1]!;
  cell.value = (cell.value as number) + 1000;
  expect(loud(checkAnnex(m.wb).findings)).toContain(`total-row ${m.colOf.budget}${m.subtotalRows[0]}`);
});

// corpus4 seed 12: « Engagement 1 : … » carries =SUM(G46:G49) over the fiches under it, and the TOTAL sums those title rows.
describe("sub-totals written on the group's title row, over the rows below it", () => {
  function titled() {
    const m = miniDetail({ fiches: fiches(6), engagements: [3, 3] });
    // Move each sub-total's formulas and values up onto its title row, and empty the old sub-total row.
    const titles: number[] = [];
    m.subtotalRows.forEach((sub, gi) => {
      const title = sub - 4;
      titles.push(title);
      const from = m.sheet.cells[sub - 1]!;
      from.forEach((cell, i) => {
        if (!cell || i === 0) return;
        m.sheet.cells[title - 1]![i] = cell;
        delete from[i];
      });
      from[0] = { value: null };
      expect(m.sheet.cells[title - 1]![0]!.value).toBe(`Engagement ${gi + 1} : Agir le plus précocement possible pour répondre aux besoins des enfants`);
    });
    const total = m.sheet.cells[m.totalRow! - 1]!;
    total.forEach((cell) => {
      if (cell?.formula) cell.formula = cell.formula.replace(/\d+/g, (n) => String(titles[m.subtotalRows.indexOf(Number(n))] ?? n));
    });
    return { m, titles };
  }

  test("read as the groups' sub-totals; the TOTAL over them gives no finding", () => {
    const { m, titles } = titled();
    const d = recognise(m.wb).detail!;
    expect(d.groups.map((g) => g.subtotalRow)).toEqual(titles);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("one fiche under its title: =SUM(G5:G5) on the title row is its sub-total", () => {
    const m = miniDetail({ fiches: fiches(4), engagements: [1, 3] });
    const [sub] = m.subtotalRows;
    const title = sub! - 2;
    const from = m.sheet.cells[sub! - 1]!;
    from.forEach((cell, i) => {
      if (!cell || i === 0) return;
      m.sheet.cells[title - 1]![i] = cell;
      delete from[i];
    });
    from[0] = { value: null };
    const total = m.sheet.cells[m.totalRow! - 1]!;
    for (const cell of total) if (cell?.formula) cell.formula = cell.formula.replace(new RegExp(`(\\D)${sub}(\\D)`), `$1${title}$2`);
    expect(recognise(m.wb).detail!.groups.map((g) => g.subtotalRow)).toEqual([title, m.subtotalRows[1]]);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a wrong one is found at its cell", () => {
    const { m, titles } = titled();
    const col = lettersToCol(m.colOf.budget!);
    const cell = m.sheet.cells[titles[1]! - 1]![col - 1]!;
    cell.value = (cell.value as number) + 1000;
    expect(loud(checkAnnex(m.wb).findings)).toContain(`total-row ${m.colOf.budget}${titles[1]}`);
  });
});

// corpus4 « total:first »: the TOTAL written right under the header, over the fiches below it.
describe("a TOTAL row written first, right under the header", () => {
  function totalFirst(label: string) {
    const m = miniDetail({ fiches: fiches(5) });
    const headerEnd = m.headerRows[m.headerRows.length - 1]!;
    const total = m.totalRow!;
    const shift = (f: string) =>
      f.replace(/([A-Z]+)(\d+)/g, (all, c: string, n: string) => (Number(n) > headerEnd && Number(n) < total ? `${c}${Number(n) + 1}` : all));
    const [row] = m.sheet.cells.splice(total - 1, 1);
    m.sheet.cells.splice(headerEnd, 0, row);
    for (const cells of m.sheet.cells) for (const cell of cells ?? []) if (cell?.formula) cell.formula = shift(cell.formula);
    m.sheet.cells[headerEnd]![0] = { value: label };
    return { m, totalRow: headerEnd + 1 };
  }

  test.each(["TOTAL", ""])("labelled « %s »: every fiche is read, the TOTAL is checked, the clean annex gives no finding", (label) => {
    const { m, totalRow } = totalFirst(label);
    const d = recognise(m.wb).detail!;
    expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(5);
    expect(d.totalRow).toBe(totalRow);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a wrong TOTAL written first is found at its cell", () => {
    const { m, totalRow } = totalFirst("TOTAL");
    const col = lettersToCol(m.colOf.budget!);
    const cell = m.sheet.cells[totalRow - 1]![col - 1]!;
    cell.value = (cell.value as number) + 1000;
    expect(loud(checkAnnex(m.wb).findings)).toContain(`total-row ${m.colOf.budget}${totalRow}`);
  });
});
