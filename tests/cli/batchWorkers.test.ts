// The batch's threads share one counter of files: every file is reported once, a worker that dies costs only the file
// it was on (the others go on, a new worker takes its place), and one that dies between its claim and its note of it
// costs nothing (the file is checked at the end). Workers here are stubs speaking checkWorker's protocol.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runChecks } from "../../src/cli/batch/runChecks";
import type { FileResult } from "../../src/cli/checkFile";
import { batchText } from "../../src/messages/cli";
import { FIXTURE_2022 } from "../support/fixtures";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-batch-workers-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const files = Array.from({ length: 24 }, (_, i) => path.join(tmp, `annexe-${i}.xlsx`));
beforeAll(() => {
  for (const f of files) fs.copyFileSync(FIXTURE_2022, f);
});

/** A stub worker: claims files like checkWorker, answers each after a short pause, and dies as `death` says. */
function stub(death: "after-note" | "before-note"): string {
  const file = path.join(tmp, `stub-${death}.js`);
  fs.writeFileSync(
    file,
    `const { parentPort, workerData: d } = require("worker_threads");
const c = new Int32Array(d.shared);
const pause = new Int32Array(new SharedArrayBuffer(4));
let claimed = 0;
for (let i = Atomics.add(c, 0, 1); i < d.files.length; i = Atomics.add(c, 0, 1)) {
  // Every worker dies on its second file: once it has noted it (${JSON.stringify("after-note")}) or just before.
  if (++claimed === 2 && ${JSON.stringify(death)} === "before-note") process.exit(70);
  Atomics.store(c, 1 + d.slot, i);
  if (claimed === 2) process.exit(70);
  Atomics.wait(pause, 0, 0, 30);
  parentPort.postMessage({ index: i, result: { file: d.files[i], report: null, error: "stub " + i } });
}
Atomics.store(c, 1 + d.slot, -1);
parentPort.close();
`,
  );
  return file;
}

async function run(death: "after-note" | "before-note"): Promise<Array<[number, FileResult]>> {
  const got: Array<[number, FileResult]> = [];
  await runChecks(files, (i, r) => void got.push([i, r]), { workers: 3, script: stub(death) });
  return got;
}

describe("a batch whose workers die", () => {
  test("a worker dying on a file costs that file only: every file reported once, the rest checked", async () => {
    const got = await run("after-note");
    expect(got.map(([i]) => i).sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
    const lost = got.filter(([, r]) => r.error === batchText.internalError(r.file));
    // Two workers at first, each dead on its second file, and each replaced while files were left.
    expect(lost.length).toBeGreaterThanOrEqual(2);
    for (const [i, r] of got) {
      expect(r.file).toBe(files[i]);
      if (lost.some(([k]) => k === i)) continue;
      // Checked by this thread (a real report) or answered by a stub before it died.
      expect(r.report !== null || r.error === `stub ${i}`).toBe(true);
    }
  }, 60000);

  test("a worker dying between its claim and noting it: the file is checked at the end, nothing is lost", async () => {
    const got = await run("before-note");
    expect(got.map(([i]) => i).sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
    // No file is reported as lost: the ones the dead workers had claimed were checked here afterwards.
    for (const [i, r] of got) expect(r.report !== null || r.error === `stub ${i}`).toBe(true);
    expect(got.filter(([, r]) => r.report !== null).length).toBeGreaterThan(0);
  }, 60000);
});
