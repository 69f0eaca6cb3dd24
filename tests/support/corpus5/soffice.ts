import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The workbook saved again by LibreOffice (`soffice --headless --convert-to xlsx`): its writer, its cached values. */
export function libreOfficeRoundTrip(bytes: Buffer, dir: string, name: string): Buffer | null {
  const src = path.join(dir, `${name}-in.xlsx`);
  const outDir = path.join(dir, `${name}-lo`);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(src, bytes);
  try {
    execFileSync(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--convert-to", "xlsx", "--outdir", outDir, src],
      {
        stdio: "ignore",
        timeout: 120000,
      },
    );
    const out = path.join(outDir, `${name}-in.xlsx`);
    return fs.existsSync(out) ? fs.readFileSync(out) : null;
  } catch {
    return null;
  } finally {
    fs.rmSync(src, { force: true });
  }
}
