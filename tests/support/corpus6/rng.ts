/** corpus6's seeded generator (xorshift128+ style over 32-bit words), forked per part so one more draw does not shift the rest. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, salt = "") {
    let h = 0x811c9dc5 ^ seed;
    for (const ch of `${seed}:${salt}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    this.a = h || 1;
    this.b = Math.imul(h, 0x9e3779b1) >>> 0 || 2;
    this.c = (h ^ 0xdeadbeef) >>> 0 || 3;
    this.d = (Math.imul(h, 0x85ebca6b) ^ seed) >>> 0 || 4;
    for (let i = 0; i < 12; i++) this.next();
  }
  /** sfc32: uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  fork(salt: string): Rng {
    return new Rng(Math.floor(this.next() * 2 ** 31), salt);
  }
}
