// `npm run bench`, the pane's part (run by bench/run.ts through jest, which compiles the stub and drives Chromium):
// the production pane on the stubbed Excel host, on the 2022 annex, 5 000 and 10 000 fiche rows, with the worker
// (as shipped) and without it (the core on the UI thread, as before issue 15). Figures printed, never asserted.
import * as fs from "fs";
import * as path from "path";
import { serialize } from "v8";
import type { Browser, Page } from "playwright-core";
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

interface Wire {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
}
type Figures = PhaseFigures & { wire: Wire };

/** A phase with the round trips the stub (playing Excel) saw during it: their number and largest payloads. */
async function phase(page: Page, act: () => Promise<void>): Promise<Figures> {
  const from = await page.evaluate<number>("window.__cdppeStub.state.log.length");
  const f = await measurePhase(page, act);
  const wire = await page.evaluate<Wire>(`(() => {
    const log = window.__cdppeStub.state.log.slice(${from});
    return { syncs: log.length, maxRequest: Math.max(0, ...log.map((e) => e.request)), maxResponse: Math.max(0, ...log.map((e) => e.response)) };
  })()`);
  return { ...f, wire };
}

const WAIT = { timeout: 1_800_000 };

async function phases(json: string, worker: boolean, writes: boolean): Promise<Record<string, Figures>> {
  const { page, errors } = await openProbedPane(browser, server.url, stub, json, { worker });
  const out: Record<string, Figures> = {};
  out.check = await phase(page, async () => {
    await page.getByTestId("run-check").click();
    await page.getByTestId("recognised").waitFor(WAIT);
  });
  out.year = await phase(page, async () => {
    await page.getByRole("tab", { name: "Nouvelle année" }).click();
    await page.getByTestId("year-preview").waitFor(WAIT);
  });
  if (writes) {
    // Apply as the user sees it: the re-read and re-check of every touched cell, the writes, then the new check.
    out.apply = await phase(page, async () => {
      await page.getByTestId("apply-year").click();
      await page.getByTestId("year-added").or(page.getByTestId("error")).first().waitFor(WAIT);
    });
    if (await page.getByTestId("error").count()) throw new Error(`apply: ${await page.getByTestId("error").textContent()}`);
    out.undo = await phase(page, async () => {
      await page.getByTestId("undo").click();
      await page.getByText("Modification annulée").or(page.getByTestId("error")).first().waitFor(WAIT);
    });
    if (await page.getByTestId("error").count()) throw new Error(`undo: ${await page.getByTestId("error").textContent()}`);
  }
  if (errors.length) throw new Error(errors.join("\n"));
  await page.close();
  return out;
}

/** What the pane posts to its worker: the snapshot as read through the adapter, in structured clone's own format. */
async function postedBytes(wb: WorkbookSnapshot): Promise<{ bytes: number; cells: number }> {
  const read = await createExcelPort(fakeRunner(stateFromSnapshot(wb)), () => true).read();
  const cells = read.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + (r ? r.filter(Boolean).length : 0), 0), 0);
  return { bytes: serialize(read).length, cells };
}

const ms = (x: number) => `${Math.round(x)} ms`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(2)} Mo`;
const wire = (w: Wire) =>
  `${w.syncs} allers-retours, plus grande requête ${mb(w.maxRequest)}, plus grande réponse ${mb(w.maxResponse)} (limite 5 Mo${Math.max(w.maxRequest, w.maxResponse) > 5 * 2 ** 20 ? " : !!!!! DÉPASSÉE !!!!!" : ""})`;
const verdict = (x: number) => (x <= TARGET_MS ? `(cible ${TARGET_MS} ms : ok)` : `!!!!! AU-DESSUS DE ${TARGET_MS} ms !!!!!`);

test("pane figures", async () => {
  // BENCH_PANE_SIZES=2022,5000,10000 (default all), BENCH_PANE_INLINE=0 to skip the runs without the worker.
  const wanted = (process.env.BENCH_PANE_SIZES ?? "2022,5000,10000").split(",");
  const sizes: Array<{ label: string; wb: WorkbookSnapshot }> = [];
  if (wanted.includes("2022")) sizes.push({ label: "annexe 2022", wb: (await readXlsx(FIXTURE_2022)).snapshot });
  for (const n of [5000, 10000].filter((x) => wanted.includes(String(x))))
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
    // Writes without the worker on the 2022 annex only: at 5 000 rows and more the core alone freezes the pane for seconds.
    for (const worker of process.env.BENCH_PANE_INLINE === "0" ? [true] : [false, true]) {
      const f = await phases(json, worker, worker || label === "annexe 2022");
      const who = worker ? "avec worker  " : "sans worker  ";
      lines.push(
        `  ${who} contrôle : pause ${ms(f.check!.maxGapMs)} hors lecture ${worker ? verdict(f.check!.maxGapMs) : ""}, ${ms(f.check!.maxReadGapMs)} pendant la lecture ; durée ${ms(f.check!.wallMs)} dont hôte ${ms(f.check!.hostMs)} ; ${wire(f.check!.wire)}`,
      );
      lines.push(`  ${who} aperçu nouvelle année : pause ${ms(f.year!.maxGapMs)} ${worker ? verdict(f.year!.maxGapMs) : ""} ; durée ${ms(f.year!.wallMs)}`);
      for (const [k, name] of [
        ["apply", "appliquer nouvelle année (avec le contrôle qui suit)"],
        ["undo", "annuler nouvelle année (avec le contrôle qui suit)"],
      ] as const) {
        const x = f[k];
        if (!x) continue;
        lines.push(
          `  ${who} ${name} : pause ${ms(x.maxGapMs)} hors hôte ${worker ? verdict(x.maxGapMs) : ""}, ${ms(x.maxReadGapMs)} autour de l'hôte ; durée ${ms(x.wallMs)} dont hôte ${ms(x.hostMs)} ; ${wire(x.wire)}`,
        );
      }
      console.log(lines.splice(0).join("\n"));
    }
  }
});
