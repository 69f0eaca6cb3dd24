// Flags: a fill colour per finding cell, the previous fill saved in the workbook so that "Effacer les signalements"
// restores exactly what was there (and nothing the add-in did not colour). Conditional formats were not chosen:
// they cannot be told apart from the user's own, and Excel on the web shows them only partly.
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { Finding, Severity } from "../core/rules/types";
import type { HostContext, HostRange } from "./host";
import { probeProtection } from "./protection";

export const FLAGS_NS = "urn:annexe-cdppe:flags:1";
export const FLAG_COLOURS: Record<Severity, string> = { error: "#F8CBAD", warning: "#FFE699", info: "#BDD7EE" };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FlagRecord {
  cells: Array<{ sheet: string; cell: string; previousFill: string | null; colour: string }>;
}

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
      const ok =
        r &&
        Array.isArray(r.cells) &&
        r.cells.every((c) => c && typeof c.sheet === "string" && /^[A-Z]{1,3}[0-9]+$/.test(String(c.cell)) && typeof c.colour === "string");
      return { id: x.id, record: ok ? r : { cells: [] } };
    } catch {
      return { id: x.id, record: { cells: [] } };
    }
  });
}

/** Restores the given cells' fills and removes the records (all of them, also those whose cells were all left). */
function queueRestore(ctx: HostContext, records: Array<{ id: string; record: FlagRecord }>, remove: string[]): void {
  for (const { record } of records) {
    for (const c of record.cells) {
      const fill = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill;
      if (c.previousFill) fill.color = c.previousFill;
      else fill.clear();
    }
  }
  for (const id of remove) ctx.workbook.customXmlParts.getItem(id).delete();
}

/** Fill as Office.js gives it -> the record's form (no fill: null). */
const fillOf = (c: unknown): string | null => {
  const v = String(c ?? "").toUpperCase();
  return !v || v === "#FFFFFF" ? null : v;
};

/**
 * Colours each finding's cell by its worst severity; earlier flags are cleared in the same round trip. The fills are
 * read as they are now (one round trip): a cell the user recoloured since is never taken for ours, and the colour a
 * later clear restores is the one the cell has now, not the one the check saw.
 */
export async function flagFindings(ctx: HostContext, findings: Finding[], before: WorkbookSnapshot): Promise<number> {
  // A protected sheet refuses the flagging before any colour, in the round trip that reads the old flags.
  const unlocked = probeProtection(ctx, [...before.sheets.map((s) => s.name), ...findings.map((f) => f.sheet)]);
  const old = await loadFlagParts(ctx);
  unlocked();
  const worst = new Map<string, Finding>();
  for (const f of findings) {
    const k = `${f.sheet}!${f.cell}`;
    const cur = worst.get(k);
    if (!cur || RANK[f.severity] < RANK[cur.severity]) worst.set(k, f);
  }
  const probes = new Map<string, HostRange>();
  const probe = (sheet: string, cell: string) => {
    const k = `${sheet}!${cell}`;
    if (!probes.has(k)) probes.set(k, ctx.workbook.worksheets.getItem(sheet).getRange(cell).load("format/fill/color"));
  };
  for (const o of old) for (const c of o.record.cells) probe(c.sheet, c.cell);
  for (const f of worst.values()) probe(f.sheet, f.cell);
  if (probes.size) await ctx.sync();
  const now = (k: string) => fillOf(probes.get(k)!.format.fill.color);
  // Old flags still showing our colour: their original fill; the others were recoloured by the user and are left.
  const ours = new Map<string, string | null>();
  for (const o of old)
    for (const c of o.record.cells) {
      const k = `${c.sheet}!${c.cell}`;
      if (now(k) === c.colour.toUpperCase()) ours.set(k, c.previousFill);
    }
  queueRestore(
    ctx,
    old.map((o) => ({ id: o.id, record: { cells: o.record.cells.filter((c) => ours.has(`${c.sheet}!${c.cell}`)) } })),
    old.map((o) => o.id),
  );
  const record: FlagRecord = { cells: [] };
  for (const [k, f] of worst) {
    const previousFill = ours.has(k) ? ours.get(k)! : now(k);
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
  const probes = old.flatMap((o) =>
    o.record.cells.map((c) => ({ c, range: ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).load("format/fill/color") })),
  );
  const unlocked = probeProtection(
    ctx,
    probes.map((p) => p.c.sheet),
  );
  if (probes.length) await ctx.sync();
  unlocked();
  const still = new Set(probes.filter((p) => String(p.range.format.fill.color).toUpperCase() === p.c.colour.toUpperCase()).map((p) => p.c));
  queueRestore(
    ctx,
    old.map((o) => ({ id: o.id, record: { cells: o.record.cells.filter((c) => still.has(c)) } })),
    old.map((o) => o.id),
  );
  await ctx.sync();
  return still.size;
}
