import { AppError } from '../../../shared/contract/errors';
import type { ChannelSettings } from '../../../shared/contract/sync-api';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { ChannelConfig, ChannelRecord } from '../store/sync-repo';
import { isChannelError } from './channel-error';
import { CHANNEL_FACTORIES } from './channels';
import type { SyncEngine, SyncOptions } from './engine/sync-engine';

export type ConnectInput = {
  channelId?: number | undefined; kind: string; name: string; baseUrl: string; credentials: Record<string, string>;
  pollSeconds: number; pushStock: boolean; locationId: number | null;
};

const TEST_TIMEOUT_MS = 15_000;

/**
 * Settings → Channels: connect a shop (its keys sealed by the secret box before they are stored), test it,
 * remove it. Keys never come back out to a screen, and never reach the database or the log in plain text.
 */
export function createChannelSettings(repos: Repos, clock: Clock, engine: SyncEngine, options: SyncOptions) {
  const factories = options.factories ?? CHANNEL_FACTORIES;
  const factoryOf = (kind: string) => factories.find((f) => f.kind === kind);

  function view(c: ChannelRecord): ChannelSettings {
    const sealed = repos.sync.credentials(c.id);
    return {
      channelId: c.id, kind: c.kind, name: c.name, baseUrl: String(c.config.baseUrl ?? ''), pollSeconds: Number(c.config.pollSeconds ?? 10),
      pushStock: c.config.pushStock === true, locationId: c.config.locationId ?? null, connected: c.config.connected !== false && Boolean(c.config.baseUrl),
      hasKeys: Boolean(sealed), keyStorage: sealed?.scheme ?? null, demo: c.config.demo === true,
    };
  }

  function list(): ChannelSettings[] {
    return repos.sync.channels().filter((c) => factoryOf(c.kind)).map(view);
  }

  function storedCredentials(channelId: number | undefined): Record<string, string> {
    if (!channelId) return {};
    const sealed = repos.sync.credentials(channelId);
    const box = options.secrets();
    if (!sealed || !box || box.scheme !== sealed.scheme) return {};
    try { return JSON.parse(box.decrypt(sealed.ciphertext)) as Record<string, string>; } catch { return {}; }
  }

  /** given keys win; a blank field keeps the stored one */
  function mergedCredentials(kind: string, channelId: number | undefined, given: Record<string, string>) {
    const factory = factoryOf(kind)!;
    const stored = storedCredentials(channelId);
    const out: Record<string, string> = {};
    for (const f of factory.credentialFields) out[f.name] = (given[f.name] ?? '').trim() || stored[f.name] || '';
    return out;
  }

  async function test(input: { channelId?: number | undefined; kind?: string | undefined; baseUrl?: string | undefined; credentials: Record<string, string> }) {
    const existing = input.channelId ? repos.sync.channel(input.channelId) : undefined;
    const kind = input.kind ?? existing?.kind ?? '';
    const factory = factoryOf(kind);
    if (!factory) return { ok: false, shopName: '', words: `Packbench cannot connect "${kind}" shops.` };
    const baseUrl = input.baseUrl || String(existing?.config.baseUrl ?? '');
    try {
      const adapter = factory.create(
        { channelId: existing?.id ?? 0, kind, name: existing?.name ?? factory.label, baseUrl, credentials: mergedCredentials(kind, existing?.id, input.credentials), options: {} },
        { clock, fetch: options.fetch, requestTimeoutMs: TEST_TIMEOUT_MS },
      );
      const r = await adapter.testConnection(AbortSignal.timeout(TEST_TIMEOUT_MS));
      return { ok: true, shopName: r.shopName, words: r.words };
    } catch (e) {
      if (isChannelError(e)) {
        if (e.detail) console.warn(`[sync] connection test: ${e.words} | ${e.detail}`);
        return { ok: false, shopName: '', words: e.words };
      }
      console.error('[sync] connection test failed', e);
      return { ok: false, shopName: '', words: 'The connection test failed for a reason Packbench did not expect. Check the address and try again.' };
    }
  }

  function connect(input: ConnectInput): ChannelSettings {
    const factory = factoryOf(input.kind);
    if (!factory) throw new AppError('invalid_request', `Packbench cannot connect "${input.kind}" shops.`, `Choose one of: ${factories.map((f) => f.label).join(', ')}.`);
    const box = options.secrets();
    if (!box) throw new AppError('storage', 'This station has no safe place to keep shop keys, so none were saved.', 'Start Packbench with a data folder it may write to.');
    const existing = input.channelId ? repos.sync.channel(input.channelId) : undefined;
    if (input.channelId && (!existing || existing.kind !== input.kind)) throw new AppError('not_found', 'That channel does not exist any more.', 'Reload Settings.');
    if (input.locationId !== null && !repos.catalog.locations().some((l) => l.id === input.locationId)) {
      throw new AppError('invalid_request', 'Choose a location that exists for where this shop ships from.', undefined, { locationId: 'Unknown location' });
    }
    const credentials = mergedCredentials(input.kind, existing?.id, input.credentials);
    const missing = factory.credentialFields.filter((f) => !credentials[f.name]);
    if (missing.length) {
      throw new AppError('invalid_request', `Enter the ${missing.map((f) => f.label.toLowerCase()).join(' and ')} for ${input.name}.`, undefined,
        Object.fromEntries(missing.map((f) => [`credentials.${f.name}`, `Enter the ${f.label.toLowerCase()}`])));
    }
    try {
      // the factory refuses addresses that cannot work (plain HTTP beyond this computer) before anything is stored
      factory.create({ channelId: 0, kind: input.kind, name: input.name, baseUrl: input.baseUrl, credentials, options: {} }, { clock });
    } catch (e) {
      if (isChannelError(e)) throw new AppError('invalid_request', e.words, undefined, { baseUrl: e.words });
      throw e;
    }
    const at = isoNow(clock);
    const id = repos.transaction(() => {
      const config: ChannelConfig = {
        ...(existing?.config ?? {}), baseUrl: input.baseUrl, pollSeconds: input.pollSeconds, pushStock: input.pushStock, connected: true,
        ...(input.locationId !== null ? { locationId: input.locationId } : {}),
      };
      if (input.locationId === null) delete config.locationId;
      const channelId = existing ? existing.id : repos.catalog.insertChannel(input.kind, input.name, config);
      if (existing) {
        repos.sync.setChannel(channelId, input.name, config);
        // another shop behind the same channel starts from the beginning
        if (String(existing.config.baseUrl ?? '') !== input.baseUrl) repos.sync.resetState(channelId);
        else repos.sync.setPaused(channelId, '');
      }
      repos.sync.setCredentials(channelId, box.scheme, box.encrypt(JSON.stringify(credentials)), at);
      // the shares of every channel change when one starts (or stops) taking stock counts (#7)
      repos.sync.forgetUncounted(channelId);
      if (input.pushStock || existing?.config.pushStock) repos.stockSync.markAll(null, `${input.name} connected`, at);
      return channelId;
    });
    engine.reload(id);
    return view(repos.sync.channel(id)!);
  }

  function remove(channelId: number): ChannelSettings[] {
    const c = repos.sync.channel(channelId);
    if (!c) throw new AppError('not_found', 'That channel does not exist any more.', 'Reload Settings.');
    repos.transaction(() => {
      repos.sync.deleteCredentials(channelId);
      repos.sync.setChannel(channelId, c.name, { ...c.config, connected: false });
      if (c.config.pushStock) repos.stockSync.markAll(null, `${c.name} removed`, isoNow(clock));
    });
    engine.reload(channelId);
    return list();
  }

  return {
    kinds: () => factories.map((f) => ({ kind: f.kind, label: f.label, urlHint: f.urlHint, credentialFields: f.credentialFields })),
    list, test, connect, remove,
  };
}
export type ChannelSettingsService = ReturnType<typeof createChannelSettings>;
