// Says what a header column is from its group header (upper row, often merged) and its sub-header.
// Order matters: the specific wordings (écart, taux, réalisations, source, modalités) are tried before the funders,
// because they often name a funder too ("Modalités de financement Etat/AM").
import { endOfYearIn, isBareYear, norm, yearsIn } from "./normalize";
import type { ColumnClass, YearBlock } from "./types";

type Block = "ms" | "dgas" | "cd" | "fir" | "etat" | "ondam";

function blockOf(t: string): Block | null {
  if (/masse salariale|\bms\b/.test(t)) return "ms";
  if (/dgas/.test(t)) return "dgas";
  if (/\bcd\b|conseil departemental/.test(t)) return "cd";
  if (/\bfir\b|fonds d'intervention regional/.test(t)) return "fir";
  if (/ondam|assurance maladie|\bam\b/.test(t)) return "ondam";
  if (/\betat\b|\bplf\b|programme 304|\bp ?304\b/.test(t)) return "etat";
  return null;
}

const yearCol = (block: YearBlock, year: number): ColumnClass => ({ block, year });

export function classifyHeader(groupRaw: string, subRaw: string): ColumnClass | null {
  const g = norm(groupRaw);
  const s = norm(subRaw);
  const t = s || g;
  if (!t) return null;
  const subIsYear = isBareYear(s);
  const yearOfSub = subIsYear ? Number(s.slice(-4)) : null;
  // A bare year under a group: the group says what it is.
  const main = subIsYear ? g : t;
  if (!main) return null;

  if (/\becart\b/.test(main)) return { role: "gap" };
  if (/niveau d.?execution|taux d.?execution|taux de (consommation|realisation)|execution budgetaire/.test(main)) {
    if (/global|cumul|au 31 ?\/|depuis|total/.test(main)) return { role: "rateGlobal" };
    const y = yearOfSub ?? single(yearsIn(main));
    return y ? yearCol("rate", y) : { role: "rateLastYear" };
  }
  if (/realis/.test(main) && !/indicateur/.test(main)) {
    const to = endOfYearIn(main);
    if (to && !/depuis/.test(main)) return yearCol("realisedTo", to);
    if (/depuis|cumul|total|20\d{2} ?(-|a) ?20\d{2}/.test(main)) return { role: "realisedSinceStart" };
    const y = yearOfSub ?? single(yearsIn(main));
    return y ? yearCol("realised", y) : { role: "realisedLastYear" };
  }
  if (/consomm/.test(main)) {
    const to = endOfYearIn(main);
    if (to) return yearCol("consumedTo", to);
    if (/20\d{2} ?(-|a) ?20\d{2}|depuis|cumul|total/.test(main)) return { role: "consumedSinceStart" };
    const y = yearOfSub ?? single(yearsIn(main));
    return y ? yearCol("consumedIn", y) : { role: "consumedLastYear" };
  }
  if (/source|co-?financeur/.test(main)) return { role: "source" };
  if (/modalite/.test(main)) return { role: "modalite" };
  // "Fondamental" alone is a cell value; the header names both types or the notion.
  if (/fondamental.*facultatif|facultatif.*fondamental|type d.?objectif|obj\.? ?(fondamental|facultatif)/.test(main)) return { role: "objectiveType" };
  if (/intitule|libelle|designation/.test(main) && /fiche|action/.test(main)) return { role: "label" };
  if (/(numero|num\.?|n ?°|no\.?|#) ?(de (la )?)?fiche|fiches? (actions? )?(n ?°|no\b|num)|^fiches?( actions?)?$|^n ?° ?(fa|fiche)\b|^fa$/.test(main)) {
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
  if (/objectif/.test(main)) return { role: "objective" };
  if (/^mesures?\b/.test(main)) return { role: "mesure" };
  if (/^(theme|thematique|axe|direction|pole)\b/.test(main)) return { role: "theme" };
  if (/moyens? financiers?|budget (global|previsionnel|prevu|total)|previsionnel|cout (global|total)/.test(main)) return { role: "budget" };
  if (!subIsYear && /^(part (du )?)?departement\b/.test(main)) return { role: "departement" };

  const block = blockOf(main) ?? (s && !subIsYear ? blockOf(g) : null);
  if (block) {
    if (yearOfSub) return yearCol(block, yearOfSub);
    const ys = yearsIn(s || g);
    if (ys.length === 1 && !/\(/.test(s || g)) return yearCol(block, ys[0]!);
    return { role: `${block}Total` as const };
  }
  return null;
}

function single(ys: number[]): number | null {
  return ys.length === 1 ? ys[0]! : null;
}
