import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { renderZplToPng, type RenderZplOptions } from '../../electron/core/labels/render-zpl';

export type DecodedBarcode = { format: string; text: string };

let ready: Promise<void> | undefined;

// The package's default locateFile fetches the wasm from a CDN; tests run offline, so hand it the bytes.
function prepareReader(): Promise<void> {
  ready ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return ready;
}

export async function decodeBarcodesFromPng(png: Buffer): Promise<DecodedBarcode[]> {
  await prepareReader();
  const results = await readBarcodes(new Uint8Array(png), { formats: [], tryHarder: true, maxNumberOfSymbols: 16 });
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }));
}

export async function renderAndDecode(zpl: string, opts?: RenderZplOptions): Promise<DecodedBarcode[]> {
  return decodeBarcodesFromPng(await renderZplToPng(zpl, opts));
}
