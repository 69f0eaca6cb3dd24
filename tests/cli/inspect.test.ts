import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { FIXTURE_2022 } from "../support/fixtures";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out: () => out.join(""), err: () => err.join("") };
}

test("inspect --format json gives both tables with their columns and counts", async () => {
  const c = capture();
  expect(await main(["inspect", FIXTURE_2022, "--format", "json"], c.io)).toBe(0);
  const report = JSON.parse(c.out());
  expect(report.file).toBe("annexe-cdppe-2022.xlsx");
  const detail = report.tables.find((t: { kind: string }) => t.kind === "detail");
  expect(detail).toMatchObject({ sheet: "Suivi fiches actions", range: "A2:AP46", headerRows: [2, 3], years: [2020, 2021, 2022], fiches: 41, totalRow: 46 });
  expect(detail.columns).toMatchObject({ budget: "L", firTotal: "AC", ondam2022: "AJ", gap: "AP" });
  expect(detail.continuationRows).toEqual([{ row: 33, of: "29" }]);
  const summary = report.tables.find((t: { kind: string }) => t.kind === "summary");
  expect(summary.groups.map((g: { key: string }) => g.key)).toEqual(["engagement1", "engagement2", "engagement3", "engagement4", "conditions"]);
});

test("inspect without a file reads the bundled sample annex, in French", async () => {
  const c = capture();
  expect(await main(["inspect"], c.io)).toBe(0);
  expect(c.out()).toContain("Tableau détaillé (suivi des fiches actions) — feuille « Suivi fiches actions », plage A2:AP46");
  expect(c.out()).toContain("fiches : 41");
});

test("a file that is not a workbook, or missing, exits 2 with a French message", async () => {
  const tmp = path.join(os.tmpdir(), `pas-un-classeur-${process.pid}.xlsx`);
  fs.writeFileSync(tmp, "bonjour");
  const c = capture();
  expect(await main(["inspect", tmp], c.io)).toBe(2);
  expect(c.err()).toContain(`${tmp}\u00a0: fichier texte (CSV ou similaire), pas un classeur.`);
  fs.unlinkSync(tmp);
  const d = capture();
  expect(await main(["inspect", "/nulle/part.xlsx"], d.io)).toBe(2);
  expect(d.err()).toContain("/nulle/part.xlsx\u00a0: fichier introuvable.");
});
