import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { FIXTURE_2022 } from "../support/fixtures";
import { generateAnnex } from "../support/annexGenerator";
import { writeXlsx } from "../support/xlsxWrite";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out: () => out.join(""), err: () => err.join("") };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-check-"));
const cleanFile = path.join(tmp, "annexe-propre.xlsx");
beforeAll(async () => {
  await writeXlsx(generateAnnex({ seed: 11, fiches: 15 }).workbook, cleanFile);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("check --format json follows the report contract of spec §6 and exits 1 on an error finding", async () => {
  const c = capture();
  expect(await main(["check", FIXTURE_2022, "--format", "json"], c.io)).toBe(1);
  const r = JSON.parse(c.out());
  expect(r.file).toBe("annexe-cdppe-2022.xlsx");
  expect(r.tables.find((t: { kind: string }) => t.kind === "detail")).toMatchObject({
    kind: "detail",
    sheet: "Suivi fiches actions",
    range: "A2:AP46",
    headerRows: [2, 3],
    years: [2020, 2021, 2022],
    fiches: 41,
    columns: expect.objectContaining({ budget: "L", firTotal: "AC" }),
  });
  expect(r.rows[0]).toEqual({ sheet: "Suivi fiches actions", row: 4, fiche: "1", rateLastYear: 0.5332, rateGlobal: 0.5213, gap: 401970.4 });
  expect(r.findings).toContainEqual(
    expect.objectContaining({
      rule: "display-overflow",
      severity: "error",
      sheet: "Suivi fiches actions",
      cell: "AJ46",
      fiche: null,
      expected: 1155000,
      actual: "#########",
    }),
  );
  for (const f of r.findings) expect(Object.keys(f).sort()).toEqual(["actual", "cell", "expected", "fiche", "message", "rule", "severity", "sheet"]);
  expect(r.layout).toBeUndefined();
});

test("a clean annex exits 0 and says it is coherent", async () => {
  const c = capture();
  expect(await main(["check", cleanFile], c.io)).toBe(0);
  expect(c.out()).toContain("0 erreur, 0 avertissement, 0 information");
  expect(c.out()).toContain("Aucune constatation");
});

test("several files: a JSON array, and in text mode a final French summary table; exit is the worst", async () => {
  const j = capture();
  expect(await main(["check", cleanFile, FIXTURE_2022, "--format", "json"], j.io)).toBe(1);
  const arr = JSON.parse(j.out());
  expect(Array.isArray(arr)).toBe(true);
  expect(arr.map((r: { counts: { error: number } }) => r.counts.error)).toEqual([0, 1]);
  const t = capture();
  const notAnnex = path.join(tmp, "notes.xlsx");
  await writeXlsx({ sheets: [{ ...generateAnnex().workbook.sheets[0]! }] }, notAnnex);
  expect(await main(["check", cleanFile, FIXTURE_2022, notAnnex], t.io)).toBe(2);
  expect(t.out()).toContain("Synthèse des fichiers contrôlés");
  expect(t.out()).toMatch(/annexe-propre\.xlsx\s+0\s+0\s+0\s+15\s+conforme/);
  expect(t.out()).toMatch(/notes\.xlsx\s+-\s+-\s+-\s+-\s+illisible/);
  expect(t.err()).toContain("Aucune annexe CDPPE reconnue");
});

test("no annex in the file: exit 2 and a French message on stderr", async () => {
  const notAnnex = path.join(tmp, "vide.xlsx");
  await writeXlsx({ sheets: [generateAnnex().workbook.sheets[0]!] }, notAnnex);
  const c = capture();
  expect(await main(["check", notAnnex], c.io)).toBe(2);
  expect(c.err()).toContain("Aucune annexe CDPPE reconnue");
  expect(c.out()).toBe("");
});

test("csv: one line per finding with the file, readable by Excel (BOM, semicolons)", async () => {
  const c = capture();
  await main(["check", FIXTURE_2022, "--format", "csv"], c.io);
  const lines = c
    .out()
    .replace(/^\ufeff/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("fichier;regle;gravite;feuille;cellule;fiche;message;attendu;constate");
  expect(lines).toHaveLength(56);
  expect(lines.some((l) => l.includes(";display-overflow;error;Suivi fiches actions;AJ46;;"))).toBe(true);
});

test("without a file, check runs on the bundled 2022 sample", async () => {
  const c = capture();
  expect(await main(["check"], c.io)).toBe(1);
  expect(c.out()).toContain("1 erreur, 26 avertissements, 28 informations");
  expect(c.out()).toContain("Suivi fiches actions!AJ46");
});

test("bad options are refused in French", async () => {
  const c = capture();
  expect(await main(["check", "--format", "xml"], c.io)).toBe(2);
  expect(c.err()).toContain("Format inconnu");
  const d = capture();
  expect(await main(["check", "--objectifs-facultatifs", "treize"], d.io)).toBe(2);
  expect(d.err()).toContain("Liste d'objectifs illisible");
});
