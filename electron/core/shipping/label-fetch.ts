import { CarrierError, httpError, transportError } from './carrier';

const MAX_LABEL_BYTES = 8 * 1024 * 1024;

/** Carriers hand out label files by URL; they are fetched with a timeout and a size limit. */
export async function fetchLabelFile(who: string, url: string, timeoutMs: number): Promise<Buffer> {
  if (!/^https?:\/\//.test(url)) throw new CarrierError('refused', `${who} gave no usable label address ("${url.slice(0, 80)}").`);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw transportError(who, e);
  }
  if (!res.ok) throw httpError(`${who}'s label server`, res.status, '');
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length === 0) throw new CarrierError('unknown', `${who} sent an empty label file.`);
  if (bytes.length > MAX_LABEL_BYTES) throw new CarrierError('refused', `${who} sent a label of ${bytes.length} bytes, too large for a thermal printer.`);
  return bytes;
}
