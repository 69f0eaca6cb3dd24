// The batch's default thread count: one per core, whatever the load average of the machine that runs it.
import * as os from "os";
import { defaultWorkers } from "../../src/cli/batch/runChecks";

// A machine as busy as a shared build box: 40 runnable threads on average.
jest.mock("os", () => ({ ...jest.requireActual<typeof import("os")>("os"), loadavg: jest.fn(() => [40, 40, 40]) }));

const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
const saved = process.env.CDPPE_THREADS;
afterEach(() => {
  if (saved === undefined) delete process.env.CDPPE_THREADS;
  else process.env.CDPPE_THREADS = saved;
});

describe("default threads of a batch check", () => {
  test("a busy machine (high load average) still gets one thread per core, at most 8", () => {
    delete process.env.CDPPE_THREADS;
    expect(os.loadavg()[0]).toBe(40);
    expect(defaultWorkers(100)).toBe(Math.min(cores, 8));
  });

  test("never more threads than files, and one thread below four files", () => {
    process.env.CDPPE_THREADS = "6";
    expect(defaultWorkers(5)).toBe(5);
    expect(defaultWorkers(3)).toBe(1);
    expect(defaultWorkers(100)).toBe(6);
  });

  test("CDPPE_THREADS sets the count (2 on any machine)", () => {
    process.env.CDPPE_THREADS = "2";
    expect(defaultWorkers(100)).toBe(2);
  });
});
