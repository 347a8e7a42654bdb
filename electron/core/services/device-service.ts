import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { PairedDevice } from '../../../shared/contract/phones';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';

const OFFER_MINUTES = 10;
const LAN_KEY = 'phones.lan';
const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** What a paired phone may ask for: the pick lists and the walk, and what the page needs to start. */
export const DEVICE_METHODS: ReadonlySet<string> = new Set([
  'workspace.info', 'station.settings', 'picking.lists', 'picking.get', 'picking.scan', 'picking.short',
]);

/**
 * Phones and tablets on the shop's network. Pairing: the desk shows a one-time code (as a QR code) for ten
 * minutes; the phone that opens it gets its own token, kept by the station only as a hash. Revoking a
 * device refuses its very next request, and the station closes its connection at once.
 */
export function createDeviceService(repos: Repos, clock: Clock, actor: () => string) {
  const c = repos.db.$client;
  const offers = new Map<string, { name: string; expires: number; by: string }>();
  const cols = `id, name, paired_by AS pairedBy, created_at AS createdAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt`;

  function lanEnabled(): boolean {
    return repos.settings.get<boolean>(LAN_KEY) === true;
  }

  function offer(name: string): { code: string; expiresAt: string } {
    if (!lanEnabled()) throw new AppError('conflict', 'Phones and tablets are switched off for this station.', 'Switch on "Let phones and tablets pick" first.');
    const now = clock.now().getTime();
    for (const [k, o] of offers) if (o.expires < now) offers.delete(k);
    const code = randomBytes(18).toString('base64url');
    offers.set(code, { name, expires: now + OFFER_MINUTES * 60_000, by: actor() });
    return { code, expiresAt: new Date(now + OFFER_MINUTES * 60_000).toISOString() };
  }

  /** The phone opened the pairing address: the code is used up, the device gets its token. */
  function redeem(code: string): { token: string; device: PairedDevice } | null {
    if (!lanEnabled()) return null;
    const o = offers.get(code);
    offers.delete(code);
    if (!o || o.expires < clock.now().getTime()) return null;
    const token = randomBytes(32).toString('base64url');
    const at = isoNow(clock);
    const id = Number(c.prepare('INSERT INTO paired_devices (name, token_hash, paired_by, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
      .run(o.name, hash(token), o.by, at, at).lastInsertRowid);
    return { token, device: get(id)! };
  }

  function get(id: number): PairedDevice | undefined {
    return c.prepare(`SELECT ${cols} FROM paired_devices WHERE id = ?`).get(id) as PairedDevice | undefined;
  }

  /** The device a token belongs to, if it is paired and not revoked (and devices are switched on). */
  function check(token: string | null | undefined): PairedDevice | null {
    if (!token || !lanEnabled()) return null;
    const d = c.prepare(`SELECT ${cols} FROM paired_devices WHERE token_hash = ? AND revoked_at IS NULL`).get(hash(token)) as PairedDevice | undefined;
    if (!d) return null;
    const at = isoNow(clock);
    // last seen to the minute is enough, and spares a write per scan
    if (!d.lastSeenAt || d.lastSeenAt.slice(0, 16) !== at.slice(0, 16)) c.prepare('UPDATE paired_devices SET last_seen_at = ? WHERE id = ?').run(at, d.id);
    return d;
  }

  function revoke(id: number): PairedDevice[] {
    const d = get(id);
    if (!d) throw new AppError('not_found', 'This device is not paired.', 'Reload the list of devices.');
    if (!d.revokedAt) c.prepare('UPDATE paired_devices SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(isoNow(clock), actor(), id);
    return list();
  }

  function list(): PairedDevice[] {
    return c.prepare(`SELECT ${cols} FROM paired_devices ORDER BY revoked_at IS NOT NULL, id DESC LIMIT 200`).all() as PairedDevice[];
  }

  function setLan(enabled: boolean): boolean {
    repos.settings.set(LAN_KEY, enabled);
    if (!enabled) offers.clear();
    return lanEnabled();
  }

  return {
    offer, redeem, check, revoke, list, lanEnabled, setLan,
  };
}
export type DeviceService = ReturnType<typeof createDeviceService>;
