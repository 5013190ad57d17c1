import { Countdown } from './components/Countdown.ts';
import { IssuanceScreen } from './IssuanceScreen.ts';
import { step } from './step.ts';

/** Stage 3, 본인인증: ARS call or 해외출국 확인 (spec §2.3). */
export class IdentityPage extends IssuanceScreen {
  protected readonly stage = '본인인증';
  readonly arsOption = this.page.getByRole('radio', { name: '전화인증(ARS)', exact: true });
  readonly overseasOption = this.page.getByRole('radio', { name: '해외출국 확인', exact: true });
  readonly requestButton = this.page.getByRole('button', { name: '인증요청', exact: true });
  readonly reRequestButton = this.page.getByRole('button', { name: '재요청', exact: true });
  /** The two-digit code to key in (an `<output>`, role status). */
  readonly arsCodeOutput = this.page.getByRole('status', { name: 'ARS 인증번호', exact: true });
  /** The registered phone as shown, e.g. `010-****-1234`. */
  readonly maskedPhone = this.page.getByText(/\d{3}-\*{4}-\d{4}/);
  readonly countdown = new Countdown(this.page);
  protected readonly marker = this.arsOption;

  @step('Choose 전화인증(ARS)')
  async chooseArs(): Promise<void> {
    await this.arsOption.check();
  }

  @step('Choose 해외출국 확인')
  async chooseOverseas(): Promise<void> {
    await this.overseasOption.check();
  }

  @step('Request verification (인증요청)')
  async request(): Promise<void> {
    await this.requestButton.click();
  }

  @step('Request a new call (재요청)')
  async reRequest(): Promise<void> {
    await this.reRequestButton.click();
  }

  /** Chooses 전화인증(ARS), presses 인증요청 and returns the two-digit code the call then asks for. */
  @step('Request an ARS call')
  async requestArsCall(): Promise<string> {
    await this.chooseArs();
    await this.request();
    return this.arsCode();
  }

  /** Waits for the two-digit ARS code and returns it. */
  async arsCode(): Promise<string> {
    const code = this.arsCodeOutput.filter({ hasText: /^\s*\d{2}\s*$/ });
    await code.waitFor();
    return (await code.innerText()).trim();
  }

  /** The masked phone number the screen shows. */
  async maskedPhoneText(): Promise<string> {
    return (await this.maskedPhone.innerText()).trim();
  }
}
