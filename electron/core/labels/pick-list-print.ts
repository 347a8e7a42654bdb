import { toSVG } from 'bwip-js/node';
import type { PickListView } from '../../../shared/contract/picking';
import { escapeZplFieldData } from './zpl';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

/** What a picker without a device scans to open the list on the pick screen later, or types. */
export function pickListCode(listId: number): string {
  return `PICK-${listId}`;
}

const totes = (t: PickListView['tasks'][number]) => t.allocations.map((a) => `${a.quantity}→T${a.tote}`).join(' ');

/** A page for pickers without a device: stops in walk order, with the tote for each order and a box to tick. */
export function renderPickListHtml(list: PickListView, printedAt: string): string {
  let code = '';
  try {
    code = toSVG({ bcid: 'code128', text: pickListCode(list.id), scale: 2, height: 10, includetext: true, textxalign: 'center' });
  } catch {
    code = '';
  }
  const rows = list.tasks.map((t) => `<tr>
  <td class="n">${t.seq}</td><td class="mono">${esc(t.binCode)}</td><td class="mono">${esc(t.sku)}</td><td>${esc(t.title)}</td>
  <td class="n">${t.quantity}</td><td class="mono">${esc(totes(t))}</td><td class="tick"><span class="box"></span></td>
</tr>`).join('\n');
  const members = list.members.map((m) => `<li>Tote ${esc(m.tote)}: ${esc(m.number)} (${esc(m.customerName)})</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pick list ${esc(list.name)}</title>
<style>
@page { size: A4; margin: 12mm; }
body { margin: 0; font: 11pt/1.35 system-ui, sans-serif; color: #000; }
header { display: flex; justify-content: space-between; gap: 8mm; align-items: flex-start; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; margin-top: 5mm; }
th, td { text-align: left; padding: 2mm; border-bottom: 0.3mm solid #999; vertical-align: top; }
tr { break-inside: avoid; }
.n, .tick { text-align: right; white-space: nowrap; }
.mono { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
.box { display: inline-block; width: 5mm; height: 5mm; border: 0.3mm solid #000; }
svg { width: 55mm; height: auto; }
ul { columns: 2; padding-left: 5mm; }
@media screen { body { padding: 12mm; max-width: 210mm; } }
</style>
</head>
<body>
<header>
  <div>
    <h1>${esc(list.name)}</h1>
    <p>${esc(list.locationName)} · ${list.members.length} order${list.members.length === 1 ? '' : 's'} · ${list.units} unit${list.units === 1 ? '' : 's'} · printed ${esc(printedAt.replace('T', ' ').slice(0, 16))} UTC</p>
  </div>
  <figure aria-label="Pick list code ${esc(pickListCode(list.id))}">${code}</figure>
</header>
<table>
  <thead><tr><th class="n">#</th><th>Bin</th><th>SKU</th><th>Item</th><th class="n">Qty</th><th>Totes</th><th class="tick">Picked</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
<h2>Totes</h2>
<ul>${members}</ul>
<p>Short at a bin? Write how many you found and tell the office: the order is marked short there.</p>
</body>
</html>`;
}

const STOPS_PER_LABEL = 14;

/** The same list on 4-inch thermal labels (as many as it takes), text only, UTF-8 under ^CI28. */
export function renderPickListZpl(list: PickListView, dpi: 203 | 300): string {
  const dot = dpi === 300 ? 12 : 8;
  const width = 4 * 25.4 * dot;
  const text = (x: number, y: number, h: number, s: string, w = width - x - 3 * dot) =>
    `^FO${Math.round(x)},${Math.round(y)}^A0N,${h},${h}^FB${Math.round(w)},1,0,L,0^FH_^FD${escapeZplFieldData(s.replace(/\\/g, '\\\\'))}^FS`;
  const pages: string[] = [];
  const count = Math.max(1, Math.ceil(list.tasks.length / STOPS_PER_LABEL));
  for (let p = 0; p < count; p++) {
    const stops = list.tasks.slice(p * STOPS_PER_LABEL, (p + 1) * STOPS_PER_LABEL);
    const h = 3 * dot;
    let y = 3 * dot;
    const parts = ['^XA', '^CI28', `^PW${Math.round(width)}`];
    parts.push(text(3 * dot, y, 4 * dot, `${list.name} (${p + 1}/${count})`));
    y += 5 * dot;
    parts.push(`^FO${3 * dot},${y}^BY2^BCN,${8 * dot},Y,N,N^FD${pickListCode(list.id)}^FS`);
    y += 13 * dot;
    for (const t of stops) {
      parts.push(text(3 * dot, y, h, `${t.seq}. ${t.binCode}  ${t.quantity} × ${t.sku}`));
      y += h + dot;
      parts.push(text(7 * dot, y, Math.round(h * 0.8), `${t.title} · ${totes(t)}`));
      y += h + 2 * dot;
    }
    parts.push('^XZ');
    pages.push(parts.join('\n'));
  }
  return pages.join('\n');
}
