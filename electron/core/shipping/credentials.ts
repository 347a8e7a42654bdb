import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where API keys live: never in SQLite or logs in plain text. The Electron main process passes one
 * backed by safeStorage (the OS keychain); the browser station uses the key-file store below. The sync
 * work builds the shared store; this small interface is what shipping needs from it.
 */
export type CredentialStore = {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  remove(name: string): void;
};

type Sealed = { iv: string; tag: string; data: string };

/**
 * AES-256-GCM with a random key kept in its own file (mode 0600) beside the sealed values. It keeps keys
 * out of the database, backups of it and logs; it is not a keychain, which the desktop app uses instead.
 */
export function createKeyFileCredentials(dataDir: string): CredentialStore {
  const keyFile = join(dataDir, 'credentials.key');
  const storeFile = join(dataDir, 'credentials.json');

  function key(): Buffer {
    if (!existsSync(keyFile)) {
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(keyFile, 0o600);
    const k = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (k.length !== 32) throw new Error(`The credentials key file ${keyFile} is damaged; remove it and enter the carrier keys again.`);
    return k;
  }
  function load(): Record<string, Sealed> {
    if (!existsSync(storeFile)) return {};
    return JSON.parse(readFileSync(storeFile, 'utf8')) as Record<string, Sealed>;
  }
  function save(all: Record<string, Sealed>) {
    const tmp = `${storeFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, storeFile);
  }
  return {
    get(name) {
      const sealed = load()[name];
      if (!sealed) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(sealed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    },
    set(name, value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      save({ ...load(), [name]: { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') } });
    },
    remove(name) {
      const { [name]: _gone, ...rest } = load();
      save(rest);
    },
  };
}
