import { readXlsx } from "../src/xlsx/readWorkbook";
import { recognise } from "../src/core/layout/recognise";
import { colToLetters } from "../src/core/model/a1";
(async () => {
  const { snapshot } = await readXlsx("tests/fixtures/annexe-cdppe-2022.xlsx");
  const t0 = Date.now();
  const lay = recognise(snapshot);
  console.log("ms", Date.now() - t0);
  for (const t of lay.tables) {
    console.log(t.kind, t.sheet, t.range, t.headerRows, t.years, "conf", t.confidence, "missing", t.missing, "amb", JSON.stringify(t.ambiguous), "total", t.totalRow);
    console.log(Object.entries(t.columns).map(([k, v]) => k + "=" + colToLetters(v!)).join(" "));
    console.log(JSON.stringify(Object.fromEntries(Object.entries(t.blocks).map(([k, v]) => [k, Object.fromEntries(Object.entries(v!).map(([y, c]) => [y, colToLetters(c)]))]))));
    console.log(t.rows.filter(r => r.kind !== "fiche").map(r => `${r.row}:${r.kind}${r.continuationOf ? "<" + r.continuationOf : ""}`).join(" "), "fiches", t.rows.filter(r => r.kind === "fiche").length);
    console.log(t.groups.map(g => `${g.key}@${g.titleRow}[${g.rows.length}]st${g.subtotalRow}`).join(" "));
  }
})();
