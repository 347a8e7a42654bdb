import type Database from 'better-sqlite3';
import type { CheckResult, Journal, SoakOperation } from './soak-types';

/** The ledger: balances equal the sum of their movements, and none is below zero. */
export function ledgerProblems(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT b.variant_id AS v, b.location_id AS l, b.on_hand AS onHand, b.committed, coalesce(m.oh, 0) AS sumOnHand, coalesce(m.cm, 0) AS sumCommitted
    FROM inventory_balances b LEFT JOIN (SELECT variant_id, location_id, sum(on_hand_delta) AS oh, sum(committed_delta) AS cm FROM inventory_movements GROUP BY 1, 2) m
      ON m.variant_id = b.variant_id AND m.location_id = b.location_id
    WHERE b.on_hand != coalesce(m.oh, 0) OR b.committed != coalesce(m.cm, 0) OR b.on_hand < 0 OR b.committed < 0`).all();
  return rows.map((r) => `ledger out of step: ${JSON.stringify(r)}`);
}

/** Every packed order has exactly one label the printer confirmed. */
export function labelProblems(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT o.id, o.number, (SELECT count(*) FROM print_jobs j WHERE j.order_id = o.id AND j.kind = 'label' AND j.status = 'done') AS confirmed
    FROM orders o WHERE o.status = 'packed'`).all() as Array<{ id: number; number: string; confirmed: number }>;
  return rows.filter((r) => r.confirmed !== 1).map((r) => `order ${r.number} is packed with ${r.confirmed} confirmed labels`);
}

/** Acked changes present exactly once, unanswered ones at most once, plus each operation's own rules. */
export function journalResult(db: Database.Database, journal: Journal, operations: SoakOperation[]): CheckResult {
  const counts = Object.assign({}, ...operations.map((o) => o.counts ?? {})) as Record<string, (db: Database.Database, key: string) => number>;
  const result: CheckResult = { lost: 0, doubled: 0, problems: [] };
  for (const e of journal.entries()) {
    const count = counts[e.kind];
    if (!count) { result.problems.push(`no way to count "${e.kind}"`); continue; }
    const n = count(db, e.key);
    if (e.acked && n === 0) { result.lost++; result.problems.push(`lost: ${e.kind} ${e.key}`); }
    if (n > 1) { result.doubled += n - 1; result.problems.push(`doubled: ${e.kind} ${e.key} (${n} times)`); }
  }
  for (const o of operations) {
    const extra = o.check?.(db, journal);
    if (!extra) continue;
    result.lost += extra.lost;
    result.doubled += extra.doubled;
    result.problems.push(...extra.problems);
  }
  return result;
}
