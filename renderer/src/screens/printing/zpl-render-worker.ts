import { getApi } from 'zpl-renderer-js';

/**
 * The label preview renderer runs here, off the page's thread: the ~8 MB WebAssembly module takes a
 * while to compile and a label a while to draw, and the packer is scanning meanwhile.
 */
export type RenderRequest = { id: number; zpl: string; widthMm: number; heightMm: number; dpmm: number };
export type RenderReply = { id: number; ok: true; png: string } | { id: number; ok: false; error: string };

// the renderer's types are the page's (DOM); a worker's scope needs only these two
type WorkerScope = { onmessage: ((event: MessageEvent<RenderRequest>) => void) | null; postMessage(reply: RenderReply): void };
const scope = self as unknown as WorkerScope;
let api: ReturnType<typeof getApi> | undefined;

scope.onmessage = (event: MessageEvent<RenderRequest>) => {
  const { id, zpl, widthMm, heightMm, dpmm } = event.data;
  api ??= getApi();
  api
    .then((a) => a.zplToBase64Async(zpl, widthMm, heightMm, dpmm))
    .then(
      (png) => scope.postMessage({ id, ok: true, png } satisfies RenderReply),
      (e: unknown) => {
        api = undefined;
        scope.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies RenderReply);
      },
    );
};
