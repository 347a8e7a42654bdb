import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { settings } from './schema';

export function createSettingsRepo(db: Db) {
  return {
    get<T>(key: string): T | undefined {
      const row = db.select().from(settings).where(eq(settings.key, key)).get();
      return row ? (row.value as T) : undefined;
    },
    set(key: string, value: unknown) {
      db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    },
  };
}
