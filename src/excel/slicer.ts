// Long loops of the adapter give the pane's thread back every few tens of milliseconds: Excel's pane must answer the
// user while an add-year of 10 000 rows is prepared, written or undone (issue 15: never blocked more than 100 ms).
// A loop asks `due` (cheap) and awaits `next()` only when its slice of time is spent, so small plans never wait.

/**
 * Time a loop may hold the thread before it yields. Well under the 100 ms goal: a garbage collection landing in a slice
 * (tens of ms in a pane whose heap holds a 10 000-row workbook) must still leave the task under it.
 */
export const SLICE_MS = 12;

const clock = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** A new task: input, drawing and Office.js answers run in between. */
const nextTask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Slicer {
  private start = clock();
  constructor(private readonly ms = SLICE_MS) {}

  /** Whether this slice's time is spent. */
  get due(): boolean {
    return clock() - this.start >= this.ms;
  }

  /** Lets the thread run other tasks (input, drawing, Office.js answers), then starts a new slice. */
  async next(): Promise<void> {
    await nextTask();
    this.start = clock();
  }

  /** Yields if due: `await sl.check()` in a loop. */
  async check(): Promise<void> {
    if (this.due) await this.next();
  }
}

/** Runs a generator that yields at safe points to completion, giving the thread back whenever a slice is spent. */
export async function drive<T>(steps: Generator<unknown, T>, sl: Slicer): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (sl.due) await sl.next();
  }
}

/** Runs it at once, with no yield (callers that need the answer synchronously). */
export function runAll<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
