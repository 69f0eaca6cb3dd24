// `npm run bench`, the pane's part (run by bench/run.ts through jest, which compiles the stub and drives Chromium):
// the production pane on the stubbed Excel host, on the 2022 annex, 5 000 and 10 000 fiche rows, with the worker
// (as shipped) and without it (the core on the UI thread, as before issue 15). Figures printed, never asserted.
import * as fs from "fs";
import * as path from "path";
import { serialize } from "v8";
import type { Browser } from "playwright-core";
import { createExcelPort } from "../src/excel/port";
import { readXlsx } from "../src/xlsx/readWorkbook";
import { generateAnnex } from "../tests/support/annexGenerator";
import { DIST, launchChromium, serveDir, type StaticServer } from "../tests/support/browser";
import { fakeRunner, stateFromSnapshot } from "../tests/support/fakeExcel";
import { FIXTURE_2022 } from "../tests/support/fixtures";
import { buildOfficeStub, measurePhase, openProbedPane, serialiseSnapshot, type PhaseFigures } from "../tests/support/paneProbe";
import type { WorkbookSnapshot } from "../src/core/model/snapshot";

jest.setTimeout(3_600_000);
const TARGET_MS = 100;
const OUT = path.resolve(__dirname, "..", "test-output");
let browser: Browser;
let server: StaticServer;
let stub: string;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  stub = await buildOfficeStub(OUT);
  server = await serveDir(DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phases(json: string, worker: boolean): Promise<{ check: PhaseFigures; year: PhaseFigures }> {
  const { page } = await openProbedPane(browser, server.url, stub, json, { worker });
  const check = await measurePhase(page, async () => {
    await page.getByTestId("run-check").click();
    await page.getByTestId("recognised").waitFor({ timeout: 600_000 });
  });
  const year = await measurePhase(page, async () => {
    await page.getByRole("tab", { name: "Nouvelle année" }).click();
    await page.getByTestId("year-preview").waitFor({ timeout: 600_000 });
  });
  await page.close();
  return { check, year };
}

/** What the pane posts to its worker: the snapshot as read through the adapter, in structured clone's own format. */
async function postedBytes(wb: WorkbookSnapshot): Promise<{ bytes: number; cells: number }> {
  const read = await createExcelPort(fakeRunner(stateFromSnapshot(wb)), () => true).read();
  const cells = read.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + (r ? r.filter(Boolean).length : 0), 0), 0);
  return { bytes: serialize(read).length, cells };
}

const ms = (x: number) => `${Math.round(x)} ms`;
const verdict = (x: number) => (x <= TARGET_MS ? `(cible ${TARGET_MS} ms : ok)` : `!!!!! AU-DESSUS DE ${TARGET_MS} ms !!!!!`);

test("pane figures", async () => {
  const sizes: Array<{ label: string; wb: WorkbookSnapshot }> = [{ label: "annexe 2022", wb: (await readXlsx(FIXTURE_2022)).snapshot }];
  for (const n of [5000, 10000])
    sizes.push({ label: `${n} fiches`, wb: generateAnnex({ fiches: n, years: [2020, 2021, 2022, 2023, 2024], seed: 9, continuationEvery: 0 }).workbook });
  const lines: string[] = [
    "Volet dans Chromium (bundle de production, hôte Excel simulé) : plus longue pause du fil de l'interface (battement setTimeout),",
    "hors lecture / pendant la lecture (le travail de l'hôte simulé, qui joue Excel sur le même fil, retiré) ; durée totale dont hôte.",
  ];
  for (const { label, wb } of sizes) {
    const json = serialiseSnapshot(wb);
    const posted = await postedBytes(wb);
    lines.push(
      `\n${label} — instantané envoyé au worker une fois par contrôle : ${(posted.bytes / 2 ** 20).toFixed(1)} Mo (${posted.cells} cellules), en tranches d'environ 16 ms`,
    );
    for (const worker of [false, true]) {
      const f = await phases(json, worker);
      const who = worker ? "avec worker  " : "sans worker  ";
      lines.push(
        `  ${who} contrôle : pause ${ms(f.check.maxGapMs)} hors lecture ${worker ? verdict(f.check.maxGapMs) : ""}, ${ms(f.check.maxReadGapMs)} pendant la lecture ; durée ${ms(f.check.wallMs)} dont hôte ${ms(f.check.hostMs)}`,
      );
      lines.push(`  ${who} aperçu nouvelle année : pause ${ms(f.year.maxGapMs)} ${worker ? verdict(f.year.maxGapMs) : ""} ; durée ${ms(f.year.wallMs)}`);
      console.log(lines.splice(0).join("\n"));
    }
  }
});
