import { expect, type Locator, type Page } from '@playwright/test';

/** Stock per SKU and location, one row's movements, and the count form. */
export class InventoryPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly panel: Locator;
  readonly counted: Locator;
  readonly reason: Locator;
  readonly submit: Locator;
  readonly reasonError: Locator;
  readonly movements: Locator;
  readonly panelOnHand: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('inventory-search');
    this.rows = page.getByTestId('stock-row');
    this.panel = page.getByTestId('stock-panel');
    this.counted = page.getByTestId('adjust-counted');
    this.reason = page.getByTestId('adjust-reason');
    this.submit = page.getByTestId('adjust-submit');
    this.reasonError = page.getByTestId('adjust-reason-error');
    this.movements = page.getByTestId('movement');
    this.panelOnHand = page.getByTestId('panel-on-hand');
  }

  row(sku: string, location?: string): Locator {
    let row = this.rows.and(this.page.locator(`[data-sku="${sku}"]`));
    if (location) row = row.and(this.page.locator(`[data-location="${location}"]`));
    return row;
  }

  async firstRowSku(): Promise<{ sku: string; location: string; onHand: number }> {
    const first = this.rows.first();
    await expect(first).toBeVisible();
    return {
      sku: (await first.getAttribute('data-sku'))!,
      location: (await first.getAttribute('data-location'))!,
      onHand: Number(await first.getByTestId('stock-on-hand').innerText()),
    };
  }

  async select(sku: string, location: string): Promise<void> {
    await this.row(sku, location).click();
    await expect(this.panel).toContainText(sku);
  }

  async adjust(counted: number | string, reason: string): Promise<void> {
    await this.counted.fill(String(counted));
    await this.reason.fill(reason);
    await this.submit.click();
  }
}
