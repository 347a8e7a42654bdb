import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GS, gs1CheckDigit, parseScan } from '../../shared/codes';
import { createScanDetector } from '../../shared/scan';
import { FUZZ_TIMEOUT_MS, hostileText, runs } from './fuzz-config';

describe('fuzz: the scan parser', () => {
  it('classifies any string without throwing; an invalid scan always says what to do', () => {
    fc.assert(fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 300 })), fc.option(fc.constantFrom('|', '#', '^')), (raw, gs) => {
      const r = parseScan(raw, gs ? { gsReplacement: gs } : {});
      expect(['gtin', 'gs1', 'text', 'invalid']).toContain(r.kind);
      expect(r.raw).toBe(raw);
      if (r.kind === 'invalid') expect(r.message).toMatch(/\S/);
      if (r.kind === 'gtin') expect(r.gtin14).toMatch(/^\d{14}$/);
    }), runs(20));
  }, FUZZ_TIMEOUT_MS);

  it('reads back the GTIN, lot and serial of any GS1 element string it is given, whatever the order', () => {
    const gtinBody = fc.stringMatching(/^\d{13}$/);
    const lotText = fc.stringMatching(/^[A-Za-z0-9\-./]{1,20}$/);
    fc.assert(fc.property(gtinBody, lotText, lotText, fc.boolean(), (body, lot, serial, aim) => {
      const gtin = body + gs1CheckDigit(body);
      const raw = `${aim ? ']C1' : ''}01${gtin}10${lot}${GS}21${serial}`;
      const r = parseScan(raw);
      expect(r).toMatchObject({ kind: 'gs1', gtin14: gtin, lot, serial });
    }), runs(10));
  }, FUZZ_TIMEOUT_MS);

  it('the keyboard-wedge detector never throws and never reports a scan shorter than its minimum', () => {
    const codes = ['KeyA', 'KeyB', 'KeyZ', 'Digit1', 'Digit9', 'Enter', 'Tab', 'ShiftLeft', 'Backspace', 'BracketRight', 'Space', 'F13'];
    const key = fc.record({ code: fc.constantFrom(...codes), key: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }), gap: fc.integer({ min: 0, max: 200 }),
      shiftKey: fc.boolean(), ctrlKey: fc.boolean(), altKey: fc.boolean() });
    fc.assert(fc.property(fc.array(key, { maxLength: 60 }), fc.constantFrom('Enter', 'Tab', 'none'), fc.constantFrom('us', 'de', 'fr'), (keys, suffix, layout) => {
      const detector = createScanDetector({ minLength: 4, maxGapMs: 40, suffix: suffix as 'Enter', layout: layout as 'us' });
      const found: string[] = [];
      let t = 0;
      for (const k of keys) {
        t += k.gap;
        const r = detector.push({ code: k.code, key: k.key, timeStamp: t, shiftKey: k.shiftKey, ctrlKey: k.ctrlKey, altKey: k.altKey, metaKey: false });
        if (r.scan) found.push(r.scan.text);
      }
      const last = detector.flush(t + 1000);
      if (last.scan) found.push(last.scan.text);
      for (const text of found) expect(text.length).toBeGreaterThanOrEqual(4);
    }), runs(5));
  }, FUZZ_TIMEOUT_MS);
});
