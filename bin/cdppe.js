#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm run build:cli` (run by npm install/ci through "prepare").
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("cdppe\u00a0: l'outil n'est pas compilé. Lancez d'abord «\u00a0npm install\u00a0» (ou «\u00a0npm run build:cli\u00a0»).\n");
  process.exit(2);
}
// V8's compiled code for our modules, kept by the build: loaded before any of them (see src/cli/codeCache.ts).
require(path.join(__dirname, "..", "build", "node", "cli", "codeCache.js"));
// A closed pipe (`cdppe check … | head`) ends the output quietly, as other command-line tools do.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
});
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
      // Done: exit once the output is flushed, without V8 freeing the heap piece by piece first (100 000 rows: a
      // 1.5 GB heap, ~0.1 s of CPU and wall after the last line; check's CPU -1.5 %, 10 000 rows -2 %).
      process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
    },
    (err) => {
      // Never a stack trace nor English for the user; CDPPE_DEBUG=1 shows the detail to a developer.
      if (process.env.CDPPE_DEBUG) process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
      process.stderr.write("cdppe\u00a0: erreur interne inattendue. Relancez avec CDPPE_DEBUG=1 pour le détail et signalez-la.\n");
      process.exitCode = 2;
    },
  );
