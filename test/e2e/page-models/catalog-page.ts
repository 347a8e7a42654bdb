import { expect, type Locator, type Page } from '@playwright/test';
import { typeLikeAPerson } from './human';

/** Products and variants, edited as a shop owner would. */
export class CatalogPage {
  readonly editor: Locator;
  readonly rows: Locator;
  readonly formError: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('product-editor');
    this.rows = page.getByTestId('catalog-row');
    this.formError = this.editor.getByTestId('form-error');
  }

  variant(i = 0): Locator {
    return this.editor.getByTestId('variant').nth(i);
  }

  async newProduct(title: string): Promise<void> {
    await this.page.getByTestId('catalog-new').click();
    await typeLikeAPerson(this.page.getByTestId('product-title'), title);
  }

  async typeVariant(fields: Partial<Record<'sku' | 'title' | 'price' | 'weight' | 'length' | 'width' | 'height' | 'hs', string>>, i = 0): Promise<void> {
    const v = this.variant(i);
    for (const [k, value] of Object.entries(fields)) await typeLikeAPerson(v.getByTestId(`variant-${k}`), value);
  }

  async setBarcode(j: number, code: string, units: string, i = 0): Promise<void> {
    const v = this.variant(i);
    while ((await v.getByTestId('barcode-row').count()) <= j) await v.getByTestId('add-barcode').click();
    const row = v.getByTestId('barcode-row').nth(j);
    await typeLikeAPerson(row.getByTestId('barcode-code'), code);
    await typeLikeAPerson(row.getByTestId('barcode-units'), units);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('product-save').click();
  }

  row(title: string): Locator {
    return this.rows.and(this.page.locator(`[data-title="${title}"]`));
  }

  async expectSaved(title: string): Promise<void> {
    await expect(this.row(title)).toBeVisible();
    await expect(this.editor.getByRole('heading', { level: 2 })).toHaveText(`Edit ${title}`);
  }
}
