import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { spawnSync } from "child_process";
import { DOMParser } from "@xmldom/xmldom";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { retargetManifest } = require("../../scripts/manifest-host") as { retargetManifest: (xml: string, host: string) => string };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireTools } = require("../support/tools") as { requireTools: (n: string[]) => Record<string, string> };
const XMLLINT = requireTools(["xmllint"]).xmllint!;

const ROOT = path.resolve(__dirname, "..", "..");
const SCHEMAS = path.join(ROOT, "tests", "manifest-schemas");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

type El = { getAttribute(n: string): string | null; tagName: string; localName: string; textContent: string | null; parentNode: unknown };
function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") errors.push(msg);
    },
  }).parseFromString(xml, "text/xml");
  return { doc, errors };
}
function all(xml: string): El[] {
  const { doc } = parse(xml);
  return Array.from(doc.getElementsByTagName("*")) as unknown as El[];
}

describe("manifest.xml", () => {
  test("is well-formed", () => {
    expect(parse(SOURCE).errors).toEqual([]);
  });

  test("validates against the published 2016 schemas (xmllint, offline)", () => {
    // The 2016 schema knows every element this manifest uses (no WebApplicationInfo, no VersionOverrides 1.1),
    // so the whole file is schema-checked, not only the structural checks below.
    const r = spawnSync(XMLLINT, ["--noout", "--nonet", "--schema", path.join(SCHEMAS, "OfficeAppManifestV1_1.xsd"), path.join(ROOT, "manifest.xml")], {
      encoding: "utf8",
    });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toContain("validates");
    expect(r.status).toBe(0);
  });

  test("xmllint does reject a broken manifest (the schema check is real)", () => {
    const broken = SOURCE.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>EverythingPlease</Permissions>");
    const tmp = path.join(os.tmpdir(), `manifest-broken-${process.pid}.xml`);
    fs.writeFileSync(tmp, broken);
    const r = spawnSync(XMLLINT, ["--noout", "--nonet", "--schema", path.join(SCHEMAS, "OfficeAppManifestV1_1.xsd"), tmp], { encoding: "utf8" });
    fs.unlinkSync(tmp);
    expect(r.status).not.toBe(0);
  });

  test("every resid resolves to a resource, and every resource is used", () => {
    const els = all(SOURCE);
    const ids = new Set(els.filter((e) => ["Image", "Url", "String"].includes(e.localName) && e.getAttribute("id")).map((e) => e.getAttribute("id")!));
    const used = els.map((e) => e.getAttribute("resid")).filter((x): x is string => !!x);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(ids).toContain(r);
    for (const id of ids) expect(used).toContain(id);
  });

  test("is an Excel task pane with read/write, ExcelApi 1.9, French default and an English override", () => {
    const els = all(SOURCE);
    const byName = (n: string) => els.filter((e) => e.localName === n);
    expect(byName("Id")[0]!.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(byName("DefaultLocale")[0]!.textContent).toBe("fr-FR");
    expect(byName("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
    expect(byName("Permissions")[0]!.textContent).toBe("ReadWriteDocument");
    const set = byName("Set")[0]!;
    expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", "1.9"]);
    expect(byName("Override").some((o) => o.getAttribute("Locale") === "en-US")).toBe(true);
    const labels = byName("String").map((s) => s.getAttribute("DefaultValue"));
    expect(labels).toContain("Ouvrir Annexe CDPPE");
    expect(labels).toContain("Contrôler l'annexe");
    const actions = byName("Action").map((a) => a.getAttribute("xsi:type"));
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(byName("FunctionName")[0]!.textContent).toBe("checkAnnex");
  });

  test("every URL is https, and string lengths are within Office's limits", () => {
    const els = all(SOURCE);
    const urls = els
      .flatMap((e) => [e.getAttribute("DefaultValue"), e.localName === "AppDomain" ? e.textContent : null])
      .filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    for (const e of els) {
      const parent = (e.parentNode as El | null)?.localName;
      const values = [e.getAttribute("DefaultValue"), e.getAttribute("Value")].filter((v): v is string => v !== null);
      const limit = parent === "ShortStrings" || e.localName === "DisplayName" ? 125 : parent === "LongStrings" || e.localName === "Description" ? 250 : 2048;
      for (const v of values) expect(v.length).toBeLessThanOrEqual(limit);
    }
  });

  test("the icons it names exist at 16, 32, 64 and 80 px", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  test("a production build points every URL at the host given at build time", () => {
    const out = retargetManifest(SOURCE, "https://annexe.cd77.fr/cdppe");
    expect(out).not.toContain("localhost");
    expect(out).toContain("https://annexe.cd77.fr/cdppe/taskpane.html");
    // An AppDomain is an origin, never a path (Microsoft's manifest documentation).
    expect(out).toContain("<AppDomain>https://annexe.cd77.fr</AppDomain>");
    expect(out).not.toContain("<AppDomain>https://annexe.cd77.fr/cdppe</AppDomain>");
    expect(parse(out).errors).toEqual([]);
    expect(() => retargetManifest(SOURCE, "http://insecure.example")).toThrow(/https/);
    const built = path.join(ROOT, "dist", "manifest.xml");
    if (fs.existsSync(built)) expect(fs.readFileSync(built, "utf8")).toContain("https://localhost:3000/taskpane.html");
  });
});

describe("npm run validate", () => {
  const script = path.join(ROOT, "scripts", "validate.js");
  const run = (...files: string[]) => spawnSync(process.execPath, [script, ...files], { encoding: "utf8" });
  const tmpFile = (name: string, xml: string) => {
    const p = path.join(os.tmpdir(), `${process.pid}-${name}`);
    fs.writeFileSync(p, xml);
    return p;
  };

  test("passes the manifest, and a production one retargeted to a host with a path", () => {
    const r = run(path.join(ROOT, "manifest.xml"), tmpFile("prod.xml", retargetManifest(SOURCE, "https://annexe.cd77.fr/cdppe")));
    expect(r.stdout).toMatch(/manifeste valide/);
    expect(r.status).toBe(0);
  });

  test.each([
    [
      "an AppDomain with a path",
      SOURCE.replace("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>https://annexe.cd77.fr/cdppe</AppDomain>"),
      /AppDomain «\u00a0https:\/\/annexe\.cd77\.fr\/cdppe\u00a0»\u00a0: une origine seule est permise.*écrivez https:\/\/annexe\.cd77\.fr\./,
    ],
    [
      "an http AppDomain",
      SOURCE.replace("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>http://localhost:3000</AppDomain>"),
      /doit être en https/,
    ],
    ["an http URL", SOURCE.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html"), /toute adresse doit être en https/],
    [
      "a resid without resource",
      SOURCE.replace('resid="Cdppe.Taskpane.Url"', 'resid="Cdppe.Absent"'),
      /resid «\u00a0Cdppe\.Absent\u00a0»\u00a0: aucune ressource/,
    ],
    [
      "a value the schema refuses",
      SOURCE.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>EverythingPlease</Permissions>"),
      /non conforme au schéma/,
    ],
  ])("refuses %s, in French, exit 1", (_l, xml, expected) => {
    const r = run(tmpFile("bad.xml", xml));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(expected);
  });

  test("without xmllint: exit 2 and the French message saying how to install it", () => {
    const r = spawnSync(process.execPath, [script], { encoding: "utf8", env: { ...process.env, XMLLINT_PATH: "/nulle/part/xmllint" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/xmllint \(libxml2\) introuvable.*Installation\u00a0:/);
  });
});
