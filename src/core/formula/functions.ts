// The worksheet functions annexes use, with Excel's semantics: what a range ignores (text, blanks, nested SUBTOTALs,
// hidden rows), what a direct argument converts, which error comes out. A function not listed here makes the
// formula's value unknown.
import type { Node } from "./parse";
import {
  DIV0,
  NA,
  NUM,
  UNKNOWN,
  VALUE,
  compareScalars,
  isArea,
  isErr,
  isUnknown,
  roundTo,
  textToNumber,
  toBool,
  toNumber,
  toText,
  type Area,
  type Scalar,
  type Unknown,
  type Value,
} from "./values";

/** What a function may ask of the evaluator. */
export interface Env {
  eval(node: Node): Value;
  /** A value as one cell: an area by implicit intersection with the formula's row or column. */
  scalar(v: Value): Scalar | Unknown;
  /** Each cell of an area that holds something (blanks skipped), row by row; `visit` returns false to stop. */
  each(a: Area, visit: (v: Scalar | Unknown, row: number, col: number) => boolean | void): void;
  /** The value at one cell of an area's sheet (null: blank). */
  at(sheet: number, row: number, col: number): Scalar | Unknown;
  hiddenRow(sheet: number, row: number): boolean;
  /** The cell holds a SUBTOTAL or AGGREGATE formula (ignored by those functions, as Excel does). */
  subtotalCell(sheet: number, row: number, col: number): boolean;
}

type Fn = (args: Node[], env: Env) => Value;

const scalarArg = (env: Env, n: Node | undefined): Scalar | Unknown => (n === undefined || n.k === "missing" ? null : env.scalar(env.eval(n)));

function numArg(env: Env, n: Node | undefined): number | Scalar | Unknown {
  const v = scalarArg(env, n);
  return toNumber(v);
}

/** Running figures over the numbers of a list of arguments. */
class Tally {
  sum = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;
  product = 1;
  mean = 0;
  m2 = 0;
  /** `full`: more than the sum and count is needed (MIN, MAX, PRODUCT, AVERAGE, STDEV, VAR). */
  constructor(private readonly full: boolean) {}
  add(x: number): void {
    this.sum += x;
    this.count++;
    if (!this.full) return;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.product *= x;
    const d = x - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (x - this.mean);
  }
}

interface TallyOptions {
  nested?: boolean;
  hidden?: boolean;
  errors?: boolean;
}

/** Numbers of the arguments as SUM reads them: in ranges only numbers; direct values converted; first error wins. */
function tally(args: Node[], env: Env, opt: TallyOptions, full: boolean): Tally | Scalar | Unknown {
  const t = new Tally(full);
  let error: Scalar | null = null;
  let unknown = false;
  for (const n of args) {
    if (n.k === "missing") {
      t.add(0);
      continue;
    }
    const v = env.eval(n);
    if (isUnknown(v)) return UNKNOWN;
    if (isArea(v)) {
      env.each(v, (x, row, col) => {
        if (opt.nested && env.subtotalCell(v.sheet, row, col)) return;
        if (opt.hidden && env.hiddenRow(v.sheet, row)) return;
        if (isUnknown(x)) unknown = true;
        else if (typeof x === "number") t.add(x);
        else if (isErr(x) && !opt.errors && error === null) error = x;
      });
      continue;
    }
    const x = toNumber(v);
    if (isUnknown(x)) return UNKNOWN;
    if (typeof x === "number") t.add(x);
    else if (!opt.errors && error === null) error = x;
  }
  if (unknown) return UNKNOWN;
  return error ?? t;
}

type Reduce = (t: Tally) => Scalar;
const REDUCERS: Record<number, Reduce> = {
  1: (t) => (t.count ? t.sum / t.count : DIV0),
  2: (t) => t.count,
  4: (t) => (t.count ? t.max : 0),
  5: (t) => (t.count ? t.min : 0),
  6: (t) => (t.count ? t.product : 0),
  7: (t) => (t.count > 1 ? Math.sqrt(t.m2 / (t.count - 1)) : DIV0),
  8: (t) => (t.count ? Math.sqrt(t.m2 / t.count) : DIV0),
  9: (t) => t.sum,
  10: (t) => (t.count > 1 ? t.m2 / (t.count - 1) : DIV0),
  11: (t) => (t.count ? t.m2 / t.count : DIV0),
};

function aggregate(args: Node[], env: Env, which: number, opt: TallyOptions = {}): Value {
  const t = tally(args, env, opt, which !== 9 && which !== 2);
  if (!(t instanceof Tally)) return t;
  return REDUCERS[which]!(t);
}

/** COUNTA over arguments (cells holding anything, "" included); COUNT of numbers. */
function count(args: Node[], env: Env, any: boolean, opt: TallyOptions = {}): Value {
  let n = 0;
  let unknown = false;
  for (const a of args) {
    if (a.k === "missing") {
      if (any) n++;
      continue;
    }
    const v = env.eval(a);
    if (isUnknown(v)) return UNKNOWN;
    if (isArea(v)) {
      env.each(v, (x, row, col) => {
        if (opt.nested && env.subtotalCell(v.sheet, row, col)) return;
        if (opt.hidden && env.hiddenRow(v.sheet, row)) return;
        if (isUnknown(x)) unknown = true;
        else if (any ? x !== null : typeof x === "number") n++;
      });
    } else if (any) n++;
    else if (typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && typeof textToNumber(v) === "number")) n++;
  }
  return unknown ? UNKNOWN : n;
}

function subtotal(args: Node[], env: Env): Value {
  const f = numArg(env, args[0]);
  if (typeof f !== "number") return isUnknown(f) ? f : VALUE;
  const code = Math.trunc(f);
  const base = code > 100 ? code - 100 : code;
  if (base < 1 || base > 11 || (code > 11 && code < 101) || code > 111) return VALUE;
  const rest = args.slice(1);
  if (rest.some((a) => a.k !== "ref")) return UNKNOWN;
  // 1-11 count rows hidden by hand but not rows a filter hides; the snapshot cannot tell them apart.
  const opt = { nested: true, hidden: code > 100 };
  if (base === 2 || base === 3) return count(rest, env, base === 3, opt);
  return aggregate(rest, env, base, opt);
}

/** AGGREGATE(function 1-11, options 0-7, refs…): options 0-3 skip nested subtotals, odd ones hidden rows, 2/3/6/7 errors. */
function aggregateFn(args: Node[], env: Env): Value {
  const f = numArg(env, args[0]);
  const o = numArg(env, args[1]);
  if (typeof f !== "number" || typeof o !== "number") return isUnknown(f) || isUnknown(o) ? UNKNOWN : VALUE;
  const base = Math.trunc(f);
  const opts = Math.trunc(o);
  if (base < 1 || base > 11 || opts < 0 || opts > 7) return base > 11 ? UNKNOWN : VALUE;
  const rest = args.slice(2);
  if (rest.some((a) => a.k !== "ref")) return UNKNOWN;
  const opt = { nested: opts <= 3, hidden: opts % 2 === 1, errors: [2, 3, 6, 7].includes(opts) };
  if (base === 2 || base === 3) return count(rest, env, base === 3, opt);
  return aggregate(rest, env, base, opt);
}

function round(mode: "near" | "up" | "down"): Fn {
  return (args, env) => {
    if (args.length < 1 || args.length > 2) return VALUE;
    const x = numArg(env, args[0]);
    if (typeof x !== "number") return x;
    const d = args.length > 1 ? numArg(env, args[1]) : 0;
    if (typeof d !== "number") return d;
    return roundTo(x, d, mode);
  };
}

function math1(f: (x: number) => number | Scalar): Fn {
  return (args, env) => {
    if (args.length !== 1) return VALUE;
    const x = numArg(env, args[0]);
    return typeof x === "number" ? f(x) : x;
  };
}

function logical(args: Node[], env: Env, and: boolean): Value {
  let seen = false;
  let acc = and;
  let unknown = false;
  for (const a of args) {
    const v = a.k === "missing" ? false : env.eval(a);
    if (isUnknown(v)) return UNKNOWN;
    if (isArea(v)) {
      let error: Scalar | null = null;
      env.each(v, (x) => {
        if (isUnknown(x)) unknown = true;
        else if (isErr(x)) error ??= x;
        else if (typeof x === "number" || typeof x === "boolean") {
          seen = true;
          acc = and ? acc && !!x : acc || !!x;
        }
      });
      if (error) return error;
      continue;
    }
    const b = toBool(v);
    if (typeof b !== "boolean") return b;
    seen = true;
    acc = and ? acc && b : acc || b;
  }
  if (unknown) return UNKNOWN;
  return seen ? acc : VALUE;
}

/** A SUMIF/COUNTIF criterion as a test on a cell's value. */
export function criterion(c: Scalar): ((v: Scalar) => boolean) | Unknown {
  if (c === null) return (v) => v === null || v === 0;
  if (typeof c === "number" || typeof c === "boolean") return (v) => v === c;
  if (typeof c !== "string") return () => false;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(c)!;
  const op = m[1] ?? "=";
  const rest = m[2]!;
  const asNumber = rest.trim() === "" ? null : textToNumber(rest);
  if (isUnknown(asNumber)) return UNKNOWN;
  if (typeof asNumber === "number") {
    const n = asNumber;
    return (v) => {
      if (typeof v !== "number") return op === "<>";
      const cmp = v < n ? -1 : v > n ? 1 : 0;
      return test(op, cmp);
    };
  }
  if (rest === "" && op === "=") return (v) => v === null || (m[1] === undefined && v === "");
  if (rest === "" && op === "<>") return (v) => v !== null;
  const up = rest.toUpperCase();
  if (rest === "TRUE" || rest === "FALSE" || up === "TRUE" || up === "FALSE") {
    const b = up === "TRUE";
    return (v) => (typeof v === "boolean" ? test(op, v === b ? 0 : v ? 1 : -1) : op === "<>");
  }
  if (op === "=" || op === "<>") {
    const re = wildcard(rest);
    return (v) => {
      const hit = typeof v === "string" && re.test(v);
      return op === "=" ? hit : !hit;
    };
  }
  return (v) => typeof v === "string" && test(op, compareScalars(v, rest));
}

function test(op: string, cmp: number): boolean {
  switch (op) {
    case "<":
      return cmp < 0;
    case ">":
      return cmp > 0;
    case "<=":
      return cmp <= 0;
    case ">=":
      return cmp >= 0;
    case "<>":
      return cmp !== 0;
    default:
      return cmp === 0;
  }
}

function wildcard(pattern: string): RegExp {
  let src = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "~" && i + 1 < pattern.length) src += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") src += "[\\s\\S]*";
    else if (ch === "?") src += "[\\s\\S]";
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${src}$`, "i");
}

/** SUMIFS/COUNTIFS core: rows of the criteria areas that match every criterion, as offsets in the first area. */
function matches(pairs: Array<[Area, (v: Scalar) => boolean]>, env: Env, visit: (dr: number, dc: number) => void): Unknown | null {
  const [a0] = pairs[0]!;
  const h = a0.r2 - a0.r1;
  const w = a0.c2 - a0.c1;
  for (const [a] of pairs) if (a.r2 - a.r1 !== h || a.c2 - a.c1 !== w) return UNKNOWN;
  // Whole columns: only rows that hold something can match a non-blank criterion; blank criteria are left unknown.
  for (let dr = 0; dr <= h; dr++) {
    for (let dc = 0; dc <= w; dc++) {
      let ok = true;
      for (const [a, t] of pairs) {
        const v = env.at(a.sheet, a.r1 + dr, a.c1 + dc);
        if (isUnknown(v)) return UNKNOWN;
        if (!t(v)) {
          ok = false;
          break;
        }
      }
      if (ok) visit(dr, dc);
    }
    if (h > 200000) return UNKNOWN;
  }
  return null;
}

function sumIfs(sumArea: Area, pairs: Array<[Area, (v: Scalar) => boolean]>, env: Env, countOnly: boolean): Value {
  let sum = 0;
  let n = 0;
  let error: Scalar | null = null;
  let unknown = false;
  const r = matches(pairs, env, (dr, dc) => {
    n++;
    if (countOnly) return;
    const v = env.at(sumArea.sheet, sumArea.r1 + dr, sumArea.c1 + dc);
    if (isUnknown(v)) unknown = true;
    else if (typeof v === "number") sum += v;
    else if (isErr(v)) error ??= v;
  });
  if (r || unknown) return UNKNOWN;
  if (countOnly) return n;
  return error ?? sum;
}

function criteriaPairs(args: Node[], env: Env): Array<[Area, (v: Scalar) => boolean]> | Unknown | Scalar {
  const pairs: Array<[Area, (v: Scalar) => boolean]> = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const a = env.eval(args[i]!);
    if (!isArea(a)) return isUnknown(a) ? a : VALUE;
    if (a.r2 - a.r1 > 200000) return UNKNOWN;
    const c = scalarArg(env, args[i + 1]);
    if (isUnknown(c)) return c;
    const t = criterion(c);
    if (isUnknown(t)) return t;
    pairs.push([a, t]);
  }
  return pairs;
}

function sumIf(args: Node[], env: Env): Value {
  if (args.length < 2 || args.length > 3) return VALUE;
  const pairs = criteriaPairs(args.slice(0, 2), env);
  if (!Array.isArray(pairs)) return pairs;
  const [range] = pairs[0]!;
  let sumArea = range;
  if (args.length === 3 && args[2]!.k !== "missing") {
    const s = env.eval(args[2]!);
    if (!isArea(s)) return isUnknown(s) ? s : VALUE;
    // The sum range takes the criteria range's shape from its top-left cell, as Excel does.
    sumArea = { ...s, r2: s.r1 + range.r2 - range.r1, c2: s.c1 + range.c2 - range.c1 };
  }
  return sumIfs(sumArea, pairs, env, false);
}

function sumIfsFn(args: Node[], env: Env): Value {
  if (args.length < 3 || args.length % 2 === 0) return VALUE;
  const s = env.eval(args[0]!);
  if (!isArea(s)) return isUnknown(s) ? s : VALUE;
  const pairs = criteriaPairs(args.slice(1), env);
  if (!Array.isArray(pairs)) return pairs;
  const [a] = pairs[0]!;
  if (s.r2 - s.r1 !== a.r2 - a.r1 || s.c2 - s.c1 !== a.c2 - a.c1) return VALUE;
  return sumIfs(s, pairs, env, false);
}

function countIfs(args: Node[], env: Env): Value {
  if (args.length < 2 || args.length % 2 === 1) return VALUE;
  const pairs = criteriaPairs(args, env);
  if (!Array.isArray(pairs)) return pairs;
  return sumIfs(pairs[0]![0], pairs, env, true);
}

/** SUMPRODUCT over ranges of one shape (array expressions are not modelled: unknown). */
function sumProduct(args: Node[], env: Env): Value {
  const areas: Area[] = [];
  for (const a of args) {
    const v = a.k === "ref" ? env.eval(a) : UNKNOWN;
    if (!isArea(v)) return UNKNOWN;
    areas.push(v);
  }
  if (!areas.length) return VALUE;
  const h = areas[0]!.r2 - areas[0]!.r1;
  const w = areas[0]!.c2 - areas[0]!.c1;
  if (areas.some((a) => a.r2 - a.r1 !== h || a.c2 - a.c1 !== w)) return VALUE;
  if (h > 200000) return UNKNOWN;
  let sum = 0;
  for (let dr = 0; dr <= h; dr++)
    for (let dc = 0; dc <= w; dc++) {
      let p = 1;
      for (const a of areas) {
        const v = env.at(a.sheet, a.r1 + dr, a.c1 + dc);
        if (isUnknown(v)) return UNKNOWN;
        if (isErr(v)) return v;
        p *= typeof v === "number" ? v : 0;
      }
      sum += p;
    }
  return sum;
}

function isFn(test: (v: Scalar) => boolean): Fn {
  return (args, env) => {
    if (args.length !== 1) return VALUE;
    const v = scalarArg(env, args[0]);
    return isUnknown(v) ? v : test(v);
  };
}

function ifFn(args: Node[], env: Env): Value {
  if (args.length < 1 || args.length > 3) return VALUE;
  const c = toBool(scalarArg(env, args[0]));
  if (typeof c !== "boolean") return c;
  const branch = c ? args[1] : args[2];
  if (branch === undefined) return c ? 0 : false;
  if (branch.k === "missing") return 0;
  return env.eval(branch);
}

function ifError(onlyNa: boolean): Fn {
  return (args, env) => {
    if (args.length !== 2) return VALUE;
    const v = scalarArg(env, args[0]);
    if (isUnknown(v)) return v;
    if (isErr(v) && (!onlyNa || v.error === "#N/A")) return args[1]!.k === "missing" ? 0 : env.eval(args[1]!);
    return v;
  };
}

/** Exact-match position of a value in a one-row or one-column area (1-based), or #N/A. */
function exactIndex(x: Scalar, a: Area, env: Env, vertical: boolean): number | Scalar | Unknown {
  if (typeof x === "string" && /[*?~]/.test(x)) return UNKNOWN;
  const n = vertical ? a.r2 - a.r1 : a.c2 - a.c1;
  if (n > 200000) return UNKNOWN;
  for (let i = 0; i <= n; i++) {
    const v = vertical ? env.at(a.sheet, a.r1 + i, a.c1) : env.at(a.sheet, a.r1, a.c1 + i);
    if (isUnknown(v)) return UNKNOWN;
    if (v === null || isErr(v) || x === null || isErr(x)) continue;
    if (typeof v === typeof x && compareScalars(v, x) === 0) return i + 1;
  }
  return NA;
}

function match(args: Node[], env: Env): Value {
  if (args.length < 2 || args.length > 3) return VALUE;
  const x = scalarArg(env, args[0]);
  if (isUnknown(x) || isErr(x)) return x;
  const a = env.eval(args[1]!);
  if (!isArea(a)) return isUnknown(a) ? a : NA;
  const type = args.length > 2 ? numArg(env, args[2]) : 1;
  if (type !== 0) return UNKNOWN;
  if (a.r1 !== a.r2 && a.c1 !== a.c2) return NA;
  return exactIndex(x, a, env, a.c1 === a.c2 && a.r1 !== a.r2);
}

function vlookup(args: Node[], env: Env): Value {
  if (args.length < 3 || args.length > 4) return VALUE;
  const x = scalarArg(env, args[0]);
  if (isUnknown(x) || isErr(x)) return x;
  const a = env.eval(args[1]!);
  if (!isArea(a)) return isUnknown(a) ? a : VALUE;
  const col = numArg(env, args[2]);
  if (typeof col !== "number") return col;
  const exact = args.length > 3 ? toBool(scalarArg(env, args[3])) : true;
  // Approximate match depends on Excel's binary search over sorted data: not modelled.
  if (exact !== false) return isErr(exact) ? exact : UNKNOWN;
  const c = Math.trunc(col);
  if (c < 1) return VALUE;
  if (a.c1 + c - 1 > a.c2) return { error: "#REF!" };
  const i = exactIndex(x, { ...a, c2: a.c1 }, env, true);
  if (typeof i !== "number") return i;
  return env.at(a.sheet, a.r1 + i - 1, a.c1 + c - 1) ?? 0;
}

function index(args: Node[], env: Env): Value {
  if (args.length < 2 || args.length > 3) return VALUE;
  const a = env.eval(args[0]!);
  if (!isArea(a)) return UNKNOWN;
  const r = numArg(env, args[1]);
  const c = args.length > 2 ? numArg(env, args[2]) : 0;
  if (typeof r !== "number") return r;
  if (typeof c !== "number") return c;
  let ri = Math.trunc(r);
  let ci = Math.trunc(c);
  if (ri < 0 || ci < 0) return VALUE;
  // One row or one column: a single index counts along it.
  if (args.length === 2 && a.r1 === a.r2 && a.c1 !== a.c2) {
    ci = ri;
    ri = 1;
  }
  if (ri === 0 || (ci === 0 && a.c1 !== a.c2)) return UNKNOWN;
  if (ci === 0) ci = 1;
  if (a.r1 + ri - 1 > a.r2 || a.c1 + ci - 1 > a.c2) return { error: "#REF!" };
  return { area: true, sheet: a.sheet, r1: a.r1 + ri - 1, c1: a.c1 + ci - 1, r2: a.r1 + ri - 1, c2: a.c1 + ci - 1 };
}

function concat(args: Node[], env: Env): Value {
  let s = "";
  for (const a of args) {
    const v = scalarArg(env, a);
    const t = toText(v);
    if (typeof t !== "string") return t;
    s += t;
  }
  return s;
}

function nFn(args: Node[], env: Env): Value {
  if (args.length !== 1) return VALUE;
  let v: Value = env.eval(args[0]!);
  // N of a range reads its first cell.
  if (isArea(v)) v = env.at(v.sheet, v.r1, v.c1);
  if (isUnknown(v) || isErr(v)) return v;
  return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
}

function valueFn(args: Node[], env: Env): Value {
  if (args.length !== 1) return VALUE;
  const v = scalarArg(env, args[0]);
  if (typeof v === "string") return textToNumber(v);
  if (v === null) return 0;
  return typeof v === "boolean" ? VALUE : v;
}

function binaryNum(f: (x: number, y: number) => number | Scalar): Fn {
  return (args, env) => {
    if (args.length !== 2) return VALUE;
    const x = numArg(env, args[0]);
    if (typeof x !== "number") return x;
    const y = numArg(env, args[1]);
    if (typeof y !== "number") return y;
    return f(x, y);
  };
}

export const FUNCTIONS: Record<string, Fn> = {
  SUM: (a, e) => aggregate(a, e, 9),
  AVERAGE: (a, e) => aggregate(a, e, 1),
  MIN: (a, e) => aggregate(a, e, 5),
  MAX: (a, e) => aggregate(a, e, 4),
  PRODUCT: (a, e) => aggregate(a, e, 6),
  COUNT: (a, e) => count(a, e, false),
  COUNTA: (a, e) => count(a, e, true),
  SUBTOTAL: subtotal,
  AGGREGATE: aggregateFn,
  ROUND: round("near"),
  ROUNDUP: round("up"),
  ROUNDDOWN: round("down"),
  INT: math1((x) => Math.floor(x)),
  TRUNC: (a, e) => (a.length === 1 ? round("down")([a[0]!], e) : round("down")(a, e)),
  ABS: math1((x) => Math.abs(x)),
  SIGN: math1((x) => Math.sign(x)),
  SQRT: math1((x) => (x < 0 ? NUM : Math.sqrt(x))),
  MOD: binaryNum((x, y) => (y === 0 ? DIV0 : x - y * Math.floor(x / y))),
  POWER: binaryNum((x, y) => power(x, y)),
  IF: ifFn,
  IFERROR: ifError(false),
  IFNA: ifError(true),
  ISERROR: isFn((v) => isErr(v)),
  ISERR: isFn((v) => isErr(v) && v.error !== "#N/A"),
  ISNA: isFn((v) => isErr(v) && v.error === "#N/A"),
  ISBLANK: isFn((v) => v === null),
  ISNUMBER: isFn((v) => typeof v === "number"),
  ISTEXT: isFn((v) => typeof v === "string"),
  ISLOGICAL: isFn((v) => typeof v === "boolean"),
  AND: (a, e) => logical(a, e, true),
  OR: (a, e) => logical(a, e, false),
  NOT: (a, e) => {
    if (a.length !== 1) return VALUE;
    const b = toBool(scalarArg(e, a[0]));
    return typeof b === "boolean" ? !b : b;
  },
  TRUE: (a) => (a.length ? VALUE : true),
  FALSE: (a) => (a.length ? VALUE : false),
  SUMIF: sumIf,
  SUMIFS: sumIfsFn,
  COUNTIF: countIfs,
  COUNTIFS: countIfs,
  SUMPRODUCT: sumProduct,
  N: nFn,
  VALUE: valueFn,
  MATCH: match,
  VLOOKUP: vlookup,
  INDEX: index,
  CONCATENATE: concat,
  CONCAT: (a, e) => (a.some((x) => x.k === "ref" && (x.r1 !== x.r2 || x.c1 !== x.c2)) ? UNKNOWN : concat(a, e)),
};

/** x^y as Excel gives it: 0^0 and roots of negatives are #NUM!, 0^negative #DIV/0!. */
export function power(x: number, y: number): number | Scalar {
  if (x === 0 && y === 0) return NUM;
  if (x === 0 && y < 0) return DIV0;
  const r = Math.pow(x, y);
  return Number.isFinite(r) ? r : NUM;
}
