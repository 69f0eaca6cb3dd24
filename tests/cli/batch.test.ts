// A controller's folder of annexes: folders, globs (Windows style too), natural order, filters, verdicts, CSV safety.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync, execFileSync } from "child_process";
import { main } from "../../src/cli/main";
import { expandInputs } from "../../src/cli/expandInputs";
import { csvField, orderFindings } from "../../src/cli/commands/check";
import type { Finding } from "../../src/core/rules/types";
import { FIXTURE_2022 } from "../support/fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-batch-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  return {
    io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), progress: (s: string) => void progress.push(s) },
    out: () => out.join(""),
    err: () => err.join(""),
    progress,
  };
}

const dir = path.join(tmp, "Dossier ARS");
const names = ["annexe 12.xlsx", "annexe 3.xlsx", "annexe 41.xlsx", "~$annexe 3.xlsx", "notes.txt", "sous/annexe 7.xlsx", "sous/profond/annexe 1.xlsx"];
beforeAll(() => {
  for (const n of names) {
    fs.mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
    fs.copyFileSync(FIXTURE_2022, path.join(dir, n));
  }
});
const base = (files: Array<{ file: string }>) => files.map((f) => path.relative(dir, f.file));

describe("expanding the arguments", () => {
  test("a folder gives its workbooks in natural order, without Excel's lock files; -r goes down", () => {
    expect(base(expandInputs([dir]))).toEqual(["annexe 3.xlsx", "annexe 12.xlsx", "annexe 41.xlsx"]);
    expect(base(expandInputs([dir], { recursive: true }))).toEqual([
      "annexe 3.xlsx",
      "annexe 12.xlsx",
      "annexe 41.xlsx",
      path.join("sous", "annexe 7.xlsx"),
      path.join("sous", "profond", "annexe 1.xlsx"),
    ]);
  });

  test("globs are expanded by the tool: *, ?, [..], ** ; a file named with brackets is taken as it is", () => {
    expect(base(expandInputs([path.join(dir, "annexe *.xlsx")]))).toEqual(["annexe 3.xlsx", "annexe 12.xlsx", "annexe 41.xlsx"]);
    expect(base(expandInputs([path.join(dir, "annexe ?.xlsx")]))).toEqual(["annexe 3.xlsx"]);
    expect(base(expandInputs([path.join(dir, "annexe [14]*.xlsx")]))).toEqual(["annexe 12.xlsx", "annexe 41.xlsx"]);
    expect(base(expandInputs([path.join(dir, "**", "annexe ?.xlsx")]))).toEqual([
      "annexe 3.xlsx",
      path.join("sous", "annexe 7.xlsx"),
      path.join("sous", "profond", "annexe 1.xlsx"),
    ]);
    const odd = path.join(tmp, "[2022] annexe.xlsx");
    fs.copyFileSync(FIXTURE_2022, odd);
    expect(expandInputs([odd]).map((e) => e.file)).toEqual([odd]);
  });

  test("a Windows-style pattern (backslashes, any case) works as cmd.exe users type it", () => {
    const winPattern = `${dir.split(path.sep).join("\\")}\\ANNEXE *.XLSX`;
    expect(base(expandInputs([winPattern], { platform: "win32" }))).toEqual(["annexe 3.xlsx", "annexe 12.xlsx", "annexe 41.xlsx"]);
    // Case matters on Linux, as the file system says.
    expect(expandInputs([path.join(dir, "ANNEXE *.XLSX")], { platform: "linux" })[0]!.error).toMatch(/aucun fichier ne correspond/);
  });

  test("the same file given twice is checked once", () => {
    expect(expandInputs([path.join(dir, "annexe 3.xlsx"), dir]).length).toBe(3);
  });
});

describe("check on a folder", () => {
  test("text: one verdict per file (--resume), then the summary table; progress reported; exit is the worst", async () => {
    const c = capture();
    const bad = path.join(tmp, "abime.xlsx");
    fs.writeFileSync(bad, fs.readFileSync(FIXTURE_2022).subarray(0, 5000));
    expect(await main(["check", dir, bad, "--resume"], c.io)).toBe(2);
    const lines = c.out().split("\n");
    expect(lines.slice(0, 4)).toEqual([
      `${path.join(dir, "annexe 3.xlsx")}\u00a0: à corriger — 1\u00a0erreur, 26\u00a0avertissements, 28\u00a0informations`,
      `${path.join(dir, "annexe 12.xlsx")}\u00a0: à corriger — 1\u00a0erreur, 26\u00a0avertissements, 28\u00a0informations`,
      `${path.join(dir, "annexe 41.xlsx")}\u00a0: à corriger — 1\u00a0erreur, 26\u00a0avertissements, 28\u00a0informations`,
      `${bad}\u00a0: illisible — classeur endommagé ou incomplet (archive .xlsx tronquée ou altérée)\u00a0; il n'a pas été analysé. Reprenez l'original ou faites-le réenregistrer dans Excel.`,
    ]);
    expect(c.out()).toContain("Synthèse des fichiers contrôlés");
    expect(c.progress.filter(Boolean)).toEqual([1, 2, 3, 4].map((k) => expect.stringMatching(new RegExp(`^Contrôle ${k}/4\u00a0: `))));
  });

  test("--gravite and --regle filter what is shown; counts and exit follow the filter", async () => {
    const c = capture();
    expect(await main(["check", FIXTURE_2022, "--gravite", "avertissement", "--format", "json"], c.io)).toBe(0);
    const r = JSON.parse(c.out()) as { findings: Finding[]; counts: Record<string, number> };
    expect(r.findings.length).toBe(26);
    expect(new Set(r.findings.map((f) => f.severity))).toEqual(new Set(["warning"]));
    expect(r.counts).toEqual({ error: 0, warning: 26, info: 0 });
    const d = capture();
    expect(await main(["check", FIXTURE_2022, "--regle", "display-overflow"], d.io)).toBe(1);
    expect(d.out()).toContain("[display-overflow]");
    expect(d.out()).not.toMatch(/\[(?!display-overflow\])[a-z-]+\]/);
    expect(d.out()).toMatch(/54\u00a0constatations masquées par le filtre/);
  });

  test("text output: errors, then warnings, then infos; fiches in natural order within each", async () => {
    const c = capture();
    await main(["check", FIXTURE_2022], c.io);
    const tags = [...c.out().matchAll(/^(ERREUR |AVERT\. |INFO {3}) \S+(?: \(fiche (\S+)\))?/gm)];
    const sev = tags.map((m) => m[1]);
    expect(sev).toEqual([...sev].sort((a, b) => ["ERREUR ", "AVERT. ", "INFO   "].indexOf(a!) - ["ERREUR ", "AVERT. ", "INFO   "].indexOf(b!)));
    for (const tag of ["AVERT. ", "INFO   "]) {
      const fiches = tags.filter((m) => m[1] === tag && m[2]).map((m) => m[2]!);
      const numbers = fiches.map((f) => parseFloat(f));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  test("orderFindings puts 3 before 12 before 41 and rows without fiche after", () => {
    const f = (severity: Finding["severity"], fiche: string | null): Finding => ({
      rule: "year-sum",
      severity,
      sheet: "S",
      cell: "A1",
      fiche,
      message: "",
      expected: null,
      actual: null,
    });
    const out = orderFindings([f("info", "41"), f("warning", null), f("warning", "12"), f("error", "41"), f("warning", "3"), f("info", "3")]);
    expect(out.map((x) => `${x.severity}:${x.fiche}`)).toEqual(["error:41", "warning:3", "warning:12", "warning:null", "info:3", "info:41"]);
  });

  test("JSON and CSV list every unreadable file with its reason", async () => {
    const missing = path.join(tmp, "absente.xlsx");
    const j = capture();
    expect(await main(["check", path.join(dir, "annexe 3.xlsx"), missing, "--format", "json"], j.io)).toBe(2);
    const arr = JSON.parse(j.out()) as Array<Record<string, unknown>>;
    expect(arr[1]).toEqual({ file: missing, error: `${missing}\u00a0: fichier introuvable. Vérifiez le nom et le dossier.`, status: "illisible" });
    const c = capture();
    await main(["check", missing, path.join(dir, "annexe 3.xlsx"), "--format", "csv"], c.io);
    const rows = c
      .out()
      .replace(/^\ufeff/, "")
      .split("\r\n");
    expect(rows[1]).toBe(`${missing};fichier-illisible;illisible;;;;${missing}\u00a0: fichier introuvable. Vérifiez le nom et le dossier.;;`);
    expect(rows.length).toBeGreaterThan(50);
  });
});

describe("CSV cells a spreadsheet could run", () => {
  test.each([
    ["=SUM(I46:I52)", "'=SUM(I46:I52)"],
    ["+33 1 23", "'+33 1 23"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1+1", '"\'\r=1+1"'],
    ['=HYPERLINK("http://x";"y")', '"\'=HYPERLINK(""http://x"";""y"")"'],
    ["texte ordinaire", "texte ordinaire"],
  ])("%j is written %j", (v, expected) => {
    expect(csvField(v)).toBe(expected);
  });
  test("numbers stay numbers, negative ones too", () => {
    expect(csvField(-1200.5)).toBe("-1200.5");
    expect(csvField(0)).toBe("0");
  });
  test("the sample's own formula texts come out neutralised", async () => {
    const c = capture();
    await main(["check", FIXTURE_2022, "--format", "csv"], c.io);
    const cells = c.out().split(/[;\r\n]/);
    expect(cells.some((x) => x.startsWith("'="))).toBe(true);
    expect(cells.filter((x) => /^[=+@]/.test(x))).toEqual([]);
  });
});

describe("the compiled command", () => {
  const bin = path.join(ROOT, "bin", "cdppe.js");
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, "build", "node", "cli", "batch", "checkWorker.js")))
      execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")]);
  }, 120_000);

  test("--version prints the package version", () => {
    const r = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`cdppe ${(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version}`);
  });

  test("a batch through worker threads gives the same results, in the order given", () => {
    const files = [
      path.join(dir, "annexe 41.xlsx"),
      path.join(dir, "sous", "annexe 7.xlsx"),
      path.join(dir, "annexe 3.xlsx"),
      path.join(dir, "sous", "profond", "annexe 1.xlsx"),
      path.join(dir, "annexe 12.xlsx"),
    ];
    const r = spawnSync(process.execPath, [bin, "check", ...files, "--format", "json"], { encoding: "utf8", env: { ...process.env, CDPPE_THREADS: "2" } });
    expect(r.status).toBe(1);
    const arr = JSON.parse(r.stdout) as Array<{ file: string; counts: Record<string, number> }>;
    expect(arr.map((x) => x.file)).toEqual(files.map((f) => path.basename(f)));
    expect(arr.map((x) => (x as unknown as { path: string }).path)).toEqual(files);
    expect(arr.map((x) => x.counts)).toEqual(files.map(() => ({ error: 1, warning: 26, info: 28 })));
    // No progress line when stderr is not a terminal.
    expect(r.stderr).toBe("");
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  (hasScript ? test : test.skip)("on a terminal, the progress line is wiped before each verdict line (util-linux script)", () => {
    const files = [
      path.join(dir, "annexe 3.xlsx"),
      path.join(dir, "annexe 12.xlsx"),
      path.join(dir, "annexe 41.xlsx"),
      path.join(dir, "sous", "annexe 7.xlsx"),
    ];
    const cmd = [process.execPath, bin, "check", ...files, "--resume"].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { encoding: "utf8", env: { ...process.env, COLUMNS: "200" } });
    const screen = r.stdout;
    expect(screen.match(/Contrôle \d\/4/g)).toHaveLength(4);
    // Every verdict line starts on a clean line: after a newline or after the wipe sequence.
    for (const f of files) expect(screen).toMatch(new RegExp(`(^|\\n|\\r\\x1b\\[K)${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\u00a0: à corriger`));
    const wipe = "\r\u001b[K";
    expect(screen.includes(`${wipe}\r\n\r\nSynthèse des fichiers contrôlés`) || screen.includes("\nSynthèse des fichiers contrôlés")).toBe(true);
  });

  test("the help lists every command without loading the reader", () => {
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(path.join(ROOT, "build", "node", "cli", "main.js"))}).main(["--help"]).then(() => { const m = Object.keys(require.cache).filter((k) => /exceljs|[\\\\/]core[\\\\/]/.test(k)); process.stdout.write("\\nLOADED:" + m.length); })`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout).toMatch(/inspect.*\n[\s\S]*check[\s\S]*fill[\s\S]*add-year/);
    expect(r.stdout).toContain("LOADED:0");
  });
});

describe("memory follows used cells, not the declared rows", () => {
  test("a sheet with 300 000 empty formatted rows reads like the annex itself, trimmed before parsing", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { unzipSync, zipSync, strToU8, strFromU8 } = require("fflate") as typeof import("fflate");
    const parts = unzipSync(fs.readFileSync(FIXTURE_2022));
    const rows: string[] = [];
    for (let r = 100; r < 300_100; r++) rows.push(`<row r="${r}" spans="1:42" s="1" customFormat="1" ht="15"/>`);
    const key = "xl/worksheets/sheet2.xml";
    parts[key] = strToU8(strFromU8(parts[key]!).replace("</sheetData>", rows.join("") + "</sheetData>"));
    const file = path.join(tmp, "lignes-vides.xlsx");
    fs.writeFileSync(file, zipSync(parts, { level: 9 }));

    const { guardInput } = await import("../../src/cli/inputGuard");
    const g = guardInput(file, { allowTrim: true });
    expect(g.sheets.find((s) => s.part === key)!.rows).toBeGreaterThan(300_000);
    expect(g.trimmed).toBeDefined();
    // Without trimming (write commands) the same file is refused when over the element bound, limit in the message.
    expect(() => guardInput(file, { limits: { maxElements: 100_000 } })).toThrow(/au-delà de la limite de 100\u202f000/);

    const a = capture();
    const b = capture();
    await main(["check", file, "--format", "json"], a.io);
    await main(["check", FIXTURE_2022, "--format", "json"], b.io);
    const strip = (s: string) => {
      const r = JSON.parse(s);
      delete r.file;
      return r;
    };
    expect(strip(a.out())).toEqual(strip(b.out()));
  }, 60_000);
});
