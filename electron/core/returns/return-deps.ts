import type { Clock } from '../clock';
import type { OrdersService } from '../services/orders-service';
import type { PrintService } from '../services/print-service';
import type { ShippingService } from '../shipping/shipping-service';
import type { Repos } from '../store';

/** What the returns bench needs from the rest of the core. */
export type ReturnsDeps = {
  repos: Repos;
  clock: Clock;
  actor: () => string;
  orders: OrdersService;
  shipping: ShippingService;
  print: PrintService;
  /** the scanner's stand-in for GS (group separator) in GS1 codes */
  gsReplacement: () => string;
};

/** Channels whose orders start here (phone, counter, a file): they take no pushes, so a refund is paid by hand. */
export const LOCAL_CHANNEL_KINDS = ['manual', 'csv'];

/** The channel local orders land in, made on first use (the same one the manual order form uses). */
export function localOrderChannel(repos: Repos): number {
  const found = repos.catalog.channels().find((ch) => ch.kind === 'manual');
  return found ? found.id : repos.catalog.insertChannel('manual', 'Phone and counter', {});
}
