import { expect, type Locator, type Page } from '@playwright/test';

/** The Devices screen: each scanner, scale and printer with its state in words. */
export class DevicesPage {
  readonly root: Locator;
  readonly devices: Locator;
  readonly scale: Locator;
  readonly scaleWeight: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('devices-screen');
    this.devices = page.getByTestId('device');
    this.scale = page.getByTestId('scale-card');
    this.scaleWeight = page.getByTestId('scale-weight');
  }

  device(id: string): Locator {
    return this.page.locator(`[data-testid="device"][data-id="${id}"]`);
  }

  async addSerialScanner(path: string): Promise<void> {
    await this.page.getByTestId('serial-path').fill(path);
    await this.page.getByTestId('serial-add').click();
  }

  async expectState(id: string, state: 'ready' | 'unplugged' | 'error', words?: RegExp): Promise<void> {
    await expect(this.device(id)).toHaveAttribute('data-state', state);
    if (words) await expect(this.device(id).getByTestId('device-words')).toHaveText(words);
  }

  async plugSimulated(what: 'scanner' | 'scale' | 'printer'): Promise<Locator> {
    const before = await this.page.locator(`[data-testid="device"][data-kind="${what}"]`).count();
    await this.page.getByTestId(`simulate-plug-${what}`).click();
    const row = this.page.locator(`[data-testid="device"][data-kind="${what}"]`).nth(before);
    await expect(row).toHaveAttribute('data-state', what === 'printer' ? 'not-set-up' : 'ready');
    return row;
  }
}
