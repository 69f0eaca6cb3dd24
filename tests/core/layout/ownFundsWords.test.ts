// Issue #10, corpus7 class A: départements name the two parts of their own money in their services' words (« Moyens
// humains », « Crédits directs »…). Read as masse salariale / budget DGAS only where no co-financer is named; the
// arithmetic confirms the reading, so a clean annex so worded gives no finding.
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import type { Finding } from "../../../src/core/rules/types";
import { miniDetail, standardCols, YEARS, type MiniCol } from "../miniAnnex";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year ?? ""}`;
};
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

describe("the département's own money in its services' words", () => {
  test.each([
    ["Moyens humains", "2022", "ms2022"],
    ["Temps agents valorisé", "2022", "ms2022"],
    ["Coût RH (valorisation)", "2022", "ms2022"],
    ["Crédits directs", "2022", "dgas2022"],
    ["Crédits DGA Solidarités", "2022", "dgas2022"],
    ["Budget de fonctionnement", "2022", "dgas2022"],
    ["Crédits d'intervention", "2022", "dgas2022"],
    ["Dépenses directes", "2022", "dgas2022"],
    ["Crédits directs du Département", "2022", "dgas2022"],
  ])("« %s » / « %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });

  test.each([
    // A co-financer named beside the generic words keeps the money its own.
    ["Crédits d'intervention ARS", "2022", "fir2022"],
    ["Moyens humains Etat", "2022", "etat2022"],
  ])("« %s » / « %s » stays the co-financer's (%s)", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });

  test("« Coût RH » is the cost of one block, not the action's whole budget", () => {
    expect(key("", "Coût RH (valorisation)")).not.toBe("budget");
    expect(key("", "Coût global de l'action")).toBe("budget");
  });

  test("« Prévisionnel 2022 », « Prév. 2022 », « BP 2022 » under a funder are that funder's year", () => {
    for (const s of ["Prévisionnel 2022", "Prév. 2022", "BP 2022", "2022 prévu", "Prévu en 2022"]) expect({ s, k: key("FIR", s) }).toEqual({ s, k: "fir2022" });
  });

  test("a clean annex whose own-funds blocks are so worded is read right and gives no finding", () => {
    const words: Record<string, string> = { ms: "Moyens humains", dgas: "Crédits directs" };
    const cols: MiniCol[] = standardCols(YEARS).map((c) => {
      const b = /^(ms|dgas)/.exec(c.key)?.[1];
      if (!b) return c;
      return c.key.endsWith("Total") ? { ...c, group: words[b], head: `Total ${words[b]!.toLowerCase()}` } : { ...c, group: words[b] };
    });
    const m = miniDetail({ cols });
    const l = recognise(m.wb);
    expect(l.detail).not.toBeNull();
    const got = columnLetters(l.detail!);
    for (const k of ["ms2021", "ms2022", "msTotal", "dgas2021", "dgas2022", "dgasTotal"]) expect({ k, col: got[k] }).toEqual({ k, col: m.colOf[k] });
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });
});
