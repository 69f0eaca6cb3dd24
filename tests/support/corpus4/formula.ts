// corpus4's own evaluator for the formulas it writes (SUM, SUBTOTAL, IF, IFERROR, ROUND, N, ABS, + - * /, comparisons,
// references across sheets). Every formula cell's value is computed here, so a fault injected into one input shows in
// every cached result that depends on it, as Excel would show it.
import { addr, colNumber, type Book, type Cell, type Value } from "./book";

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; a: string; b?: string }
  | { t: "err"; v: string }
  | { t: "op"; v: string }
  | { t: "name"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const refRe = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const m = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)/.exec(src.slice(i))!;
      out.push({ t: "err", v: m[0] });
      i += m[0].length;
      continue;
    }
    let sheet: string | null = null;
    let rest = src.slice(i);
    const q = /^'((?:[^']|'')+)'!/.exec(rest) ?? /^([A-Za-z_\u00c0-\u017f][\w.\u00c0-\u017f]*)!/.exec(rest);
    if (q) {
      sheet = q[1]!.replace(/''/g, "'");
      i += q[0].length;
      rest = src.slice(i);
    }
    const r = refRe.exec(rest);
    if (r && !/^[A-Z]+\(/.test(rest)) {
      const [a, b] = r[0].replace(/\$/g, "").split(":");
      out.push({ t: "ref", sheet, a: a!, b });
      i += r[0].length;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(rest);
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Z][A-Z0-9.]*/.exec(rest);
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/(),=<>&:%])/.exec(rest);
    if (!op) throw new Error(`cannot tokenize ${src} at ${i}`);
    out.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

type Res = number | string | boolean | null | { error: string } | Res[];

const isErr = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;

export class Evaluator {
  private memo = new Map<string, Value>();
  private busy = new Set<string>();
  constructor(private book: Book) {}

  cell(sheet: string, a: string): Value {
    const key = `${sheet}!${a}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    const sh = this.book.sheets.find((s) => s.name === sheet);
    if (!sh) return { error: "#REF!" };
    const c: Cell | undefined = sh.cells.get(a);
    if (!c) return null;
    if (c.f === undefined) return c.v;
    if (this.busy.has(key)) throw new Error(`circular reference at ${key}`);
    this.busy.add(key);
    const v = this.evaluate(sheet, c.f);
    this.busy.delete(key);
    this.memo.set(key, v);
    return v;
  }

  evaluate(sheet: string, f: string): Value {
    const toks = tokenize(f);
    let p = 0;
    const peek = () => toks[p];
    const eat = (v: string) => {
      const t = toks[p];
      if (!t || t.t !== "op" || t.v !== v) throw new Error(`expected ${v} in ${f}`);
      p++;
    };
    const range = (t: Extract<Tok, { t: "ref" }>): Res => {
      const sh = t.sheet ?? sheet;
      if (!t.b) return this.cell(sh, t.a);
      const m1 = /^([A-Z]+)(\d+)$/.exec(t.a)!;
      const m2 = /^([A-Z]+)(\d+)$/.exec(t.b)!;
      const out: Res[] = [];
      for (let r = Number(m1[2]); r <= Number(m2[2]); r++) for (let c = colNumber(m1[1]!); c <= colNumber(m2[1]!); c++) out.push(this.cell(sh, addr(r, c)));
      return out;
    };
    const num = (v: Res): number | { error: string } => {
      if (isErr(v)) return v;
      if (Array.isArray(v)) return { error: "#VALUE!" };
      if (v === null || v === "") return 0;
      if (typeof v === "boolean") return v ? 1 : 0;
      if (typeof v === "number") return v;
      const n = Number(v.replace(",", "."));
      return Number.isFinite(n) ? n : { error: "#VALUE!" };
    };
    const flat = (args: Res[]): Res[] => args.flatMap((a) => (Array.isArray(a) ? flat(a) : [a]));
    const call = (name: string, args: Res[]): Res => {
      switch (name) {
        case "SUM":
        case "SUBTOTAL": {
          const xs = flat(name === "SUBTOTAL" ? args.slice(1) : args);
          let s = 0;
          for (const x of xs) {
            if (isErr(x)) return x;
            if (typeof x === "number") s += x;
          }
          return s;
        }
        case "IF":
          return args[0] && !isErr(args[0]) && args[0] !== 0 ? (args[1] ?? true) : (args[2] ?? false);
        case "IFERROR":
          return isErr(args[0]) ? args[1]! : args[0]!;
        case "ROUND": {
          const a = num(args[0]!);
          const d = num(args[1]!);
          if (isErr(a)) return a;
          if (isErr(d)) return d;
          return Math.round(a * 10 ** d) / 10 ** d;
        }
        case "N":
          return typeof args[0] === "number" ? args[0] : 0;
        case "ABS": {
          const a = num(args[0]!);
          return isErr(a) ? a : Math.abs(a);
        }
        default:
          throw new Error(`unknown function ${name}`);
      }
    };
    const primary = (): Res => {
      const t = toks[p++];
      if (!t) throw new Error(`unexpected end in ${f}`);
      if (t.t === "num" || t.t === "str") return t.v;
      if (t.t === "err") return { error: t.v };
      if (t.t === "ref") return range(t);
      if (t.t === "name") {
        if (t.v === "TRUE" || t.v === "FALSE") return t.v === "TRUE";
        eat("(");
        const args: Res[] = [];
        if (!(peek()?.t === "op" && (peek() as { v: string }).v === ")")) {
          args.push(cmp());
          while (peek()?.t === "op" && (peek() as { v: string }).v === ",") {
            p++;
            args.push(cmp());
          }
        }
        eat(")");
        return call(t.v, args);
      }
      if (t.v === "(") {
        const v = cmp();
        eat(")");
        return v;
      }
      if (t.v === "-") {
        const v = num(primary());
        return isErr(v) ? v : -v;
      }
      if (t.v === "+") return primary();
      throw new Error(`unexpected ${t.v} in ${f}`);
    };
    const arith = (a: Res, op: string, b: Res): Res => {
      const x = num(a);
      const y = num(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      if (op === "+") return x + y;
      if (op === "-") return x - y;
      if (op === "*") return x * y;
      return y === 0 ? { error: "#DIV/0!" } : x / y;
    };
    const term = (): Res => {
      let v = primary();
      while (peek()?.t === "op" && ["*", "/"].includes((peek() as { v: string }).v)) {
        const op = (toks[p++] as { v: string }).v;
        v = arith(v, op, primary());
      }
      return v;
    };
    const expr = (): Res => {
      let v = term();
      while (peek()?.t === "op" && ["+", "-"].includes((peek() as { v: string }).v)) {
        const op = (toks[p++] as { v: string }).v;
        v = arith(v, op, term());
      }
      return v;
    };
    const cmp = (): Res => {
      const a = expr();
      const t = peek();
      if (t?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v)) {
        p++;
        const b = expr();
        if (isErr(a)) return a;
        if (isErr(b)) return b;
        const x = typeof a === "string" || typeof b === "string" ? String(a ?? "") : num(a);
        const y = typeof a === "string" || typeof b === "string" ? String(b ?? "") : num(b);
        if (isErr(x) || isErr(y)) return { error: "#VALUE!" };
        const c = x < y ? -1 : x > y ? 1 : 0;
        return t.v === "=" ? c === 0 : t.v === "<>" ? c !== 0 : t.v === "<" ? c < 0 : t.v === ">" ? c > 0 : t.v === "<=" ? c <= 0 : c >= 0;
      }
      return a;
    };
    const v = cmp();
    if (p !== toks.length) throw new Error(`trailing tokens in ${f}`);
    if (Array.isArray(v)) return { error: "#VALUE!" };
    return v;
  }
}

/** Computes every formula cell's value in place. */
export function recalculate(book: Book): void {
  const ev = new Evaluator(book);
  for (const sh of book.sheets) for (const [a, c] of sh.cells) if (c.f !== undefined) c.v = ev.cell(sh.name, a);
}
