import { expect, type Locator, type Page } from '@playwright/test';
import { typeLikeAPerson } from './human';

/** The phone and counter order form, opened from the order queue. */
export class ManualOrderForm {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('manual-order');
  }

  field(id: string): Locator {
    return this.dialog.getByTestId(id);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('orders-new').click();
    await expect(this.dialog).toBeVisible();
  }

  async address(a: { country: string; name: string; street: string; city: string; region?: string; postcode: string }): Promise<void> {
    await this.field('manual-address-country').selectOption(a.country);
    await typeLikeAPerson(this.field('manual-address-name'), a.name);
    await typeLikeAPerson(this.field('manual-address-line1'), a.street);
    await typeLikeAPerson(this.field('manual-address-city'), a.city);
    if (a.region) await this.field('manual-address-region').selectOption(a.region);
    await typeLikeAPerson(this.field('manual-address-postcode'), a.postcode);
  }

  async line(sku: string, quantity: string, price: string): Promise<void> {
    await typeLikeAPerson(this.field('manual-line-sku').last(), sku);
    await typeLikeAPerson(this.field('manual-line-qty').last(), quantity);
    await typeLikeAPerson(this.field('manual-line-price').last(), price);
  }

  async save(): Promise<void> {
    await this.field('manual-save').click();
  }
}
