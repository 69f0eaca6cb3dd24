// Classes of misreading found on corpus3 (annexes made independently of the recogniser), one test per class, on
// small hand-shaped annexes: the reading, then no false finding.
import { checkAnnex } from "../../src/core/check";
import { classifyHeader } from "../../src/core/layout/classify";
import { columnLetters } from "../../src/core/layout/describe";
import { recognise } from "../../src/core/layout/recognise";
import { lettersToCol } from "../../src/core/model/a1";
import { setCell } from "../../src/core/model/snapshot";
import type { Finding } from "../../src/core/rules/types";
import { budgetOf, fiches, miniDetail, miniSummary, standardCols, type MiniCol } from "./miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const rename = (cols: MiniCol[], key: string, head: string, group?: string): MiniCol[] => cols.map((c) => (c.key === key ? { ...c, head, group: group ?? c.group } : c));
const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};

describe("wording of other départements", () => {
  test.each([
    ["", "Action", "label"], ["", "Intitulé", "label"], ["", "Nom de l'action", "label"],
    ["Numéro fiche", "action", "fiche"],
    ["", "Caractère de l'objectif", "objectiveType"], ["", "Nature de l'objectif", "objectiveType"],
    ["", "Taux global", "rateGlobal"], ["", "Taux cumulé", "rateGlobal"],
    ["Cumul 2020-2022", "Taux", "rateGlobal"], ["Depuis 2021", "Taux", "rateGlobal"],
    ["Cumul 2020-2022", "Montant", "realisedSinceStart"], ["Depuis 2023", "Montant", "realisedSinceStart"],
    ["", "Montant total", "budget"], ["Financements prévus", "Total", "budget"], ["Financements prévus 2023-2025", "Montant total", "budget"],
    ["FIR", "Montant total", "firTotal"],
    ["", "Champ", "theme"], ["", "Domaine", "theme"],
    ["Objectifs chiffrés", "2023", "indicator2023"],
    ["", "DÉPENSES 2021\nEN EUROS", "realised2021"],
  ])("« %s / %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });

  test("a unit after a year or a name says nothing of the column: « 2025⏎(€) », « Part CD (€) »", () => {
    expect(key("Masse salariale", "2025\n(€)")).toBe("ms2025");
    expect(key("Crédits ARS", "2026 (€)")).toBe("fir2026");
    expect(key("", "Part CD (€)")).toBe("cdTotal");
  });

  test("« Budget DGAS (hors masse salariale) » is the DGAS block, not the masse salariale", () => {
    expect(key("Budget DGAS (hors masse salariale)", "2023")).toBe("dgas2023");
    expect(key("Budget DGAS (hors masse salariale)", "Cumul")).toBe("dgasTotal");
    expect(key("Budget DGAS (hors masse salariale)", "Total 2023-2027")).toBe("dgasTotal");
  });

  test("year-major blocks: « Budget 2021 » over MS | Crédits DGAS | Crédits ARS | PLF | AM, then « Total 2020-2022 » over the same", () => {
    expect(["MS", "Crédits DGAS", "Crédits ARS", "PLF", "AM"].map((s) => key("Budget 2021", s))).toEqual(["ms2021", "dgas2021", "fir2021", "etat2021", "ondam2021"]);
    expect(["MS", "Crédits DGAS", "Crédits ARS", "PLF", "AM"].map((s) => key("Total 2020-2022", s))).toEqual(["msTotal", "dgasTotal", "firTotal", "etatTotal", "ondamTotal"]);
    // A realised or rate group with a year is not a planned block.
    expect(key("Exécution 2022", "Montant")).toBe("realised2022");
  });

  test("a detail worded that way reads right and is clean", () => {
    let cols = rename(standardCols(), "label", "Action");
    cols = rename(cols, "objectiveType", "Caractère de l'objectif");
    cols = rename(cols, "rateGlobal", "Taux global");
    const m = miniDetail({ cols });
    expect(columnLetters(recognise(m.wb).detail!)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a detail in year-major blocks reads right and is clean", () => {
    const years = [2021, 2022];
    const byKey = new Map(standardCols(years).map((c) => [c.key, c]));
    const names: Record<string, string> = { ms: "MS", dgas: "Crédits DGAS", cd: "Total CD", fir: "Crédits ARS", etat: "PLF", ondam: "AM" };
    const blocks = Object.keys(names);
    const cols: MiniCol[] = [
      ...["fiche", "label", "objective", "objectiveType", "budget", "source"].map((k) => ({ head: byKey.get(k)!.head, key: k })),
      ...years.flatMap((y) => blocks.map((b) => ({ group: `Budget ${y}`, head: names[b]!, key: `${b}${y}` }))),
      ...blocks.map((b) => ({ group: `Total ${years[0]}-${years[1]}`, head: names[b]!, key: `${b}Total` })),
      ...["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"].map((k) => ({ head: byKey.get(k)!.head, key: k })),
    ];
    const m = miniDetail({ cols, years });
    expect(columnLetters(recognise(m.wb).detail!)).toMatchObject(m.colOf);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("rates typed rounded finer than they show", () => {
  test("57,75 % typed for 57,746 % and shown 57,8 % is not a wrong rate; 59 % is", () => {
    const fs = fiches();
    const f = fs[0]!;
    f.realisedSince = Math.round(budgetOf(f) * 0.57746);
    const m = miniDetail({ fiches: fs });
    const col = lettersToCol(m.colOf.rateGlobal!);
    const row = m.rowOfFiche.get("1")!;
    const exact = f.realisedSince / budgetOf(f);
    expect(Math.round(exact * 1000)).toBe(577);
    setCell(m.sheet, row, col, { value: Math.round(exact * 10000) / 10000, numFmt: "0.0%" });
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
    setCell(m.sheet, row, col, { value: 0.59, numFmt: "0.0%" });
    expect(loud(checkAnnex(m.wb).findings).map((x) => x.split(" ").slice(0, 2).join(" "))).toEqual([`rate-mismatch ${m.colOf.rateGlobal}${row}`]);
  });
});

describe("a CD split in two with no CD column", () => {
  test("the summary's Département is compared with masse salariale + DGAS: clean", () => {
    const fs = fiches();
    const cols = standardCols().filter((c) => !/^cd/.test(c.key));
    const m = miniDetail({ fiches: fs, cols });
    miniSummary(m.wb, fs);
    const layout = recognise(m.wb);
    expect(layout.summary).not.toBeNull();
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});

describe("spacer columns between groups", () => {
  test("a lone group beyond an empty column (« Réalisations en 2022 », then « Réalisation depuis 2021 ») stays in the table", () => {
    const cols = standardCols().flatMap((c, i): MiniCol[] => (/^(realisedLastYear|realisedSinceStart|gap)$/.test(c.key) ? [{ head: "", key: `spacer${i}` }, c] : [c]));
    const m = miniDetail({ cols });
    const letters = columnLetters(recognise(m.wb).detail!);
    expect([letters.realisedLastYear, letters.rateLastYear, letters.realisedSinceStart, letters.rateGlobal, letters.gap]).toEqual([m.colOf.realisedLastYear, m.colOf.rateLastYear, m.colOf.realisedSinceStart, m.colOf.rateGlobal, m.colOf.gap]);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});
