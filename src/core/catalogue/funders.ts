// Which funders a free-text "Source de co-financement" or "Modalités de financement" names.
import type { Funder } from "../layout/types";
import { expandAbbreviations } from "../layout/abbreviations";
import { normHead } from "../layout/normalize";
import { memoByText } from "../model/textMemo";

/** What a text names; shared by every caller asking about the same text: not to be changed. */
export interface NamedFunders {
  funders: Set<Funder>;
  unknown: string[];
  namesCd: boolean;
}

/** Detail table: FIR, ETAT (or PLF, État), ONDAM (or AM, DAM, assurance maladie). */
export function parseSource(text: string | null): NamedFunders {
  return parseTokens(text);
}

/** Summary table: FIR, PLF (= ETAT), AM (= ONDAM), CD (= no co-funder). Amounts written in the cell ("0/AM") are not modalités. */
export function parseModalite(text: string | null): NamedFunders {
  return parseTokens(text);
}

function parseTokens(text: string | null): NamedFunders {
  if (!text) return { funders: new Set<Funder>(), unknown: [], namesCd: false };
  return parseText(text);
}

const parseText = memoByText((text: string): NamedFunders => {
  const funders = new Set<Funder>();
  const unknown: string[] = [];
  let namesCd = false;
  // (Funders written one per line, « ARS⏎Etat », are a list like « ARS / Etat ».)
  const t = expandAbbreviations(normHead(text.replace(/\s*[\r\n]+\s*/g, " / "), 200)).replace(/\bn ?\/ ?a\b/g, "n.a.");
  const tokens = t
    .split(/\s*(?:\/|\+|,|;|&|\bet\b|\s-\s)\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
  for (const tok of tokens) {
    // Other départements' names (issue #10): ARS / crédits ARS for FIR, DGCS for ETAT, CNSA for ONDAM; "-", "aucun" = none.
    if (/^(-+|aucun|aucune|neant|sans objet|sans)$/.test(tok) || saysNoFunder(tok)) continue;
    // The contract named beside a funder (« Etat - CDPPE ») qualifies it: no funder of its own.
    if (/^(cdppe|cdpe|contractualisation|contrat|strategie)$/.test(tok)) continue;
    if (/^fir\b|fonds d'intervention|^(credits? )?ars\b|^agence regionale de sante\b/.test(tok)) funders.add("fir");
    // (The State's services that delegate the programme 304: DDETS, DREETS, préfecture.)
    else if (
      /^(etat|plf|(bop |p ?)304|programme 304|dgcs|credits? (d'|de l'|de l )?etat|dd(ets|cs|cspp)|dreets|d?r?djscs|prefecture|credits? (de la )?strategie)\b/.test(
        tok,
      )
    )
      funders.add("etat");
    // (The social security's financing law, PLFSS, votes the ONDAM.)
    else if (/^(ondam|am|dam|assurance maladie|cnsa|cpam|p?lfss)\b/.test(tok)) funders.add("ondam");
    // The département's own money, under its usual names: no co-financer.
    else if (/^(cd ?\d*|departement|conseil (departemental|general)|fonds propres|(part|financement|budget) departementale?|masse salariale|dgas)\b/.test(tok))
      namesCd = true;
    else unknown.push(tok);
  }
  return { funders, unknown, namesCd };
});

/** « No co-financer » in words (« Sans cofinancement », « Aucun financeur », « Pas de financement extérieur », « N/A »). */
function saysNoFunder(tok: string): boolean {
  return (
    /^(n\.a\.|na|nc|non concerne(e)?s?|non applicable)$/.test(tok) ||
    /^(sans|pas de|aucun|aucune|nul|nulle)( de)? (co-?financ\w*|financ\w*|partenaires? financ\w*)( (exterieurs?|externes?|extra-departementa\w*))?$/.test(tok)
  );
}

export const FUNDER_LABEL: Record<Funder, string> = { fir: "FIR", etat: "ETAT", ondam: "ONDAM" };
export const MODALITE_LABEL: Record<Funder, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };
