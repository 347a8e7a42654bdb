import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from './secret-box';

/** Named secrets (carrier API keys): one store for the app, sealed like the channel keys. */
export type CredentialStore = {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  remove(name: string): void;
};

type Sealed = { scheme: string; sealed: string };

export const CREDENTIALS_FILE = 'credentials.json';

/**
 * Secrets sealed by the app's secret box (the OS keychain in the desktop app, the key file beside the
 * database in the browser station) in `credentials.json` (mode 0600) beside the database. A secret sealed
 * by another box (the database moved between the desktop app and a station) reads as absent: the screens
 * then ask for it again.
 */
export function createSealedCredentials(dataDir: string, box: () => SecretBox | null): CredentialStore {
  const file = join(dataDir, CREDENTIALS_FILE);
  const load = (): Record<string, Sealed> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Sealed>) : {});
  const save = (all: Record<string, Sealed>) => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, file);
    chmodSync(file, 0o600);
  };
  const needBox = () => {
    const b = box();
    if (!b) throw new Error('This station has no safe place to keep keys (the key file beside the database could not be opened).');
    return b;
  };
  return {
    get(name) {
      const entry = load()[name];
      const b = box();
      if (!entry || !b || entry.scheme !== b.scheme) return undefined;
      try { return b.decrypt(Buffer.from(entry.sealed, 'base64')); } catch { return undefined; }
    },
    set(name, value) {
      const b = needBox();
      save({ ...load(), [name]: { scheme: b.scheme, sealed: b.encrypt(value).toString('base64') } });
    },
    remove(name) {
      const { [name]: _gone, ...rest } = load();
      save(rest);
    },
  };
}
