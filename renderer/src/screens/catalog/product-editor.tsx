import { useEffect, useState } from 'react';
import type { LocationDetail } from '../../../../shared/contract/warehouse';
import { COUNTRY_CODES } from '../../../../shared/domain/countries';
import { api } from '../../api/client';
import { FormError, SelectInput, TextInput } from '../../components/form-field';
import { useSubmit } from '../../hooks/use-submit';
import { useAppStore } from '../../stores/app-store';
import { fromForm, emptyVariant, withoutBlankCodes, withSpareCodeRows, type ProductForm, type VariantForm } from './product-form-state';
import { ProductImage, uploadPicture } from './product-image';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
const COUNTRIES = COUNTRY_CODES.map((c) => ({ code: c, name: countryNames.of(c) ?? c })).sort((a, b) => a.name.localeCompare(b.name));

type Props = { initial: ProductForm; locations: LocationDetail[]; onSaved(id: number): void; onClose(): void };

/** One product and its variants: SKU, barcodes and case packs, customs data, picture, home bin per location. */
export function ProductEditor({ initial, locations, onSaved, onClose }: Props) {
  const [form, setForm] = useState<ProductForm>(initial);
  const { busy, errors, general, run, refuse, setGeneral } = useSubmit();
  useEffect(() => setForm(initial), [initial]);
  const setVariant = (i: number, patch: Partial<VariantForm>) => setForm((f) => ({ ...f, variants: f.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));

  const save = async () => {
    const cleaned = withoutBlankCodes(form);
    // a refused save keeps the spare barcode line the person was about to fill (Enter in a field saves)
    setForm(withSpareCodeRows(cleaned, form));
    const parsed = fromForm(cleaned);
    if ('errors' in parsed) { refuse(parsed.errors); return; }
    const saved = await run(() => api.call('catalog.save', parsed.input));
    if (saved) {
      useAppStore.getState().showInfo(`${saved.title} saved: ${saved.variants.filter((v) => !v.archived).length} variant(s).`);
      onSaved(saved.id);
    }
  };
  const archive = async (archived: boolean) => {
    if (form.id === undefined) return;
    const r = await run(() => api.call('catalog.archive', { id: form.id!, archived }));
    if (r) {
      useAppStore.getState().showInfo(archived ? `${r.title} is archived: it stays on past orders and in the ledger, and is offered nowhere.` : `${r.title} is back in the catalog.`);
      onSaved(r.id);
    }
  };
  const picture = async (file: File | undefined, apply: (id: number) => void) => {
    if (!file) return;
    try { apply(await uploadPicture(file)); } catch (e) { setGeneral(e instanceof Error ? e.message : 'The picture could not be saved.'); }
  };

  return (
    <form className="panel product-editor" aria-labelledby="product-editor-title" data-testid="product-editor" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id="product-editor-title">{form.id === undefined ? 'New product' : `Edit ${initial.title}`}{form.archived ? ' (archived)' : ''}</h2>
      <div className="product-head">
        <ProductImage imageId={form.imageId} alt={form.title ? `Picture of ${form.title}` : 'Product picture'} className="product-image-large" testId="product-picture" />
        <div className="product-head-fields">
          <TextInput label="Product name" value={form.title} onChange={(title) => setForm((f) => ({ ...f, title }))} error={errors.title} testId="product-title" required maxLength={200} autoFocus={form.id === undefined} />
          <label className="field">
            <span className="field-label">Picture (shown big at the pack bench)</span>
            <input type="file" accept="image/jpeg,image/png,image/webp" className="input" data-testid="product-picture-file"
              onChange={(e) => void picture(e.target.files?.[0], (imageId) => setForm((f) => ({ ...f, imageId })))} />
          </label>
          {form.imageId !== null ? <button type="button" className="button button-quiet" onClick={() => setForm((f) => ({ ...f, imageId: null }))}>Remove picture</button> : null}
        </div>
      </div>
      {form.variants.map((v, i) => (
        <VariantFields key={v.id ?? `new-${i}`} index={i} variant={v} count={form.variants.length} errors={errors} locations={locations}
          onChange={(patch) => setVariant(i, patch)}
          onRemove={() => setForm((f) => ({ ...f, variants: f.variants.filter((_, j) => j !== i) }))} />
      ))}
      <button type="button" className="button" onClick={() => setForm((f) => ({ ...f, variants: [...f.variants, emptyVariant()] }))} data-testid="add-variant">Add a variant</button>
      <FormError text={general} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="product-save">{busy ? 'Saving…' : 'Save product'}</button>
        {form.id !== undefined ? (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void archive(!form.archived)} data-testid="product-archive">
            {form.archived ? 'Bring back' : 'Archive'}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose} disabled={busy}>Close</button>
      </div>
    </form>
  );
}

function VariantFields({ index, variant: v, count, errors, locations, onChange, onRemove }: {
  index: number; variant: VariantForm; count: number; errors: Record<string, string>; locations: LocationDetail[];
  onChange(patch: Partial<VariantForm>): void; onRemove(): void;
}) {
  const at = `variants.${index}`;
  const setCode = (j: number, patch: Partial<VariantForm['barcodes'][number]>) => onChange({ barcodes: v.barcodes.map((b, k) => (k === j ? { ...b, ...patch } : b)) });
  return (
    <fieldset className="variant" data-testid="variant" data-index={index}>
      <legend>Variant {index + 1}{v.sku ? `: ${v.sku}` : ''}</legend>
      <div className="form-grid">
        <TextInput label="SKU" value={v.sku} onChange={(sku) => onChange({ sku })} error={errors[`${at}.sku`]} testId="variant-sku" required maxLength={64} />
        <TextInput label="Variant name" value={v.title} onChange={(title) => onChange({ title })} error={errors[`${at}.title`]} testId="variant-title" placeholder="e.g. Blue, Large" maxLength={200} />
        <TextInput label="Price" value={v.price} onChange={(price) => onChange({ price })} error={errors[`${at}.priceMinor`]} testId="variant-price" inputMode="decimal" placeholder="14.50" />
        <TextInput label="Weight (g)" value={v.weight} onChange={(weight) => onChange({ weight })} error={errors[`${at}.weightGrams`]} testId="variant-weight" inputMode="numeric" />
        <TextInput label="Length (mm)" value={v.length} onChange={(length) => onChange({ length })} error={errors[`${at}.lengthMm`]} testId="variant-length" inputMode="numeric" />
        <TextInput label="Width (mm)" value={v.width} onChange={(width) => onChange({ width })} error={errors[`${at}.widthMm`]} testId="variant-width" inputMode="numeric" />
        <TextInput label="Height (mm)" value={v.height} onChange={(height) => onChange({ height })} error={errors[`${at}.heightMm`]} testId="variant-height" inputMode="numeric" />
        <TextInput label="HS code (customs)" value={v.hsCode} onChange={(hsCode) => onChange({ hsCode })} error={errors[`${at}.hsCode`]} testId="variant-hs" inputMode="numeric" placeholder="6912.00" hint="6, 8 or 10 digits" />
        <SelectInput label="Country of origin" value={v.originCountry} onChange={(originCountry) => onChange({ originCountry })} error={errors[`${at}.originCountry`]} testId="variant-origin">
          <option value="">Not set</option>
          {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </SelectInput>
        {locations.map((l) => (
          <SelectInput key={l.id} label={`Default bin at ${l.name}`} value={v.defaultBins[l.id] ?? ''} onChange={(bin) => onChange({ defaultBins: { ...v.defaultBins, [l.id]: bin } })}
            error={errors[`${at}.defaultBins.${locations.indexOf(l)}`]} testId="variant-default-bin">
            <option value="">None</option>
            {l.bins.map((b) => <option key={b.id} value={b.id}>{b.code}</option>)}
          </SelectInput>
        ))}
      </div>
      <table className="table barcode-table" aria-label={`Barcodes of variant ${index + 1}`}>
        <thead><tr><th>Barcode (scan it or type it)</th><th>Units per scan</th><th><span className="visually-hidden">Remove</span></th></tr></thead>
        <tbody>
          {v.barcodes.map((b, j) => (
            <tr key={j} data-testid="barcode-row">
              <td><TextInput label={<span className="visually-hidden">Barcode {j + 1}</span>} value={b.code} onChange={(code) => setCode(j, { code })} error={errors[`${at}.barcodes.${j}.code`]} testId="barcode-code" maxLength={60} /></td>
              <td><TextInput label={<span className="visually-hidden">Units per scan for barcode {j + 1}</span>} value={b.units} onChange={(units) => setCode(j, { units })} error={errors[`${at}.barcodes.${j}.units`]} testId="barcode-units" inputMode="numeric" hint={b.units !== '1' && b.units !== '' ? 'a case pack' : undefined} /></td>
              <td><button type="button" className="button button-quiet" onClick={() => onChange({ barcodes: v.barcodes.filter((_, k) => k !== j) })} aria-label={`Remove barcode ${j + 1}`}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="action-row">
        <button type="button" className="button" onClick={() => onChange({ barcodes: [...v.barcodes, { code: '', units: '1' }] })} data-testid="add-barcode">Add a barcode</button>
        <button type="button" className="button" onClick={() => onChange({ barcodes: [...v.barcodes, { code: '', units: '12' }] })} data-testid="add-case-barcode">Add a case barcode</button>
        {count > 1 ? <button type="button" className="button button-danger" onClick={onRemove}>Remove this variant</button> : null}
      </div>
    </fieldset>
  );
}
