// Formula text -> expression tree, with Excel's precedence: negation binds tighter than ^ (-2^2 = 4), then %, ^,
// * /, + -, &, comparisons; every binary operator associates left. A formula the parser cannot read gives null.
import { tokenize, type Token } from "./tokens";

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: string }
  | { k: "ref"; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { k: "neg"; a: Node }
  | { k: "pct"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] }
  /** An argument left empty: ROUND(A1,) */
  | { k: "missing" };

export type RefNode = Extract<Node, { k: "ref" }>;

export interface Compiled {
  node: Node;
  /** Every reference of the formula, for the dependency walk. */
  refs: RefNode[];
}

const BINARY: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };
const PREFIX = 6;
/** Nesting deeper than this is no annex formula (Excel itself stops at 64 levels of functions). */
const MAX_DEPTH = 200;

class ParseError extends Error {}

class Parser {
  private i = 0;
  readonly refs: RefNode[] = [];
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  parseAll(): Node {
    const node = this.expr(0, 0);
    if (this.i !== this.toks.length) throw new ParseError();
    return node;
  }

  private expr(minPrec: number, depth: number): Node {
    if (depth > MAX_DEPTH) throw new ParseError();
    let left = this.prefix(depth);
    // A left-associative chain (D4+D5+…+D10003) is built in this loop, not by recursion.
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== "op") break;
      if (t.v === "%") {
        this.i++;
        left = { k: "pct", a: left };
        continue;
      }
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      this.i++;
      const right = this.expr(prec + 1, depth + 1);
      left = { k: "bin", op: t.v, a: left, b: right };
    }
    return left;
  }

  private prefix(depth: number): Node {
    const t = this.toks[this.i++];
    if (!t) throw new ParseError();
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "bool":
        return { k: "bool", v: t.v };
      case "err":
        return { k: "err", v: t.v };
      case "ref": {
        const node: RefNode = { k: "ref", sheet: t.sheet, r1: t.r1, c1: t.c1, r2: t.r2, c2: t.c2 };
        this.refs.push(node);
        return node;
      }
      case "op":
        if (t.v === "-" || t.v === "+") {
          const a = this.expr(PREFIX, depth + 1);
          return t.v === "-" ? { k: "neg", a } : a;
        }
        throw new ParseError();
      case "(": {
        const inner = this.expr(0, depth + 1);
        if (this.toks[this.i++]?.t !== ")") throw new ParseError();
        return inner;
      }
      case "func": {
        if (this.toks[this.i++]?.t !== "(") throw new ParseError();
        const args: Node[] = [];
        if (this.peek()?.t === ")") {
          this.i++;
          return { k: "call", name: t.v, args };
        }
        for (;;) {
          const n = this.peek();
          if (n?.t === "," || n?.t === ")") args.push({ k: "missing" });
          else args.push(this.expr(0, depth + 1));
          const sep = this.toks[this.i++];
          if (sep?.t === ")") break;
          if (sep?.t !== ",") throw new ParseError();
        }
        return { k: "call", name: t.v, args };
      }
      default:
        throw new ParseError();
    }
  }
}

/** The formula's tree and references, or null when it holds something the evaluator does not model. */
export function compile(formula: string): Compiled | null {
  const toks = tokenize(formula);
  if (toks.some((t) => t.t === "unsupported")) return null;
  const p = new Parser(toks);
  try {
    return { node: p.parseAll(), refs: p.refs };
  } catch (e) {
    if (e instanceof ParseError) return null;
    throw e;
  }
}
