import { addressLines, type Address } from '../../../../shared/domain/address';
import { addressLang } from '../../../../shared/domain/address-lang';

/**
 * The address as its country's post office writes it, the same lines the label and the slip print
 * (no transliteration), ending with the destination country's name.
 */
export function ShipTo({ address }: { address: Address }) {
  const lines = addressLines(address);
  const name = address.name.trim();
  return (
    <section className="panel ship-to" aria-labelledby="ship-to-title">
      <h2 id="ship-to-title">Ship to</h2>
      <address className="address" data-testid="ship-to" lang={addressLang(address.countryCode)}>
        {lines.map((line, i) => <div key={i} className={line === name ? 'address-name' : undefined}>{line}</div>)}
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
