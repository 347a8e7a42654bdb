import { expect, type Locator, type Page } from '@playwright/test';

/** The Picking screen and the phone picker (#picker): lists, the walk, the short dialog. */
export class PickingPage {
  readonly builder: Locator;
  readonly limit: Locator;
  readonly candidatesCount: Locator;
  readonly make: Locator;
  readonly listRows: Locator;
  readonly stop: Locator;
  readonly bin: Locator;
  readonly qty: Locator;
  readonly scanInput: Locator;
  readonly feedback: Locator;
  readonly finished: Locator;
  readonly shortButton: Locator;
  readonly shortDialog: Locator;

  constructor(readonly page: Page) {
    this.builder = page.getByTestId('pick-builder');
    this.limit = page.getByTestId('pick-limit');
    this.candidatesCount = page.getByTestId('pick-candidates-count');
    this.make = page.getByTestId('pick-make');
    this.listRows = page.getByTestId('pick-list-row');
    this.stop = page.getByTestId('pick-stop');
    this.bin = page.getByTestId('pick-bin');
    this.qty = page.getByTestId('pick-qty');
    this.scanInput = page.getByTestId('pick-scan-input');
    this.feedback = page.getByTestId('pick-feedback');
    this.finished = page.getByTestId('pick-finished');
    this.shortButton = page.getByTestId('pick-short');
    this.shortDialog = page.getByTestId('pick-short-dialog');
  }

  async makeBatch(orders: number): Promise<void> {
    await this.limit.fill(String(orders));
    await expect(this.candidatesCount).toHaveText(new RegExp(`^${orders} open orders match.*; ${orders} chosen\\.$`));
    await this.make.click();
    await expect(this.listRows).toHaveCount(1);
  }

  /** What a phone's scanner app does: the code appears in the focused field, then Enter. */
  async scanIntoField(code: string): Promise<void> {
    await this.scanInput.fill(code);
    await this.scanInput.press('Enter');
    // the field empties for the next scan, or goes with the list's last scan
    await expect.poll(async () => (await this.finished.isVisible()) || (await this.scanInput.inputValue({ timeout: 500 }).catch(() => 'gone')) === '').toBe(true);
  }

  async currentStop(): Promise<{ bin: string; sku: string; qty: number }> {
    await expect(this.stop).toBeVisible();
    return { bin: (await this.stop.getAttribute('data-bin'))!, sku: (await this.stop.getAttribute('data-sku'))!, qty: Number(await this.qty.innerText()) };
  }

  async markShort(reason: RegExp): Promise<void> {
    await this.shortButton.click();
    await expect(this.shortDialog).toBeVisible();
    await this.shortDialog.getByRole('radio', { name: reason }).check();
    await this.shortDialog.getByTestId('pick-short-confirm').click();
    await expect(this.shortDialog).toBeHidden();
  }
}
