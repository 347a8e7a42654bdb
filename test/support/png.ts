import { crc32, deflateSync } from 'node:zlib';

/** An 8-bit greyscale PNG of a 1-bit picture (black where `black(x, y)`), with a white margin, for the barcode reader. */
export function onePng(width: number, height: number, black: (x: number, y: number) => boolean, margin = 16): Buffer {
  const w = width + 2 * margin;
  const h = height + 2 * margin;
  const raw = Buffer.alloc((w + 1) * h, 0xff);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const ix = x - margin;
      const iy = y - margin;
      if (ix >= 0 && iy >= 0 && ix < width && iy < height && black(ix, iy)) raw[y * (w + 1) + 1 + x] = 0;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
