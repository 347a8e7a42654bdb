import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // better-sqlite3 and child processes behave best in forked workers
    pool: 'forks',
    // the 9 MB label renderer loads as Node loads it, untransformed (and without a missing source map warning)
    server: { deps: { external: [/zpl-renderer-js/, /zxing-wasm/] } },
  },
});
