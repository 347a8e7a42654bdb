import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { findAppRoot } from '../store/app-root';
import { CarrierError } from './carrier';

/** An RGBA picture, 4 bytes a pixel, rows top to bottom. */
export type Rgba = { width: number; height: number; data: Uint8Array | Uint8ClampedArray };

type Drawn = { naturalWidth: number; naturalHeight: number } & Rgba;
type Answer = { id: number; error?: string; empty?: boolean } & Partial<Drawn>;

/**
 * pdf.js (Mozilla's renderer, the one Firefox uses) draws the page onto @napi-rs/canvas (Skia, shipped as a
 * prebuilt npm package: no browser, no system library), in a worker thread started on first use: a bench
 * that never meets a PDF label never pays for it, and one that does keeps answering scans while it draws.
 */
let worker: Worker | null = null;
let nextJob = 1;
const waiting = new Map<number, { resolve(a: Answer): void; reject(e: Error): void }>();

function drawingThread(): Worker {
  if (worker) return worker;
  // packaged, the thread's file and what it loads are unpacked beside app.asar (electron-builder.json asarUnpack)
  const w = new Worker(join(findAppRoot().replace(/app\.asar$/, 'app.asar.unpacked'), 'electron', 'core', 'shipping', 'pdf-render-worker.mjs'));
  w.unref(); // an idle drawing thread never keeps the station from exiting
  w.on('message', (a: Answer) => { waiting.get(a.id)?.resolve(a); waiting.delete(a.id); });
  const fail = (why: string) => {
    if (worker === w) worker = null;
    for (const [id, job] of waiting) { job.reject(new Error(why)); waiting.delete(id); }
  };
  w.on('error', (e) => fail(e.message));
  w.on('exit', (code) => fail(`the drawing thread stopped (exit code ${code})`));
  worker = w;
  return w;
}

function drawFirstPage(bytes: Buffer, dpi: number): Promise<Answer> {
  const id = nextJob++;
  const copy = new Uint8Array(bytes); // its own buffer, handed to the thread without another copy
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    drawingThread().postMessage({ id, bytes: copy.buffer, dpi }, [copy.buffer]);
  });
}

/** Stops the drawing thread (tests, shutdown); the next PDF label starts another. */
export async function stopPdfDrawing(): Promise<void> {
  const w = worker;
  worker = null;
  await w?.terminate();
}

/** Points (1/72 in) a page may exceed the label by and still count as "a label-sized page". */
const PAGE_SLACK_PT = 18;

/**
 * Draws the first page of a carrier's PDF label at the printer's resolution (`page` is the label in printer
 * dots). A label-sized page is taken whole, turned upright when it lies on its side. A larger sheet (a 4x6
 * label on US Letter or A4, as some carriers hand them out) is cut to what is printed on it, so the label
 * keeps its true size instead of being shrunk with the empty paper around it. A carrier's label is its first
 * page; later pages are receipts or instructions.
 */
export async function rasterisePdfLabel(bytes: Buffer, dpi: number, page: { width: number; height: number }): Promise<Rgba> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new CarrierError('unknown', 'The carrier\'s PDF label is not a PDF file.');
  let drawn: Answer;
  try {
    drawn = await drawFirstPage(bytes, dpi);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new CarrierError('unknown', `The carrier's PDF label could not be drawn (${why.slice(0, 160)}).`, undefined, { cause: e });
  }
  if (drawn.error !== undefined) throw new CarrierError('unknown', `The carrier's PDF label could not be drawn (${drawn.error.slice(0, 160)}).`);
  if (drawn.empty || !drawn.data) throw new CarrierError('unknown', 'The carrier\'s PDF label has no pages.');
  const labelPt = { width: (page.width / dpi) * 72, height: (page.height / dpi) * 72 };
  const fits = (w: number, h: number) => w <= labelPt.width + PAGE_SLACK_PT && h <= labelPt.height + PAGE_SLACK_PT;
  const labelSized = fits(drawn.naturalWidth!, drawn.naturalHeight!) || fits(drawn.naturalHeight!, drawn.naturalWidth!);
  let picture: Rgba = { width: drawn.width!, height: drawn.height!, data: drawn.data };
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
