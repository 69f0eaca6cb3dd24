// V8's flags for every command, set before any of our modules is compiled: first thing src/cli/codeCache.ts does (the
// cache is built under them, and V8 rejects a cache made under other flags); process-wide, so a batch's worker threads
// take them too. bench/rulesShare.ts sets them the same way, to split the CPU of the check the CLI runs.
//
// A command lives 0.2 to 10 s: at V8's default tiering budget (67 584) its optimising compiler spends, on other threads,
// more CPU compiling functions than their optimised code then saves (on the 2022 annex, 22 functions compiled for 46 ms
// in a 190 ms check). A budget 15 times that lets only the really hot ones be compiled: check's CPU on the 2022 annex
// 0.188 -> 0.153 s, 5 000 rows 1.18 -> 0.96 s, 10 000 rows 1.55 -> 1.40 s; 100 000 rows about even.
import * as v8 from "v8";

v8.setFlagsFromString("--interrupt-budget=1000000");
// Until a large package is read (readingPackage), two settings for the heap of a few hundred megabytes at most that a
// check of some thousand fiche rows builds and keeps to its end:
// - no allocation-site pretenuring (cells the reader makes allocated straight in the old generation once most of them
//   are seen to survive): deciding it threw the reader's compiled code away and compiled it again, twice; check's CPU
//   at 5 000 fiche rows -2.9 %, 10 000 rows -1.6 % (left on for 100 000 rows, which it spares 11 %);
// - the old generation allowed to grow twentyfold between full collections instead of V8's 1.1 to 4 times: the
//   snapshot is read without a full collection (one, 17 ms at 5 000 rows, marked the whole snapshot only to find it
//   alive); CPU at 5 000 rows -4.3 %, 10 000 rows -1.5 %, 20 000 rows -2 %, peak memory +10 MB at most.
v8.setFlagsFromString("--no-allocation-site-pretenuring");
v8.setFlagsFromString("--heap-growing-percent=1900");

/** Unzipped bytes of a package read with V8's own heap settings (100 000 fiche rows: 250 MB; 20 000 rows: 55 MB). */
const LARGE_PACKAGE_BYTES = 64 * 1024 * 1024;
let largePackage = false;

/**
 * Told the unzipped size of a package about to be read; whether V8's own heap settings are back for it. Once back, they
 * stay for the process (a batch's other files too). Modules first loaded afterwards compile without the code cache
 * (other flags): a few milliseconds, on a read of seconds.
 */
export function readingPackage(unzippedBytes: number): boolean {
  if (largePackage || unzippedBytes < LARGE_PACKAGE_BYTES) return largePackage;
  largePackage = true;
  // (0: V8's own growing factor, which keeps a heap of gigabytes within twice the data it holds.)
  v8.setFlagsFromString("--allocation-site-pretenuring");
  v8.setFlagsFromString("--heap-growing-percent=0");
  return true;
}
