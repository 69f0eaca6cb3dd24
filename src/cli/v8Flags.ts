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
