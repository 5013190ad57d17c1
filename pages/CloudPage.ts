import { maskRrn } from '../fixtures/mask.ts';
import { Countdown } from './components/Countdown.ts';
import { RrnFields } from './components/RrnFields.ts';
import { IssuanceScreen } from './IssuanceScreen.ts';
import { step } from './step.ts';

export interface CloudIdentity {
  name: string;
  phone: string;
  rrn: string;
}

/** Stage 5, the 금융결제원 cloud: identity, then a two-digit code the customer sends by SMS. */
export class CloudPage extends IssuanceScreen {
  protected readonly stage = '인증서 설정';
  readonly nameField = this.page.getByLabel('이름', { exact: true });
  readonly phoneField = this.page.getByLabel('휴대폰번호', { exact: true });
  readonly rrn = new RrnFields(this.page);
  readonly consent = this.page.getByRole('checkbox', { name: '금융인증서비스 이용약관 동의', exact: true });
  readonly requestButton = this.page.getByRole('button', { name: '인증요청', exact: true });
  readonly reRequestButton = this.page.getByRole('button', { name: '재요청', exact: true });
  /** The two-digit code to send from the phone (an `<output>`, role status). */
  readonly smsCodeOutput = this.page.getByRole('status', { name: 'SMS 인증번호', exact: true });
  readonly countdown = new Countdown(this.page);
  /** The phone the code must come from, as shown while waiting, e.g. `010-****-1234`. */
  readonly maskedPhone = this.page.getByText(/\d{3}-\*{4}-\d{4}/);
  // The identity form, or the code waiting for its SMS.
  protected readonly marker = this.nameField.or(this.smsCodeOutput).first();

  @step(({ name, phone, rrn }: CloudIdentity) => `Enter ${name}, ${phone} and 주민등록번호 ${maskRrn(rrn)}`)
  async fill({ name, phone, rrn }: CloudIdentity): Promise<void> {
    await this.nameField.fill(name);
    await this.phoneField.fill(phone);
    await this.rrn.fill(rrn);
  }

  @step('Agree to 금융인증서비스 이용약관')
  async agree(): Promise<void> {
    await this.consent.check();
  }

  @step('Request verification (인증요청)')
  async request(): Promise<void> {
    await this.requestButton.click();
  }

  @step('Request a new code (재요청)')
  async reRequest(): Promise<void> {
    await this.reRequestButton.click();
  }

  /** Waits for the two-digit code to send (its page loaded, so its countdown runs) and returns it. */
  async smsCode(): Promise<string> {
    const code = this.smsCodeOutput.filter({ hasText: /^\s*\d{2}\s*$/ });
    await code.waitFor();
    await this.loaded();
    return (await code.innerText()).trim();
  }
}
