import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { KEY_FILE_NAME, openKeyFileBox } from '../../electron/core/sync/secrets/key-file-box';
import { safeStorageBox } from '../../electron/main/safe-storage-box';
import { startWooEmulator, type WooEmulator } from '../emulators/woocommerce/woo-emulator';
import { tempDir } from '../support/temp-dir';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { vi.restoreAllMocks(); while (cleanup.length) await cleanup.pop()!(); });

async function setup() {
  const dir = tempDir();
  cleanup.push(() => dir.remove());
  const emu: WooEmulator = await startWooEmulator({ consumerKey: 'ck_SECRET_KEY_1234567890', consumerSecret: 'cs_SECRET_SECRET_0987654321' });
  cleanup.push(() => emu.stop());
  return { dir: dir.path, emu };
}

/** every byte Packbench wrote in the data folder, as text, except the key file itself */
function everythingWritten(dir: string): string {
  return readdirSync(dir).filter((f) => f !== KEY_FILE_NAME).map((f) => {
    const p = join(dir, f);
    return statSync(p).isFile() ? readFileSync(p).toString('latin1') : '';
  }).join('\n');
}

describe('channel keys', () => {
  it('the browser station seals keys with a 0600 key file beside the database: never plain text in SQLite or the log, and nothing is shown back', async () => {
    const { dir, emu } = await setup();
    const lines: string[] = [];
    for (const level of ['log', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...a: unknown[]) => { lines.push(a.map(String).join(' ')); });
    const core = createCore({ dataDir: dir, actor: 't' });
    const client = createInMemoryClient(core);
    try {
      // a wrong secret first: the test fails in words, and the words do not repeat the secret
      const wrong = await client.call('channels.test', { kind: 'woocommerce', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: 'cs_WRONG_WRONG_WRONG' } });
      expect(wrong).toMatchObject({ ok: false, words: expect.stringMatching(/refused Packbench's keys.*Settings → Channels/) });
      const saved = await client.call('channels.connect', {
        kind: 'woocommerce', name: 'Shop', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, pollSeconds: 5,
      });
      expect(saved).toMatchObject({ hasKeys: true, keyStorage: 'key-file' });
      expect(JSON.stringify(saved)).not.toContain('SECRET');
      expect(await client.call('channels.test', { channelId: saved.channelId })).toMatchObject({ ok: true, shopName: 'Emulated WooCommerce' });
      await core.workspace().sync.settled();
      // an edit with blank keys keeps the stored ones
      await client.call('channels.connect', { channelId: saved.channelId, kind: 'woocommerce', name: 'Shop renamed', baseUrl: emu.url, credentials: {}, pollSeconds: 5 });
      expect(await client.call('channels.test', { channelId: saved.channelId })).toMatchObject({ ok: true });
    } finally {
      client.close();
      core.close();
    }
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const disk = everythingWritten(dir);
    expect(disk).toContain('channel_credentials');
    expect(disk).not.toContain('SECRET_SECRET');
    expect(disk).not.toContain('SECRET_KEY');
    expect(lines.join('\n')).not.toMatch(/SECRET|WRONG_WRONG/);
    // without the key file the sealed keys are useless: the channel stops, in words
    writeFileSync(join(dir, KEY_FILE_NAME), Buffer.alloc(32, 7), { mode: 0o600 });
    const again = createCore({ dataDir: dir, actor: 't' });
    try {
      const status = again.workspace().sync.status().channels[0]!;
      expect(status).toMatchObject({ state: 'paused', lastError: expect.stringMatching(/keys cannot be unlocked.*Enter them again in Settings → Channels/) });
    } finally {
      again.close();
    }
  });

  it('removing a channel deletes its keys and stops its sync; its orders stay', async () => {
    const { dir, emu } = await setup();
    emu.store.addOrder({ billing: { first_name: 'A', last_name: 'B' }, shipping: { first_name: 'A', last_name: 'B', address_1: 'Street 1', city: 'Town', country: 'DE', postcode: '10115' }, line_items: [{ sku: 'WRAP-BEE', quantity: 1 }] });
    const core = createCore({ dataDir: dir, actor: 't', sync: { timing: { idleCheckMs: 30 } } });
    const client = createInMemoryClient(core);
    try {
      const saved = await client.call('channels.connect', { kind: 'woocommerce', name: 'Shop', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, pollSeconds: 5 });
      await core.workspace().sync.settled();
      expect((await client.call('orders.list', { q: '', channelId: saved.channelId })).total).toBe(1);
      const list = await client.call('channels.remove', { channelId: saved.channelId, confirm: true });
      expect(list.find((c) => c.channelId === saved.channelId)).toMatchObject({ connected: false, hasKeys: false });
      expect(core.workspace().sync.isRunning(saved.channelId)).toBe(false);
      expect((await client.call('orders.list', { q: '', channelId: saved.channelId })).total).toBe(1);
      expect((await client.call('sync.status', {})).channels.find((c) => c.channelId === saved.channelId)!.state).toBe('not_connected');
      // a change for the removed shop waits, and is counted as waiting for a shop not connected, not as "nothing waiting"
      const [order] = (await client.call('orders.list', { q: '', channelId: saved.channelId })).rows;
      await client.call('orders.transition', { id: order!.id, to: 'on_hold', reason: 'address check' });
      expect(await client.call('sync.status', {})).toMatchObject({ waiting: 0, stranded: 1 });
    } finally {
      client.close();
      core.close();
    }
  });

  it('plain HTTP to anything but this computer is refused before anything is stored', async () => {
    const { dir } = await setup();
    const core = createCore({ dataDir: dir, actor: 't' });
    const client = createInMemoryClient(core);
    try {
      await expect(client.call('channels.connect', { kind: 'woocommerce', name: 'Shop', baseUrl: 'http://shop.example.com', credentials: { consumerKey: 'ck', consumerSecret: 'cs' }, pollSeconds: 5 }))
        .rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/unencrypted.*https:\/\//) });
      expect(await client.call('channels.settings', {})).toEqual([]);
    } finally {
      client.close();
      core.close();
    }
  });

  it('the key file box refuses sealed bytes that were tampered with; safeStorage is used only where the OS really has a keychain', () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const box = openKeyFileBox(dir.path);
    const sealed = box.encrypt('{"consumerSecret":"cs_x"}');
    expect(box.decrypt(sealed)).toBe('{"consumerSecret":"cs_x"}');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => box.decrypt(sealed)).toThrow();
    const fake = { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text', encryptString: (s: string) => Buffer.from(`enc:${s}`), decryptString: (b: Buffer) => b.toString().slice(4) };
    expect(safeStorageBox(fake, 'linux')).toBeNull();
    expect(safeStorageBox({ ...fake, getSelectedStorageBackend: () => 'gnome_libsecret' }, 'linux')?.scheme).toBe('safe-storage');
    expect(safeStorageBox({ ...fake, isEncryptionAvailable: () => false }, 'darwin')).toBeNull();
  });
});
