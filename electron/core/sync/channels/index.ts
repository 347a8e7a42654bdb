import type { ChannelFactory } from '../sales-channel';
import { shopifyFactory } from './shopify/shopify-channel';
import { wooCommerceFactory } from './woocommerce/woo-channel';

/**
 * Every vendor Packbench can connect, one line each. A vendor's adapter lives in its own folder
 * (channels/<vendor>/) and exports one ChannelFactory.
 */
export const CHANNEL_FACTORIES: ChannelFactory[] = [
  wooCommerceFactory,
  shopifyFactory,
];

export function channelFactory(kind: string): ChannelFactory | undefined {
  return CHANNEL_FACTORIES.find((f) => f.kind === kind);
}
