// A packer's station in its own process, so a test can SIGKILL it mid-order.
// Usage: pack-worker.ts <dataDir> <orderId> <scans>: opens the order, makes that many scans (each
// answered only after it is stored), prints "scanned N" after each, then waits to be killed.
import { createCore } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { printedBarcode } from './pack-helpers';

const [dataDir, orderIdArg, scansArg] = process.argv.slice(2);
const core = createCore({ dataDir: dataDir!, actor: 'worker' });
const client = createInMemoryClient(core);
const view = await client.call('pack.open', { orderId: Number(orderIdArg) });
const sku = view.lines[0]!.sku;
const code = printedBarcode(core, sku);
for (let i = 1; i <= Number(scansArg); i++) {
  // alternate good and refused scans: both kinds must survive the kill
  const r = await client.call('pack.scan', { sessionId: view.sessionId, code: i % 2 ? code : '4006381333931' });
  if (i === 1 && r.outcome !== 'accepted') throw new Error(r.message);
  console.log(`scanned ${i}`);
}
console.log('waiting');
setInterval(() => {}, 1000);
