import type { Channel } from '../../../../shared/contract/orders';
import type { Location } from '../../../../shared/contract/inventory';
import { NUMBER_OPS, PRIORITY_LEVELS, RISK_LEVELS, type Action, type Condition } from '../../../../shared/contract/rules';

export const FIELD_WORDS: Record<Condition['field'], string> = {
  channel: 'Sales channel', total: 'Order total', country: 'Destination country', sku: 'SKU', weight: 'Weight (grams)',
  tags: 'Tags', item_count: 'Item count', note: 'Customer note', risk: 'Risk',
};
export const ACTION_WORDS: Record<Action['type'], string> = {
  tag: 'Add tags', hold: 'Hold with a reason', location: 'Ship from location', shipping: 'Carrier and service',
  package: 'Package preset', priority: 'Priority', note: 'Add a note',
};
const OP_WORDS: Record<string, string> = {
  eq: 'is', ne: 'is not', gt: 'is more than', gte: 'is at least', lt: 'is less than', lte: 'is at most', in: 'is one of', not_in: 'is none of',
  any: 'includes any of', all: 'includes all of', none: 'includes none of', only: 'is only', contains: 'contains', not_contains: 'does not contain',
  empty: 'is empty', not_empty: 'is not empty',
};

export function newCondition(field: Condition['field']): Condition {
  switch (field) {
    case 'channel': return { field, op: 'in', channelIds: [] };
    case 'total': return { field, op: 'gte', amountMinor: 10000 };
    case 'country': return { field, op: 'in', countries: [] };
    case 'sku': return { field, op: 'any', skus: [] };
    case 'weight': return { field, op: 'gt', grams: 2000 };
    case 'tags': return { field, op: 'any', tags: [] };
    case 'item_count': return { field, op: 'eq', count: 1 };
    case 'note': return { field, op: 'contains', text: '' };
    case 'risk': return { field, op: 'in', levels: ['high'] };
  }
}

export function newAction(type: Action['type'], locations: Location[]): Action {
  switch (type) {
    case 'tag': return { type, tags: [] };
    case 'hold': return { type, reason: '' };
    case 'location': return { type, locationId: locations[0]?.id ?? 1 };
    case 'shipping': return { type, carrier: '', service: '' };
    case 'package': return { type, preset: '' };
    case 'priority': return { type, level: 'high' };
    case 'note': return { type, text: '' };
  }
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const opsFor = (c: Condition): readonly string[] => {
  switch (c.field) {
    case 'total': case 'weight': case 'item_count': return NUMBER_OPS;
    case 'channel': case 'country': case 'risk': return ['in', 'not_in'];
    case 'sku': return ['any', 'all', 'none', 'only'];
    case 'tags': return ['any', 'all', 'none'];
    case 'note': return ['contains', 'not_contains', 'empty', 'not_empty'];
  }
};

/** One condition as a row of plain form fields; comma lists for codes, SKUs and tags. */
export function ConditionRow({ c, onChange, channels }: { c: Condition; onChange(c: Condition): void; channels: Channel[] }) {
  const op = (
    <select className="input" aria-label="How it compares" value={c.op} onChange={(e) => onChange({ ...c, op: e.target.value } as Condition)}>
      {opsFor(c).map((o) => <option key={o} value={o}>{OP_WORDS[o]}</option>)}
    </select>
  );
  let value: React.ReactNode = null;
  switch (c.field) {
    case 'channel':
      value = channels.map((ch) => (
        <label key={ch.id} className="rule-check"><input type="checkbox" checked={c.channelIds.includes(ch.id)}
          onChange={(e) => onChange({ ...c, channelIds: e.target.checked ? [...c.channelIds, ch.id] : c.channelIds.filter((id) => id !== ch.id) })} /> {ch.name}</label>
      ));
      break;
    case 'total':
      value = <>
        <input className="input" type="number" min={0} step="0.01" aria-label="Amount" value={c.amountMinor / 100} onChange={(e) => onChange({ ...c, amountMinor: Math.round(Number(e.target.value) * 100) })} />
        <input className="input rule-short" aria-label="Currency (optional)" placeholder="any currency" value={c.currency ?? ''} maxLength={3}
          onChange={(e) => { const { currency: _c, ...rest } = c; onChange(e.target.value ? { ...rest, currency: e.target.value.toUpperCase() } : rest); }} />
      </>;
      break;
    case 'country': value = <input className="input" aria-label="Country codes, comma between" placeholder="DE, FR, AT" value={c.countries.join(', ')} onChange={(e) => onChange({ ...c, countries: list(e.target.value.toUpperCase()) })} />; break;
    case 'sku': value = <input className="input" aria-label="SKUs, comma between (MUG-* for every SKU starting MUG-)" placeholder="MUG-*, PEN-BRS" value={c.skus.join(', ')} onChange={(e) => onChange({ ...c, skus: list(e.target.value) })} />; break;
    case 'weight': value = <input className="input" type="number" min={0} aria-label="Grams" value={c.grams} onChange={(e) => onChange({ ...c, grams: Number(e.target.value) })} />; break;
    case 'tags': value = <input className="input" aria-label="Tags, comma between" value={c.tags.join(', ')} onChange={(e) => onChange({ ...c, tags: list(e.target.value) })} />; break;
    case 'item_count': value = <input className="input" type="number" min={0} aria-label="Items" value={c.count} onChange={(e) => onChange({ ...c, count: Number(e.target.value) })} />; break;
    case 'note': value = c.op === 'empty' || c.op === 'not_empty' ? null : <input className="input" aria-label="Words" value={c.text} onChange={(e) => onChange({ ...c, text: e.target.value })} />; break;
    case 'risk':
      value = RISK_LEVELS.map((r) => (
        <label key={r} className="rule-check"><input type="checkbox" checked={c.levels.includes(r)}
          onChange={(e) => onChange({ ...c, levels: e.target.checked ? [...c.levels, r] : c.levels.filter((x) => x !== r) })} /> {r}</label>
      ));
      break;
  }
  return <>{op}{value}</>;
}

export function ActionRow({ a, onChange, locations }: { a: Action; onChange(a: Action): void; locations: Location[] }) {
  switch (a.type) {
    case 'tag': return <input className="input" aria-label="Tags, comma between" value={a.tags.join(', ')} onChange={(e) => onChange({ ...a, tags: list(e.target.value) })} />;
    case 'hold': return <input className="input" aria-label="Why the order is held" value={a.reason} onChange={(e) => onChange({ ...a, reason: e.target.value })} />;
    case 'location': return (
      <select className="input" aria-label="Location" value={a.locationId} onChange={(e) => onChange({ ...a, locationId: Number(e.target.value) })}>
        {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
      </select>
    );
    case 'shipping': return <>
      <input className="input" aria-label="Carrier" placeholder="UPS" value={a.carrier} onChange={(e) => onChange({ ...a, carrier: e.target.value })} />
      <input className="input" aria-label="Service" placeholder="Express" value={a.service} onChange={(e) => onChange({ ...a, service: e.target.value })} />
    </>;
    case 'package': return <input className="input" aria-label="Package preset" list="rule-packages" value={a.preset} onChange={(e) => onChange({ ...a, preset: e.target.value })} />;
    case 'priority': return (
      <select className="input" aria-label="Priority" value={a.level} onChange={(e) => onChange({ ...a, level: e.target.value as typeof a.level })}>
        {PRIORITY_LEVELS.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
    );
    case 'note': return <input className="input" aria-label="Note" value={a.text} onChange={(e) => onChange({ ...a, text: e.target.value })} />;
  }
}
