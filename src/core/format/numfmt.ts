// Renders a number with an Excel number format as a French Excel shows it (space thousands separator, decimal comma).
// Covers what annexes use: General, 0/#/? placeholders, grouping, decimals, %, quoted literals, _x padding, *x fill,
// [$€-40C] currency tags, colour tags, up to four sections; dates are rendered dd/mm/yyyy.

const NBSP = "\u00a0";

export interface Rendered {
  text: string;
  /** Excel shows ##### whatever the width (negative date or time). */
  alwaysHashes?: boolean;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      cur += ch + (fmt[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

type Token = { kind: "lit"; text: string } | { kind: "num"; pattern: string } | { kind: "text" };

/** Splits one section into literals and the number pattern; `pct` when a % multiplies by 100. */
function tokenize(section: string): { tokens: Token[]; pct: boolean } {
  const tokens: Token[] = [];
  let pct = false;
  let num = "";
  const flushNum = () => {
    if (num) tokens.push({ kind: "num", pattern: num });
    num = "";
  };
  const lit = (text: string) => {
    flushNum();
    tokens.push({ kind: "lit", text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      lit(section[i + 1] ?? "");
      i++;
    } else if (ch === "_") {
      lit(" "); // padding the width of the next character
      i++;
    } else if (ch === "*") {
      flushNum(); // fill character: takes the free width, rendered as nothing
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const cur = /^\$([^-\]]*)/.exec(section.slice(i + 1, end < 0 ? undefined : end));
      if (cur && cur[1]) lit(cur[1]);
      i = end < 0 ? section.length : end;
    } else if (ch === "@") {
      flushNum();
      tokens.push({ kind: "text" });
    } else if (ch === "%") {
      pct = true;
      lit("%");
    } else if ("0#?.,".includes(ch)) {
      num += ch;
    } else {
      lit(ch === " " ? NBSP : ch);
    }
  }
  flushNum();
  return { tokens, pct };
}

function groupThousands(s: string): string {
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

function renderDigits(abs: number, pattern: string): string {
  const dot = pattern.indexOf(".");
  const intPat = dot < 0 ? pattern : pattern.slice(0, dot);
  const decPat = dot < 0 ? "" : pattern.slice(dot + 1).replace(/,/g, "");
  // Trailing commas scale by 1000 each.
  const trailing = /,+$/.exec(intPat);
  let value = abs;
  if (trailing && dot < 0) value = value / Math.pow(1000, trailing[0].length);
  const grouping = /[0#?],[0#?]/.test(intPat);
  const intDigits = intPat.replace(/,/g, "");
  const minInt = (intDigits.match(/0/g) ?? []).length;
  const padInt = (intDigits.match(/\?/g) ?? []).length;
  const maxDec = (decPat.match(/[0#?]/g) ?? []).length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const spaceDec = (decPat.match(/\?/g) ?? []).length;
  const fixed = value.toFixed(maxDec);
  const parts = fixed.split(".");
  let ip = parts[0] ?? "";
  const dp = parts[1] ?? "";
  if (ip === "0" && minInt === 0) ip = "";
  while (ip.length < minInt) ip = "0" + ip;
  if (grouping) ip = groupThousands(ip);
  if (ip.length === 0 && padInt > 0) ip = NBSP.repeat(padInt);
  let keep = dp.length;
  while (keep > minDec && dp[keep - 1] === "0") keep--;
  let decimals = dp.slice(0, keep);
  if (spaceDec && keep < maxDec && keep >= minDec) decimals = decimals + NBSP.repeat(Math.min(spaceDec, maxDec - keep));
  return decimals.length ? `${ip},${decimals}` : ip;
}

function renderGeneral(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  let s = Math.abs(v) >= 1e11 || (Math.abs(v) < 1e-9 && v !== 0) ? v.toExponential(5).replace(/\.?0+e/, "E") : String(Number(v.toPrecision(10)));
  s = s.replace(".", ",");
  return s;
}

const DATE_CODES = /(^|[^"\\])[dmyhs]/i;

function isDateSection(section: string): boolean {
  const stripped = section
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return DATE_CODES.test(stripped) && !/^general$/i.test(stripped.trim());
}

/** A date or time format (« dd/mm/yyyy », « mmm-yy »): the number it shows is a day, not an amount. */
export function isDateFormat(numFmt: string | undefined): boolean {
  return !!numFmt && isDateSection(numFmt.split(";")[0]!);
}

function renderDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

interface ParsedSection {
  date: boolean;
  tokens: Token[];
  pct: boolean;
  blank: boolean;
}
const parsedFormats = new Map<string, ParsedSection[] | null>();

/** Parsed once per format string: annexes use a handful of formats over thousands of cells. */
function parseFormat(fmt: string): ParsedSection[] | null {
  let parsed = parsedFormats.get(fmt);
  if (parsed === undefined) {
    parsed =
      !fmt || /^general$/i.test(fmt) ? null : splitSections(fmt).map((sec) => ({ date: isDateSection(sec), blank: sec.trim() === "", ...tokenize(sec) }));
    if (parsedFormats.size > 500) parsedFormats.clear();
    parsedFormats.set(fmt, parsed);
  }
  return parsed;
}

export function renderNumber(value: number, numFmt: string | undefined): Rendered {
  const sections = parseFormat((numFmt ?? "").trim());
  if (!sections) return { text: renderGeneral(value) };
  let section = sections[0]!;
  let abs = value;
  let explicitSign = false;
  if (value < 0 && sections.length >= 2 && !sections[1]!.blank) {
    section = sections[1]!;
    abs = -value;
    explicitSign = true;
  } else if (value === 0 && sections.length >= 3 && !sections[2]!.blank) {
    section = sections[2]!;
  }
  if (section.date) {
    if (value < 0) return { text: "", alwaysHashes: true };
    return { text: renderDate(value) };
  }
  const { tokens, pct } = section;
  let out = "";
  for (const t of tokens) {
    if (t.kind === "lit") out += t.text;
    else if (t.kind === "num") out += renderDigits(Math.abs(abs) * (pct ? 100 : 1), t.pattern);
  }
  const negative = value < 0 && !explicitSign;
  return { text: (negative ? "-" : "") + out };
}
