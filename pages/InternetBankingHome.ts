import type { Locator } from '@playwright/test';
import { CertCenterPage } from './CertCenterPage.ts';
import type { FrontDoor } from './FrontDoor.ts';
import { LoginPage } from './LoginPage.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';
import type { TermsPage } from './TermsPage.ts';

/** Internet banking (desktop), `/`. */
export class InternetBankingHome extends Screen implements FrontDoor {
  readonly certCenterLink = this.page.getByRole('link', { name: '인증센터', exact: true });
  readonly loginLink = this.page.getByRole('link', { name: '로그인', exact: true });
  readonly logoutButton = this.page.getByRole('button', { name: '로그아웃', exact: true });
  readonly entry = this.certCenterLink;

  /** The logged-in customer's name in the header. */
  customerName(name: string): Locator {
    return this.page.getByText(name, { exact: true });
  }

  @step('Open internet banking')
  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  @step('Open 인증센터')
  async openCertCenter(): Promise<CertCenterPage> {
    await this.certCenterLink.click();
    return new CertCenterPage(this.page).waitUntilShown();
  }

  @step('Open the login page')
  async openLogin(): Promise<LoginPage> {
    await this.loginLink.click();
    return new LoginPage(this.page).waitUntilShown();
  }

  @step('Log out')
  async logout(): Promise<void> {
    await this.logoutButton.click();
  }

  async walkToIssuance(): Promise<Locator> {
    return (await this.openCertCenter()).issueLink;
  }

  @step('Start the issuance through 인증센터')
  async startIssuance(): Promise<TermsPage> {
    return (await this.openCertCenter()).startIssuance();
  }
}
