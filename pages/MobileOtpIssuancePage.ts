import { mask } from '../fixtures/mask.ts';
import { IssuanceScreen } from './IssuanceScreen.ts';
import { step } from './step.ts';

/** 모바일OTP 발급, for a customer with no medium (spec §2.4); ends back on stage 4. */
export class MobileOtpIssuancePage extends IssuanceScreen {
  // The spec does not say which stage the stepper shows here.
  protected readonly stage = undefined;
  readonly ownHeading = this.page.getByRole('heading', { name: '모바일OTP 발급', exact: true });
  readonly requestCodeButton = this.page.getByRole('button', { name: '인증번호 요청', exact: true });
  readonly codeField = this.page.getByLabel('인증번호', { exact: true });
  readonly passwordField = this.page.getByLabel('모바일OTP 비밀번호 6자리', { exact: true });
  readonly passwordConfirmField = this.page.getByLabel('모바일OTP 비밀번호 확인', { exact: true });
  readonly issueButton = this.page.getByRole('button', { name: '발급', exact: true });
  protected readonly marker = this.ownHeading;

  @step('Request an SMS code (인증번호 요청)')
  async requestCode(): Promise<void> {
    await this.requestCodeButton.click();
  }

  @step((code: string) => `Enter the SMS code ${mask(code)}`)
  async enterCode(code: string): Promise<void> {
    await this.codeField.fill(code);
  }

  @step((password: string) => `Set the 모바일OTP password ${mask(password)}`)
  async setPassword(password: string, confirmation = password): Promise<void> {
    await this.passwordField.fill(password);
    await this.passwordConfirmField.fill(confirmation);
  }

  @step('Issue the 모바일OTP (발급)')
  async issue(): Promise<void> {
    await this.issueButton.click();
  }
}
