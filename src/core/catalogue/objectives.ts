// National objectives of the CDPPE (circulaire of 20 February 2020 and later instructions), as data:
// a later national text adds rows here, no code changes. Labels as printed in Seine-et-Marne's 2022 annex.
// Every list the rules use (fundamental numbers, where FIR or ONDAM money belongs) is derived from this table.
import type { Funder } from "../layout/types";

export type ObjectiveType = "fondamental" | "facultatif";

export interface NationalObjective {
  n: number;
  type: ObjectiveType;
  label: string;
  /**
   * Co-financers whose money belongs on this objective under the national framework: FIR on the PMI and prevention
   * objectives, ONDAM on the handicap ones, the State (programme 304, "PLF") on the others and on handicap too.
   * `funder-theme` reads it. Not what one annex happens to carry: Seine-et-Marne's 2022 annex funds 15 and 16 by PLF alone.
   */
  funders: readonly Funder[];
}

// One row per objective, as a table reads best (the formatter leaves it so).
// prettier-ignore
export const NATIONAL_OBJECTIVES: readonly NationalObjective[] = [
  { n: 1, type: "fondamental", funders: ["fir"], label: "Atteindre à horizon 2022 un taux de couverture par la PMI d'au moins 20 % des entretiens prénataux précoces au niveau national" },
  { n: 2, type: "fondamental", funders: ["fir"], label: "Faire progresser le nombre de bilans de santé en école maternelle réalisés par la PMI et se rapprocher du contenu de l'examen de santé tel que défini dans le carnet de santé" },
  { n: 3, type: "fondamental", funders: ["fir"], label: "Doubler au niveau national le nombre de visites à domicile pré et postnatales réalisées par des sages-femmes de PMI en faveur des familles vulnérables" },
  { n: 4, type: "fondamental", funders: ["fir"], label: "Permettre qu'à horizon 2022, au niveau national, au moins 15 % des enfants bénéficient de l'intervention à domicile d'infirmières puéricultrices de la PMI, notamment jusqu'aux deux ans de l'enfant et dans les familles vulnérables" },
  { n: 5, type: "fondamental", funders: ["fir"], label: "Permettre qu'à horizon 2022, au niveau national, au moins 20 % des enfants bénéficient de consultations infantiles en PMI correspondant à des examens de santé obligatoire du jeune enfant, en particulier pour les enfants jusqu'à deux ans" },
  { n: 6, type: "fondamental", funders: ["etat"], label: "Renforcer les moyens, les ressources et la pluridisciplinarité des cellules de recueil des informations préoccupantes (CRIP) pour atteindre sur l'ensemble du territoire un délai maximal de trois mois par évaluation" },
  { n: 7, type: "fondamental", funders: ["etat"], label: "Systématiser et renforcer les protocoles informations préoccupantes" },
  { n: 8, type: "fondamental", funders: ["etat"], label: "Systématiser un volet \"maîtrise des risques\" dans les schémas départementaux de protection de l'enfance incluant un plan de contrôle des établissements et services" },
  { n: 9, type: "fondamental", funders: ["etat", "ondam"], label: "Garantir l'accompagnement de tous les enfants protégés en situation de handicap" },
  { n: 10, type: "fondamental", funders: ["etat"], label: "Systématiser la participation des enfants et des jeunes aux observatoires départementaux de la protection de l'enfance (ODPE)" },
  { n: 11, type: "fondamental", funders: ["etat"], label: "Renforcer l'ODPE" },
  { n: 13, type: "facultatif", funders: ["fir"], label: "Soutenir les actions innovantes en PMI en matière de santé publique" },
  { n: 14, type: "facultatif", funders: ["etat"], label: "Créer 20 nouveaux relais parentaux sur le territoire à l'horizon 2022" },
  { n: 15, type: "facultatif", funders: ["etat", "ondam"], label: "Soutenir les parents en situation de handicap" },
  { n: 16, type: "facultatif", funders: ["etat", "ondam"], label: "Soutenir les parents d'enfants en situation de handicap" },
  { n: 19, type: "facultatif", funders: ["etat"], label: "Diversifier l'offre en matière de protection de l'enfance à domicile" },
  { n: 23, type: "facultatif", funders: ["etat"], label: "Développer le parrainage, le soutien scolaire, etc." },
  { n: 24, type: "facultatif", funders: ["etat", "ondam"], label: "Mettre en place des dispositifs d'accompagnement global et \"passerelles\", notamment pour les jeunes en situation de handicap" },
  { n: 25, type: "facultatif", funders: ["etat"], label: "Favoriser l'accès aux droits et l'accompagnement vers l'autonomie des anciens MNA" },
  { n: 26, type: "facultatif", funders: ["etat"], label: "Renforcer la formation des professionnels" },
];

/** Numbers up to 11 are fundamental, from 12 optional (unnumbered optional objectives exist too). */
// Asked once per fiche (10 000 at a time): the first catalogue entry of each number, found without a scan.
const TYPE_BY_NUMBER = new Map<number, ObjectiveType>();
for (const o of NATIONAL_OBJECTIVES) if (!TYPE_BY_NUMBER.has(o.n)) TYPE_BY_NUMBER.set(o.n, o.type);

export function nationalType(n: number): ObjectiveType {
  return TYPE_BY_NUMBER.get(n) ?? (n <= 11 ? "fondamental" : "facultatif");
}

/** Objective numbers, in catalogue order, that satisfy `test`. */
const numbersWhere = (test: (o: NationalObjective) => boolean): number[] => NATIONAL_OBJECTIVES.filter(test).map((o) => o.n);

/** The fundamental objectives every contract must take up (`fundamental-coverage`). */
export const FUNDAMENTAL_NUMBERS = numbersWhere((o) => o.type === "fondamental");

/** Objectives where ONDAM money is expected (handicap) and where FIR money is (PMI, prevention): `funder-theme`. */
export const ONDAM_OBJECTIVES = numbersWhere((o) => o.funders.includes("ondam"));
export const FIR_OBJECTIVES = numbersWhere((o) => o.funders.includes("fir"));
