import { describe, expect, it } from 'vitest';
import { usePackBench } from '../support/pack-bench';
import { scanAll } from '../support/pack-helpers';
import { parseEpl } from '../support/label-parsers/epl-parser';
import { parseTspl } from '../support/label-parsers/tspl-parser';

describe('labels in the printer\'s own language', () => {
  const bench = usePackBench();

  async function packOne(): Promise<{ number: string }> {
    const { client, core } = bench;
    const list = await client.call('orders.list', { status: 'open', limit: 1 });
    const order = list.rows[0]!;
    const view = await client.call('pack.open', { orderId: order.id });
    await scanAll(core, client, view.sessionId);
    await client.call('pack.complete', { sessionId: view.sessionId });
    await core.workspace().print.idle();
    return { number: order.number };
  }

  it.each([['epl', parseEpl], ['tspl', parseTspl]] as const)('a %s printer gets the packed order\'s label in its language, calibrated', async (language, parse) => {
    const { client, printer } = bench;
    const saved = await client.call('printers.save', { name: `Bench ${language}`, kind: 'virtual', folder: bench.dir, isDefault: true, language });
    const calibrated = await client.call('printers.calibrate', { printerId: saved.id, language, dpi: 203, offsetX: 16, offsetY: 8 });
    expect(calibrated).toMatchObject({ language, offsetX: 16, offsetY: 8 });
    const { number } = await packOne();
    const job = printer.jobs.at(-1)!;
    const text = Buffer.from(job.bytes).toString('latin1');
    const label = parse(text);
    expect(label.elements.some((e) => e.kind === 'text' && e.text === `ORDER ${number}`)).toBe(true);
    expect(label.elements.filter((e) => e.kind === 'code128').map((e) => (e as { data: string }).data)).toEqual([number]);
    // the shipping label's first element, the FROM caption at the 3 mm margin (24 dots), moved by the offset
    const from = label.elements.find((e) => e.kind === 'text' && e.text === 'FROM')!;
    expect(from.x).toBe(24 + 16);
  });

  it('a test print is the calibration label in the printer\'s language, and keeps the language when the printer is edited', async () => {
    const { client, printer } = bench;
    const saved = await client.call('printers.save', { name: 'Bench TSC', kind: 'virtual', folder: bench.dir, isDefault: true, language: 'tspl', offsetX: 8 });
    // edited without naming the language (the settings screen's form): the language stays
    const edited = await client.call('printers.save', { id: saved.id, name: 'Bench TSC 2', kind: 'virtual', folder: bench.dir, isDefault: true });
    expect(edited).toMatchObject({ language: 'tspl', offsetX: 8 });
    await client.call('printers.testPrint', { printerId: saved.id });
    await bench.core.workspace().print.idle();
    const label = parseTspl(Buffer.from(printer.jobs.at(-1)!.bytes).toString('latin1'));
    expect(label.elements.filter((e) => e.kind === 'text').map((e) => (e as { text: string }).text)).toContain('Printer: Bench TSC 2');
  });
});
