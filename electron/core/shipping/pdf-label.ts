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

/** Points (1/72 in) a page may exceed the label by and still count as "a label-sized page". */
const PAGE_SLACK_PT = 18;
/** the largest side drawn, in dots, whatever a broken or huge page declares */
const MAX_SIDE_DOTS = 4200;

/**
 * Draws the first page of a carrier's PDF label at the printer's resolution (`page` is the label in printer
 * dots). A label-sized page is taken whole, turned upright when it lies on its side. A larger sheet (a 4x6
 * label on US Letter or A4, as some carriers hand them out) is cut to what is printed on it, so the label
 * keeps its true size instead of being shrunk with the empty paper around it.
 */
export async function rasterisePdfLabel(bytes: Buffer, dpi: number, page: { width: number; height: number }): Promise<Rgba> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new CarrierError('unknown', 'The carrier\'s PDF label is not a PDF file.');
  const { lib, createCanvas } = await pdfjs();
  const assets = assetDir();
  let doc: Awaited<ReturnType<typeof lib.getDocument>['promise']> | undefined;
  let picture: Rgba;
  let labelSized: boolean;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
      standardFontDataUrl: join(assets, 'standard_fonts') + '/', cMapUrl: join(assets, 'cmaps') + '/', cMapPacked: true,
      wasmUrl: join(assets, 'wasm') + '/', iccUrl: join(assets, 'iccs') + '/',
    }).promise;
    if (doc.numPages < MAX_PAGES_READ) throw new CarrierError('unknown', 'The carrier\'s PDF label has no pages.');
    const first = await doc.getPage(1);
    const natural = first.getViewport({ scale: 1 });
    const labelPt = { width: (page.width / dpi) * 72, height: (page.height / dpi) * 72 };
    const fits = (w: number, h: number) => w <= labelPt.width + PAGE_SLACK_PT && h <= labelPt.height + PAGE_SLACK_PT;
    labelSized = fits(natural.width, natural.height) || fits(natural.height, natural.width);
    // points are 1/72 in: drawn at the printer's dpi, one dot of the picture is one dot of the printer
    const scale = Math.min(dpi / 72, MAX_SIDE_DOTS / Math.max(natural.width, natural.height));
    const viewport = first.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await first.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    picture = { width: img.width, height: img.height, data: img.data };
  } catch (e) {
    if (e instanceof CarrierError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new CarrierError('unknown', `The carrier's PDF label could not be drawn (${why.slice(0, 160)}).`, undefined, { cause: e });
  } finally {
    await doc?.destroy();
  }
  if (!labelSized) {
    const ink = inkBounds(picture);
    if (!ink) throw new CarrierError('unknown', 'The carrier\'s PDF label is blank.');
    picture = crop(picture, ink);
  }
  // a landscape picture for a portrait label (and the other way round) is turned a quarter, clockwise
  return (picture.width > picture.height) !== (page.width > page.height) ? turnClockwise(picture) : picture;
}

const isInk = (d: Rgba['data'], i: number) => d[i + 3]! > 127 && 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]! < 160;

/** The smallest box holding every dark dot, or null for a blank page. */
export function inkBounds(img: Rgba): { x: number; y: number; width: number; height: number } | null {
  let x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (!isInk(img.data, (y * img.width + x) * 4)) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

function crop(img: Rgba, box: { x: number; y: number; width: number; height: number }): Rgba {
  const data = new Uint8ClampedArray(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.y + y) * img.width + box.x) * 4;
    data.set(img.data.subarray(from, from + box.width * 4), y * box.width * 4);
  }
  return { width: box.width, height: box.height, data };
}

function turnClockwise(img: Rgba): Rgba {
  const width = img.height;
  const height = img.width;
  const data = new Uint8ClampedArray(width * height * 4);
  const bytes = img.data.byteOffset % 4 ? new Uint8ClampedArray(img.data) : img.data;
  const src = new Uint32Array(bytes.buffer, bytes.byteOffset, img.width * img.height);
  const dst = new Uint32Array(data.buffer);
  // the source's row y becomes the column (width - 1 - y)
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) dst[x * width + (width - 1 - y)] = src[y * img.width + x]!;
  }
  return { width, height, data };
}
