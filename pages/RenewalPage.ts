import type { Locator } from '@playwright/test';
import { mask, maskRrn } from '../fixtures/mask.ts';
import { Alert } from './components/Alert.ts';
import { DescriptionList } from './components/DescriptionList.ts';
import { RrnFields } from './components/RrnFields.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';
import type { UserInfo } from './UserInfoPage.ts';

/** 금융인증서 갱신 (spec §7): identity, the window check, then the certificate PIN. */
export class RenewalPage extends Screen {
  readonly heading = this.page.getByRole('heading', { name: '금융인증서 갱신', exact: true });
  readonly userIdField = this.page.getByLabel('사용자ID', { exact: true });
  readonly rrn = new RrnFields(this.page);
  readonly nextButton = this.page.getByRole('button', { name: '다음', exact: true });
  readonly pinField = this.page.getByLabel('비밀번호 6자리', { exact: true });
  readonly renewButton = this.page.getByRole('button', { name: '갱신', exact: true });
  readonly doneHeading = this.page.getByRole('heading', {
    name: '금융인증서 갱신이 완료되었습니다',
    exact: true,
  });
  readonly alert = new Alert(this.page);
  private readonly details = new DescriptionList(this.page);

  @step('Open 금융인증서 갱신')
  async goto(): Promise<this> {
    await this.page.goto('/renewal');
    return this.waitUntilShown();
  }

  async waitUntilShown(): Promise<this> {
    await this.heading.waitFor();
    return this.loaded();
  }

  /** The new `유효기간` after renewal (`YYYY.MM.DD ~ YYYY.MM.DD`). */
  validity(): Locator {
    return this.details.value('유효기간');
  }

  /** A value of the renewed certificate's details, e.g. `value('일련번호')` (the completion screen). */
  value(term: '인증서 종류' | '발급기관' | '소유자' | '유효기간' | '일련번호'): Locator {
    return this.details.value(term);
  }

  @step(({ userId, rrn }: UserInfo) => `Enter user ID ${userId} and 주민등록번호 ${maskRrn(rrn)}`)
  async fill({ userId, rrn }: UserInfo): Promise<void> {
    await this.userIdField.fill(userId);
    await this.rrn.fill(rrn);
  }

  @step('Go on (다음)')
  async next(): Promise<void> {
    await this.nextButton.click();
  }

  @step((pin: string) => `Enter certificate PIN ${mask(pin)}`)
  async enterPin(pin: string): Promise<void> {
    await this.pinField.fill(pin);
  }

  @step('Renew (갱신)')
  async renew(): Promise<void> {
    await this.renewButton.click();
  }
}
