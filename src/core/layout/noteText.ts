// A line that only tells something about the fiches (« Fiche supprimée (avenant 2023) », « cf. avenant n°2 »,
// « NB : fiche fusionnée avec la 3 ») is a note, not a fiche's own row: no money belongs on it.
import { normHead } from "./normalize";

const NOTE = /\b(supprime|annule|abandonne|retire|fusionne|remplace|reporte|differe|suspendu)e?s?\b|^(cf\b|voir\b|nb\b|n\.b\.|note\b|remarque\b)/;

export function isNoteText(text: string): boolean {
  return NOTE.test(normHead(text));
}
