import { describe, expect, it } from 'vitest';
import { DescriptorError, findField, parseReportDescriptor, readField, usage } from '../../electron/core/drivers/hid/report-descriptor';
import { BOOT_KEYBOARD_DESCRIPTOR, HID_POS_SCALE_DESCRIPTOR, HID_POS_SCANNER_DESCRIPTOR } from '../../electron/core/drivers/hid/pos-descriptors';

describe('HID report descriptor parser', () => {
  it('reads the HID POS scanner report: 63 bytes after the id, decoded data at byte 5, continued flag in bit 0 of byte 63', () => {
    const d = parseReportDescriptor(HID_POS_SCANNER_DESCRIPTOR);
    expect(d.applications).toEqual([usage(0x8c, 0x02)]);
    expect(d.reportLength('input', 2)).toBe(64);
    const data = findField(d, 'input', usage(0x8c, 0xfe))!;
    expect(data).toMatchObject({ reportId: 2, bitOffset: 32, bitSize: 8, count: 56 });
    const more = findField(d, 'input', usage(0x8c, 0xff))!;
    expect(more).toMatchObject({ bitOffset: 62 * 8, bitSize: 1, count: 1 });
    expect(more.collections).toEqual([usage(0x8c, 0x02), usage(0x8c, 0x12)]);
  });

  it('reads the scale report: status and unit as selector arrays, a signed exponent and a 16-bit weight', () => {
    const d = parseReportDescriptor(HID_POS_SCALE_DESCRIPTOR);
    expect(d.reportLength('input', 3)).toBe(6);
    expect(d.reportLength('output', 5)).toBe(2);
    const unit = findField(d, 'input', usage(0x8d, 0x5b))!; // ounce is one of the unit choices
    expect(unit.flags & 0x02).toBe(0); // array
    expect(unit.usages[0]).toBe(usage(0x8d, 0x51));
    const report = Uint8Array.from([0x03, 0x04, 0x0b, 0xff, 0x2c, 0x01]); // 30.0 oz, stable
    expect(readField(report, findField(d, 'input', usage(0x8d, 0x41))!)).toBe(-1);
    expect(readField(report, findField(d, 'input', usage(0x8d, 0x40))!)).toBe(300);
    expect(readField(report, unit)).toBe(11);
  });

  it('reads a keyboard with no report ids', () => {
    const d = parseReportDescriptor(BOOT_KEYBOARD_DESCRIPTOR);
    expect(d.applications).toEqual([usage(0x01, 0x06)]);
    expect(d.reportLength('input', 0)).toBe(8);
  });

  const malformed: Array<[string, number[], RegExp]> = [
    ['empty', [], /empty/],
    ['an item cut short', [0x05, 0x8c, 0x09], /runs past the end/],
    ['an End Collection with nothing open', [0x05, 0x8c, 0xc0], /closes nothing/],
    ['a collection never closed', [0x05, 0x8c, 0x09, 0x02, 0xa1, 0x01], /never closed/],
    ['a usage maximum without a minimum', [0x05, 0x8d, 0x29, 0x78], /no usage minimum/],
    ['a Pop without a Push', [0xb4], /no matching Push/],
    ['a zero report size', [0x75, 0x00], /not usable/],
    ['report id zero', [0x85, 0x00], /not allowed/],
    ['reports with and without ids', [0x75, 0x08, 0x95, 0x01, 0x81, 0x02, 0x85, 0x01, 0x81, 0x02], /some reports have an id/],
  ];
  it.each(malformed)('refuses %s', (_name, bytes, reason) => {
    expect(() => parseReportDescriptor(Uint8Array.from(bytes))).toThrow(DescriptorError);
    expect(() => parseReportDescriptor(Uint8Array.from(bytes))).toThrow(reason);
  });
});
