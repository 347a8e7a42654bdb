import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useDebounced } from '../../hooks/use-debounced';
import { describeError, fieldErrors } from '../../lib/describe-error';
import { captureScans } from '../../scan/scan-router';
import { DialogButtons, PackDialog } from './pack-dialog';
import { TextField } from './pack-forms';
import { usePackStore } from './pack-store';

type Variant = { variantId: number; sku: string; title: string };

/**
 * An unknown code gets a home: find the SKU it belongs to (type, or scan another barcode of the same
 * product), say why, and the next scan of the code counts. The reason is recorded with the code.
 */
export function AssignCodeDialog({ code }: { code: string }) {
  const [query, setQuery] = useState(() => usePackStore.getState().view?.lines.find((l) => !l.complete)?.sku ?? '');
  const [results, setResults] = useState<Variant[]>([]);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Variant | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const searchId = useId();
  const listId = useId();
  const reasonBox = useRef<HTMLDivElement>(null);
  const settled = useDebounced(query.trim(), 150);
  /** what the results on screen answer: Enter picks from them only once they answer what is in the box */
  const [answered, setAnswered] = useState<string | null>(null);
  const [pickWhenAnswered, setPickWhenAnswered] = useState(false);

  // a scan while this form is open looks the SKU up instead of counting
  useEffect(() => captureScans((text) => { setQuery(text); setChosen(null); }), []);

  useEffect(() => {
    let live = true;
    api.call('catalog.findVariants', { q: settled }).then(
      (list) => {
        if (!live) return;
        setResults(list);
        setAnswered(settled);
        setActive(0);
      },
      (e: unknown) => { if (live) setGeneral(describeError(e).message); },
    );
    return () => { live = false; };
  }, [settled]);

  const close = () => usePackStore.getState().showForm(null);
  const pick = (v: Variant | undefined) => {
    if (!v) return;
    setChosen(v);
    reasonBox.current?.querySelector('input')?.focus();
  };
  useEffect(() => {
    if (!pickWhenAnswered || answered !== query.trim()) return;
    setPickWhenAnswered(false);
    pick(results[0]);
    // pick only reads refs and setters
  }, [pickWhenAnswered, answered, query, results]);

  const submit = async () => {
    if (!chosen) {
      setErrors({ sku: 'Choose the SKU this code belongs to.' });
      return;
    }
    setBusy(true);
    try {
      await usePackStore.getState().assign(code, chosen.sku, reason);
    } catch (e) {
      setErrors(fieldErrors(e));
      const n = describeError(e);
      setGeneral(n.hint ? `${n.message} ${n.hint}` : n.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PackDialog title="Assign this code to a SKU" testId="pack-assign" onClose={close} onSubmit={() => void submit()}>
      <p className="dialog-body">Code <strong className="mono assign-code" data-testid="pack-assign-code">{code}</strong> is not known. Which product carries it?</p>
      <label className="field" htmlFor={searchId}>
        <span className="field-label">Find the SKU (type, or scan another barcode of the product)</span>
        <input
          id={searchId}
          className="input"
          value={query}
          onChange={(e) => { setQuery(e.target.value); setChosen(null); setPickWhenAnswered(false); }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, Math.min(results.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
            } else if (e.key === 'Enter' && !chosen) {
              e.preventDefault();
              // results still for what the box held a moment ago: wait for the ones for what it holds now
              if (answered === query.trim() && settled === query.trim()) pick(results[active]);
              else setPickWhenAnswered(true);
            }
          }}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={results[active] ? `${listId}-${results[active].variantId}` : undefined}
          aria-invalid={errors.sku ? true : undefined}
          autoComplete="off"
          maxLength={100}
          autoFocus
          data-testid="pack-assign-search"
        />
        {errors.sku ? <span className="field-error">{errors.sku}</span> : null}
      </label>
      <ul id={listId} className="assign-results" role="listbox" aria-label="Matching SKUs">
        {results.slice(0, 8).map((v, i) => (
          <li
            key={v.variantId}
            id={`${listId}-${v.variantId}`}
            role="option"
            aria-selected={chosen ? chosen.variantId === v.variantId : i === active}
            className="assign-result"
            onClick={() => pick(v)}
            data-testid="pack-assign-result"
            data-sku={v.sku}
          >
            <span className="mono">{v.sku}</span> {v.title}
          </li>
        ))}
        {results.length === 0 ? <li className="muted">No SKU matches “{settled}”.</li> : null}
      </ul>
      <p className="assign-chosen" data-testid="pack-assign-chosen">
        {chosen ? <>Belongs to <strong className="mono">{chosen.sku}</strong> — {chosen.title}</> : <>Choose with <kbd>↑</kbd> <kbd>↓</kbd> and <kbd>Enter</kbd>.</>}
      </p>
      <div ref={reasonBox}>
        <TextField label="Why? (required, recorded with the code)" value={reason} onChange={setReason} error={errors.reason} testId="pack-assign-reason" />
      </div>
      {general ? <p className="field-error dialog-general" role="alert">{general}</p> : null}
      <DialogButtons busy={busy} submitLabel="Assign the code" onClose={close} />
    </PackDialog>
  );
}
