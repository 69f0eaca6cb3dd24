#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm run build:cli` (run by npm install/ci through "prepare").
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("cdppe : l'outil n'est pas compilé. Lancez d'abord « npm install » (ou « npm run build:cli »).\n");
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`cdppe : erreur inattendue : ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
