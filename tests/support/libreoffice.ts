// Recalculates workbooks with LibreOffice headless, every formula forced to recompute (no cached value trusted).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireTools } = require("./tools") as { requireTools: (names: string[]) => Record<string, string> };

/** soffice found on Linux, macOS or Windows (SOFFICE_PATH overrides); a French error naming it if absent. */
export function sofficePath(): string {
  return requireTools(["soffice"]).soffice!;
}

let profile: string | null = null;

function profileDir(): string {
  if (!profile) {
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-lo-"));
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), XCU);
  }
  return profile;
}

/** Converts each file to a recalculated .xlsx in outDir (one LibreOffice start for all); returns the new paths. */
export function recalc(files: string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    sofficePath(),
    [
      `-env:UserInstallation=${pathToFileURL(profileDir()).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, ".xlsx")));
}

/** Opens a semicolon-separated UTF-8 CSV in LibreOffice Calc as a user would, and saves it as .xlsx. */
export function csvToXlsx(csv: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    sofficePath(),
    [
      `-env:UserInstallation=${pathToFileURL(profileDir()).href}`,
      "--headless",
      "--norestore",
      "--infilter=CSV:59,34,76,1",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      csv,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  return path.join(outDir, path.basename(csv).replace(/\.[^.]+$/, ".xlsx"));
}
