// The département's own money under the names its services give it. A département splits its part (CD) into the cost of
// its staff (masse salariale) and the credits it spends itself (budget DGAS); each service words the two its own way.
// These generic words name the département's part only when no co-financer is named beside them (« Crédits ARS » is the
// ARS's): they are tried after the funders' own names, and the arithmetic (verify.ts) confirms or refutes the reading.

/** Staff cost: « Moyens humains », « Temps agents valorisé », « Coût RH (valorisation) », « Frais de personnel »… */
const STAFF =
  /\bmoyens? humains?\b|\bressources? humaines?\b|\brh\b|\btemps (d.)?(agents?|de travail|de personnels?) valorises?\b|\bvalorisation (du )?temps\b|\b(salaires?|remunerations?)\b|\bcharges? salariales?\b|\beffectifs? valorises?\b/;

/**
 * Credits the département spends itself: « Crédits directs », « Crédits d'intervention », « Budget de fonctionnement »,
 * « Dépenses directes », « Crédits DGA Solidarités » (a DGA is the direction générale adjointe that holds them).
 */
const DIRECT =
  /\b(credits?|depenses?|budgets?|frais|charges?|moyens?) (directs?|directes?|d.intervention|de fonctionnement|hors (rh|personnel|masse salariale))\b|\bdga\b|\bdirection generale adjointe\b|\b(credits?|budgets?) (de la )?(direction|dga|pole) (des )?solidarites?\b/;

/** Staff cost in the accounts' words: the agents' cost, chapter 012 (charges de personnel in M57). */
const STAFF_ACCOUNTS = /\b(couts?|charges?|depenses?|valorisation|temps) (des |d.|de )?agents?\b|\bagents? (departementaux|du departement)\b|\bchapitre 012\b/;

/**
 * A direction's own credits named by the direction: « Crédits de la DEF », « Crédits DSD », « Budget Enfance-Famille »,
 * « Budget ASE » (a direction's acronym starts with D; the State's services, DDETS, DREETS, DGCS, are not the
 * département's).
 */
const DIRECTION_CREDITS =
  /\b(credits?|budgets?|depenses?|enveloppe) (de la |du |de l.)?(direction )?((?!dd|dr|dgcs\b|des\b|dont\b|dans\b|du\b|de\b)d[a-z]{1,4}\b|(de l.)?(enfance[- ]famille|enfance|ase|pmi|protection de l.enfance)\b)/;

/** The service's own credits, its direction unnamed: « Budget de la direction », « Crédits du service ». */
const SERVICE_CREDITS =
  /\b(credits?|budgets?|enveloppes?) (propres? )?(de la |du )(direction|service)\b(?! (pilote|generale|regionale|departementale|de l.etat))/;

export type OwnPart = "ms" | "dgas";

/** The parts of the département's own money a header names in these generic words, staff first. */
export function ownPartsIn(text: string): OwnPart[] {
  const out: OwnPart[] = [];
  if (STAFF.test(text) || STAFF_ACCOUNTS.test(text)) out.push("ms");
  if (DIRECT.test(text) || DIRECTION_CREDITS.test(text) || SERVICE_CREDITS.test(text)) out.push("dgas");
  return out;
}
