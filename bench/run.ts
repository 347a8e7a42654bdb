import { foundationBench } from './foundation-bench';
import { labelBench } from './label-bench';
import { pickingBench } from './picking-bench';
import { returnsBench } from './returns-bench';
import { scanBench } from './scan-bench';
import { csvBench } from './csv-bench';
import { shippingBench } from './shipping-bench';
import { deviceBench } from './device-bench';
import { shopifyBench } from './shopify-bench';
import { stockBench } from './stock-bench';
import { syncBench } from './sync-bench';

// `npm run bench`: prints figures. Targets are shown beside them; nothing here fails a build.
const only = process.argv[2];
console.log(`Packbench benchmarks — node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === 'foundation') await foundationBench();
if (!only || only === 'labels') await labelBench();
if (!only || only === 'scan') await scanBench();
if (!only || only === 'returns') await returnsBench();
if (!only || only === 'csv') await csvBench();
if (!only || only === 'shipping') await shippingBench();
if (!only || only === 'picking') await pickingBench();
if (!only || only === 'devices') await deviceBench();
if (!only || only === 'sync') await syncBench();
if (!only || only === 'shopify') await shopifyBench();
if (!only || only === 'stock') await stockBench();
