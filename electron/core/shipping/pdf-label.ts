import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CarrierError } from './carrier';

/** An RGBA picture, 4 bytes a pixel, rows top to bottom. */
export type Rgba = { width: number; height: number; data: Uint8Array | Uint8ClampedArray };

const MAX_PAGES_READ = 1; // a carrier's label is its first page; later pages are receipts or instructions

/**
 * pdf.js (Mozilla's renderer, the one Firefox uses) draws the page onto @napi-rs/canvas (Skia, shipped as a
 * prebuilt npm package: no browser, no system library). Both are loaded on first use only, so a bench that
 * never meets a PDF label never pays for them.
 */
async function pdfjs() {
  const [lib, canvas] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('@napi-rs/canvas')]);
  return { lib, createCanvas: canvas.createCanvas };
}

/** pdf.js reads its fonts, character maps and image decoders from its own package folder. */
function assetDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/**
 * Draws the first page of a carrier's PDF label at the printer's resolution, turned upright for a portrait
 * label when the PDF lies on its side, and never larger than the label (`page` in printer dots).
 */
export async function rasterisePdfLabel(bytes: Buffer, dpi: number, page: { width: number; height: number }): Promise<Rgba> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new CarrierError('unknown', 'The carrier\'s PDF label is not a PDF file.');
  const { lib, createCanvas } = await pdfjs();
  const assets = assetDir();
  let doc: Awaited<ReturnType<typeof lib.getDocument>['promise']> | undefined;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
      standardFontDataUrl: join(assets, 'standard_fonts') + '/', cMapUrl: join(assets, 'cmaps') + '/', cMapPacked: true,
      wasmUrl: join(assets, 'wasm') + '/', iccUrl: join(assets, 'iccs') + '/',
    }).promise;
    if (doc.numPages < MAX_PAGES_READ) throw new CarrierError('unknown', 'The carrier\'s PDF label has no pages.');
    const first = await doc.getPage(1);
    const natural = first.getViewport({ scale: 1 });
    // a 6x4 landscape page for a 4x6 portrait label (and the other way round) is turned a quarter
    const turn = (natural.width > natural.height) !== (page.width > page.height) ? 90 : 0;
    const w = turn ? natural.height : natural.width;
    const h = turn ? natural.width : natural.height;
    // points are 1/72 in: the printer's dpi keeps the label's true size, unless the page is larger than the label
    const scale = Math.min(dpi / 72, page.width / w, page.height / h);
    const viewport = first.getViewport({ scale, rotation: (first.rotate + turn) % 360 });
    const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await first.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: img.width, height: img.height, data: img.data };
  } catch (e) {
    if (e instanceof CarrierError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new CarrierError('unknown', `The carrier's PDF label could not be drawn (${why.slice(0, 160)}).`, undefined, { cause: e });
  } finally {
    await doc?.destroy();
  }
}
