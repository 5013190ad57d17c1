import { IdLookupPage } from './IdLookupPage.ts';
import { RenewalPage } from './RenewalPage.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';
import { TermsPage } from './TermsPage.ts';

/** 인증센터 on internet banking, `/certcenter`: the way into issuance, renewal and 아이디찾기. */
export class CertCenterPage extends Screen {
  readonly heading = this.page.getByRole('heading', { name: '인증센터', exact: true });
  readonly issueLink = this.page.getByRole('link', { name: '금융인증서 발급/재발급', exact: true });
  readonly renewalLink = this.page.getByRole('link', { name: '금융인증서 갱신', exact: true });
  readonly idLookupLink = this.page.getByRole('link', { name: '아이디찾기', exact: true });

  @step('Open 인증센터')
  async goto(): Promise<this> {
    await this.page.goto('/certcenter');
    return this.waitUntilShown();
  }

  async waitUntilShown(): Promise<this> {
    await this.heading.waitFor();
    return this.loaded();
  }

  @step('Start 금융인증서 발급/재발급')
  async startIssuance(): Promise<TermsPage> {
    await this.issueLink.click();
    return new TermsPage(this.page).waitUntilShown();
  }

  @step('Open 금융인증서 갱신')
  async openRenewal(): Promise<RenewalPage> {
    await this.renewalLink.click();
    return new RenewalPage(this.page).waitUntilShown();
  }

  @step('Open 아이디찾기')
  async openIdLookup(): Promise<IdLookupPage> {
    await this.idLookupLink.click();
    return new IdLookupPage(this.page).waitUntilShown();
  }
}
