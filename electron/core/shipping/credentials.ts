/**
 * Where carrier API keys live: never in SQLite or logs in plain text. The app has one store for them
 * (sync/secrets/credential-store.ts), sealed by the OS keychain in the desktop app (Electron safeStorage)
 * or by the key file beside the database in the browser station; this is what shipping needs from it.
 */
export type { CredentialStore } from '../sync/secrets/credential-store';
