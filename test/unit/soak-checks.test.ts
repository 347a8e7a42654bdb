import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { journalResult, ledgerProblems } from '../soak/checks';
import type { Journal, SoakOperation } from '../soak/soak-types';

/** The soak harness's own checks must be able to fail, or its "0 lost, 0 doubled" would mean nothing. */
describe('soak checks', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE notes (reason TEXT); INSERT INTO notes VALUES ('twice'), ('twice'), ('once');
    CREATE TABLE inventory_balances (variant_id INT, location_id INT, on_hand INT, committed INT);
    CREATE TABLE inventory_movements (variant_id INT, location_id INT, on_hand_delta INT, committed_delta INT);
    INSERT INTO inventory_balances VALUES (1, 1, 5, 0); INSERT INTO inventory_movements VALUES (1, 1, 4, 0);`);
  const op: SoakOperation = { name: 'note', weight: 1, run: async () => undefined, counts: { note: (d, key) => (d.prepare('SELECT count(*) AS n FROM notes WHERE reason = ?').get(key) as { n: number }).n } };
  const journal = (entries: Array<{ kind: string; key: string; acked: boolean }>): Journal => ({ record: () => undefined, entries: () => entries });

  it('counts an acknowledged change that is missing as lost, and one stored twice as doubled', () => {
    const r = journalResult(db, journal([
      { kind: 'note', key: 'once', acked: true },
      { kind: 'note', key: 'missing', acked: true },
      { kind: 'note', key: 'missing-but-never-answered', acked: false },
      { kind: 'note', key: 'twice', acked: false },
    ]), [op]);
    expect(r).toMatchObject({ lost: 1, doubled: 1 });
  });

  it('finds a balance that does not add up to its movements', () => {
    expect(ledgerProblems(db)).toHaveLength(1);
  });
});
