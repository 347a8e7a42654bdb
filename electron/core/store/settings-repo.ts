import type { Db } from './db';

/**
 * Settings as JSON by key. Prepared statements, not the query builder: routing and rules read their
 * settings for every order that lands, and building the query each time cost more than the import.
 */
export function createSettingsRepo(db: Db) {
  const c = db.$client;
  const read = c.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = c.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get<T>(key: string): T | undefined {
      const row = read.get(key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set(key: string, value: unknown) {
      write.run(key, JSON.stringify(value));
    },
  };
}
