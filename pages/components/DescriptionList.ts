import type { Locator, Page } from '@playwright/test';

/** A `<dl>` of term → value, as on the completion and renewal screens. */
export class DescriptionList {
  constructor(private readonly scope: Page | Locator) {}

  /** The value (definition) that follows `term`; assert on it, e.g. toHaveText('금융결제원'). */
  value(term: string): Locator {
    const termItem = this.scope
      .getByRole('term')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(term)}\\s*$`) });
    // The spec only promises a description list: the definition is the term's next sibling.
    return termItem.locator('xpath=following-sibling::*[1]');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
