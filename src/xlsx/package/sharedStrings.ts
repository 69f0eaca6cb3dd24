// sharedStrings.xml: new strings appended at the end, existing indexes untouched; an existing identical string is reused.
import { escapeText, setAttr, unescapeXml } from "./xml";

export class SharedStrings {
  private plain = new Map<string, number>();
  private count: number;
  private added: string[] = [];
  private refsAdded = 0;

  constructor(private xml: string) {
    const items = [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)];
    this.count = items.length;
    items.forEach((m, i) => {
      // Only simple items (one <t>, no runs) can be reused for a plain string.
      const t = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/.exec(m[1] ?? "");
      if (t) {
        const s = unescapeXml(t[1]!);
        if (!this.plain.has(s)) this.plain.set(s, i);
      }
    });
  }

  indexOf(s: string): number {
    this.refsAdded++;
    const known = this.plain.get(s);
    if (known !== undefined) return known;
    const i = this.count++;
    this.plain.set(s, i);
    const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : "";
    this.added.push(`<si><t${space}>${escapeText(s)}</t></si>`);
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  toXml(): string {
    if (!this.added.length) return this.xml;
    return this.xml.replace(/(<sst\b[^>]*?)(\/?>)([\s\S]*?)(<\/sst>)?\s*$/, (_m, open: string, close: string, body: string) => {
      let tag = open + ">";
      tag = setAttr(tag, "uniqueCount", String(this.count));
      const total = /\scount="(\d+)"/.exec(open);
      if (total) tag = setAttr(tag, "count", String(Number(total[1]) + this.refsAdded));
      return tag + (close === "/>" ? "" : body) + this.added.join("") + "</sst>";
    });
  }
}
