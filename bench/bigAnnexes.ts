// Big annexes for the bench, generated once into a cache folder (os.tmpdir()/cdppe-bench-cache) and reused while the
// generator and the writer stay the same.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateAnnex } from "../tests/support/annexGenerator";
import { writeXlsxByTemplate } from "./xlsxTemplate";

const CACHE = path.join(os.tmpdir(), "cdppe-bench-cache");

function version(): string {
  const h = createHash("sha1");
  for (const f of [path.join(__dirname, "..", "tests", "support", "annexGenerator.js"), path.join(__dirname, "xlsxTemplate.js")]) h.update(fs.readFileSync(f));
  return h.digest("hex").slice(0, 10);
}

/** Path of an annex with `fiches` fiche rows, five years, both tables: made now unless cached. */
export async function bigAnnex(fiches: number): Promise<{ file: string; madeMs: number | null }> {
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `annexe-${fiches}-fiches-${version()}.xlsx`);
  if (fs.existsSync(file)) return { file, madeMs: null };
  const t0 = Date.now();
  const g = generateAnnex({ fiches, years: [2020, 2021, 2022, 2023, 2024], seed: 9, continuationEvery: 0 });
  await writeXlsxByTemplate(g.workbook, file);
  return { file, madeMs: Date.now() - t0 };
}
