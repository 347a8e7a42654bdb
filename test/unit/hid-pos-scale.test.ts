import { describe, expect, it } from 'vitest';
import { HID_POS_SCALE_DESCRIPTOR, HID_POS_SCANNER_DESCRIPTOR } from '../../electron/core/drivers/hid/pos-descriptors';
import { DOCUMENTED_SCALE_LAYOUT, parseScaleReport, scaleLayoutFromDescriptor, type ScaleLayout, type ScaleReport } from '../../electron/core/drivers/scale/hid-pos-scale';
import { createScaleTracker } from '../../electron/core/drivers/scale/scale-tracker';

function layout(): ScaleLayout {
  const r = scaleLayoutFromDescriptor(HID_POS_SCALE_DESCRIPTOR);
  if (!r.ok) throw new Error(r.reason);
  return r.layout;
}

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('HID POS scale reports', () => {
  // Bytes published for Dymo M10/M25 scales: [id, status, unit, exponent, weight LE]
  const examples: Array<[string, Uint8Array, Partial<ScaleReport>]> = [
    ['30.0 oz, steady (integration reference)', bytes(0x03, 0x04, 0x0b, 0xff, 0x2c, 0x01), { status: 'stable', unit: 'oz', amount: 30, grams: 850.5 }],
    ['an empty Dymo M10 in ounces (steventsnyder.com)', bytes(3, 2, 11, 255, 0, 0), { status: 'zero', unit: 'oz', amount: 0, grams: 0 }],
    ['20 g (antradar.com)', bytes(3, 4, 0x02, 0x00, 0x14, 0x00), { status: 'stable', unit: 'g', amount: 20, grams: 20 }],
    ['40 lb 5.2 oz sent as 645.2 oz (antradar.com)', bytes(3, 4, 0x0b, 0xff, 0x34, 0x19), { unit: 'oz', amount: 645.2, grams: 18291.1 }],
    ['2.5 kg in motion', bytes(3, 3, 0x03, 0xff, 0x19, 0x00), { status: 'motion', unit: 'kg', amount: 2.5, grams: 2500 }],
    ['5.25 lb', bytes(3, 4, 0x0c, 0xfe, 0x0d, 0x02), { unit: 'lb', amount: 5.25, grams: 2381.4 }],
    ['below zero', bytes(3, 5, 0x02, 0x00, 0x0c, 0x00), { status: 'under-zero', amount: -12, grams: -12 }],
    ['over capacity', bytes(3, 6, 0x02, 0x00, 0x00, 0x00), { status: 'over-weight' }],
  ];
  it.each(examples)('reads %s the same way through the descriptor and the documented layout', (_name, report, expected) => {
    expect(parseScaleReport(report, layout())).toMatchObject(expected);
    expect(parseScaleReport(report, DOCUMENTED_SCALE_LAYOUT)).toMatchObject(expected);
  });

  it('finds the zero command the scale declares as an output report', () => {
    expect([...layout().zeroReport!]).toEqual([0x05, 0x01]);
  });

  it('ignores other reports and refuses a descriptor that is not a scale', () => {
    expect(parseScaleReport(bytes(0x04, 1, 2, 3), layout())).toBeNull();
    expect(parseScaleReport(bytes(0x03, 4, 2), layout())).toBeNull();
    const r = scaleLayoutFromDescriptor(HID_POS_SCANNER_DESCRIPTOR);
    expect(r.ok).toBe(false);
  });
});

describe('scale readings the bench may use', () => {
  const at = (status: ScaleReport['status'], grams: number): ScaleReport => ({ status, unit: 'g', exponent: 0, value: Math.abs(grams), amount: grams, grams });

  it('discards the first report after opening: it repeats the reading from before', () => {
    const t = createScaleTracker();
    expect(t.push(at('stable', 999), 0)).toBeNull();
    expect(t.current().state).toBe('waiting');
  });

  it('takes no weight while the scale is settling, and takes it once steady for long enough', () => {
    const t = createScaleTracker({ stableMs: 400 });
    t.push(at('stable', 0), 0);
    t.push(at('motion', 800), 100);
    expect(t.current()).toMatchObject({ state: 'settling', stable: false });
    t.push(at('stable', 1210), 200);
    expect(t.current()).toMatchObject({ state: 'settling', stable: false, grams: 1210 });
    // a different value restarts the clock
    t.push(at('stable', 1212), 350);
    expect(t.tick(700)).toBeNull();
    expect(t.tick(760)).toMatchObject({ state: 'stable', stable: true, grams: 1212, words: 'Steady at 1.212 kg.' });
  });

  it('says plainly when the parcel is over capacity or below zero, and gives no weight', () => {
    const t = createScaleTracker();
    t.push(at('stable', 0), 0);
    t.push(at('over-weight', 0), 10);
    expect(t.current()).toMatchObject({ state: 'over-capacity', stable: false, grams: null, display: 'OVER' });
    expect(t.current().words).toMatch(/heavier than the scale can weigh/);
    t.push(at('under-zero', -15), 20);
    expect(t.current()).toMatchObject({ state: 'under-zero', grams: null });
    expect(t.current().words).toMatch(/below zero: empty it and press its ZERO button/);
  });

  it('tares the empty box and zeroes in software, only on a steady reading', () => {
    const t = createScaleTracker({ stableMs: 0 });
    t.push(at('stable', 0), 0);
    t.push(at('motion', 150), 1);
    expect(t.tare()).toBe(false);
    t.push(at('stable', 150), 2);
    expect(t.tare()).toBe(true);
    t.push(at('stable', 1150), 3);
    expect(t.current()).toMatchObject({ grams: 1000, tareGrams: 150, stable: true });
    expect(t.current().words).toBe('Steady at 1.000 kg (box of 150 g taken off).');
    t.clearTare();
    expect(t.current().grams).toBe(1150);
    expect(t.zero()).toBe(true);
    expect(t.current().grams).toBe(0);
  });
});
