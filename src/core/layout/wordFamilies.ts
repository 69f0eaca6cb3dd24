// More families of header words for the roles other than the funders' blocks (corpus8's classes, issue #10): the words
// of budget tables, comptes administratifs and rapports d'exécution. Tried with classify.ts's own families, before the
// realisations; each family is read whole (singular/plural, with or without the article). On normalised text.
import type { ColumnClass } from "./types";

export const MORE_FAMILIES: Array<[RegExp, ColumnClass]> = [
  // The whole planned amount in the accounts' words: resources, commitment authorisations, credits voted.
  [/^(total|montant total|ensemble) (des )?(ressources|recettes)( prevues?)?$/, { role: "budget" }],
  [/^(montants?|credits?) inscrits? (au (bp|budget( primitif)?))$|^total (des )?credits( prevus| programmes)?$/, { role: "budget" }],
  // Money planned and not spent, in the accounts' word: the gap, not a consumption.
  [/^sous-?(consommation|execution|realisation)s?( des credits)?$/, { role: "gap" }],
  [/^(ae|autorisations? d.engagement)( (votees?|inscrites?|ouvertes?|programmees?|affectees?))?$/, { role: "budget" }],
  [/^credits? (inscrits?|votes?|ouverts?)( au budget)?$/, { role: "budget" }],
  [/^(total|montant) programmes?( 20\d{2}( ?(-|a|au) ?20\d{2})?)?$/, { role: "budget" }],
  // The action named as a project or a scheme.
  [
    /^(projets?|(intitule|nom|libelle|objet) du projet|dispositifs?|actions? ?\/ ?(dispositifs?|projets?)|denomination( de l.action| du projet)?|actions? mises? en (œ|oe)uvre)$/,
    { role: "label" },
  ],
  // How the money travels: the summary's modalités.
  [/^circuits? (de |du )?(financement|versement|paiement)s?$/, { role: "modalite" }],
  // Whether the objective is one of the socle (fondamental), mandatory or optional: its type.
  [/^(objectifs? )?obligatoires? ?(\/|ou|-) ?(facultatifs?|optionnels?)$/, { role: "objectiveType" }],
  [/^(objectifs? )?(socle|fondamental)( \?| \(oui ?\/ ?non\))$|^(objectifs? )?socle$|^objectifs? socle\b/, { role: "objectiveType" }],
  // Criteria an action is evaluated by: its indicators.
  [/^criteres? (d.evaluation|de reussite|de suivi)$/, { role: "indicator" }],
  // The engagement (or « volet ») a row belongs to, by its number: read as « Engagement » alone is.
  [/^(engagements?|volets?) (n ?°|numero)$|^volets?$/, { role: "theme" }],
  // The field an action belongs to.
  [/^(secteurs?|politiques? publiques?|publics? cibles?)( d.intervention)?$/, { role: "theme" }],
];
