// A column headed by a service word (« Direction pilote », « Direction porteuse », « Pôle ») holds either the action's
// domain (« ASE », « PMI », « Prévention »: its theme) or the service that leads it (« DEF », « Direction Enfance
// Famille »: a column no rule reads). The header cannot tell; the fiches' cells do.
import type { SheetSnapshot } from "../model/snapshot";
import { norm, normHead } from "./normalize";
import type { RowInfo } from "./types";

/** Directions and pôles are often cut by domain (« Pôle Enfance », « Direction PMI »); a « Service pilote » is a service. */
const SERVICE_HEADER = /^(direction|pole)s?\b/;
/** A service that leads (« Direction pilote », « Direction porteuse »): the theme only when its cells name domains. A
 * bare « Direction » or « Pôle » stays the theme whatever it holds (« DEF », « Observatoire » are themes to many). */
const LEADING = /^(direction|pole|service|mission)s? (pilote|porteu(r|se)|responsable|referente?|en charge)\b/;
/** The child-protection domains an annex files its actions under. */
const DOMAIN =
  /^(pmi|ase|prevention|handicap|transverse|transversal(e|ite)?|odpe|sante|protection de l.enfance|protection de l.enfance et de la famille|petite enfance|enfance|parentalite|soutien a la parentalite|crip|mna|insertion|scolarite|education|pedopsychiatrie|medico[- ]social|jeunes majeurs|adoption|sante mentale)$/;
/** Fewer fiches than this prove nothing by their values. */
const MIN_ROWS = 2;

/** Whether the written cells of column c on the fiche rows name domains (« PMI / ASE » is two), nearly all of them. */
function holdsDomains(sheet: SheetSnapshot, c: number, rows: number[]): boolean | null {
  let domains = 0;
  let other = 0;
  for (const r of rows) {
    const v = sheet.cells[r - 1]?.[c - 1]?.value;
    if (typeof v !== "string" || !v.trim()) continue;
    const parts = normHead(v)
      .split(/ ?[/,+&] ?| et /)
      .map((x) => x.trim())
      .filter(Boolean);
    if (parts.length && parts.every((x) => DOMAIN.test(x))) domains++;
    else other++;
  }
  if (domains + other < MIN_ROWS) return null;
  return other <= Math.floor(domains / 10) ? true : domains === 0 ? false : null;
}

/**
 * The theme column settled by the cells: among columns headed by a service word, the one holding domains is the theme;
 * a leading service holding services is not (kept when the cells say nothing). Other theme headers (« Thématique »,
 * « Direction ») stand.
 */
export function themeByValues(
  sheet: SheetSnapshot,
  headers: ReadonlyMap<number, string>,
  current: number | undefined,
  used: ReadonlySet<number>,
  rows: RowInfo[],
): number | undefined {
  const service = (c: number) => SERVICE_HEADER.test(norm(headers.get(c) ?? ""));
  if (current !== undefined && !LEADING.test(norm(headers.get(current) ?? ""))) return current;
  // (Listed after the common answer above: a theme header that needs no look at its cells.)
  const ficheRows = rows.filter((r) => r.kind === "fiche").map((r) => r.row);
  const domainCols = [...headers.keys()].filter((c) => (c === current || !used.has(c)) && service(c) && holdsDomains(sheet, c, ficheRows) === true);
  if (domainCols.length === 1) return domainCols[0];
  if (current !== undefined && holdsDomains(sheet, current, ficheRows) === false) return undefined;
  return current;
}
