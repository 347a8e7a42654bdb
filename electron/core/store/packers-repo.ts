import type { Packer } from '../../../shared/contract/packers';
import type { Db } from './db';

type PackerRecord = { id: number; name: string; role: 'packer' | 'supervisor'; pinHash: string | null; failedPins: number; lockedUntil: string | null; archived: number };

export function createPackersRepo(db: Db) {
  const c = db.$client;
  const cols = 'id, name, role, pin_hash AS pinHash, failed_pins AS failedPins, locked_until AS lockedUntil, archived_at IS NOT NULL AS archived';
  const byId = c.prepare<[number], PackerRecord>(`SELECT ${cols} FROM packers WHERE id = ?`);
  const byKey = c.prepare<[string], PackerRecord>(`SELECT ${cols} FROM packers WHERE name_key = ?`);
  const activeCount = c.prepare<[], { n: number; supervisors: number }>(`SELECT count(*) AS n, coalesce(sum(role = 'supervisor' AND pin_hash IS NOT NULL), 0) AS supervisors
    FROM packers WHERE archived_at IS NULL`);
  const toPublic = (r: PackerRecord): Packer => ({ id: r.id, name: r.name, role: r.role, hasPin: r.pinHash !== null, archived: r.archived === 1, lockedUntil: r.lockedUntil });

  return {
    toPublic,
    record: (id: number) => byId.get(id),
    byKey: (key: string) => byKey.get(key),
    list(archived: boolean): Packer[] {
      return (c.prepare(`SELECT ${cols} FROM packers ${archived ? '' : 'WHERE archived_at IS NULL'} ORDER BY name COLLATE NOCASE`).all() as PackerRecord[]).map(toPublic);
    },
    counts: () => activeCount.get()!,
    insert(p: { name: string; nameKey: string; role: string; pinHash: string | null; at: string }): number {
      return Number(c.prepare('INSERT INTO packers (name, name_key, role, pin_hash, created_at) VALUES (@name, @nameKey, @role, @pinHash, @at)').run(p).lastInsertRowid);
    },
    update(id: number, p: { name: string; nameKey: string; role: string; archivedAt: string | null }) {
      c.prepare('UPDATE packers SET name = @name, name_key = @nameKey, role = @role, archived_at = @archivedAt WHERE id = @id').run({ id, ...p });
    },
    setPin(id: number, pinHash: string | null) {
      c.prepare('UPDATE packers SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?').run(pinHash, id);
    },
    pinFailed(id: number, failedPins: number, lockedUntil: string | null) {
      c.prepare('UPDATE packers SET failed_pins = ?, locked_until = ? WHERE id = ?').run(failedPins, lockedUntil, id);
    },
    pinPassed(id: number) {
      c.prepare('UPDATE packers SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(id);
    },
    startBench(tokenHash: string, packerId: number, at: string) {
      c.prepare('INSERT INTO bench_sessions (token_hash, packer_id, started_at) VALUES (?, ?, ?)').run(tokenHash, packerId, at);
    },
    endBench(tokenHash: string, at: string) {
      c.prepare('UPDATE bench_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL').run(at, tokenHash);
    },
    benchPacker(tokenHash: string): number | undefined {
      return (c.prepare(`SELECT s.packer_id AS id FROM bench_sessions s JOIN packers p ON p.id = s.packer_id
        WHERE s.token_hash = ? AND s.ended_at IS NULL AND p.archived_at IS NULL`).get(tokenHash) as { id: number } | undefined)?.id;
    },
  };
}
export type PackersRepo = ReturnType<typeof createPackersRepo>;
