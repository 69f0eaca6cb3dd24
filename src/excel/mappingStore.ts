// The user's reading of the annex (« Lecture de l'annexe »), saved in the workbook as a custom XML part so that it
// travels with the file. Entries are keyed by sheet and header text (ColumnMapping), so they survive inserted columns.
import { parseMapping, type ColumnMapping } from "../core/layout/mapping";
import type { HostContext } from "./host";

export const MAPPING_NS = "urn:annexe-cdppe:mapping:1";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function mappingToXml(mapping: ColumnMapping): string {
  return `<mapping xmlns="${MAPPING_NS}">${escapeXml(JSON.stringify(mapping))}</mapping>`;
}

/** null when the part is absent or unreadable (a damaged part must not stop the check: the automatic reading applies). */
export function mappingFromXml(xml: string): ColumnMapping | null {
  const m = /<mapping[^>]*>([\s\S]*)<\/mapping>/.exec(xml);
  if (!m) return null;
  try {
    const parsed = parseMapping(JSON.parse(unescapeXml(m[1]!)));
    return "error" in parsed ? null : parsed;
  } catch {
    return null;
  }
}

/** One round trip when nothing is saved, two otherwise. */
export async function loadMapping(ctx: HostContext): Promise<ColumnMapping | null> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(MAPPING_NS);
  parts.load("items/id");
  await ctx.sync();
  if (!parts.items.length) return null;
  const xml = parts.items[parts.items.length - 1]!.getXml();
  await ctx.sync();
  return mappingFromXml(xml.value);
}

/**
 * The same read riding the snapshot's two round trips (readWorkbookSnapshot's alongside): the ribbon reads the
 * user's mapping without a trip of its own. result() is valid once the snapshot is read.
 */
export function mappingAlongside(ctx: HostContext): { beforeFirstTrip(): void; afterFirstTrip(): void; result(): ColumnMapping | null } {
  const parts = ctx.workbook.customXmlParts.getByNamespace(MAPPING_NS);
  let xml: { value: string } | null = null;
  return {
    beforeFirstTrip: () => void parts.load("items/id"),
    afterFirstTrip: () => {
      if (parts.items.length) xml = parts.items[parts.items.length - 1]!.getXml();
    },
    result: () => (xml ? mappingFromXml(xml.value) : null),
  };
}

/** Replaces the saved mapping; null or an empty mapping removes it. Two round trips. */
export async function saveMapping(ctx: HostContext, mapping: ColumnMapping | null): Promise<void> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(MAPPING_NS);
  parts.load("items/id");
  await ctx.sync();
  for (const p of parts.items) p.delete();
  if (mapping && mapping.entries.length) ctx.workbook.customXmlParts.add(mappingToXml(mapping));
  await ctx.sync();
}
