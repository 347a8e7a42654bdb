// A worker thread that draws the first page of a carrier's PDF label (pdf.js on @napi-rs/canvas). Drawing
// holds a thread for 50–200 ms a page, and the first load of pdf.js and Skia for seconds: here it holds
// this thread only, never the core's, so scans and the station keep answering meanwhile.
// Plain JavaScript: it runs as it is from the source tree, under the built app and under the tests alike.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';

/** the largest side drawn, in dots, whatever a broken or huge page declares */
const MAX_SIDE_DOTS = 4200;

let loaded;
function libraries() {
  loaded ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('@napi-rs/canvas')]);
  return loaded;
}

/** pdf.js reads its fonts, character maps and image decoders from its own package folder */
const assets = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function drawFirstPage(bytes, dpi) {
  const [lib, canvasLib] = await libraries();
  let doc;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
      standardFontDataUrl: join(assets, 'standard_fonts') + '/', cMapUrl: join(assets, 'cmaps') + '/', cMapPacked: true,
      wasmUrl: join(assets, 'wasm') + '/', iccUrl: join(assets, 'iccs') + '/',
    }).promise;
    if (doc.numPages < 1) return { empty: true };
    const first = await doc.getPage(1);
    const natural = first.getViewport({ scale: 1 });
    // points are 1/72 in: drawn at the printer's dpi, one dot of the picture is one dot of the printer
    const scale = Math.min(dpi / 72, MAX_SIDE_DOTS / Math.max(natural.width, natural.height));
    const viewport = first.getViewport({ scale });
    const canvas = canvasLib.createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await first.render({ canvas, canvasContext: ctx, viewport }).promise;
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // a copy of our own, so its buffer can be handed over (transferred) rather than copied again
    const data = new Uint8ClampedArray(img.data);
    return { naturalWidth: natural.width, naturalHeight: natural.height, width: img.width, height: img.height, data };
  } finally {
    await doc?.destroy();
  }
}

parentPort.on('message', (job) => {
  drawFirstPage(job.bytes, job.dpi).then(
    (r) => parentPort.postMessage({ id: job.id, ...r }, r.data ? [r.data.buffer] : []),
    (e) => parentPort.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
