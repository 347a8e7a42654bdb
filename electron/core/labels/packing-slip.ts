import { toSVG } from 'bwip-js/node';
import { addressLines, type Address } from '../../../shared/domain/address';
import { formatLocalTime } from '../../../shared/domain/local-time';

export type PackingSlipLine = { sku: string; title: string; quantity: number; bin: string };

export type PackingSlip = {
  orderNumber: string;
  orderId: string;
  /** UTC ISO 8601, e.g. 2025-03-01T14:05:00.000Z */
  createdAt: string;
  orderQrPayload: string;
  shopName: string;
  shipFrom: Address;
  shipTo: Address;
  lines: PackingSlipLine[];
  notes?: string;
};

/** `timeZone`: the station's own unless given (tests pin one) */
export type PackingSlipOptions = { paper?: 'A4' | 'Letter'; lang?: string; timeZone?: string };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}


/** bwip-js draws everything, human-readable text included, as paths: the SVG carries no input text. */
function barcodeSvg(kind: 'code128' | 'qrcode', text: string, label: string): string {
  try {
    // bwip-js would squeeze other characters in via FNC4/Latin-1 and scanners would read something else.
    if (kind === 'code128' && !/^[\x20-\x7e]+$/.test(text)) throw new Error('Code 128 carries ASCII letters, digits and punctuation only');
    const svg =
      kind === 'code128'
        ? toSVG({ bcid: 'code128', text, scale: 2, height: 12, includetext: true, textxalign: 'center' })
        : toSVG({ bcid: 'qrcode', text, scale: 2 }); // BWIPP's default error correction, level M
    return `<figure class="code ${kind}" role="img" aria-label="${esc(label)}">${svg}</figure>`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `<p class="code-missing">${esc(label)} could not be drawn (${esc(reason)}); use the order number printed above.</p>`;
  }
}

function addressHtml(address: Address, lang: string): string {
  return addressLines(address, lang).map(esc).join('<br>');
}

function lineRows(lines: PackingSlipLine[]): string {
  return lines
    .map(
      (line) => `<tr>
  <td class="bin">${esc(line.bin)}</td>
  <td class="sku">${esc(line.sku)}</td>
  <td>${esc(line.title)}</td>
  <td class="qty">${line.quantity}</td>
  <td class="tick"><span class="box"></span></td>
</tr>`,
    )
    .join('\n');
}

const STYLE = (paper: 'A4' | 'Letter'): string => `
@page { size: ${paper}; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif; color: #000; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
.meta { margin: 0; }
.meta dt { display: inline; font-weight: 600; }
.meta dd { display: inline; margin: 0 4mm 0 1mm; }
.codes { display: flex; gap: 6mm; align-items: center; }
.code { margin: 0; }
.code svg { display: block; height: auto; }
.code128 svg { width: 60mm; }
.qrcode svg { width: 25mm; }
.addresses { display: flex; gap: 10mm; margin: 6mm 0; }
.addresses section { flex: 1; }
h2 { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; margin: 0 0 1mm; color: #444; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 1.5mm 2mm; border-bottom: 0.3mm solid #999; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.qty, .tick { text-align: right; white-space: nowrap; }
.bin, .sku { white-space: nowrap; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 0.3mm solid #000; }
tfoot td { font-weight: 600; border-bottom: none; }
.notes { margin-top: 6mm; white-space: pre-wrap; border: 0.3mm solid #999; padding: 2mm 3mm; }
.code-missing { color: #900; }
@media screen { body { padding: 12mm; max-width: 210mm; } }
`;

function safeLang(lang: string | undefined): string {
  return lang !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'en';
}

/** A standalone, script-free HTML document: shown in a sandboxed frame, printed, or saved as PDF. */
export function renderPackingSlipHtml(slip: PackingSlip, options: PackingSlipOptions = {}): string {
  const totalQuantity = slip.lines.reduce((sum, line) => sum + line.quantity, 0);
  const notes = slip.notes?.trim() ?? '';
  return `<!doctype html>
<html lang="${safeLang(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Packing slip ${esc(slip.orderNumber)}</title>
<style>${STYLE(options.paper ?? 'A4')}</style>
</head>
<body>
<header>
  <div>
    <h1>${esc(slip.shopName)}</h1>
    <dl class="meta">
      <dt>Order</dt><dd>${esc(slip.orderNumber)}</dd>
      <dt>Placed</dt><dd>${esc(formatLocalTime(slip.createdAt, options.timeZone))}</dd>
      <dt>Ref</dt><dd>${esc(slip.orderId)}</dd>
    </dl>
  </div>
  <div class="codes">
    ${barcodeSvg('code128', slip.orderNumber, `Order number ${slip.orderNumber}`)}
    ${barcodeSvg('qrcode', slip.orderQrPayload, `Order QR code for ${slip.orderNumber}`)}
  </div>
</header>
<div class="addresses">
  <section><h2>Ship to</h2><address>${addressHtml(slip.shipTo, safeLang(options.lang))}</address></section>
  <section><h2>From</h2><address>${addressHtml(slip.shipFrom, safeLang(options.lang))}</address></section>
</div>
<table>
  <thead><tr><th>Bin</th><th>SKU</th><th>Item</th><th class="qty">Qty</th><th class="tick">Packed</th></tr></thead>
  <tbody>
${lineRows(slip.lines)}
  </tbody>
  <tfoot><tr><td colspan="3">${slip.lines.length} line${slip.lines.length === 1 ? '' : 's'}</td><td class="qty">${totalQuantity}</td><td></td></tr></tfoot>
</table>
${notes === '' ? '' : `<section class="notes"><h2>Notes</h2>${esc(notes)}</section>`}
</body>
</html>
`;
}
