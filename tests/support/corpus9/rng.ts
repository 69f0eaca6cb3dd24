/**
 * corpus9's dice: mulberry32 over a seed hashed with a topic name (FNV-1a), so each topic of an annex (money, words,
 * shape, file, fault) rolls its own dice and a new roll in one topic changes nothing in the others.
 */
function fnv(seed: number, topic: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of `${seed}:${topic}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h >>> 0;
}

export class Dice {
  private a: number;
  constructor(
    readonly seed: number,
    readonly topic: string,
  ) {
    this.a = fnv(seed, topic);
  }
  /** Uniform in [0, 1): mulberry32. */
  roll(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.roll() * (hi - lo + 1));
  }
  odds(p: number): boolean {
    return this.roll() < p;
  }
  oneOf<T>(xs: readonly T[]): T {
    if (!xs.length) throw new Error("corpus9: oneOf of nothing");
    return xs[Math.floor(this.roll() * xs.length)]!;
  }
  /** Weighted choice: [value, weight] pairs. */
  weigh<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((t, [, w]) => t + w, 0);
    let x = this.roll() * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  }
  mix<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.roll() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** A few of these, in their order. */
  some<T>(xs: readonly T[], n: number): T[] {
    const keep = new Set(this.mix(xs.map((_, i) => i)).slice(0, n));
    return xs.filter((_, i) => keep.has(i));
  }
}
