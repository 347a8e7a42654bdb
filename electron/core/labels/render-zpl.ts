import type { ZplApi } from 'zpl-renderer-js';

export type RenderZplOptions = { widthMm?: number; heightMm?: number; dpmm?: number };

let renderer: Promise<ZplApi> | undefined;

// The package inlines an ~8 MB wasm and instantiates it on import, so nobody pays for it until a preview is asked for.
function loadRenderer(): Promise<ZplApi> {
  renderer ??= import('zpl-renderer-js')
    .then((module) => module.getApi())
    .catch((error: unknown) => {
      renderer = undefined; // let the next preview try again
      throw new Error('The label preview renderer could not be loaded; printing is unaffected.', { cause: error });
    });
  return renderer;
}

function commandNumber(zpl: string, command: 'PW' | 'LL'): number | undefined {
  const match = new RegExp(`\\^${command}(\\d+)`).exec(zpl);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Renders the first label in `zpl` as a PNG, sized from its ^PW/^LL unless told otherwise (default 4x6 in at 8 dots/mm). */
export async function renderZplToPng(zpl: string, opts: RenderZplOptions = {}): Promise<Buffer> {
  const dpmm = opts.dpmm ?? 8;
  const widthDots = commandNumber(zpl, 'PW');
  const heightDots = commandNumber(zpl, 'LL');
  const widthMm = opts.widthMm ?? (widthDots !== undefined ? widthDots / dpmm : 101.6);
  const heightMm = opts.heightMm ?? (heightDots !== undefined ? heightDots / dpmm : 152.4);
  const api = await loadRenderer();
  let base64: string;
  try {
    base64 = await api.zplToBase64Async(zpl, widthMm, heightMm, dpmm);
  } catch (error) {
    throw new Error(`The label could not be rendered for preview: ${String(error)}`, { cause: error });
  }
  return Buffer.from(base64, 'base64');
}
