// The floor: the cheapest read of a package — unzip it and scan every sheet's XML with shared strings resolved.
// Run as its own process (`node floor.js file.xlsx`) so that it is timed like the commands, start-up included.
import * as fs from "fs";
import { strFromU8, unzipSync } from "fflate";

export interface FloorScan {
  sheets: number;
  cells: number;
  strings: number;
  numbers: number;
  sum: number;
  textChars: number;
}

const unescapeXml = (s: string) =>
  s.includes("&")
    ? s
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&")
    : s;
const SI = /<si>([\s\S]*?)<\/si>/g;
const T = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;
// One cell: its attributes, then (unless self-closed) its content up to </c>.
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const TYPE = /\bt="([^"]*)"/;
const VALUE = /<v>([^<]*)<\/v>/;

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const si of xml.matchAll(SI)) {
    let text = "";
    for (const t of si[1]!.matchAll(T)) text += t[1];
    out.push(unescapeXml(text));
  }
  return out;
}

export function scanPackage(bytes: Uint8Array): FloorScan {
  const names: string[] = [];
  // Only the shared strings are inflated first; then one sheet at a time, so that memory holds one sheet's XML.
  const ss = unzipSync(bytes, { filter: (f) => (/^xl\/worksheets\/[^/]+\.xml$/.test(f.name) && void names.push(f.name), f.name === "xl/sharedStrings.xml") });
  const strings = ss["xl/sharedStrings.xml"] ? sharedStrings(strFromU8(ss["xl/sharedStrings.xml"])) : [];
  const scan: FloorScan = { sheets: 0, cells: 0, strings: 0, numbers: 0, sum: 0, textChars: 0 };
  for (const name of names) {
    const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]!);
    scan.sheets++;
    for (const m of xml.matchAll(CELL)) {
      scan.cells++;
      const v = m[2] ? VALUE.exec(m[2])?.[1] : undefined;
      if (v === undefined) continue;
      const t = TYPE.exec(m[1]!)?.[1];
      if (t === "s") {
        scan.strings++;
        scan.textChars += strings[Number(v)]?.length ?? 0;
      } else if (t === undefined || t === "n") {
        scan.numbers++;
        scan.sum += Number(v);
      }
    }
  }
  return scan;
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node floor.js file.xlsx");
  process.stdout.write(JSON.stringify(scanPackage(fs.readFileSync(file))) + "\n");
}
