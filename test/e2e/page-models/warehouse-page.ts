import { expect, type Locator, type Page } from '@playwright/test';
import { typeLikeAPerson } from './human';

/** Locations, bins in walk order, and receiving a delivery by scanning. */
export class WarehousePage {
  readonly locationForm: Locator;
  readonly bins: Locator;
  readonly receive: Locator;
  readonly receiveBin: Locator;
  readonly receiveResult: Locator;

  constructor(readonly page: Page) {
    this.locationForm = page.getByTestId('location-form');
    this.bins = page.getByTestId('bin-row');
    this.receive = page.getByTestId('receive-panel');
    this.receiveBin = page.getByTestId('receive-bin');
    this.receiveResult = page.getByTestId('receive-result');
  }

  async addLocation(l: { code: string; name: string; country: string; street: string; city: string; postcode: string; contact: string }): Promise<void> {
    await this.page.getByTestId('tab-locations').click();
    await expect(this.locationForm).toBeVisible();
    await typeLikeAPerson(this.page.getByTestId('location-code'), l.code);
    await typeLikeAPerson(this.page.getByTestId('location-name'), l.name);
    await this.page.getByTestId('location-address-country').selectOption(l.country);
    await this.page.getByTestId('location-address-name').fill(l.contact);
    await this.page.getByTestId('location-address-line1').fill(l.street);
    await this.page.getByTestId('location-address-city').fill(l.city);
    await this.page.getByTestId('location-address-postcode').fill(l.postcode);
    await this.page.getByTestId('location-save').click();
    await expect(this.page.getByTestId('location-row').and(this.page.locator(`[data-code="${l.code}"]`))).toBeVisible();
  }

  /** Typed at a person's speed: what lands must be exactly what was typed. */
  async addBin(p: { zone: string; aisle?: string; shelf?: string; level?: string }): Promise<void> {
    await typeLikeAPerson(this.page.getByTestId('bin-zone'), p.zone);
    await typeLikeAPerson(this.page.getByTestId('bin-aisle'), p.aisle ?? '');
    await typeLikeAPerson(this.page.getByTestId('bin-shelf'), p.shelf ?? '');
    await typeLikeAPerson(this.page.getByTestId('bin-level'), p.level ?? '');
    await this.page.getByTestId('bin-add').click();
  }

  async binCodes(): Promise<string[]> {
    return this.bins.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
  }

  async startDelivery(reference: string, supplier: string): Promise<void> {
    await this.page.getByTestId('tab-receive').click();
    await typeLikeAPerson(this.page.getByTestId('delivery-reference'), reference);
    await this.page.getByTestId('delivery-supplier').fill(supplier);
    await this.page.getByTestId('delivery-create').click();
    await expect(this.receive).toBeVisible();
  }

  received(sku: string): Locator {
    return this.page.locator(`[data-testid="receive-line"][data-sku="${sku}"]`).getByTestId('receive-line-received');
  }
}
