import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';

/**
 * The pack station as a packer sees it, driven the way a keyboard-wedge scanner drives it: keys a
 * few milliseconds apart and an Enter, with no field focused.
 */
export class PackPage {
  readonly root: Locator;
  readonly orderNumber: Locator;
  readonly lines: Locator;
  readonly blocked: Locator;
  readonly blockedMessage: Locator;
  readonly feedback: Locator;
  readonly next: Locator;
  readonly done: Locator;
  readonly labelStatus: Locator;
  readonly labelWords: Locator;
  readonly labelPreview: Locator;
  readonly manual: Locator;
  readonly recentScans: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('pack-screen');
    this.orderNumber = page.getByTestId('pack-order-number');
    this.lines = page.getByTestId('pack-line');
    this.blocked = page.getByTestId('pack-blocked');
    this.blockedMessage = page.getByTestId('pack-blocked-message');
    this.feedback = page.getByTestId('pack-feedback');
    this.next = page.getByTestId('pack-next');
    this.done = page.getByTestId('pack-done');
    this.labelStatus = page.getByTestId('label-status');
    this.labelWords = page.getByTestId('label-status-words');
    this.labelPreview = page.getByTestId('label-preview');
    this.manual = page.getByTestId('manual-code');
    this.recentScans = page.getByTestId('recent-scan');
    this.progress = page.getByTestId('pack-progress');
  }

  line(sku: string): Locator {
    return this.page.locator(`[data-testid="pack-line"][data-sku="${sku}"]`);
  }

  scanned(sku: string): Locator {
    return this.line(sku).getByTestId('line-scanned');
  }

  /** Takes the focus off any field, as when the packer has just put the mouse down. */
  async focusNothing(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  /**
   * Waits until the page has nothing left to do. Playwright waits for the page to take each key
   * before sending the next, so a page busy rendering stretches the gaps between a scan's keys (a real
   * scanner's keys carry the time they were typed, and a busy page does not stretch those).
   */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 })));
  }

  /** A wedge scanner: the code typed with ~2 ms between keys, then Enter. */
  async scan(code: string): Promise<void> {
    await this.settle();
    await this.page.keyboard.type(code, { delay: 2 });
    await this.page.keyboard.press('Enter');
  }

  async expectOpen(orderNumber: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-session', 'active');
    await expect(this.orderNumber).toHaveText(orderNumber);
  }

  async expectCount(sku: string, n: number): Promise<void> {
    await expect(this.scanned(sku)).toHaveText(String(n));
  }

  /** A refused scan: the red screen, with the outcome, until Escape or the next good scan. */
  async expectBlocked(outcome: string, words?: RegExp): Promise<void> {
    await expect(this.blocked).toBeVisible();
    await expect(this.blocked).toHaveAttribute('data-outcome', outcome);
    if (words) await expect(this.blockedMessage).toHaveText(words);
  }

  async expectLabel(status: 'done' | 'failed', words?: RegExp): Promise<void> {
    await expect(this.labelStatus).toHaveAttribute('data-status', status, { timeout: 15_000 });
    if (words) await expect(this.labelWords).toHaveText(words);
  }

  /** The counts shown, SKU -> scanned, for comparing before and after a reload. */
  async counts(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const row of await this.lines.all()) {
      out[(await row.getAttribute('data-sku'))!] = (await row.getByTestId('line-scanned').innerText()).trim();
    }
    return out;
  }
}

/** Key positions a US-programmed scanner presses, for replaying its keys under another OS layout. */
export type PhysicalKey = { code: string; key: string; shift?: boolean; keyCode: number };

/**
 * Presses keys through the browser's input pipeline (trusted events, real time stamps) with a `key`
 * the OS layout would produce and the `code` of the physical position, which Playwright's keyboard
 * cannot do: it derives `code` from its own US layout.
 */
export class PhysicalKeyboard {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<PhysicalKeyboard> {
    return new PhysicalKeyboard(await page.context().newCDPSession(page));
  }

  async press(k: PhysicalKey): Promise<void> {
    const modifiers = k.shift ? 8 : 0;
    const text = k.key.length === 1 ? k.key : k.key === 'Enter' ? '\r' : undefined;
    if (k.shift) await this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers });
    await this.cdp.send('Input.dispatchKeyEvent', {
      type: text ? 'keyDown' : 'rawKeyDown', key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, modifiers, ...(text ? { text, unmodifiedText: text } : {}),
    });
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, modifiers });
    if (k.shift) await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers: 0 });
  }

  async type(keys: PhysicalKey[]): Promise<void> {
    for (const k of keys) await this.press(k);
  }
}
