import type { Locator, Page } from '@playwright/test';
import { daysFrom } from '../../fixtures/data/dates.ts';
import { makeCertificatePin } from '../../fixtures/data/pins.ts';
import {
  FEATURES,
  otpCode,
  type Customer,
  type CustomerOptions,
  type Feature,
  type VirtualPhone,
} from '../../fixtures/index.ts';
import type { FastPath } from '../../fixtures/fastPath.ts';
import type { FlowMap } from '../../fixtures/flowMap.ts';
import type { FrontDoor } from '../../pages/FrontDoor.ts';
import {
  Alert,
  CertCenterPage,
  CompletionPage,
  IdLookupPage,
  InternetBankingHome,
  LoginPage,
  PhonePage,
  RenewalPage,
  StarBankingApp,
  type IssuanceFlow,
  type TermsPage,
  type UserInfoPage,
} from '../../pages/index.ts';

/** The fixtures a screen needs to get itself onto the page. */
export interface ScreenContext {
  page: Page;
  makeCustomer: (options?: CustomerOptions) => Promise<Customer>;
  phoneOf: (who: { phone: string } | string) => VirtualPhone;
  /** The fast path, opening at the project's front door (its header and frame). */
  fastPath: Pick<FastPath, 'startAt'>;
  frontDoor: FrontDoor;
  issuanceFlow: IssuanceFlow;
  /** Where the bank serves the flow's screens, learned from it (the spec names only the doors). */
  flowMap: Pick<FlowMap, 'url'>;
}

/**
 * One screen (or one state of a screen) to scan. `open` brings the page there the cheapest way
 * (fast path where it can) and returns what the user must see there, e.g. its heading or its alert.
 */
export interface ScreenCase {
  name: string;
  feature: Feature;
  /** Tags besides @a11y: the area (@id-lookup, @renewal …), the auth method, @negative for alerts. */
  tags?: readonly string[];
  open: (context: ScreenContext) => Promise<Locator>;
}

/** Two digits that are not `code` (a wrong ARS answer). */
function otherTwoDigits(code: string): string {
  return String((Number(code) + 1) % 100).padStart(2, '0');
}

/** A customer whose certificate is inside the renewal window (expires in 10 days). */
const renewable = { certificate: { expiresAt: daysFrom(new Date(), 10).toISOString() } };

async function appMenuTo(
  page: Page,
  last: 'home' | 'menu' | 'security' | 'other' | 'choice',
): Promise<StarBankingApp> {
  const app = new StarBankingApp(page);
  await app.goto();
  if (last === 'home') return app;
  await app.openFullMenu();
  if (last === 'menu') return app;
  await app.openSecurity();
  if (last === 'security') return app;
  await app.openOtherAuthMethods();
  if (last === 'other') return app;
  await app.openCertificateIssue();
  return app;
}

/** 약관동의 of a new flow, reached through the project's front door (menus, as a customer does). */
async function termsScreen({ frontDoor }: ScreenContext): Promise<TermsPage> {
  await frontDoor.goto();
  return frontDoor.startIssuance();
}

async function userInfoScreen(context: ScreenContext): Promise<UserInfoPage> {
  await termsScreen(context);
  return context.issuanceFlow.passTerms();
}

async function arsRinging({ makeCustomer, fastPath }: ScreenContext) {
  const customer = await makeCustomer();
  const identity = await fastPath.startAt(customer, 'identity');
  await identity.chooseArs();
  await identity.request();
  const code = await identity.arsCode();
  return { customer, identity, code };
}

async function mediumScreen({ makeCustomer, fastPath }: ScreenContext, options: CustomerOptions = {}) {
  const customer = await makeCustomer(options);
  const account = await fastPath.startAt(customer, 'account');
  const [bankAccount] = customer.accounts;
  if (!bankAccount) throw new Error(`Customer ${customer.userId} has no account`);
  await account.enterAccount(bankAccount.number, bankAccount.password);
  return { customer, account };
}

async function cloudWaiting({ makeCustomer, fastPath }: ScreenContext) {
  const customer = await makeCustomer();
  const cloud = await fastPath.startAt(customer, 'cloud');
  await cloud.fill({ name: customer.name, phone: customer.phone, rrn: customer.rrn });
  await cloud.agree();
  await cloud.request();
  await cloud.smsCode();
  return cloud;
}

async function idLookupCodeSent({ page, makeCustomer, phoneOf }: ScreenContext) {
  const customer = await makeCustomer();
  const lookup = await new IdLookupPage(page).goto();
  const phone = phoneOf(customer);
  const before = await phone.mark();
  await lookup.fill({ name: customer.name, rrn: customer.rrn, phone: customer.phone });
  await lookup.requestCode();
  await lookup.codeField.waitFor();
  return { lookup, code: await phone.latestCode({ after: before }) };
}

async function renewalPin({ page, makeCustomer }: ScreenContext) {
  const customer = await makeCustomer(renewable);
  const renewal = await new RenewalPage(page).goto();
  await renewal.fill({ userId: customer.userId, rrn: customer.rrn });
  await renewal.next();
  await renewal.pinField.waitFor();
  return { customer, renewal };
}

/**
 * Every screen of the spec, in the order a customer meets them. Adding a screen is one entry.
 * Alerts: at least one per kind of screen (form refused, code failed, medium wrong, PIN rule, lookup).
 */
export const SCREENS: readonly ScreenCase[] = [
  // ---- Front doors and menus (spec §1) ----
  {
    name: '인터넷뱅킹 홈',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => {
      const home = new InternetBankingHome(page);
      await home.goto();
      return home.certCenterLink;
    },
  },
  {
    name: '인증센터',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => (await new CertCenterPage(page).goto()).heading,
  },
  {
    name: '로그인',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => (await new LoginPage(page).goto()).loginButton,
  },
  {
    name: '로그인 실패 알림',
    feature: FEATURES.frontDoors,
    tags: ['@negative'],
    open: async ({ page, makeCustomer }) => {
      const customer = await makeCustomer();
      const login = await new LoginPage(page).goto();
      await login.login(customer.userId, `${customer.loginPassword}x`);
      return new Alert(page).root;
    },
  },
  {
    name: 'KB스타뱅킹 홈',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => (await appMenuTo(page, 'home')).fullMenuButton,
  },
  {
    name: 'KB스타뱅킹 전체메뉴',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => (await appMenuTo(page, 'menu')).securityLink,
  },
  {
    name: 'KB스타뱅킹 인증/보안',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => (await appMenuTo(page, 'security')).otherAuthMethodsButton,
  },
  {
    name: 'KB스타뱅킹 다른 인증수단 (인증서 › 금융인증서 영역)',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => (await appMenuTo(page, 'other')).certificateIssueLink,
  },
  {
    name: 'KB스타뱅킹 금융인증서/KB국민인증서 선택',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => (await appMenuTo(page, 'choice')).financialCertificateButton,
  },
  {
    name: 'KB스타뱅킹 KB국민인증서 안내',
    feature: FEATURES.frontDoors,
    open: async ({ page }) => {
      const app = await appMenuTo(page, 'choice');
      await app.chooseKbCertificate();
      return page.getByText(/KB국민은행에서만/);
    },
  },

  // ---- 약관동의 and 사용자 정보 입력 (spec §2.1, §2.2) ----
  {
    name: '약관동의',
    feature: FEATURES.terms,
    open: async (context) => (await termsScreen(context)).allTerms,
  },
  {
    name: '약관동의 필수 약관 미동의 알림',
    feature: FEATURES.terms,
    tags: ['@negative'],
    open: async (context) => {
      const terms = await termsScreen(context);
      await terms.next();
      return terms.alert.withText('필수 약관에 모두 동의해 주세요.');
    },
  },
  {
    name: '사용자 정보 입력',
    feature: FEATURES.userInfo,
    open: async (context) => (await userInfoScreen(context)).userIdField,
  },
  {
    name: '사용자 정보 입력 불일치 알림',
    feature: FEATURES.userInfo,
    tags: ['@negative'],
    open: async (context) => {
      const [customer, other] = [await context.makeCustomer(), await context.makeCustomer()];
      const userInfo = await userInfoScreen(context);
      await userInfo.fill({ userId: customer.userId, rrn: other.rrn });
      await userInfo.next();
      return userInfo.alert.withText('입력하신 정보가 일치하지 않습니다.');
    },
  },
  {
    name: '기존 금융인증서 안내 대화상자',
    feature: FEATURES.userInfo,
    tags: ['@reissue'],
    open: async (context) => {
      const customer = await context.makeCustomer({ certificate: {} });
      const userInfo = await userInfoScreen(context);
      await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
      await userInfo.next();
      return userInfo.existingCertificate.button('재발급 진행');
    },
  },
  {
    name: '사용자 정보 입력 효력정지 알림',
    feature: FEATURES.userInfo,
    tags: ['@reissue', '@negative'],
    open: async (context) => {
      const customer = await context.makeCustomer({ certificate: { status: 'suspended' } });
      const userInfo = await userInfoScreen(context);
      await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
      await userInfo.next();
      return userInfo.alert.withText('현재 효력정지 상태입니다');
    },
  },

  // ---- 본인인증 (spec §2.3) ----
  {
    name: '본인인증',
    feature: FEATURES.identity,
    open: async ({ makeCustomer, fastPath }) =>
      (await fastPath.startAt(await makeCustomer(), 'identity')).arsOption,
  },
  {
    name: '본인인증 ARS 전화 대기',
    feature: FEATURES.identity,
    tags: ['@ars'],
    open: async (context) => (await arsRinging(context)).identity.countdown.root,
  },
  {
    name: '본인인증 ARS 인증번호 불일치 알림',
    feature: FEATURES.identity,
    tags: ['@ars', '@negative'],
    open: async (context) => {
      const { customer, identity, code } = await arsRinging(context);
      await context.phoneOf(customer).answerCall(otherTwoDigits(code));
      return identity.alert.withText('인증번호가 일치하지 않습니다.');
    },
  },
  {
    name: '본인인증 출국 기록 없음 알림',
    feature: FEATURES.identity,
    tags: ['@overseas', '@negative'],
    open: async ({ makeCustomer, fastPath }) => {
      const identity = await fastPath.startAt(await makeCustomer(), 'identity');
      await identity.chooseOverseas();
      await identity.request();
      return identity.alert.withText('출국 기록이 확인되지 않습니다.');
    },
  },
  {
    name: '단계 건너뛰기 거부 알림',
    feature: FEATURES.identity,
    tags: ['@negative'],
    open: async ({ page, makeCustomer, fastPath, flowMap }) => {
      const identity = await fastPath.startAt(await makeCustomer(), 'identity');
      // The customer types a later step's address (learned from the bank): it sends them back with an alert.
      await page.goto(await flowMap.url('password'));
      await identity.waitUntilShown();
      return identity.alert.root;
    },
  },

  // ---- 계좌/보안매체 인증 (spec §2.4) ----
  {
    name: '계좌/보안매체 인증',
    feature: FEATURES.account,
    open: async ({ makeCustomer, fastPath }) =>
      (await fastPath.startAt(await makeCustomer(), 'account')).accountField,
  },
  {
    name: '계좌/보안매체 인증 계좌비밀번호 불일치 알림',
    feature: FEATURES.account,
    tags: ['@negative'],
    open: async ({ makeCustomer, fastPath }) => {
      const customer = await makeCustomer();
      const account = await fastPath.startAt(customer, 'account');
      const number = customer.accounts[0]?.number ?? '';
      const password = customer.accounts[0]?.password === '0000' ? '1111' : '0000';
      await account.enterAccount(number, password);
      await account.chooseSecurityCardOrOtp();
      return account.alert.withText('일치하지 않습니다');
    },
  },
  {
    name: '보안카드 인증',
    feature: FEATURES.account,
    tags: ['@security-card'],
    open: async (context) => {
      const { account } = await mediumScreen(context, { media: ['securityCard'] });
      await account.chooseSecurityCardOrOtp();
      return account.securityCard.frontField;
    },
  },
  {
    name: 'OTP 인증',
    feature: FEATURES.account,
    tags: ['@otp'],
    open: async (context) => {
      const { account } = await mediumScreen(context);
      await account.chooseSecurityCardOrOtp();
      return account.otpField;
    },
  },
  {
    name: 'OTP 인증 오류 알림',
    feature: FEATURES.account,
    tags: ['@otp', '@negative'],
    open: async (context) => {
      const { customer, account } = await mediumScreen(context);
      await account.chooseSecurityCardOrOtp();
      // Five steps away from now: outside the bank's ±1 step window.
      await account.enterOtp(otpCode(customer.media?.otp?.secret ?? '', { stepOffset: 5 }));
      await account.confirm();
      return account.alert.withText('일치하지 않습니다');
    },
  },
  {
    name: 'KB모바일인증서 인증',
    feature: FEATURES.account,
    tags: ['@kb-mobile-cert'],
    open: async (context) => {
      const { account } = await mediumScreen(context, { media: ['kbMobileCert'] });
      await account.chooseKbMobileCert();
      return account.kbMobileCertPinField;
    },
  },
  {
    name: '보안매체 없음 (모바일OTP 발급 안내)',
    feature: FEATURES.account,
    tags: ['@mobile-otp'],
    open: async ({ makeCustomer, fastPath }) =>
      (await fastPath.startAt(await makeCustomer({ media: [] }), 'account')).mobileOtpLink,
  },
  {
    name: '모바일OTP 발급',
    feature: FEATURES.account,
    tags: ['@mobile-otp'],
    open: async ({ makeCustomer, fastPath }) => {
      const account = await fastPath.startAt(await makeCustomer({ media: [] }), 'account');
      return (await account.openMobileOtpIssuance()).requestCodeButton;
    },
  },
  {
    name: '모바일OTP 발급 인증번호 발송 후',
    feature: FEATURES.account,
    tags: ['@mobile-otp'],
    open: async ({ makeCustomer, fastPath }) => {
      const account = await fastPath.startAt(await makeCustomer({ media: [] }), 'account');
      const issuance = await account.openMobileOtpIssuance();
      await issuance.requestCode();
      return issuance.codeField;
    },
  },
  {
    name: '고객정보 확인',
    feature: FEATURES.account,
    open: async ({ makeCustomer, fastPath }) =>
      (await fastPath.startAt(await makeCustomer(), 'details')).ownHeading,
  },

  // ---- 인증서 설정 (spec §2.5) and completion ----
  {
    name: '인증서 설정 (금융결제원 클라우드)',
    feature: FEATURES.certificateSetup,
    open: async ({ makeCustomer, fastPath }) =>
      (await fastPath.startAt(await makeCustomer(), 'cloud')).nameField,
  },
  {
    name: '인증서 설정 정보 불일치 알림',
    feature: FEATURES.certificateSetup,
    tags: ['@negative'],
    open: async ({ makeCustomer, fastPath }) => {
      const [customer, other] = [await makeCustomer(), await makeCustomer()];
      const cloud = await fastPath.startAt(customer, 'cloud');
      await cloud.fill({ name: customer.name, phone: customer.phone, rrn: other.rrn });
      await cloud.agree();
      await cloud.request();
      return cloud.alert.withText('입력하신 정보가 일치하지 않습니다.');
    },
  },
  {
    name: '인증서 설정 SMS 인증번호 대기',
    feature: FEATURES.certificateSetup,
    open: async (context) => (await cloudWaiting(context)).countdown.root,
  },
  {
    name: '비밀번호 설정',
    feature: FEATURES.certificateSetup,
    open: async ({ makeCustomer, fastPath }) =>
      (await fastPath.startAt(await makeCustomer(), 'password')).ownHeading,
  },
  {
    name: '비밀번호 설정 취약 비밀번호 알림',
    feature: FEATURES.certificateSetup,
    tags: ['@negative'],
    open: async ({ makeCustomer, fastPath }) => {
      const password = await fastPath.startAt(await makeCustomer(), 'password');
      await password.setPassword('111111');
      await password.confirm();
      return password.alert.withText('연속되거나 동일한 숫자는 사용할 수 없습니다.');
    },
  },
  {
    name: '발급 완료',
    feature: FEATURES.completion,
    tags: ['@issue'],
    open: async ({ page, makeCustomer, fastPath }) => {
      const password = await fastPath.startAt(await makeCustomer(), 'password');
      await password.setPassword(makeCertificatePin());
      await password.confirm();
      return (await new CompletionPage(page).waitUntilShown()).heading;
    },
  },

  // ---- 아이디찾기 (spec §6) ----
  {
    name: '아이디찾기',
    feature: FEATURES.idLookup,
    tags: ['@id-lookup'],
    open: async ({ page }) => (await new IdLookupPage(page).goto()).nameField,
  },
  {
    name: '아이디찾기 인증번호 발송 후',
    feature: FEATURES.idLookup,
    tags: ['@id-lookup'],
    open: async (context) => (await idLookupCodeSent(context)).lookup.countdown.root,
  },
  {
    name: '아이디찾기 결과',
    feature: FEATURES.idLookup,
    tags: ['@id-lookup'],
    open: async (context) => {
      const { lookup, code } = await idLookupCodeSent(context);
      await lookup.enterCode(code);
      await lookup.confirm();
      return lookup.continueButton;
    },
  },
  {
    name: '아이디찾기 고객 정보 없음 알림',
    feature: FEATURES.idLookup,
    tags: ['@id-lookup', '@negative'],
    open: async ({ page, makeCustomer }) => {
      const customer = await makeCustomer();
      const lookup = await new IdLookupPage(page).goto();
      await lookup.fill({ name: `${customer.name}가`, rrn: customer.rrn, phone: customer.phone });
      await lookup.requestCode();
      return lookup.alert.withText('일치하는 고객 정보가 없습니다.');
    },
  },

  // ---- 갱신 (spec §7) ----
  {
    name: '금융인증서 갱신',
    feature: FEATURES.renewal,
    tags: ['@renewal'],
    open: async ({ page }) => (await new RenewalPage(page).goto()).userIdField,
  },
  {
    name: '금융인증서 갱신 기간 전 알림',
    feature: FEATURES.renewal,
    tags: ['@renewal', '@negative'],
    open: async ({ page, makeCustomer }) => {
      const customer = await makeCustomer({ certificate: {} });
      const renewal = await new RenewalPage(page).goto();
      await renewal.fill({ userId: customer.userId, rrn: customer.rrn });
      await renewal.next();
      return renewal.alert.withText('가입자 갱신 등록은 30일 전부터 허용됩니다.');
    },
  },
  {
    name: '금융인증서 갱신 비밀번호 입력',
    feature: FEATURES.renewal,
    tags: ['@renewal'],
    open: async (context) => (await renewalPin(context)).renewal.pinField,
  },
  {
    name: '금융인증서 갱신 완료',
    feature: FEATURES.renewal,
    tags: ['@renewal'],
    open: async (context) => {
      const { customer, renewal } = await renewalPin(context);
      await renewal.enterPin(customer.certificate?.pin ?? '');
      await renewal.renew();
      return renewal.doneHeading;
    },
  },

  // ---- 가상 휴대폰 (spec §5) ----
  {
    name: '가상 휴대폰',
    feature: FEATURES.phone,
    open: async ({ page, makeCustomer, phoneOf }) => {
      const customer = await makeCustomer();
      // Something in the log, so the list of messages is scanned too.
      await phoneOf(customer).sendSms('12');
      return (await new PhonePage(page).goto(customer.phone)).heading(customer.phone);
    },
  },
];
