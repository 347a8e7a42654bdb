import { toSVG } from 'bwip-js/node';
import { addressLines, type Address } from '../../../shared/domain/address';
import { fitAddressLines, fitText, layoutInDots, layoutToZpl, pageMm, type Dpi, type LabelElement, type LabelSize } from '../labels';

export type ReturnSlip = {
  rma: string;
  orderNumber: string;
  shopName: string;
  /** where the parcel goes back to */
  returnTo: Address;
  customerName: string;
  createdAt: string;
  lines: Array<{ sku: string; title: string; quantity: number; reason: string; exchangeSku: string | null }>;
};

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (t: string) => t.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

function rmaSvg(rma: string): string {
  try {
    return `<figure class="code" role="img" aria-label="RMA barcode ${esc(rma)}">${toSVG({ bcid: 'code128', text: rma, scale: 3, height: 14, includetext: true, textxalign: 'center' })}</figure>`;
  } catch (e) {
    return `<p class="code-missing">The barcode could not be drawn (${esc(e instanceof Error ? e.message : String(e))}); the number ${esc(rma)} opens the return too.</p>`;
  }
}

/** A page for the customer to put in the parcel: the RMA barcode opens the return at the bench. Script-free. */
export function renderReturnSlipHtml(slip: ReturnSlip): string {
  const rows = slip.lines.map((l) => `<tr><td class="sku">${esc(l.sku)}</td><td>${esc(l.title)}${l.exchangeSku ? ` <em>(exchange for ${esc(l.exchangeSku)})</em>` : ''}</td><td>${esc(l.reason)}</td><td class="qty">${l.quantity}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Return ${esc(slip.rma)}</title>
<style>
@page { size: A4; margin: 12mm; }
body { margin: 0; font: 11pt/1.4 system-ui, "Noto Sans", "Noto Sans CJK JP", sans-serif; color: #000; }
header { display: flex; justify-content: space-between; gap: 8mm; align-items: flex-start; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.code { margin: 0; } .code svg { width: 70mm; height: auto; display: block; }
table { width: 100%; border-collapse: collapse; margin-top: 6mm; }
th, td { text-align: left; padding: 1.5mm 2mm; border-bottom: 0.3mm solid #999; vertical-align: top; }
.qty { text-align: right; } .sku { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
.box { border: 0.4mm solid #000; padding: 3mm 4mm; margin-top: 6mm; }
.code-missing { color: #900; }
@media screen { body { padding: 12mm; max-width: 210mm; } }
</style>
</head>
<body>
<header>
  <div>
    <h1>Return ${esc(slip.rma)}</h1>
    <p>${esc(slip.shopName)} · order ${esc(slip.orderNumber)} · ${esc(slip.customerName)}<br>Announced ${esc(slip.createdAt.slice(0, 10))}</p>
  </div>
  ${rmaSvg(slip.rma)}
</header>
<table>
  <thead><tr><th>SKU</th><th>Item</th><th>Reason</th><th class="qty">Qty</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
<section class="box">
  <strong>Put this slip in the parcel</strong>, with the items listed above, and send it to:
  <address>${addressLines(slip.returnTo).map(esc).join('<br>')}</address>
</section>
</body>
</html>
`;
}

/** The same slip on the thermal printer: the RMA as a big Code 128, the items, where it goes back to. */
export function renderReturnSlipZpl(slip: ReturnSlip, printer: { labelSize: LabelSize; dpi: Dpi }): string {
  const page = pageMm(printer.labelSize);
  const left = 4;
  const inner = page.width - 2 * left;
  const els: LabelElement[] = [];
  let y = 4;
  const text = (lines: string[], h: number) => {
    for (const t of lines) { els.push({ kind: 'text', x: left, y, width: inner, fontHeight: h, text: t, align: 'L' }); y += h * 1.2; }
  };
  const small = printer.labelSize === '4x4';
  text([`RETURN ${slip.rma}`], small ? 6 : 8);
  text(fitText(`${slip.shopName} · order ${slip.orderNumber} · ${slip.customerName}`, inner, 3, 2), 3);
  y += 1;
  els.push({ kind: 'code128', x: left, y, width: inner, height: small ? 14 : 22, data: slip.rma });
  y += (small ? 14 : 22) + 7;
  const room = small ? 4 : 9;
  const items = slip.lines.map((l) => `${l.quantity} × ${l.sku} ${l.title}`);
  const shown = items.length > room ? [...items.slice(0, room - 1), `and ${items.length - room + 1} more line(s)`] : items;
  for (const i of shown) text(fitText(i, inner, 3.2, 1), 3.2);
  y += 2;
  els.push({ kind: 'box', x: left, y, width: inner, height: 0.4, thickness: 0.4 });
  y += 2.5;
  text(['SEND BACK TO'], 2.5);
  text(fitAddressLines(addressLines(slip.returnTo), inner, 3.5, small ? 4 : 6), 3.5);
  return layoutToZpl(layoutInDots({ size: printer.labelSize, ...page, elements: els }, printer.dpi));
}
