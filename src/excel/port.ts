// The one object the pane and the ribbon use to reach Excel. Each method is a small, counted number of round trips.
import type { CheckReport } from "../core/check";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { EditPlan } from "../core/plan/types";
import type { Finding } from "../core/rules/types";
import { excelText } from "../messages/excel";
import { applyPlan, type PreparedApply } from "./applyPlan";
import { AdapterError, toAdapterError } from "./errors";
import { clearFlags, flagFindings } from "./flags";
import type { HostContext, HostRunner } from "./host";
import { readWorkbookSnapshot } from "./readSnapshot";
import { writeReportSheet } from "./reportSheet";
import { LEGACY_UNDO_NS, listRecords, recordNamespace, UNDO_KINDS, undoAction, type UndoKind, type UndoOutcome, type UndoRecord } from "./undo";
import { FLAGS_NS } from "./flags";
import { REPORT_NS } from "./reportSheet";
import type { ColumnMapping } from "../core/layout/mapping";
import { loadMapping, mappingAlongside, saveMapping } from "./mappingStore";

export const SEEN_NS = "urn:annexe-cdppe:seen:1";

export interface AnnexPort {
  read(): Promise<WorkbookSnapshot>;
  /** The snapshot and the saved mapping in the same round trips (optional for hosts without a saved mapping). */
  readWithMapping?(): Promise<{ snapshot: WorkbookSnapshot; mapping: ColumnMapping | null }>;
  /** prepared: prepareApply(plan, before) made elsewhere (the pane's worker), or made here when absent. */
  apply(plan: EditPlan, before: WorkbookSnapshot, prepared?: PreparedApply): Promise<UndoRecord>;
  /** Undoes one action; keepChanged undefined = ask first if cells changed since (see undoAction). */
  undo(kind: UndoKind, keepChanged?: boolean): Promise<UndoOutcome | null>;
  /** Actions that can be undone in this workbook, and unreadable records (ignored). */
  undoable(): Promise<{ available: UndoKind[]; corrupt: UndoKind[] }>;
  /** Removes every record the add-in keeps in the workbook (undo, flags, seen findings, report mark). */
  clearAddinData(): Promise<number>;
  select(sheet: string, cell: string): Promise<void>;
  flag(findings: Finding[], before: WorkbookSnapshot): Promise<number>;
  clearFlags(): Promise<number>;
  /** Returns the name of the sheet written (another one when the user has a sheet of that name). */
  writeReport(report: CheckReport, before: WorkbookSnapshot, when?: Date): Promise<string>;
  loadSeen(): Promise<string[]>;
  saveSeen(keys: string[]): Promise<void>;
  /** The user's reading of the columns saved in the workbook (mappingStore); optional for hosts without it. */
  loadMapping?(): Promise<ColumnMapping | null>;
  saveMapping?(mapping: ColumnMapping | null): Promise<void>;
}

/**
 * merges: the host lists merged areas (ExcelApi 1.13). arrays: it answers hasSpill/savedAsArray (ExcelApi 1.12);
 * by default it follows `merges` when given (1.13 includes 1.12), else on.
 */
export function createExcelPort(run: HostRunner, isSupported: () => boolean, options: { merges?: boolean; arrays?: boolean } = {}): AnnexPort {
  const arrays = options.arrays ?? options.merges ?? true;
  const guarded = async <T>(batch: (ctx: HostContext) => Promise<T>): Promise<T> => {
    if (!isSupported()) throw new AdapterError(excelText.unsupported, "Unsupported");
    try {
      return await run(batch);
    } catch (e) {
      throw toAdapterError(e);
    }
  };
  return {
    read: () => guarded((ctx) => readWorkbookSnapshot(ctx, { merges: options.merges })),
    readWithMapping: () =>
      guarded(async (ctx) => {
        const mapping = mappingAlongside(ctx);
        const snapshot = await readWorkbookSnapshot(ctx, { merges: options.merges, alongside: mapping });
        return { snapshot, mapping: mapping.result() };
      }),
    apply: (plan, before, prepared) =>
      guarded(async (ctx) => (await applyPlan(ctx, plan, before, new Date(), { arrays, merges: options.merges, prepared })).record),
    // Always from the workbook, never from memory: what another pane or a reopened one did counts the same.
    undo: (kind, keepChanged) => guarded((ctx) => undoAction(ctx, kind, keepChanged)),
    undoable: () => guarded((ctx) => listRecords(ctx)),
    clearAddinData: () =>
      guarded(async (ctx) => {
        const all = [...UNDO_KINDS.map(recordNamespace), LEGACY_UNDO_NS, FLAGS_NS, SEEN_NS, REPORT_NS].map((ns) =>
          ctx.workbook.customXmlParts.getByNamespace(ns).load("items/id"),
        );
        await ctx.sync();
        let n = 0;
        for (const parts of all)
          for (const p of parts.items) {
            p.delete();
            n++;
          }
        await ctx.sync();
        return n;
      }),
    select: (sheet, cell) =>
      guarded(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    flag: (findings, before) => guarded((ctx) => flagFindings(ctx, findings, before)),
    clearFlags: () => guarded((ctx) => clearFlags(ctx)),
    writeReport: (report, before, when = new Date()) => guarded((ctx) => writeReportSheet(ctx, report, before.fileName ?? "classeur", when)),
    loadSeen: () =>
      guarded(async (ctx) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace(SEEN_NS);
        parts.load("items/id");
        await ctx.sync();
        if (!parts.items.length) return [];
        const xml = parts.items[parts.items.length - 1]!.getXml();
        await ctx.sync();
        const m = /<seen[^>]*>([\s\S]*)<\/seen>/.exec(xml.value);
        // An unreadable entry is ignored (and replaced at the next save), never allowed to block the check.
        try {
          const keys: unknown = m ? JSON.parse(m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")) : [];
          return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
        } catch {
          return [];
        }
      }),
    saveSeen: (keys) =>
      guarded(async (ctx) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace(SEEN_NS);
        parts.load("items/id");
        await ctx.sync();
        for (const p of parts.items) p.delete();
        const body = JSON.stringify(keys).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        ctx.workbook.customXmlParts.add(`<seen xmlns="${SEEN_NS}">${body}</seen>`);
        await ctx.sync();
      }),
    loadMapping: () => guarded((ctx) => loadMapping(ctx)),
    saveMapping: (mapping) => guarded((ctx) => saveMapping(ctx, mapping)),
  };
}
