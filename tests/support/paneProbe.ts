// The production pane in real Chromium on the stubbed Excel host, with a probe of the UI thread: used by the
// responsiveness test (tests/e2e) and by `npm run bench`. Only the Excel host is stubbed (tests/e2e/officeStub.ts).
import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { OFFICE_JS_URL } from "./browser";

/** Bundles the Office.js stand-in (the fake Excel host) for the browser; returns its code. */
export function buildOfficeStub(outDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        entry: path.resolve(__dirname, "..", "e2e", "officeStub.ts"),
        output: { path: outDir, filename: "office-stub-probe.js" },
        resolve: { extensions: [".ts", ".tsx", ".js"] },
        module: {
          rules: [
            { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } } },
          ],
        },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) return reject(err ?? new Error(stats!.toString("errors-only")));
        resolve(fs.readFileSync(path.join(outDir, "office-stub-probe.js"), "utf8"));
      },
    );
  });
}

/** A snapshot as the stub reads it (Sets as arrays). */
export function serialiseSnapshot(snap: WorkbookSnapshot): string {
  return JSON.stringify({ ...snap, sheets: snap.sheets.map((s) => ({ ...s, hiddenCols: [...s.hiddenCols], hiddenRows: [...s.hiddenRows] })) });
}

/**
 * Opens the pane on a workbook; every request off the loopback is refused and listed. The workbook is served as a
 * same-origin file the stub loads before the pane starts (a 30 MB init script would be slow to inject).
 */
export async function openProbedPane(
  browser: Browser,
  baseUrl: string,
  stub: string,
  workbookJson: string,
  options: { worker?: boolean; before?: (page: Page) => Promise<unknown> } = {},
): Promise<{ page: Page; errors: string[]; external: string[] }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const errors: string[] = [];
  const external: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    if (OFFICE_JS_URL.test(route.request().url())) return route.fulfill({ contentType: "text/javascript", body: stub });
    external.push(route.request().url());
    return route.abort();
  });
  await page.route(`${baseUrl}__workbook.json`, (route) => route.fulfill({ contentType: "application/json", body: workbookJson }));
  await page.addInitScript(
    `window.__CDPPE_FIXTURE_URL__ = ${JSON.stringify(`${baseUrl}__workbook.json`)};${options.worker === false ? " delete window.Worker;" : ""}`,
  );
  await page.addInitScript(PROBE);
  await options.before?.(page);
  await page.goto(baseUrl + "taskpane.html");
  await page.getByTestId("run-check").waitFor({ timeout: 60_000 });
  return { page, errors, external };
}

/**
 * The probe: long tasks (PerformanceObserver) and a setTimeout heartbeat whose gaps show how long the UI thread could
 * not run anything. The stub's own work (it plays Excel, which runs in another process) is timed apart in
 * __cdppeStub.hostSpans and taken out of both, so what remains is the pane's.
 */
const PROBE = `
  window.__probe = { tasks: [], gaps: [], on: false };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__probe.tasks.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch (e) {}
  (function () {
    let last = performance.now();
    const beat = () => { const now = performance.now(); if (now - last > 20) window.__probe.gaps.push([last, now]); last = now; setTimeout(beat, 0); };
    setTimeout(beat, 0);
  })();
`;

export interface PhaseFigures {
  /**
   * Longest time the UI thread was blocked (heartbeat gap) while the stub was not playing Excel: the pane's own work
   * (posting the snapshot, taking results, drawing).
   */
  maxGapMs: number;
  /**
   * Longest gap around the stub's work, the stub's time taken out: the adapter turning Excel's answers into the
   * snapshot, and garbage collection of what the stub allocated (it builds megabytes of JSON to weigh each sync), which
   * cannot be told apart from the outside.
   */
  maxReadGapMs: number;
  /** Same, raw (stub included). */
  maxGapRawMs: number;
  /** Longest long task clear of the stub's work. */
  maxTaskMs: number;
  /** Wall time of the phase. */
  wallMs: number;
  /** Time the stub (standing for Excel) spent during the phase. */
  hostMs: number;
}

/** Runs an action in the page and waits for its end; figures of the UI thread over that time. */
export async function measurePhase(page: Page, act: () => Promise<void>): Promise<PhaseFigures> {
  const t0 = await page.evaluate<number>(
    "(() => { window.__probe.tasks = []; window.__probe.gaps = []; window.__cdppeStub.hostSpans.length = 0; return performance.now(); })()",
  );
  await act();
  // A few frames more: a render right after the awaited element counts.
  await page.evaluate("new Promise((r) => setTimeout(r, 300))");
  return page.evaluate<PhaseFigures>(`(() => {
    const t0 = ${t0}; const t1 = performance.now();
    const spans = window.__cdppeStub.hostSpans;
    const overlap = (a, b) => spans.reduce((s, [x, y]) => s + Math.max(0, Math.min(b, y) - Math.max(a, x)), 0);
    const gaps = window.__probe.gaps.filter(([a, b]) => b >= t0);
    const tasks = window.__probe.tasks.filter(([a, d]) => a + d >= t0);
    return {
      maxGapMs: Math.max(0, ...gaps.filter(([a, b]) => overlap(a, b) === 0).map(([a, b]) => b - a)),
      maxReadGapMs: Math.max(0, ...gaps.filter(([a, b]) => overlap(a, b) > 0).map(([a, b]) => b - a - overlap(a, b))),
      maxGapRawMs: Math.max(0, ...gaps.map(([a, b]) => b - a)),
      maxTaskMs: Math.max(0, ...tasks.filter(([a, d]) => overlap(a, a + d) === 0).map(([, d]) => d)),
      wallMs: t1 - t0,
      hostMs: spans.reduce((s, [x, y]) => s + (y - x), 0),
    };
  })()`);
}
