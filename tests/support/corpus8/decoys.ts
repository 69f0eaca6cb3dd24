/**
 * Workbooks that are not CDPPE annexes but look like one to a hurried reader: years, totals, funders, fiche numbers,
 * « réalisé » columns. The product must answer exit 2 with no finding on each.
 */
import { type Book, type Sheet, newSheet, put, rangeRef, recompute } from "./book";
import { Prng } from "./prng";

export const DECOY_KINDS = [
  "budget-chapitres",
  "effectifs-fiche",
  "tcd-financeurs",
  "classeur-vide",
  "cpom",
  "suivi-indicateurs",
  "appel-projets-fir",
  "pdpe-actions",
  "depenses-ase",
] as const;
export type DecoyKind = (typeof DECOY_KINDS)[number];

const EUR = "#,##0 €";
/** A table: header row, body rows, then a Total row summing every numeric column. */
function table(s: Sheet, top: number, head: string[], body: (string | number)[][], totalLabel: string | null, fmt = EUR): void {
  head.forEach((h, i) => put(s, top, 1 + i, h, { bold: true }));
  body.forEach((row, k) => row.forEach((v, i) => put(s, top + 1 + k, 1 + i, v, { fmt: typeof v === "number" ? fmt : undefined })));
  s.widths = new Map(head.map((_, i) => [1 + i, 20]));
  if (totalLabel === null) return;
  const tr = top + 1 + body.length;
  put(s, tr, 1, totalLabel, { bold: true });
  head.forEach((_, i) => {
    if (i === 0 || typeof body[0]?.[i] !== "number") return;
    put(s, tr, 1 + i, null, { fmt, bold: true, fx: { t: "sum", args: [rangeRef(top + 1, 1 + i, tr - 1, 1 + i)] } });
  });
}

export function makeDecoy(kind: DecoyKind, seed: number): Book {
  const g = new Prng(seed, `decoy/${kind}`);
  const y0 = g.int(2020, 2024);
  const ys = [y0, y0 + 1, y0 + 2];
  const money = () => g.int(10, 900) * 1000;
  const book: Book = { sheets: [] };
  const s = newSheet(
    {
      "budget-chapitres": "BP par chapitre",
      "effectifs-fiche": "Effectifs",
      "tcd-financeurs": "TCD",
      "classeur-vide": "Feuil1",
      cpom: "CPOM",
      "suivi-indicateurs": "Suivi des indicateurs",
      "appel-projets-fir": "AAP FIR",
      "pdpe-actions": "Plan d'actions PDPE",
      "depenses-ase": "Dépenses ASE",
    }[kind],
  );
  book.sheets.push(s);
  switch (kind) {
    case "budget-chapitres": {
      put(s, 1, 1, `Budget primitif ${ys[2]} — politique Enfance Famille`, { bold: true });
      const chapters = [
        ["011", "Charges à caractère général"],
        ["012", "Charges de personnel"],
        ["65", "Autres charges de gestion courante"],
        ["6568", "Participations diverses"],
        ["656", "Frais de fonctionnement des groupes d'élus"],
        ["67", "Charges exceptionnelles"],
      ];
      table(
        s,
        3,
        ["Chapitre", "Libellé", `CA ${ys[0]}`, `BP ${ys[1]}`, `BP ${ys[2]}`, "Évolution BP/BP (%)"],
        chapters.map(([c, l]) => [c!, l!, money(), money(), money(), g.int(-20, 30)]),
        "Total dépenses de fonctionnement",
      );
      break;
    }
    case "effectifs-fiche": {
      put(s, 1, 1, "Moyens humains mobilisés par fiche action", { bold: true });
      const body = Array.from({ length: g.int(6, 14) }, (_, i) => [
        i + 1,
        `Action ${i + 1}`,
        g.pick(["PMI", "ASE", "ODPE"]),
        g.int(1, 8) / 2,
        g.int(1, 8) / 2,
        money(),
        money(),
      ]);
      table(s, 3, ["N° fiche", "Intitulé", "Service", `ETP ${ys[1]}`, `ETP ${ys[2]}`, `Masse salariale ${ys[1]}`, `Masse salariale ${ys[2]}`], body, "TOTAL");
      break;
    }
    case "tcd-financeurs": {
      table(
        s,
        3,
        ["Étiquettes de lignes", `Somme de ${ys[0]}`, `Somme de ${ys[1]}`, `Somme de ${ys[2]}`, "Total général"],
        ["Département", "FIR", "ETAT", "ONDAM"].map((f) => {
          const xs = ys.map(money);
          return [f, ...xs, xs.reduce((a, b) => a + b, 0)];
        }),
        "Total général",
      );
      put(s, 1, 1, "Financement du CDPPE par financeur", { bold: true });
      break;
    }
    case "classeur-vide":
      break;
    case "cpom": {
      put(s, 1, 1, `CPOM ${ys[0]}-${ys[2]} — établissements de protection de l'enfance`, { bold: true });
      const body = ["MECS Les Tilleuls", "Foyer de l'enfance", "SAEMO", "Lieu de vie Le Moulin", "Service AEMO renforcée", "Centre maternel"].map((e) => [
        e,
        g.pick(["Association Sauvegarde", "Fondation d'Auteuil", "Régie départementale"]),
        g.int(10, 80),
        money(),
        money(),
        money(),
        g.pick(["CD", "CD / ARS", "ARS"]),
      ]);
      table(s, 3, ["Établissement", "Gestionnaire", "Places", `Dotation ${ys[0]}`, `Dotation ${ys[1]}`, `Dotation ${ys[2]}`, "Financeur"], body, "Total CPOM");
      break;
    }
    case "suivi-indicateurs": {
      put(s, 1, 1, "CDPPE — suivi des indicateurs", { bold: true });
      const body = Array.from({ length: g.int(8, 16) }, (_, i) => {
        const cible = g.int(20, 400);
        return [
          `FA ${i + 1}`,
          `Objectif ${g.int(1, 11)}`,
          g.pick(["Nombre d'EPP", "Nombre de VAD", "Nombre de jeunes accompagnés"]),
          cible,
          g.int(10, cible),
          cible,
          g.int(10, cible),
          g.int(30, 100) / 100,
        ];
      });
      table(
        s,
        3,
        ["N° fiche", "Objectif", "Indicateur", `Cible ${ys[1]}`, `Réalisé ${ys[1]}`, `Cible ${ys[2]}`, `Réalisé ${ys[2]}`, "Taux d'atteinte"],
        body,
        null,
        "0",
      );
      break;
    }
    case "appel-projets-fir": {
      put(s, 1, 1, `Appel à projets ARS — FIR ${ys[2]} — prévention et promotion de la santé`, { bold: true });
      const body = Array.from({ length: g.int(6, 12) }, (_, i) => [
        `${ys[2]}-${String(i + 1).padStart(3, "0")}`,
        g.pick(["Association Parents-Enfants", "CCAS", "Maison des adolescents"]),
        g.pick(["Soutien à la parentalité", "Périnatalité", "Santé mentale"]),
        money(),
        money(),
        ys[2]!,
      ]);
      table(s, 3, ["N° dossier", "Porteur", "Projet", "Montant demandé", "Montant accordé FIR", "Année"], body, "Total");
      break;
    }
    case "pdpe-actions": {
      put(s, 1, 1, `Schéma départemental enfance famille ${ys[0]}-${ys[2]! + 2} — plan d'actions`, { bold: true });
      const body = Array.from({ length: g.int(8, 14) }, (_, i) => [
        `Axe ${1 + Math.floor(i / 4)}`,
        `${1 + Math.floor(i / 4)}.${(i % 4) + 1}`,
        `Action ${i + 1}`,
        g.pick(["DEF", "DPMI", "ODPE"]),
        g.pick([`${ys[1]}`, `${ys[2]}`, "En continu"]),
        money(),
      ]);
      table(s, 3, ["Axe", "N° action", "Action", "Pilote", "Échéance", "Coût estimé"], body, "Total");
      break;
    }
    case "depenses-ase": {
      put(s, 1, 1, "Dépenses d'aide sociale à l'enfance par mode d'accueil", { bold: true });
      const body = ["MECS", "Assistants familiaux", "Lieux de vie", "Placement à domicile", "Jeunes majeurs", "MNA"].map((m) => {
        const xs = ys.map(money);
        return [m, ...xs, xs[2]! - xs[1]!];
      });
      table(s, 3, ["Mode d'accueil", `Réalisé ${ys[0]}`, `Réalisé ${ys[1]}`, `Prévisionnel ${ys[2]}`, "Écart"], body, "Total ASE");
      break;
    }
  }
  recompute(book);
  return book;
}
