import { useCallback, useEffect, useState } from 'react';
import type { Dashboard as DashboardData } from '../../../../shared/contract/packers';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { formatShortTime } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Orders packed per hour per packer, refused scans, failed labels, and orders past their ship-by date. */
export function Dashboard() {
  const [hours, setHours] = useState(12);
  const [data, setData] = useState<DashboardData | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const load = useCallback(() => {
    api.call('packers.dashboard', { hours }).then(setData, (e: unknown) => useAppStore.getState().showError(e));
  }, [hours]);
  useEffect(() => { load(); }, [load, epoch]);
  useApiEvent('orders.changed', () => load());
  useEffect(() => {
    const t = setInterval(load, 60_000);
    return () => clearInterval(t);
  }, [load]);
  const packers = [...new Set(data?.perHour.map((p) => p.packer) ?? [])];
  const hoursList = [...new Set(data?.perHour.map((p) => p.hour) ?? [])];
  return (
    <section className="panel dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <div className="toolbar">
        <h2 id="dashboard-title" className="toolbar-title">The bench, last {hours} hours</h2>
        <label className="field">
          <span className="field-label">Period</span>
          <select className="input" value={hours} onChange={(e) => setHours(Number(e.target.value))} data-testid="dashboard-hours">
            {[4, 8, 12, 24, 72, 168].map((h) => <option key={h} value={h}>{h < 24 ? `${h} hours` : `${h / 24} day${h > 24 ? 's' : ''}`}</option>)}
          </select>
        </label>
      </div>
      {!data ? <p>Loading…</p> : (
        <>
          <table className="table" aria-label="Per packer" data-testid="dashboard-packers">
            <thead><tr><th>Packer</th><th className="num">Orders packed</th><th className="num">Parcels</th><th className="num">Items</th><th className="num">Refused scans</th><th className="num">Labels failed</th></tr></thead>
            <tbody>
              {data.packers.length === 0 ? <tr><td colSpan={6} className="muted">Nothing packed in this period.</td></tr> : data.packers.map((p) => (
                <tr key={p.packer} data-testid="dashboard-packer" data-name={p.packer}>
                  <td>{p.packer}</td><td className="num" data-testid="dashboard-orders">{p.orders}</td><td className="num">{p.parcels}</td><td className="num">{p.items}</td>
                  <td className="num">{p.refusals}</td><td className={`num${p.labelsFailed ? ' short-stock' : ''}`}>{p.labelsFailed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hoursList.length ? (
            <table className="table per-hour" aria-label="Orders packed per hour">
              <thead><tr><th>Hour</th>{packers.map((p) => <th key={p} className="num">{p}</th>)}</tr></thead>
              <tbody>
                {hoursList.map((h) => (
                  <tr key={h}>
                    <td>{hourFormat.format(new Date(h))}</td>
                    {packers.map((p) => {
                      const n = data.perHour.find((x) => x.hour === h && x.packer === p)?.orders ?? 0;
                      return <td key={p} className="num"><span className="bar" style={{ inlineSize: `${Math.min(100, n * 8)}%` }} aria-hidden="true" />{n}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <h3 data-testid="dashboard-late">{data.late.count === 0 ? 'No order is late.' : `${data.late.count} order(s) past their ship-by date and not packed`}</h3>
          {data.late.orders.length ? (
            <ul className="list-rows" aria-label="Late orders">
              {data.late.orders.map((o) => (
                <li key={o.id}>
                  <button type="button" className="list-row" onClick={() => { useOrdersStore.getState().open(o.id); useAppStore.getState().go('orders'); }} data-testid="late-order">
                    <strong>{o.number}</strong> {o.customerName} <span className="short-stock">· ship by {formatShortTime(o.shipBy)}</span> <span className="muted">· {o.status.replace('_', ' ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
