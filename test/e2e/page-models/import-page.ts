import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';

/** The Import screen: a file, the column mapping with its preview, the check, the confirm; and the exports. */
export class ImportPage {
  readonly summaryTitle: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.summaryTitle = page.getByTestId('import-summary-title');
    this.errors = page.getByTestId('import-error');
  }

  async choose(kind: 'orders' | 'catalog', name: string, content: string | Buffer): Promise<void> {
    await this.page.getByTestId(`import-kind-${kind}`).click();
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await expect(this.page.getByTestId('import-mapping')).toBeVisible();
  }

  mapping(header: string): Locator {
    return this.page.locator(`[data-testid="mapping-row"][data-header="${header}"]`);
  }

  /** What the preview column shows for a column of the file. */
  preview(header: string): Locator {
    return this.mapping(header).locator('.preview-cells');
  }

  async mapColumn(header: string, fieldLabel: string): Promise<void> {
    const select = this.mapping(header).getByTestId('mapping-select');
    await select.selectOption({ label: fieldLabel });
  }

  async check(): Promise<void> {
    await this.page.getByTestId('import-check').click();
    await expect(this.summaryTitle).toBeVisible();
  }

  error(row: number): Locator {
    return this.page.locator(`[data-testid="import-error"][data-row="${row}"]`);
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('import-confirm').click();
  }

  /** Runs an export and reads the file the browser saved (its byte-order mark off), one object per row by header. */
  async export(kind: 'orders' | 'stock' | 'shipments' | 'catalog'): Promise<{ fileName: string; header: string[]; rows: Array<Record<string, string>> }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`export-${kind}`).click();
    const file = await download;
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return { fileName: file.suggestedFilename(), header: parsed.meta.fields ?? [], rows: parsed.data };
  }
}
