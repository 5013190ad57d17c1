import { IssuanceFormScreen } from './IssuanceScreen.ts';
import { step } from './step.ts';

/** The checkboxes of 약관동의 (spec §2.1). */
export const TERMS = {
  all: '전체 동의',
  service: '금융인증서 서비스 이용약관 (필수)',
  personalInfo: '개인(신용)정보 수집·이용 동의 (필수)',
  uniqueId: '고유식별정보 처리 동의 (필수)',
  marketing: '마케팅 정보 수신 동의 (선택)',
} as const;
export type TermName = (typeof TERMS)[keyof typeof TERMS];
export const REQUIRED_TERMS: readonly TermName[] = [TERMS.service, TERMS.personalInfo, TERMS.uniqueId];

/** Stage 1, 약관동의. */
export class TermsPage extends IssuanceFormScreen {
  protected readonly stage = '약관동의';
  readonly allTerms = this.checkbox(TERMS.all);
  protected readonly marker = this.allTerms;
  /** Shown when starting the flow logged out a logged-in customer (the spec gives no role: a notice). */
  readonly loggedOutNotice = this.page.getByText(/로그아웃 상태에서만/);

  checkbox(name: TermName) {
    return this.page.getByRole('checkbox', { name, exact: true });
  }

  @step('Agree to all terms (전체 동의)')
  async agreeToAll(): Promise<void> {
    await this.allTerms.check();
  }

  @step((name: TermName) => `Agree to ${name}`)
  async agreeTo(name: TermName): Promise<void> {
    await this.checkbox(name).check();
  }

  @step((name: TermName) => `Withdraw consent to ${name}`)
  async withdraw(name: TermName): Promise<void> {
    await this.checkbox(name).uncheck();
  }
}
