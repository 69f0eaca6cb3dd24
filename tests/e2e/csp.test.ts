// "The add-in sends nothing": the Content-Security-Policy of the production pane, enforced by a real Chromium.
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { Browser } from "playwright-core";
import { DIST, launchChromium, OFFICE_JS_URL, PLAIN_BROWSER_OFFICE_JS, serveDir, type StaticServer } from "../support/browser";

jest.setTimeout(60_000);

let browser: Browser;
let server: StaticServer;
let other: http.Server;
let otherUrl = "";
const hits: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ absent : lancez « npm run build » avant ce test");
  server = await serveDir(DIST);
  // Another origin (same host, other port) that would answer if anything reached it.
  other = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" }).end("window.__leaked = true;");
  });
  await new Promise<void>((r) => other.listen(0, "127.0.0.1", () => r()));
  const addr = other.address();
  otherUrl = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((r) => other?.close(r));
});

test("both pages carry the policy: scripts from the add-in and Office's CDN only, connections to the add-in only", () => {
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = fs.readFileSync(path.join(DIST, page), "utf8");
    const csp = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    // The check's worker: from the add-in's own origin only, never a blob: or data: script.
    expect(directives["worker-src"]).toEqual(["'self'"]);
  }
});

test("in Chromium, the pane runs, and a fetch or a script to another origin is blocked before leaving", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    OFFICE_JS_URL.test(route.request().url()) ? route.fulfill({ contentType: "text/javascript", body: PLAIN_BROWSER_OFFICE_JS }) : route.abort(),
  );
  await page.goto(server.url + "taskpane.html");
  await page.getByTestId("outside-office").waitFor({ timeout: 10_000 });
  const result = await page.evaluate(async (url) => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const self = await fetch(location.href).then(
      (r) => r.status,
      () => -1,
    );
    const away = await fetch(url + "donnees").then(
      () => "sent",
      (e: Error) => `blocked: ${e.name}`,
    );
    const script = await new Promise<string>((resolve) => {
      const s = document.createElement("script");
      s.src = url + "script.js";
      s.onload = () => resolve("loaded");
      s.onerror = () => resolve("blocked");
      document.head.appendChild(s);
    });
    const beacon = navigator.sendBeacon(url + "beacon", "x");
    await new Promise((r) => setTimeout(r, 300));
    return { self, away, script, beacon, violations, leaked: (window as unknown as { __leaked?: boolean }).__leaked ?? false };
  }, otherUrl);
  expect(result.self).toBe(200);
  expect(result.away).toMatch(/^blocked/);
  expect(result.script).toBe("blocked");
  expect(result.leaked).toBe(false);
  expect(result.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^connect-src /), expect.stringMatching(/^script-src/)]));
  expect(hits).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test("the production dist/ ships no source map, nor a reference to one", () => {
  const files = fs.readdirSync(DIST, { recursive: true }).map(String);
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  for (const f of files.filter((x) => x.endsWith(".js"))) expect(fs.readFileSync(path.join(DIST, f), "utf8")).not.toMatch(/sourceMappingURL/);
});
