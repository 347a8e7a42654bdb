import type { DemoCarrierUrls } from './seed-shipping-demo';

/**
 * The carrier emulators (EasyPost and Shippo, from test/emulators) started inside the station, once per
 * process, for the demo workspace: a newcomer buys labels with no account anywhere. Loaded only when asked.
 */
let running: Promise<{ urls: DemoCarrierUrls; stop: () => Promise<void> }> | undefined;

export function startDemoCarriers(): Promise<{ urls: DemoCarrierUrls; stop: () => Promise<void> }> {
  running ??= (async () => {
    const [{ startEasyPostEmulator }, { startShippoEmulator }] = await Promise.all([
      import('../../../test/emulators/easypost-emulator'), import('../../../test/emulators/shippo-emulator'),
    ]);
    const easypost = await startEasyPostEmulator();
    const shippo = await startShippoEmulator();
    return { urls: { easypost: easypost.url, shippo: shippo.url }, stop: async () => { running = undefined; await easypost.stop(); await shippo.stop(); } };
  })();
  running.catch(() => { running = undefined; });
  return running;
}
