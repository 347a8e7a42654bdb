import Papa from 'papaparse';
import type { ImportSummary } from '../../../../shared/contract/csv';

/**
 * Reading a CSV the way shops actually send them: Excel's Windows-1252, a UTF-8 or UTF-16 byte-order mark,
 * semicolons (European Excel), quotes inside values, files of tens of megabytes. The bytes are decoded once,
 * whole (papaparse decodes file slices one by one, which cuts a letter in two at each slice edge), then
 * parsed by papaparse in chunks, pausing while each batch is checked by the core.
 */
export const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8 (most files)' },
  { value: 'windows-1252', label: 'Windows-1252 (Excel, Western Europe)' },
  { value: 'iso-8859-2', label: 'ISO-8859-2 (Central Europe)' },
  { value: 'utf-16le', label: 'UTF-16 (Excel "Unicode text")' },
  { value: 'shift_jis', label: 'Shift_JIS (Japanese)' },
] as const;

export type Decoded = { text: string; encoding: string; notice: string | null };

/** Bytes to text: a byte-order mark decides; otherwise UTF-8 if every byte is valid UTF-8, else Windows-1252, said in words. */
export function decodeCsv(bytes: Uint8Array, chosen?: string): Decoded {
  if (chosen) return { text: new TextDecoder(chosen).decode(bytes), encoding: chosen, notice: null };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', notice: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', notice: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', notice: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252',
      notice: 'This file is not UTF-8, so it was read as Windows-1252 (how Excel saves in Western Europe). Check the names in the preview: if letters look wrong, choose the file\'s encoding.',
    };
  }
}

export type Sniffed = { delimiter: string; headers: string[]; preview: string[][]; notice: string | null };

const DELIMITER_WORDS: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars (|)' };

/** The header and the first rows, with the separator the file uses. */
export function sniffCsv(text: string): Sniffed {
  const r = Papa.parse<string[]>(text, { preview: 21, delimitersToGuess: [',', ';', '\t', '|'] });
  const [head = [], ...rows] = r.data;
  const headers = head.map((h, i) => h.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`);
  const seen = new Map<string, number>();
  const unique = headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n > 1 ? `${h} (${n})` : h;
  });
  const delimiter = r.meta.delimiter || ',';
  return {
    delimiter, headers: unique, preview: rows.filter((row) => !(row.length === 1 && row[0] === '')).slice(0, 20),
    notice: delimiter !== ',' ? `Values in this file are separated by ${DELIMITER_WORDS[delimiter] ?? `"${delimiter}"`}.` : null,
  };
}

const UNSENDABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSENDABLE_ALL = new RegExp(UNSENDABLE.source, 'g');

type ParseError = { row: number; message: string; cells?: string[] };
export type Batch = { rows: Array<{ row: number; cells: string[] }>; parseErrors: ParseError[] };

function errorWords(code: string, width: number, got: number, row: number): string {
  switch (code) {
    case 'TooFewFields':
    case 'TooManyFields':
      return `has ${got} value(s) where the header has ${width}. A value that contains the separator needs quotes around it ("Smith, Jane").`;
    case 'MissingQuotes':
      return `opens a quoted value (") that never closes, so everything after it ran into this row. Close the quote in row ${row} and load the file again.`;
    case 'InvalidQuotes':
      return 'has a quote (") inside a value: write it twice ("") or put the whole value in quotes.';
    default:
      return 'could not be read as CSV.';
  }
}

/**
 * Streams every data row (row numbers as a spreadsheet shows them: the header is row 1) to `onBatch`,
 * which is awaited before parsing goes on, so a big file never piles up in memory.
 */
export function streamCsv(text: string, delimiter: string, onBatch: (b: Batch) => Promise<void>, batchSize = 2000): Promise<{ rows: number }> {
  return new Promise((resolve, reject) => {
    let record = 0;
    let width = 0;
    let rows = 0;
    let failed = false;
    Papa.parse<string[]>(text, {
      delimiter,
      chunkSize: 1024 * 1024,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        const batch: Batch = { rows: [], parseErrors: [] };
        const errorsAt = new Map<number, string>();
        for (const e of results.errors) if (typeof e.row === 'number' && !errorsAt.has(e.row)) errorsAt.set(e.row, e.code);
        const pending: Batch[] = [];
        results.data.forEach((cells, i) => {
          record++;
          if (record === 1) { width = cells.length; return; }
          if (cells.length === 1 && cells[0] === '') return; // a blank line
          rows++;
          // a NUL (or half a character) cannot be stored nor sent: it becomes the mark of an unreadable
          // character, so that cell's row is named with what to do, and the rest of the batch goes on
          for (let c = 0; c < cells.length; c++) if (UNSENDABLE.test(cells[c]!)) cells[c] = cells[c]!.replace(UNSENDABLE_ALL, '\uFFFD');
          // papaparse counts values only when it reads headers itself; a row that does not fit the header is named here
          while (cells.length > width && cells.at(-1) === '') cells.pop();
          const code = errorsAt.get(i) ?? (cells.length < width ? 'TooFewFields' : cells.length > width ? 'TooManyFields' : undefined);
          if (code) batch.parseErrors.push({ row: record, message: errorWords(code, width, cells.length, record), cells });
          else batch.rows.push({ row: record, cells });
          if (batch.rows.length + batch.parseErrors.length >= batchSize) {
            pending.push({ rows: batch.rows.splice(0), parseErrors: batch.parseErrors.splice(0) });
          }
        });
        if (batch.rows.length || batch.parseErrors.length) pending.push(batch);
        if (!pending.length) return;
        parser.pause();
        void (async () => {
          try {
            for (const b of pending) {
              await onBatch(b);
              // let the page (and anything else waiting) run between batches, however fast the answers come
              await new Promise((r) => setTimeout(r, 0));
            }
            parser.resume();
          } catch (e) {
            failed = true;
            parser.abort();
            reject(e);
          }
        })();
      },
      complete: () => { if (!failed) resolve({ rows }); },
      error: (e: Error) => { failed = true; reject(e); },
    });
  });
}

export type CallApi = {
  call(method: 'csv.importStart', input: { kind: 'orders' | 'catalog'; fileName: string; mapping: Record<string, string>; headers: string[] }): Promise<{ importId: string }>;
  call(method: 'csv.importRows', input: { importId: string; done?: boolean } & Batch): Promise<ImportSummary>;
};

/** Start, stream every row to the core, and return what it would import: nothing is imported until commit. */
export async function checkFile(api: CallApi, input: {
  kind: 'orders' | 'catalog'; fileName: string; text: string; sniffed: Sniffed; mapping: Record<string, string>;
  onProgress?(rowsSent: number): void;
}): Promise<ImportSummary> {
  const { importId } = await api.call('csv.importStart', { kind: input.kind, fileName: input.fileName, mapping: input.mapping, headers: input.sniffed.headers });
  let sent = 0;
  await streamCsv(input.text, input.sniffed.delimiter, async (b) => {
    await api.call('csv.importRows', { importId, ...b });
    sent += b.rows.length + b.parseErrors.length;
    input.onProgress?.(sent);
  });
  // the last call asks what would land: orders grouped, duplicates found, every error in row order
  return api.call('csv.importRows', { importId, rows: [], parseErrors: [], done: true });
}
