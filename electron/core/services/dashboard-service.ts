import type { Dashboard } from '../../../shared/contract/packers';
import type { Clock } from '../clock';
import type { Repos } from '../store';

/**
 * The bench at a glance: orders packed per hour per packer, refused scans, failed labels, and orders
 * still here after their ship-by date. Read from the records the bench already keeps; nothing extra is stored.
 */
export function createDashboardService(repos: Repos, clock: Clock) {
  const c = repos.db.$client;
  const perHour = c.prepare(`SELECT substr(created_at, 1, 13) || ':00:00.000Z' AS hour, actor AS packer, count(DISTINCT order_id) AS orders
    FROM order_events WHERE kind = 'packed' AND created_at >= @from GROUP BY 1, 2 ORDER BY 1, 2`);
  const packed = c.prepare(`SELECT actor AS packer, count(DISTINCT CASE WHEN kind = 'packed' THEN order_id END) AS orders, count(*) AS parcels
    FROM order_events WHERE kind IN ('packed', 'parcel_split') AND created_at >= @from GROUP BY actor`);
  const items = c.prepare(`SELECT s.actor AS packer, coalesce(sum(s.quantity), 0) AS items FROM pack_scans s
    WHERE s.outcome IN ('accepted', 'override') AND s.created_at >= @from AND NOT EXISTS (SELECT 1 FROM pack_scans u WHERE u.undoes_scan_id = s.id)
    GROUP BY s.actor`);
  const refusals = c.prepare(`SELECT actor AS packer, count(*) AS n FROM pack_scans
    WHERE outcome IN ('wrong_item', 'over_scan', 'unknown_code', 'invalid_code') AND created_at >= @from GROUP BY actor`);
  const labels = c.prepare(`SELECT ps.actor AS packer, count(*) AS n FROM print_jobs j JOIN pack_sessions ps ON ps.id = j.session_id
    WHERE j.status = 'failed' AND j.kind = 'label' AND j.created_at >= @from GROUP BY ps.actor`);
  const late = c.prepare(`SELECT id, number, customer_name AS customerName, ship_by AS shipBy, status FROM orders
    WHERE ship_by IS NOT NULL AND ship_by < @now AND status IN ('open', 'picking', 'on_hold') ORDER BY ship_by, id LIMIT 50`);
  const lateCount = c.prepare(`SELECT count(*) AS n FROM orders WHERE ship_by IS NOT NULL AND ship_by < @now AND status IN ('open', 'picking', 'on_hold')`);

  return {
    dashboard(hours: number): Dashboard {
      const to = clock.now();
      const from = new Date(to.getTime() - hours * 3600_000);
      // whole hours, so the first bar is not a sliver
      from.setUTCMinutes(0, 0, 0);
      const params = { from: from.toISOString(), now: to.toISOString() };
      const rows = new Map<string, Dashboard['packers'][number]>();
      const row = (packer: string) => {
        let r = rows.get(packer);
        if (!r) { r = { packer, orders: 0, parcels: 0, items: 0, refusals: 0, labelsFailed: 0 }; rows.set(packer, r); }
        return r;
      };
      for (const p of packed.all(params) as Array<{ packer: string; orders: number; parcels: number }>) Object.assign(row(p.packer), { orders: p.orders, parcels: p.parcels });
      for (const p of items.all(params) as Array<{ packer: string; items: number }>) row(p.packer).items = p.items;
      for (const p of refusals.all(params) as Array<{ packer: string; n: number }>) row(p.packer).refusals = p.n;
      for (const p of labels.all(params) as Array<{ packer: string; n: number }>) row(p.packer).labelsFailed = p.n;
      return {
        from: params.from,
        to: params.now,
        perHour: perHour.all(params) as Dashboard['perHour'],
        packers: [...rows.values()].sort((a, b) => b.orders - a.orders || a.packer.localeCompare(b.packer)),
        late: { count: (lateCount.get(params) as { n: number }).n, orders: late.all(params) as Dashboard['late']['orders'] },
      };
    },
  };
}
