import { useState } from 'react';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';

const EXPORTS = [
  { kind: 'orders', label: 'Orders', help: 'one row per order line, columns as the import reads them' },
  { kind: 'stock', label: 'Stock', help: 'per SKU and location, then per bin' },
  { kind: 'shipments', label: 'Shipments', help: 'every parcel packed, with tracking when known' },
  { kind: 'catalog', label: 'Catalog', help: 'one row per SKU, barcodes and case packs' },
] as const;

/** Exports come in pages from the station and are joined here into one file for the browser to save. */
export function ExportPanel() {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (kind: (typeof EXPORTS)[number]['kind']) => {
    setBusy(kind);
    try {
      const parts: string[] = [];
      let cursor: number | null = 0;
      let rows = 0;
      let fileName = `packbench-${kind}.csv`;
      while (cursor !== null) {
        const page: { csv: string; rows: number; fileName: string; nextCursor: number | null } = await api.call('csv.export', { kind, cursor, limit: 2000 });
        parts.push(page.csv);
        rows += page.rows;
        fileName = page.fileName;
        cursor = page.nextCursor;
      }
      // a byte-order mark, so Excel reads the file as UTF-8 (names with accents, other scripts)
      const blob = new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      useAppStore.getState().showInfo(`${fileName} saved: ${rows.toLocaleString()} row(s).`);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel export-panel" aria-labelledby="export-title">
      <h2 id="export-title">Export to CSV</h2>
      <div className="action-row">
        {EXPORTS.map((x) => (
          <button key={x.kind} type="button" className="button" onClick={() => void run(x.kind)} disabled={busy !== null} data-testid={`export-${x.kind}`} title={x.help}>
            {busy === x.kind ? 'Exporting…' : `${x.label}`}
          </button>
        ))}
      </div>
      <p className="muted">Orders: one row per line. Stock: per SKU and location, then per bin. Shipments: every parcel packed, with tracking when known. Catalog: one row per SKU.</p>
    </section>
  );
}
