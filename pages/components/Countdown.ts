import type { Locator, Page } from '@playwright/test';

/** A `남은 시간` countdown (role timer, `M:SS`, spec §3). */
export class Countdown {
  readonly root: Locator;

  constructor(scope: Page | Locator) {
    this.root = scope.getByRole('timer', { name: '남은 시간', exact: true });
  }

  /** Seconds shown now (reads the screen once; assert on `root` to wait for a value). */
  async secondsLeft(): Promise<number> {
    const text = await this.root.innerText();
    const match = /(\d+):(\d{2})/.exec(text);
    if (!match) throw new Error(`Countdown shows "${text}", not M:SS`);
    return Number(match[1]) * 60 + Number(match[2]);
  }
}
