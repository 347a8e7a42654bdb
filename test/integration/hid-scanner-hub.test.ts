import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakeHid, FAKE_DEVICES, type FakeHid } from '../../electron/core/drivers/hid/fake-hid';
import { hidPosScanReports } from '../../electron/core/drivers/hid/pos-descriptors';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { tempDir } from '../support/temp-dir';

type Seen = { event: EventName; payload: unknown };

describe('HID POS scanners through the core', () => {
  let dir: ReturnType<typeof tempDir>;
  let bus: FakeHid;
  let core: Core;
  let client: ApiClient;
  let events: Seen[];

  beforeEach(() => {
    dir = tempDir();
    bus = createFakeHid([FAKE_DEVICES.keyboard()]);
    // a long poll interval: the test drives discovery itself
    core = createCore({ dataDir: dir.path, actor: 'packer-1', devices: { hid: bus, serial: null, pollMs: 60_000 } });
    client = createInMemoryClient(core);
    events = [];
    core.onEvent((event, payload) => events.push({ event, payload }));
  });
  afterEach(() => {
    client.close();
    core.close();
    dir.remove();
  });

  const scanned = () => events.filter((e) => e.event === 'devices.scan').map((e) => e.payload as EventPayload<'devices.scan'>);
  const notices = () => events.filter((e) => e.event === 'devices.changed').map((e) => (e.payload as EventPayload<'devices.changed'>).words);

  it('opens a scanner in HID POS mode, never the keyboard, and offers each scan once', async () => {
    const scanner = FAKE_DEVICES.honeywellScanner();
    bus.plug(scanner);
    await core.devices.hub.poll();
    expect(bus.openCount(FAKE_DEVICES.keyboard().path)).toBe(0);
    expect(bus.openCount(scanner.path)).toBe(1);
    const list = await client.call('devices.list', {});
    // the workspace's own (folder) label printer is listed too
    expect(list.devices.filter((d) => d.kind !== 'printer')).toHaveLength(1);
    expect(list.devices[0]).toMatchObject({ kind: 'scanner', connection: 'hid-pos', state: 'ready', id: 'hid:0c2e:0b87:19097B4F1' });
    expect(list.devices[0]!.detail).toContain('report layout from its descriptor');

    for (const r of hidPosScanReports(']E0', '5901234123457')) bus.report(scanner.path, r);
    expect(scanned()).toEqual([{ scanId: expect.any(String), deviceId: 'hid:0c2e:0b87:19097B4F1', deviceName: expect.stringContaining('Voyager'), text: ']E05901234123457' }]);
    const { scanId } = scanned()[0]!;
    // two screens of the same station: the first claim wins, the second screen does nothing
    expect(await client.call('devices.claimScan', { scanId })).toEqual({ claimed: true });
    expect(await client.call('devices.claimScan', { scanId })).toEqual({ claimed: false });
  });

  it('notices an unplug and a replug, in words, and scans again after it', async () => {
    const scanner = FAKE_DEVICES.honeywellScanner();
    bus.plug(scanner);
    await core.devices.hub.poll();
    bus.unplug(scanner.path); // the open device errors at once, as hidapi does
    let list = await client.call('devices.list', {});
    expect(list.devices[0]).toMatchObject({ state: 'unplugged', words: expect.stringMatching(/^Unplugged\. Plug it back in/) });
    expect(notices().at(-1)).toMatch(/Scanner .*Voyager.*: unplugged\. Plug it back in/);

    bus.plug(scanner);
    await core.devices.hub.poll();
    list = await client.call('devices.list', {});
    expect(list.devices[0]).toMatchObject({ state: 'ready' });
    expect(notices().at(-1)).toMatch(/plugged back in and ready/);
    for (const r of hidPosScanReports(']C0', 'SKU-1')) bus.report(scanner.path, r);
    expect(scanned().map((s) => s.text)).toEqual([']C0SKU-1']);
  });

  it('says in words when the OS will not let it open the scanner, and tries again after a replug', async () => {
    const scanner = FAKE_DEVICES.honeywellScanner();
    bus.plug(scanner);
    bus.failNextOpen(scanner.path, Object.assign(new Error('open /dev/hidraw11: permission denied'), { code: 'EACCES' }));
    await core.devices.hub.poll();
    let [device] = (await client.call('devices.list', {})).devices;
    expect(device).toMatchObject({ state: 'error' });
    expect(device!.lastError).toMatch(/may not open this scanner: .*udev rules/);
    await core.devices.hub.poll();
    expect(bus.openCount(scanner.path)).toBe(0); // not hammered every second
    bus.unplug(scanner.path);
    await core.devices.hub.poll();
    bus.plug(scanner);
    await core.devices.hub.poll();
    [device] = (await client.call('devices.list', {})).devices;
    expect(device).toMatchObject({ state: 'ready' });
  });

  it('refuses a device that claims to be a scanner but whose descriptor is broken', async () => {
    bus.plug({ ...FAKE_DEVICES.honeywellScanner(), descriptor: Uint8Array.from([0x06, 0x8c, 0x00, 0x09, 0x02, 0xa1, 0x01]) });
    await core.devices.hub.poll();
    const [device] = (await client.call('devices.list', {})).devices;
    expect(device).toMatchObject({ state: 'error' });
    expect(device!.words).toMatch(/report descriptor is malformed \(a collection is never closed\)/);
  });

  it('reads the documented layout when the OS gives no descriptor (Windows, macOS)', async () => {
    const scanner = { ...FAKE_DEVICES.honeywellScanner(), descriptor: undefined };
    bus.plug(scanner);
    await core.devices.hub.poll();
    for (const r of hidPosScanReports(']d2', '0109506000134352\u001d21SER1')) bus.report(scanner.path, r);
    expect(scanned().map((s) => s.text)).toEqual([']d20109506000134352\u001d21SER1']);
    expect((await client.call('devices.list', {})).devices[0]!.detail).toContain('report layout documented');
  });
});
