import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/contract/errors';
import { createCore } from '../create-core';
import { findAppRoot } from '../store/app-root';
import { resolveDataDir } from './data-dir';
import { startWebHost } from './web-host';
import { startDemoCarriers } from '../demo/demo-carriers';

/** `npm run serve`: the browser station. Plain Node; prints the tokenised URL to open. */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: process.env.PACKBENCH_PORT ?? '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'first-run': { type: 'string', default: 'demo' },
      token: { type: 'string' },
      // the demo workspace buys labels from EasyPost and Shippo emulators on loopback: no account needed
      'demo-carriers': { type: 'boolean', default: process.env.PACKBENCH_DEMO_CARRIERS === '1' },
    },
    allowPositionals: true,
  });
  const dataDir = resolveDataDir(values['data-dir']);
  const firstRun = values['first-run'] === 'empty' ? 'empty' : 'demo';
  const demoCarriers = values['demo-carriers'] ? await startDemoCarriers() : undefined;
  const core = createCore({ dataDir, firstRun, ...(demoCarriers ? { shipping: { demoCarriers: demoCarriers.urls } } : {}) });
  const appRoot = findAppRoot();
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    console.warn(`Packbench: listening on ${values.host}, beyond this computer, because --host asked for it.`);
  }
  const host = await startWebHost({
    core, staticDir: join(appRoot, 'out', 'renderer'), host: values.host, port: Number(values.port),
    ...(values.token || process.env.PACKBENCH_TOKEN ? { token: values.token ?? process.env.PACKBENCH_TOKEN } : {}),
  });
  console.log(`Packbench browser station (data: ${dataDir})`);
  if (demoCarriers) console.log(`Demo carriers: EasyPost emulator ${demoCarriers.urls.easypost}, Shippo emulator ${demoCarriers.urls.shippo}`);
  console.log(`Open: ${host.url}`);
  const stop = async () => {
    await host.close();
    core.close();
    await demoCarriers?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

// Bad input must never take the station down; a bug is logged and the station keeps serving.
process.on('uncaughtException', (e) => console.error('[station] unexpected error (station still running):', e));
process.on('unhandledRejection', (e) => console.error('[station] unexpected rejection (station still running):', e));

main().catch((e: unknown) => {
  if (e instanceof AppError) {
    console.error(`Packbench could not start: ${e.message}`);
    if (e.hint) console.error(e.hint);
  } else {
    console.error('Packbench could not start:', e);
  }
  process.exit(1);
});
