import { defineConfig } from 'drizzle-kit';

// Run from the repository root: npx drizzle-kit generate --config electron/core/store/drizzle.config.ts
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/core/store/schema.ts',
  out: './electron/core/store/migrations',
});
