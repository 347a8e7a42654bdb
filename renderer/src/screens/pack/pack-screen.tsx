/** Placeholder: the pack flow is built separately and replaces this file. */
export function PackScreen() {
  return (
    <section className="panel" aria-labelledby="pack-title">
      <h1 id="pack-title">Pack station</h1>
      <p>Scan-verified packing arrives here.</p>
    </section>
  );
}
