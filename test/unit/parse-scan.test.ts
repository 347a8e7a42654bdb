import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GS, gs1CheckDigit, parseScan } from '../../shared/codes';

const GTIN = '09506000134352';

describe('parseScan', () => {
  it.each([
    ['4006381333931', '04006381333931', 'ean-13'],
    ['036000291452', '00036000291452', 'upc-a'],
    ['96385074', '00000096385074', 'ean-8'],
    ['04252614', '00042100005264', 'upc-e'],
    [GTIN, GTIN, 'gtin-14'],
    ['  4006381333931\r\n', '04006381333931', 'ean-13'],
  ] as const)('reads retail code %j as a GTIN', (raw, gtin14, symbology) => {
    expect(parseScan(raw)).toEqual({ kind: 'gtin', gtin14, symbology, raw });
  });

  it('uses the AIM id to tell EAN/UPC apart', () => {
    expect(parseScan(']E00036000291452')).toMatchObject({ kind: 'gtin', gtin14: '00036000291452' });
    // 01234565 is a valid UPC-E and a valid EAN-8; ]E4 says which.
    expect(parseScan(']E401234565')).toMatchObject({ kind: 'gtin', gtin14: '00000001234565', symbology: 'ean-8' });
    expect(parseScan('01234565')).toMatchObject({ kind: 'gtin', gtin14: '00012345000065', symbology: 'upc-e' });
    expect(parseScan(']E04006381333932')).toMatchObject({ kind: 'invalid', reason: 'check-digit' });
    expect(parseScan(']I0' + GTIN)).toMatchObject({ kind: 'gtin', gtin14: GTIN });
  });

  it('calls a GTIN-length digit string with a bad check digit invalid, not text', () => {
    const r = parseScan('4006381333932');
    expect(r).toMatchObject({ kind: 'invalid', reason: 'check-digit' });
    expect(r.kind === 'invalid' && r.message).toContain('expected 1');
    expect(parseScan('12345678')).toMatchObject({ kind: 'invalid', reason: 'check-digit' });
  });

  it('reads GS1 element strings with an AIM id, a leading GS, brackets or a bare (01)/(00)', () => {
    const expected = { kind: 'gs1', gtin14: GTIN, lot: 'ABC123', expiry: '2020-12-25' };
    expect(parseScan(`]C101${GTIN}17201225` + '10ABC123')).toMatchObject({ ...expected, symbology: 'gs1-128' });
    expect(parseScan(`]d201${GTIN}10ABC123${GS}17201225`)).toMatchObject({ ...expected, symbology: 'gs1-datamatrix' });
    expect(parseScan(`${GS}01${GTIN}17201225` + '10ABC123')).toMatchObject(expected);
    expect(parseScan(`(01)${GTIN}(17)201225(10)ABC123`)).toMatchObject(expected);
    expect(parseScan(`01${GTIN}17201225` + '10ABC123')).toMatchObject(expected);
    expect(parseScan(`01${GTIN}`)).toMatchObject({ kind: 'gs1', gtin14: GTIN });
    expect(parseScan('00106141412345678908')).toMatchObject({ kind: 'gs1', sscc: '106141412345678908' });
    expect(parseScan(`10LOT${GS}17201225`)).toMatchObject({ kind: 'gs1', lot: 'LOT' });
  });

  it('keeps the raw scan on every result', () => {
    const raw = ` ]C101${GTIN}10A `;
    expect(parseScan(raw).raw).toBe(raw);
  });

  it('applies the GS replacement character', () => {
    expect(parseScan(`]C101${GTIN}10L1|21S1`, { gsReplacement: '|' })).toMatchObject({ kind: 'gs1', lot: 'L1', serial: 'S1' });
    expect(parseScan(`01${GTIN}10L1~21S1`, { gsReplacement: '~' })).toMatchObject({ kind: 'gs1', lot: 'L1', serial: 'S1' });
  });

  it('reports broken GS1 codes as invalid with the parser message', () => {
    const r = parseScan(`]C101${GTIN.slice(0, 13)}3`);
    expect(r).toMatchObject({ kind: 'invalid', reason: 'check-digit' });
    expect(parseScan(`]C101${GTIN}17`)).toMatchObject({ kind: 'invalid', reason: 'truncated' });
    expect(parseScan(`01${GTIN}10L1|21S1`)).toMatchObject({ kind: 'invalid', reason: 'invalid-value' });
    expect(parseScan(`(01)${GTIN}(17)201332`)).toMatchObject({ kind: 'invalid', reason: 'invalid-date' });
  });

  it('reads our own codes as text, stripping ]C0 and surrounding space', () => {
    expect(parseScan('SKU-00042')).toEqual({ kind: 'text', value: 'SKU-00042', raw: 'SKU-00042' });
    expect(parseScan(']C0SKU-00042\r')).toMatchObject({ kind: 'text', value: 'SKU-00042' });
    // A Code 128 with eight digits is our own number, not an EAN-8.
    expect(parseScan(']C012345678')).toMatchObject({ kind: 'text', value: '12345678' });
    expect(parseScan('#1001')).toMatchObject({ kind: 'text', value: '#1001' });
    expect(parseScan('123456')).toMatchObject({ kind: 'text', value: '123456' });
    expect(parseScan('(555) 123-4567')).toMatchObject({ kind: 'text', value: '(555) 123-4567' });
    expect(parseScan('Bestellung Größe M')).toMatchObject({ kind: 'text', value: 'Bestellung Größe M' });
    expect(parseScan(']Q1https://example.com/o/1')).toMatchObject({ kind: 'text', value: 'https://example.com/o/1' });
  });

  it('rejects empty scans and control characters', () => {
    for (const raw of ['', '   ', '\r\n', ']C0', GS]) expect(parseScan(raw)).toMatchObject({ kind: 'invalid', reason: 'empty' });
    for (const raw of ['AB\tCD', 'AB\u0000CD', 'AB\u001bCD', 'A\u007fB']) {
      expect(parseScan(raw)).toMatchObject({ kind: 'invalid', reason: 'control-characters' });
    }
    expect(parseScan(`]C0AB${GS}CD`)).toMatchObject({ kind: 'invalid', reason: 'control-characters' });
  });

  it('classifies any input without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseScan(s, { gsReplacement: '|' });
        expect(['gtin', 'gs1', 'text', 'invalid']).toContain(r.kind);
        expect(r.raw).toBe(s);
        if (r.kind === 'invalid') expect(r.message).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every valid 12/13/14-digit code as that GTIN', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,13}$/), (body) => {
        const code = body + gs1CheckDigit(body);
        const r = parseScan(code);
        expect(r).toMatchObject({ kind: 'gtin', gtin14: code.padStart(14, '0') });
      }),
    );
  });

  it('never takes printable text with a letter for a GTIN', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][ -~]{0,30}$/), (s) => {
        const r = parseScan(s);
        expect(r.kind).toBe('text');
      }),
    );
  });
});
