import { afterEach, beforeEach } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter, type FakePrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { tempDir } from './temp-dir';

export type PackBench = { core: Core; client: ApiClient; printer: FakePrinter; dir: string };

/** A demo workspace on a real SQLite file per test, reached through the typed client, printing to a fake printer. */
export function usePackBench(): PackBench {
  const bench = {} as PackBench;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
    bench.dir = dir.path;
    bench.printer = createFakePrinter({ name: 'Bench fake' });
    bench.core = createCore({ dataDir: dir.path, actor: 'packer-1', printerFactory: () => bench.printer });
    bench.client = createInMemoryClient(bench.core);
  });
  afterEach(async () => {
    await bench.core.workspace().print.idle();
    bench.client.close();
    bench.core.close();
    dir.remove();
  });
  return bench;
}
