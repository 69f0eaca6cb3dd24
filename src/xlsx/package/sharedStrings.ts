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
    // The <sst> tag, its items, the new ones, </sst>: the closing tag found from the end, without a pattern run over
    // megabytes of items (what follows </sst> is white space only, and is dropped).
    const m = /(<sst\b[^>]*?)(\/?>)/.exec(this.xml);
    if (!m) return this.xml;
    const [, open, close] = m as unknown as [string, string, string];
    let tag = open + ">";
    tag = setAttr(tag, "uniqueCount", String(this.count));
    const total = /\scount="(\d+)"/.exec(open);
    if (total) tag = setAttr(tag, "count", String(Number(total[1]) + this.refsAdded));
    let rest = this.xml.slice(m.index + m[0].length).trimEnd();
    if (rest.endsWith("</sst>")) rest = rest.slice(0, -6);
    return this.xml.slice(0, m.index) + tag + (close === "/>" ? "" : rest) + this.added.join("") + "</sst>";
  }
}
