// The pane stays responsive on a 10 000-row annex (issue 15): the check and the write plans run in a worker, the UI
// thread only reads Excel, posts the snapshot in slices and draws. Real Chromium, production bundle, stubbed host.
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { generateAnnex } from "../support/annexGenerator";
import { DIST, launchChromium, serveDir, type StaticServer } from "../support/browser";
import { FIXTURE_2022 } from "../support/fixtures";
import { buildOfficeStub, measurePhase, openProbedPane, serialiseSnapshot } from "../support/paneProbe";

jest.setTimeout(600_000);

const OUT = path.resolve(__dirname, "..", "..", "test-output");
let browser: Browser;
let server: StaticServer;
let stub: string;
let fixtureJson: string;

/**
 * Bounds of this test, on a 2-core machine shared with other work (load average measured from 2 to 23). With the core
 * on the UI thread the pane froze 2.0 to 8.8 s during a 10 000-row check (one task of that length) and 0.4 to 2.2 s
 * while the add-year preview was made. With the worker, the longest task the pane ran during the check measured
 * 120 to 170 ms; the heartbeat's longest gap 0.1 to 1.2 s, the worst under the heaviest load, with no task running:
 * the renderer waiting for a core. So the long task is bounded tightly (it fails at once if the core comes back to the
 * UI thread) and the heartbeat loosely; the 100 ms goal is `npm run bench`'s, printed there. The gaps around the
 * stub's work (it plays Excel on the same thread) are printed, not bounded: they hold its garbage collection.
 */
const CHECK_TASK_BOUND_MS = 600;
const CHECK_GAP_BOUND_MS = 2500;
const PREVIEW_BOUND_MS = 600;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "checkWorker.js"))) throw new Error("dist/ absent : lancez « npm run build » avant ce test");
  fs.mkdirSync(OUT, { recursive: true });
  stub = await buildOfficeStub(OUT);
  fixtureJson = serialiseSnapshot((await readXlsx(FIXTURE_2022)).snapshot);
  server = await serveDir(DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function runCheck(page: Page): Promise<void> {
  await page.getByTestId("run-check").click();
  await page.getByTestId("recognised").or(page.getByTestId("error")).first().waitFor({ timeout: 300_000 });
}

test("10 000 fiche rows: the check and the add-year preview leave the UI thread free", async () => {
  const g = generateAnnex({ fiches: 10000, years: [2020, 2021, 2022, 2023, 2024], seed: 9, continuationEvery: 0 });
  const { page, errors, external } = await openProbedPane(browser, server.url, stub, serialiseSnapshot(g.workbook));
  const check = await measurePhase(page, () => runCheck(page));
  expect(await page.getByTestId("recognised").textContent()).toContain("10000 fiches, 2020-2024");
  expect(page.workers().map((w) => path.basename(w.url()))).toEqual(["checkWorker.js"]);
  const year = await measurePhase(page, async () => {
    await page.getByRole("tab", { name: "Nouvelle année" }).click();
    await page.getByTestId("year-preview").waitFor({ timeout: 300_000 });
  });
  expect(await page.getByTestId("year-field").inputValue()).toBe("2025");
  expect(await page.getByTestId("year-preview").locator("li").count()).toBeGreaterThan(0);
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(
    [
      "Volet, 10 000 fiches (Chromium, hôte simulé ; le travail de l'hôte, qui joue Excel, est retiré des pauses) :",
      `  contrôle : pause la plus longue ${ms(check.maxGapMs)} hors lecture (pendant la lecture, hôte retiré : ${ms(check.maxReadGapMs)} ; brute : ${ms(check.maxGapRawMs)}), tâche longue ${ms(check.maxTaskMs)}, durée ${ms(check.wallMs)} dont hôte ${ms(check.hostMs)}`,
      `  aperçu nouvelle année : pause la plus longue ${ms(year.maxGapMs)}, durée ${ms(year.wallMs)}`,
    ].join("\n"),
  );
  expect(check.maxTaskMs).toBeLessThan(CHECK_TASK_BOUND_MS);
  expect(check.maxGapMs).toBeLessThan(CHECK_GAP_BOUND_MS);
  expect(year.maxGapMs).toBeLessThan(PREVIEW_BOUND_MS);
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
  await page.close();
});

test("4 000 fiche rows: add-year applied from the pane in round trips under 5 MB (over 5 MB in all), and Annuler gives every cell back", async () => {
  const g = generateAnnex({ fiches: 4000, years: [2020, 2021, 2022, 2023, 2024], seed: 4, continuationEvery: 0 });
  const { page, errors, external } = await openProbedPane(browser, server.url, stub, serialiseSnapshot(g.workbook));
  // A digest of every cell of the host, kept in the page (the workbook is too large to carry back and forth).
  const digest = `(() => JSON.stringify(window.__cdppeStub.state.sheets.map((x) => [x.name, [...x.cells.entries()]
    .filter(([, c]) => c.value !== null || c.formula || c.numFmt !== "General").map(([k, c]) => [k, c.formula ?? c.value, c.numFmt]).sort()])))()`;
  await page.evaluate(`window.__before = ${digest}`);
  await runCheck(page);
  await page.getByRole("tab", { name: "Nouvelle année" }).click();
  await page.getByTestId("year-preview").waitFor({ timeout: 300_000 });
  const from = await page.evaluate<number>("window.__cdppeStub.state.log.length");
  await page.getByTestId("apply-year").click();
  await page.getByTestId("year-added").or(page.getByTestId("error")).first().waitFor({ timeout: 600_000 });
  expect(await page.getByTestId("error").count()).toBe(0);
  const log = await page.evaluate<Array<{ request: number; response: number }>>(`window.__cdppeStub.state.log.slice(${from})`);
  const limit = 5 * 1024 * 1024;
  expect(Math.max(...log.map((l) => Math.max(l.request, l.response)))).toBeLessThan(limit);
  // In one round trip the writes would be over the limit: they went in several.
  expect(log.reduce((a, l) => a + l.request, 0)).toBeGreaterThan(limit);
  expect(await page.evaluate<boolean>(`${digest} === window.__before`)).toBe(false);
  await page.getByRole("tab", { name: "Contrôle" }).click();
  expect(await page.getByTestId("recognised").textContent()).toContain("4000 fiches, 2020-2025");
  await page.getByTestId("undo").click();
  await page.getByText("Modification annulée").or(page.getByTestId("error")).first().waitFor({ timeout: 600_000 });
  expect(await page.getByTestId("error").count()).toBe(0);
  expect(await page.evaluate<boolean>(`${digest} === window.__before`)).toBe(true);
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
  await page.close();
});

test("the worker gives up the network: no fetch, XMLHttpRequest, WebSocket nor importScripts in it", async () => {
  const { page, errors } = await openProbedPane(browser, server.url, stub, fixtureJson);
  await runCheck(page);
  const [worker] = page.workers();
  expect(worker).toBeDefined();
  expect(await worker!.evaluate("[typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource, typeof importScripts]")).toEqual([
    "undefined",
    "undefined",
    "undefined",
    "undefined",
    "undefined",
  ]);
  expect(errors).toEqual([]);
  await page.close();
});

test("without Worker (an old host) the pane checks in its own thread, with the same findings", async () => {
  const verdicts: string[] = [];
  for (const worker of [true, false]) {
    const { page, errors } = await openProbedPane(browser, server.url, stub, fixtureJson, { worker });
    await runCheck(page);
    expect(page.workers()).toHaveLength(worker ? 1 : 0);
    verdicts.push(`${await page.getByTestId("verdict").textContent()} ${await page.getByTestId("finding").count()}`);
    await page.getByRole("tab", { name: "Nouvelle année" }).click();
    // The preview comes from the worker after the tab opens.
    await page.getByTestId("year-preview").locator("li").first().waitFor();
    expect(await page.getByTestId("year-preview").locator("li").count()).toBe(12);
    expect(errors).toEqual([]);
    await page.close();
  }
  expect(verdicts).toEqual([
    "Annexe à corriger\u00a0: 1 erreur, 26 avertissements à examiner. 49",
    "Annexe à corriger\u00a0: 1 erreur, 26 avertissements à examiner. 49",
  ]);
});

/** The pane with another worker script in place of dist/checkWorker.js. */
async function withWorkerScript(body: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openProbedPane(browser, server.url, stub, fixtureJson, {
    before: (page) => page.route(`${server.url}checkWorker.js`, (route) => route.fulfill({ contentType: "text/javascript", body })),
  });
  return opened;
}

test("an error inside the worker is shown as an internal error, in French, with its detail", async () => {
  const { page } = await withWorkerScript(`
    onmessage = (e) => {
      const m = e.data;
      if (m.type === "check") postMessage({ type: "failed", id: m.id, error: { name: "TypeError", message: "cells is undefined", stack: "TypeError: cells is undefined\\n    at runRules (checkWorker.js:1:2345)" } });
    };`);
  await runCheck(page);
  expect(await page.getByTestId("error").textContent()).toContain("Erreur interne du complément (TypeError\u00a0: cells is undefined)");
  await page.getByTestId("error").locator("summary").click();
  const detail = await page.getByTestId("error-detail").textContent();
  expect(detail).toContain("Pile d'appels dans le calcul en arrière-plan\u00a0:");
  expect(detail).toContain("at runRules (checkWorker.js:1:2345)");
  expect(await page.getByTestId("recognised").count()).toBe(0);
  await page.close();
});

test("a worker that cannot start: the check fails with a French internal error, not a silent wait", async () => {
  const { page } = await withWorkerScript(`throw new Error("boom");`);
  await runCheck(page);
  expect(await page.getByTestId("error").textContent()).toMatch(
    /Erreur interne du complément \(Worker\u00a0: le calcul en arrière-plan du volet s'est arrêté ou n'a pas pu démarrer \(.*boom.*\)\)/,
  );
  await page.close();
});
