// Test-only stand-in for office.js: the real pane bundle runs against the typed fake Excel host holding a workbook
// snapshot that the test injects as window.__CDPPE_FIXTURE__. Only the Excel host is stubbed.
import type { HostContext } from "../../src/excel/host";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { fakeRunner, stateFromSnapshot } from "../support/fakeExcel";

type Serialised = Omit<WorkbookSnapshot, "sheets"> & { sheets: Array<Record<string, unknown> & { hiddenCols: number[]; hiddenRows: number[] }> };

const w = window as unknown as {
  __CDPPE_FIXTURE__?: Serialised;
  __CDPPE_FIXTURE_URL__?: string;
  __CDPPE_THEME__?: string;
  __cdppeStub: unknown;
  Office: unknown;
  Excel: unknown;
};
// A big workbook comes as a same-origin file, read before the pane starts (as Excel has the workbook before the pane).
function fixture(): Serialised {
  if (w.__CDPPE_FIXTURE__) return w.__CDPPE_FIXTURE__;
  const xhr = new XMLHttpRequest();
  xhr.open("GET", w.__CDPPE_FIXTURE_URL__!, false);
  xhr.send();
  return JSON.parse(xhr.responseText) as Serialised;
}
const raw = fixture();
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

// Excel works in its own process and answers a sync in a later task (a message from the host): the stub does the
// same (in a task of its own, as the answer of another process), and times apart what it spends playing Excel on the
// pane's thread, so a measure of the pane's responsiveness can leave it out. The fake does all of a sync's work before
// its first await.
const hostSpans: Array<[number, number]> = [];
const timed = (ctx: HostContext): HostContext => {
  const sync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    // The request leaves the pane's task: Excel works in its own process, never inside the pane's code.
    await new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    const done = sync();
    hostSpans.push([t0, performance.now()]);
    // The same span in a Chromium trace (user timing), so a measure in thread time can leave it out too.
    performance.measure("cdppe-host", { start: t0 });
    await done;
    await new Promise((r) => setTimeout(r, 0));
  };
  return ctx;
};

w.__cdppeStub = { state, dialogs, hostSpans };
w.Excel = { run: <T>(batch: (ctx: HostContext) => Promise<T>) => run((ctx) => batch(timed(ctx))) };
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
