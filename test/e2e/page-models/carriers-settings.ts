import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Carriers: add an account (its key goes to the encrypted store) and switch label buying on. */
export class CarriersSettings {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('carriers-section');
  }

  async addAccount(a: { kind: 'easypost' | 'shippo'; name: string; apiKey: string; baseUrl: string }): Promise<void> {
    await this.section.getByTestId('carrier-add').click();
    await this.section.getByTestId('carrier-kind').selectOption(a.kind);
    await this.section.getByTestId('carrier-name').fill(a.name);
    await this.section.getByTestId('carrier-key').fill(a.apiKey);
    await this.section.getByTestId('carrier-url').fill(a.baseUrl);
    await this.section.getByTestId('carrier-save').click();
    await expect(this.section.getByTestId('carrier-form')).toHaveCount(0);
    await expect(this.section.getByTestId('carrier-row').filter({ hasText: a.name })).toContainText('key stored');
  }

  async buyLabels(): Promise<void> {
    // the box follows the saved setting: it shows ticked once the core has stored it
    const box = this.section.getByTestId('buy-labels');
    await box.click();
    await expect(box).toBeChecked();
  }
}
