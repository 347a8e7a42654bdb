// Scanners on a serial port (RS-232, or USB in CDC/"virtual COM" mode): the code arrives as bytes
// ending in CR, LF or CRLF. A scanner set without a suffix is ended by a short silence instead.
// The AIM id, when the scanner is set to send one, is kept at the front; GS arrives as 0x1D.

export type SerialFramerOptions = {
  /** a scan with no CR/LF ends after this much silence; default 60 ms */
  silenceMs?: number;
  maxBytes?: number;
};

export type SerialFramer = {
  /** Feeds bytes; returns the scans they completed, in order. */
  push(bytes: Uint8Array, nowMs: number): string[];
  /** Ends a scan cut short by silence; call from a timer. */
  flush(nowMs: number): string[];
  pending(): boolean;
  silenceMs: number;
};

function decode(bytes: number[]): string {
  const u8 = Uint8Array.from(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(u8);
  } catch {
    return new TextDecoder('latin1').decode(u8);
  }
}

// Bytes some scanners frame a scan with (STX … ETX), and NUL padding: never part of a code.
const FRAMING = new Set([0x00, 0x02, 0x03]);

export function createSerialFramer(options: SerialFramerOptions = {}): SerialFramer {
  const silenceMs = options.silenceMs ?? 60;
  const maxBytes = options.maxBytes ?? 8192;
  let buf: number[] = [];
  let lastAt = 0;

  const take = (): string[] => {
    const text = decode(buf).trim();
    buf = [];
    return text === '' ? [] : [text];
  };

  return {
    silenceMs,
    push(bytes, now) {
      const out: string[] = [];
      if (buf.length > 0 && now - lastAt > silenceMs) out.push(...take());
      lastAt = now;
      for (const b of bytes) {
        if (b === 0x0d || b === 0x0a) {
          out.push(...take());
          continue;
        }
        if (FRAMING.has(b)) continue;
        buf.push(b);
        if (buf.length > maxBytes) buf = [];
      }
      return out;
    },
    flush(now) {
      if (buf.length === 0 || now - lastAt < silenceMs) return [];
      return take();
    },
    pending: () => buf.length > 0,
  };
}
