// A zip reader/writer that keeps every untouched entry's bytes as they are (local header, compressed data, central
// record): only the parts a plan edits are deflated anew. No zip64 (an annex never needs it).
import * as zlib from "zlib";

export interface ZipEntry {
  name: string;
  /** Local header + data (+ data descriptor), exactly as in the source file. */
  local: Uint8Array;
  /** Central directory record as in the source file (its offset field is patched on write). */
  central: Uint8Array;
  method: number;
  compressedSize: number;
  dataStart: number;
}

export class ZipFormatError extends Error {}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;

export function readZip(buf: Uint8Array): ZipEntry[] {
  // End of central directory: the last PK\5\6 within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 5 && buf[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory");
  const count = u16(buf, eocd + 10);
  const cdSize = u32(buf, eocd + 12);
  const cdOffset = u32(buf, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > buf.length) throw new ZipFormatError("zip64 or truncated archive");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(buf, p) !== 0x02014b50) throw new ZipFormatError("bad central record");
    const method = u16(buf, p + 10);
    const csize = u32(buf, p + 20);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    const localOff = u32(buf, p + 42);
    const name = Buffer.from(buf.subarray(p + 46, p + 46 + nameLen)).toString("utf8");
    const recLen = 46 + nameLen + extraLen + commentLen;
    const central = buf.slice(p, p + recLen);
    if (u32(buf, localOff) !== 0x04034b50) throw new ZipFormatError("bad local header");
    const dataStart = localOff + 30 + u16(buf, localOff + 26) + u16(buf, localOff + 28);
    starts.push(localOff);
    entries.push({ name, local: new Uint8Array(0), central, method, compressedSize: csize, dataStart: dataStart - localOff });
    p += recLen;
  }
  // An entry's local bytes run to the next entry's local header (or the central directory): data descriptors included.
  const sorted = [...starts].sort((a, b) => a - b);
  const next = new Map<number, number>();
  for (let i = 0; i < sorted.length; i++) next.set(sorted[i]!, i + 1 < sorted.length ? sorted[i + 1]! : cdOffset);
  entries.forEach((e, i) => {
    const start = starts[i]!;
    e.local = buf.subarray(start, next.get(start));
    if (e.dataStart + e.compressedSize > e.local.length) throw new ZipFormatError("truncated entry");
  });
  return entries;
}

export function entryData(e: ZipEntry): Buffer {
  const raw = e.local.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) return Buffer.from(raw);
  if (e.method === 8) return zlib.inflateRawSync(raw);
  throw new ZipFormatError(`compression method ${e.method}`);
}

function dosDateTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

const BIG_PART = 4 * 1024 * 1024;

/** A new entry (deflated), keeping the source entry's central attributes when it replaces one. */
export function makeEntry(name: string, data: Uint8Array, like?: ZipEntry): ZipEntry {
  const nameBytes = Buffer.from(name, "utf8");
  // A rewritten sheet of 10 000 rows (20 MB of XML) takes 0.26 s at level 6 and 0.07 s at level 1 for 25 % more bytes:
  // big parts are packed fast, small ones as tightly as before.
  const comp = zlib.deflateRawSync(data, { level: data.length > BIG_PART ? 1 : 6 });
  const crc = zlib.crc32(data) >>> 0;
  const [time, date] = like ? [u16(like.central, 12), u16(like.central, 14)] : dosDateTime(new Date());
  const flags = /[^\x20-\x7e]/.test(name) ? 0x0800 : 0;
  const local = Buffer.alloc(30 + nameBytes.length + comp.length);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(comp.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  nameBytes.copy(local, 30);
  comp.copy(local, 30 + nameBytes.length);
  const central = Buffer.alloc(46 + nameBytes.length);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(like ? u16(like.central, 4) : 20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(time, 12);
  central.writeUInt16LE(date, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(comp.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(like ? u32(like.central, 38) : 0, 38);
  nameBytes.copy(central, 46);
  return { name, local, central, method: 8, compressedSize: comp.length, dataStart: 30 + nameBytes.length };
}

/** Concatenates the entries' local bytes and a central directory pointing at them. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const c = Buffer.from(e.central);
    c.writeUInt32LE(offset, 42);
    centrals.push(c);
    parts.push(e.local);
    offset += e.local.length;
  }
  const cdSize = centrals.reduce((a, c) => a + c.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...centrals, eocd]);
}
