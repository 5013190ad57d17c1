import { mask } from '../fixtures/mask.ts';
import { IssuanceScreen } from './IssuanceScreen.ts';
import { step } from './step.ts';

/** 비밀번호 설정 (stage 5): the certificate's 6-digit PIN. */
export class PasswordPage extends IssuanceScreen {
  protected readonly stage = '인증서 설정';
  readonly ownHeading = this.page.getByRole('heading', { name: '비밀번호 설정', exact: true });
  readonly pinField = this.page.getByLabel('비밀번호 6자리', { exact: true });
  readonly confirmationField = this.page.getByLabel('비밀번호 확인', { exact: true });
  readonly confirmButton = this.page.getByRole('button', { name: '확인', exact: true });
  protected readonly marker = this.ownHeading;

  /** Types the PIN and its confirmation (the same unless a test gives another). */
  @step((pin: string, confirmation?: string) =>
    confirmation === undefined || confirmation === pin
      ? `Set certificate PIN ${mask(pin)}`
      : `Set certificate PIN ${mask(pin)} with a different confirmation`,
  )
  async setPassword(pin: string, confirmation: string = pin): Promise<void> {
    await this.pinField.fill(pin);
    await this.confirmationField.fill(confirmation);
  }

  /**
   * Types a PIN longer than the fields' maxlength, as a script or an old browser would: maxlength is
   * a browser convenience (Playwright's fill, like a person typing, stops at 6), and the bank must
   * refuse the whole value on the server (spec §2: every form is validated on the server).
   */
  @step(
    (pin: string, confirmation?: string) =>
      `Set certificate PIN ${mask(pin)} past the fields' length limit` +
      (confirmation === undefined || confirmation === pin ? '' : ' with a different confirmation'),
  )
  async setPasswordPastLengthLimit(pin: string, confirmation: string = pin): Promise<void> {
    for (const field of [this.pinField, this.confirmationField]) {
      await field.evaluate((input) => input.removeAttribute('maxlength'));
    }
    await this.pinField.fill(pin);
    await this.confirmationField.fill(confirmation);
  }

  @step('Confirm the PIN (확인)')
  async confirm(): Promise<void> {
    await this.confirmButton.click();
  }
}
