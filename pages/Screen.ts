import type { Page } from '@playwright/test';

/** A page object: one screen of the mock bank, found only by role, label and text (spec names). */
export abstract class Screen {
  constructor(readonly page: Page) {}
}
