import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/contract/errors';
import { createCore } from '../create-core';
import { browserStationDevices } from '../devices/browser-station-devices';
import { findAppRoot } from '../store/app-root';
import { resolveDataDir } from './data-dir';
import { restoreBackupOffline } from '../store/restore';
import { isLoopbackHost, checkStationToken } from './station-access';
import { startupFailure } from './startup-words';
import { startWebHost, type WebHost } from './web-host';
import { startDemoCarriers } from '../demo/demo-carriers';

/** `npm run serve`: the browser station. Plain Node; prints the tokenised URL to open. */
async function main(options: Options) {
  let values = options;
  const dataDir = resolveDataDir(values['data-dir']);
  if (values['restore-backup']) {
    const restored = restoreBackupOffline(dataDir, values['restore-backup']);
    console.log(`Packbench: the backup ${restored.backup} was put back. The file it replaced was kept as ${restored.keptAs}.`);
  }
  const firstRun = values['first-run'] === 'empty' ? 'empty' : 'demo';
  const token = stationToken(values);
  const demoCarriers = values['demo-carriers'] ? await startDemoCarriers() : undefined;
  const core = createCore({ dataDir, firstRun, devices: browserStationDevices(), ...(demoCarriers ? { shipping: { demoCarriers: demoCarriers.urls } } : {}) });
  const appRoot = findAppRoot();
  // phones switched on (Settings → Phones and tablets): the shop's network too, unless --host says where
  if (!process.argv.some((a) => a === '--host' || a.startsWith('--host=')) && core.workspace().phones.lanEnabled()) {
    values = { ...values, host: '0.0.0.0' };
    console.log('Packbench: phones and tablets are switched on, so the station also listens on this computer\'s networks (only paired devices get in from there).');
  }
  if (!isLoopbackHost(values.host)) {
    console.warn(`Packbench: listening on ${values.host}, beyond this computer, because --host asked for it.`);
  }
  let host: WebHost;
  try {
    host = await startWebHost({ core, staticDir: join(appRoot, 'out', 'renderer'), host: values.host, port: Number(values.port), ...(token ? { token } : {}) });
  } catch (e) {
    core.close();
    throw e;
  }
  console.log(`Packbench browser station (data: ${dataDir})`);
  if (demoCarriers) console.log(`Demo carriers: EasyPost emulator ${demoCarriers.urls.easypost}, Shippo emulator ${demoCarriers.urls.shippo}`);
  if (values['demo-channels']) {
    const r = await core.handle('sync.startDemoChannels', {});
    console.log(r.ok ? `Demo shops: ${(r.result as { words: string }).words}` : `Demo shops not started: ${r.error.message} ${r.error.hint ?? ''}`);
  }
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

type Options = { 'data-dir'?: string | undefined; port: string; host: string; 'first-run': string; token?: string | undefined; 'token-file'?: string | undefined; 'restore-backup'?: string | undefined; 'demo-carriers'?: boolean | undefined; 'demo-channels'?: boolean | undefined };

/** A token on the command line is visible to every user (ps); the environment or a file is not. */
function stationToken(values: Options): string | undefined {
  if (values.token !== undefined) {
    throw new AppError('invalid_request', 'A token given with --token can be read by every user of this computer (ps lists command lines).',
      'Put it in the PACKBENCH_TOKEN environment variable, or in a file named with --token-file, or leave it out for a fresh one at every start.');
  }
  let token = process.env.PACKBENCH_TOKEN;
  if (values['token-file']) {
    try {
      token = readFileSync(values['token-file'], 'utf8').trim();
    } catch (e) {
      throw new AppError('invalid_request', `The token file ${values['token-file']} could not be read (${(e as { code?: string }).code ?? String(e)}).`, 'Check the path given with --token-file.');
    }
  }
  if (token !== undefined && token !== '') checkStationToken(token);
  return token || undefined;
}

// Bad input must never take the station down; a bug is logged and the station keeps serving.
process.on('uncaughtException', (e) => console.error('[station] unexpected error (station still running):', e));
process.on('unhandledRejection', (e) => console.error('[station] unexpected rejection (station still running):', e));

let options: Options = { port: '0', host: '127.0.0.1', 'first-run': 'demo' };
try {
  options = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: process.env.PACKBENCH_PORT ?? '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'first-run': { type: 'string', default: 'demo' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      'restore-backup': { type: 'string' },
      // the demo workspace buys labels from EasyPost and Shippo emulators on loopback: no account needed
      'demo-carriers': { type: 'boolean', default: process.env.PACKBENCH_DEMO_CARRIERS === '1' },
      // and the shops: WooCommerce and Shopify emulators inside the station, connected, with demo orders
      'demo-channels': { type: 'boolean', default: process.env.PACKBENCH_DEMO_CHANNELS === '1' },
    },
    allowPositionals: true,
  }).values as Options;
} catch (e) {
  console.error(`Packbench could not start: ${e instanceof Error ? e.message : String(e)}.`);
  console.error('Options: --data-dir <folder>, --port <n>, --host <address>, --first-run demo|empty, --token-file <file>, --restore-backup latest|<name>, --demo-carriers, --demo-channels.');
  process.exit(2);
}

main(options).catch((e: unknown) => {
  const words = startupFailure(e, { host: options.host, port: Number(options.port) });
  console.error(`Packbench could not start: ${words.message}`);
  if (words.hint) console.error(words.hint);
  if (words.detail) console.error(`(${words.detail})`);
  process.exit(1);
});
