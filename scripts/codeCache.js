// Build step (npm run build:cli): runs the compiled CLI over the sample annex (check, fill, add-year, inspect, help)
// with CDPPE_CODE_CACHE_RECORD set, so build/node/.code-cache holds V8's code for every module and function those
// commands use (src/cli/codeCache.ts). Starts from an empty cache; a failure here leaves none (the CLI runs without).
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const cache = path.join(root, "build", "node", ".code-cache");
const bin = path.join(root, "bin", "cdppe.js");
const sample = path.join(root, "tests", "fixtures", "annexe-cdppe-2022.xlsx");
fs.rmSync(cache, { recursive: true, force: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-code-cache-"));
const runs = [
  ["check", sample],
  ["fill", sample, "-o", path.join(tmp, "f.xlsx")],
  ["add-year", sample, "-o", path.join(tmp, "a.xlsx")],
  ["inspect", sample],
  ["--help"],
];
try {
  for (const args of runs) {
    const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, CDPPE_CODE_CACHE_RECORD: "1" }, stdio: "ignore" });
    if (r.status === null || r.status > 1) throw new Error(`cdppe ${args[0]}: ${r.status ?? r.signal}`);
  }
} catch (e) {
  fs.rmSync(cache, { recursive: true, force: true });
  process.stderr.write(`code cache not built (${e.message}): the CLI runs without it\n`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
