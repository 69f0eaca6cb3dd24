// Worker of a batch check: receives file names, answers each with its result (plain data).
// First: the modules below load through the code cache.
import "../codeCache";
import { parentPort, workerData } from "worker_threads";
import { checkFile } from "../checkFile";

const declared = (workerData as { declared?: number[] } | undefined)?.declared;
const mapping = (workerData as { mapping?: string } | undefined)?.mapping;
parentPort?.on("message", (msg: { index: number; file: string } | null) => {
  if (msg === null) {
    parentPort?.close();
    return;
  }
  void checkFile(msg.file, declared, mapping).then((result) => parentPort?.postMessage({ index: msg.index, result }));
});
