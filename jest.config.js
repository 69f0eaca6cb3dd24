/**
 * Three projects, one run each, no test in two of them:
 * - unit: Node tests that need no outside program (core, adapters over the fake host, CLI in process);
 * - dom: React components in jsdom;
 * - tools: tests that start an outside program: LibreOffice (`soffice`, recalculation proofs), Chromium (the pane on
 *   the production bundle) or xmllint (manifest schema).
 * `npm test` runs all three; `npm run test:unit` runs unit and dom (seconds, nothing to install beyond npm).
 * A test lands in `tools` by what it uses, found in its text or in the test-support files it imports, so a new test
 * that imports tests/support/libreoffice.ts or tests/support/browser.ts is put there without editing this file.
 */
const fs = require("fs");
const path = require("path");

const TESTS = path.join(__dirname, "tests");
const NEEDS_TOOL = /support\/(?:libreoffice|browser)["']|\b(?:soffice|xmllint|playwright-core)\b|launchChromium/;

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : filesUnder(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Files of tests/ that start an outside program, directly or through a relative import. */
function toolTests() {
  const files = filesUnder(TESTS);
  const text = new Map(files.map((f) => [f, fs.readFileSync(f, "utf8")]));
  const imports = (f) =>
    [...text.get(f).matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)]
      .map((m) => path.resolve(path.dirname(f), m[1]))
      .flatMap((p) => [p, `${p}.ts`, `${p}.tsx`])
      .filter((p) => text.has(p));
  const memo = new Map();
  const needs = (f, seen = new Set()) => {
    if (memo.has(f)) return memo.get(f);
    if (seen.has(f)) return false;
    seen.add(f);
    const r = NEEDS_TOOL.test(text.get(f)) || imports(f).some((g) => needs(g, seen));
    memo.set(f, r);
    return r;
  };
  return files.filter((f) => /\.test\.tsx?$/.test(f) && needs(f));
}

const TOOL_TESTS = toolTests();
const escape = (p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] };

module.exports = {
  // Looks for LibreOffice, Chromium and xmllint once; a missing one stops the run with one French message.
  globalSetup: "<rootDir>/tests/support/globalSetup.js",
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", ...TOOL_TESTS.map((f) => `^${escape(f)}$`)],
      transform,
    },
    {
      displayName: "tools",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      // Everything but the files found above (all of them when there are none).
      testPathIgnorePatterns: ["/node_modules/", `^(?!(?:${TOOL_TESTS.map(escape).join("|")})$)`],
      transform,
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      // Node builds of packages (ExcelJS's uuid has an ESM-only browser build Jest cannot load).
      testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
      testMatch: ["<rootDir>/tests/**/*.test.tsx"],
      transform,
    },
  ],
};
