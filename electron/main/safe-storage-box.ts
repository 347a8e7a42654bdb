import type { SecretBox } from '../core/sync/secrets/secret-box';

/** The part of Electron's safeStorage this uses (passed in, so the choice can be tested where Electron cannot run). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
};

/**
 * Channel keys sealed by the OS keychain (macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux).
 * null where the OS offers none — Linux without a keyring makes safeStorage use a fixed password
 * ("basic_text"), no better than the key file — and the core then falls back to the key file.
 */
export function safeStorageBox(safeStorage: SafeStorageLike, platform: string = process.platform): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    scheme: 'safe-storage',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
