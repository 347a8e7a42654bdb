import type { Locator, Page } from '@playwright/test';

/** The Printing screen: every job with its state in words, retry, a copy, the preview. */
export class PrintingPage {
  readonly rows: Locator;
  readonly words: Locator;
  readonly retry: Locator;
  readonly reprint: Locator;
  readonly previewToggle: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('print-job-row');
    this.words = page.getByTestId('print-job-words');
    this.retry = page.getByTestId('print-job-retry');
    this.reprint = page.getByTestId('print-job-reprint');
    this.previewToggle = page.getByTestId('print-job-preview');
    this.preview = page.getByTestId('label-preview');
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }
}
