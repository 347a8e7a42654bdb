import type { Locator, Page } from '@playwright/test';

/** The Sync screen: one card per channel, and the indicator in the top bar. */
export class SyncPage {
  readonly indicator: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('sync-indicator');
    this.summary = page.getByTestId('sync-summary');
  }

  card(name: string): Locator {
    return this.page.getByTestId('sync-channel').filter({ hasText: name });
  }

  state(name: string): Locator { return this.card(name).getByTestId('sync-state'); }
  waiting(name: string): Locator { return this.card(name).getByTestId('sync-waiting'); }
  errors(name: string): Locator { return this.card(name).getByTestId('sync-errors'); }
  syncNow(name: string): Locator { return this.card(name).getByTestId('sync-now'); }
}
