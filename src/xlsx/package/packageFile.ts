// The package, opened for editing: parts decoded on demand, changed and removed parts tracked; unchanged entries are
// written back with their compressed bytes.
import { packageText } from "../../messages/package";
import { PackageError } from "./errors";
import { entryData, makeEntry, readZip, writeZip, ZipFormatError, type ZipEntry } from "./zip";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** An encrypted workbook is an OLE compound file, not a zip. */
export function isEncrypted(buf: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => buf[i] === b);
}

export class Package {
  entries: ZipEntry[];
  private byName = new Map<string, ZipEntry>();
  private texts = new Map<string, string>();
  changed = new Set<string>();
  removed = new Set<string>();

  /** `inflated`: parts already inflated and checked by the caller (the CLI's guard), used instead of inflating again. */
  constructor(
    buf: Uint8Array,
    file: string,
    private inflated?: ReadonlyMap<string, Uint8Array>,
  ) {
    try {
      this.entries = readZip(buf);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new PackageError(packageText.notXlsx(file));
      throw e;
    }
    for (const e of this.entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name) && !this.removed.has(name);
  }

  text(name: string): string | undefined {
    if (this.texts.has(name)) return this.texts.get(name);
    const e = this.byName.get(name);
    if (!e) return undefined;
    const known = this.inflated?.get(name);
    const t = known ? Buffer.from(known.buffer, known.byteOffset, known.byteLength).toString("utf8") : entryData(e).toString("utf8");
    this.texts.set(name, t);
    return t;
  }

  set(name: string, text: string): void {
    if (this.texts.get(name) === text) return;
    this.texts.set(name, text);
    this.changed.add(name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  toBuffer(): Buffer {
    const out: ZipEntry[] = [];
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      out.push(this.changed.has(e.name) ? makeEntry(e.name, Buffer.from(this.texts.get(e.name)!, "utf8"), e) : e);
    }
    return writeZip(out);
  }
}
