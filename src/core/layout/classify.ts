// Says what a header column is from its group header (upper row, often merged) and its sub-header.
// Order matters: the specific wordings (écart, taux, réalisations, source, modalités) are tried before the funders,
// because they often name a funder too ("Modalités de financement Etat/AM").
import { expandAbbreviations } from "./abbreviations";
import { bareYear, endOfYearIn, isBareYear, norm, yearsIn } from "./normalize";
import { plannedWhole } from "./plannedWhole";
import { ownPartsIn } from "./ownFunds";
import { MORE_FAMILIES } from "./wordFamilies";
import type { ColumnClass, YearBlock } from "./types";

type Block = "ms" | "dgas" | "cd" | "fir" | "etat" | "ondam";

const FUNDER_WORDS: Array<[Block, RegExp]> = [
  // (« ETP » alone counts posts; valued, « ETP valorisés », it is money.)
  ["ms", /masse salariale|\bms\b|\bpersonnel\b|valorisation rh|\betp valorises?\b|valorisation (des )?etp\b/],
  // (The département's running budget under its own names: « Crédits de fonctionnement », « Dépenses hors personnel ».)
  ["dgas", /dgas|\bdgs\b|credits de fonctionnement|budget direction enfance|depenses hors personnel/],
  [
    "cd",
    /\bcd\b|conseil departemental|departement|\bdept\b|fonds propres|autofinancement|\bcd ?\d{2}\b|\b(total|part|financement|apport|sous-total) (de la )?collectivite\b/,
  ],
  ["fir", /\bfir\b|fonds d'intervention regional|\bars\b|\ba\.r\.s\b|agence regionale de sante/],
  // Not inside a word: "fondamental" holds "ondam".
  ["ondam", /\bondam|assurance maladie|securite sociale|\bam\b|\bcnsa\b|\bcpam\b/],
  // (The State's services that delegate the programme 304's credits: DDETS, DREETS, préfecture.)
  [
    "etat",
    /\betat\b(?! d.avancement)|\bplf\b|programme 304|\bp ?304\b|\bbop ?304\b|\bdgcs\b|\bdd(ets|cs|cspp)\b|\bdreets\b|\bd?r?djscs\b|\bprefecture\b|\bcredits? (de la )?strategie (pauvrete|nationale)\b/,
  ],
];

/** Funders named in a header: "Budget DGAS (hors masse salariale)", what a block excludes does not name it, nor does
 * the title of the contract or plan the table belongs to (« Contrat départemental de prévention… »). */
function fundersIn(text: string): Block[] {
  const t = text
    // What is not the staff is the direction's own credits (« Hors RH », « Dépenses hors personnel »).
    .replace(/(?<!\()\bhors (?:rh|personnel|masse salariale|ms|frais de personnel)\b/g, "dgas")
    .replace(/\(?\bhors [^)]*\)?/g, " ")
    .replace(/\b(contrat|schema|plan|pacte|observatoire) departemental\b/g, " ");
  return withOwnParts(
    t,
    FUNDER_WORDS.filter(([, re]) => re.test(t)).map(([b]) => b),
  );
}

/**
 * The département's part in its services' generic words (« Crédits directs », « Moyens humains »): only where no
 * co-financer is named, and more precise than « Département » beside them (« Crédits directs du Département » is DGAS).
 */
function withOwnParts(t: string, named: Block[]): Block[] {
  if (named.some((b) => b === "fir" || b === "etat" || b === "ondam")) return named;
  const own = ownPartsIn(t).filter((b) => !named.includes(b));
  if (!own.length) return named;
  const rest = named.filter((b) => b !== "cd");
  return [...own, ...rest].sort((a, b) => BLOCK_ORDER.indexOf(a) - BLOCK_ORDER.indexOf(b));
}
const BLOCK_ORDER: Block[] = ["ms", "dgas", "cd", "fir", "ondam", "etat"];

/** A header that adds funders up (« Part CD (MS + DGAS) », « Total ETAT + FIR + ONDAM »). */
const SUM_OF = /\+|\/|,|\bet\b|=/;

/** Funders and the département's funds under the names départements give them. */
export function blockOf(text: string): Block | null {
  const named = fundersIn(text);
  // (The slash of « S/total », « S/T » adds nothing up.)
  if (named.length > 1 && SUM_OF.test(text.replace(/\bs ?\/ ?(total|t)\b/g, " "))) {
    const cofinancers = named.filter((b) => b === "fir" || b === "etat" || b === "ondam");
    // The département's two parts added up are the CD; a sum over several funders is no one block.
    if (!cofinancers.length) return named.includes("cd") || (named.includes("ms") && named.includes("dgas")) ? "cd" : named[0]!;
    return null;
  }
  return named[0] ?? null;
}

/** A sum of the département's part and its co-financers (« Budget = CD + FIR + ETAT + ONDAM »): the planned budget. */
function sumOfAll(text: string): boolean {
  const named = fundersIn(text);
  return SUM_OF.test(text) && named.some((b) => b === "cd" || b === "ms" || b === "dgas") && named.some((b) => b === "fir" || b === "etat" || b === "ondam");
}

/** Sub-headers that say nothing alone: the group above says what they are ("Exécution 2024" / "Montant"). */
const GENERIC_SUB =
  /^(montants?( total)?|actions?|intitules?|libelles?|taux|%|en ?%|en euros?|€|en €|valeur|total|sommes?|realises?|prevus?|previsionnel|execution|consommes?|mt|nb|nombre|ensemble|s ?\/ ?total|sous-?total|\(?[a-z]\)?)$/;

const yearCol = (block: YearBlock, year: number): ColumnClass => ({ block, year });
const SPAN_OR_TOTAL = /\btotal\b|cumul|20\d{2} ?(-|a|au) ?20\d{2}/;
/** A span, even of one year (« Total 2023-2023 », « 2023 à 2023 »), is the block's total, not that year's column. */
const ONE_YEAR_SPAN = /(?<!\d)(20\d{2}) ?(-|–|a|au) ?\1(?!\d)/;
const GAP_START = /^(ecart|reste a\b|solde|disponible|reliquat)\b/;

// A unit after the words ("Part CD (€)", "BUDGET GLOBAL EN EUROS", "2025 (€)", "en milliers d'euros") says nothing of the column.
// (« en € TTC », « – k€ »: taxes included, a dash before the unit.)
// (« en milliers d'€ »: thousands of the euro sign as of the word.)
const UNIT = /\s*(?:- ?)?\(?(?:en )?(?:k ?€|€|euros?|keur|milliers d.? ?(?:euros|€)|k ?euros?)(?: ttc| ht)?\)?$/;
export const unitless = (t: string) => t.replace(UNIT, "").trim();

/** A numbered engagement or objective title (« Axe 1 - Agir le plus précocement… ») names rows, not a column. */
const ROW_TITLE = /^(axes?|engagements?|mesures?|objectifs?|orientations?|priorites?|volets?)( n ?°)? ?([0-9]+|[ivx]+)\b ?[-:.]? ?\S.{10,}/;
/** The same title with its number alone (« Engagement 1 »), under a group of the same word. */
const BARE_TITLE = /^(axe|engagement|mesure|objectif|orientation|priorite|volet)s?( n ?°)? ?([0-9]+|[ivx]+)$/;
const TITLED: ReadonlySet<string> = new Set(["objective", "objectif", "theme", "mesure"]);
const RATE_WORD = /^(taux|%|en ?%|pourcentage|taux d.?(execution|realisation|consommation))$/;

// Finance officers' abbreviations: « Tx d'exécution » is a rate.
// A span written « 2021/2023 » is « 2021-2023 ».
const words = (raw: string) =>
  unitless(
    expandAbbreviations(norm(raw))
      // « Fiche : », « ACTION : », « Réf. action : »: a form's colon says nothing of the column.
      .replace(/\s*:$/, "")
      .replace(/\btx\b\.?/g, "taux")
      .replace(/(20\d{2}) ?\/ ?(20\d{2})/g, "$1-$2"),
  );

/**
 * Money committed, not spent (« Montant engagé 2024 », « Action engagée ? », under « Suivi de l'exécution » too): never
 * read as a realisation, so no place a realisation not found could sit either.
 */
export function committedMoney(header: string): boolean {
  const t = norm(header);
  return /\bengage(e|es|s|ments?)?\b/.test(t) && !/realis|mandat|paye|liquid|consomm/.test(t);
}

/** A unit on a header (« (€) », « en k€ ») says the column holds amounts. */
const hasUnit = (raw: string) => {
  const n = norm(raw);
  return n !== "" && unitless(n) !== n;
};

/**
 * The fiche column named by the word then « which one »: the number written after (« Action n° », « FICHE N° »,
 * « Action numéro ») or the fiche's identifier (« Id. fiche », « Identifiant de l'action », « ID FA »).
 */
const FICHE_NUMBER_AFTER =
  /^(fiches?|actions?|fa|fiches?[- ]actions?) ?(n ?°|no\.?|num\.?|numero)$|^(id\.?|identifiant) ?(de (la |l')?|du |d')?(fiches?|actions?|fa)( actions?)?$/;

export function classifyHeader(groupRaw: string, subRaw: string): ColumnClass | null {
  return asideRemarks(groupRaw, subRaw, classifyWithUnit(groupRaw, subRaw));
}

function classifyWithUnit(groupRaw: string, subRaw: string): ColumnClass | null {
  const c = classifyWords(groupRaw, subRaw);
  // The co-financers named in words are text: « Financements extérieurs (€) » is their money, not the source column.
  if (c && "role" in c && c.role === "source" && hasUnit(subRaw || groupRaw)) return null;
  return c;
}

/** Columns of words (who pays, which objective…): a remark naming one is the likeliest to mislead (« (tous financeurs) »). */
const WORDS_ROLES = new Set(["source", "modalite", "label", "theme", "objective", "objectiveType", "indicator", "comment"]);
const REMARK = /\s*\(([^()]*)\)/g;
const sameClass = (a: ColumnClass | null, b: ColumnClass | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A remark in parentheses qualifies the header, it does not name the column: « Moyens financiers prévisionnels (tous
 * financeurs) » is the budget, not the source of co-financing its remark alone would name. When the whole reads as a
 * column of words, the remark alone names that column and the words outside name another, the words outside win. (A
 * remark that completes the header, « Réalisations (depuis 2020) », « Crédits médico-sociaux (ONDAM) », changes nothing.)
 */
function asideRemarks(groupRaw: string, subRaw: string, whole: ColumnClass | null): ColumnClass | null {
  if (!whole || !("role" in whole) || !WORDS_ROLES.has(whole.role) || (!groupRaw.includes("(") && !subRaw.includes("("))) return whole;
  const g = groupRaw.replace(REMARK, "").trim();
  const s = subRaw.replace(REMARK, "").trim();
  if (!g && !s) return whole;
  const outside = classifyWithUnit(g, s);
  if (!outside || sameClass(outside, whole)) return whole;
  const remarks = [...`${groupRaw} ${subRaw}`.matchAll(REMARK)].map((m) => m[1]!.trim()).filter(Boolean);
  return remarks.some((r) => sameClass(classifyWithUnit("", r), whole)) ? outside : whole;
}

function classifyWords(groupRaw: string, subRaw: string): ColumnClass | null {
  const g = words(groupRaw);
  const s = words(subRaw);
  // The first row of a table taken under its header: an engagement title under the column of engagements or objectives
  // (« Objectif » / « Axe 1 - Agir… ») is that column's first value, the group alone speaks. (Under another header,
  // « N° FA » / « Axe 1 - … », the header band itself is wrong: left unread.)
  const bare = BARE_TITLE.exec(s);
  if (g && (ROW_TITLE.test(s) || (bare && g.startsWith(bare[1]!)))) {
    const alone = classifyOne("", g);
    if (alone && "role" in alone && TITLED.has(alone.role)) return alone;
  }
  // Money committed (« Réalisations » / « Montant engagé 2024 ») is not money spent: no realisation, whatever its group.
  if (g && /\bengagee?s?\b/.test(s) && !/realis|mandat|paye|liquid|consomm|execut/.test(s)) return null;
  // « Modalités de financement » over what it says (« Etat/AM », « FIR + PLF »): the funders named are its values.
  if (g && s && /^(modalites?|modes?) (de|du) financement\b|^modalites?$/.test(g) && !isBareYear(s)) return { role: "modalite" };
  // A funder under a realisation, a rate or a gap (« Réalisé 2023 » / « FIR »): a split of that figure no rule reads,
  // never the funder's planned amount.
  if (g && s && !isBareYear(s) && blockOf(s) && !blockOf(g) && NOT_PLANNED_GROUP.test(g)) return null;
  // A rate under a year alone (« Année 2024 » / « % »): the execution rate of that year, the only rate an annex keeps.
  if (g && isBareYear(g) && RATE_WORD.test(s)) return yearCol("rate", bareYear(g)!);
  // « Taux 2024 » is that year's rate, whatever the group says of where it stands (« Exécution au 31/12/2024 »), unless
  // the group is an indicator's (a target rate).
  const rateOfYear = /^(taux|%) (20\d{2})( ?\(%\)| en %)?$/.exec(s);
  if (rateOfYear && !/indicateur|cible|objectif|valeur/.test(g)) return yearCol("rate", Number(rateOfYear[2]));
  // Year-major blocks ("Budget 2021" over MS | Crédits DGAS | Crédits ARS…): the funder below, the year above.
  // (A span of one year, « Total 2022-2022 », is a total, not a year.)
  if (g && s && !isBareYear(s) && !yearsIn(s).length && yearsIn(g).length === 1 && !NOT_PLANNED.test(g) && !SPAN_OR_TOTAL.test(g)) {
    const b = blockOf(s);
    if (b && !/cumul/.test(s)) return yearCol(b, yearsIn(g)[0]!);
  }
  // Generic sub-headers under a cumulative group ("Cumul 2020-2022", "Depuis 2021" / "Montant", "Taux").
  if (g && /^(cumul|cumule|depuis)\b/.test(g) && /^(taux|%|en ?%)$/.test(s)) return { role: "rateGlobal" };
  if (g && /^(cumul|cumule|depuis)\b/.test(g) && /^(montants?|realises?|mt)$/.test(s)) return { role: "realisedSinceStart" };
  // A rate or a realisation without its own year under a cumulative group (« Depuis 2022 » / « Taux d'exécution »,
  // « Réalisé cumulé 2023-2027 » / « Taux d'exécution »): the cumulative one.
  if (g && s && /^(cumul|depuis)|\bcumule?e?s?\b|20\d{2} ?(-|a|au) ?20\d{2}/.test(g)) {
    const alone = classifyOne("", s);
    if (alone && "role" in alone && alone.role === "rateLastYear") return { role: "rateGlobal" };
    if (alone && "role" in alone && alone.role === "realisedLastYear") return { role: "realisedSinceStart" };
  }
  if (g && s && !isBareYear(s) && GENERIC_SUB.test(s)) return classifyMain(`${g} ${s}`, g, "", null, false) ?? underTitle(g, s);
  // A gap header split over two rows ("Ecart Moyens financiers" / "- Réalisations"): the lower half alone reads as a realisation.
  if (g && s && !isBareYear(s) && GAP_START.test(g)) return { role: "gap" };
  // A header split over two rows whose halves mislead alone: "Type" / "d'objectif", "Taux de" / "consommation 2023-2026".
  if (g && s && !isBareYear(s)) {
    const both = classifyMain(`${g} ${s}`, g, "", null, false);
    if (both && "role" in both && both.role === "objectiveType") return both;
    if (both && /^(taux|niveau|%|pourcentage)\b/.test(g) && (("role" in both && /^rate/.test(both.role)) || ("block" in both && both.block === "rate")))
      return both;
  }
  const out = classifyOne(g, s);
  if (out || !g || !s || isBareYear(s)) return out;
  // A sub-header that says it is no money (a date, a start, a count, posts) is not read with its group: « Plan de
  // financement » / « Date de lancement » is a date, not the planned budget.
  if (notMoneySub(s)) return null;
  // A sub-header that names nothing known, under a group that does: read them together.
  const both = classifyMain(`${g} ${s}`, g, "", null, false);
  return both ?? underTitle(g, s);
}

/** Days, starts, counts and posts, not money (« Date de lancement », « Démarrage », « Nombre de familles », « ETP »)… */
const NOT_MONEY_SUB =
  /^(dates?|demarrages?|lancements?|debut|fin|echeances?|calendriers?|mise en (oeuvre|œuvre|place)|periode de mise en|nombre|nb|nbre|effectifs?|etp|equivalents? temps plein|familles?|beneficiaires?|personnes?|enfants?|jeunes|usagers?|public)\b/;
/** …unless it says money (« ETP valorisés », « Nombre × coût »). */
const MONEY_IN_SUB = /valoris|montants?|\beuros?\b|€|\bcouts?\b|budgets?|credits?|depenses?|financ|enveloppe/;
const notMoneySub = (s: string) => NOT_MONEY_SUB.test(s) && !MONEY_IN_SUB.test(s);

/** Under a group that says nothing (a title over the whole table), the sub-header alone (« Action », « Intitulé »). */
function underTitle(g: string, s: string): ColumnClass | null {
  return classifyOne("", g) ? null : classifyOne("", s);
}

function classifyOne(g: string, s: string): ColumnClass | null {
  const t = s || g;
  if (!t) return null;
  const yearOfSub = bareYear(s);
  const subIsYear = yearOfSub !== null;
  // A bare year under a group: the group says what it is.
  const main = subIsYear ? g : t;
  if (!main) return null;
  return classifyMain(main, g, s, yearOfSub, subIsYear);
}

// (The accounts' own words: « Liquidé », « Compte administratif », « CA 2023 ».)
const REALISED =
  /realis|\breel(le)?s?\b|\bversee?s?\b|depenses? (reelles?|effectives?|mandatees?|payees?)|\bexecution\b|\bexecute|mandate|\bpaye|\bliquide|compte administratif|\bca\b|\bdepenses?\b(?! de personnel| previsionnelles?| prevues?)/;
/** A group of realisations, rates or gaps: the funders under it split that figure. */
const NOT_PLANNED_GROUP =
  /realis|\breel(le)?s?\b|execution|execute|mandat|consomm|liquid|\bpaye|compte administratif|\bca\b|\btaux\b|%|ecart|reste a|solde|disponible/;
/** A group that is not the planned budget: a year in it does not make the funders below planned amounts. */
const NOT_PLANNED = /realis|\breel(le)?s?\b|execution|execute|mandat|consomm|\btaux\b|%|ecart|reste|solde|indicateur|cible|objectif/;
// (« Taux de paiement », « taux de versement »: the rate of what was paid, in the words of a département that says « payé ».)
const RATE =
  /niveau d.?execution|(realis|reel|consomm|execut|mandat)\w* ?\/ ?(prevu|previsionnel|budget|programme)|taux d.?execution|taux de (consommation|realisation)|(\btaux\b|%|pourcentage).*(execution|realis|consomm|depense|mandat|liquid|\bpaie|\bpaye|\bverse|compte administratif|\bca\b)|(execution|realis|consomm|depense|mandat|liquid|\bpaye|compte administratif|\bca\b).*(\btaux\b|%|pourcentage)/;

/** Text about the action, not its money, even when it names a funder: comments, opinions, dates, counts, progress. */
const NOT_MONEY =
  /^(observations?|commentaires?|remarques?|avis|validation|visa|justifications?|motifs?|precisions?|dates?|nombre|nb|nbre|etat d.avancement|avancement|statut)\b/;

function classifyMain(main: string, g: string, s: string, yearOfSub: number | null, subIsYear: boolean): ColumnClass | null {
  if (NOT_MONEY.test(main)) return null;
  const family = roleFamily(main);
  if (family) return family;
  if (
    /\becart\b|^difference\b|reste a (realiser|consommer|engager|mandater|payer|depenser)|\bsolde\b|\bdisponibles?\b|\breliquat\b|non (consomme|realise|utilise|depense|mandate|verse)/.test(
      main,
    )
  )
    return { role: "gap" };
  if (/^(taux|%|pourcentage) (global|cumule?|total)\b/.test(main)) return { role: "rateGlobal" };
  // « Taux 2024 » alone: the rate of that year, whatever group holds it (« Exécution au 31/12/2024 » / « Taux 2024 »).
  const rateOfYear = /^(taux|%|pourcentage) (20\d{2})( ?\(?(en )?%\)?)?$/.exec(main);
  if (rateOfYear && !/indicateur|cible|objectif/.test(g)) return yearCol("rate", Number(rateOfYear[2]));
  if (RATE.test(main) && !/indicateur/.test(main)) {
    if (/consomm/.test(main) && !/taux d.?execution|niveau d.?execution/.test(main)) {
      if (/global|cumul|depuis|total|20\d{2} ?(-|a) ?20\d{2}/.test(main)) return { role: "rateGlobal" };
    }
    if (/global|cumul|au 31 ?\/|depuis|total|20\d{2} ?(-|a|au) ?20\d{2}|\bperiode\b|\bdu contrat\b/.test(main)) return { role: "rateGlobal" };
    const y = yearOfSub ?? single(yearsIn(main));
    return y ? yearCol("rate", y) : { role: "rateLastYear" };
  }
  // "Dépenses directes DGAS 2023" is a planned block; "Dépenses 2023" alone, or "dépenses réalisées", a realisation.
  const plannedSpending = /\bdepenses?\b/.test(main) && !/realis|mandat|paye|execut|reelles?|effectives?/.test(main) && blockOf(main) !== null;
  if (REALISED.test(main) && !plannedSpending && !/indicateur|prevu|previsionnel|a realiser/.test(main)) {
    if (PRIOR.test(main)) return priorOf(main, "realisedTo", "realisedPrior");
    const to = endOfYearIn(main);
    if (to && !/depuis/.test(main)) return yearCol("realisedTo", to);
    if (/depuis|cumul|20\d{2} ?(-|a) ?20\d{2}|\bperiode\b|\bdu contrat\b/.test(main) || (/total/.test(main) && !oneYear(main)))
      return { role: "realisedSinceStart" };
    const y = yearOfSub ?? single(yearsIn(main));
    return y ? yearCol("realised", y) : { role: "realisedLastYear" };
  }
  if (/consomm/.test(main)) {
    if (PRIOR.test(main)) return priorOf(main, "consumedTo", "consumedPrior");
    const to = endOfYearIn(main);
    if (to) return yearCol("consumedTo", to);
    if (/20\d{2} ?(-|a) ?20\d{2}|depuis|cumul|\bperiode\b|\bdu contrat\b/.test(main) || (/total/.test(main) && !oneYear(main)))
      return { role: "consumedSinceStart" };
    const y = yearOfSub ?? single(yearsIn(main));
    return y ? yearCol("consumedIn", y) : { role: "consumedLastYear" };
  }
  // « Budget total (CD + cofinanceurs) » is the budget, whatever it names.
  if (/^(budget|cout) (total|global)\b/.test(main)) return { role: "budget" };
  // (« Financement extérieur »: which co-financer, named in words; with a year or a unit it would be an amount.)
  if (
    /\bsources?\b|co-?financ|financeurs?\b|financeur\(s\)|(origine|provenance) (des|du) (credits|financements?|fonds)|^partenaires? financiers?$|^financements? exterieurs?$/.test(
      main,
    )
  )
    return { role: "source" };
  // (« Financement Etat/AM » names which of the two finances the fiche: the summary's modalities.)
  if (/modalite|\bmodes? de financement|^financements? (etat|plf|p ?304) ?(\/|\+|et) ?(am|ondam|assurance maladie)\b/.test(main)) return { role: "modalite" };
  // "Fondamental" alone is a cell value; the header names both types or the notion.
  if (
    /fondamental.*facultatif|facultatif.*fondamental|\bfond\b\.? ?(\/|ou|-) ?fac\b|\bsocle\b.*\boptionnel|(type|nature|categorie|caractere) (d.?|de l.?)objectif|obj\.? ?(fondamental|facultatif)|^caracteres?$/.test(
      main,
    )
  )
    return { role: "objectiveType" };
  if (/intitule|libelle|designation/.test(main) && /fiche|action/.test(main)) return { role: "label" };
  // "Action" alone is the label; under a group ("Numéro fiche" / "action") the two halves are read together.
  if (!(g && s) && /^(action|intitule|libelle|nom de l.action|designation)s?$/.test(main)) return { role: "label" };
  // The action described rather than titled (« Description de l'action », « Descriptif de la fiche »).
  if (/^(description|descriptif|titre|objet) (de l.|de la |du )?(action|fiche)s?( actions?)?$/.test(main)) return { role: "label" };
  if (FICHE_NUMBER_AFTER.test(main)) return { role: "fiche" };
  if (
    /(numero|num\.?|n ?°|no\.?|ref\.?|reference|#) ?(de (la )?)?fiche|fiches? (actions? )?(n ?°|no\b|num)|^fiches?( actions?)?$|^n ?° ?(fa|fiche)\b|^fa$|^fa ?(n ?°|no\b|num)|^(n ?°|no|num|numero|ref|reference|#|n)\.?$|^n ?° ?(de )?(l'|d')?action\b|^(numero|n ?°) (fa|action)\b|^numero (de l'|d')action\b|^code (fa|fiche|action)s?\b|^fiches?-actions?$|^(ref|reference)s?\.? ?(de (l'|la )?|d')?(action|fa|fiche)s?$|^fiches? ?-? ?actions? (du|de la|de l') ?(contrat|cdppe|convention)$/.test(
      main,
    )
  ) {
    return { role: "fiche" };
  }
  if (/indicateur/.test(main)) {
    if (subIsYear) return yearCol("indicator", yearOfSub!);
    if (/\betat\b/.test(main)) return { role: "indicatorEtat" };
    if (/additionn|complementaire|autres?\b|departementa/.test(main)) return { role: "indicatorExtra" };
    const y = single(yearsIn(main));
    if (y && /cible|valeur|objectif/.test(main)) return yearCol("indicator", y);
    return { role: "indicator" };
  }
  if (/^(valeurs? )?cibles?\b/.test(main) && single(yearsIn(main))) return yearCol("indicator", single(yearsIn(main))!);
  // "Objectifs chiffrés" over years are the indicator's targets, not the objective.
  if (/^objectifs? (chiffres?|quantifies?|cibles?)\b|^(valeurs? )?cibles?\b/.test(main)) {
    const y = yearOfSub ?? single(yearsIn(main));
    if (y) return yearCol("indicator", y);
  }
  if (/objectif/.test(main)) return { role: "objective" };
  if (/^mesures?\b/.test(main)) return { role: "mesure" };
  if (
    /^(theme|thematique|axe|direction|pole|engagements?|domaines?|champs?)$|^(theme|thematique|axe|direction|pole|domaine d.intervention|champ d.intervention)\b(?! (pilote|responsable|referente?|en charge))/.test(
      main,
    )
  )
    return { role: "theme" };
  if (
    !costOfOneBlock(main) &&
    /moyens? financiers?|budget (global|total)|cout (global|total)|total general|^cout\b|^montant total programme\b|^montant total (de l.action|de la fiche)$|^enveloppe( (globale|totale|previsionnelle|financiere))?( 20\d{2}( ?(-|a) ?20\d{2})?)?$|^total (des )?moyens (prevus|previsionnels)$|^(total (des )?financements?|financement total)$/.test(
      main,
    )
  )
    return { role: "budget" };
  if (/^(budget|total|cout|montant)\b/.test(main) && sumOfAll(main)) return { role: "budget" };
  // (The amount the contract settles is the planned one: « Montant contractualisé », « Total conventionné »; « Budget
  // 2021-2024 » is the budget over the contract's span, as « Budget » alone.)
  if (
    !blockOf(main) &&
    /budget (previsionnel|prevu)|previsionnel|^montant global$|^(montant|total|budget|enveloppe) (contractualise|conventionne)$|^montants? (contractualises?|conventionnes?) total$|^(budget|montant) (de l.action|de la fiche)$|^(budget|credits?|montants?|financements?|enveloppe) (alloue|attribue|programme|accorde|notifie)e?s?$|^plan de financement\b|montant (total )?prevu|^budget( 20\d{2} ?(-|a|au) ?20\d{2})?$|^credits?( prevus?)?$|^prevu$|^montant total$|^(financements?|montants?|credits?|depenses?) prevus?( 20\d{2}( ?(-|a) ?20\d{2})?)?( (montant )?total)?$|^financements? prevus?\b/.test(
      main,
    )
  )
    return { role: "budget" };
  // A money noun said whole and planned (« Dotation totale prévue », « Crédits prévus (total) »), not under a block.
  if (!blockOf(g) && !blockOf(main) && plannedWhole(main)) return { role: "budget" };
  // The whole planned amount in the accounts' words, alone (under a funder's group, « Total prévu » is that funder's).
  if (!(g && s) && /^(total prevu|dotation (globale|totale)|credits de paiement prevus)$/.test(main)) return { role: "budget" };
  // "Département" alone is the summary's column; "Département 2023" is a year of the CD block.
  if (!subIsYear && /^(part (du )?)?departement\b/.test(main) && !yearsIn(main).length) return { role: "departement" };

  const block = blockOf(main) ?? (s && !subIsYear ? blockOf(g) : null);
  if (block) {
    if (yearOfSub) return yearCol(block, yearOfSub);
    const own = s || g;
    // A year in brackets qualifies a total ("Total FIR (2020-2022)"); outside them it names the column's year
    // ("ARS (FIR) 2021", "Masse salariale (ETP valorisés) 2020").
    const ys = yearsIn(own.replace(/\([^)]*\)/g, " "));
    // (A span, even of one year, « Total DDETS 2026-2026 », is the block's total: a single-year contract's period.)
    if (ys.length === 1 && !/cumul/.test(own) && !ONE_YEAR_SPAN.test(own) && !/20\d{2} ?(-|–|a|au) ?20\d{2}/.test(own)) return yearCol(block, ys[0]!);
    // Year-major blocks: the year sits in the group over the funders ("Budget 2020" / "MS", "Crédits ARS", "PLF").
    const gys = s && !ys.length && !/total|cumul/.test(`${g} ${s}`) ? yearsIn(g.replace(/\([^)]*\)/g, " ")) : [];
    if (gys.length === 1) return yearCol(block, gys[0]!);
    return { role: `${block}Total` as const };
  }
  // Realisations grouped under their span alone ("Cumul 2020-2022" / "Montant", "Depuis 2021" / "Taux").
  if (/^(cumul|depuis 20\d{2})\b/.test(main) && (yearsIn(main).length || /depuis/.test(main))) {
    return /\btaux\b|%|pourcentage/.test(main) ? { role: "rateGlobal" } : { role: "realisedSinceStart" };
  }
  return null;
}

/** « Coût RH (valorisation) », « Coût ARS »: the cost of one block, not the action's whole cost. */
const costOfOneBlock = (main: string) => /^cout\b/.test(main) && !/^cout (global|total)\b/.test(main) && blockOf(main) !== null && !sumOfAll(main);

/** What was realised before the year reported: « Réalisé antérieur », « Exécution / Antérieur », « Réalisé jusqu'en 2024 ». */
const PRIOR = /\banterieure?s?\b|jusqu.?(en|au|a|fin) |\bavant 20\d{2}\b|\b(annees?|exercices?) (precedente?s?|anterieure?s?)\b/;

function priorOf(main: string, to: "realisedTo" | "consumedTo", role: "realisedPrior" | "consumedPrior"): ColumnClass {
  // « Antérieur à 2024 », « avant 2024 »: up to the end of the year before.
  const before = /\b(?:anterieure?s? a|avant) (20\d{2})\b/.exec(main);
  if (before) return yearCol(to, Number(before[1]) - 1);
  const y = single(yearsIn(main));
  return y ? yearCol(to, y) : { role };
}

/** « Réalisé 2023 » / « Total » (over the funders' realisations of that year) is that year's, not the cumulative. */
const oneYear = (main: string) => yearsIn(main).length === 1;

function single(ys: number[]): number | null {
  return ys.length === 1 ? ys[0]! : null;
}

/**
 * Families of words for the roles other than the funders' blocks, each read as the whole family (singular/plural, with
 * or without the article), tried before the realisations because several name one (« Exécution / Montant restant »).
 */
const FAMILIES: Array<[RegExp, ColumnClass]> = [
  // What is left to spend is the gap (« Montant restant », « Crédits restants »), never a realisation; what the
  // département keeps to pay (« Reste à charge ») is its share.
  [/\brestante?s?\b(?! a charge)/, { role: "gap" }],
  // How the money is paid or carried: the summary's modalités.
  [
    /^(modes?|modalites?) (de |du )?(versement|paiement|financement|attribution|mobilisation)s?\b|^vecteurs?( (de|du) (financement|versement))?$|^supports? (juridiques?|de financement)$/,
    { role: "modalite" },
  ],
  // The national measure an engagement belongs to (« Engagement national », « Axe de la stratégie »).
  [/^(engagements?|mesures?|axes?|priorites?|orientations?) (nationa(l|le|ux|les)|(de la )?strategie( nationale)?)\b/, { role: "mesure" }],
  // The co-financers named as the money gathered (« Financements mobilisés »); with a unit it is their amount (classifyHeader).
  [/^(co-?)?(financements?|financeurs?|partenaires?) (mobilises?|sollicites?|associes?|obtenus?)$/, { role: "source" }],
  // The action's title as one of the contract's actions.
  [/^actions? (du|de la|de l.) ?(contrat|cdppe|convention|plan|schema|programme)$/, { role: "label" }],
];

/** The whole action's planned total in other words (« Montant total du plan de financement », « Enveloppe contractualisée 2023-2027 »). */
const WHOLE_BUDGET =
  /^(montant|cout|budget|total|financement) (total|global) (du |de l.|de la )?(plan de financement|action|fiche|projet|operation)$|^(total|montant total) (des )?(financements?|moyens|credits) (prevus?|previsionnels?|programmes?|contractualises?|conventionnes?)$|^enveloppe (contractualisee|conventionnee|allouee|notifiee|accordee|attribuee)( 20\d{2} ?(-|a|au) ?20\d{2})?$/;

function roleFamily(main: string): ColumnClass | null {
  for (const [re, c] of FAMILIES) if (re.test(main)) return c;
  for (const [re, c] of MORE_FAMILIES) if (re.test(main)) return c;
  if (WHOLE_BUDGET.test(main) && !blockOf(main)) return { role: "budget" };
  return null;
}
