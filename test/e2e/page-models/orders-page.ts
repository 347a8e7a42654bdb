import { expect, type Locator, type Page } from '@playwright/test';

/** The order queue: search, filters, the virtualised list and its keys. */
export class OrdersPage {
  readonly search: Locator;
  readonly count: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly statusFilter: Locator;
  readonly channelFilter: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('orders-search');
    this.count = page.getByTestId('orders-count');
    this.list = page.getByRole('listbox', { name: 'Orders' });
    this.rows = page.getByTestId('order-row');
    this.statusFilter = page.getByTestId('orders-status-filter');
    this.channelFilter = page.getByTestId('orders-channel-filter');
  }

  row(text: string | RegExp): Locator {
    return this.list.getByRole('option', { name: text });
  }

  get selected(): Locator {
    return this.list.locator('[role="option"][aria-selected="true"]');
  }

  async expectTotal(n: number, narrowed = false): Promise<void> {
    await expect(this.count).toHaveText(new RegExp(`^${n} orders?${narrowed ? ' found' : ''}`));
  }

  /** Waits until the rows shown are the answer to this search (not the previous one). */
  async expectAnswered(text: string): Promise<void> {
    await expect(this.list).toHaveAttribute('data-query', text.trim());
    await expect(this.list).toHaveAttribute('aria-busy', 'false');
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.expectAnswered(text);
  }

  /** Customer names of the rows drawn now (the list is virtualised: only what is in view). */
  async visibleCustomers(): Promise<string[]> {
    return this.rows.locator('.col-customer').allInnerTexts();
  }

  async openRow(text: string | RegExp): Promise<void> {
    await this.row(text).first().click();
  }
}
