import { describe, expect, it } from 'vitest';
import { languageOf, parseDeviceIdReply, parseDeviceIdString, parsePortStatus } from '../../electron/core/drivers/usb/ieee1284';

function reply(text: string): Uint8Array {
  const body = Buffer.from(text, 'latin1');
  return Uint8Array.from([(body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
}

describe('IEEE 1284 device ids of USB label printers', () => {
  it('reads the model and command languages after the two length bytes', () => {
    const r = parseDeviceIdReply(reply('MFG:Zebra Technologies;CMD:ZPL;MDL:ZD421;CLS:PRINTER;DES:Zebra ZD421-203dpi ZPL;'));
    expect(r).toEqual({ ok: true, id: expect.objectContaining({ manufacturer: 'Zebra Technologies', model: 'ZD421', commands: ['ZPL'], description: 'Zebra ZD421-203dpi ZPL' }) });
    expect(r.ok && languageOf(r.id, 0x0a5f)).toBe('zpl');
  });

  it('accepts the long key names and picks the label language from CMD', () => {
    const epl = parseDeviceIdString('MANUFACTURER:Zebra Technologies;COMMAND SET:EPL2;MODEL:LP 2844;CLASS:PRINTER;');
    expect(epl.ok && epl.id.commands).toEqual(['EPL2']);
    expect(epl.ok && languageOf(epl.id, 0x0a5f)).toBe('epl');
    const tspl = parseDeviceIdString('MFG:TSC;CMD:TSPL2;MDL:TE210;CLS:PRINTER;');
    expect(tspl.ok && languageOf(tspl.id, 0x1203)).toBe('tspl');
    // ZPL wins on printers that speak both
    const both = parseDeviceIdString('MFG:Zebra;CMD:EPL,ZPL;MDL:GK420d;');
    expect(both.ok && languageOf(both.id, 0)).toBe('zpl');
  });

  it('falls back to the maker, then to asking, when CMD says nothing useful', () => {
    const bare = parseDeviceIdString('MFG:Generic;MDL:Thermal 4x6;CMD:ESC/POS;');
    expect(bare.ok && languageOf(bare.id, 0x1203)).toBe('tspl');
    expect(bare.ok && languageOf(bare.id, 0x0483)).toBeNull();
  });

  it('refuses replies that are not device ids', () => {
    expect(parseDeviceIdReply(Uint8Array.from([0]))).toEqual({ ok: false, reason: 'the printer sent no device id' });
    expect(parseDeviceIdReply(Uint8Array.from([0, 1]))).toMatchObject({ ok: false });
    expect(parseDeviceIdString('hello world')).toMatchObject({ ok: false });
  });

  it('reads GET_PORT_STATUS bits: paper empty, selected, not error', () => {
    expect(parsePortStatus(0x18)).toEqual({ paperEmpty: false, selected: true, error: false });
    expect(parsePortStatus(0x38)).toMatchObject({ paperEmpty: true });
    expect(parsePortStatus(0x10)).toMatchObject({ error: true });
    expect(parsePortStatus(0x08)).toMatchObject({ selected: false });
  });
});
