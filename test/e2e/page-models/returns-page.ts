import { expect, type Locator, type Page } from '@playwright/test';
import { PhysicalKeyboard, usScannerKeys } from './pack-page';

/** The returns bench as a packer sees it: scans from a wedge scanner, grades and actions by key. */
export class ReturnsPage {
  readonly root: Locator;
  readonly number: Locator;
  readonly status: Locator;
  readonly lines: Locator;
  readonly feedback: Locator;
  readonly next: Locator;
  readonly blocked: Locator;
  readonly blockedMessage: Locator;
  readonly gradeKeys: Locator;
  readonly refundTotal: Locator;
  readonly refundPush: Locator;
  readonly refundDialog: Locator;
  readonly dialogNote: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('returns-screen');
    this.number = page.getByTestId('return-number');
    this.status = page.getByTestId('return-status');
    this.lines = page.getByTestId('return-line');
    this.feedback = page.getByTestId('return-feedback-message');
    this.next = page.getByTestId('return-next');
    this.blocked = page.getByTestId('return-blocked');
    this.blockedMessage = page.getByTestId('return-blocked-message');
    this.gradeKeys = page.getByTestId('grade-keys');
    this.refundTotal = page.getByTestId('refund-total');
    this.refundPush = page.getByTestId('refund-push');
    this.refundDialog = page.getByTestId('refund-dialog');
    this.dialogNote = page.getByTestId('dialog-scan-notice');
    this.progress = page.getByTestId('return-progress');
  }

  line(sku: string): Locator {
    return this.lines.and(this.page.locator(`[data-sku="${sku}"]`));
  }

  /** the page has nothing left to do (so a scan's keys are not stretched by rendering) */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 })));
  }

  /** A wedge scanner: the code's keys and Enter in one burst, 2 ms apart. */
  async scan(code: string): Promise<void> {
    await this.settle();
    const keyboard = await PhysicalKeyboard.attach(this.page);
    await keyboard.type(usScannerKeys(code, 'us'));
  }

  /** A person typing a code off a label, 150 ms a key, then Enter, with nothing focused. */
  async typeByHand(code: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.type(code, { delay: 150 });
    await this.page.keyboard.press('Enter');
  }

  async expectReceived(sku: string, n: number): Promise<void> {
    await expect(this.line(sku)).toHaveAttribute('data-received', String(n));
  }
}
