import type { Db } from './db';

export type ParcelWeightRow = {
  orderId: number;
  sessionId: number;
  contents: string;
  grams: number;
  expectedGrams: number | null;
  acceptedBy: string;
  acceptReason: string;
  at: string;
};

/** What closed parcels weighed, by exact contents: the expected weight of the same items is learned from it. */
export function createWeightsRepo(db: Db) {
  const c = db.$client;
  return {
    record(r: ParcelWeightRow): void {
      c.prepare(`INSERT INTO parcel_weights (order_id, session_id, contents, grams, expected_grams, accepted_by, accept_reason, created_at)
        VALUES (@orderId, @sessionId, @contents, @grams, @expectedGrams, @acceptedBy, @acceptReason, @at)`).run(r);
    },
    /** the most recent weights of parcels holding exactly these items, newest first */
    forContents(contents: string, limit = 50): number[] {
      return (c.prepare('SELECT grams FROM parcel_weights WHERE contents = ? ORDER BY id DESC LIMIT ?').all(contents, limit) as Array<{ grams: number }>).map((r) => r.grams);
    },
    forSession(sessionId: number): ParcelWeightRow | undefined {
      return c.prepare(`SELECT order_id AS orderId, session_id AS sessionId, contents, grams, expected_grams AS expectedGrams,
        accepted_by AS acceptedBy, accept_reason AS acceptReason, created_at AS at FROM parcel_weights WHERE session_id = ? ORDER BY id DESC LIMIT 1`).get(sessionId) as ParcelWeightRow | undefined;
    },
  };
}
export type WeightsRepo = ReturnType<typeof createWeightsRepo>;
