// Accents are dropped through a table for Latin letters and through Unicode normalisation for anything else: the
// two ways give the same text.
import { norm, normHead } from "../../../src/core/layout/normalize";

const reference = (t: string) =>
  t
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[–—]/g, "-")
    .replace(/[º˚]/g, "°")
    .replace(/\s*:\s*$/, "")
    .replace(/\s*(\*+|\(\d\)|\[\d\])\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();

test("every Latin letter, alone and in words, loses its accent as Unicode normalisation drops it", () => {
  for (let c = 0; c < 0x250; c++) {
    const ch = String.fromCharCode(c);
    for (const t of [ch, `Équipe ${ch}é`, `x${ch}\u0301`]) expect(norm(t)).toBe(reference(t));
  }
});

test("texts with combining marks or letters beyond Latin are normalised the full way", () => {
  for (const t of ["Cre\u0301dits", "Ǻ ǻ Ḁ ḁ", "Ελλάδα", "ŒUVRE « été » :", "Dépenses (2)", "Ĳ ǆ ſ"]) {
    expect(norm(t)).toBe(reference(t));
    expect(normHead(t)).toBe(reference(t));
  }
});
