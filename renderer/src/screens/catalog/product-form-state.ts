import type { Product, ProductInput } from '../../../../shared/contract/catalog';
import { parseAmount, parseWholeTyped } from '../../../../shared/domain/amount';

/** The form keeps exactly what was typed; numbers are read on save, with words for anything that is not one. */
export type BarcodeForm = { code: string; units: string };
export type VariantForm = {
  id?: number; sku: string; title: string; price: string; weight: string; length: string; width: string; height: string;
  hsCode: string; originCountry: string; imageId: number | null; barcodes: BarcodeForm[]; defaultBins: Record<number, string>;
};
export type ProductForm = { id?: number; title: string; imageId: number | null; archived: boolean; variants: VariantForm[] };

const num = (n: number) => (n ? String(n) : '');

export function emptyVariant(): VariantForm {
  return { sku: '', title: '', price: '', weight: '', length: '', width: '', height: '', hsCode: '', originCountry: '', imageId: null, barcodes: [{ code: '', units: '1' }], defaultBins: {} };
}

export function emptyProduct(): ProductForm {
  return { title: '', imageId: null, archived: false, variants: [emptyVariant()] };
}

export function toForm(p: Product): ProductForm {
  return {
    id: p.id, title: p.title, imageId: p.imageId, archived: p.archived,
    variants: p.variants.filter((v) => !v.archived).map((v) => ({
      id: v.id, sku: v.sku, title: v.title, price: v.priceMinor ? (v.priceMinor / 100).toFixed(2) : '', weight: num(v.weightGrams),
      length: num(v.lengthMm), width: num(v.widthMm), height: num(v.heightMm), hsCode: v.hsCode, originCountry: v.originCountry, imageId: v.imageId,
      barcodes: v.barcodes.map((b) => ({ code: b.printed, units: String(b.units) })),
      defaultBins: Object.fromEntries(v.defaultBins.map((d) => [d.locationId, d.binId === null ? '' : String(d.binId)])),
    })),
  };
}

/** Form -> request, or field -> words for what is not a number where one is needed. */
export function fromForm(f: ProductForm): { input: ProductInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (text: string, path: string, what: string) => {
    if (text.trim() === '') return 0;
    const n = parseWholeTyped(text);
    if (n === null) errors[path] = `${what}: type a whole number, e.g. 280 (you typed "${text}").`;
    return n ?? 0;
  };
  const variants = f.variants.map((v, i) => {
    const at = `variants.${i}`;
    const price = v.price.trim() === '' ? 0 : parseAmount(v.price, 'EUR');
    if (price === null || price < 0) errors[`${at}.priceMinor`] = `Price: type an amount such as 14.50 (you typed "${v.price}").`;
    return {
      ...(v.id !== undefined ? { id: v.id } : {}),
      sku: v.sku, title: v.title, priceMinor: price ?? 0,
      weightGrams: whole(v.weight, `${at}.weightGrams`, 'Weight in grams'),
      lengthMm: whole(v.length, `${at}.lengthMm`, 'Length in mm'), widthMm: whole(v.width, `${at}.widthMm`, 'Width in mm'), heightMm: whole(v.height, `${at}.heightMm`, 'Height in mm'),
      hsCode: v.hsCode, originCountry: v.originCountry, imageId: v.imageId,
      barcodes: v.barcodes.map((b, j) => {
        const units = b.units.trim() === '' ? 1 : parseWholeTyped(b.units);
        if (units === null || units < 1) errors[`${at}.barcodes.${j}.units`] = `Units per scan: type a whole number of at least 1 (you typed "${b.units}").`;
        return { code: b.code, units: units ?? 1 };
      }),
      defaultBins: Object.entries(v.defaultBins).filter(([, bin]) => bin !== '').map(([loc, bin]) => ({ locationId: Number(loc), binId: Number(bin) })),
    };
  });
  if (Object.keys(errors).length) return { errors };
  return { input: { ...(f.id !== undefined ? { id: f.id } : {}), title: f.title, imageId: f.imageId, variants } };
}

/** Blank barcode rows are the form's spare lines, not codes: dropped before saving so field numbers match. */
export function withoutBlankCodes(f: ProductForm): ProductForm {
  return { ...f, variants: f.variants.map((v) => ({ ...v, barcodes: v.barcodes.filter((b) => b.code.trim() !== '') })) };
}

/** After a refused save: a variant that had a spare line keeps one, at the end, so the field numbers still match. */
export function withSpareCodeRows(cleaned: ProductForm, before: ProductForm): ProductForm {
  return {
    ...cleaned,
    variants: cleaned.variants.map((v, i) => {
      const spare = before.variants[i]?.barcodes.find((b) => b.code.trim() === '');
      return spare ? { ...v, barcodes: [...v.barcodes, spare] } : v;
    }),
  };
}
