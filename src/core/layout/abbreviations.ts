// Finance officers' dotted abbreviations (« Ass. maladie », « Conseil dép. », « Obj. », « Chap. 012 », « Subv. ARS »):
// written out before header words or source cells are matched, so every word family reads them as the word they stand
// for. Only with their dot: « dep » or « real » without it may be anything. On normalised text (normalize.ts).
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bass\. ?(?=maladie\b)/g, "assurance "],
  [/\bdep\.(?=\s|$|\))/g, "departemental"],
  [/\bobj\.(?=\s|$|\))/g, "objectif"],
  [/\bfonct\.(?=\s|$|\))/g, "fonctionnement"],
  [/\binvest\.(?=\s|$|\))/g, "investissement"],
  [/\breal\.(?=\s|$|\))/g, "realise"],
  [/\bconso\.(?=\s|$|\))/g, "consomme"],
  [/\bmand\.(?=\s|$|\))/g, "mandate"],
  [/\bsubv\.(?=\s|$|\))/g, "subvention"],
  [/\bchap\. ?(?=\s|$|\)|\d)/g, "chapitre "],
  [/\bcum\.(?=\s|$|\))/g, "cumul"],
];

export function expandAbbreviations(normalised: string): string {
  if (!normalised.includes(".")) return normalised;
  let t = normalised;
  for (const [re, word] of ABBREVIATIONS) t = t.replace(re, word);
  return t.replace(/\s+/g, " ").trim();
}
