// Applies a core edit plan to the .xlsx package itself: only the parts the plan reaches are rewritten (as text, the rest
// of each part kept verbatim); every other entry of the zip is copied with its compressed bytes. Each step lives in
// its own module; this one says in which order they run.
import type { EditPlan } from "../../core/plan/types";
import { packageText } from "../../messages/package";
import { indexEdits } from "./cellEdits";
import { PackageError } from "./errors";
import { formulaMover } from "./formulaMover";
import { isEncrypted } from "./packageFile";
import { SharedStrings } from "./sharedStrings";
import { writeSheet, type SheetResult } from "./sheetStep";
import { mapRect } from "./shiftRefs";
import { StyleRequests } from "./styleRequests";
import { Styles } from "./styles";
import { widenTables } from "./tableStep";
import { moveTableAndControlFormulas, moveWorkbookRefs, recalcOnLoad } from "./workbookRefs";
import { refuseWhatCannotBeWritten } from "./writeGuards";
import { openWrite, type WriteContext } from "./writeContext";

export { isEncrypted };

/** `notes`: what the write changes beyond the plan's own cells, as Excel would (tables widened or renamed), in French. */
export interface PackageResult {
  buffer: Buffer;
  changedParts: string[];
  notes: string[];
}

export function applyPlanToPackage(buf: Uint8Array, plan: EditPlan, file = "classeur", inflated?: ReadonlyMap<string, Uint8Array>): PackageResult {
  if (isEncrypted(buf)) throw new PackageError(packageText.encrypted(file));
  const ctx = openWrite(buf, plan, file, inflated);
  const { pkg, wbRels } = ctx;
  refuseWhatCannotBeWritten(ctx);
  const tables = widenTables(ctx);
  const move = ctx.ins.length || tables.renames.size ? formulaMover(ctx.ins, tables.renames) : null;
  const sstRel = wbRels.find((r) => r.type === "sharedStrings");
  const sst = sstRel && pkg.text(sstRel.target) !== undefined ? new SharedStrings(pkg.text(sstRel.target)!) : null;
  const stylesRel = wbRels.find((r) => r.type === "styles");
  const styles = stylesRel && pkg.text(stylesRel.target) !== undefined ? new Styles(pkg.text(stylesRel.target)!) : null;
  const edits = indexEdits([...plan.edits, ...tables.headers], (name) => ctx.sheetOf(name).part, sst);
  const requests = new StyleRequests(styles);
  const results = writeSheets(ctx, { edits, styles: requests, hasSst: !!sst, move });
  if (move) {
    moveTableAndControlFormulas(pkg, ctx.sheets, move);
    moveWorkbookRefs(pkg, ctx.wbPart, ctx.ins, move);
  }
  // Styles the cells asked for are added in plan order, then the sheets' texts are made, once each.
  requests.resolve();
  // Tokens filled chunk by chunk: the sheet's text is made once, not copied again whole.
  for (const [part, r] of results) if (r.pieces) pkg.set(part, (requests.pending ? r.pieces.map((p) => requests.fill(p)) : r.pieces).join(""));
  if (sst?.changed) pkg.set(sstRel!.target, sst.toXml());
  if (styles?.changed) pkg.set(stylesRel!.target, styles.toXml());
  if ([...results.values()].some((r) => r.formulasWritten || r.formulasMoved)) recalcOnLoad(pkg, ctx.wbPart, wbRels);
  return { buffer: pkg.toBuffer(), changedParts: [...pkg.changed, ...[...pkg.removed].map((r) => `-${r}`)], notes: tables.notes };
}

/** Every sheet the write reaches: all of them when references move, else those the plan edits. */
function writeSheets(ctx: WriteContext, w: Parameters<typeof writeSheet>[2]): Map<string, SheetResult> {
  // Sheet names looked up once per run of edits on the same sheet, not once per edit.
  const edited = new Set<string>();
  let lastSheet: string | null = null;
  for (const e of ctx.plan.edits) {
    if (e.sheet === lastSheet) continue;
    lastSheet = e.sheet;
    edited.add(ctx.sheetOf(e.sheet).part);
  }
  for (const part of w.edits.bySheet.keys()) edited.add(part);
  const out = new Map<string, SheetResult>();
  for (const s of ctx.sheets) if (w.move || edited.has(s.part)) out.set(s.part, writeSheet(ctx, s, w));
  return out;
}

// Exposed for tests of the pieces.
export { mapRect };
