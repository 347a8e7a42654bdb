import { useEffect, useId, useState } from 'react';
import type { ScannerSettings } from '../../../../shared/contract/pack';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useScannerSettings } from '../../scan/scanner-settings-store';
import { useAppStore } from '../../stores/app-store';

type Draft = { minLength: string; maxGapMs: string; suffix: ScannerSettings['suffix']; prefix: string; layout: ScannerSettings['layout']; gsReplacement: string };

function toDraft(s: ScannerSettings): Draft {
  return { ...s, minLength: String(s.minLength), maxGapMs: String(s.maxGapMs) };
}

const LAYOUT_WORDS: Record<ScannerSettings['layout'], string> = {
  us: 'US (QWERTY) — most scanners ship like this',
  de: 'German (QWERTZ)',
  fr: 'French (AZERTY)',
};

/**
 * How this station tells the scanner from the keyboard. The layout is the one the scanner is
 * programmed for, not the computer's: keys are decoded by position, so the OS layout cannot garble a scan.
 */
export function ScannerSection() {
  const current = useScannerSettings((s) => s.settings);
  const [draft, setDraft] = useState<Draft>(() => toDraft(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const ids = { min: useId(), gap: useId(), suffix: useId(), prefix: useId(), layout: useId(), gs: useId() };

  useEffect(() => setDraft(toDraft(current)), [current]);

  const save = async () => {
    const minLength = Number(draft.minLength);
    const maxGapMs = Number(draft.maxGapMs);
    const local: Record<string, string> = {};
    if (!Number.isInteger(minLength) || minLength < 1 || minLength > 50) local.minLength = 'A whole number from 1 to 50.';
    if (!Number.isInteger(maxGapMs) || maxGapMs < 5 || maxGapMs > 200) local.maxGapMs = 'A whole number of milliseconds from 5 to 200; 30–50 suits most scanners.';
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const saved = await api.call('station.saveScanner', { minLength, maxGapMs, suffix: draft.suffix, prefix: draft.prefix, layout: draft.layout, gsReplacement: draft.gsReplacement });
      useScannerSettings.getState().set(saved);
      setErrors({});
      useAppStore.getState().showInfo('Scanner settings saved: they apply to the next scan.');
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const err = (k: string) => (errors[k] ? <span className="field-error">{errors[k]}</span> : null);

  return (
    <section className="panel" aria-labelledby="scanner-title" data-testid="scanner-section">
      <h2 id="scanner-title">Barcode scanner (keyboard wedge)</h2>
      <p>Scans are recognised on every screen by their speed: a scanner types a whole code in a few milliseconds, a person cannot.</p>
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label="Scanner settings">
        <label className="field" htmlFor={ids.min}>
          <span className="field-label">Shortest code (characters)</span>
          <input id={ids.min} className="input input-number" inputMode="numeric" maxLength={2} value={draft.minLength} onChange={(e) => setDraft({ ...draft, minLength: e.target.value })} aria-invalid={errors.minLength ? true : undefined} data-testid="scanner-min-length" />
          {err('minLength')}
        </label>
        <label className="field" htmlFor={ids.gap}>
          <span className="field-label">Longest pause between keys (ms)</span>
          <input id={ids.gap} className="input input-number" inputMode="numeric" maxLength={3} value={draft.maxGapMs} onChange={(e) => setDraft({ ...draft, maxGapMs: e.target.value })} aria-invalid={errors.maxGapMs ? true : undefined} data-testid="scanner-max-gap" />
          {err('maxGapMs')}
        </label>
        <label className="field" htmlFor={ids.suffix}>
          <span className="field-label">The scanner ends each code with</span>
          <select id={ids.suffix} className="input" value={draft.suffix} onChange={(e) => setDraft({ ...draft, suffix: e.target.value as Draft['suffix'] })} data-testid="scanner-suffix">
            <option value="Enter">Enter (most scanners)</option>
            <option value="Tab">Tab</option>
            <option value="none">Nothing (the pause ends the code)</option>
          </select>
        </label>
        <label className="field" htmlFor={ids.prefix}>
          <span className="field-label">Prefix the scanner sends first (optional)</span>
          <input id={ids.prefix} className="input input-number mono" maxLength={5} value={draft.prefix} onChange={(e) => setDraft({ ...draft, prefix: e.target.value })} data-testid="scanner-prefix" />
          {err('prefix')}
        </label>
        <label className="field" htmlFor={ids.layout}>
          <span className="field-label">Keyboard layout the scanner is set to</span>
          <select id={ids.layout} className="input" value={draft.layout} onChange={(e) => setDraft({ ...draft, layout: e.target.value as Draft['layout'] })} data-testid="scanner-layout">
            {(Object.keys(LAYOUT_WORDS) as Array<Draft['layout']>).map((l) => <option key={l} value={l}>{LAYOUT_WORDS[l]}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={ids.gs}>
          <span className="field-label">Character the scanner sends for GS (GS1 separator)</span>
          <input id={ids.gs} className="input input-number mono" maxLength={1} value={draft.gsReplacement} placeholder="none" onChange={(e) => setDraft({ ...draft, gsReplacement: e.target.value })} data-testid="scanner-gs" />
          {err('gsReplacement')}
        </label>
        <div className="action-row form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="scanner-save">{busy ? 'Saving…' : 'Save scanner settings'}</button>
        </div>
      </form>
    </section>
  );
}
