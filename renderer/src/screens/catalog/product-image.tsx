import { useEffect, useState } from 'react';
import { api } from '../../api/client';

const cache = new Map<number, Promise<string>>();

/** A picture kept in the workspace, as a data URL (the page may load nothing from outside). */
export function imageUrl(id: number): Promise<string> {
  let p = cache.get(id);
  if (!p) {
    p = api.call('catalog.image', { id }).then((img) => `data:${img.mime};base64,${img.dataBase64}`);
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export function ProductImage({ imageId, alt, className, testId }: { imageId: number | null; alt: string; className?: string; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSrc(null);
    if (imageId !== null) imageUrl(imageId).then((u) => { if (live) setSrc(u); }, () => undefined);
    return () => { live = false; };
  }, [imageId]);
  if (imageId === null) return <div className={`product-image is-empty ${className ?? ''}`} aria-hidden="true" />;
  return src ? <img className={`product-image ${className ?? ''}`} src={src} alt={alt} data-testid={testId} /> : <div className={`product-image is-loading ${className ?? ''}`} aria-hidden="true" />;
}

/**
 * Shrinks a photo before it is stored (a phone photo is 5 MB; the bench needs 800 px) and uploads it.
 * Decoding happens in the page, so a file that is not a picture is refused here in words.
 */
export async function uploadPicture(file: File): Promise<number> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name} is not a picture this screen can read. Choose a JPEG, PNG or WebP photo.`);
  }
  const scale = Math.min(1, 800 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This screen cannot prepare pictures. Try another browser.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new Error('The picture could not be prepared. Try another file.');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const { imageId } = await api.call('catalog.uploadImage', { mime: 'image/jpeg', dataBase64: btoa(binary) });
  return imageId;
}
