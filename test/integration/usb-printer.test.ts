import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakeHid } from '../../electron/core/drivers/hid/fake-hid';
import { isPrinterError } from '../../electron/core/drivers/printer';
import { createUsbPrinter } from '../../electron/core/drivers/printer/usb-printer';
import { createFakeUsb, FAKE_USB_PRINTERS, type FakeUsb } from '../../electron/core/drivers/usb/fake-usb';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { scanAll } from '../support/pack-helpers';
import { parseEpl } from '../support/label-parsers/epl-parser';
import { parseTspl } from '../support/label-parsers/tspl-parser';
import { tempDir } from '../support/temp-dir';

const meta = { jobId: '1', name: 'job-1' };

describe('a USB label printer on its own', () => {
  it('reads its status first, refuses when it says it is out of labels, and confirms a ZPL label from ~HS after the job', async () => {
    const zebra = FAKE_USB_PRINTERS.zebraZd421();
    const usb = createFakeUsb([zebra]);
    const p = createUsbPrinter({ name: 'Bench Zebra', language: 'zpl', backend: usb, locate: () => zebra, confirmTimeoutMs: 2000 });
    expect((await p.status()).message).toBe("Printer 'Bench Zebra' on USB is ready.");
    const job = new TextEncoder().encode('^XA^FO10,10^FDHi^FS^XZ');
    expect(await p.send(job, meta)).toEqual({ confirmed: true, how: expect.stringMatching(/receive buffer empty/) });
    expect(usb.received(zebra.location).toString('latin1')).toContain('^XA^FO10,10^FDHi^FS^XZ');

    usb.set(zebra.location, { portStatus: 0x38 });
    const before = usb.received(zebra.location).length;
    const refused = await p.send(job, meta).catch((e: unknown) => e);
    expect(isPrinterError(refused) && refused.nothingSent).toBe(true);
    expect((refused as Error).message).toMatch(/is not ready\. It is out of labels: load a new roll/);
    expect(usb.received(zebra.location).length - before).toBe(3); // only the ~HS query went out, no label
  });

  it('leaves an EPL2 label unconfirmed, in words, and confirms a TSPL one from <ESC>!?', async () => {
    const lp = FAKE_USB_PRINTERS.zebraLp2844();
    const tsc = FAKE_USB_PRINTERS.tscTe210();
    const usb = createFakeUsb([lp, tsc]);
    const epl = createUsbPrinter({ name: 'LP', language: 'epl', backend: usb, locate: () => lp });
    expect(await epl.send(new TextEncoder().encode('\nN\nP1\n'), meta)).toEqual({ confirmed: false, words: expect.stringMatching(/cannot report back over USB whether it printed it\. Check whether the label came out/) });
    const tspl = createUsbPrinter({ name: 'TSC', language: 'tspl', backend: usb, locate: () => tsc });
    expect(await tspl.send(new TextEncoder().encode('CLS\r\nPRINT 1,1\r\n'), meta)).toMatchObject({ confirmed: true });
    usb.set(tsc.location, { tsplStatus: 0x01 });
    await expect(tspl.send(new TextEncoder().encode('CLS\r\n'), meta)).rejects.toThrow(/print head is open/);
  });

  it('says it is not plugged in, and that nothing was sent', async () => {
    const usb = createFakeUsb();
    const p = createUsbPrinter({ name: 'Gone', language: 'zpl', backend: usb, locate: () => undefined });
    await expect(p.send(new Uint8Array([1]), meta)).rejects.toMatchObject({ nothingSent: true, message: expect.stringMatching(/is offline\. It is not plugged in: connect its USB cable/) });
  });
});

describe('USB label printers at the station', () => {
  let dir: ReturnType<typeof tempDir>;
  let usb: FakeUsb;
  let core: Core;
  let client: ApiClient;

  beforeEach(async () => {
    dir = tempDir();
    usb = createFakeUsb();
    core = createCore({ dataDir: dir.path, actor: 'packer-1', devices: { hid: createFakeHid(), serial: null, usb, pollMs: 60_000 } });
    client = createInMemoryClient(core);
  });
  afterEach(async () => {
    await core.workspace().print.idle();
    client.close();
    core.close();
    dir.remove();
  });

  it('finds a plugged-in printer with its model and language, makes it the label printer, prints the packed order on it, and follows it to another USB port', async () => {
    const lp = FAKE_USB_PRINTERS.zebraLp2844();
    usb.plug(lp);
    await core.devices.hub.poll();
    let list = await client.call('devices.list', {});
    const found = list.devices.find((d) => d.connection === 'usb')!;
    expect(found).toMatchObject({ kind: 'printer', state: 'not-set-up', name: 'Zebra Technologies LP 2844', printer: { printerId: null, language: 'epl', isLabelPrinter: false } });
    expect(found.detail).toContain('EPL (from its device id)');

    const printer = await client.call('devices.makeLabelPrinter', { deviceId: found.id });
    expect(printer).toMatchObject({ kind: 'usb', language: 'epl', isDefault: true, device: '0a5f:000a:42A06001' });
    list = await client.call('devices.list', {});
    expect(list.devices.find((d) => d.id === found.id)).toMatchObject({ state: 'ready', printer: { printerId: printer.id, isLabelPrinter: true } });

    const order = (await client.call('orders.list', { status: 'open', limit: 1 })).rows[0]!;
    const view = await client.call('pack.open', { orderId: order.id });
    await scanAll(core, client, view.sessionId);
    const done = await client.call('pack.complete', { sessionId: view.sessionId });
    await core.workspace().print.idle();
    // an EPL2 printer on one-way USB cannot confirm a label: sent, and said so
    expect((await client.call('print.jobs', {}))[0]).toMatchObject({ id: done.labelJob!.id, status: 'unconfirmed', error: expect.stringMatching(/cannot report back over USB/) });
    const label = parseEpl(usb.received(lp.location).toString('latin1'));
    expect(label.elements.some((e) => e.kind === 'text' && e.text === `ORDER ${order.number}`)).toBe(true);

    // unplugged: the Devices screen says so, and a label fails in words without losing anything
    usb.unplug(lp.location);
    await core.devices.hub.poll();
    expect((await client.call('devices.list', {})).devices.find((d) => d.id === found.id)).toMatchObject({ state: 'unplugged' });
    const test = await client.call('devices.testPrint', { deviceId: found.id });
    await core.workspace().print.idle();
    expect(await client.call('print.job', { jobId: test.id })).toMatchObject({ status: 'failed', error: expect.stringMatching(/not plugged in.*Nothing was sent/) });

    // plugged into another port: the same printer, found again by its serial number
    usb.plug({ ...lp, location: '4-2' });
    await core.devices.hub.poll();
    await client.call('print.retry', { jobId: test.id });
    await core.workspace().print.idle();
    expect(await client.call('print.job', { jobId: test.id })).toMatchObject({ status: 'unconfirmed' });
    expect(parseEpl(usb.received('4-2').toString('latin1')).elements.some((e) => e.kind === 'text' && e.text === 'PACKBENCH CALIBRATION')).toBe(true);
  });

  it('prints a test label on a TSPL printer found on USB before it is set up', async () => {
    const tsc = FAKE_USB_PRINTERS.tscTe210();
    usb.plug(tsc);
    await core.devices.hub.poll();
    const found = (await client.call('devices.list', {})).devices.find((d) => d.connection === 'usb')!;
    await client.call('devices.testPrint', { deviceId: found.id });
    await core.workspace().print.idle();
    // <ESC>!? status queries are immediate commands the printer consumes; the rest is the label
    const label = parseTspl(usb.received(tsc.location).toString('latin1').replaceAll('\x1b!?', ''));
    expect(label.elements.some((e) => e.kind === 'text' && /TSPL, 203 dpi/.test(e.text))).toBe(true);
    // the test print set it up, but did not take over labels
    expect((await client.call('printers.list', {})).find((p) => p.kind === 'usb')).toMatchObject({ isDefault: false, language: 'tspl' });
  });
});
