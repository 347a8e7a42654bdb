import { useEffect, useId, useState } from 'react';
import type { Printer, PrintJob } from '../../../../shared/contract/pack';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { jobTitle } from './job-words';
import './printing.css';

/**
 * For a label stuck on a printer that is off or jammed: the same job, sent to another printer instead.
 * The station refuses, in words, a printer of another language, resolution or label size.
 */
export function SendToPrinter({ job, disabled, onMoved }: { job: PrintJob; disabled: boolean; onMoved: (job: PrintJob) => void }) {
  const [printers, setPrinters] = useState<Printer[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    let live = true;
    api.call('printers.list', {}).then((list) => { if (live) setPrinters(list); }, () => { if (live) setPrinters([]); });
    return () => { live = false; };
  }, [job.id]);

  const others = (printers ?? []).filter((p) => p.id !== job.printerId);
  if (!others.length) return null;
  const target = others.find((p) => p.id === chosen) ?? others[0]!;

  const send = async () => {
    setBusy(true);
    try {
      const moved = await api.call('print.moveTo', { jobId: job.id, printerId: target.id });
      useAppStore.getState().showInfo(`${jobTitle(job)} was sent to ${target.name} instead of ${job.printerName}.`);
      onMoved(moved);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="send-to-printer" data-testid="send-to-printer">
      <label htmlFor={id}>Or send it to</label>
      <select id={id} className="input" value={target.id} onChange={(e) => setChosen(Number(e.target.value))} data-testid="send-to-printer-select">
        {others.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <button type="button" className="button" disabled={disabled || busy} onClick={() => void send()} data-testid="send-to-printer-button">
        Send there
      </button>
    </div>
  );
}
