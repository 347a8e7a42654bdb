import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../lib/describe-error';
import { renderZplPreview } from './zpl-preview';

type State =
  | { kind: 'loading'; words: string }
  | { kind: 'ready'; src: string; dpi: number; labelSize: string; bytes: number }
  | { kind: 'failed'; message: string };

/**
 * The label drawn from the exact ZPL the printer was (or will be) sent, fetched from the job itself,
 * not laid out again here: what you see is what prints.
 */
export function LabelPreview({ jobId, title }: { jobId: number; title: string }) {
  const [state, setState] = useState<State>({ kind: 'loading', words: 'Fetching the label…' });

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading', words: 'Fetching the label…' });
    (async () => {
      const job = await api.call('print.job', { jobId });
      if (!live) return;
      if (!/^\s*\^XA/.test(job.zpl)) {
        // EPL2 and TSPL jobs: the ZPL renderer cannot draw them; the printer gets exactly these bytes
        const language = /^\s*SIZE /.test(job.zpl) ? 'TSPL' : 'EPL2';
        setState({ kind: 'failed', message: `This label is in ${language}, for a printer that speaks ${language}; only ZPL labels can be previewed here. Printing is not affected.` });
        return;
      }
      setState({ kind: 'loading', words: 'Drawing the preview (the first one takes a few seconds)…' });
      const src = await renderZplPreview(job.zpl, { dpi: job.dpi, labelSize: job.labelSize });
      if (live) setState({ kind: 'ready', src, dpi: job.dpi, labelSize: job.labelSize, bytes: new TextEncoder().encode(job.zpl).length });
    })().catch((e: unknown) => {
      if (!live) return;
      const words = e instanceof Error && !('code' in e) ? e.message : describeError(e).message;
      setState({ kind: 'failed', message: `The preview could not be drawn: ${words}. Printing is not affected.` });
    });
    return () => { live = false; };
  }, [jobId]);

  return (
    <figure className="label-preview" data-testid="label-preview" data-state={state.kind} aria-busy={state.kind === 'loading'}>
      {state.kind === 'ready' ? (
        <img className="label-image" src={state.src} alt={`${title}, rendered from the ZPL sent to the printer`} data-testid="label-preview-image" />
      ) : (
        <div className={`label-placeholder${state.kind === 'failed' ? ' is-failed' : ''}`} role={state.kind === 'failed' ? 'alert' : 'status'}>
          {state.kind === 'failed' ? state.message : state.words}
        </div>
      )}
      <figcaption className="muted">
        {state.kind === 'ready'
          ? `${title}: ${state.labelSize.replace('x', ' × ')} in at ${state.dpi} dpi, drawn from the ${state.bytes.toLocaleString()} bytes of ZPL the printer receives.`
          : title}
      </figcaption>
    </figure>
  );
}
