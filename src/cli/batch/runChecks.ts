// Checks many files on every core (worker threads) and hands each result back as soon as it is known.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkFile, type FileResult } from "../checkFile";

export interface RunOptions {
  declared?: number[];
  mapping?: string;
  workers?: number;
  /** A worker script speaking checkWorker's protocol (tests: a worker that dies on purpose). */
  script?: string;
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

export async function runChecks(files: string[], onResult: (index: number, r: FileResult) => void, options: RunOptions = {}): Promise<void> {
  const count = options.workers ?? defaultWorkers(files.length);
  const script = options.script ?? workerScript();
  if (count <= 1 || files.length <= 1 || !script) {
    for (let i = 0; i < files.length; i++) onResult(i, await checkFile(files[i]!, options.declared, options.mapping));
    return;
  }
  const { Worker } = await import("worker_threads");
  const { batchText } = await import("../../messages/cli");
  // Every thread claims its next file from one shared counter: a worker done with a file starts the next at once,
  // without waiting for this thread (busy checking a file of its own) to hand it one. [1 + slot]: each worker's file.
  const shared = new SharedArrayBuffer(4 * (1 + count));
  const counters = new Int32Array(shared);
  counters.fill(-1, 1);
  const claim = () => Atomics.add(counters, 0, 1);
  const left = () => Atomics.load(counters, 0) < files.length;
  const known = new Set<number>();
  await new Promise<void>((resolve) => {
    const workers = new Set<InstanceType<typeof Worker>>();
    const finish = (index: number, r: FileResult) => {
      if (known.has(index)) return;
      known.add(index);
      onResult(index, r);
      if (known.size === files.length) {
        for (const x of workers) void x.terminate();
        resolve();
      }
    };
    const spawn = (slot: number) => {
      Atomics.store(counters, 1 + slot, -1);
      const w = new Worker(script, { workerData: { files, shared, slot, declared: options.declared, mapping: options.mapping } });
      workers.add(w);
      w.on("message", (m: { index: number; result: FileResult }) => finish(m.index, m.result));
      // A worker that dies (out of memory on one file) costs that file only: it is reported, a new worker goes on.
      w.on("error", () => undefined);
      w.on("exit", () => {
        workers.delete(w);
        const lost = Atomics.load(counters, 1 + slot);
        if (lost >= 0 && !known.has(lost)) {
          finish(lost, { file: files[lost]!, report: null, error: batchText.internalError(files[lost]!) });
          if (left()) spawn(slot);
        }
        void sweep();
      });
    };
    // Once this thread has run out of files and no worker is left, a file claimed by a worker that died before
    // saying which (between its claim and its slot) is checked here: every file is reported, and the batch ends.
    let localDone = false;
    let swept = false;
    const sweep = async () => {
      if (!localDone || workers.size > 0 || swept || known.size === files.length) return;
      swept = true;
      for (let i = 0; i < files.length; i++) if (!known.has(i)) finish(i, await checkFile(files[i]!, options.declared, options.mapping));
    };
    // This thread takes its share from the same counter: on 2 cores, 1 worker + this thread.
    const local = async () => {
      for (let index = claim(); index < files.length; index = claim()) {
        finish(index, await checkFile(files[index]!, options.declared, options.mapping));
        // Lets the workers' results through between two files: they are written as soon as they are known.
        await new Promise((r) => setImmediate(r));
      }
      localDone = true;
      await sweep();
    };
    for (let k = 0; k < count - 1; k++) spawn(k);
    void local();
  });
}
