import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { DIST, launchChromium, OFFICE_JS_URL, serveDir, type StaticServer } from "../support/browser";
import { FIXTURE_2022, FIXTURE_2022_PUBLISHED } from "../support/fixtures";

jest.setTimeout(180_000);

const OUT = path.resolve(__dirname, "..", "..", "test-output");
const SHOTS = path.join(OUT, "screenshots");
let browser: Browser;
let server: StaticServer;
let stub: string;
let fixtureJson: string;
let publishedJson: string;

function buildStub(): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        entry: path.join(__dirname, "officeStub.ts"),
        output: { path: OUT, filename: "office-stub.js" },
        resolve: { extensions: [".ts", ".tsx", ".js"] },
        module: {
          rules: [
            { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } } },
          ],
        },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) return reject(err ?? new Error(stats!.toString("errors-only")));
        resolve(fs.readFileSync(path.join(OUT, "office-stub.js"), "utf8"));
      },
    );
  });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.js"))) throw new Error("dist/ absent : lancez « npm run build » avant ce test");
  fs.mkdirSync(SHOTS, { recursive: true });
  stub = await buildStub();
  const serialise = async (file: string) => {
    const snap = (await readXlsx(file)).snapshot;
    return JSON.stringify({ ...snap, sheets: snap.sheets.map((s) => ({ ...s, hiddenCols: [...s.hiddenCols], hiddenRows: [...s.hiddenRows] })) });
  };
  fixtureJson = await serialise(FIXTURE_2022);
  publishedJson = await serialise(FIXTURE_2022_PUBLISHED);
  server = await serveDir(DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(theme = "#FFFFFF", workbook?: string): Promise<{ page: Page; errors: string[]; external: string[] }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const errors: string[] = [];
  const external: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(`window.__CDPPE_FIXTURE__ = ${workbook ?? fixtureJson}; window.__CDPPE_THEME__ = ${JSON.stringify(theme)};`);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    if (OFFICE_JS_URL.test(route.request().url())) return route.fulfill({ contentType: "text/javascript", body: stub });
    external.push(route.request().url());
    return route.abort();
  });
  await page.goto(server.url + "taskpane.html");
  await page.getByTestId("run-check").waitFor({ timeout: 20_000 });
  return { page, errors, external };
}

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's audit of the page as it is (WCAG and best practices), as "rule: n nodes" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the pane's CSP (no inline script) rightly refuses a <script> tag.
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(AXE);
  // Colours mid-transition (a button just enabled fades from grey for 100 ms) are not what the user reads.
  await page.evaluate(
    "Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => null)))",
  );
  const v = await page.evaluate<string[]>(
    "axe.run(document).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.length + ' — ' + v.nodes[0].target.join(' ')))",
  );
  return v;
}

/** The tabs stay on one line: every tab at the same height. */
async function tabRows(page: Page): Promise<number> {
  return page.evaluate(() => new Set([...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top))).size);
}

const stubEval = <T>(page: Page, fn: string): Promise<T> => page.evaluate<T>(`(() => { const s = window.__cdppeStub.state; ${fn} })()`);

/** Polls until the value is the expected one (or 10 s pass), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last = await read();
  for (let i = 0; i < 100 && last !== expected; i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toBe(expected);
}

/**
 * The host's cells, empty ones left out (an emptied cell and an absent one are the same to Excel); a formula cell by
 * its formula, since the fake host does not recalculate (Excel would give the same result for the same formula).
 */
const HOST_CELLS =
  "return JSON.stringify(s.sheets.map((x) => [x.name, [...x.cells.entries()].filter(([, c]) => c.value !== null || c.formula || c.numFmt !== 'General' || c.fill).map(([k, c]) => [k, { ...c, value: c.formula ? undefined : c.value }]).sort()]));";

async function sameAsBefore(page: Page, before: string): Promise<number> {
  // Count of differing sheets-and-cells, so that a failure says how much, not the whole workbook.
  return page.evaluate<number>(`(() => { const s = window.__cdppeStub.state; const now = JSON.parse((() => { ${HOST_CELLS} })()); const was = JSON.parse(${JSON.stringify(before)});
    let diff = 0; for (let i = 0; i < Math.max(now.length, was.length); i++) { const a = new Map((now[i] || ["", []])[1].map(([k, c]) => [k, JSON.stringify(c)])); const b = new Map((was[i] || ["", []])[1].map(([k, c]) => [k, JSON.stringify(c)]));
      for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) diff++; } return diff; })()`);
}

test("the check in the real pane: 41 fiches and the expected counts; a click selects the cell in Excel", async () => {
  const { page, errors, external } = await openPane();
  expect(await axeViolations(page)).toEqual([]);
  expect(await tabRows(page)).toBe(1);
  await page.screenshot({ path: path.join(SHOTS, "accueil.png") });
  await page.getByTestId("run-check").click();
  await page.getByTestId("recognised").waitFor();
  expect(await page.getByTestId("verdict").textContent()).toBe("Annexe à corriger\u00a0: 1 erreur, 26 avertissements à examiner.");
  expect(await page.getByTestId("recognised").textContent()).toContain("41 fiches, 2020-2022");
  expect(await page.getByTestId("count-error").textContent()).toContain("1");
  expect(await page.getByTestId("count-warning").textContent()).toContain("26");
  expect(await page.getByTestId("count-info").textContent()).toContain("28");
  expect(await page.getByTestId("finding").count()).toBe(49);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, "controle.png"), fullPage: false });
  await page.locator('[data-testid="finding"][data-rule="display-overflow"] p').first().click();
  await eventually(() => stubEval<string>(page, "return s.selection;"), "Suivi fiches actions!AJ46");
  await page.getByTestId("rounding-toggle").click();
  expect(await page.getByTestId("finding").count()).toBe(55);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId("rounding-toggle").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, "controle-arrondis.png") });
  // Keyboard: the focused finding's Enter selects its cell.
  await page.locator('[data-testid="finding"][data-cell="Synthèse financière!I18"] button[data-rove]').focus();
  await page.keyboard.press("Enter");
  await eventually(() => stubEval<string>(page, "return s.selection;"), "Synthèse financière!I18");
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
  await page.close();
});

test("keyboard: a few Tab stops reach the findings, arrows reach the last one, the focus is visible", async () => {
  const { page, errors } = await openPane();
  await page.getByTestId("run-check").click();
  await page.getByTestId("recognised").waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const inList = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid="findings"]'));
  let tabs = 0;
  while (!(await inList()) && tabs < 60) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  // Tabs, actions, severities, rule, "hide seen", then the list: 6 stops (about 170 before, one per button per card).
  expect(tabs).toBeLessThanOrEqual(6);
  const focused = () => page.evaluate(() => document.activeElement?.closest<HTMLElement>("[data-rove-item]")?.dataset.roveItem ?? null);
  expect(await focused()).toBe("display-overflow|Suivi fiches actions|AJ46");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await page.screenshot({ path: path.join(SHOTS, "controle-clavier.png") });
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toBe("realised-without-budget|Suivi fiches actions|AM11");
  await page.keyboard.press("End");
  expect(await focused()).toBe("rounding-group");
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  expect(await focused()).toBe("total-row|Suivi fiches actions|AN46");
  // One Tab leaves the list (past the last finding's own action): the rates chart has no stop of its own.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  expect(await inList()).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
});

test("Compléter writes the formulas in the host, and Annuler restores it", async () => {
  const { page, errors } = await openPane();
  const before = await stubEval<string>(page, HOST_CELLS);
  await page.getByTestId("run-check").click();
  await page.getByTestId("recognised").waitFor();
  await page.getByRole("tab", { name: "Compléter" }).click();
  expect(await page.getByTestId("fill-preview").textContent()).toBe("126 formules à écrire, dans 3 colonnes\u00a0:");
  expect(await page.getByTestId("fill-column").first().textContent()).toContain(
    'AM4\u00a0= SI((W4+AB4+AF4+AJ4)=0;SI(N(AL4)=0;"";"sans budget");AL4/(W4+AB4+AF4+AJ4))',
  );
  expect(await tabRows(page)).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, "completer.png") });
  await page.locator("summary").first().click();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, "completer-formules.png") });
  await page.getByTestId("apply-fill").click();
  await page.getByText("126 formules écrites.").waitFor();
  expect(await stubEval<string>(page, "return s.sheets[1].cells.get('4:39').formula;")).toBe(
    'IF((W4+AB4+AF4+AJ4)=0,IF(N(AL4)=0,"","sans budget"),AL4/(W4+AB4+AF4+AJ4))',
  );
  expect(await stubEval<string>(page, "return s.sheets[1].cells.get('46:42').formula;")).toBe("L46-AN46");
  await page.getByTestId("undo").click();
  await page.getByText("Modification annulée").waitFor();
  expect(await sameAsBefore(page, before)).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test("Compléter on the published annex: each typed rate beside what the formula would give", async () => {
  const { page, errors } = await openPane("#FFFFFF", publishedJson);
  await page.getByTestId("run-check").click();
  await page.getByTestId("recognised").waitFor();
  await page.getByRole("tab", { name: "Compléter" }).click();
  const conflicts = page.getByTestId("fill-conflicts").locator("li");
  // The fill plan comes from the worker after the tab opens.
  await conflicts.first().waitFor();
  expect(await conflicts.count()).toBe(3);
  expect(await conflicts.first().textContent()).toBe(
    "AM11 (fiche 8) — valeur saisie différente du calcul" + "Saisi\u00a0: 0\u00a0% · la formule donnerait\u00a0: «\u00a0sans budget\u00a0»",
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId("fill-conflicts").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, "completer-conflits.png") });
  expect(errors).toEqual([]);
  await page.close();
});

test("Nouvelle année inserts the 2023 columns in the host, and Annuler restores it", async () => {
  const { page, errors } = await openPane();
  const before = await stubEval<string>(page, HOST_CELLS);
  await page.getByTestId("run-check").click();
  await page.getByTestId("recognised").waitFor();
  await page.getByRole("tab", { name: "Nouvelle année" }).click();
  // The preview comes from the worker after the tab opens.
  await page.getByTestId("year-preview").locator("li").first().waitFor();
  expect(await page.getByTestId("year-preview").locator("li").count()).toBe(12);
  const retitled = await page.getByTestId("year-retitled").locator("li").allTextContents();
  expect(retitled.map((t) => t.split("\u00a0:")[0])).toEqual([
    "Suivi fiches actions!M2",
    "Suivi fiches actions!AY2",
    "Suivi fiches actions!R3",
    "Suivi fiches actions!W3",
    "Synthèse financière!N2",
  ]);
  expect(await page.getByTestId("year-kept").locator("li").count()).toBe(2);
  expect(await tabRows(page)).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, "nouvelle-annee.png"), fullPage: true });
  await page.getByTestId("apply-year").click();
  await page.getByText("Année 2023 ajoutée\u00a0: 12 colonnes insérées.").waitFor();
  await page.getByTestId("year-added").waitFor();
  expect(await page.getByTestId("apply-year").count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, "nouvelle-annee-ajoutee.png") });
  await page.getByTestId("year-another").click();
  expect(await page.getByTestId("year-field").inputValue()).toBe("2024");
  expect(await stubEval<string>(page, "return s.sheets[1].cells.get('2:47').value;")).toBe("Réalisations en 2023");
  expect(await stubEval<string>(page, "return s.sheets[0].cells.get('2:13').value;")).toBe("Budget consommé en 2023");
  await page.getByRole("tab", { name: "Contrôle" }).click();
  expect(await page.getByTestId("recognised").textContent()).toContain("41 fiches, 2020-2023");
  await page.getByTestId("undo").click();
  await page.getByText("Modification annulée").waitFor();
  expect(await sameAsBefore(page, before)).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test("readable at 320 px with the Office dark theme", async () => {
  const { page, errors } = await openPane("#1F1F1F");
  await page.getByTestId("run-check").click();
  await page.getByTestId("recognised").waitFor();
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector("#root > div > div")!).backgroundColor);
  expect(bg).not.toBe("rgb(255, 255, 255)");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, "controle-sombre.png") });
  await page.getByTestId("chart").scrollIntoViewIfNeeded();
  await page.getByTestId("chart").screenshot({ path: path.join(SHOTS, "graphique.png") });
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  await page.close();
});
