import { useAppStore } from '../stores/app-store';

/** The one place errors and confirmations show: the core's message and what to do next, in words. */
export function NoticeBanner() {
  const notice = useAppStore((s) => s.notice);
  const clear = useAppStore((s) => s.clearNotice);
  if (!notice) return null;
  const isError = notice.tone === 'error';
  return (
    <div className={`notice notice-${notice.tone}`} role={isError ? 'alert' : 'status'} data-testid="notice">
      <div className="notice-text">
        <p className="notice-message">{notice.message}</p>
        {notice.hint ? <p className="notice-hint">{notice.hint}</p> : null}
      </div>
      <button type="button" className="button button-quiet" onClick={clear}>Dismiss</button>
    </div>
  );
}
