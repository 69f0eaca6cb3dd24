// Whole commands as a user runs them: a child `node bin/cdppe.js …` timed from outside, its CPU and peak memory
// read from inside (rssHook.js), beside the floor (floor.js) run the same way on the same file.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { median } from "./timing";

export interface RunFigures {
  ms: number;
  userMs: number;
  systemMs: number;
  maxRssMb: number;
  status: number | null;
  timedOut?: boolean;
}

/** A command still running after this is stopped and reported as such (BENCH_TIMEOUT seconds, default 150). */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT ?? 150) * 1000;

const ROOT = path.resolve(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "cdppe.js");
const HOOK = path.join(__dirname, "rssHook.js");
const FLOOR = path.join(__dirname, "floor.js");
const REZIP = path.join(__dirname, "rezipFloor.js");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-bench-run-"));
let serial = 0;

export function cleanUp(): void {
  fs.rmSync(scratch, { recursive: true, force: true });
}

function runOnce(script: string, args: string[], env: NodeJS.ProcessEnv = {}): RunFigures {
  const usageFile = path.join(scratch, `usage-${++serial}.json`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", HOOK, script, ...args], {
    env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 << 20,
    timeout: TIMEOUT_MS,
    killSignal: "SIGKILL",
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT")
    return { ms, userMs: NaN, systemMs: NaN, maxRssMb: NaN, status: null, timedOut: true };
  if (r.status === null || r.status >= 2)
    throw new Error(`${path.basename(script)} ${args.join(" ")} failed (${r.status ?? r.signal}): ${r.stderr?.toString().slice(0, 2000)}`);
  const u = JSON.parse(fs.readFileSync(usageFile, "utf8")) as { userMs: number; systemMs: number; maxRssKb: number };
  fs.rmSync(usageFile, { force: true });
  return { ms, userMs: u.userMs, systemMs: u.systemMs, maxRssMb: u.maxRssKb / 1024, status: r.status };
}

export type CommandName = "floor" | "rezip" | "check" | "fill" | "add-year" | "help";

function argsOf(command: CommandName, file: string): { script: string; args: string[]; output?: string } {
  if (command === "floor") return { script: FLOOR, args: [file] };
  if (command === "rezip") return { script: REZIP, args: [file] };
  if (command === "help") return { script: BIN, args: ["--help"] };
  if (command === "check") return { script: BIN, args: ["check", file] };
  const output = path.join(scratch, `out-${++serial}.xlsx`);
  return { script: BIN, args: [command, file, "-o", output], output };
}

/** Median of `runs` runs after `warmUps` discarded ones. */
export function measure(command: CommandName, file: string, runs: number, warmUps: number): RunFigures {
  const all: RunFigures[] = [];
  for (let i = 0; i < warmUps + runs; i++) {
    const { script, args, output } = argsOf(command, file);
    const f = runOnce(script, args);
    if (output) fs.rmSync(output, { force: true });
    if (f.timedOut) return f;
    if (i >= warmUps) all.push(f);
  }
  const pick = (k: "ms" | "userMs" | "systemMs" | "maxRssMb") => median(all.map((x) => x[k]));
  return { ms: pick("ms"), userMs: pick("userMs"), systemMs: pick("systemMs"), maxRssMb: pick("maxRssMb"), status: all[0]!.status };
}

/** `cdppe check` over many files at once (a controller's folder); `threads` sets CDPPE_THREADS (else the default). */
export function measureBatch(files: string[], threads?: number): RunFigures {
  const env: NodeJS.ProcessEnv = {};
  if (threads === undefined) env.CDPPE_THREADS = "";
  else env.CDPPE_THREADS = String(threads);
  return runOnce(BIN, ["check", ...files], env);
}
