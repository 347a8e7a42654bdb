import { memo } from 'react';
import type { PackLine } from '../../../../shared/contract/pack';

type Props = { lines: PackLine[]; lastLineId: number | undefined; flashSeq: number };

/** What this parcel must hold, line by line; the count is the largest thing on the row. */
export const PackLines = memo(function PackLines({ lines, lastLineId, flashSeq }: Props) {
  return (
    <table className="table pack-lines" aria-label="Items to pack" data-testid="pack-lines">
      <thead>
        <tr>
          <th>Bin</th>
          <th>Item</th>
          <th className="num">Scanned</th>
          <th className="num">Of</th>
          <th><span className="visually-hidden">Done</span></th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <PackLineRow key={l.lineId} line={l} isLast={l.lineId === lastLineId} flashSeq={l.lineId === lastLineId ? flashSeq : 0} />
        ))}
      </tbody>
    </table>
  );
});

const PackLineRow = memo(function PackLineRow({ line, isLast, flashSeq }: { line: PackLine; isLast: boolean; flashSeq: number }) {
  const state = line.complete ? 'complete' : line.scanned > 0 ? 'partial' : 'waiting';
  return (
    <tr
      className={`pack-line is-${state}${isLast ? ' is-last' : ''}`}
      data-testid="pack-line"
      data-sku={line.sku}
      data-line-id={line.lineId}
      data-complete={line.complete}
      // two identical animations, alternated, so a repeated good scan of the same line flashes again
      data-flash={isLast && flashSeq > 0 ? (flashSeq % 2 === 0 ? 'a' : 'b') : undefined}
    >
      <td className="pack-bin mono">{line.bin ?? '—'}</td>
      <td className="pack-item">
        <span className="pack-title">{line.title}</span>
        <span className="pack-sku mono">{line.sku}</span>
        {line.packedEarlier > 0 ? <span className="pack-earlier muted">{line.packedEarlier} already sent in an earlier parcel (of {line.ordered} ordered)</span> : null}
      </td>
      <td className="num pack-count" data-testid="line-scanned">{line.scanned}</td>
      <td className="num pack-expected" data-testid="line-expected">{line.expected}</td>
      <td className="pack-state">
        {line.complete ? (
          <span className="pack-tick" data-testid="line-done">{line.overridden ? '✓ Override' : '✓ Done'}</span>
        ) : (
          <span className="pack-left">{line.expected - line.scanned} to go</span>
        )}
      </td>
    </tr>
  );
});
