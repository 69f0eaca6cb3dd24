import * as React from "react";
import { createExcelPort } from "../excel/port";
import { excelApiSupported, mergesSupported, officeRunner } from "../excel/officeRunner";
import { PaneController } from "./controller";
import { Pane } from "./components/Pane";

// Text width in pixels, as the sheet's default font draws it: Office.js never shows Excel's #####, so we measure.
function canvasMeasure(): ((text: string) => number) | undefined {
  const canvas = typeof document !== "undefined" ? document.createElement("canvas") : null;
  const ctx = canvas?.getContext("2d");
  if (!ctx) return undefined;
  ctx.font = "11pt Calibri, Carlito, 'Segoe UI', sans-serif";
  return (text: string) => ctx.measureText(text).width;
}

/** The pane inside Excel. */
export function ExcelApp(): React.JSX.Element {
  const controller = React.useMemo(() => new PaneController(createExcelPort(officeRunner, excelApiSupported, { merges: mergesSupported() }), canvasMeasure()), []);
  return <Pane controller={controller} />;
}
