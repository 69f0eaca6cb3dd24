// Before any test: the external programs the selected tests need are looked for once. One missing stops the run
// with one French message naming it and how to install it (instead of dozens of raw spawn failures).
const fs = require("fs");
const path = require("path");
const { requireTools } = require("./tools");

const ROOT = path.resolve(__dirname, "..", "..");
const NEEDS = [
  [/support\/browser|launchChromium/, "chromium"],
  [/support\/libreoffice|recalc\(/, "soffice"],
  [/xmllint|support\/manifestCheck|scripts\/validate/, "xmllint"],
];

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : testFiles(p);
    return /\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

module.exports = async function globalSetup(globalConfig) {
  const pattern = globalConfig && globalConfig.testPathPattern ? new RegExp(globalConfig.testPathPattern, "i") : null;
  const selected = testFiles(path.join(ROOT, "tests")).filter((f) => !pattern || pattern.test(f));
  const needed = new Set();
  for (const f of selected) {
    const text = fs.readFileSync(f, "utf8");
    for (const [re, tool] of NEEDS) if (re.test(text)) needed.add(tool);
  }
  const found = requireTools([...needed]);
  // The workers inherit these: the support modules use the same programs.
  if (found.chromium) process.env.CHROMIUM_PATH = found.chromium;
  if (found.soffice) process.env.SOFFICE_PATH = found.soffice;
  if (found.xmllint) process.env.XMLLINT_PATH = found.xmllint;
};
