import type { CarrierRow } from '../store/shipping-repo';
import { CarrierError, type Carrier } from './carrier';
import { createEasyPostCarrier } from './carriers/easypost/easypost-carrier';
import { createLocalCarrier } from './carriers/local/local-carrier';
import { createShippoCarrier } from './carriers/shippo/shippo-carrier';

export type CarrierFactory = (account: CarrierRow, apiKey: string | undefined) => Carrier;
export type CarrierTimeouts = { timeoutMs?: number | undefined };

/** The real adapters, each on its vendor's official client, pointed at the account's base URL. */
export function defaultCarrierFactory(options: CarrierTimeouts = {}): CarrierFactory {
  return (account, apiKey) => {
    if (account.kind === 'local') {
      return createLocalCarrier({ priceMinor: account.config.localPriceMinor ?? 0, currency: 'GBP', days: account.config.localDays ?? 1, nextSequence: () => Date.now() % 1e9 });
    }
    if (!apiKey) throw new CarrierError('auth', `${account.name} has no API key. Add it in Settings → Carriers.`);
    const common = { apiKey, name: account.name, ...(account.config.baseUrl ? { baseUrl: account.config.baseUrl } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
    return account.kind === 'easypost' ? createEasyPostCarrier(common) : createShippoCarrier(common);
  };
}
