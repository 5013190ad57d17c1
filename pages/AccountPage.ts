import { mask } from '../fixtures/mask.ts';
import { SecurityCardChallenge, type SecurityCardPositions } from './components/SecurityCardChallenge.ts';
import { IssuanceScreen } from './IssuanceScreen.ts';
import { MobileOtpIssuancePage } from './MobileOtpIssuancePage.ts';
import { step } from './step.ts';

/** Stage 4, 계좌/보안매체 인증: account check, then one medium (spec §2.4). */
export class AccountPage extends IssuanceScreen {
  protected readonly stage = '계좌/보안매체 인증';
  readonly accountField = this.page.getByLabel('출금계좌번호', { exact: true });
  readonly accountPasswordField = this.page.getByLabel('계좌비밀번호', { exact: true });
  readonly securityCardOrOtpButton = this.page.getByRole('button', {
    name: '보안카드/OTP로 인증하기',
    exact: true,
  });
  readonly kbMobileCertButton = this.page.getByRole('button', {
    name: 'KB모바일인증서로 인증하기',
    exact: true,
  });
  readonly securityCard = new SecurityCardChallenge(this.page);
  readonly otpField = this.page.getByLabel('OTP 비밀번호', { exact: true });
  readonly kbMobileCertPinField = this.page.getByLabel('KB모바일인증서 비밀번호', { exact: true });
  readonly confirmButton = this.page.getByRole('button', { name: '확인', exact: true });
  /** Shown instead of the medium choice to a customer who holds no medium. */
  readonly mobileOtpLink = this.page.getByRole('link', { name: '모바일OTP 발급', exact: true });
  // The account form, or a medium's form after a choice.
  protected readonly marker = this.accountField.or(this.confirmButton).first();

  @step((number: string, password: string) => `Enter account ${number} and its password ${mask(password)}`)
  async enterAccount(number: string, password: string): Promise<void> {
    await this.accountField.fill(number);
    await this.accountPasswordField.fill(password);
  }

  @step('Choose 보안카드/OTP로 인증하기')
  async chooseSecurityCardOrOtp(): Promise<void> {
    await this.securityCardOrOtpButton.click();
  }

  @step('Choose KB모바일인증서로 인증하기')
  async chooseKbMobileCert(): Promise<void> {
    await this.kbMobileCertButton.click();
  }

  /** Answers the two asked halves from the card's codes (a step of its own); returns the positions asked. */
  async answerSecurityCard(codes: readonly string[]): Promise<SecurityCardPositions> {
    return this.securityCard.answer(codes);
  }

  @step((code: string) => `Enter OTP ${mask(code)}`)
  async enterOtp(code: string): Promise<void> {
    await this.otpField.fill(code);
  }

  @step((pin: string) => `Enter KB모바일인증서 PIN ${mask(pin)}`)
  async enterKbMobileCertPin(pin: string): Promise<void> {
    await this.kbMobileCertPinField.fill(pin);
  }

  @step('Confirm the medium (확인)')
  async confirm(): Promise<void> {
    await this.confirmButton.click();
  }

  @step('Open 모바일OTP 발급')
  async openMobileOtpIssuance(): Promise<MobileOtpIssuancePage> {
    await this.mobileOtpLink.click();
    return new MobileOtpIssuancePage(this.page).waitUntilShown();
  }
}
