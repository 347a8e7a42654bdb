import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from './secret-box';

export const KEY_FILE_NAME = 'packbench.key';
const VERSION = 1;

/**
 * The browser station's secret box: a random 256-bit key in `packbench.key` beside the database, readable by
 * its owner only (0600). Keys are sealed with AES-256-GCM: [version][12-byte IV][16-byte tag][ciphertext].
 * Copying the database without the key file copies no usable secret.
 */
export function openKeyFileBox(dataDir: string): SecretBox {
  const file = join(dataDir, KEY_FILE_NAME);
  let key: Buffer;
  if (existsSync(file)) {
    // a key file others can read is tightened, not trusted as is
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    key = readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} is not a Packbench key file (wrong length)`);
  } else {
    key = randomBytes(32);
    // created with its final mode in one step: there is no moment when others could read it
    const fd = openSync(file, 'wx', 0o600);
    try { writeSync(fd, key); } finally { closeSync(fd); }
  }
  return {
    scheme: 'key-file',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      if (sealed[0] !== VERSION || sealed.length < 29) throw new Error('not sealed by this key file');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
    },
  };
}
