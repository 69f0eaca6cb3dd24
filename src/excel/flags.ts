// Flags: a fill colour per finding cell, the previous fill saved in the workbook so that "Effacer les signalements"
// restores exactly what was there (and nothing the add-in did not colour). Conditional formats were not chosen:
// they cannot be told apart from the user's own, and Excel on the web shows them only partly.
import { parseAddr } from "../core/model/a1";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { Finding, Severity } from "../core/rules/types";
import type { HostContext } from "./host";
import { probeProtection } from "./protection";

export const FLAGS_NS = "urn:annexe-cdppe:flags:1";
export const FLAG_COLOURS: Record<Severity, string> = { error: "#F8CBAD", warning: "#FFE699", info: "#BDD7EE" };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FlagRecord { cells: Array<{ sheet: string; cell: string; previousFill: string | null; colour: string }> }

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unesc = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function loadFlagParts(ctx: HostContext): Promise<Array<{ id: string; record: FlagRecord }>> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(FLAGS_NS);
  parts.load("items/id");
  await ctx.sync();
  const xmls = parts.items.map((p) => ({ id: p.id, xml: p.getXml() }));
  if (xmls.length) await ctx.sync();
  return xmls.map((x) => {
    const m = /<flags[^>]*>([\s\S]*)<\/flags>/.exec(x.xml.value);
    // An unreadable record restores nothing (and is removed): it never blocks flagging or clearing again.
    try {
      const r = m ? (JSON.parse(unesc(m[1]!)) as FlagRecord) : null;
      const ok = r && Array.isArray(r.cells) && r.cells.every((c) => c && typeof c.sheet === "string" && /^[A-Z]{1,3}[0-9]+$/.test(String(c.cell)) && typeof c.colour === "string");
      return { id: x.id, record: ok ? r : { cells: [] } };
    } catch {
      return { id: x.id, record: { cells: [] } };
    }
  });
}

function queueRestore(ctx: HostContext, records: Array<{ id: string; record: FlagRecord }>): void {
  for (const { id, record } of records) {
    for (const c of record.cells) {
      const fill = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill;
      if (c.previousFill) fill.color = c.previousFill;
      else fill.clear();
    }
    ctx.workbook.customXmlParts.getItem(id).delete();
  }
}

/** Colours each finding's cell by its worst severity; earlier flags are cleared in the same round trip. */
export async function flagFindings(ctx: HostContext, findings: Finding[], before: WorkbookSnapshot): Promise<number> {
  const unlocked = probeProtection(ctx, [...before.sheets.map((s) => s.name), ...findings.map((f) => f.sheet)]);
  const old = await loadFlagParts(ctx);
  unlocked();
  const oldFill = new Map<string, string | null>(old.flatMap((o) => o.record.cells.map((c): [string, string | null] => [`${c.sheet}!${c.cell}`, c.previousFill])));
  const worst = new Map<string, Finding>();
  for (const f of findings) {
    const k = `${f.sheet}!${f.cell}`;
    const cur = worst.get(k);
    if (!cur || RANK[f.severity] < RANK[cur.severity]) worst.set(k, f);
  }
  queueRestore(ctx, old);
  const sheets = new Map(before.sheets.map((s) => [s.name, s]));
  const record: FlagRecord = { cells: [] };
  for (const [k, f] of worst) {
    const { row, col } = parseAddr(f.cell);
    // A cell we coloured before keeps its original fill as "previous", not our colour.
    const previousFill = oldFill.has(k) ? oldFill.get(k)! : sheets.get(f.sheet)?.cells[row - 1]?.[col - 1]?.fill ?? null;
    const colour = FLAG_COLOURS[f.severity];
    ctx.workbook.worksheets.getItem(f.sheet).getRange(f.cell).format.fill.color = colour;
    record.cells.push({ sheet: f.sheet, cell: f.cell, previousFill, colour });
  }
  if (record.cells.length) ctx.workbook.customXmlParts.add(`<flags xmlns="${FLAGS_NS}">${esc(JSON.stringify(record))}</flags>`);
  await ctx.sync();
  return record.cells.length;
}

/** Removes the fills the add-in added where our colour still stands (a cell recoloured since keeps its colour). */
export async function clearFlags(ctx: HostContext): Promise<number> {
  const old = await loadFlagParts(ctx);
  if (!old.length) return 0;
  const probes = old.flatMap((o) => o.record.cells.map((c) => ({ c, range: ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).load("format/fill/color") })));
  const unlocked = probeProtection(ctx, probes.map((p) => p.c.sheet));
  if (probes.length) await ctx.sync();
  unlocked();
  const still = new Set(probes.filter((p) => String(p.range.format.fill.color).toUpperCase() === p.c.colour.toUpperCase()).map((p) => p.c));
  queueRestore(ctx, old.map((o) => ({ id: o.id, record: { cells: o.record.cells.filter((c) => still.has(c)) } })));
  await ctx.sync();
  return still.size;
}
