// The action's whole planned amount said in three kinds of words, in any order: a money noun (« Dotation », « Crédits »,
// « Enveloppe », « Montant »), a whole word (« total », « global ») and maybe a planned word (« prévu », « programmé »),
// and nothing else but articles, years and units: « Dotation totale prévue », « Crédits prévus (total) », « Enveloppe
// globale prévue ». A funder, a block or a realisation named beside them makes it something else. Without the whole
// word, « Moyens prévus », « Crédits prévus » are as often a group over the blocks: not read here.

const NOUN = /^(dotations?|credits?|montants?|enveloppes?|budgets?|couts?)$/;
const WHOLE = /^(total|totale|totales|totaux|global|globale|globales|globaux)$/;
const PLANNED = /^(prevue?s?|previsionnel(le)?s?|programmee?s?|inscrite?s?|votee?s?)$/;
const FILLER = /^(de|des|du|la|le|les|l|d|en|et|a|au|sur|€|k€|keur|eur|euros?|milliers?|ttc|ht|20\d{2}|-|periode|contrat)$/;

/** `text` is a normalised header (lower case, no accents). */
export function plannedWhole(text: string): boolean {
  const ws = text
    .replace(/[()[\],.:'’]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  let noun = false;
  let whole = false;
  for (const w of ws) {
    if (NOUN.test(w)) noun = true;
    else if (WHOLE.test(w)) whole = true;
    else if (!PLANNED.test(w) && !FILLER.test(w)) return false;
  }
  return noun && whole;
}
