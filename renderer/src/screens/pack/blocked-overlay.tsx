import type { Blocked } from './pack-store';
import { usePackStore } from './pack-store';
import { BLOCKED_TITLES } from './scan-words';

/**
 * The whole screen turns red with the core's words, huge, until the next good scan or Escape.
 * Nothing was counted; the packer must not miss that.
 */
export function BlockedOverlay({ blocked }: { blocked: Blocked }) {
  const canAssign = blocked.outcome === 'unknown_code' && blocked.code;
  return (
    <div className="blocked-overlay" role="alert" aria-live="assertive" data-testid="pack-blocked" data-outcome={blocked.outcome} data-seq={blocked.seq}>
      <div className="blocked-inner" key={blocked.seq}>
        <p className="blocked-title" data-testid="pack-blocked-title">✗ {blocked.title ?? BLOCKED_TITLES[blocked.outcome] ?? 'Not counted'}</p>
        <p className="blocked-message" data-testid="pack-blocked-message">{blocked.message}</p>
        {blocked.hint ? <p className="blocked-hint" data-testid="pack-blocked-hint">{blocked.hint}</p> : null}
        {blocked.code ? <p className="blocked-code">Scanned: <span className="mono">{blocked.code}</span></p> : null}
        <div className="blocked-actions">
          <button type="button" className="button blocked-button" onClick={() => usePackStore.getState().dismiss()} data-testid="pack-blocked-dismiss">
            Got it <kbd>Esc</kbd>
          </button>
          {canAssign ? (
            <button type="button" className="button blocked-button" onClick={() => usePackStore.getState().showForm('assign', blocked.code)} data-testid="pack-assign-open">
              Assign this code to a SKU… <kbd>Alt+A</kbd>
            </button>
          ) : null}
        </div>
        <p className="blocked-keys">Scan the right item to carry on.</p>
      </div>
    </div>
  );
}
