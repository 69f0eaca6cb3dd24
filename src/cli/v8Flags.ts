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
// Allocation-site pretenuring (cells the reader makes allocated straight in the old generation once most of them are
// seen to survive) pays only on large sheets: deciding it throws the reader's compiled code away and compiles it again,
// twice. Off until a package that large is read (readingPackage): check's CPU at 5 000 fiche rows -2.9 %, 10 000 rows
// -1.6 %; left on, 100 000 rows would take 11 % more.
v8.setFlagsFromString("--no-allocation-site-pretenuring");

/** Unzipped bytes of a package from which its cells are pretenured (100 000 fiche rows: 250 MB; 10 000 rows: 25 MB). */
const PRETENURE_FROM_BYTES = 64 * 1024 * 1024;
let pretenuring = false;

/**
 * Told the unzipped size of a package about to be read; whether pretenuring is on for it. Once on, pretenuring stays on for the process (a batch's other
 * files too). Modules first loaded afterwards compile without the code cache (other flags): a few milliseconds, on a
 * read of seconds.
 */
export function readingPackage(unzippedBytes: number): boolean {
  if (pretenuring || unzippedBytes < PRETENURE_FROM_BYTES) return pretenuring;
  pretenuring = true;
  v8.setFlagsFromString("--allocation-site-pretenuring");
  return true;
}
