// The one object the pane and the ribbon use to reach Excel. Each method is a small, counted number of round trips.
import type { CheckReport } from "../core/check";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { EditPlan } from "../core/plan/types";
import type { Finding } from "../core/rules/types";
import { excelText } from "../messages/excel";
import { applyPlan } from "./applyPlan";
import { AdapterError, toAdapterError } from "./errors";
import { clearFlags, flagFindings } from "./flags";
import type { HostContext, HostRunner } from "./host";
import { readWorkbookSnapshot } from "./readSnapshot";
import { REPORT_SHEET, writeReportSheet } from "./reportSheet";
import { latestUndoRecord, queueUndo, type UndoRecord } from "./undo";
import type { ColumnMapping } from "../core/layout/mapping";
import { loadMapping, saveMapping } from "./mappingStore";

export const SEEN_NS = "urn:annexe-cdppe:seen:1";

export interface AnnexPort {
  read(): Promise<WorkbookSnapshot>;
  apply(plan: EditPlan, before: WorkbookSnapshot): Promise<UndoRecord>;
  undo(): Promise<UndoRecord | null>;
  select(sheet: string, cell: string): Promise<void>;
  flag(findings: Finding[], before: WorkbookSnapshot): Promise<number>;
  clearFlags(): Promise<number>;
  writeReport(report: CheckReport, before: WorkbookSnapshot, when?: Date): Promise<void>;
  loadSeen(): Promise<string[]>;
  saveSeen(keys: string[]): Promise<void>;
  /** The user's reading of the columns saved in the workbook (mappingStore); optional for hosts without it. */
  loadMapping?(): Promise<ColumnMapping | null>;
  saveMapping?(mapping: ColumnMapping | null): Promise<void>;
}

export function createExcelPort(run: HostRunner, isSupported: () => boolean, options: { merges?: boolean } = {}): AnnexPort {
  let last: { record: UndoRecord; partId: string } | null = null;
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
    apply: (plan, before) =>
      guarded(async (ctx) => {
        last = await applyPlan(ctx, plan, before);
        return last.record;
      }),
    undo: () =>
      guarded(async (ctx) => {
        // The record of this session is in memory (one round trip); after the pane was closed it is read back.
        const target = last ?? (await latestUndoRecord(ctx));
        if (!target) return null;
        queueUndo(ctx, target.record);
        ctx.workbook.customXmlParts.getItem(target.partId).delete();
        await ctx.sync();
        last = null;
        return target.record;
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
    writeReport: (report, before, when = new Date()) =>
      guarded((ctx) => writeReportSheet(ctx, report, before.fileName ?? "classeur", when, before.sheets.some((s) => s.name === REPORT_SHEET))),
    loadSeen: () =>
      guarded(async (ctx) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace(SEEN_NS);
        parts.load("items/id");
        await ctx.sync();
        if (!parts.items.length) return [];
        const xml = parts.items[parts.items.length - 1]!.getXml();
        await ctx.sync();
        const m = /<seen[^>]*>([\s\S]*)<\/seen>/.exec(xml.value);
        return m ? (JSON.parse(m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")) as string[]) : [];
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
