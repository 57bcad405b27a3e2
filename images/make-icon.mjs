// Draws images/icon.png (128×128) without any image library: two routing
// groups (circles) joined by a connector line, over an envelope, on a blue
// rounded square. Run with `node images/make-icon.mjs` after changing it.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const size = 128;
const px = new Float64Array(size * size * 4);

// Signed distances (negative inside) of the shapes, in pixels.
const roundedSquare = (x, y) => {
  const r = 22, h = 60;
  const qx = Math.abs(x - 64) - (h - r), qy = Math.abs(y - 64) - (h - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - w / 2;
};
const rect = (x0, y0, x1, y1) => (x, y) => Math.max(x0 - x, x - x1, y0 - y, y - y1);

function paint(shape, [r, g, b]) {
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const a = Math.max(0, Math.min(1, 0.5 - shape(x + 0.5, y + 0.5)));
      if (a === 0) continue;
      const i = (y * size + x) * 4;
      px[i] = px[i] * (1 - a) + r * a;
      px[i + 1] = px[i + 1] * (1 - a) + g * a;
      px[i + 2] = px[i + 2] * (1 - a) + b * a;
      px[i + 3] = px[i + 3] * (1 - a) + 255 * a;
    }
}

const blue = [0, 94, 184], white = [255, 255, 255], orange = [255, 166, 0];
paint(roundedSquare, blue);
paint(rect(30, 44, 98, 88), white); // envelope
paint(segment(30, 44, 64, 70, 5), blue);
paint(segment(98, 44, 64, 70, 5), blue);
paint(segment(28, 104, 100, 104, 6), orange); // the connector
paint(circle(28, 104, 12), orange);
paint(circle(100, 104, 12), orange);
paint(circle(28, 104, 6), white);
paint(circle(100, 104, 6), white);

function png(width, height, rgba) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width * 4; x++) raw[y * (width * 4 + 1) + 1 + x] = Math.round(rgba[y * width * 4 + x]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(fileURLToPath(new URL('icon.png', import.meta.url)), png(size, size, px));
