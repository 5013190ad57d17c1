import { IssuanceFormScreen } from './IssuanceScreen.ts';
import { step } from './step.ts';

export interface CustomerDetails {
  email?: string;
  address?: string;
}

/** 고객정보 확인 (part of stage 4): the customer's email and address, editable. */
export class CustomerDetailsPage extends IssuanceFormScreen {
  protected readonly stage = '계좌/보안매체 인증';
  readonly ownHeading = this.page.getByRole('heading', { name: '고객정보 확인', exact: true });
  readonly emailField = this.page.getByLabel('이메일', { exact: true });
  readonly addressField = this.page.getByLabel('주소', { exact: true });
  protected readonly marker = this.ownHeading;

  /** Replaces the given fields; the others keep the bank's values. */
  @step((details: CustomerDetails) => `Edit ${Object.keys(details).join(' and ') || 'nothing'}`)
  async edit({ email, address }: CustomerDetails): Promise<void> {
    if (email !== undefined) await this.emailField.fill(email);
    if (address !== undefined) await this.addressField.fill(address);
  }
}
