// Text width in pixels, as the sheet's default font draws it: Office.js never shows Excel's #####, so we measure.
// Only with Calibri (or its metric twin Carlito) really there: a fallback font has other widths, and the core's
// calibrated Calibri estimate is then the better judge. Works on a page's canvas and on a worker's OffscreenCanvas.

interface Measuring {
  font: string;
  measureText(text: string): { width: number };
}

export function calibratedMeasure(ctx: Measuring | null | undefined): ((text: string) => number) | undefined {
  if (!ctx) return undefined;
  // Calibri's digits are 0.507 em wide (7.43 px at 11 pt); a substituted font (fontconfig picks one silently) is not.
  ctx.font = "11pt Calibri, Carlito";
  const digit = ctx.measureText("0000000000").width / 10;
  if (Math.abs(digit - 7.43) > 0.2) return undefined;
  return (text: string) => ctx.measureText(text).width;
}

/** In a worker (or anywhere without a document): an OffscreenCanvas when the browser has one. */
export function offscreenMeasure(): ((text: string) => number) | undefined {
  if (typeof OffscreenCanvas === "undefined") return undefined;
  try {
    return calibratedMeasure(new OffscreenCanvas(1, 1).getContext("2d"));
  } catch {
    return undefined;
  }
}
