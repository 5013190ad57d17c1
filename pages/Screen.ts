import type { Page } from '@playwright/test';

/** A page object: one screen of the mock bank, found only by role, label and text (spec names). */
export abstract class Screen {
  constructor(readonly page: Page) {}

  /**
   * Waits for the page's load event. On a slow bank a screen's markup shows a round trip before its
   * script has run (countdowns, 전체 동의, polls): seen at 300 ± 200 ms, Space on 전체 동의 checked it
   * alone, and a countdown fast-forwarded before it started. A customer acts on a page that has loaded.
   */
  protected async loaded(): Promise<this> {
    await this.page.waitForLoadState('load');
    return this;
  }
}
