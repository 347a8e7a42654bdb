import type { PackView } from '../../../../shared/contract/pack';
import { ProductImage } from '../catalog/product-image';

/**
 * The item in hand, big (as ShipHero and Veeqo show it): the line scanned last, else the next one to scan.
 * A packer checks the picture against what they hold before the barcode does.
 */
export function ItemPicture({ view, lastLineId }: { view: PackView; lastLineId: number | undefined }) {
  const line = view.lines.find((l) => l.lineId === lastLineId) ?? view.lines.find((l) => !l.complete) ?? view.lines[0];
  if (!line || line.imageId === null) return null;
  return (
    <figure className="item-picture" data-testid="pack-item-picture" data-sku={line.sku}>
      <ProductImage imageId={line.imageId} alt={`Picture of ${line.title}`} className="item-picture-image" />
      <figcaption><strong>{line.title}</strong> <span className="mono">{line.sku}</span></figcaption>
    </figure>
  );
}
