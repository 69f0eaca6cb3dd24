// Every kind of bad input a controller may hand the CLI: exit 2, one true French message, no stack, nothing written.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { main } from "../../src/cli/main";

// System errors (permission, disk) cannot be produced on demand as root: fs calls go through a hook tests may set.
type FsHook = { openSync?: typeof fs.openSync; readSync?: typeof fs.readSync };
const hook: FsHook = {};
jest.mock("fs", () => {
  const real = jest.requireActual("fs");
  return {
    ...real,
    openSync: (...a: unknown[]) => ((hook.openSync ?? real.openSync) as (...x: unknown[]) => number)(...a),
    readSync: (...a: unknown[]) => ((hook.readSync ?? real.readSync) as (...x: unknown[]) => number)(...a),
  };
});
import { FIXTURE_2022 } from "../support/fixtures";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-bad-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let serial = 0;
/** A fresh name for each call: the same case runs for check and for inspect. */
const fresh = (name: string) => path.join(tmp, `${++serial}-${name}`);
const fixtureParts = () => unzipSync(fs.readFileSync(FIXTURE_2022));
function write(name: string, data: Uint8Array | string): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, data);
  return p;
}
function zipOf(name: string, parts: Zippable): string {
  return write(name, zipSync(parts));
}
function withoutParts(name: string, drop: string[], change: (p: Record<string, Uint8Array>) => void = () => undefined): string {
  const parts = fixtureParts();
  for (const d of drop) delete parts[d];
  change(parts);
  return zipOf(name, parts);
}
/** A Compound File Binary header and a directory entry name in UTF-16, as .xls and encrypted .xlsx files have. */
function ole(name: string, streamName: string): string {
  const buf = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  Buffer.from(streamName, "utf16le").copy(buf, 1024);
  return write(name, buf);
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out: () => out.join(""), err: () => err.join("") };
}

// English a library or Node would print; French words that look alike ("erreur") are not caught.
const ENGLISH =
  /\b(error|enoent|eacces|eisdir|eio|errno|zip|invalid|unexpected|undefined|cannot|failed|end of (data|central)|stack|at [\w.<>]+ \(|TypeError|file|not found|no such)\b/i;

function listTree(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).sort();
}

async function expectRefused(argv: string[], expected: RegExp, outFile?: string) {
  const before = listTree(tmp);
  const c = capture();
  const code = await main(argv, c.io);
  const msg = c.err();
  expect({ code, msg }).toEqual({ code: 2, msg: expect.stringMatching(expected) });
  // Rule identifiers (cell-error…) are names, not prose: the list of known rules is left out of the English check.
  expect(msg.replace(/Règles connues\u00a0: .*/, "")).not.toMatch(ENGLISH);
  expect(msg).not.toMatch(/\bconforme\b/);
  expect(c.out()).not.toMatch(/\bconforme\b/);
  expect(msg).not.toMatch(/\n\s+at /);
  // Nothing written next to the inputs, no output file.
  expect(listTree(tmp)).toEqual(before);
  if (outFile) expect(fs.existsSync(outFile)).toBe(false);
  return msg;
}

const detailPart = "xl/worksheets/sheet2.xml";

type Case = [string, () => string, RegExp];
const cases: Case[] = [
  ["an Excel 97-2003 .xls file", () => ole("ancien.xls", "Workbook"), /97-2003 \(\.xls\).*enregistrez-le au format \.xlsx/],
  ["an .xls renamed .xlsx", () => ole("deguise.xlsx", "Workbook"), /97-2003/],
  ["an encrypted workbook (EncryptionInfo stream)", () => ole("chiffre.xlsx", "EncryptionInfo"), /protégé par un mot de passe/],
  ["an encrypted workbook (EncryptedPackage only)", () => ole("chiffre2.xlsx", "EncryptedPackage"), /protégé par un mot de passe/],
  [
    "an OpenDocument spreadsheet (.ods)",
    () => zipOf("classeur.ods", { mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") }),
    /OpenDocument \(\.ods\)/,
  ],
  [
    "an .ods renamed .xlsx",
    () => zipOf("ods.xlsx", { mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") }),
    /\.ods/,
  ],
  [
    "an OpenDocument text",
    () => zipOf("texte.odt", { mimetype: strToU8("application/vnd.oasis.opendocument.text") }),
    /OpenDocument qui n'est pas un classeur/,
  ],
  ["a CSV file", () => write("export.csv", "fiche;budget\n1;1000\n"), /fichier texte \(CSV/],
  ["a CSV renamed .xlsx", () => write("csv.xlsx", "fiche;budget\n1;1000\n"), /fichier texte/],
  ["an HTML page saved as .xlsx", () => write("page.xlsx", "<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>"), /page web/],
  [
    "an XML 2003 spreadsheet",
    () => write("xml2003.xlsx", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
    /XML/,
  ],
  ["a PDF", () => write("annexe.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), /document PDF/],
  ["random bytes", () => write("bruit.xlsx", Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256))), /format non reconnu/],
  ["an empty file", () => write("vide.xlsx", ""), /fichier vide/],
  ["a truncated workbook (first half)", () => write("tronque.xlsx", fs.readFileSync(FIXTURE_2022).subarray(0, 15000)), /endommagé ou incomplet/],
  [
    "a workbook cut before its directory",
    () => write("tronque2.xlsx", fs.readFileSync(FIXTURE_2022).subarray(0, fs.statSync(FIXTURE_2022).size - 30)),
    /endommagé ou incomplet/,
  ],
  [
    "a corrupted workbook (compressed data overwritten)",
    () => {
      const b = Buffer.from(fs.readFileSync(FIXTURE_2022));
      b.fill(0xff, 3000, 9000);
      return write("abime.xlsx", b);
    },
    /endommagé/,
  ],
  ["an empty archive", () => write("archive-vide.xlsx", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])), /ne contient pas de classeur/],
  ["an archive of other things", () => zipOf("photos.xlsx", { "a.txt": strToU8("bonjour") }), /ne contient pas de classeur/],
  [
    "a Word document renamed .xlsx",
    () => zipOf("lettre.xlsx", { "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") }),
    /Word ou PowerPoint/,
  ],
  ["a binary .xlsb workbook", () => zipOf("classeur.xlsb", { "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.bin": new Uint8Array(10) }), /\.xlsb/],
  ["a package without its workbook part", () => withoutParts("sans-classeur.xlsx", ["xl/workbook.xml"]), /partie principale \(xl\/workbook\.xml\) manque/],
  [
    "a package whose detail sheet part is missing",
    () => withoutParts("sans-detail.xlsx", [detailPart]),
    /feuille «\u00a0Suivi fiches actions\u00a0» est déclarée mais son contenu \(xl\/worksheets\/sheet2\.xml\) manque/,
  ],
  ["a package whose summary sheet part is missing", () => withoutParts("sans-synthese.xlsx", ["xl/worksheets/sheet1.xml"]), /Synthèse financière/],
  ["a package without the workbook relationships", () => withoutParts("sans-liens.xlsx", ["xl/_rels/workbook.xml.rels"]), /endommagé/],
  [
    "a workbook that declares no sheet",
    () =>
      withoutParts("sans-feuille.xlsx", [], (p) => {
        p["xl/workbook.xml"] = strToU8(new TextDecoder().decode(p["xl/workbook.xml"]).replace(/<sheets>.*<\/sheets>/, "<sheets></sheets>"));
      }),
    /aucune feuille/,
  ],
  [
    "a sheet whose XML is garbage",
    () =>
      withoutParts("xml-casse.xlsx", [], (p) => {
        p[detailPart] = strToU8('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData><<<>>>');
      }),
    /endommagé/,
  ],
  [
    "a sheet whose markup has a stray « < » deep in its cells (the CRC is right: written so)",
    () =>
      withoutParts("xml-chevron.xlsx", [], (p) => {
        const xml = new TextDecoder().decode(p[detailPart]);
        const at = xml.lastIndexOf("</v>");
        p[detailPart] = strToU8(`${xml.slice(0, at)}<${xml.slice(at)}`);
      }),
    /classeur endommagé\u00a0: son contenu XML est illisible/,
  ],
  [
    "a stored (uncompressed) package with a figure altered: the CRC says so",
    () => {
      const b = Buffer.from(zipSync(fixtureParts(), { level: 0 }));
      const at = b.indexOf("<v>", b.indexOf("<sheetData"));
      b[at + 3] = b[at + 3] === 0x39 ? 0x38 : b[at + 3]! + 1;
      return write("crc.xlsx", b);
    },
    /endommagé ou incomplet/,
  ],
  [
    "a package without its shared strings (texts would read as numbers)",
    () => withoutParts("sans-textes.xlsx", ["xl/sharedStrings.xml"]),
    /la partie xl\/sharedStrings\.xml manque/,
  ],
  [
    "a merge over a whole sheet",
    () =>
      withoutParts("fusion-geante.xlsx", [], (p) => {
        const x = new TextDecoder().decode(p[detailPart]);
        p[detailPart] = strToU8(
          x.includes("<mergeCells")
            ? x.replace(/<mergeCells[^>]*>/, '$&<mergeCell ref="A100:XFD1048576"/>')
            : x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A100:XFD1048576"/></mergeCells>'),
        );
      }),
    /fusionne 17\u202f\d{3}\u202f\d{3}\u202f\d{3}\u00a0cellules, au-delà de la limite/,
  ],
  [
    "a merge over a whole sheet, after texts that name merges",
    () =>
      withoutParts("fusion-geante-nommee.xlsx", [], (p) => {
        const x = new TextDecoder()
          .decode(p[detailPart])
          .replace(/<sheetData>/, '$&<row r="1"><c r="A1" t="inlineStr"><is><t>mergeCe mergeCells</t></is></c></row>');
        p[detailPart] = strToU8(
          x.includes("<mergeCells")
            ? x.replace(/<mergeCells[^>]*>/, '$&<mergeCell ref="A100:XFD1048576"/>')
            : x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A100:XFD1048576"/></mergeCells>'),
        );
      }),
    /fusionne 17\u202f\d{3}\u202f\d{3}\u202f\d{3}\u00a0cellules, au-delà de la limite/,
  ],
  [
    "a zip bomb (declared unzipped size far over the limit)",
    () => {
      const b = Buffer.from(fs.readFileSync(FIXTURE_2022));
      // Central directory entries (PK\x01\x02): uncompressed size at offset 24.
      for (let i = b.indexOf("PK\x01\x02"); i >= 0; i = b.indexOf("PK\x01\x02", i + 4)) b.writeUInt32LE(0xfffffff0, i + 24);
      return write("bombe.xlsx", b);
    },
    /une fois décompressé.*1\u00a0Go/,
  ],
  ["a missing file", () => path.join(tmp, "absent.xlsx"), /fichier introuvable/],
  [
    "a dangling symbolic link",
    () => {
      const p = fresh("lien-mort.xlsx");
      fs.symlinkSync(path.join(tmp, "nulle-part.xlsx"), p);
      return p;
    },
    /fichier introuvable/,
  ],
  [
    "a symbolic link loop",
    () => {
      const a = fresh("boucle-a.xlsx");
      const b = fresh("boucle-b.xlsx");
      fs.symlinkSync(b, a);
      fs.symlinkSync(a, b);
      return a;
    },
    /tourne en rond/,
  ],
  ["/dev/zero (refused without reading)", () => "/dev/zero", /pas un fichier ordinaire/],
  [
    "a named pipe (refused without waiting)",
    () => {
      const p = fresh("tube.xlsx");
      execFileSync("mkfifo", [p]);
      return p;
    },
    /pas un fichier ordinaire/,
  ],
  ["a glob that matches nothing", () => path.join(tmp, "rien-*.xlsx"), /aucun fichier ne correspond/],
  [
    "a folder without workbooks",
    () => {
      const d = path.join(tmp, "dossier-vide");
      fs.mkdirSync(d);
      return d;
    },
    /ne contient aucun classeur \.xlsx \(ajoutez -r/,
  ],
];

describe("check refuses bad input with exit 2 and a French message", () => {
  test.each(cases)("%s", async (_label, make, expected) => {
    const file = make();
    const msg = await expectRefused(["check", file], expected);
    expect(msg).toContain(file);
  });

  test.each(cases.filter(([l]) => !/glob|folder/.test(l)))("inspect, same: %s", async (_label, make, expected) => {
    const file = make();
    await expectRefused(["inspect", file], expected);
  });
});

describe("limits are checked before parsing and named in the message", () => {
  afterEach(() => {
    delete process.env.CDPPE_MAX_OCTETS;
    delete process.env.CDPPE_MAX_CELLULES;
  });
  test("too many bytes", async () => {
    process.env.CDPPE_MAX_OCTETS = "20000";
    await expectRefused(["check", FIXTURE_2022], /trop volumineux \(limite\u00a0: 20\u00a0Ko\)/);
  });
  test("too many used cells", async () => {
    process.env.CDPPE_MAX_CELLULES = "1000";
    await expectRefused(["check", FIXTURE_2022], /\d[\d\u202f]*\u00a0cellules remplies, au-delà de la limite de 1\u202f000\u00a0cellules/);
  });
});

describe("system errors are told in French", () => {
  afterEach(() => {
    delete hook.openSync;
    delete hook.readSync;
  });
  const sysError = (code: string) => Object.assign(new Error(`${code}: something went wrong, open '/x'`), { code });
  test.each([
    ["permission denied", "EACCES", /lecture refusée \(droits d'accès insuffisants\)/],
    ["operation not permitted", "EPERM", /lecture refusée/],
    ["a disk error", "EIO", /erreur du disque ou du système de fichiers à la lecture/],
    ["too many open files", "EMFILE", /trop de fichiers ouverts/],
  ])("%s while opening", async (_l, code, expected) => {
    const file = write(`sys-${serial++}.xlsx`, fs.readFileSync(FIXTURE_2022));
    const real = jest.requireActual("fs").openSync as (...a: unknown[]) => number;
    hook.openSync = (p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === file) throw sysError(code);
      return real(p, ...rest);
    };
    await expectRefused(["check", file], expected);
  });
  test("a disk error while reading", async () => {
    const file = write("sys-read.xlsx", fs.readFileSync(FIXTURE_2022));
    hook.readSync = () => {
      throw sysError("EIO");
    };
    await expectRefused(["check", file], /erreur du disque/);
  });
});

describe("bad options", () => {
  test.each([
    [["check", FIXTURE_2022, "--format", "xml"], /Format inconnu/],
    [["check", FIXTURE_2022, "--gravite", "grave"], /Gravité inconnue\u00a0: «\u00a0grave\u00a0»/],
    [["check", FIXTURE_2022, "--regle", "pas-une-regle"], /Règle inconnue\u00a0: «\u00a0pas-une-regle\u00a0».*year-sum/],
    [["check", FIXTURE_2022, "--objectifs-facultatifs", "a,b"], /Liste d'objectifs illisible/],
    [["check", "--inconnue"], /Option inconnue\u00a0: --inconnue/],
    [["inspect", FIXTURE_2022, "en-trop"], /Trop d'arguments/],
    [["add-year"], /Argument manquant\u00a0: fichier/],
  ])("%j", async (argv, expected) => {
    await expectRefused(argv, expected);
  });
});

describe("write commands refuse bad input and write nothing", () => {
  const out = () => path.join(tmp, "sortie.xlsx");
  test("fill on an .xls", async () => {
    await expectRefused(["fill", ole("ancien-fill.xls", "Workbook"), "-o", out()], /97-2003/, out());
  });
  test("add-year on a workbook whose detail sheet part is missing", async () => {
    await expectRefused(["add-year", withoutParts("sans-detail-ay.xlsx", [detailPart]), "-o", out()], /Suivi fiches actions/, out());
  });
  test("add-year on a folder", async () => {
    const d = path.join(tmp, "dossier-ay");
    fs.mkdirSync(d, { recursive: true });
    await expectRefused(["add-year", d, "-o", out()], /c'est un dossier, pas un classeur/, out());
  });
  test("add-year --year 2019, before the annex's first year, says so", async () => {
    const msg = await expectRefused(["add-year", FIXTURE_2022, "--year", "2019", "-o", out()], /2019.*avant la première année de l'annexe \(2020\)/, out());
    expect(msg).not.toMatch(/figure déjà/);
  });
});

test("a damaged file in a batch does not hide the others, and is never « conforme »", async () => {
  const bad = withoutParts("lot-sans-detail.xlsx", [detailPart]);
  const c = capture();
  expect(await main(["check", FIXTURE_2022, bad, "--format", "json"], c.io)).toBe(2);
  const arr = JSON.parse(c.out()) as Array<{ file: string; error?: string; status?: string }>;
  expect(arr).toHaveLength(2);
  expect(arr[1]).toEqual({ file: bad, error: expect.stringContaining("aucun verdict n'est possible"), status: "illisible" });
});
