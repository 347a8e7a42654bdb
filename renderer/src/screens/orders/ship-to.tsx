import { addressLines, type Address } from '../../../../shared/domain/address';

const regionNames = (() => {
  try { return new Intl.DisplayNames(undefined, { type: 'region' }); } catch { return null; }
})();

/** "Germany (DE)": the packer reads the name, the code is what the carrier and the label use. */
function countryLine(code: string): string {
  const name = regionNames?.of(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** Every line as the customer typed it (no transliteration): the label printer gets the same text. */
export function ShipTo({ address }: { address: Address }) {
  const lines = addressLines(address).map((line, i, all) => (i === all.length - 1 && line === address.countryCode ? countryLine(line) : line));
  return (
    <section className="panel ship-to" aria-labelledby="ship-to-title">
      <h2 id="ship-to-title">Ship to</h2>
      <address className="address" data-testid="ship-to">
        {lines.map((line, i) => <div key={i} className={i === 0 ? 'address-name' : undefined}>{line}</div>)}
      </address>
      {address.phone || address.email ? (
        <dl className="contact">
          {address.phone ? <><dt>Phone</dt><dd>{address.phone}</dd></> : null}
          {address.email ? <><dt>Email</dt><dd>{address.email}</dd></> : null}
        </dl>
      ) : null}
    </section>
  );
}
