// Pixel widths at 96 dpi, for the display-overflow rule when no real text measurement is available (CLI).
// Calibri 11 metrics (advance widths rounded); other fonts and sizes are scaled from it: an estimate, said as such.
import type { FontInfo } from "../model/snapshot";

const CALIBRI_11: Record<string, number> = {
  " ": 3,
  "\u00a0": 3,
  "\u202f": 2,
  "-": 4,
  ",": 3,
  ".": 3,
  "%": 10,
  "€": 7,
  "(": 4,
  ")": 4,
  "/": 5,
  ":": 3,
};
const DIGIT = 7;

function charWidth(ch: string): number {
  const w = CALIBRI_11[ch];
  if (w !== undefined) return w;
  if (ch >= "0" && ch <= "9") return DIGIT;
  if (ch >= "A" && ch <= "Z") return 8;
  if ("il|'!".includes(ch)) return 3;
  if ("mw".includes(ch)) return 11;
  return 6;
}

function scale(font: FontInfo | undefined): number {
  const size = font?.size ?? 11;
  return (size / 11) * (font?.bold ? 1.07 : 1);
}

export function textWidthPx(text: string, font?: FontInfo): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * scale(font);
}

/** Excel's column width (characters of the default font's max digit width) in pixels, per ECMA-376 §18.3.1.13. */
export function columnWidthPx(widthChars: number, defaultFont?: FontInfo): number {
  const mdw = Math.round(DIGIT * ((defaultFont?.size ?? 11) / 11));
  return Math.trunc(((256 * widthChars + Math.trunc(128 / mdw)) / 256) * mdw);
}

/** Horizontal cell padding Excel keeps free inside a cell (both sides together). */
export const CELL_PADDING_PX = 3;
