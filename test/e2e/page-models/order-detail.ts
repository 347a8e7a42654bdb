import { expect, type Locator, type Page } from '@playwright/test';

/** One order: lines, ship-to, totals, timeline and the status buttons. */
export class OrderDetailPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly shipTo: Locator;
  readonly lines: Locator;
  readonly totals: Locator;
  readonly timeline: Locator;
  readonly events: Locator;
  readonly back: Locator;
  readonly actions: Locator;
  readonly reason: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('order-detail');
    this.title = this.root.getByRole('heading', { level: 1 });
    this.shipTo = page.getByTestId('ship-to');
    this.lines = page.getByTestId('order-line');
    this.totals = page.getByTestId('order-totals');
    this.timeline = page.getByTestId('timeline');
    this.events = page.getByTestId('timeline-event');
    this.back = page.getByTestId('back-to-queue');
    this.actions = page.getByTestId('order-actions');
    this.reason = page.getByTestId('transition-reason');
  }

  async expectOpen(number?: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.title).toContainText(number ? `Order ${number}` : 'Order ');
  }

  action(label: string | RegExp): Locator {
    return this.actions.getByRole('group', { name: 'Change status' }).getByRole('button', { name: label });
  }

  /** Answers the reason question that on-hold and cancel ask, then confirms. */
  async confirmWithReason(reason: string, confirm: string | RegExp): Promise<void> {
    await this.reason.fill(reason);
    await this.actions.locator('form').getByRole('button', { name: confirm }).click();
  }
}
