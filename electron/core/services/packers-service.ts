import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Packer, PackerInput } from '../../../shared/contract/packers';
import { foldForSearch } from '../../../shared/domain/search-text';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import { hashPin, verifyPin } from './pin-hash';

/** After this many wrong PINs in a row the packer is locked for LOCK_MINUTES; each later failure locks again. */
export const PIN_TRIES = 5;
export const LOCK_MINUTES = 5;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const nameKey = (name: string) => foldForSearch(name).replace(/\s+/g, ' ');

/**
 * Who is at the bench. A packer may have a PIN; a supervisor must. Wrong PINs are counted in their own
 * transaction (a refused attempt is still an attempt) and lock the packer for a while.
 */
export function createPackersService(repos: Repos, clock: Clock) {
  const { packers } = repos;

  function timeWords(iso: string): string {
    return `${iso.slice(11, 16)} UTC`;
  }

  /** Checks a PIN against a packer, counting failures; throws in words when it does not match or the packer is locked. */
  async function checkPin(packerId: number, pin: string, what: string): Promise<void> {
    const p = packers.record(packerId);
    if (!p || p.archived) throw new AppError('not_found', 'That person is not on the team any more.', 'Reload and choose again.');
    if (!p.pinHash) return;
    const now = clock.now();
    if (p.lockedUntil && new Date(p.lockedUntil) > now) {
      throw new AppError('unauthorized', `${p.name} is locked after too many wrong PINs, until ${timeWords(p.lockedUntil)}.`, 'Wait, or ask a supervisor to set a new PIN on the Team screen.');
    }
    const ok = pin !== '' && await verifyPin(pin, p.pinHash);
    if (ok) {
      if (p.failedPins > 0) repos.transaction(() => packers.pinPassed(p.id));
      return;
    }
    const failed = p.failedPins + 1;
    const lockedUntil = failed >= PIN_TRIES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    repos.transaction(() => packers.pinFailed(p.id, failed, lockedUntil));
    if (lockedUntil) {
      throw new AppError('unauthorized', `Wrong PIN for ${p.name}, ${failed} times: ${what} is locked until ${timeWords(lockedUntil)}.`, 'Wait, or ask a supervisor to set a new PIN.', { pin: 'Wrong PIN.' });
    }
    const left = PIN_TRIES - failed;
    throw new AppError('unauthorized', `Wrong PIN for ${p.name}. ${left} ${left === 1 ? 'try' : 'tries'} left before a ${LOCK_MINUTES}-minute lock.`, 'Type the PIN again.', { pin: 'Wrong PIN.' });
  }

  /** A supervisor named (any case, accents optional) with their PIN; refused in words otherwise. */
  async function authorizeSupervisor(name: string, pin: string, what: string): Promise<Packer> {
    const p = packers.byKey(nameKey(name));
    if (!p || p.archived || p.role !== 'supervisor') {
      throw new AppError('unauthorized', `${name.trim() || 'Nobody'} is not a supervisor on the team, so ${what} was not done.`, 'A supervisor types their own name and PIN.', { supervisor: 'Not a supervisor.' });
    }
    if (!p.pinHash) throw new AppError('unauthorized', `${p.name} has no PIN yet, so cannot approve ${what}.`, 'Set a PIN for them on the Team screen.');
    await checkPin(p.id, pin, `approving as ${p.name}`);
    return packers.toPublic(p);
  }

  /** True once the team has a supervisor with a PIN: overrides and team changes then need one. */
  const supervised = () => packers.counts().supervisors > 0;
  /** True once the team has anyone: work is then recorded only under a chosen packer. */
  const required = () => packers.counts().n > 0;

  async function save(input: z.output<typeof PackerInput>): Promise<Packer> {
    if (supervised()) {
      if (!input.authorizedBy) {
        throw new AppError('unauthorized', 'Changing the team needs a supervisor.', 'A supervisor types their name and PIN below.', { 'authorizedBy.supervisor': 'A supervisor must approve this.' });
      }
      await authorizeSupervisor(input.authorizedBy.supervisor, input.authorizedBy.pin, 'the change to the team');
    }
    const existing = input.id !== undefined ? packers.record(input.id) : undefined;
    if (input.id !== undefined && !existing) throw new AppError('not_found', 'That person is not on the team any more.', 'Reload the Team screen.');
    const role = input.role;
    const keepsPin = input.pin === undefined ? existing?.pinHash ?? null : input.pin;
    if (role === 'supervisor' && !keepsPin && !input.archived) {
      throw new AppError('invalid_request', 'A supervisor needs a PIN (4 to 8 digits): it is what approves overrides.', undefined, { pin: 'A supervisor needs a PIN.' });
    }
    const pinHash = typeof input.pin === 'string' ? await hashPin(input.pin) : input.pin;
    return repos.transaction(() => {
      const key = nameKey(input.name);
      const same = packers.byKey(key);
      if (same && same.id !== input.id) {
        throw new AppError('invalid_request', `${same.name} is already on the team${same.archived ? ' (archived: bring them back instead)' : ''}.`, 'Use another name, e.g. with an initial.', { name: 'This name is taken.' });
      }
      const at = isoNow(clock);
      let id = input.id;
      if (id === undefined) {
        id = packers.insert({ name: input.name, nameKey: key, role, pinHash: pinHash ?? null, at });
      } else {
        packers.update(id, { name: input.name, nameKey: key, role, archivedAt: input.archived ? at : null });
        if (pinHash !== undefined) packers.setPin(id, pinHash);
      }
      return packers.toPublic(packers.record(id)!);
    });
  }

  /** Starts this screen's bench session; returns the token the screen keeps (only its hash is stored). */
  async function signIn(packerId: number, pin: string): Promise<{ packer: Packer; token: string }> {
    const p = packers.record(packerId);
    if (!p || p.archived) throw new AppError('not_found', 'That person is not on the team any more.', 'Reload and choose again.');
    if (p.pinHash && !pin) throw new AppError('unauthorized', `${p.name} has a PIN: type it to start.`, undefined, { pin: 'Type your PIN.' });
    await checkPin(p.id, pin, `signing in as ${p.name}`);
    const token = randomBytes(24).toString('base64url');
    repos.transaction(() => packers.startBench(tokenHash(token), p.id, isoNow(clock)));
    return { packer: packers.toPublic(packers.record(p.id)!), token };
  }

  function endBench(token: string) {
    repos.transaction(() => packers.endBench(tokenHash(token), isoNow(clock)));
  }

  function packerOfToken(token: string): Packer | null {
    if (!token) return null;
    const id = packers.benchPacker(tokenHash(token));
    const p = id !== undefined ? packers.record(id) : undefined;
    return p ? packers.toPublic(p) : null;
  }

  return { save, signIn, endBench, packerOfToken, authorizeSupervisor, supervised, required, list: (archived: boolean) => packers.list(archived), get: (id: number) => packers.record(id) };
}
export type PackersService = ReturnType<typeof createPackersService>;
