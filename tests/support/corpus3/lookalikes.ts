// Workbooks that are not CDPPE annexes but look like one at a glance: years, Total rows, "N° fiche", funders.
// The product must answer exit 2 and report no finding for each.
import { newSheet, setCell, type GBook, type GSheet } from "./grid";
import { Rng } from "./rng";

export const LOOKALIKE_KINDS = ["budget", "staffing", "pivot", "empty", "subsidies", "indicators", "planning", "funding-plan"] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

const EUR = '#,##0 "€"';

function row(s: GSheet, r: number, c0: number, values: Array<string | number | null>, bold = false, fmt?: string): void {
  values.forEach((v, i) => {
    if (v === null) return;
    setCell(s, r, c0 + i, { v, bold, fmt: typeof v === "number" ? fmt : undefined });
  });
}

export function generateLookalike(kind: LookalikeKind, seed: number): GBook {
  const rng = new Rng(seed * 131 + kind.length);
  const s = newSheet(rng.pick(["Feuil1", "Données", "Tableau", "2024", "Synthèse"]));
  const book: GBook = { sheets: [s] };
  for (let c = 1; c <= 12; c++) s.widths.set(c, 18);
  const y0 = rng.pick([2020, 2021, 2022, 2023]);
  const years = [y0, y0 + 1, y0 + 2];
  let r = 1;
  if (rng.chance(0.6)) row(s, r++, 1, [rng.pick(["Département — Direction enfance famille", "DGAS — document de travail", "Conseil départemental"])], true);
  if (kind === "budget") {
    row(s, r++, 1, ["Chapitre", "Article", "Libellé", ...years.map((y) => `BP ${y}`), "Évolution"], true);
    const chapters = ["011 - Charges à caractère général", "012 - Charges de personnel", "65 - Autres charges de gestion courante"];
    const totals = years.map(() => 0);
    for (const ch of chapters) {
      const sub = years.map(() => 0);
      for (let i = 0; i < rng.int(2, 5); i++) {
        const v = years.map(() => rng.amount(10000, 900000));
        v.forEach((x, k) => {
          sub[k]! += x;
          totals[k]! += x;
        });
        row(
          s,
          r++,
          1,
          [
            ch.slice(0, 3),
            String(6000 + rng.int(10, 999)),
            rng.pick(["Frais d'hébergement", "Prestations", "Subventions", "Rémunérations", "Placement familial"]),
            ...v,
            v[2]! / v[1]! - 1,
          ],
          false,
          EUR,
        );
      }
      row(s, r++, 1, [`Total chapitre ${ch.slice(0, 3)}`, null, null, ...sub], true, EUR);
    }
    row(s, r++, 1, ["TOTAL GÉNÉRAL", null, null, ...totals], true, EUR);
  } else if (kind === "staffing") {
    row(s, r++, 1, ["N° fiche", "Nom", "Prénom", "Service", "Grade", ...years.map((y) => `ETP ${y}`), "Coût masse salariale"], true);
    const names = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"];
    let tot = 0;
    for (let i = 1; i <= rng.int(5, 12); i++) {
      const cost = rng.amount(30000, 70000);
      tot += cost;
      row(
        s,
        r++,
        1,
        [
          i,
          rng.pick(names),
          rng.pick(["Anne", "Paul", "Léa", "Marc", "Sophie"]),
          rng.pick(["PMI", "ASE", "CRIP", "ODPE"]),
          rng.pick(["Attaché", "Rédacteur", "Puéricultrice", "Assistant socio-éducatif"]),
          1,
          rng.pick([0.5, 0.8, 1]),
          1,
          cost,
        ],
        false,
        EUR,
      );
    }
    row(s, r++, 1, ["Total", null, null, null, null, null, null, null, tot], true, EUR);
  } else if (kind === "pivot") {
    row(s, r++, 1, ["Étiquettes de lignes", "Somme de Total CD", "Somme de FIR", "Somme de ETAT", "Somme de ONDAM", "Somme de Moyens financiers"], true);
    const tot = [0, 0, 0, 0, 0];
    for (const e of ["Engagement 1", "Engagement 2", "Engagement 3", "Engagement 4", "Conditions pour y parvenir"]) {
      const v = [rng.amount(100000, 2000000), rng.amount(0, 300000), rng.amount(0, 500000), rng.amount(0, 400000)];
      const all = [...v, v.reduce((a, b) => a + b, 0)];
      all.forEach((x, k) => (tot[k]! += x));
      row(s, r++, 1, [e, ...all], false, EUR);
    }
    row(s, r++, 1, ["Total général", ...tot], true, EUR);
  } else if (kind === "empty") {
    s.cells.clear();
    if (rng.chance(0.5)) book.sheets.push(newSheet("Feuil2"));
  } else if (kind === "subsidies") {
    row(s, r++, 1, ["Association", "Objet", `Montant accordé ${years[2]}`, `Montant versé ${years[2]}`, "Financeur", "Date de délibération"], true);
    let a = 0;
    let v = 0;
    for (let i = 0; i < rng.int(5, 14); i++) {
      const x = rng.amount(2000, 150000);
      const y = Math.round(x * rng.pick([0.5, 1, 1]));
      a += x;
      v += y;
      row(
        s,
        r,
        1,
        [
          rng.pick(["ADSEA", "Sauvegarde", "Les Nids", "Apprentis d'Auteuil", "UDAF", "Maison des familles"]),
          rng.pick(["Médiation familiale", "Parrainage", "Accueil de jour", "Prévention spécialisée"]),
          x,
          y,
          rng.pick(["CD", "ARS", "État", "CD/ARS"]),
        ],
        false,
        EUR,
      );
      setCell(s, r, 6, { v: new Date(Date.UTC(years[2]!, rng.int(0, 11), rng.int(1, 28))), fmt: "dd/mm/yyyy" });
      r++;
    }
    row(s, r++, 1, ["Total", null, a, v], true, EUR);
  } else if (kind === "indicators") {
    row(s, r++, 1, ["Fiche action", "Indicateur", ...years.map((y) => `Cible ${y}`), `Réalisé ${years[2]}`, "Taux de réalisation"], true);
    for (let i = 1; i <= rng.int(5, 15); i++) {
      const target = rng.int(10, 500);
      const done = rng.int(5, target);
      row(s, r++, 1, [
        `FA ${i}`,
        rng.pick(["Nombre d'EPP", "Nombre de bilans", "Nombre de VAD", "Jeunes accompagnés"]),
        Math.round(target / 2),
        Math.round(target * 0.8),
        target,
        done,
        done / target,
      ]);
    }
  } else if (kind === "funding-plan") {
    // Establishments' funding by year and funder (CD, ARS, État) with totals: money, years and funders, but no fiche.
    const g = (y: number) => [`CD ${y}`, `ARS ${y}`, `État ${y}`];
    row(s, r++, 1, ["Établissement", "Catégorie", ...years.flatMap(g), "Total"], true);
    const tot = Array(years.length * 3 + 1).fill(0) as number[];
    for (let i = 0; i < rng.int(5, 12); i++) {
      const v = years.flatMap(() => [rng.amount(50000, 900000), rng.amount(0, 200000), rng.amount(0, 100000)]);
      const all = [...v, v.reduce((a, b) => a + b, 0)];
      all.forEach((x, k) => (tot[k]! += x));
      row(
        s,
        r++,
        1,
        [
          rng.pick(["MECS Les Tilleuls", "Foyer de l'enfance", "Pouponnière", "Lieu de vie", "Service AEMO"]) + ` ${i + 1}`,
          rng.pick(["MECS", "FDE", "AEMO", "LVA"]),
          ...all,
        ],
        false,
        EUR,
      );
    }
    row(s, r++, 1, ["Total", null, ...tot], true, EUR);
  } else {
    row(s, r++, 1, ["N°", "Action", ...years.flatMap((y) => [`T1 ${y}`, `T3 ${y}`]), "Pilote"], true);
    for (let i = 1; i <= rng.int(5, 12); i++)
      row(s, r++, 1, [
        i,
        rng.pick(["Recrutement", "Marché public", "Formation", "Ouverture", "Évaluation"]),
        ...years.flatMap(() => [rng.pick(["x", "", "X"]), rng.pick(["x", ""])]).map((v) => v || null),
        rng.pick(["PMI", "ASE"]),
      ]);
  }
  return book;
}
