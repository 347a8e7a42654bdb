/**
 * Encrypts channel keys before they reach SQLite. The desktop app uses the OS keychain through Electron
 * safeStorage (electron/main/safe-storage-box.ts); the browser station uses AES-256-GCM with a key file
 * (0600) beside the database (key-file-box.ts). Plain text never reaches the database or the log.
 */
export type SecretScheme = 'safe-storage' | 'key-file';

export type SecretBox = {
  scheme: SecretScheme;
  encrypt(plain: string): Buffer;
  /** throws when the bytes were not written by this box (another computer, another key) */
  decrypt(cipher: Buffer): string;
};
