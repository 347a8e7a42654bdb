// A station whose sync engine drains the outbox in its own process, so a test can SIGKILL it mid-push.
// Usage: sync-worker.ts <dataDir> <channelId>: prints "started", then "waiting N" as the queue drains.
import { createCore } from '../../electron/core/create-core';
import { FAST_TIMING } from './sync-station';

const [dataDir, channelIdArg] = process.argv.slice(2);
console.error = () => {};
console.warn = () => {};
// a test may ask for one push at a time (PACKBENCH_TEST_CONCURRENCY=1), to know what was in flight at a kill
const concurrency = Number(process.env.PACKBENCH_TEST_CONCURRENCY) || undefined;
const core = createCore({ dataDir: dataDir!, actor: 'worker', sync: { timing: { ...FAST_TIMING, ...(concurrency ? { concurrency } : {}) }, requestTimeoutMs: 2000 } });
console.log('started');
setInterval(() => {
  console.log(`waiting ${core.workspace().repos.outboxDrain.depth(Number(channelIdArg)).waiting}`);
}, 50);
