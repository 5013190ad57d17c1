import type { Locator, Page } from '@playwright/test';
import { makeCertificatePin } from '../../fixtures/data/pins.ts';
import {
  expect,
  FEATURES,
  labelTest,
  test,
  type Customer,
  type Feature,
  type TestApi,
} from '../../fixtures/index.ts';
import type { FastPath } from '../../fixtures/fastPath.ts';
import type { FrontDoor } from '../../pages/FrontDoor.ts';
import { CompletionPage, Stepper, type IssuanceFlow, type Stage } from '../../pages/index.ts';

/**
 * Full-page screenshot options shared by every stage. No tolerance at all: not one differing pixel
 * (maxDiffPixels 0, Playwright's default) and no per-pixel colour slack (threshold 0; the default 0.2
 * lets a grey text turn near-black unnoticed). The bank, its fonts (fonts-noto-cjk) and Chromium are
 * the same on every run of one platform, so glyph anti-aliasing does not vary between runs; a
 * baseline differs only when the screen does. Baselines are per platform (`-linux` in the name).
 */
const SCREENSHOT = {
  fullPage: true,
  animations: 'disabled',
  caret: 'hide',
  scale: 'css',
  threshold: 0,
  maxDiffPixels: 0,
} as const;

interface StageContext {
  page: Page;
  customer: Customer;
  /** The fast path, opening at the project's front door (its header and frame). */
  fastPath: Pick<FastPath, 'startAt'>;
  frontDoor: FrontDoor;
  issuanceFlow: IssuanceFlow;
  testApi: TestApi;
}

interface StageShot {
  /** Baseline file name (ASCII, so it is safe on every file system). */
  file: string;
  title: string;
  feature: Feature;
  /** The stepper stage the screen shows (the completion page keeps 인증서 설정). */
  stage: Stage;
  tags?: readonly string[];
  /** Brings the page to the screen and returns every part that changes from run to run, to mask. */
  open: (context: StageContext) => Promise<Locator[]>;
}

const STAGES: readonly StageShot[] = [
  {
    file: 'stage-1-terms.png',
    title: '약관동의',
    feature: FEATURES.terms,
    stage: '약관동의',
    open: async ({ frontDoor }) => {
      await frontDoor.goto();
      await frontDoor.startIssuance();
      return [];
    },
  },
  {
    file: 'stage-2-user-info.png',
    title: '사용자 정보 입력',
    feature: FEATURES.userInfo,
    stage: '사용자 정보 입력',
    open: async ({ frontDoor, issuanceFlow }) => {
      await frontDoor.goto();
      await frontDoor.startIssuance();
      await issuanceFlow.passTerms();
      return [];
    },
  },
  {
    file: 'stage-3-identity-ars-waiting.png',
    title: '본인인증 ARS 전화 대기',
    feature: FEATURES.identity,
    stage: '본인인증',
    tags: ['@ars'],
    open: async ({ customer, fastPath }) => {
      const identity = await fastPath.startAt(customer, 'identity');
      await identity.chooseArs();
      await identity.request();
      await identity.arsCode();
      return [identity.maskedPhone, identity.arsCodeOutput, identity.countdown.root];
    },
  },
  {
    file: 'stage-4-account.png',
    title: '계좌/보안매체 인증',
    feature: FEATURES.account,
    stage: '계좌/보안매체 인증',
    open: async ({ customer, fastPath }) => {
      await fastPath.startAt(customer, 'account');
      return [];
    },
  },
  {
    file: 'stage-4-otp.png',
    title: '계좌/보안매체 인증 OTP 입력',
    feature: FEATURES.account,
    stage: '계좌/보안매체 인증',
    tags: ['@otp'],
    open: async ({ customer, fastPath }) => {
      const account = await fastPath.startAt(customer, 'account');
      const [bankAccount] = customer.accounts;
      await account.enterAccount(bankAccount?.number ?? '', bankAccount?.password ?? '');
      await account.chooseSecurityCardOrOtp();
      await account.otpField.waitFor();
      return [];
    },
  },
  {
    file: 'stage-4-customer-details.png',
    title: '고객정보 확인',
    feature: FEATURES.account,
    stage: '계좌/보안매체 인증',
    open: async ({ customer, fastPath }) => {
      const details = await fastPath.startAt(customer, 'details');
      return [details.emailField, details.addressField];
    },
  },
  {
    file: 'stage-5-cloud-sms-waiting.png',
    title: '인증서 설정 SMS 인증번호 대기',
    feature: FEATURES.certificateSetup,
    stage: '인증서 설정',
    open: async ({ customer, fastPath }) => {
      const cloud = await fastPath.startAt(customer, 'cloud');
      await cloud.fill({ name: customer.name, phone: customer.phone, rrn: customer.rrn });
      await cloud.agree();
      await cloud.request();
      await cloud.smsCode();
      return [cloud.maskedPhone, cloud.smsCodeOutput, cloud.countdown.root];
    },
  },
  {
    file: 'stage-5-password.png',
    title: '비밀번호 설정',
    feature: FEATURES.certificateSetup,
    stage: '인증서 설정',
    open: async ({ customer, fastPath }) => {
      await fastPath.startAt(customer, 'password');
      return [];
    },
  },
  {
    file: 'completion.png',
    title: '발급 완료',
    feature: FEATURES.completion,
    stage: '인증서 설정',
    tags: ['@issue'],
    open: async ({ page, customer, fastPath, testApi }) => {
      const password = await fastPath.startAt(customer, 'password');
      await password.setPassword(makeCertificatePin());
      await password.confirm();
      const completion = await new CompletionPage(page).waitUntilShown();
      await expect(completion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
      const certificates = await testApi.certificates(customer.rrn);
      expect(certificates.map(({ status }) => status)).toEqual(['active']);
      return [completion.value('소유자'), completion.value('유효기간'), completion.value('일련번호')];
    },
  },
];

test.describe('Screens look as approved', { tag: '@visual' }, () => {
  for (const shot of STAGES) {
    test(
      `${shot.title} matches its baseline`,
      { tag: [...(shot.tags ?? [])] },
      async ({ page, door, customer, fastPath, frontDoor, issuanceFlow, testApi }) => {
        await labelTest({ feature: shot.feature, story: `화면 회귀: ${shot.title}`, severity: 'normal' });
        const atDoor: Pick<FastPath, 'startAt'> = {
          startAt: (who, at, options) => fastPath.startAt(who, at, { door, ...options }),
        };

        const mask = await shot.open({ page, customer, fastPath: atDoor, frontDoor, issuanceFlow, testApi });
        await expect(new Stepper(page).current).toHaveText(shot.stage);
        // The pointer rests where the last click was; park it off every control so no hover shows.
        await page.mouse.move(0, 0);

        await expect(page).toHaveScreenshot(shot.file, { ...SCREENSHOT, mask });
      },
    );
  }
});
