// The real host: Excel.run and the requirement check. Only the pane and ribbon bundles import this.
import type { HostContext, HostRunner } from "./host";

export const officeRunner: HostRunner = (batch) => Excel.run((ctx) => batch(ctx as unknown as HostContext));

export const excelApiSupported = (): boolean => {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  } catch {
    return false;
  }
};

export const mergesSupported = (): boolean => {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", "1.13");
  } catch {
    return false;
  }
};
