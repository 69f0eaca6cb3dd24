import * as React from "react";
import { createExcelPort } from "../excel/port";
import { excelApiSupported, mergesSupported, officeRunner } from "../excel/officeRunner";
import { PaneController } from "./controller";
import { Pane } from "./components/Pane";
import { createEngine } from "./engine/engine";
import { calibratedMeasure } from "./textMeasure";

/** Text widths on the page's canvas (see textMeasure.ts); the worker measures on its own OffscreenCanvas. */
export function canvasMeasure(): ((text: string) => number) | undefined {
  const canvas = typeof document !== "undefined" ? document.createElement("canvas") : null;
  return calibratedMeasure(canvas?.getContext("2d"));
}

/** The pane inside Excel. */
export function ExcelApp(): React.JSX.Element {
  const controller = React.useMemo(() => {
    const measure = canvasMeasure();
    return new PaneController(createExcelPort(officeRunner, excelApiSupported, { merges: mergesSupported() }), measure, createEngine(measure));
  }, []);
  return <Pane controller={controller} />;
}
