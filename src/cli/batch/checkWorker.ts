// Worker of a batch check: takes the next file from the counter it shares with every thread of the batch, answers
// each with its result (plain data), and closes when none is left.
// First: the modules below load through the code cache.
import "../codeCache";
import { parentPort, workerData } from "worker_threads";
import { checkFile } from "../checkFile";

interface BatchData {
  files: string[];
  /** [0]: the next file's index, claimed by Atomics.add; [1 + slot]: the file this worker is on (-1: none). */
  shared: SharedArrayBuffer;
  slot: number;
  declared?: number[];
  mapping?: string;
}

async function work(d: BatchData): Promise<void> {
  const counters = new Int32Array(d.shared);
  for (let index = Atomics.add(counters, 0, 1); index < d.files.length; index = Atomics.add(counters, 0, 1)) {
    Atomics.store(counters, 1 + d.slot, index);
    const result = await checkFile(d.files[index]!, d.declared, d.mapping);
    parentPort?.postMessage({ index, result });
  }
  Atomics.store(counters, 1 + d.slot, -1);
  parentPort?.close();
}

void work(workerData as BatchData);
