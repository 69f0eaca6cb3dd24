import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { DIST, launchChromium, OFFICE_JS_URL, PLAIN_BROWSER_OFFICE_JS, serveDir, type StaticServer } from "../support/browser";

jest.setTimeout(60_000);

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
/** axe-core's audit, evaluated through the DevTools protocol (the page's CSP refuses inline scripts). */
async function axeViolations(page: import("playwright-core").Page): Promise<string[]> {
  await page.evaluate(AXE);
  return await page.evaluate<string[]>("axe.run(document).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.length))");
}

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ absent : lancez « npm run build » avant ce test");
  server = await serveDir(DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(officeJs: "plain" | "blocked") {
  const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  const external: string[] = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    const url = route.request().url();
    if (OFFICE_JS_URL.test(url) && officeJs === "plain") return route.fulfill({ contentType: "text/javascript", body: PLAIN_BROWSER_OFFICE_JS });
    external.push(url);
    return route.abort();
  });
  await page.goto(server.url + "taskpane.html");
  return { page, errors, external };
}

test("opened in a plain browser, the pane says to open it in Excel, with no console error", async () => {
  const { page, errors, external } = await openPane("plain");
  const card = page.getByTestId("outside-office");
  await card.waitFor({ timeout: 10_000 });
  expect(await card.textContent()).toContain("Ouvrez ce volet dans Excel");
  expect(await page.locator("html").getAttribute("lang")).toBe("fr");
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  // Nothing but office.js is fetched from outside.
  expect(external).toEqual([]);
  await page.close();
});

test("without office.js at all (offline), the pane still explains instead of throwing", async () => {
  const { page, errors } = await openPane("blocked");
  await page.getByTestId("outside-office").waitFor({ timeout: 10_000 });
  expect(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e))).toEqual([]);
  await page.close();
});

test("the production build emits every file the manifest needs", () => {
  for (const f of [
    "taskpane.html",
    "taskpane.js",
    "commands.html",
    "commands.js",
    "manifest.xml",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
  ]) {
    expect(fs.existsSync(path.join(DIST, f))).toBe(true);
  }
});
