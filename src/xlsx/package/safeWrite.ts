// Output files are written whole or not at all: a temporary file beside the target, flushed, then moved into place.
// Without `replace`, the move itself refuses an existing file (hard link), so a file that appears meanwhile is kept too.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

export class OutputExistsError extends Error {}

/** Same file by identity (device and inode), whatever the path says: links, "./", case on case-insensitive systems. */
export function sameFile(a: string, b: string): boolean {
  let sa: fs.Stats;
  let sb: fs.Stats;
  try {
    sa = fs.statSync(a);
    sb = fs.statSync(b);
  } catch {
    return false;
  }
  if (sa.ino !== 0 && sb.ino !== 0) return sa.ino === sb.ino && sa.dev === sb.dev;
  // Some file systems (network shares) report no inode: fall back to real paths, ignoring case. Where inodes exist
  // they decide alone: on a case-sensitive disk « Annexe.xlsx » and « annexe.xlsx » are two files.
  try {
    return fs.realpathSync(a).toLowerCase() === fs.realpathSync(b).toLowerCase();
  } catch {
    return false;
  }
}

type WriteChunk = (fd: number, data: Uint8Array, offset: number, length: number) => number;

/** `write` is the chunk writer (tests pass one that fails like a full disk). */
export function writeFileAtomic(target: string, data: Uint8Array, replace: boolean, write: WriteChunk = fs.writeSync): void {
  const full = path.resolve(target);
  const dir = path.dirname(full);
  const tmp = path.join(dir, `.${path.basename(full)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  const fd = fs.openSync(tmp, "wx", 0o666);
  try {
    try {
      let off = 0;
      while (off < data.length) off += write(fd, data, off, data.length - off);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (replace) fs.renameSync(tmp, full);
    else {
      try {
        fs.linkSync(tmp, full);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new OutputExistsError(target);
        // No hard links here (FAT, some shares): check, then move.
        if (fs.existsSync(full)) throw new OutputExistsError(target);
        fs.renameSync(tmp, full);
      }
    }
  } finally {
    if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
  }
  try {
    const dfd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Directories cannot be opened for sync on every platform: the file itself is flushed.
  }
}
