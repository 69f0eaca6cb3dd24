// Real Chromium (Debian's /usr/bin/chromium) through playwright-core, and a static server for dist/ on loopback.
import * as http from "http";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireTools } = require("./tools") as { requireTools: (names: string[]) => Record<string, string> };

/** Chromium, Chrome or Edge, found on Linux, macOS or Windows (CHROMIUM_PATH overrides); a French error if none. */
export function chromiumPath(): string {
  return requireTools(["chromium"]).chromium!;
}
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".json": "application/json",
  ".txt": "text/plain",
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export function serveDir(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0] ?? "/");
    const file = path.join(dir, path.normalize(rel).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

export const DIST = path.resolve(__dirname, "..", "..", "dist");
export const OFFICE_JS_URL = /appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/;

/** What office.js does in a plain browser: Office.onReady resolves with no host. */
export const PLAIN_BROWSER_OFFICE_JS = `
  window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) {
    var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); } };`;
