import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Packbench's package.json, found from this file whether it runs from source or from out/. */
export function findAppRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'packbench') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`Packbench's package.json was not found above ${from}`);
    dir = up;
  }
}

export function migrationsFolder(): string {
  return join(findAppRoot(), 'electron', 'core', 'store', 'migrations');
}
