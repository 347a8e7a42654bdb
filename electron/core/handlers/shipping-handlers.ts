import { AppError } from '../../../shared/contract/errors';
import { startDemoCarriers } from '../demo/demo-carriers';
import { useDemoCarriers } from '../demo/seed-shipping-demo';
import type { HandlerMap } from './types';

export const shippingHandlers: HandlerMap = {
  'carriers.list': (_input, { ws }) => ws.shipping.carriers(),
  'carriers.save': (input, { ws }) => ws.shipping.saveCarrier(input),
  'carriers.useDemo': async (_input, ctx) => {
    if (ctx.ws.kind() !== 'demo') throw new AppError('conflict', 'The demo carriers are for the demo workspace only; this workspace is live or empty.', 'Add your own EasyPost or Shippo account instead.');
    const { urls } = await startDemoCarriers();
    useDemoCarriers(ctx.ws.shipping, ctx.ws.repos, urls);
    return ctx.ws.shipping.carriers();
  },
  'packages.list': (_input, { ws }) => ws.shipping.presets(),
  'packages.save': (input, { ws }) => ws.shipping.savePreset(input),
  'packages.remove': (input, { ws }) => ws.shipping.removePreset(input.id),
  'shipping.rules': (_input, { ws }) => ws.shipping.rules(),
  'shipping.saveRules': (input, { ws }) => ws.shipping.saveRules(input),
  'shipping.skuDefaults': (input, { ws }) => ws.shipping.skuDefaults(input.sku),
  'shipping.saveSkuDefaults': (input, { ws }) => ws.shipping.saveSkuDefaults(input),
  'shipping.parcel': (input, { ws }) => ws.shipping.parcelPlan(input.sessionId),
  'shipping.chooseParcel': (input, { ws }) => ws.shipping.chooseParcel(input),
  'shipments.list': (input, { ws }) => ws.shipping.list(input),
  'shipments.get': (input, { ws }) => ws.shipping.get(input.id),
  'shipments.retry': (input, { ws }) => ws.shipping.retry(input.id),
  'shipments.void': (input, { ws }) => ws.shipping.voidLabel(input.id),
  'shipments.buyAgain': (input, { ws }) => ws.shipping.buyAgain(input.id, { packageId: input.packageId ?? null, weightGrams: input.weightGrams ?? null }),
  'shipments.track': (input, { ws }) => ws.shipping.checkTracking(input.id),
  'shipments.reprint': (input, { ws }) => ws.shipping.reprint(input.id),
  'manifests.list': (input, { ws }) => ws.shipping.manifests(input.limit),
  'manifests.create': (input, { ws }) => ws.shipping.createManifest(input.carrierId),
};
