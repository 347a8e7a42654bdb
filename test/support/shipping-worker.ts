// A station that buys labels in its own process, so a test can SIGKILL it mid-purchase.
// Usage: shipping-worker.ts <dataDir>: opens the workspace (its label queue starts at once), prints
// "ready", then "bought N" as labels are bought, and runs until killed.
import { createCore } from '../../electron/core/create-core';
import { QUICK } from './shipping-timing';

const [dataDir] = process.argv.slice(2);
const core = createCore({ dataDir: dataDir!, actor: 'worker', shipping: QUICK });
console.log('ready');
core.onEvent((event, payload) => {
  if (event === 'shipments.changed' && (payload as { status: string }).status === 'bought') console.log('bought');
});
setInterval(() => {}, 1000);
