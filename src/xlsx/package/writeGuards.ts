// What the write cannot handle is refused before anything changes, in French: a protected sheet, an array formula or
// data table across an insertion or written into, a merged area or table only partly shifted, a bound table widened.
import type { Edit } from "../../core/plan/types";
import { packageText } from "../../messages/package";
import { PackageError } from "./errors";
import { tablesOf } from "./workbookRefs";
import { parseArea, type Insertion, type Rect } from "./shiftRefs";
import { crosses, tableBoundElsewhere, tableName, tableRect } from "./tables";
import type { WriteContext } from "./writeContext";
import { getAttr } from "./xml";

export function refuseWhatCannotBeWritten(ctx: WriteContext): void {
  const { plan } = ctx;
  const firstOther = plan.edits.findIndex((e) => e.kind !== "insertColumns");
  if (firstOther >= 0 && plan.edits.slice(firstOther).some((e) => e.kind === "insertColumns"))
    throw new PackageError(packageText.unsupported(packageText.insertAfterWrite));
  refuseProtectedSheets(ctx);
  refuseArraysInTheWay(ctx);
  refuseCutMerges(ctx);
  refuseTablesInTheWay(ctx);
}

function refuseProtectedSheets({ plan, pkg, sheetOf }: WriteContext): void {
  for (const name of new Set(plan.edits.map((e) => e.sheet))) {
    const s = sheetOf(name);
    const xml = pkg.text(s.part) ?? "";
    // Found by indexOf first, after the rows where the schema puts it: the pattern alone walks a large sheet slowly.
    const at = xml.indexOf("sheetProtection", Math.max(0, xml.lastIndexOf("</sheetData>")));
    const prot = at < 0 ? null : /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(xml.slice(xml.lastIndexOf("<", at)));
    if (!prot) continue;
    const v = getAttr(prot[0], "sheet");
    if (v === "1" || v === "true") throw new PackageError(packageText.protectedSheet(s.name));
  }
}

const overlapsRows = (i: Insertion, r: Rect) => !i.rows || (r.r2 >= i.rows[0] && r.r1 <= i.rows[1]);

function refuseArraysInTheWay({ plan, pkg, sheets, ins, inserts }: WriteContext): void {
  // Cells the plan writes, by sheet: an array formula is checked against them without going through every edit.
  let written: Map<string, Edit[]> | null = null;
  for (const s of sheets) {
    const xml = pkg.text(s.part) ?? "";
    // indexOf first: the pattern alone walks a sheet of 20 MB slowly.
    if (!xml.includes('t="array"') && !xml.includes('t="dataTable"')) continue;
    for (const m of xml.matchAll(/<f\b[^>]*\bt="(array|dataTable)"[^>]*>/g)) {
      const ref = getAttr(m[0], "ref");
      const r = ref ? parseArea(ref.replace(/\$/g, "")) : null;
      if (!r) continue;
      const across = ins.some((i) => i.sheet.toLowerCase() === s.name.toLowerCase() && r.c1 < i.at && i.at <= r.c2 && overlapsRows(i, r));
      if (across) throw new PackageError(m[1] === "array" ? packageText.arrayAcross(s.name, ref!) : packageText.dataTableAcross(s.name, ref!));
      if (inserts.length || (r.r1 === r.r2 && r.c1 === r.c2)) continue;
      written ??= writtenCells(plan.edits);
      const inside = (written.get(s.name) ?? []).some((e) => "row" in e && e.row >= r.r1 && e.row <= r.r2 && e.col >= r.c1 && e.col <= r.c2);
      if (inside) throw new PackageError(packageText.arrayWritten(s.name, ref!));
    }
  }
}

function writtenCells(edits: readonly Edit[]): Map<string, Edit[]> {
  const out = new Map<string, Edit[]>();
  for (const e of edits) {
    if (e.kind !== "setFormula" && e.kind !== "setValue") continue;
    let list = out.get(e.sheet);
    if (!list) out.set(e.sheet, (list = []));
    list.push(e);
  }
  return out;
}

/** Cells shifted on some rows only would cut a merged area reaching outside them: Excel refuses that too. */
function refuseCutMerges({ pkg, ins, sheetOf }: WriteContext): void {
  for (const i of ins) {
    if (!i.rows) continue;
    const s = sheetOf(i.sheet);
    for (const m of (pkg.text(s.part) ?? "").matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
      const r = parseArea(getAttr(m[0], "ref") ?? "");
      if (r && r.r2 >= i.rows[0] && r.r1 <= i.rows[1] && (r.r1 < i.rows[0] || r.r2 > i.rows[1]) && i.at <= r.c2)
        throw new PackageError(packageText.mergeCut(s.name, getAttr(m[0], "ref")!));
    }
  }
}

/** Excel widens a table a whole column goes through; it refuses to shift only some of a table's rows. */
function refuseTablesInTheWay({ pkg, ins, sheetOf }: WriteContext): void {
  for (const i of ins) {
    const s = sheetOf(i.sheet);
    for (const t of tablesOf(pkg, s)) {
      const xml = pkg.text(t.target)!;
      const r = tableRect(xml);
      if (!r) continue;
      const partly = i.rows !== null && r.r2 >= i.rows[0] && r.r1 <= i.rows[1] && (r.r1 < i.rows[0] || r.r2 > i.rows[1]) && i.at <= r.c2;
      if (partly) throw new PackageError(packageText.tablePartlyShifted(s.name, tableName(xml)));
      if (crosses(i, r) && tableBoundElsewhere(xml)) throw new PackageError(packageText.tableAcross(s.name, tableName(xml)));
    }
  }
}
