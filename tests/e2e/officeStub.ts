// Test-only stand-in for office.js: the real pane bundle runs against the typed fake Excel host holding a workbook
// snapshot that the test injects as window.__CDPPE_FIXTURE__. Only the Excel host is stubbed.
import type { HostContext } from "../../src/excel/host";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { fakeRunner, stateFromSnapshot } from "../support/fakeExcel";

type Serialised = Omit<WorkbookSnapshot, "sheets"> & { sheets: Array<Record<string, unknown> & { hiddenCols: number[]; hiddenRows: number[] }> };

const w = window as unknown as { __CDPPE_FIXTURE__: Serialised; __CDPPE_THEME__?: string; __cdppeStub: unknown; Office: unknown; Excel: unknown };
const raw = w.__CDPPE_FIXTURE__;
// JSON turns missing widths (undefined) into null: put them back, or every default-width column would be 0 px wide.
const snapshot = {
  ...raw,
  sheets: raw.sheets.map((s) => ({
    ...s,
    colWidths: (s.colWidths as Array<number | null>).map((w) => w ?? undefined),
    hiddenCols: new Set(s.hiddenCols),
    hiddenRows: new Set(s.hiddenRows),
  })),
} as unknown as WorkbookSnapshot;
const state = stateFromSnapshot(snapshot);
const run = fakeRunner(state);
const dialogs: string[] = [];

w.__cdppeStub = { state, dialogs };
w.Excel = { run: <T>(batch: (ctx: HostContext) => Promise<T>) => run(batch) };
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: (cb?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    setTimeout(() => cb?.(info), 0);
    return Promise.resolve(info);
  },
  context: {
    requirements: { isSetSupported: () => true },
    officeTheme: { bodyBackgroundColor: w.__CDPPE_THEME__ ?? "#FFFFFF" },
    ui: {
      displayDialogAsync: (url: string, _o: unknown, cb: () => void) => {
        dialogs.push(url);
        cb();
      },
    },
  },
  actions: { associate: () => undefined },
};
