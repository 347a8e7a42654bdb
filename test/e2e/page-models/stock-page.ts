import type { Locator, Page } from '@playwright/test';

/** The Stock sync screen (Alt+8): budgets per shop, reconciliation, rules, counts and their history. */
export class StockPage {
  readonly budgets: Locator;
  readonly reconcile: Locator;
  readonly report: Locator;
  readonly drifts: Locator;
  readonly pushOurs: Locator;
  readonly exportCsv: Locator;

  constructor(readonly page: Page) {
    this.budgets = page.getByTestId('stock-budget');
    this.reconcile = page.getByTestId('stock-reconcile');
    this.report = page.getByTestId('stock-report');
    this.drifts = page.getByTestId('stock-drift');
    this.pushOurs = page.getByTestId('stock-push-ours');
    this.exportCsv = page.getByTestId('stock-export');
  }

  budget(name: string): Locator { return this.budgets.filter({ hasText: name }); }
}
