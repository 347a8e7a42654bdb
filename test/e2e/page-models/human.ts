import type { Locator } from '@playwright/test';

/** A person typing: 150 ms between keys, as the brief asks forms to be tried (a scanner is 2 ms). */
export async function typeLikeAPerson(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill('');
  await field.pressSequentially(text, { delay: 150 });
}
