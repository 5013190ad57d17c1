import type { Locator, Page } from '@playwright/test';

/** The screen's messages: elements with role="alert" that say something (never window.alert()). */
export class Alert {
  readonly root: Locator;

  constructor(scope: Page | Locator) {
    // An empty live region waiting for a message is not a message.
    this.root = scope.getByRole('alert').filter({ hasText: /\S/ });
  }

  /** The alert containing `text`, when a screen shows more than one (e.g. a notice and an error). */
  withText(text: string | RegExp): Locator {
    return this.root.filter({ hasText: text });
  }
}
