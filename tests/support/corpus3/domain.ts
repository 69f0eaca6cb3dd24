// The domain data corpus3 draws from: national objectives (type and plausible funder), engagements, fiche labels.
// Written from /work/shared/objectives.md and annex-spec.md, independently of the product's catalogue.

export interface Objective {
  n: number;
  type: "Fondamental" | "Facultatif";
  label: string;
  engagement: number;
  fir: boolean;
  ondam: boolean;
}

export const OBJECTIVES: Objective[] = [
  {
    n: 1,
    type: "Fondamental",
    engagement: 0,
    fir: true,
    ondam: false,
    label: "Atteindre à horizon 2022 un taux de couverture par la PMI d'au moins 20 % des entretiens prénataux précoces",
  },
  {
    n: 2,
    type: "Fondamental",
    engagement: 0,
    fir: true,
    ondam: false,
    label: "Faire progresser le nombre de bilans de santé en école maternelle réalisés par la PMI",
  },
  {
    n: 3,
    type: "Fondamental",
    engagement: 0,
    fir: true,
    ondam: false,
    label: "Doubler le nombre de visites à domicile pré et postnatales réalisées par des sages-femmes de PMI",
  },
  {
    n: 4,
    type: "Fondamental",
    engagement: 0,
    fir: true,
    ondam: false,
    label: "Permettre qu'au moins 15 % des enfants bénéficient de l'intervention à domicile d'infirmières puéricultrices de la PMI",
  },
  {
    n: 5,
    type: "Fondamental",
    engagement: 0,
    fir: true,
    ondam: false,
    label: "Permettre qu'au moins 20 % des enfants bénéficient de consultations infantiles en PMI",
  },
  {
    n: 6,
    type: "Fondamental",
    engagement: 1,
    fir: false,
    ondam: false,
    label: "Renforcer les moyens et la pluridisciplinarité des cellules de recueil des informations préoccupantes (CRIP)",
  },
  { n: 7, type: "Fondamental", engagement: 1, fir: false, ondam: false, label: "Systématiser et renforcer les protocoles informations préoccupantes" },
  {
    n: 8,
    type: "Fondamental",
    engagement: 1,
    fir: false,
    ondam: false,
    label: "Systématiser un volet « maîtrise des risques » dans les schémas départementaux",
  },
  {
    n: 9,
    type: "Fondamental",
    engagement: 1,
    fir: false,
    ondam: true,
    label: "Garantir l'accompagnement de tous les enfants protégés en situation de handicap",
  },
  { n: 10, type: "Fondamental", engagement: 2, fir: false, ondam: false, label: "Systématiser la participation des enfants et des jeunes aux ODPE" },
  { n: 11, type: "Fondamental", engagement: 2, fir: false, ondam: false, label: "Renforcer l'ODPE" },
  { n: 13, type: "Facultatif", engagement: 0, fir: true, ondam: false, label: "Soutenir les actions innovantes en PMI en matière de santé publique" },
  { n: 14, type: "Facultatif", engagement: 0, fir: false, ondam: false, label: "Créer 20 nouveaux relais parentaux sur le territoire" },
  { n: 15, type: "Facultatif", engagement: 1, fir: false, ondam: true, label: "Soutenir les parents en situation de handicap" },
  { n: 16, type: "Facultatif", engagement: 1, fir: false, ondam: true, label: "Soutenir les parents d'enfants en situation de handicap" },
  { n: 19, type: "Facultatif", engagement: 1, fir: false, ondam: false, label: "Diversifier l'offre en matière de protection de l'enfance à domicile" },
  { n: 23, type: "Facultatif", engagement: 2, fir: false, ondam: false, label: "Développer le parrainage, le soutien scolaire" },
  {
    n: 24,
    type: "Facultatif",
    engagement: 3,
    fir: false,
    ondam: true,
    label: "Mettre en place des dispositifs d'accompagnement global et « passerelles » pour les jeunes en situation de handicap",
  },
  {
    n: 25,
    type: "Facultatif",
    engagement: 3,
    fir: false,
    ondam: false,
    label: "Favoriser l'accès aux droits et l'accompagnement vers l'autonomie des anciens MNA",
  },
  { n: 26, type: "Facultatif", engagement: 4, fir: false, ondam: false, label: "Renforcer la formation des professionnels" },
];

export const ENGAGEMENTS = [
  [
    "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
    "ENGAGEMENT 1",
    "Axe 1 - Agir précocement",
    "Engagement n°1",
  ],
  ["Engagement 2 : Sécuriser les parcours des enfants protégés et prévenir les ruptures", "ENGAGEMENT 2", "Axe 2 - Sécuriser les parcours", "Engagement n°2"],
  ["Engagement 3 : Donner aux enfants les moyens d'agir et garantir leurs droits", "ENGAGEMENT 3", "Axe 3 - Droits des enfants", "Engagement n°3"],
  ["Engagement 4 : Préparer leur avenir et sécuriser leur vie d'adulte", "ENGAGEMENT 4", "Axe 4 - Préparer l'avenir", "Engagement n°4"],
  ["Conditions pour y parvenir", "CONDITIONS POUR Y PARVENIR", "Axe 5 - Gouvernance et formation", "Conditions de réussite"],
];

export const FICHE_LABELS = [
  "Renforcer les entretiens prénataux précoces",
  "Bilans de santé en école maternelle",
  "Visites à domicile des sages-femmes",
  "Consultations infantiles de PMI",
  "Recrutement de puéricultrices",
  "Renfort de la CRIP",
  "Protocole informations préoccupantes",
  "Plan de contrôle des établissements",
  "Équipe mobile handicap et protection de l'enfance",
  "Participation des jeunes à l'ODPE",
  "Observatoire départemental : diagnostic partagé",
  "Relais parentaux",
  "Accueil de jour des parents en situation de handicap",
  "Soutien aux parents d'enfants handicapés",
  "Action éducative à domicile renforcée",
  "Parrainage de proximité",
  "Dispositif passerelle 16-25 ans",
  "Accompagnement des anciens MNA vers l'autonomie",
  "Formation des professionnels",
  "Création d'un centre parental",
  "Soutien aux tiers dignes de confiance",
  "Interventions de TISF",
  "Accueil des fratries",
  "Plateforme d'accompagnement des sortants de l'ASE",
  "Santé des enfants confiés",
  "Systèmes d'information de l'ODPE",
  "Prévention spécialisée",
  "Médiation familiale",
  "Visites médiatisées",
  "Soutien à la parentalité en PMI",
];

export const THEMES = ["PMI", "ASE", "Handicap", "Transverse", "PMI/ASE", "DPEF", "Prévention", "Handicap/ASE"];
export const INDICATORS = [
  "Nombre d'EPP réalisés",
  "Taux de couverture",
  "Nombre de bilans",
  "Délai moyen d'évaluation",
  "Nombre de jeunes accompagnés",
  "Nombre de places créées",
  "Nombre de professionnels formés",
  "Part des enfants vus",
];
