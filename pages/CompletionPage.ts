import type { Locator } from '@playwright/test';
import { DescriptionList } from './components/DescriptionList.ts';
import { Screen } from './Screen.ts';

/** Terms of the completion screen's description list (spec §2, Completion). */
export type CompletionTerm = '인증서 종류' | '발급기관' | '소유자' | '유효기간' | '일련번호';

/** `금융인증서 발급이 완료되었습니다` (or 재발급) with the certificate's details. */
export class CompletionPage extends Screen {
  readonly heading = this.page.getByRole('heading', { name: /^금융인증서 (재)?발급이 완료되었습니다$/ });
  private readonly details = new DescriptionList(this.page);

  /** The value shown for `term`, e.g. `value('발급기관')` → 금융결제원. */
  value(term: CompletionTerm): Locator {
    return this.details.value(term);
  }

  async waitUntilShown(): Promise<this> {
    await this.heading.waitFor();
    return this.loaded();
  }
}
