import type { KeyboardEvent } from 'react';
import type { StockRow } from '../../../../shared/contract/inventory';

export const stockKey = (r: Pick<StockRow, 'variantId' | 'locationId'>) => `${r.variantId}:${r.locationId}`;

type Props = { rows: StockRow[]; selectedKey: string | null; onSelect(row: StockRow): void };

export function StockTable({ rows, selectedKey, onSelect }: Props) {
  // arrows walk the rows like a list; Enter or Space opens the one in focus
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, row: StockRow) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      if (next instanceof HTMLElement) next.focus();
    }
  };
  return (
    <div className="table-scroll">
      <table className="table stock-table" aria-label="Stock by SKU and location" data-testid="stock-table">
        <thead>
          <tr>
            <th scope="col">SKU and item</th>
            <th scope="col">Location</th>
            <th scope="col">Bin</th>
            <th scope="col" className="num">On hand</th>
            <th scope="col" className="num">Committed</th>
            <th scope="col" className="num">Available</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = stockKey(r);
            const isSelected = key === selectedKey;
            return (
              <tr
                key={key}
                tabIndex={0}
                className={`stock-row${isSelected ? ' is-selected' : ''}${r.available < 0 ? ' is-short' : ''}`}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => onSelect(r)}
                onKeyDown={(e) => onKey(e, r)}
                data-testid="stock-row"
                data-sku={r.sku}
                data-location={r.locationName}
              >
                <td>
                  <span className="stock-sku mono" data-testid="stock-sku">{r.sku}</span>
                  <span className="stock-item">{r.title}</span>
                </td>
                <td>{r.locationName}</td>
                <td className="mono">{r.bin ?? '—'}</td>
                <td className="num" data-testid="stock-on-hand">{r.onHand}</td>
                <td className="num">{r.committed}</td>
                <td className="num" data-testid="stock-available">{r.available < 0 ? <strong className="short-stock">{r.available} — short</strong> : r.available}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty-state">No stock rows match.</p> : null}
    </div>
  );
}
