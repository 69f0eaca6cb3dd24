// The tests' own tool finder: LibreOffice, a Chromium-family browser and xmllint on Linux, macOS and Windows.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tools = require("../support/tools") as {
  findTool: (n: string, env: NodeJS.ProcessEnv, platform: string) => string | null;
  missingMessage: (n: string[], env: NodeJS.ProcessEnv, platform: string) => string;
  requireTools: (n: string[], env: NodeJS.ProcessEnv, platform: string) => Record<string, string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const globalSetup = require("../support/globalSetup") as (c: { testPathPattern: string }) => Promise<void>;

const ROOT = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-tools-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const touch = (p: string) => {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, "");
  return p;
};

test("an override wins, and a wrong override is not silently replaced", () => {
  const fake = touch(path.join(tmp, "mon-soffice"));
  expect(tools.findTool("soffice", { SOFFICE_PATH: fake, PATH: "/usr/bin" }, "linux")).toBe(fake);
  expect(tools.findTool("soffice", { SOFFICE_PATH: path.join(tmp, "absent"), PATH: "/usr/bin" }, "linux")).toBeNull();
});

test("found on the PATH under any of its names", () => {
  const bin = path.join(tmp, "bin");
  touch(path.join(bin, "google-chrome-stable"));
  expect(tools.findTool("chromium", { PATH: bin }, "linux")).toBe(path.join(bin, "google-chrome-stable"));
});

test("found where the Windows installers put them (Program Files, LocalAppData)", () => {
  const pf = path.join(tmp, "Program Files");
  const local = path.join(tmp, "AppData", "Local");
  const lo = touch(path.join(pf, "LibreOffice", "program", "soffice.exe"));
  const edge = touch(path.join(local, "Microsoft", "Edge", "Application", "msedge.exe"));
  const env = { PATH: "", ProgramFiles: pf, LOCALAPPDATA: local };
  expect(tools.findTool("soffice", env, "win32")).toBe(lo);
  expect(tools.findTool("chromium", env, "win32")).toBe(edge);
});

test("a missing tool gives one French message naming it and how to install it, per system", () => {
  const env = { PATH: "", ProgramFiles: path.join(tmp, "vide") };
  expect(() => tools.requireTools(["soffice", "chromium"], env, "win32")).toThrow(
    /LibreOffice \(soffice\) introuvable.*winget install TheDocumentFoundation\.LibreOffice[\s\S]*Chromium.*introuvable.*Microsoft Edge/,
  );
  expect(tools.missingMessage(["xmllint"], {}, "linux")).toMatch(/xmllint \(libxml2\) introuvable.*apt-get install libxml2-utils.*XMLLINT_PATH/);
  expect(tools.missingMessage(["soffice"], {}, "darwin")).toMatch(/brew install --cask libreoffice/);
});

test("the global setup asks only for the tools of the selected tests", async () => {
  const saved = { ...process.env };
  try {
    process.env.SOFFICE_PATH = path.join(tmp, "pas-de-soffice");
    await expect(globalSetup({ testPathPattern: "tests/cli/usage" })).resolves.toBeUndefined();
    await expect(globalSetup({ testPathPattern: "tests/core/compute/fill" })).rejects.toThrow(
      /^Les tests ont besoin d'outils absents de cette machine\u00a0:\n {2}- LibreOffice \(soffice\) introuvable \(SOFFICE_PATH=.*pas-de-soffice ne désigne pas un programme\)/,
    );
  } finally {
    process.env = saved;
  }
});

test("a whole Jest run without LibreOffice stops at once with that one message, no raw ENOENT", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "jest", "bin", "jest.js"), "tests/core/compute/fill.test.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SOFFICE_PATH: path.join(tmp, "pas-de-soffice") },
    timeout: 120_000,
  });
  const all = r.stdout + r.stderr;
  expect(r.status).not.toBe(0);
  expect(all.match(/LibreOffice \(soffice\) introuvable/g)).toHaveLength(1);
  expect(all).not.toMatch(/ENOENT|spawnSync/);
  expect(all).not.toMatch(/Tests:.*passed/);
}, 120_000);
