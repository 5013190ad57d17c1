import { maskRrn } from '../fixtures/mask.ts';
import { ExistingCertificateDialog } from './components/ExistingCertificateDialog.ts';
import { RrnFields } from './components/RrnFields.ts';
import { IdLookupPage } from './IdLookupPage.ts';
import { IssuanceFormScreen } from './IssuanceScreen.ts';
import { step } from './step.ts';

export interface UserInfo {
  userId: string;
  /** 13 digits, or `YYMMDD-NNNNNNN`; malformed values are typed as given. */
  rrn: string;
}

/** Stage 2, 사용자 정보 입력, with the dialog for an existing certificate. */
export class UserInfoPage extends IssuanceFormScreen {
  protected readonly stage = '사용자 정보 입력';
  readonly userIdField = this.page.getByLabel('사용자ID', { exact: true });
  readonly rrn = new RrnFields(this.page);
  readonly findIdLink = this.page.getByRole('link', { name: '아이디찾기', exact: true });
  readonly existingCertificate = new ExistingCertificateDialog(this.page);
  protected readonly marker = this.userIdField;

  @step(({ userId, rrn }: UserInfo) => `Enter user ID ${userId} and 주민등록번호 ${maskRrn(rrn)}`)
  async fill({ userId, rrn }: UserInfo): Promise<void> {
    await this.userIdField.fill(userId);
    await this.rrn.fill(rrn);
  }

  @step('Open 아이디찾기')
  async findId(): Promise<IdLookupPage> {
    await this.findIdLink.click();
    return new IdLookupPage(this.page).waitUntilShown();
  }
}
