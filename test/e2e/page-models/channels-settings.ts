import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Channels: connect a shop by address and keys, test it, remove it. */
export class ChannelsSettings {
  readonly section: Locator;
  readonly rows: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('channels-section');
    this.rows = this.section.getByTestId('channel-row');
    this.form = page.getByTestId('channel-form');
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  /** fills the form the way a shop owner does, tests the connection, saves */
  async connectWooCommerce(shop: { name: string; url: string; key: string; secret: string; pollSeconds?: number }): Promise<string> {
    await this.section.getByTestId('channel-add').click();
    await this.form.getByTestId('channel-kind').selectOption('woocommerce');
    await this.form.getByTestId('channel-name').fill(shop.name);
    await this.form.getByTestId('channel-url').fill(shop.url);
    await this.form.getByTestId('channel-credential-consumerKey').fill(shop.key);
    await this.form.getByTestId('channel-credential-consumerSecret').fill(shop.secret);
    await this.form.getByTestId('channel-poll').fill(String(shop.pollSeconds ?? 2));
    await this.form.getByTestId('channel-form-test').click();
    const tested = this.form.getByTestId('channel-draft-test');
    await expect(tested).not.toHaveText(/Asking/);
    const words = (await tested.textContent()) ?? '';
    await this.form.getByTestId('channel-save').click();
    await expect(this.form).toBeHidden();
    return words;
  }

  async connectShopify(shop: { name: string; url: string; token: string; pollSeconds?: number }): Promise<string> {
    await this.section.getByTestId('channel-add').click();
    await this.form.getByTestId('channel-kind').selectOption('shopify');
    await this.form.getByTestId('channel-name').fill(shop.name);
    await this.form.getByTestId('channel-url').fill(shop.url);
    await this.form.getByTestId('channel-credential-accessToken').fill(shop.token);
    await this.form.getByTestId('channel-poll').fill(String(shop.pollSeconds ?? 2));
    await this.form.getByTestId('channel-form-test').click();
    const tested = this.form.getByTestId('channel-draft-test');
    await expect(tested).not.toHaveText(/Asking/);
    const words = (await tested.textContent()) ?? '';
    await this.form.getByTestId('channel-save').click();
    await expect(this.form).toBeHidden();
    return words;
  }
}
