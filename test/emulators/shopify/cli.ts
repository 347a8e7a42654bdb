// npm run emulator:shopify [-- --port 8788 --orders 6]: a demo Shopify store on 127.0.0.1 for trying
// sync with no account anywhere. Connect it in Settings → Channels with the address and token printed.

import { seedDemoShop } from './seed';
import { startShopifyEmulator } from './server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const emu = await startShopifyEmulator({ port: arg('port', 8788), seed: (s) => seedDemoShop(s, arg('orders', 6)) });
console.log(`Shopify emulator: store address ${emu.url}  access token ${emu.accessToken}`);
console.log(`Add orders: curl -X POST ${emu.url}/_emulator/orders -d '{"lines":[{"sku":"MUG-ENAMEL-WHT","quantity":1}],"email":"you@example.com"}'`);
const stop = () => { void emu.stop().then(() => process.exit(0)); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
