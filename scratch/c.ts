import { readXlsx } from "../src/xlsx/readWorkbook";
import { checkAnnex } from "../src/core/check";
(async () => {
  const { snapshot } = await readXlsx(process.argv[2] ?? "tests/fixtures/annexe-cdppe-2022.xlsx");
  const rep = checkAnnex(snapshot);
  console.log(rep.counts, rep.skipped);
  for (const f of rep.findings) console.log([f.rule, f.severity, f.sheet.slice(0, 5), f.cell, f.fiche, JSON.stringify(f.expected), JSON.stringify(f.actual)].join(" | "), "\n    ", f.message);
})();
