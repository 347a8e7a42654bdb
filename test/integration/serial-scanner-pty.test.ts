import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract/events';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakeHid } from '../../electron/core/drivers/hid/fake-hid';
import { createSerialBackend } from '../../electron/core/drivers/serial/serial-backend';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { startPtyPair, type PtyPair } from '../support/pty-pair';
import { tempDir } from '../support/temp-dir';

async function until<T>(what: string, fn: () => T | undefined | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a serial scanner on a real pseudo-terminal', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let client: ApiClient;
  let pty: PtyPair;
  let scans: string[];
  let notices: string[];

  beforeEach(async () => {
    dir = tempDir();
    pty = await startPtyPair(dir.path);
    core = createCore({ dataDir: dir.path, actor: 'packer-1', devices: { hid: createFakeHid(), serial: createSerialBackend(), pollMs: 100 } });
    client = createInMemoryClient(core);
    scans = [];
    notices = [];
    core.onEvent((event, payload) => {
      if (event === 'devices.scan') scans.push((payload as EventPayload<'devices.scan'>).text);
      if (event === 'devices.changed') notices.push((payload as EventPayload<'devices.changed'>).words);
    });
  });
  afterEach(async () => {
    client.close();
    core.close();
    await core.devices.stop();
    await pty.stop();
    dir.remove();
  });

  it('reads scans ended by CR, LF or silence, and notices the port going and coming back', async () => {
    const list = await client.call('devices.addSerialScanner', { path: pty.device, baudRate: 9600 });
    expect(list.devices.filter((d) => d.kind === 'scanner')).toEqual([expect.objectContaining({ id: `serial:${pty.device}`, kind: 'scanner', connection: 'serial', state: 'ready' })]);

    pty.write(']E05901234123457\r\n');
    pty.write(']C1010950600013435210AB\u001d21X9\r');
    pty.write('ORDER-3'); // no suffix: the silence ends it
    await until('three scans', () => scans.length >= 3 && scans);
    expect(scans).toEqual([']E05901234123457', ']C1010950600013435210AB\u001d21X9', 'ORDER-3']);

    await pty.stop(); // the cable is pulled
    await until('the unplug', () => notices.some((n) => /unplugged/.test(n)));
    expect((await client.call('devices.list', {})).devices[0]).toMatchObject({ state: 'unplugged' });

    await pty.start(); // and put back
    await until('the replug', () => notices.some((n) => /plugged back in and ready/.test(n)));
    pty.write('AGAIN-1\n');
    await until('a scan after the replug', () => scans.includes('AGAIN-1'));
  });

  it('says plainly when the port does not exist', async () => {
    const list = await client.call('devices.addSerialScanner', { path: `${dir.path}/no-such-port`, baudRate: 9600 });
    expect(list.devices[0]).toMatchObject({ state: 'unplugged' });
    expect(list.devices[0]!.words).toMatch(/There is no serial port .*no-such-port right now: plug the scanner in/);
  });
});
