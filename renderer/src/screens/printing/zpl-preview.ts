import type { RenderReply, RenderRequest } from './zpl-render-worker';

export type LabelGeometry = { dpi: number; labelSize: string };

/** 203 dpi prints 8 dots per millimetre, 300 dpi 12. */
export function dotsPerMm(dpi: number): number {
  return dpi >= 300 ? 12 : 8;
}

/** '4x6' -> 101.6 x 152.4 mm: the label stock the job was laid out for. */
export function labelMillimetres(labelSize: string): { widthMm: number; heightMm: number } {
  const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/.exec(labelSize);
  const [w, h] = m ? [Number(m[1]), Number(m[2])] : [4, 6];
  return { widthMm: w * 25.4, heightMm: h * 25.4 };
}

function dotsOf(zpl: string, command: 'PW' | 'LL'): number | undefined {
  const m = new RegExp(`\\^${command}(\\d+)`).exec(zpl);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(png: string): void; reject(e: Error): void }>();

function renderer(): Worker {
  if (worker) return worker;
  // created on the first preview only: nobody downloads the renderer before they ask to see a label
  const w = new Worker(new URL('./zpl-render-worker.ts', import.meta.url), { type: 'module', name: 'zpl-preview' });
  w.onmessage = (e: MessageEvent<RenderReply>) => {
    const p = waiting.get(e.data.id);
    if (!p) return;
    waiting.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.png);
    else p.reject(new Error(e.data.error));
  };
  w.onerror = (e) => {
    e.preventDefault();
    for (const [, p] of waiting) p.reject(new Error(e.message || 'the preview renderer stopped'));
    waiting.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/**
 * Draws the exact ZPL bytes a printer receives as a PNG data URL (what you see is what prints).
 * Rejects with words when the renderer cannot load or the ZPL cannot be drawn; printing is unaffected.
 */
export function renderZplPreview(zpl: string, geometry: LabelGeometry): Promise<string> {
  const id = nextId++;
  const dpmm = dotsPerMm(geometry.dpi);
  const stock = labelMillimetres(geometry.labelSize);
  // the label's own print width and length (^PW, ^LL) in dots, as the printer lays it out
  const pw = dotsOf(zpl, 'PW');
  const ll = dotsOf(zpl, 'LL');
  const widthMm = pw !== undefined ? pw / dpmm : stock.widthMm;
  const heightMm = ll !== undefined ? ll / dpmm : stock.heightMm;
  const request: RenderRequest = { id, zpl, widthMm, heightMm, dpmm };
  return new Promise<string>((resolve, reject) => {
    waiting.set(id, { resolve: (png) => resolve(`data:image/png;base64,${png}`), reject });
    try {
      renderer().postMessage(request);
    } catch (e) {
      waiting.delete(id);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
