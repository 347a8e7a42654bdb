// A separate process that writes to a real Packbench database, so tests can SIGKILL it mid-work.
// Modes: "adjust <dataDir> <batchSize>" writes batches forever, printing each committed batch;
//        "hold <dataDir>" opens the store and waits (another running instance).
import { createRepos } from '../../electron/core/store';
import { openDatabase } from '../../electron/core/store/db';

const [mode, dataDir, batchArg] = process.argv.slice(2);
const repos = createRepos(openDatabase({ dataDir: dataDir! }).db);

if (mode === 'hold') {
  console.log('holding');
  setInterval(() => {}, 1000);
} else {
  const batch = Number(batchArg ?? 10);
  const variantId = Number(process.env.VARIANT_ID);
  const locationId = Number(process.env.LOCATION_ID);
  let n = 0;
  console.log('ready');
  const loop = () => {
    repos.transaction(() => {
      for (let i = 0; i < batch; i++) {
        repos.inventory.record({ variantId, locationId, kind: 'receive', quantity: 1 + (i % 3), reason: `batch ${n}`, actor: 'worker', reference: `batch:${n}`, at: new Date().toISOString() });
      }
    });
    console.log(`committed ${n}`);
    n++;
    setImmediate(loop);
  };
  loop();
}
