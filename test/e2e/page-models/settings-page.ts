import type { Locator, Page } from '@playwright/test';

/** Workspace facts and the two ways to start over, each behind a confirmation. */
export class SettingsPage {
  readonly info: Locator;
  readonly kind: Locator;
  readonly dataDir: Locator;
  readonly resetDemo: Locator;
  readonly startEmpty: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.info = page.getByTestId('workspace-info');
    this.kind = page.getByTestId('workspace-kind');
    this.dataDir = page.getByTestId('workspace-data-dir');
    this.resetDemo = page.getByTestId('reset-demo');
    this.startEmpty = page.getByTestId('start-empty');
    this.dialog = page.getByRole('dialog');
  }

  async confirm(): Promise<void> {
    await this.dialog.getByRole('button', { name: /Delete/ }).click();
  }

  async keep(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Keep things as they are' }).click();
  }
}
