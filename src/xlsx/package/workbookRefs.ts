// References held outside the worksheets: defined names (print area and titles too), charts, pivot cache sources,
// parts hanging off each sheet (notes, threaded comments, pivot tables, drawings, VML), tables' own formulas and form
// controls; and the workbook's calculation settings once formulas are written or moved.
import { moveControlFormulas, shiftDrawing, shiftVml } from "./drawingParts";
import type { FormulaMover } from "./formulaMover";
import type { Package } from "./packageFile";
import { parseRels, relsPathOf, type Rel, type SheetRef } from "./parts";
import { shiftSqref, type Insertion } from "./shiftRefs";
import { moveTableFormulas } from "./tables";
import { escapeText, getAttr, setAttr, unescapeXml } from "./xml";

export const relsOf = (pkg: Package, part: string): Rel[] => parseRels(pkg.text(relsPathOf(part)), part);

export const tablesOf = (pkg: Package, s: SheetRef): Rel[] => relsOf(pkg, s.part).filter((r) => r.type === "table" && pkg.has(r.target));

/** Notes, threaded comments, pivot tables' location, drawings and VML of a sheet whose columns move. */
export function shiftSheetLinkedParts(pkg: Package, s: SheetRef, ins: Insertion[]): void {
  for (const rel of relsOf(pkg, s.part)) {
    const xml = pkg.text(rel.target);
    if (xml === undefined) continue;
    if (rel.type === "comments" || rel.type === "threadedComment" || rel.type === "pivotTable") {
      pkg.set(
        rel.target,
        xml.replace(/\s(ref|sqref)="([^"]*)"/g, (m, a: string, v: string) => {
          const n = shiftSqref(ins, s.name, v);
          return n === v ? m : ` ${a}="${n}"`;
        }),
      );
    } else if (rel.type === "drawing") {
      pkg.set(rel.target, shiftDrawing(xml, ins, s.name));
    } else if (rel.type === "vmlDrawing") {
      pkg.set(rel.target, shiftVml(xml, ins, s.name));
    }
  }
}

/** Tables' own formulas (calculated columns, totals), form controls' cell links and ranges, on any sheet. */
export function moveTableAndControlFormulas(pkg: Package, sheets: SheetRef[], move: FormulaMover): void {
  for (const s of sheets) {
    for (const t of tablesOf(pkg, s))
      pkg.set(
        t.target,
        moveTableFormulas(pkg.text(t.target)!, (f) => move(s.name, f)),
      );
    for (const rel of relsOf(pkg, s.part)) {
      if (rel.type !== "ctrlProp" && rel.type !== "vmlDrawing") continue;
      const xml = pkg.text(rel.target);
      if (xml !== undefined && /fmla|<x:Fmla/i.test(xml)) pkg.set(rel.target, moveControlFormulas(xml, s.name, move));
    }
  }
}

/** Defined names (the workbook then recalculates on load), chart series, pivot cache sources. */
export function moveWorkbookRefs(pkg: Package, wbPart: string, ins: Insertion[], move: FormulaMover): void {
  const wbXml = pkg.text(wbPart)!;
  const wb = wbXml.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (m, open: string, body: string, close: string) => {
    const next = move(null, unescapeXml(body));
    return next === unescapeXml(body) ? m : open + escapeText(next) + close;
  });
  pkg.set(wbPart, setCalcOnLoad(wb));
  for (const name of pkg.names()) {
    if (/^xl\/charts\/chart(?:Ex)?\d*\.xml$/.test(name)) {
      const xml = pkg.text(name)!;
      pkg.set(
        name,
        xml.replace(/<((?:\w+:)?f)>([^<]*)<\/\1>/g, (m, tag: string, body: string) => {
          const next = move(null, unescapeXml(body));
          return next === unescapeXml(body) ? m : `<${tag}>${escapeText(next)}</${tag}>`;
        }),
      );
    } else if (/^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/.test(name)) {
      const xml = pkg.text(name)!;
      pkg.set(
        name,
        xml.replace(/<worksheetSource\b[^>]*>/g, (tag) => {
          const sheet = getAttr(tag, "sheet");
          const ref = getAttr(tag, "ref");
          if (!sheet || !ref || getAttr(tag, "r:id")) return tag;
          const next = shiftSqref(ins, sheet, ref);
          return next === ref ? tag : setAttr(tag, "ref", next);
        }),
      );
    }
  }
}

/** Whoever opens the file next recalculates; the calculation chain lists cells that moved, so it goes. */
export function recalcOnLoad(pkg: Package, wbPart: string, wbRels: Rel[]): void {
  pkg.set(wbPart, setCalcOnLoad(pkg.text(wbPart)!));
  const chain = wbRels.find((r) => r.type === "calcChain");
  if (!chain || !pkg.has(chain.target)) return;
  pkg.removed.add(chain.target);
  const wbRelsPath = relsPathOf(wbPart);
  pkg.set(wbRelsPath, pkg.text(wbRelsPath)!.replace(new RegExp(`<Relationship\\b[^>]*Id="${chain.id}"[^>]*/>`), ""));
  const ct = pkg.text("[Content_Types].xml");
  if (ct) pkg.set("[Content_Types].xml", ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${chain.target.replace(/[.]/g, "\\.")}"[^>]*/>`), ""));
}

function setCalcOnLoad(wb: string): string {
  if (/<calcPr\b[^>]*\bfullCalcOnLoad="(1|true)"/.test(wb)) return wb;
  if (/<calcPr\b/.test(wb)) return wb.replace(/<calcPr\b[^>]*?\/?>/, (tag) => setAttr(tag, "fullCalcOnLoad", "1"));
  // No calcPr: it goes after the elements that precede it in the schema.
  const before = /<\/(?:\w+:)?(?:definedNames|sheets)>/g;
  let last = -1;
  for (const m of wb.matchAll(before)) last = m.index + m[0].length;
  return last < 0 ? wb : `${wb.slice(0, last)}<calcPr fullCalcOnLoad="1"/>${wb.slice(last)}`;
}

