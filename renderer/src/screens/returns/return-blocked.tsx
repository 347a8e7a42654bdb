import { RETURN_REFUSAL_TITLES } from './return-words';
import { useReturnsStore, type ReturnBlocked } from './returns-store';

/** The whole screen red with the core's words until the next good scan or Escape: nothing was counted. */
export function ReturnBlockedOverlay({ blocked }: { blocked: ReturnBlocked }) {
  return (
    <div className="blocked-overlay" role="alert" aria-live="assertive" data-testid="return-blocked" data-outcome={blocked.outcome} data-seq={blocked.seq}>
      <div className="blocked-inner" key={blocked.seq}>
        <p className="blocked-title">✗ {RETURN_REFUSAL_TITLES[blocked.outcome] ?? 'Not counted'}</p>
        <p className="blocked-message" data-testid="return-blocked-message">{blocked.message}</p>
        {blocked.hint ? <p className="blocked-hint" data-testid="return-blocked-hint">{blocked.hint}</p> : null}
        {blocked.code ? <p className="blocked-code">Scanned: <span className="mono">{blocked.code}</span></p> : null}
        <div className="blocked-actions">
          <button type="button" className="button blocked-button" onClick={() => useReturnsStore.getState().dismiss()} data-testid="return-blocked-dismiss">
            Got it <kbd>Esc</kbd>
          </button>
        </div>
        <p className="blocked-keys">Scan the right item to carry on.</p>
      </div>
    </div>
  );
}
