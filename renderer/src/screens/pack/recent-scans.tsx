import { memo } from 'react';
import type { PackScan } from '../../../../shared/contract/pack';
import { OUTCOME_WORDS } from './scan-words';
import { usePackStore } from './pack-store';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The last scans of this parcel, newest first, refusals included (they are recorded too). */
export const RecentScans = memo(function RecentScans({ scans, limit = 10 }: { scans: PackScan[]; limit?: number }) {
  const recent = [...scans].sort((a, b) => b.id - a.id).slice(0, limit);
  return (
    <section className="recent-scans panel" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent scans</h2>
      {recent.length === 0 ? <p className="muted">Nothing scanned yet.</p> : (
        <ol className="scan-list" data-testid="recent-scans">
          {recent.map((s) => (
            <li key={s.id} className={`scan-item scan-${s.outcome}${s.undone ? ' is-undone' : ''}`} data-testid="recent-scan" data-outcome={s.outcome}>
              <span className="scan-sign" aria-hidden="true">{OUTCOME_WORDS[s.outcome].sign}</span>
              <span className="scan-body">
                <span className="scan-what">
                  <strong>{OUTCOME_WORDS[s.outcome].words}{s.quantity > 1 ? ` ×${s.quantity}` : ''}</strong>
                  {s.undone ? <em> (taken back)</em> : null}
                  {' '}<span className="mono">{s.code}</span>
                  {s.sku ? <> · <span className="mono">{s.sku}</span></> : null}
                </span>
                <span className="scan-message muted">{s.message}</span>
                {s.lot || s.expiry || s.serial ? (
                  <span className="scan-gs1 muted">
                    {s.lot ? `Lot ${s.lot} ` : ''}{s.expiry ? `Exp. ${s.expiry} ` : ''}{s.serial ? `Serial ${s.serial}` : ''}
                  </span>
                ) : null}
              </span>
              <span className="scan-time muted">{time.format(new Date(s.createdAt))}</span>
              {s.outcome === 'unknown_code' ? (
                <button type="button" className="button button-quiet scan-assign" onClick={() => usePackStore.getState().showForm('assign', s.code)}>
                  Assign…
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
