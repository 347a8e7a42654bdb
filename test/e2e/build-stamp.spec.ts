import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// The e2e run follows `npm run build`: the build must leave the stamp electron/launch.mjs compares with
// the sources, or the first `npm run serve` after a build builds everything again (3-6 s instead of 0.4 s).
test('npm run build leaves a build stamp newer than every source, so the next start does not build again', () => {
  const stamp = join(root, 'out', '.build-stamp');
  expect(existsSync(stamp), 'out/.build-stamp after npm run build').toBe(true);
  const sources = Math.max(...['electron', 'renderer', 'shared'].map((d) => newestMtime(join(root, d))), statSync(join(root, 'electron.vite.config.ts')).mtimeMs);
  expect(Number(readFileSync(stamp, 'utf8'))).toBeGreaterThanOrEqual(sources);
});
