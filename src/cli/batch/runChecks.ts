// Checks many files on every core (worker threads) and hands each result back as soon as it is known.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import { checkFile, type FileResult } from "../checkFile";

export interface RunOptions {
  declared?: number[];
  mapping?: string;
  workers?: number;
}

/** Worker threads need the compiled JavaScript; under ts-jest (sources) the batch runs in this thread. */
function workerScript(): string | null {
  const p = path.join(__dirname, "checkWorker.js");
  return fs.existsSync(p) ? p : null;
}

/**
 * Threads checking files, this one included: one per core (CDPPE_THREADS overrides), never more than files, at most 8.
 * The load average does not lower it: a controller's machine is usually idle, where a thread fewer costs half the speed,
 * while on a busy machine a thread more only shares the cores the system already shares (one module load, ~0.1 s).
 */
export function defaultWorkers(files: number): number {
  const cores = Number(process.env.CDPPE_THREADS) || (typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
  // A worker costs a module load: below a few files, this thread alone is faster.
  if (files < 4) return 1;
  return Math.max(1, Math.min(cores, files, 8));
}

/**
 * A batch runs the same code over many small files in every thread: V8's optimising compiler then spends more CPU
 * compiling (and recompiling after each new file's shapes) than the optimised code saves. A tiering budget 15 times
 * V8's default (67 584) lets only the really hot functions be optimised: 100 copies of the 2022 annex on 2 threads
 * took 3.9 s of CPU, 2.7 s with it (a single big file gains or loses nothing measurable, so it is set for batches
 * only). Process-wide, read as each function's budget is set: the worker threads made next take it too.
 */
function lessOptimisingCompiler(): void {
  v8.setFlagsFromString("--interrupt-budget=1000000");
}

export async function runChecks(files: string[], onResult: (index: number, r: FileResult) => void, options: RunOptions = {}): Promise<void> {
  const count = options.workers ?? defaultWorkers(files.length);
  const script = workerScript();
  if (count <= 1 || files.length <= 1 || !script) {
    for (let i = 0; i < files.length; i++) onResult(i, await checkFile(files[i]!, options.declared, options.mapping));
    return;
  }
  lessOptimisingCompiler();
  const { Worker } = await import("worker_threads");
  const { batchText } = await import("../../messages/cli");
  let next = 0;
  let pending = files.length;
  await new Promise<void>((resolve) => {
    const workers = new Set<InstanceType<typeof Worker>>();
    const finish = (index: number, r: FileResult) => {
      onResult(index, r);
      pending--;
      if (pending === 0) {
        for (const x of workers) void x.terminate();
        resolve();
      }
    };
    const spawn = () => {
      const w = new Worker(script, { workerData: { declared: options.declared, mapping: options.mapping } });
      let current = -1;
      const feed = () => {
        if (next < files.length) {
          current = next++;
          w.postMessage({ index: current, file: files[current] });
        } else {
          current = -1;
          w.postMessage(null);
        }
      };
      workers.add(w);
      w.on("message", (m: { index: number; result: FileResult }) => {
        current = -1;
        finish(m.index, m.result);
        if (pending > 0) feed();
      });
      // A worker that dies (out of memory on one file) costs that file only: it is reported, a new worker goes on.
      w.on("error", () => undefined);
      w.on("exit", () => {
        workers.delete(w);
        if (current >= 0) {
          const lost = current;
          current = -1;
          finish(lost, { file: files[lost]!, report: null, error: batchText.internalError(files[lost]!) });
          if (next < files.length) spawn();
        }
      });
      feed();
    };
    // This thread takes its share from the same queue: on 2 cores, 1 worker + this thread.
    const local = async () => {
      while (next < files.length) {
        const index = next++;
        finish(index, await checkFile(files[index]!, options.declared, options.mapping));
        // Lets the workers' messages through between two files.
        await new Promise((r) => setImmediate(r));
      }
    };
    for (let k = 0; k < count - 1; k++) spawn();
    void local();
  });
}
