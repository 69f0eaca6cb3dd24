/**
 * Workbooks that look like an annex and are not: each must give exit 2 and no finding. A département's budget by
 * chapter with years and Total rows, a staffing table with a « N° fiche » column, a pivot of totals per funder, an
 * empty workbook, a table of fiches with their indicators and no money.
 */
import { type Book, fx, newSheet, putFx, recalc, setCell } from "./grid";
import { Dice } from "./rng";

export const LOOKALIKES = ["budget", "staffing", "pivot", "empty", "indicators"] as const;
export type Lookalike = (typeof LOOKALIKES)[number];

export function makeLookalike(kind: Lookalike, seed: number): Book {
  const d = new Dice(seed, `lookalike/${kind}`);
  const y0 = d.between(2020, 2023);
  const years = [y0, y0 + 1, y0 + 2];
  const s = newSheet(d.oneOf(["Feuil1", "Données", "Budget", "Export"]));
  const book: Book = { sheets: [s] };
  for (let c = 1; c <= 10; c++) s.widths.set(c, 18);
  switch (kind) {
    case "budget": {
      setCell(s, 1, 1, `Budget primitif ${y0 + 2} - Direction enfance famille`, { bold: true });
      setCell(s, 3, 1, "Chapitre");
      setCell(s, 3, 2, "Libellé");
      years.forEach((y, i) => setCell(s, 3, 3 + i, `BP ${y}`));
      setCell(s, 3, 6, "Total");
      let r = 4;
      const subs: number[] = [];
      for (const sect of ["Fonctionnement", "Investissement"]) {
        setCell(s, r++, 1, sect, { bold: true });
        const first = r;
        for (const [ch, lab] of [
          ["011", "Charges à caractère général"],
          ["012", "Charges de personnel"],
          ["65", "Autres charges de gestion courante"],
          ["6526", "Frais de séjour ASE"],
        ]) {
          setCell(s, r, 1, ch!);
          setCell(s, r, 2, lab!);
          years.forEach((_, i) => setCell(s, r, 3 + i, d.between(10, 900) * 1000, { fmt: "#,##0" }));
          putFx(
            s,
            r,
            6,
            fx.plus(
              s.name,
              years.map((_, i) => ({ sheet: s.name, r, c: 3 + i })),
            ),
            { fmt: "#,##0" },
          );
          r++;
        }
        setCell(s, r, 2, `Total ${sect.toLowerCase()}`, { bold: true });
        for (let c = 3; c <= 6; c++) putFx(s, r, c, fx.sum(s.name, s.name, c, first, r - 1), { fmt: "#,##0", bold: true });
        subs.push(r++);
      }
      setCell(s, r, 2, "TOTAL", { bold: true });
      for (let c = 3; c <= 6; c++)
        putFx(
          s,
          r,
          c,
          fx.plus(
            s.name,
            subs.map((x) => ({ sheet: s.name, r: x, c })),
          ),
          { fmt: "#,##0", bold: true },
        );
      break;
    }
    case "staffing": {
      ["N° fiche", "Agent", "Grade", "Service", `ETP ${y0 + 2}`, "Coût chargé annuel"].forEach((t, i) => setCell(s, 1, 1 + i, t, { bold: true }));
      for (let i = 0; i < d.between(6, 15); i++) {
        setCell(s, 2 + i, 1, String(d.between(1, 20)));
        setCell(s, 2 + i, 2, d.oneOf(["Mme A.", "M. B.", "Mme C.", "M. D."]));
        setCell(s, 2 + i, 3, d.oneOf(["Assistant socio-éducatif", "Puéricultrice", "Attaché", "Sage-femme"]));
        setCell(s, 2 + i, 4, d.oneOf(["PMI", "ASE", "CRIP"]));
        setCell(s, 2 + i, 5, d.between(1, 4) / 4, { fmt: "0.00" });
        setCell(s, 2 + i, 6, d.between(30, 60) * 1000, { fmt: '#,##0\\ "€"' });
      }
      break;
    }
    case "pivot": {
      setCell(s, 1, 1, "Somme de Montant", { bold: true });
      setCell(s, 3, 1, "Étiquettes de lignes", { bold: true });
      years.forEach((y, i) => setCell(s, 3, 2 + i, y, { bold: true }));
      setCell(s, 3, 5, "Total général", { bold: true });
      const names = ["CD", "ETAT", "FIR", "ONDAM"];
      names.forEach((n, i) => {
        setCell(s, 4 + i, 1, n);
        years.forEach((_, j) => setCell(s, 4 + i, 2 + j, d.between(50, 3000) * 100, { fmt: "#,##0" }));
        putFx(s, 4 + i, 5, { f: `SUM(B${4 + i}:D${4 + i})`, calc: (get) => [2, 3, 4].reduce((t, c) => t + get(s.name, 4 + i, c), 0) }, { fmt: "#,##0" });
      });
      setCell(s, 8, 1, "Total général", { bold: true });
      for (let c = 2; c <= 5; c++) putFx(s, 8, c, fx.sum(s.name, s.name, c, 4, 7), { fmt: "#,##0", bold: true });
      break;
    }
    case "empty": {
      if (d.odds(0.5)) setCell(s, 1, 1, "Annexe financière CDPPE");
      break;
    }
    case "indicators": {
      ["Fiche action", "Intitulé", "Indicateur", `Cible ${y0 + 2}`, `Réalisé ${y0 + 2}`, "Taux d'atteinte"].forEach((t, i) =>
        setCell(s, 1, 1 + i, t, { bold: true }),
      );
      for (let i = 0; i < d.between(6, 14); i++) {
        const target = d.between(10, 300);
        const done = d.between(0, target);
        setCell(s, 2 + i, 1, `FA ${i + 1}`);
        setCell(s, 2 + i, 2, d.oneOf(["Entretiens prénataux", "Visites à domicile", "Bilans en maternelle", "Parrainages"]));
        setCell(s, 2 + i, 3, d.oneOf(["Nombre d'entretiens", "Nombre de visites", "Nombre d'enfants"]));
        setCell(s, 2 + i, 4, target);
        setCell(s, 2 + i, 5, done);
        setCell(s, 2 + i, 6, done / target, { fmt: "0%" });
      }
      break;
    }
  }
  recalc(book);
  return book;
}
