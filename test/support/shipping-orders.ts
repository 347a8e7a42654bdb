import type { ApiClient } from '../../shared/rpc/client';
import type { Core } from '../../electron/core/create-core';
import { scanAll } from './pack-helpers';

/** Open demo orders shipped from the main workshop (GB) to a country, or to countries a test picks. */
export function ordersTo(core: Core, country: string | ((c: string) => boolean)): number[] {
  const rows = core.workspace().repos.db.$client.prepare(`SELECT o.id, o.ship_country_code AS c FROM orders o JOIN locations l ON l.id = o.location_id
    WHERE o.status = 'open' AND l.code = 'MAIN' ORDER BY o.id`).all() as Array<{ id: number; c: string }>;
  return rows.filter((r) => (typeof country === 'string' ? r.c === country : country(r.c))).map((r) => r.id);
}

/** Opens the order at the bench and scans every unit; returns the session, ready to close. */
export async function openAndScan(bench: { core: Core; client: ApiClient }, orderId: number): Promise<number> {
  const view = await bench.client.call('pack.open', { orderId });
  await scanAll(bench.core, bench.client, view.sessionId);
  return view.sessionId;
}

/** Opens, scans and closes an order at the bench, as a packer would. */
export async function packOrder(bench: { core: Core; client: ApiClient }, orderId: number) {
  const sessionId = await openAndScan(bench, orderId);
  return bench.client.call('pack.complete', { sessionId });
}
