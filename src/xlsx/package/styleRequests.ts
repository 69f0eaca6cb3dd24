// Styles a write asks for while it scans the sheets in their own order. A style that exists already is answered at
// once; one that must be added is left as a token in the cell's tag and added after the scan in the plan's order,
// so new formats and styles get the same numbers whatever order the cells are met in.
import type { Styles } from "./styles";

// A character XML 1.0 forbids: no file holds it, so a token can never be mistaken for the user's text.
const TOKEN = "\u0001";

interface Request {
  id: number;
  base: number | Request;
  code: string;
  /** The first plan edit asking for it. */
  first: number;
  result: number;
}

export class StyleRequests {
  private requests: Request[] = [];
  private byKey = new Map<string, Request>();

  constructor(private styles: Styles | null) {}

  /**
   * Answers by format, then by style, for the scan: the styles do not change until resolve(), so the same question
   * (asked once per formatted cell, 190 000 times in a big annex's add-year) gets the same answer.
   */
  private answers = new Map<string, Map<string | null, { text: string; request: Request | null }>>();

  /** The s attribute a cell gets when edit `i` gives it `numFmt` over style `s` (a number, empty, or a token). */
  styled(s: string | null, numFmt: string | undefined, i: number): string {
    if (!numFmt || !this.styles) return s ?? "";
    let byStyle = this.answers.get(numFmt);
    if (!byStyle) this.answers.set(numFmt, (byStyle = new Map()));
    const known = byStyle.get(s);
    if (known) {
      if (known.request && i < known.request.first) known.request.first = i;
      return known.text;
    }
    const text = this.ask(s, numFmt, i);
    byStyle.set(s, { text, request: text.charCodeAt(0) === 1 ? this.requests[Number(text.slice(1, -1))]! : null });
    return text;
  }

  private ask(s: string | null, numFmt: string, i: number): string {
    if (!this.styles) return s ?? "";
    const pending = s !== null && s.charCodeAt(0) === 1 ? this.requests[Number(s.slice(1, -1))]! : null;
    if (!pending) {
      const known = this.styles.peekNumFmt(Number(s ?? 0), numFmt);
      if (known !== null) return String(known);
    }
    const base = pending ?? Number(s ?? 0);
    const key = `${pending ? `r${pending.id}` : base}\u0000${numFmt}`;
    let r = this.byKey.get(key);
    if (!r) {
      r = { id: this.requests.length, base, code: numFmt, first: i, result: -1 };
      this.requests.push(r);
      this.byKey.set(key, r);
    } else if (i < r.first) r.first = i;
    return TOKEN + r.id + TOKEN;
  }

  get pending(): boolean {
    return this.requests.length > 0;
  }

  /** Adds the styles asked for, in the order the plan first asked for each. */
  resolve(): void {
    this.answers.clear();
    if (!this.styles) return;
    for (const r of [...this.requests].sort((a, b) => a.first - b.first)) {
      const base = typeof r.base === "number" ? r.base : r.base.result;
      r.result = this.styles.withNumFmt(base, r.code);
    }
  }

  /** The text with its tokens replaced by the styles' numbers. */
  fill(text: string): string {
    if (!text.includes(TOKEN)) return text;
    // Split on the token mark (no pattern to run over megabytes): every odd piece is a request's number.
    const pieces = text.split(TOKEN);
    for (let i = 1; i < pieces.length; i += 2) pieces[i] = String(this.requests[Number(pieces[i])]!.result);
    return pieces.join("");
  }
}
