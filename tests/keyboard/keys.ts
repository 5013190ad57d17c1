import { expect, test, type Locator, type Page } from '@playwright/test';

/** More Tab presses than any screen of the bank has stops: reaching this means the control is not in the tab order. */
export const MAX_TAB_STOPS = 25;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === element.ownerDocument.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user looks for a control;
 * fails when it never gets it. Returns how many presses it took.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, name }: { backwards?: boolean; name?: string } = {},
): Promise<number> {
  const key = backwards ? 'Shift+Tab' : 'Tab';
  return test.step(
    `${key} to ${name ?? String(target)}`,
    async () => {
      await target.waitFor();
      for (let presses = 0; presses <= MAX_TAB_STOPS; presses += 1) {
        if (await isFocused(target)) return presses;
        await page.keyboard.press(key);
      }
      throw new Error(`${key} pressed ${MAX_TAB_STOPS} times never reached ${name ?? String(target)}`);
    },
    { box: true },
  );
}

/** Tabs to a button or link and presses Enter. */
export async function activate(page: Page, target: Locator, name?: string): Promise<void> {
  await tabTo(page, target, { name });
  await page.keyboard.press('Enter');
}

/** Tabs to a field and types into it (keyboard.type: one key press per character). */
export async function typeInto(page: Page, field: Locator, text: string, name?: string): Promise<void> {
  await tabTo(page, field, { name });
  await page.keyboard.type(text);
}

/** Presses Tab once and expects the focus on `next`: the tab order follows the screen's order. */
export async function tabOnceTo(page: Page, next: Locator, name: string): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(next, `Tab moves on to ${name}`).toBeFocused();
}
