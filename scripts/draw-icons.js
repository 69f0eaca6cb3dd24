// Draws the add-in's ribbon icons (annex sheet, check mark) as PNG, no image library needed.
// Shapes are defined on a unit square and supersampled 4x4 per pixel for anti-aliasing.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, paint) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = paint((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (c) {
            r += c[0] * c[3];
            g += c[1] * c[3];
            b += c[2] * c[3];
            a += c[3];
          }
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const GREEN = [16, 124, 65, 1],
  WHITE = [255, 255, 255, 1],
  BLUE = [0, 90, 158, 1],
  LIGHT = [222, 236, 228, 1];
const inRound = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r),
    cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const distSeg = (x, y, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};
// The annex: a green sheet with a header band and a 3x3 grid of amounts, one column highlighted.
function annex(x, y) {
  if (!inRound(x, y, 0.06, 0.06, 0.94, 0.94, 0.12)) return null;
  if (y < 0.3) return GREEN;
  const gx = (x - 0.06) / 0.88,
    gy = (y - 0.3) / 0.64;
  const line = 0.045;
  if (Math.abs(gx - 1 / 3) < line / 1.4 || Math.abs(gx - 2 / 3) < line / 1.4 || Math.abs(gy - 1 / 3) < line || Math.abs(gy - 2 / 3) < line) return GREEN;
  if (gx > 2 / 3) return LIGHT;
  return WHITE;
}
// The check: a blue disc with a white tick.
function check(x, y) {
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (d > 0.46) return null;
  const w = 0.075;
  if (distSeg(x, y, 0.27, 0.52, 0.44, 0.68) < w || distSeg(x, y, 0.44, 0.68, 0.74, 0.34) < w) return WHITE;
  return BLUE;
}
const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, annex));
  fs.writeFileSync(path.join(out, `check-${size}.png`), png(size, check));
}
console.log("icônes écrites dans assets/");
