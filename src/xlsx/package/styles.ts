// styles.xml: number formats and cell formats are appended, never renumbered, so every existing `s` index keeps its meaning.
import { escapeAttr, getAttr, setAttr, unescapeXml } from "./xml";

const BUILTIN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

// Excel writes "#,##0\ €" where readers show "#,##0 €": both display the same, so an existing code is reused.
const loose = (code: string) => code.replace(/\\(.)/g, "$1");

export class Styles {
  private numFmtCodes = new Map<string, number>();
  private looseCodes = new Map<string, number>();
  private newNumFmts: string[] = [];
  private nextNumFmtId = 164;
  private xfs: string[];
  private xfIndex = new Map<string, number>();
  private newXfs: string[] = [];
  /** Answers of withNumFmt by code, then by style: asked once per cell a write formats, without making a key string. */
  private derived = new Map<string, Map<number, number>>();
  changed = false;

  constructor(private xml: string) {
    for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
      const id = Number(getAttr(m[0], "numFmtId"));
      const code = getAttr(m[0], "formatCode") ?? "";
      this.numFmtCodes.set(code, id);
      if (!this.looseCodes.has(loose(code))) this.looseCodes.set(loose(code), id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    this.xfs = cellXfs ? [...cellXfs[1]!.matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]) : [];
    this.xfs.forEach((x, i) => {
      if (!this.xfIndex.has(x)) this.xfIndex.set(x, i);
    });
  }

  numFmtId(code: string): number {
    if (code in BUILTIN) return BUILTIN[code]!;
    const known = this.numFmtCodes.get(code) ?? this.looseCodes.get(loose(code));
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtCodes.set(code, id);
    this.newNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.changed = true;
    return id;
  }

  /** Number format code of cell format `s` (for callers comparing formats). */
  codeOf(s: number): string | null {
    const xf = this.xfs[s];
    if (!xf) return null;
    const id = Number(getAttr(xf, "numFmtId") ?? 0);
    for (const [code, i] of this.numFmtCodes) if (i === id) return unescapeXml(code);
    return null;
  }

  /** Index of a cell format equal to `s` but with number format `code` (an existing one when it exists). */
  /**
   * withNumFmt's answer when it adds nothing (the format and the derived style exist already), else null: an answer
   * that does not depend on the order cells are asked in, so a write may ask in sheet order and add in plan order.
   */
  peekNumFmt(s: number, code: string): number | null {
    const hit = this.derived.get(code)?.get(s);
    if (hit !== undefined) return hit;
    const id = code in BUILTIN ? BUILTIN[code]! : (this.numFmtCodes.get(code) ?? this.looseCodes.get(loose(code)));
    if (id === undefined) return null;
    const base = this.xfs[s] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    let out: number | undefined = s;
    if (Number(getAttr(base, "numFmtId") ?? 0) !== id) {
      const open = /^<xf\b[^>]*?\/?>/.exec(base)![0];
      out = this.xfIndex.get(setAttr(setAttr(open, "numFmtId", String(id)), "applyNumberFormat", "1") + base.slice(open.length));
      if (out === undefined) return null;
    }
    let byStyle = this.derived.get(code);
    if (!byStyle) this.derived.set(code, (byStyle = new Map()));
    byStyle.set(s, out);
    return out;
  }

  withNumFmt(s: number, code: string): number {
    let byStyle = this.derived.get(code);
    if (!byStyle) this.derived.set(code, (byStyle = new Map()));
    const hit = byStyle.get(s);
    if (hit !== undefined) return hit;
    const id = this.numFmtId(code);
    const base = this.xfs[s] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    let out = s;
    if (Number(getAttr(base, "numFmtId") ?? 0) !== id) {
      const open = /^<xf\b[^>]*?\/?>/.exec(base)![0];
      const tag = setAttr(setAttr(open, "numFmtId", String(id)), "applyNumberFormat", "1");
      const xf = tag + base.slice(open.length);
      out = this.xfIndex.get(xf) ?? -1;
      if (out < 0) {
        out = this.xfs.length;
        this.xfs.push(xf);
        this.xfIndex.set(xf, out);
        this.newXfs.push(xf);
        this.changed = true;
      }
    }
    byStyle.set(s, out);
    return out;
  }

  toXml(): string {
    let xml = this.xml;
    if (this.newNumFmts.length) {
      if (/<numFmts\b[^>]*\/>/.test(xml)) xml = xml.replace(/<numFmts\b[^>]*\/>/, '<numFmts count="0"></numFmts>');
      if (/<numFmts\b/.test(xml)) {
        xml = xml.replace(/(<numFmts\b[^>]*>)([\s\S]*?)(<\/numFmts>)/, (_m, open: string, body: string, close: string) => {
          const n = (body.match(/<numFmt\b/g) ?? []).length + this.newNumFmts.length;
          return setAttr(open, "count", String(n)) + body + this.newNumFmts.join("") + close;
        });
      } else {
        xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${this.newNumFmts.length}">${this.newNumFmts.join("")}</numFmts>`);
      }
    }
    if (this.newXfs.length) {
      xml = xml.replace(
        /(<cellXfs\b[^>]*>)([\s\S]*?)(<\/cellXfs>)/,
        (_m, open: string, body: string, close: string) => setAttr(open, "count", String(this.xfs.length)) + body + this.newXfs.join("") + close,
      );
    }
    return xml;
  }
}
