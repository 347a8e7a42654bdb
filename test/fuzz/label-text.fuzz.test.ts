import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeZplFieldData, renderShippingLabelZpl } from '../../electron/core/labels';
import type { Address } from '../../shared/domain/address';
import { FUZZ_TIMEOUT_MS, hostileText, runs } from './fuzz-config';

const from: Address = { name: 'Packbench Demo Shop', company: '', line1: '1 Bench Road', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 4AP', countryCode: 'GB', phone: '', email: '' };
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), hostileText.filter((s) => !/[\uD800-\uDFFF]/.test(s) || /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(s)));

const LAYOUT_COMMANDS = ['^XA', '^FX', '^GF', '^CI', '^PW', '^LL', '^LH', '^FO', '^A0', '^FB', '^FH', '^FD', '^FS', '^GB', '^BY', '^BC', '^BQ', '^XZ'];

/** The label as the printer's command parser sees it: every field's data removed. */
function commandsOnly(zpl: string): string {
  return zpl.replace(/\^FD[\s\S]*?\^FS/g, '^FD^FS');
}

describe('fuzz: customer text on labels', () => {
  it('no field text can end a field, start a command or leave the label', () => {
    fc.assert(fc.property(fc.record({ name: text, company: text, line1: text, line2: text, city: text, region: text, postalCode: text }), (parts) => {
      const shipTo: Address = { ...from, ...parts, name: parts.name || 'x', line1: parts.line1 || 'x', countryCode: 'DE' };
      const options = { size: '4x6', dpi: 203 } as const;
      const base = { orderNumber: '#1001', orderQrPayload: 'packbench:order:1', shipFrom: from, barcodeData: '#1001' };
      let zpl: string;
      try {
        zpl = renderShippingLabelZpl({ ...base, shipTo }, options);
      } catch (e) {
        // text the layout refuses is refused in words, never half-printed
        expect(e).toBeInstanceOf(Error);
        expect((e as Error).message).toMatch(/\S/);
        return;
      }
      expect(zpl.startsWith('^XA')).toBe(true);
      expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
      expect(zpl.match(/\^XA/g)).toHaveLength(1);
      expect(zpl.match(/\^XZ/g)).toHaveLength(1);
      for (const [, data] of zpl.matchAll(/\^FD([\s\S]*?)\^FS/g)) expect(data).not.toMatch(/[\^~\x00-\x1f\x7f-\uffff]/);
      // with field data removed, only the commands the layout itself writes remain: nothing was injected
      const commands = commandsOnly(zpl).match(/[\^~][A-Z0-9]{2}/g) ?? [];
      for (const c of commands) expect(LAYOUT_COMMANDS).toContain(c);
      expect(commandsOnly(zpl).replace(/[\^~][A-Z0-9]{2}[^\^~]*/g, '').trim()).toBe('');
    }), runs(1));
  }, FUZZ_TIMEOUT_MS);

  it('escaped field data is plain ASCII that decodes back to the exact UTF-8 of the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      const escaped = escapeZplFieldData(s);
      expect(escaped).toMatch(/^[\x20-\x7e]*$/);
      expect(escaped).not.toMatch(/[\^~]/);
      const bytes = escaped.replace(/_([0-9A-F]{2})|([\s\S])/g, (_m, hex: string | undefined, ch: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : ch!));
      expect(Buffer.from(bytes, 'latin1').toString('utf8')).toBe(s);
    }), runs(10));
  }, FUZZ_TIMEOUT_MS);
});
