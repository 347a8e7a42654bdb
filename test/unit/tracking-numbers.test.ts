import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../shared/codes/check-digit';
import { checkTrackingNumber, fedexExpressCheckDigit, localTrackingNumber, upsCheckDigit } from '../../shared/codes/tracking';

describe('tracking numbers are checked before they reach a channel', () => {
  it('UPS 1Z: the published example passes, one changed character fails', () => {
    expect(upsCheckDigit('999AA1012345678')).toBe(4);
    expect(checkTrackingNumber('1Z 999 AA1 01 2345 6784', 'UPS')).toEqual({ ok: true, format: 'ups', number: '1Z999AA10123456784' });
    const bad = checkTrackingNumber('1Z999AA10123456785', 'UPS');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/check digit \(expected 4\)/);
    expect(checkTrackingNumber('1Z12345', 'UPS').ok).toBe(false);
  });

  it('USPS IMpb: mod 10 over the package part; a 420+ZIP routing prefix is not covered', () => {
    const body = '940010000000000000000';
    const impb = body + gs1CheckDigit(body);
    expect(checkTrackingNumber(impb, 'USPS')).toMatchObject({ ok: true, format: 'usps-impb' });
    expect(checkTrackingNumber(`42094043${impb}`, 'USPS')).toMatchObject({ ok: true });
    const wrong = impb.slice(0, -1) + String((Number(impb.slice(-1)) + 1) % 10);
    expect(checkTrackingNumber(wrong, 'USPS').ok).toBe(false);
    expect(checkTrackingNumber('1234', 'USPS').ok).toBe(false);
  });

  it('FedEx: 12-digit Express (1,3,7 mod 11) and 15-digit Ground (mod 10)', () => {
    expect(fedexExpressCheckDigit('98657878885')).toBe(5);
    expect(checkTrackingNumber('986578788855', 'FedEx')).toMatchObject({ ok: true, format: 'fedex-express' });
    expect(checkTrackingNumber('986578788856', 'FedEx').ok).toBe(false);
    const ground = '96101234567890';
    expect(checkTrackingNumber(ground + gs1CheckDigit(ground), 'FedEx')).toMatchObject({ ok: true, format: 'fedex-ground' });
    expect(checkTrackingNumber('12345', 'FedEx').ok).toBe(false);
  });

  it('our own courier ids carry a check digit; unknown carriers pass unchecked but must be barcode-safe', () => {
    const id = localTrackingNumber('L', 42);
    expect(id).toMatch(/^PBL\d{10}$/);
    expect(checkTrackingNumber(id, 'Local courier')).toMatchObject({ ok: true, format: 'local' });
    expect(checkTrackingNumber(id.slice(0, -1) + ((Number(id.slice(-1)) + 1) % 10), 'Local courier').ok).toBe(false);
    expect(checkTrackingNumber('JD014600006281230701', 'DHL Express')).toMatchObject({ ok: true, format: 'unchecked' });
    expect(checkTrackingNumber('äöü tracking', 'DHL').ok).toBe(false);
    expect(checkTrackingNumber('', 'DHL').ok).toBe(false);
  });
});
