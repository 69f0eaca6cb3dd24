// Preloaded into each timed child (node -r rssHook.js ...): at exit, writes its CPU times and peak memory (maxRSS)
// to the file named by BENCH_USAGE_FILE, so the bench reads the child's own figures, start-up included.
import * as fs from "fs";

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}
