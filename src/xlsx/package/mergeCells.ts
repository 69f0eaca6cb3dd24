// A merged area added to a worksheet's tail, in the place the schema gives <mergeCells>.
import { setAttr } from "./xml";

// Elements that follow mergeCells in a worksheet (schema order): a new <mergeCells> goes before the first present.
const AFTER_MERGES = [
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export function addMerge(tail: string, ref: string): string {
  if (new RegExp(`<mergeCell ref="${ref}"\\s*/>`).test(tail)) return tail;
  if (/<mergeCells\b/.test(tail)) {
    return tail.replace(/(<mergeCells\b[^>]*>)([\s\S]*?)(<\/mergeCells>)/, (_m, open: string, body: string, close: string) => {
      const n = (body.match(/<mergeCell\b/g) ?? []).length + 1;
      return setAttr(open, "count", String(n)) + body + `<mergeCell ref="${ref}"/>` + close;
    });
  }
  let at = tail.length;
  for (const el of AFTER_MERGES) {
    const i = tail.search(new RegExp(`<${el}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  if (at === tail.length) at = tail.lastIndexOf("</worksheet>");
  return `${tail.slice(0, at)}<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>${tail.slice(at)}`;
}

