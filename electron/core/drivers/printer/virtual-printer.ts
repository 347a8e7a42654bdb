// The default printer: saves each job into a folder as <jobId>.zpl (the exact bytes) and
// <jobId>.png (what the printer would print), so a demo works with no hardware and a packer
// can open the picture to see the label. render-zpl loads its wasm only on the first picture.

import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderZplToPng } from '../../labels/render-zpl';
import { confirmed, LABEL_KEPT, PrinterError, statusOf, type PrintJobMeta, type PrintReceipt, type PrinterProblem, type PrinterStatus, type RawPrinter } from './printer';

export type VirtualPrinterOptions = {
  dir: string;
  name: string;
  /** Label size for the picture; the renderer's defaults apply when left out. */
  widthMm?: number;
  heightMm?: number;
  dpmm?: number;
};

function reason(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}

// Job ids come from our own database, but a file name must never climb out of the folder.
function fileStem(jobId: string): string {
  const stem = jobId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return stem.length > 0 ? stem : 'job';
}

// Written under a temporary name first so nobody watching the folder sees half a file.
async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${randomUUID()}.part`;
  try {
    // labels carry customer addresses: readable by this user only
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

function looksLikeZpl(text: string): boolean {
  const start = text.indexOf('^XA');
  return start !== -1 && text.indexOf('^XZ', start) !== -1;
}

export function createVirtualPrinter(options: VirtualPrinterOptions): RawPrinter {
  const dir = path.resolve(options.dir);
  const who = `Printer '${options.name}' (saves labels to ${dir})`;

  function folderProblem(err: unknown): PrinterProblem {
    return {
      code: 'offline',
      words: `It cannot save labels in that folder (${reason(err)}): choose another folder in the printer settings, or fix the folder's permissions.`,
    };
  }

  async function status(): Promise<PrinterStatus> {
    try {
      await mkdir(dir, { recursive: true });
      // access(W_OK) says yes to root and to read-only mounts; only a real write is sure.
      const probe = path.join(dir, `.write-check-${randomUUID()}`);
      await writeFile(probe, '');
      await rm(probe, { force: true });
      return statusOf(who, []);
    } catch (err) {
      return statusOf(who, [folderProblem(err)]);
    }
  }

  async function send(job: Uint8Array, meta: PrintJobMeta): Promise<PrintReceipt> {
    const stem = fileStem(meta.jobId);
    const zplFile = path.join(dir, `${stem}.zpl`);
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeWhole(zplFile, job);
    } catch (err) {
      const p = folderProblem(err);
      throw new PrinterError({
        code: p.code,
        problems: [p],
        nothingSent: true,
        cause: err,
        message: `${statusOf(who, [p]).message} Nothing was saved; ${LABEL_KEPT}`,
      });
    }
    const text = Buffer.from(job).toString('utf8');
    // The file renamed into place is this printer's proof: the label is "printed" once it is whole on disk.
    const saved = confirmed(`The label was saved as ${zplFile}.`);
    // EPL or TSPL jobs have no ZPL picture; the saved bytes are the whole record then.
    if (!looksLikeZpl(text)) return saved;
    try {
      const png = await renderZplToPng(text, { widthMm: options.widthMm, heightMm: options.heightMm, dpmm: options.dpmm });
      await writeWhole(path.join(dir, `${stem}.png`), png);
      return saved;
    } catch (err) {
      const words = `It saved ${stem}.zpl but could not draw it as a picture (${reason(err)}): the label may have a ZPL error; open the .zpl file to check it.`;
      throw new PrinterError({
        code: 'unknown',
        problems: [{ code: 'unknown', words }],
        cause: err,
        message: `${who} ${words} ${LABEL_KEPT.charAt(0).toUpperCase()}${LABEL_KEPT.slice(1)}`,
      });
    }
  }

  return { describe: () => who, status, send };
}
