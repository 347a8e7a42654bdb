import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Label printers: add a network printer and make it the one labels go to. */
export class PrintersSettings {
  readonly section: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('printers-section');
    this.rows = this.section.getByTestId('printer-row');
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async addNetworkPrinter(p: { name: string; host: string; port: number; makeDefault?: boolean }): Promise<void> {
    await this.section.getByTestId('printer-add').click();
    await this.section.getByTestId('printer-name').fill(p.name);
    await this.section.getByTestId('printer-host').fill(p.host);
    await this.section.getByTestId('printer-port').fill(String(p.port));
    await this.section.getByTestId('printer-default-check').setChecked(p.makeDefault ?? true);
    await this.section.getByTestId('printer-save').click();
    await expect(this.section.getByTestId('printer-form')).toHaveCount(0);
    await expect(this.row(p.name)).toBeVisible();
  }

  async expectDefault(name: string): Promise<void> {
    await expect(this.row(name)).toHaveAttribute('data-default', 'true');
    await expect(this.rows.filter({ has: this.page.getByTestId('printer-default') })).toHaveCount(1);
  }
}
