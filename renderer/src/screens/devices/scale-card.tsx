import type { ScaleReading } from '../../../../shared/contract/devices';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';

export function formatGrams(grams: number): string {
  if (Math.abs(grams) < 1000) return `${grams} g`;
  return `${(grams / 1000).toFixed(3)} kg`;
}

async function act(method: 'scale.zero' | 'scale.tare' | 'scale.clearTare'): Promise<void> {
  try {
    await api.call(method, {});
  } catch (e) {
    useAppStore.getState().showError(e);
  }
}

/** The weight on the scale now, steady or not, with zero and tare. Used on the Devices and Pack screens. */
export function ScaleCard({ reading, compact = false }: { reading: ScaleReading | null; compact?: boolean }) {
  if (!reading) return null;
  const none = reading.state === 'none';
  const weight = reading.grams === null ? reading.display : formatGrams(reading.grams);
  return (
    <section className={`scale-card scale-${reading.state}${compact ? ' is-compact' : ''}`} aria-label="Scale" data-testid="scale-card" data-state={reading.state} data-grams={reading.grams ?? ''}>
      <div className="scale-weight" data-testid="scale-weight">{none ? 'No scale' : weight}</div>
      <div className="scale-words" data-testid="scale-words">{reading.words}</div>
      {!none ? (
        <div className="action-row">
          <button type="button" className="button button-quiet" onClick={() => void act('scale.zero')} data-testid="scale-zero">Zero</button>
          {reading.tareGrams > 0
            ? <button type="button" className="button button-quiet" onClick={() => void act('scale.clearTare')} data-testid="scale-clear-tare">Clear tare ({formatGrams(reading.tareGrams)})</button>
            : <button type="button" className="button button-quiet" onClick={() => void act('scale.tare')} disabled={!reading.stable} data-testid="scale-tare">Tare (take off the box)</button>}
        </div>
      ) : null}
    </section>
  );
}
