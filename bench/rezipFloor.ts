// The write floor: the cheapest rewrite of a package — inflate every part and deflate it again (zlib, default level),
// as writing a copy of the file with no change at all would. Run as its own process (`node rezipFloor.js file.xlsx`),
// timed like the commands, start-up included; fill and add-year are printed beside it.
import * as fs from "fs";
import * as zlib from "zlib";
import { unzipSync } from "fflate";

export function rezip(bytes: Uint8Array): number {
  let size = 0;
  for (const data of Object.values(unzipSync(bytes))) size += zlib.deflateRawSync(data).length;
  return size;
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node rezipFloor.js file.xlsx");
  process.stdout.write(`${rezip(fs.readFileSync(file))}\n`);
}
