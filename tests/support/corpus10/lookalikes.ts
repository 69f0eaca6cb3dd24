/** corpus10's look-alikes: workbooks a département keeps that are not the annex (exit 2, no finding expected). */
import { key, newSheet, type Book, type Sheet } from "./grid";
import { Rng } from "./rng";

export const LOOKALIKES = ["budget-primitif", "staffing", "funder-pivot", "empty", "subsidies", "indicators", "invoice-ledger"] as const;
export type Lookalike = (typeof LOOKALIKES)[number];

const put = (s: Sheet, r: number, c: number, v: string | number | Date | null, fmt?: string) =>
  s.cells.set(key(r, c), { v, fmt, bold: typeof v === "string" && r <= 3 });

export function lookalikeBook(kind: Lookalike, seed: number): Book {
  const rng = new Rng(seed * 31 + kind.length);
  const y0 = rng.int(2020, 2024);
  const years = [y0, y0 + 1, y0 + 2];
  const s = newSheet(rng.pick(["Feuil1", "Données", "Tableau", "Budget"]));
  for (let c = 1; c <= 12; c++) s.widths.set(c, 16);
  const n = rng.int(6, 18);
  switch (kind) {
    case "budget-primitif": {
      // a département's budget by chapter with years and Total rows
      put(s, 1, 1, `Budget primitif ${years[2]} – Direction Enfance Famille`);
      ["Chapitre", "Libellé", ...years.map((y) => `BP ${y}`), "Total"].forEach((h, i) => put(s, 3, i + 1, h));
      let r = 4;
      const tot = [0, 0, 0];
      for (let i = 0; i < n; i++) {
        put(s, r, 1, `0${rng.int(11, 65)}`);
        put(s, r, 2, rng.pick(["Frais de séjour", "Allocations", "Subventions", "Personnel", "Prévention spécialisée", "Accueil familial"]));
        let t = 0;
        years.forEach((_, j) => {
          const v = rng.int(10, 900) * 1000;
          tot[j]! += v;
          t += v;
          put(s, r, 3 + j, v, "#,##0 €");
        });
        put(s, r, 6, t, "#,##0 €");
        r++;
      }
      put(s, r, 2, "Total");
      tot.forEach((v, j) => put(s, r, 3 + j, v, "#,##0 €"));
      put(
        s,
        r,
        6,
        tot.reduce((a, b) => a + b, 0),
        "#,##0 €",
      );
      break;
    }
    case "staffing": {
      put(s, 1, 1, "Tableau des effectifs affectés au CDPPE");
      ["N° fiche", "Agent", "Grade", "ETP", "Date d'arrivée", "Service"].forEach((h, i) => put(s, 3, i + 1, h));
      for (let i = 0; i < n; i++) {
        put(s, 4 + i, 1, rng.int(1, 30));
        put(s, 4 + i, 2, rng.pick(["M. Martin", "Mme Durand", "Mme Petit", "M. Leroy", "Mme Moreau"]));
        put(s, 4 + i, 3, rng.pick(["Attaché", "Puéricultrice", "Sage-femme", "Éducateur", "Rédacteur"]));
        put(s, 4 + i, 4, rng.int(1, 4) / 2, "0.0");
        put(s, 4 + i, 5, new Date(Date.UTC(rng.pick(years), rng.int(0, 11), 1)), "dd/mm/yyyy");
        put(s, 4 + i, 6, rng.pick(["PMI", "ASE", "CRIP"]));
      }
      put(s, 4 + n, 1, "Total");
      break;
    }
    case "funder-pivot": {
      put(s, 1, 1, "Synthèse par financeur");
      ["Financeur", ...years.map(String), "Total"].forEach((h, i) => put(s, 3, i + 1, h));
      const fs = ["Département", "ARS (FIR)", "État (P304)", "ONDAM"];
      const tot = [0, 0, 0, 0];
      fs.forEach((f, i) => {
        put(s, 4 + i, 1, f);
        let t = 0;
        years.forEach((_, j) => {
          const v = rng.int(50, 2000) * 1000;
          t += v;
          tot[j]! += v;
          put(s, 4 + i, 2 + j, v, "#,##0 €");
        });
        tot[3]! += t;
        put(s, 4 + i, 5, t, "#,##0 €");
      });
      put(s, 8, 1, "TOTAL");
      tot.forEach((v, j) => put(s, 8, 2 + j, v, "#,##0 €"));
      break;
    }
    case "empty":
      break;
    case "subsidies": {
      put(s, 1, 1, `Subventions aux associations ${years[1]}`);
      ["Association", "Objet", `Montant ${years[0]}`, `Montant ${years[1]}`, "Écart", "Financeur"].forEach((h, i) => put(s, 3, i + 1, h));
      for (let i = 0; i < n; i++) {
        const a = rng.int(5, 90) * 1000;
        const b = rng.int(5, 90) * 1000;
        put(s, 4 + i, 1, rng.pick(["Association Olga Spitzer", "Sauvegarde", "Apprentis d'Auteuil", "UDAF", "Maison des familles"]));
        put(s, 4 + i, 2, rng.pick(["Médiation familiale", "Soutien à la parentalité", "Prévention"]));
        put(s, 4 + i, 3, a, "#,##0 €");
        put(s, 4 + i, 4, b, "#,##0 €");
        put(s, 4 + i, 5, b - a, "#,##0 €");
        put(s, 4 + i, 6, rng.pick(["Département", "CAF", "ARS"]));
      }
      break;
    }
    case "indicators": {
      put(s, 1, 1, "Indicateurs de suivi des fiches actions");
      ["Fiche action", "Indicateur", ...years.map((y) => `Cible ${y}`), `Réalisé ${years[2]}`].forEach((h, i) => put(s, 3, i + 1, h));
      for (let i = 0; i < n; i++) {
        put(s, 4 + i, 1, `FA ${i + 1}`);
        put(s, 4 + i, 2, rng.pick(["Nombre d'entretiens prénataux", "Délai moyen d'évaluation (jours)", "Taux de couverture", "Nombre de familles suivies"]));
        years.forEach((_, j) => put(s, 4 + i, 3 + j, rng.int(10, 500)));
        put(s, 4 + i, 6, rng.int(10, 500));
      }
      break;
    }
    case "invoice-ledger": {
      put(s, 1, 1, "Suivi des mandats");
      ["N° mandat", "Date", "Fournisseur", "Imputation", "Montant HT", "Montant TTC", "Payé"].forEach((h, i) => put(s, 3, i + 1, h));
      for (let i = 0; i < n; i++) {
        const ht = rng.int(100, 50000);
        put(s, 4 + i, 1, 2000 + i);
        put(s, 4 + i, 2, new Date(Date.UTC(years[1]!, rng.int(0, 11), rng.int(1, 28))), "dd/mm/yyyy");
        put(s, 4 + i, 3, rng.pick(["SARL Dupont", "Association Relais", "Mairie"]));
        put(s, 4 + i, 4, `6${rng.int(10, 99)}`);
        put(s, 4 + i, 5, ht, "#,##0.00 €");
        put(s, 4 + i, 6, Math.round(ht * 120) / 100, "#,##0.00 €");
        put(s, 4 + i, 7, rng.pick(["oui", "non"]));
      }
      break;
    }
  }
  return { sheets: [s] };
}
