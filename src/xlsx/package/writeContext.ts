// What every step of a package write shares: the package, the plan, the workbook's sheets and the plan's insertions.
import type { Edit, EditPlan } from "../../core/plan/types";
import { packageText } from "../../messages/package";
import { PackageError } from "./errors";
import { Package } from "./packageFile";
import { parseRels, relsPathOf, sheetsOf, type Rel, type SheetRef } from "./parts";
import type { Insertion } from "./shiftRefs";

export type Ins = Extract<Edit, { kind: "insertColumns" }>;

export interface WriteContext {
  pkg: Package;
  plan: EditPlan;
  wbPart: string;
  wbRels: Rel[];
  sheets: SheetRef[];
  /** The plan's insertions as edits (with the column new cells copy their format from) and as plain insertions. */
  inserts: Ins[];
  ins: Insertion[];
  sheetOf(name: string): SheetRef;
}

export function openWrite(buf: Uint8Array, plan: EditPlan, file: string, inflated?: ReadonlyMap<string, Uint8Array>): WriteContext {
  const pkg = new Package(buf, file, inflated);
  const rootRels = parseRels(pkg.text("_rels/.rels"), "");
  const wbPart = rootRels.find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const wbXml = pkg.text(wbPart);
  if (wbXml === undefined) throw new PackageError(packageText.notXlsx(file));
  const wbRels = parseRels(pkg.text(relsPathOf(wbPart)), wbPart);
  const sheets = sheetsOf(wbXml, wbRels);
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const sheetOf = (name: string) => {
    const s = byName.get(name) ?? sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new PackageError(packageText.sheetMissing(name));
    return s;
  };
  const inserts = plan.edits.filter((e): e is Ins => e.kind === "insertColumns");
  const ins: Insertion[] = inserts.map((e) => ({ sheet: e.sheet, at: e.at, count: e.count, rows: e.rows }));
  return { pkg, plan, wbPart, wbRels, sheets, inserts, ins, sheetOf };
}
