import * as React from "react";
import { createExcelPort } from "../excel/port";
import { excelApiSupported, mergesSupported, officeRunner } from "../excel/officeRunner";
import { PaneController } from "./controller";
import { Pane } from "./components/Pane";

// Text width in pixels, as the sheet's default font draws it: Office.js never shows Excel's #####, so we measure.
// Only with Calibri (or its metric twin Carlito) really there: a fallback font has other widths, and the core's
// calibrated Calibri estimate is then the better judge.
export function canvasMeasure(): ((text: string) => number) | undefined {
  const canvas = typeof document !== "undefined" ? document.createElement("canvas") : null;
  const ctx = canvas?.getContext("2d");
  if (!ctx) return undefined;
  // Calibri's digits are 0.507 em wide (7.43 px at 11 pt); a substituted font (fontconfig picks one silently) is not.
  ctx.font = "11pt Calibri, Carlito";
  const digit = ctx.measureText("0000000000").width / 10;
  if (Math.abs(digit - 7.43) > 0.2) return undefined;
  return (text: string) => ctx.measureText(text).width;
}

/** The pane inside Excel. */
export function ExcelApp(): React.JSX.Element {
  const controller = React.useMemo(
    () => new PaneController(createExcelPort(officeRunner, excelApiSupported, { merges: mergesSupported() }), canvasMeasure()),
    [],
  );
  return <Pane controller={controller} />;
}
