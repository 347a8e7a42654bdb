import { describe, expect, it } from 'vitest';
import { createSerialFramer } from '../../electron/core/drivers/scanner/serial-scanner';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('serial scanner framing', () => {
  it('ends scans at CR, LF or CRLF, across chunks', () => {
    const f = createSerialFramer();
    expect(f.push(bytes(']E059012341'), 0)).toEqual([]);
    expect(f.push(bytes('23457\r\n]C0SKU-1\r'), 5)).toEqual([']E05901234123457', ']C0SKU-1']);
    expect(f.push(bytes('\nORDER-7\n'), 10)).toEqual(['ORDER-7']);
  });

  it('ends a scan without a suffix after a silence', () => {
    const f = createSerialFramer({ silenceMs: 50 });
    f.push(bytes('5901234123457'), 0);
    expect(f.flush(20)).toEqual([]);
    expect(f.flush(60)).toEqual(['5901234123457']);
    // the next bytes after a silence start a new scan even before a flush ran
    f.push(bytes('AAAA'), 100);
    expect(f.push(bytes('BBBB'), 200)).toEqual(['AAAA']);
  });

  it('keeps GS, drops STX/ETX framing and NUL padding', () => {
    const f = createSerialFramer();
    expect(f.push(Uint8Array.from([0x02, ...bytes(']C101095060001343521'), 0x1d, ...bytes('10AB'), 0x03, 0x00, 0x0d]), 0)).toEqual([']C101095060001343521\u001d10AB']);
  });
});
