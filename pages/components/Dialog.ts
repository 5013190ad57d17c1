import type { Locator, Page } from '@playwright/test';

/** A modal dialog (role dialog), optionally the one containing `text`. */
export class Dialog {
  readonly root: Locator;

  constructor(page: Page, text?: string | RegExp) {
    const dialogs = page.getByRole('dialog');
    this.root = text === undefined ? dialogs : dialogs.filter({ hasText: text });
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }
}
