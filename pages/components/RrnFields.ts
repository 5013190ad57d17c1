import type { Locator, Page } from '@playwright/test';
import { maskRrn } from '../../fixtures/mask.ts';
import { step } from '../step.ts';

/**
 * `YYMMDD-NNNNNNN` → its two halves; 13 bare digits split 6/7. Anything else is split the same way
 * (at the hyphen, else after 6 characters), so tests can type malformed halves too.
 */
export function splitRrn(rrn: string): [front: string, back: string] {
  const hyphen = rrn.indexOf('-');
  return hyphen >= 0 ? [rrn.slice(0, hyphen), rrn.slice(hyphen + 1)] : [rrn.slice(0, 6), rrn.slice(6)];
}

/** The `주민등록번호 앞자리` / `주민등록번호 뒷자리` pair that four screens share. */
export class RrnFields {
  readonly front: Locator;
  readonly back: Locator;

  constructor(scope: Page | Locator) {
    this.front = scope.getByLabel('주민등록번호 앞자리', { exact: true });
    this.back = scope.getByLabel('주민등록번호 뒷자리', { exact: true });
  }

  @step((rrn: string) => `Enter 주민등록번호 ${maskRrn(rrn)}`)
  async fill(rrn: string): Promise<void> {
    const [front, back] = splitRrn(rrn);
    await this.front.fill(front);
    await this.back.fill(back);
  }
}
