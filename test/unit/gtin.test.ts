import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandUpcE, gs1CheckDigit, hasValidCheckDigit, isValidGtin, normaliseGtin } from '../../shared/codes';

describe('gs1CheckDigit', () => {
  it.each([
    ['400638133393', 1], // EAN-13 4006381333931
    ['03600029145', 2], // UPC-A 036000291452
    ['9638507', 4], // EAN-8 96385074
    ['0950600013435', 2], // GTIN-14 09506000134352 (GS1 example)
    ['1061414100041', 5], // GTIN-14 10614141000415 (GS1 US example)
    ['10614141234567890', 8], // SSCC 106141412345678908 (GS1 US example)
  ])('%s -> %i', (body, check) => {
    expect(gs1CheckDigit(body)).toBe(check);
  });

  it('is unchanged by leading zeros, so padding to GTIN-14 keeps the check digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,17}$/), fc.integer({ min: 0, max: 6 }), (body, pad) => {
        expect(gs1CheckDigit('0'.repeat(pad) + body)).toBe(gs1CheckDigit(body));
      }),
    );
  });

  it('catches every single-digit error', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.nat(11), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const code = body + gs1CheckDigit(body);
        const wrong = code.slice(0, at) + ((Number(code[at]) + delta) % 10) + code.slice(at + 1);
        expect(hasValidCheckDigit(wrong)).toBe(false);
      }),
    );
  });
});

describe('normaliseGtin', () => {
  it.each([
    ['4006381333931', '04006381333931', 'ean-13'],
    ['5901234123457', '05901234123457', 'ean-13'],
    ['036000291452', '00036000291452', 'upc-a'],
    ['96385074', '00000096385074', 'ean-8'],
    ['09506000134352', '09506000134352', 'gtin-14'],
    ['10614141000415', '10614141000415', 'gtin-14'],
    ['04252614', '00042100005264', 'upc-e'],
    ['01234565', '00012345000065', 'upc-e'],
  ] as const)('%s -> %s (%s)', (digits, gtin14, symbology) => {
    expect(normaliseGtin(digits)).toEqual({ ok: true, gtin14, symbology });
  });

  it('gives UPC-A and the EAN-13 with a leading 0 the same GTIN-14', () => {
    const a = normaliseGtin('036000291452');
    const e = normaliseGtin('0036000291452');
    expect(a.ok && e.ok && a.gtin14 === e.gtin14).toBe(true);
    expect(e).toMatchObject({ symbology: 'ean-13' });
  });

  it('gives UPC-E the GTIN of the UPC-A it abbreviates', () => {
    const e = normaliseGtin('04252614');
    const a = normaliseGtin('042100005264');
    expect(e.ok && a.ok && e.gtin14 === a.gtin14).toBe(true);
  });

  it('rejects a wrong check digit and names the expected one', () => {
    const r = normaliseGtin('4006381333932');
    expect(r).toMatchObject({ ok: false, reason: 'check-digit' });
    expect(!r.ok && r.message).toContain('Check digit wrong in 4006381333932 (expected 1)');
    expect(normaliseGtin('036000291453')).toMatchObject({ ok: false, reason: 'check-digit' });
    expect(normaliseGtin('96385075')).toMatchObject({ ok: false, reason: 'check-digit' });
    expect(normaliseGtin('09506000134353')).toMatchObject({ ok: false, reason: 'check-digit' });
  });

  it('rejects wrong lengths and non-digits', () => {
    for (const bad of ['', '1234567', '40063813339', '123456789012345', '400638133393100']) {
      expect(normaliseGtin(bad)).toMatchObject({ ok: false, reason: 'length' });
    }
    for (const bad of ['40063813339A1', '4006381 333931', 'ABCDEFGH', '-96385074']) {
      expect(normaliseGtin(bad)).toMatchObject({ ok: false, reason: 'not-digits' });
    }
    expect(isValidGtin(' 4006381333931')).toBe(false);
  });

  it('treats 8 digits as EAN-8 when they cannot be UPC-E', () => {
    expect(normaliseGtin('04252610')).toEqual({ ok: true, gtin14: '00000004252610', symbology: 'ean-8' });
    expect(normaliseGtin('00000017')).toMatchObject({ ok: true, symbology: 'ean-8' });
  });

  it('follows the hint for 8 digits that are valid both ways', () => {
    expect(normaliseGtin('01234565', { eightDigit: 'ean-8' })).toEqual({ ok: true, gtin14: '00000001234565', symbology: 'ean-8' });
    expect(normaliseGtin('01234565', { eightDigit: 'upc-e' })).toMatchObject({ symbology: 'upc-e' });
    expect(normaliseGtin('04252610', { eightDigit: 'upc-e' })).toMatchObject({ ok: false, reason: 'check-digit' });
    expect(normaliseGtin('04252614', { eightDigit: 'ean-8' })).toMatchObject({ ok: false, reason: 'check-digit' });
  });

  it('rejects an 8-digit code valid neither as UPC-E nor EAN-8', () => {
    const r = normaliseGtin('11234561');
    expect(r).toMatchObject({ ok: false, reason: 'check-digit' });
    expect(!r.ok && r.message).toContain('expected 2');
  });

  it('accepts every code built with its check digit, at every length', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.nat(), (len, seed) => {
        const body = String(seed).padStart(len, '1').slice(-len);
        const code = body + gs1CheckDigit(body);
        const r = normaliseGtin(code);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.gtin14).toHaveLength(14);
      }),
    );
  });
});

describe('expandUpcE', () => {
  it.each([
    ['04252614', '042100005264'],
    ['01234505', '012000003455'],
    ['01234514', '012100003454'],
    ['01234523', '012200003453'],
    ['01234531', '012300000451'],
    ['01234543', '012340000053'],
    ['01234558', '012345000058'],
    ['01234565', '012345000065'],
    ['01234596', '012345000096'],
    ['11234562', '112345000062'],
  ])('%s -> %s', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
    expect(hasValidCheckDigit(upcA)).toBe(true);
  });
});
