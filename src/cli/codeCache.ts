// V8 code cache for the CLI's own compiled modules and the dependencies they load (Node 20 has no
// module.enableCompileCache). Half of a small check's CPU went to V8 parsing and compiling our functions on first use;
// `npm run build:cli` runs the CLI once over the sample annex and keeps, per module, the code V8 compiled (top level
// and every function used), so a run starts from it. Imported for its effect, first, by bin/cdppe.js and by the batch
// worker. Nothing happens without a cache directory (sources under ts-jest, a build without one); a cache V8 rejects
// (other Node version or flags) is ignored.
// First: the flags the cached code is compiled under.
import "./v8Flags";
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";

/** The compiled tree (build/node). */
const ROOT = path.resolve(__dirname, "..");
/** Cached too: the dependencies our modules load (commander, on every command: 3 ms of the 2022 annex's check). */
const DEPENDENCY = `${path.sep}node_modules${path.sep}`;
export const CACHE_DIR = path.join(ROOT, ".code-cache");
/** Set by the build (scripts/codeCache.js): each module's cache is written at exit, the biggest one kept. */
const RECORD = !!process.env.CDPPE_CODE_CACHE_RECORD;

interface NodeModule {
  exports: unknown;
  require(id: string): unknown;
}
type Compile = (this: NodeModule, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
}

/**
 * A name for a module's text: two CRC-32 of it (zlib, native, already needed to read a file) and its length, 80 bits.
 * Loading node:crypto for a SHA-1 instead cost more than the rest of `--help`'s start-up; it is kept for a Node
 * without zlib.crc32 (before 20.15).
 */
function keyOf(content: string): string {
  const crc32 = (zlib as unknown as { crc32?: (data: string, value?: number) => number }).crc32;
  if (!crc32) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const crypto = require("crypto") as typeof import("crypto");
    return crypto.createHash("sha1").update(content).digest("hex");
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${hex(crc32(content))}${hex(crc32(content, 0x9e3779b9))}${content.length.toString(16)}`;
}

function install(): void {
  if (!__filename.endsWith(".js") || (!RECORD && !fs.existsSync(CACHE_DIR))) return;
  const M = Module as unknown as ModuleInternals;
  const original = M.prototype._compile;
  const recorded: Array<{ file: string; script: vm.Script }> = [];
  M.prototype._compile = function (this: NodeModule, content: string, filename: string) {
    if (!filename.startsWith(ROOT + path.sep) && !filename.includes(DEPENDENCY)) return original.call(this, content, filename);
    // Keyed by the module's text: a rebuilt module never meets the code of its former self.
    const file = path.join(CACHE_DIR, keyOf(content) + ".bin");
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(M.wrap(content), { filename, cachedData });
    if (RECORD) recorded.push({ file, script });
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const req = ((id: string) => this.require(id)) as NodeJS.Require;
    Object.assign(req, {
      resolve: (request: string, options?: unknown) => M._resolveFilename(request, this, false, options),
      main: require.main,
      extensions: M._extensions,
      cache: M._cache,
    });
    return fn.call(this.exports, this.exports, req, this, filename, path.dirname(filename));
  };
  // Our modules name each other "./x" or "../y/x": resolved to the compiled file straight away when it exists, without
  // Node's probing (a stat per extension tried, a realpath, a package.json lookup per folder).
  const resolve = M._resolveFilename;
  M._resolveFilename = function (this: unknown, request: string, parent: NodeModule & { filename?: string }, isMain: boolean, options?: unknown) {
    const from = parent?.filename;
    if (from && from.startsWith(ROOT + path.sep) && request.charCodeAt(0) === 46 /* . */ && !request.endsWith(".js")) {
      const file = path.resolve(path.dirname(from), request) + ".js";
      if (file.startsWith(ROOT + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
    }
    return resolve.call(this, request, parent, isMain, options);
  };
  if (RECORD)
    process.on("exit", () => {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      for (const { file, script } of recorded) {
        const data = script.createCachedData();
        // Several runs (check, fill, add-year) load the same module: the one that compiled most of it wins.
        if (fs.existsSync(file) && fs.statSync(file).size >= data.length) continue;
        fs.writeFileSync(file, data);
      }
    });
}

/**
 * commander loads node:child_process (and with it net, streams, perf_hooks: a tenth of `--help`'s CPU) for the one thing
 * the CLI never does, running a subcommand as another program: it gets a stand-in that loads the module if ever used.
 */
function deferChildProcessOfCommander(): void {
  const M = Module as unknown as ModuleInternals;
  const load = M._load;
  const COMMANDER = `${path.sep}node_modules${path.sep}commander${path.sep}`;
  const real = () => load("node:child_process", undefined, false) as typeof import("child_process");
  const standIn = {
    get spawn() {
      return real().spawn;
    },
  };
  M._load = function (this: unknown, request: string, parent: { filename?: string } | undefined, isMain: boolean) {
    if ((request === "node:child_process" || request === "child_process") && parent?.filename?.includes(COMMANDER)) return standIn;
    return load.call(this, request, parent, isMain);
  };
}

install();
if (__filename.endsWith(".js")) deferChildProcessOfCommander();
