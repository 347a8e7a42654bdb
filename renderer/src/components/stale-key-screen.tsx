/**
 * The station answers, but not to this page: it was restarted (a new key) or the address was opened
 * without its key. Retrying would never work, so the page says what to do instead.
 */
export function StaleKeyScreen() {
  return (
    <main className="stale-key" role="alert" data-testid="stale-key">
      <h1>This page's station key is out of date</h1>
      <p>Packbench was restarted, or this address was opened without its key, so this page cannot reach the station any more. Nothing you saved is lost.</p>
      <p>Open the address the station printed when it started (it ends in <code>?token=…</code>). If you cannot find it, restart the station and open the address it prints.</p>
    </main>
  );
}
