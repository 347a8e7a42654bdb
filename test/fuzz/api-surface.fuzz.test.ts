import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../shared/contract/api';
import { ERROR_CODES } from '../../shared/contract/errors';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { tempDir } from '../support/temp-dir';
import { FUZZ_TIMEOUT_MS, hostileText, runs } from './fuzz-config';

// Replacing or restoring the whole workspace is fuzzed apart: it would throw away what the others built.
const DESTRUCTIVE = new Set<string>(['workspace.resetDemo', 'workspace.startEmpty', 'backups.restore']);
const METHODS = (Object.keys(api) as MethodName[]).filter((m) => !DESTRUCTIVE.has(m));

// Field names used across the contract, so random objects often reach past the first check.
const FIELDS = ['id', 'orderId', 'sessionId', 'jobId', 'printerId', 'variantId', 'locationId', 'lineId', 'code', 'q', 'limit', 'offset',
  'reason', 'to', 'status', 'quantity', 'countedOnHand', 'sku', 'supervisor', 'name', 'kind', 'host', 'port', 'folder', 'confirm', 'minLength'];

const value: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer({ min: -3, max: 70 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER, true, false, null, 'open', 'packed', 'tcp', 'virtual', '4x6', 'on_hold', 'cancelled'),
  fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 4 }),
);
const input = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  fc.anything({ maxDepth: 2 }),
);

/** on_hand = the sum of its movements, and no balance below zero */
function ledgerProblems(core: Core): string[] {
  const c = core.workspace().repos.db.$client;
  const drift = c.prepare(`SELECT b.variant_id, b.location_id FROM inventory_balances b LEFT JOIN (
      SELECT variant_id, location_id, sum(on_hand_delta) AS oh, sum(committed_delta) AS cm FROM inventory_movements GROUP BY 1, 2) m
      ON m.variant_id = b.variant_id AND m.location_id = b.location_id
    WHERE b.on_hand != coalesce(m.oh, 0) OR b.committed != coalesce(m.cm, 0) OR b.on_hand < 0 OR b.committed < 0`).all();
  return drift.map((r) => JSON.stringify(r));
}

describe('fuzz: the API surface', () => {
  const dir = tempDir();
  let core: Core;
  beforeAll(() => { core = createCore({ dataDir: dir.path, printerFactory: () => createFakePrinter() }); });
  afterAll(async () => {
    await core.workspace().print.idle();
    core.close();
    dir.remove();
  });

  it('every method answers any input with a result or an error in words; nothing throws, leaks a stack or breaks the ledger', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...METHODS), input, async (method, raw) => {
      // inputs travel as JSON, as every transport carries them
      const wire = raw === undefined ? undefined : JSON.parse(JSON.stringify(raw) ?? 'null') as unknown;
      const r = await core.handle(method, wire);
      if (!r.ok) {
        expect(ERROR_CODES).toContain(r.error.code);
        expect(r.error.message.length).toBeGreaterThan(0);
        expect(`${r.error.message} ${r.error.hint ?? ''}`).not.toMatch(/\n\s+at |TypeError|ReferenceError|undefined is not/);
        expect(r.error.code).not.toBe('internal');
      }
    }), runs(8));
    expect(ledgerProblems(core)).toEqual([]);
    expect((await core.handle('workspace.info', {})).ok).toBe(true);
  });

  it('unknown methods and odd envelopes are refused in words', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor', 'toString', 'orders.list ')), async (method) => {
      const r = await core.handle(method, {});
      if (!Object.prototype.hasOwnProperty.call(api, method)) expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }), runs(2));
  }, FUZZ_TIMEOUT_MS);
});
