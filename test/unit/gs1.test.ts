import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GS, gs1CheckDigit, parseGs1, type Gs1Result } from '../../shared/codes';

const GTIN = '09506000134352';

function ok(r: Gs1Result) {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}: ${r.message}`);
  return r.data;
}

describe('parseGs1', () => {
  it('reads predefined-length AIs without separators', () => {
    expect(ok(parseGs1(`01${GTIN}17201225` + '10ABC123'))).toEqual({
      gtin14: GTIN,
      expiry: '2020-12-25',
      lot: 'ABC123',
      ais: { '01': GTIN, '17': '201225', '10': 'ABC123' },
    });
  });

  it('ends variable-length AIs at GS and at the end of the data', () => {
    const d = ok(parseGs1(`01${GTIN}10LOT-7${GS}21SN/0042${GS}15260700${GS}`));
    expect(d).toMatchObject({ gtin14: GTIN, lot: 'LOT-7', serial: 'SN/0042', bestBefore: '2026-07-31' });
    expect(ok(parseGs1(`01${GTIN}21SERIAL`)).serial).toBe('SERIAL');
  });

  it('tolerates a GS after a predefined-length AI and a leading FNC1 sent as GS', () => {
    expect(ok(parseGs1(`${GS}01${GTIN}${GS}10A1`))).toMatchObject({ gtin14: GTIN, lot: 'A1' });
  });

  it.each([
    [']C1', 'gs1-128'],
    [']d2', 'gs1-datamatrix'],
    [']Q3', 'gs1-qr'],
    [']e0', 'gs1-databar'],
  ] as const)('accepts the AIM id %s', (aim, symbology) => {
    expect(ok(parseGs1(`${aim}01${GTIN}10X${GS}21Y`))).toMatchObject({ symbology, gtin14: GTIN, lot: 'X', serial: 'Y' });
  });

  it.each([']C0', ']E0', ']E4', ']Q1'])('says %s data is not a GS1 code', (aim) => {
    const r = parseGs1(`${aim}0${GTIN}`);
    expect(r).toMatchObject({ ok: false, reason: 'not-gs1' });
  });

  it('turns the configured replacement character back into GS', () => {
    expect(ok(parseGs1(`]C101${GTIN}10L1|21S1|17201200`, { gsReplacement: '|' }))).toMatchObject({
      lot: 'L1',
      serial: 'S1',
      expiry: '2020-12-31',
    });
    expect(ok(parseGs1(`01${GTIN}10L1~400PO1`, { gsReplacement: '~' }))).toMatchObject({ lot: 'L1', customerOrder: 'PO1' });
  });

  it('points at the GS replacement setting when the replacement is not configured', () => {
    const r = parseGs1(`01${GTIN}10L1|21S1`);
    expect(r).toMatchObject({ ok: false, reason: 'invalid-value' });
    expect(!r.ok && r.message).toMatch(/lot \(10\).*set \| as the GS replacement/);
  });

  it('reads the human-readable form with brackets', () => {
    expect(ok(parseGs1('(01)09506000134352(17)201225(10)ABC123'))).toEqual({
      gtin14: GTIN,
      expiry: '2020-12-25',
      lot: 'ABC123',
      ais: { '01': GTIN, '17': '201225', '10': 'ABC123' },
    });
    expect(ok(parseGs1(' (00) 106141412345678908 (3103) 001250 '))).toMatchObject({ sscc: '106141412345678908', netWeightKg: 1.25 });
    expect(parseGs1('(01)0950600013435(10)A')).toMatchObject({ ok: false, reason: 'invalid-value' });
    expect(parseGs1('(05)12')).toMatchObject({ ok: false, reason: 'unknown-ai' });
    expect(parseGs1('(011)12')).toMatchObject({ ok: false, reason: 'unknown-ai' });
  });

  it('applies the decimal position of 310n and 320n', () => {
    expect(ok(parseGs1(`01${GTIN}3103001234`)).netWeightKg).toBe(1.234);
    expect(ok(parseGs1('3100001234')).netWeightKg).toBe(1234);
    expect(ok(parseGs1('3105123456')).netWeightKg).toBe(1.23456);
    expect(ok(parseGs1('3202000150')).netWeightLb).toBe(1.5);
    expect(parseGs1('3107001234')).toMatchObject({ ok: false, reason: 'invalid-value' });
  });

  it('reads DD 00 as the last day of the month', () => {
    expect(ok(parseGs1('17250200')).expiry).toBe('2025-02-28');
    expect(ok(parseGs1('17240200')).expiry).toBe('2024-02-29');
    expect(ok(parseGs1('15241100')).bestBefore).toBe('2024-11-30');
    expect(ok(parseGs1('11240115')).productionDate).toBe('2024-01-15');
    expect(ok(parseGs1('13240131')).packDate).toBe('2024-01-31');
  });

  it('rejects dates that do not exist', () => {
    for (const bad of ['17251301', '17250230', '17250001', '12250431']) {
      expect(parseGs1(bad)).toMatchObject({ ok: false, reason: 'invalid-date' });
    }
  });

  it('uses 2000+YY by default and the GS1 sliding window with a reference year', () => {
    expect(ok(parseGs1('17991231')).expiry).toBe('2099-12-31');
    expect(ok(parseGs1('17991231', { referenceYear: 2025 })).expiry).toBe('1999-12-31');
    expect(ok(parseGs1('17750101', { referenceYear: 2025 })).expiry).toBe('2075-01-01');
    expect(ok(parseGs1('17760101', { referenceYear: 2025 })).expiry).toBe('1976-01-01');
    expect(ok(parseGs1('17250101', { referenceYear: 2075 })).expiry).toBe('2125-01-01');
    expect(ok(parseGs1('17260101', { referenceYear: 2075 })).expiry).toBe('2026-01-01');
  });

  it('rejects a bad check digit in (01) and (00), naming the expected digit', () => {
    const r = parseGs1('010950600013435317201225');
    expect(r).toMatchObject({ ok: false, reason: 'check-digit' });
    expect(!r.ok && r.message).toContain('GTIN (01) 09506000134353 (expected 2)');
    expect(parseGs1('00106141412345678909')).toMatchObject({ ok: false, reason: 'check-digit' });
    // the first problem in reading order is the one reported
    expect(parseGs1('0109506000134353172012')).toMatchObject({ ok: false, reason: 'check-digit' });
  });

  it('reads SSCC, order number and ship-to postal code', () => {
    expect(ok(parseGs1(`]C100106141412345678908400PO-12345${GS}42010115`))).toMatchObject({
      sscc: '106141412345678908',
      customerOrder: 'PO-12345',
      shipToPostal: '10115',
    });
  });

  it('keeps AIs it does not interpret, raw', () => {
    const d = ok(parseGs1(`01${GTIN}70032012251230${GS}99ANY/thing${GS}20012400`));
    expect(d.ais).toEqual({ '01': GTIN, '7003': '2012251230', '99': 'ANY/thing', '20': '01', '240': '0' });
    expect(d.gtin14).toBe(GTIN);
  });

  it('fails clearly on an AI that cannot exist', () => {
    const r = parseGs1(`01${GTIN}05123`);
    expect(r).toMatchObject({ ok: false, reason: 'unknown-ai' });
    expect(!r.ok && r.message).toContain('Rescan');
    expect(parseGs1('ABC123')).toMatchObject({ ok: false, reason: 'not-gs1' });
  });

  it('reports truncated input', () => {
    for (const bad of ['01095060001343', `01${GTIN}17`, `01${GTIN}1720`, `01${GTIN}3`, `01${GTIN}310`]) {
      expect(parseGs1(bad)).toMatchObject({ ok: false, reason: 'truncated' });
    }
  });

  it('reports a fixed field cut short by a separator', () => {
    expect(parseGs1(`0109506000${GS}10A`)).toMatchObject({ ok: false, reason: 'invalid-value' });
  });

  it('suspects a lost separator when a variable field is too long', () => {
    const r = parseGs1(`01${GTIN}10LOT1234567890` + '21SERIAL12345');
    expect(r).toMatchObject({ ok: false, reason: 'invalid-value' });
    expect(!r.ok && r.message).toContain('dropping GS separators');
  });

  it('rejects empty values, empty input and conflicting duplicates', () => {
    expect(parseGs1(`10${GS}21A`)).toMatchObject({ ok: false, reason: 'invalid-value' });
    expect(parseGs1('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseGs1(']C1')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseGs1(`10A${GS}10B`)).toMatchObject({ ok: false, reason: 'duplicate-ai' });
    expect(ok(parseGs1(`10A${GS}10A`)).lot).toBe('A');
  });

  it('never throws and always explains a failure', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(\]C1)?[0-9A-Z\u001d|()]{0,40}$/)), (s) => {
        const r = parseGs1(s, { gsReplacement: '|' });
        if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what it is given, with separators or with brackets', () => {
    const cset = fc.constantFrom(...'ABCXYZabc0123456789-./_'.split(''));
    const element = fc.oneof(
      fc.stringMatching(/^\d{13}$/).map((b) => ['01', b + gs1CheckDigit(b)] as const),
      fc.array(cset, { minLength: 1, maxLength: 20 }).map((a) => ['10', a.join('')] as const),
      fc.array(cset, { minLength: 1, maxLength: 20 }).map((a) => ['21', a.join('')] as const),
      fc.stringMatching(/^[0-5]\d{6}$/).map((v) => [`310${v[0]}`, v.slice(1)] as const),
      fc.integer({ min: 0, max: 99 }).map((y) => ['17', `${String(y).padStart(2, '0')}0615`] as const),
    );
    fc.assert(
      fc.property(fc.uniqueArray(element, { selector: ([ai]) => ai.slice(0, 3), minLength: 1, maxLength: 5 }), (elements) => {
        const expected = Object.fromEntries(elements);
        const withGs = elements.map(([ai, v]) => ai + v).join(GS);
        const bracketed = elements.map(([ai, v]) => `(${ai})${v}`).join('');
        expect(ok(parseGs1(`]C1${withGs}`)).ais).toEqual(expected);
        expect(ok(parseGs1(bracketed)).ais).toEqual(expected);
      }),
    );
  });
});
