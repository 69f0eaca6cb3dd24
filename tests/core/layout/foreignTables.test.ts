// Issue #10, corpus6 look-alike « pauvrete-contract »: another contract's financial table (numbered actions, the State's
// and the département's credits, their total, what was spent) has the shape of an annex table without any column only
// the CDPPE annex has. Alone in a workbook, it is no annex: exit 2, no finding, the closest candidate says why.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { emptySheet, setCell, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { noAnnexMessage } from "../../../src/messages/layout";
import { fiches, miniSummary } from "../miniAnnex";

function sheetOf(name: string, rows: Array<Array<string | number | null>>, top = 3): SheetSnapshot {
  const s = emptySheet(name);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null) setCell(s, top + i, j + 1, { value: v });
    }),
  );
  return s;
}

/** Another contract's financial table, numbered actions, the State and the département: no CDPPE summary. */
function otherContract(heads: string[], row: (i: number) => Array<string | number>): WorkbookSnapshot {
  const rows = Array.from({ length: 9 }, (_, i) => row(i + 1));
  const total = heads.map((_, c) => (c === 0 ? "Total convention" : typeof rows[0]![c] === "number" ? rows.reduce((a, r) => a + (r[c] as number), 0) : null));
  const s = sheetOf("Feuil1", [heads, ...rows, total]);
  setCell(s, 1, 1, { value: "Convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi - annexe financière" });
  return { sheets: [s] };
}

describe("a table shaped like a summary, alone, without the summary's own columns, is no annex", () => {
  const mesures = ["Sortants ASE", "Maraudes mixtes", "Premier accueil social", "Référent de parcours"];
  test.each([
    [
      "État and département, one realisation",
      ["N° action", "Mesure", "Crédits Etat (P304)", "Crédits Département", "Total", "Réalisé 2024"],
      (i: number) => [i, mesures[i % 4]!, 1000 * i, 2000 * i, 3000 * i, 2100 * i],
    ],
    [
      "worded otherwise, the realisation before the total",
      ["N°", "Axe", "Part Etat", "Part départementale", "Réalisé 2023", "Budget total"],
      (i: number) => [i, mesures[i % 4]!, 1500 * i, 2500 * i, 3000 * i, 4000 * i],
    ],
    [
      "each action named, planned and spent",
      ["N° action", "Intitulé de l'action", "Crédits Etat", "Crédits Département", "Coût total", "Réalisé 2024", "Réalisé cumulé"],
      (i: number) => [i, mesures[i % 4]!, 1000 * i, 2000 * i, 3000 * i, 1000 * i, 2000 * i],
    ],
  ])("%s", (_, heads, row) => {
    const wb = otherContract(heads, row);
    const l = recognise(wb);
    expect(l.detail).toBeNull();
    expect(l.summary).toBeNull();
    expect(l.closest).not.toBeNull();
    expect(noAnnexMessage(l.closest)).toContain("aucune colonne propre à l'annexe du CDPPE");
    const r = checkAnnex(wb);
    expect(r.findings).toEqual([]);
  });

  test("a CDPPE summary alone, with its Modalités or its consumption columns, is still read", () => {
    const wb: WorkbookSnapshot = { sheets: [] };
    miniSummary(wb, fiches());
    expect(recognise(wb).summary).not.toBeNull();
    // Its Modalités alone, or two consumption columns alone, are enough.
    for (const drop of [
      ["consumedPrior", "consumedSinceStart"],
      ["modalite", "consumedPrior"],
    ]) {
      const one: WorkbookSnapshot = { sheets: [] };
      const s = miniSummary(one, fiches());
      const cols = drop.map((k) => s.colOf[k]!.charCodeAt(0) - 64);
      for (const row of s.sheet.cells) for (const c of cols) if (row?.[c - 1]) row[c - 1] = { value: null };
      expect([drop, recognise(one).summary?.kind]).toEqual([drop, "summary"]);
    }
  });
});
