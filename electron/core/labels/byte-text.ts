// EPL2 and TSPL printers read 8-bit text in a code page (Windows-1252 here, set by the job), and
// their graphics are raw bytes. A job for them is kept as a "byte string": one character per byte
// (U+0000–U+00FF), sent as Latin-1. ZPL jobs stay UTF-8 text (^CI28).

// Windows-1252 places these characters in 0x80–0x9F, where Latin-1 has control codes.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Text as Windows-1252 bytes in a byte string; a character the code page lacks becomes "?". */
export function cp1252ByteString(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out += String.fromCharCode(cp);
    else if (CP1252_HIGH[cp] !== undefined) out += String.fromCharCode(CP1252_HIGH[cp]);
    else out += '?';
  }
  return out;
}

/** True when the whole text prints in Windows-1252 (what EPL2 and TSPL fonts draw here); else it becomes a picture. */
export function canEncodeCp1252(text: string): boolean {
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) return false;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) continue;
    if (CP1252_HIGH[cp] === undefined) return false;
  }
  return true;
}

/** Raw bytes as a byte string. */
export function bytesToByteString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return out;
}

/** The bytes a job sends: ZPL is UTF-8 text; EPL2 and TSPL jobs are byte strings. */
export function jobBytes(job: string): Buffer {
  return isZplJob(job) ? Buffer.from(job, 'utf8') : Buffer.from(job, 'latin1');
}

export function isZplJob(job: string): boolean {
  const start = job.indexOf('^XA');
  return start !== -1 && job.indexOf('^XZ', start) !== -1 && start < 64;
}
