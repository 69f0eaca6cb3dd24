// Where things live in the package: relationships, the workbook, its sheets and the parts each sheet links to.
import * as path from "path";
import { getAttr, unescapeXml } from "./xml";

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relsPathOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : dir + "/"}_rels/${path.posix.basename(part)}.rels`;
}

export function parseRels(xml: string | undefined, part: string): Rel[] {
  if (!xml) return [];
  const base = path.posix.dirname(part);
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = getAttr(m[0], "Target") ?? "";
    const external = getAttr(m[0], "TargetMode") === "External";
    const resolved = external ? target : target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(base === "." ? "" : base, target));
    out.push({ id: getAttr(m[0], "Id") ?? "", type: (getAttr(m[0], "Type") ?? "").replace(/.*\//, ""), target: resolved, external });
  }
  return out;
}

export interface SheetRef {
  name: string;
  part: string;
  index: number;
}

export function sheetsOf(workbookXml: string, rels: Rel[]): SheetRef[] {
  const out: SheetRef[] = [];
  let index = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = /\sr:id="([^"]*)"/.exec(m[0])?.[1] ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const rel = rels.find((r) => r.id === id);
    const name = getAttr(m[0], "name");
    if (rel && name !== null && rel.type === "worksheet") out.push({ name: unescapeXml(name), part: rel.target, index });
    index++;
  }
  return out;
}
