import { expect, type Locator, type Page } from '@playwright/test';
import type { Station } from '../station';

export type ScreenName = 'orders' | 'pack' | 'inventory' | 'settings' | 'printing' | 'shipments' | 'sync' | 'devices' | 'picking' | 'returns' | 'rules' | 'catalog' | 'warehouse' | 'team' | 'import' | 'stock';

/** The frame around every screen: workspace badge, connection, navigation, the notice banner. */
export class AppShell {
  readonly badge: Locator;
  readonly connection: Locator;
  readonly alert: Locator;
  readonly notice: Locator;
  /** Content-Security-Policy violations the page reported; a clean app has none */
  readonly cspViolations: string[] = [];
  /** uncaught exceptions and console errors in the page */
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('workspace-badge');
    this.connection = page.getByTestId('connection-state');
    this.alert = page.getByRole('alert');
    this.notice = page.getByTestId('notice');
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) this.cspViolations.push(m.text());
      else if (m.type() === 'error') this.pageErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  async open(station: Station): Promise<void> {
    await this.page.goto(station.url);
    await expect(this.connection).toHaveText(/Connected/);
  }

  nav(screen: ScreenName): Locator {
    return this.page.getByTestId(`nav-${screen}`);
  }

  async go(screen: ScreenName): Promise<void> {
    await this.nav(screen).click();
    await expect(this.nav(screen)).toHaveAttribute('aria-current', 'page');
  }
}
