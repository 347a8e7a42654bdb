import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { decodeKey, keyStrokesFor } from '../../../shared/scan';

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

  /**
   * A wedge scanner: the code's keys and an Enter handed to the browser in one burst, as the OS
   * queues a scanner's keys. (Typing key by key from here would wait a round trip per key, and on a
   * busy machine those gaps look like a person typing.)
   */
  async scan(code: string): Promise<void> {
    await this.settle();
    const keyboard = await PhysicalKeyboard.attach(this.page);
    await keyboard.type(usScannerKeys(code, 'us'));
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

  async expectLabel(status: 'done' | 'failed' | 'unconfirmed', words?: RegExp): Promise<void> {
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

  /** The raw input events one key press makes (with Shift around it when needed). */
  private static events(k: PhysicalKey): Array<Record<string, unknown>> {
    const modifiers = k.shift ? 8 : 0;
    const text = k.key.length === 1 ? k.key : k.key === 'Enter' ? '\r' : undefined;
    return [
      ...(k.shift ? [{ type: 'rawKeyDown', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers }] : []),
      { type: text ? 'keyDown' : 'rawKeyDown', key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, modifiers, ...(text ? { text, unmodifiedText: text } : {}) },
      { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, modifiers },
      ...(k.shift ? [{ type: 'keyUp', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers: 0 }] : []),
    ];
  }

  async press(k: PhysicalKey): Promise<void> {
    await this.type([k]);
  }

  /**
   * All keys in one burst: every event is handed to CDP at once, in order (one session keeps the
   * order), stamped 2 ms apart as a scanner's hardware would stamp them, so a busy test machine
   * cannot stretch the gaps between keys. Unstamped, the browser stamps each key when it gets to it:
   * on a busy machine the gaps then stretch, as they would behind a stalled input stack.
   */
  async type(keys: PhysicalKey[], options: { stamped?: boolean } = {}): Promise<void> {
    const start = Date.now() / 1000;
    const stamped = options.stamped ?? true;
    const events = keys.flatMap((k, i) => PhysicalKeyboard.events(k).map((e) => (stamped ? { ...e, timestamp: start + i * 0.002 } : e)));
    await Promise.all(events.map((e) => this.cdp.send('Input.dispatchKeyEvent', e as never)));
  }

  /** Chromium's CPU throttling: the page runs this many times slower (1 turns it off). */
  async throttleCpu(rate: number): Promise<void> {
    await this.cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
}

/** The virtual-key code Windows gives a key (letters by what they type, the top row by position). */
function windowsKeyCode(code: string, key: string, osLayout: 'us' | 'fr'): number {
  if (code.startsWith('Key')) return /^[a-z]$/i.test(key) ? key.toUpperCase().charCodeAt(0) : code.charCodeAt(3);
  if (code.startsWith('Digit')) return 48 + Number(code.slice(5));
  const punctuation = osLayout === 'fr'
    ? { Minus: 219, Equal: 187, Period: 190, Comma: 188, Slash: 223, Semicolon: 77 }
    : { Minus: 189, Equal: 187, Period: 190, Comma: 188, Slash: 191, Semicolon: 186 };
  return (punctuation as Record<string, number>)[code] ?? 0;
}

/** What a scanner programmed for US keys presses for `text` (and Enter), with the `key` each press gives under the OS layout. */
export function usScannerKeys(text: string, osLayout: 'us' | 'fr'): PhysicalKey[] {
  const keys = [...text].map((ch) => {
    const stroke = keyStrokesFor('us', ch).find((s) => !s.altGr && !s.code.startsWith('Numpad'));
    if (!stroke) throw new Error(`a US scanner cannot type ${ch}`);
    const key = decodeKey(osLayout, stroke.code, stroke.shift) ?? ch;
    return { code: stroke.code, key, shift: stroke.shift, keyCode: windowsKeyCode(stroke.code, key, osLayout) };
  });
  return [...keys, { code: 'Enter', key: 'Enter', keyCode: 13 }];
}
