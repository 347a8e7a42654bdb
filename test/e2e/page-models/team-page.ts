import { expect, type Locator, type Page } from '@playwright/test';
import { typeLikeAPerson } from './human';

/** The team, who is packing at this screen, and the dashboard. */
export class TeamPage {
  readonly benchButton: Locator;
  readonly benchDialog: Locator;
  readonly dashboard: Locator;

  constructor(readonly page: Page) {
    this.benchButton = page.getByTestId('bench-packer');
    this.benchDialog = page.getByTestId('bench-dialog');
    this.dashboard = page.getByTestId('dashboard');
  }

  async addPacker(name: string, pin: string, role: 'packer' | 'supervisor' = 'packer'): Promise<void> {
    await this.page.getByTestId('packer-new').click();
    await typeLikeAPerson(this.page.getByTestId('packer-name'), name);
    await this.page.getByTestId('packer-role').selectOption(role);
    if (pin) await typeLikeAPerson(this.page.getByTestId('packer-pin'), pin);
    await this.page.getByTestId('packer-save').click();
    await expect(this.page.locator(`[data-testid="packer-row"][data-name="${name}"]`)).toBeVisible();
  }

  async choosePacker(name: string, pin: string): Promise<void> {
    await this.benchButton.click();
    await expect(this.benchDialog).toBeVisible();
    await this.benchDialog.locator(`[data-testid="bench-choose"][data-name="${name}"]`).click();
    if (pin) {
      await typeLikeAPerson(this.page.getByTestId('bench-pin'), pin);
      await this.page.getByTestId('bench-pin-submit').click();
    }
    await expect(this.benchDialog).toHaveCount(0);
    await expect(this.benchButton).toContainText(name);
  }

  packerRow(name: string): Locator {
    return this.page.locator(`[data-testid="dashboard-packer"][data-name="${name}"]`);
  }
}
