import { test, type Page } from '@playwright/test';
import { makeCertificatePin } from '../fixtures/data/pins.ts';
import type { Door } from '../fixtures/door.ts';
import { otpCode } from '../fixtures/otp.ts';
import { VirtualPhone } from '../fixtures/phone.ts';
import type { Customer, Medium } from '../fixtures/records.ts';
import type { TestApi } from '../fixtures/testApi.ts';
import { AccountPage } from './AccountPage.ts';
import { CloudPage } from './CloudPage.ts';
import { CompletionPage } from './CompletionPage.ts';
import { CustomerDetailsPage } from './CustomerDetailsPage.ts';
import { frontDoorFor } from './FrontDoor.ts';
import { IdentityPage } from './IdentityPage.ts';
import { PasswordPage } from './PasswordPage.ts';
import { step } from './step.ts';
import { TermsPage } from './TermsPage.ts';
import { UserInfoPage } from './UserInfoPage.ts';

export type IdentityMethod = 'ars' | 'overseas';

export interface WalkOptions {
  door: Door;
  /** 본인인증 by ARS call (default) or 해외출국 확인. */
  identity?: IdentityMethod;
  /** Default: OTP if held, else 보안카드, else KB모바일인증서; no medium at all → a 모바일OTP is issued first. */
  medium?: Medium;
  /** Go through the existing-certificate dialog with 재발급 진행 (default: expect no dialog). */
  reissue?: boolean;
  /** The certificate PIN to set; default a fresh one that passes the rules. */
  pin?: string;
}

export interface WalkResult {
  completion: CompletionPage;
  /** The certificate PIN that was set. */
  pin: string;
}

function defaultMedium(customer: Customer): Medium | undefined {
  const media = customer.media;
  if (media?.otp) return 'otp';
  if (media?.securityCard) return 'securityCard';
  if (media?.kbMobileCert) return 'kbMobileCert';
  return undefined;
}

/**
 * The whole issuance as a customer walks it, for the full-walk specs; each stage is also a method of
 * its own, so a spec can walk up to the screen it is about (or start there with the fast path).
 * It asserts nothing: each method waits for the screen it leads to, and fails when that never comes.
 */
export class IssuanceFlow {
  constructor(
    readonly page: Page,
    private readonly api: TestApi,
  ) {}

  @step(
    (customer: Customer, options: WalkOptions) =>
      `Walk the issuance for ${customer.userId} from the ${options.door} door`,
  )
  async walk(customer: Customer, options: WalkOptions): Promise<WalkResult> {
    // The longest thing a test does (about 25 s on a 2-core machine), so it gets triple time.
    test.info().slow();
    const { door, identity = 'ars', medium, reissue = false, pin = makeCertificatePin() } = options;
    await this.start(door);
    await this.passTerms();
    await this.passUserInfo(customer, { reissue });
    await this.passIdentity(customer, identity);
    await this.passAccount(customer, medium);
    await this.passDetails();
    await this.passCloud(customer);
    const completion = await this.setPassword(pin);
    return { completion, pin };
  }

  /** Opens the door and follows its menus to 약관동의 of a new flow. */
  @step((door: Door) => `Start the issuance from the ${door} door`)
  async start(door: Door): Promise<TermsPage> {
    const home = frontDoorFor(this.page, door);
    await home.goto();
    return home.startIssuance();
  }

  @step('Pass 약관동의')
  async passTerms(): Promise<UserInfoPage> {
    const terms = await new TermsPage(this.page).waitUntilShown();
    await this.attachStage(1, '약관동의');
    await terms.agreeToAll();
    await terms.next();
    return new UserInfoPage(this.page).waitUntilShown();
  }

  @step((customer: Customer) => `Pass 사용자 정보 입력 as ${customer.userId}`)
  async passUserInfo(customer: Customer, { reissue = false } = {}): Promise<IdentityPage> {
    const userInfo = await new UserInfoPage(this.page).waitUntilShown();
    await this.attachStage(2, '사용자 정보 입력');
    await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
    await userInfo.next();
    if (reissue) {
      await userInfo.existingCertificate.root.waitFor();
      await this.attachStage(2, '기존 금융인증서 안내');
      await userInfo.existingCertificate.proceedReissue();
    }
    return new IdentityPage(this.page).waitUntilShown();
  }

  @step(
    (_customer: Customer, method: IdentityMethod = 'ars') =>
      `Pass 본인인증 by ${method === 'ars' ? 'ARS call' : '해외출국 확인'}`,
  )
  async passIdentity(customer: Customer, method: IdentityMethod = 'ars'): Promise<AccountPage> {
    const identity = await new IdentityPage(this.page).waitUntilShown();
    await this.attachStage(3, '본인인증');
    if (method === 'overseas') {
      await identity.chooseOverseas();
      await identity.request();
    } else {
      await identity.chooseArs();
      await identity.request();
      const code = await identity.arsCode();
      await this.attachStage(3, '본인인증 ARS 전화 대기');
      await this.phoneOf(customer).answerCall(code);
    }
    // The ARS screen polls and moves on by itself once the call is confirmed.
    return new AccountPage(this.page).waitUntilShown();
  }

  @step(
    (_customer: Customer, medium?: Medium) =>
      `Pass 계좌/보안매체 인증 with ${medium ?? 'the default medium'}`,
  )
  async passAccount(
    customer: Customer,
    medium: Medium | undefined = defaultMedium(customer),
  ): Promise<CustomerDetailsPage> {
    const account = await new AccountPage(this.page).waitUntilShown();
    await this.attachStage(4, '계좌/보안매체 인증');
    const holder = medium ? customer : await this.issueMobileOtp(customer, account);
    const chosen = medium ?? 'otp';
    const [bankAccount] = holder.accounts;
    if (!bankAccount) throw new Error(`Customer ${holder.userId} has no account`);
    await account.enterAccount(bankAccount.number, bankAccount.password);
    if (chosen === 'kbMobileCert') {
      await account.chooseKbMobileCert();
      await account.enterKbMobileCertPin(held(holder, 'kbMobileCert').pin);
    } else {
      await account.chooseSecurityCardOrOtp();
      if (chosen === 'otp') await account.enterOtp(otpCode(held(holder, 'otp').secret));
      else await account.answerSecurityCard(held(holder, 'securityCard').codes);
    }
    await this.attachStage(4, MEDIUM_SCREEN[chosen]);
    await account.confirm();
    return new CustomerDetailsPage(this.page).waitUntilShown();
  }

  /** For a customer with no medium: issues a 모바일OTP by SMS code and returns the customer holding it. */
  @step((customer: Customer) => `Issue a 모바일OTP for ${customer.userId}`)
  async issueMobileOtp(
    customer: Customer,
    account: AccountPage = new AccountPage(this.page),
  ): Promise<Customer> {
    const issuance = await account.openMobileOtpIssuance();
    await this.attachStage(4, '모바일OTP 발급');
    const phone = this.phoneOf(customer);
    const before = await phone.mark();
    await issuance.requestCode();
    await issuance.enterCode(await phone.latestCode({ after: before }));
    await issuance.setPassword(makeCertificatePin());
    await issuance.issue();
    await account.waitUntilShown();
    // The new secret lives in the customer's test-support record.
    return this.api.getCustomer(customer.userId);
  }

  @step('Pass 고객정보 확인 as shown')
  async passDetails(): Promise<CloudPage> {
    const details = await new CustomerDetailsPage(this.page).waitUntilShown();
    await this.attachStage(4, '고객정보 확인');
    await details.next();
    return new CloudPage(this.page).waitUntilShown();
  }

  @step((customer: Customer) => `Pass the 금융결제원 cloud step for ${customer.name}`)
  async passCloud(customer: Customer): Promise<PasswordPage> {
    const cloud = await new CloudPage(this.page).waitUntilShown();
    await this.attachStage(5, '인증서 설정');
    await cloud.fill({ name: customer.name, phone: customer.phone, rrn: customer.rrn });
    await cloud.agree();
    await cloud.request();
    const code = await cloud.smsCode();
    await this.attachStage(5, '인증서 설정 SMS 인증번호 대기');
    await this.phoneOf(customer).sendSms(code);
    // The cloud screen polls and moves on by itself once the SMS arrives.
    return new PasswordPage(this.page).waitUntilShown();
  }

  /** Sets the certificate PIN (stage 5's last screen) and waits for the completion screen. */
  @step('Set the certificate PIN')
  async setPassword(pin: string): Promise<CompletionPage> {
    const password = await new PasswordPage(this.page).waitUntilShown();
    await this.attachStage(5, '비밀번호 설정');
    await password.setPassword(pin);
    await password.confirm();
    const completion = await new CompletionPage(this.page).waitUntilShown();
    await this.attachStage(6, '발급 완료');
    return completion;
  }

  /**
   * Attaches a full-page screenshot of the screen as the customer sees it now (`stage N - name`, N =
   * the stepper's stage, 6 = completion), so a stakeholder can page through the walk in the report.
   * Secrets never show: they are typed into password fields.
   */
  private async attachStage(stage: number, name: string): Promise<void> {
    // CSS pixels: the phone's 2.6× device pixels would make each shot ~7 times the work, for a report.
    const body = await this.page.screenshot({ fullPage: true, scale: 'css' });
    await test.info().attach(`stage ${stage} - ${name}`, { body, contentType: 'image/png' });
  }

  private phoneOf(customer: Customer): VirtualPhone {
    return new VirtualPhone(this.api, customer.phone);
  }
}

/** The medium's own screen in 계좌/보안매체 인증, as the stage screenshots name it. */
const MEDIUM_SCREEN: Record<Medium, string> = {
  otp: 'OTP 인증',
  securityCard: '보안카드 인증',
  kbMobileCert: 'KB모바일인증서 인증',
};

type HeldMedia = NonNullable<Customer['media']>;

function held<M extends Medium>(customer: Customer, medium: M): NonNullable<HeldMedia[M]> {
  const value = customer.media?.[medium];
  if (!value) throw new Error(`Customer ${customer.userId} holds no ${medium}`);
  return value as NonNullable<HeldMedia[M]>;
}
