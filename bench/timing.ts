// Median of a few runs, in milliseconds: one slow run (GC, JIT warm-up) does not decide the figure.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function time<T>(fn: () => T, runs = 5): { ms: number; result: T } {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(times), result };
}

export async function timeAsync<T>(fn: () => Promise<T>, runs = 3): Promise<{ ms: number; result: T }> {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(times), result };
}

export function row(cells: Array<string | number>, widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i] ?? 10)).join("  ");
}

/**
 * Least time on the clock of a few runs, GC run before each when exposed: the work of this thread alone. CPU time counts
 * the collector's helper threads too, whose share grows with the heap a run keeps (the doubling guards read it as a
 * step that is not linear when the step itself is).
 */
export function leastWallTime<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  const gc = (globalThis as { gc?: () => void }).gc;
  let result!: T;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = process.hrtime.bigint();
    result = fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: best, result };
}
