// Helpers for tests against the Shopify emulator: raw GraphQL calls (as any client would send them)
// and the adapter wired to the emulator through its real HTTP port.

import { createShopifyChannel } from '../../electron/core/sync/channels/shopify/shopify-channel';
import { startShopifyEmulator, type ShopifyEmulator, type ShopifyEmulatorOptions } from '../emulators/shopify/server';

export type GqlAnswer = { status: number; body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: string[] }>; extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } } } };

export async function gql(emu: ShopifyEmulator, query: string, variables: Record<string, unknown> = {}, version = '2026-10'): Promise<GqlAnswer> {
  const res = await fetch(emu.graphqlUrl(version), {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': emu.accessToken }, body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlAnswer['body'] };
}

const running: ShopifyEmulator[] = [];

export async function shopifyEmulator(options: ShopifyEmulatorOptions = {}): Promise<ShopifyEmulator> {
  const emu = await startShopifyEmulator({ bulkDelayMs: 50, ...options });
  running.push(emu);
  return emu;
}

export async function stopShopifyEmulators(): Promise<void> {
  while (running.length) await running.pop()!.stop();
}

/** A fresh adapter for the emulator (its own rate gate: a new token per emulator). */
export function shopifyChannel(emu: ShopifyEmulator, requestTimeoutMs = 2000) {
  return createShopifyChannel(
    { channelId: 1, kind: 'shopify', name: 'Test store', baseUrl: emu.url, credentials: { accessToken: emu.accessToken }, options: { shopDomain: emu.domain } },
    { clock: { now: () => new Date() }, requestTimeoutMs },
  );
}
