import type { Locator } from '@playwright/test';
import type { FrontDoor } from './FrontDoor.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';
import { TermsPage } from './TermsPage.ts';

/**
 * The KB스타뱅킹 app (mobile web), `/app`, with the seed's menu path:
 * 전체메뉴 → 인증/보안 → 다른 인증수단 → 인증서 › 금융인증서 › 인증서 발급/재발급 → the choice screen.
 */
export class StarBankingApp extends Screen implements FrontDoor {
  readonly fullMenuButton = this.page.getByRole('button', { name: '전체메뉴', exact: true });
  readonly securityLink = this.page.getByRole('link', { name: '인증/보안', exact: true });
  readonly otherAuthMethodsButton = this.page.getByRole('button', { name: '다른 인증수단', exact: true });
  readonly certificatesHeading = this.page.getByRole('heading', { name: '인증서', exact: true });
  /** The region labelled by its heading `금융인증서`, under `인증서`. */
  readonly financialCertificateRegion = this.page.getByRole('region', { name: '금융인증서', exact: true });
  readonly certificateIssueLink = this.financialCertificateRegion.getByRole('link', {
    name: '인증서 발급/재발급',
    exact: true,
  });
  // The choice screen.
  readonly financialCertificateButton = this.page.getByRole('button', {
    name: '금융인증서 발급',
    exact: true,
  });
  readonly kbCertificateButton = this.page.getByRole('button', { name: 'KB국민인증서 발급', exact: true });
  /**
   * What `KB국민인증서 발급` shows instead of a flow: where each certificate works (spec §1 fixes what
   * it says, not its words), found as the screen's content once it mentions 청약홈.
   */
  readonly kbCertificateInfo = this.page.getByRole('main').filter({ hasText: '청약홈' });
  readonly entry = this.fullMenuButton;

  @step('Open the KB스타뱅킹 app')
  async goto(): Promise<void> {
    await this.page.goto('/app');
  }

  @step('Open 전체메뉴')
  async openFullMenu(): Promise<void> {
    await this.fullMenuButton.click();
  }

  @step('Open 인증/보안')
  async openSecurity(): Promise<void> {
    await this.securityLink.click();
  }

  @step('Open 다른 인증수단')
  async openOtherAuthMethods(): Promise<void> {
    await this.otherAuthMethodsButton.click();
  }

  @step('Open 인증서 › 금융인증서 › 인증서 발급/재발급')
  async openCertificateIssue(): Promise<void> {
    await this.certificateIssueLink.click();
  }

  /** From the app's home through the menus to the choice of certificate. */
  @step('Walk the app menu to 인증서 발급/재발급')
  async openIssuanceChoice(): Promise<void> {
    await this.openFullMenu();
    await this.openSecurity();
    await this.openOtherAuthMethods();
    await this.openCertificateIssue();
  }

  @step('Choose 금융인증서 발급')
  async chooseFinancialCertificate(): Promise<TermsPage> {
    await this.financialCertificateButton.click();
    return new TermsPage(this.page).waitUntilShown();
  }

  /** KB국민인증서 발급 only explains where each certificate works; it starts no flow. */
  @step('Choose KB국민인증서 발급')
  async chooseKbCertificate(): Promise<void> {
    await this.kbCertificateButton.click();
  }

  async walkToIssuance(): Promise<Locator> {
    await this.openIssuanceChoice();
    return this.financialCertificateButton;
  }

  @step('Start the issuance through the app menu')
  async startIssuance(): Promise<TermsPage> {
    await this.openIssuanceChoice();
    return this.chooseFinancialCertificate();
  }
}
