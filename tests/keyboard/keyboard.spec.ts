import { makeCertificatePin } from '../../fixtures/data/pins.ts';
import {
  expect,
  FEATURES,
  labelTest,
  otpCode,
  test,
  type Customer,
  type Door,
  type VirtualPhone,
} from '../../fixtures/index.ts';
import {
  AccountPage,
  CertCenterPage,
  CloudPage,
  CompletionPage,
  CustomerDetailsPage,
  IdentityPage,
  InternetBankingHome,
  PasswordPage,
  splitRrn,
  StarBankingApp,
  TERMS,
  TermsPage,
  UserInfoPage,
  type RrnFields,
} from '../../pages/index.ts';
import type { Page } from '@playwright/test';
import { activate, tabOnceTo, tabTo, typeInto } from './keys.ts';

/** The door's menus to 약관동의, keyboard only: Tab to each control and press Enter. */
async function startByKeyboard(page: Page, door: Door): Promise<TermsPage> {
  if (door === 'web') {
    const home = new InternetBankingHome(page);
    await home.goto();
    await activate(page, home.certCenterLink, '인증센터');
    const certCenter = await new CertCenterPage(page).waitUntilShown();
    await activate(page, certCenter.issueLink, '금융인증서 발급/재발급');
  } else {
    const app = new StarBankingApp(page);
    await app.goto();
    await activate(page, app.fullMenuButton, '전체메뉴');
    await activate(page, app.securityLink, '인증/보안');
    await activate(page, app.otherAuthMethodsButton, '다른 인증수단');
    await activate(page, app.certificateIssueLink, '인증서 발급/재발급');
    await activate(page, app.financialCertificateButton, '금융인증서 발급');
  }
  return new TermsPage(page).waitUntilShown();
}

function firstAccount(customer: Customer) {
  const [account] = customer.accounts;
  if (!account) throw new Error(`Customer ${customer.userId} has no account`);
  return account;
}

/** The two 주민등록번호 fields, each one Tab on from the field before: the screens' tab order. */
async function typeRrnByKeyboard(page: Page, fields: RrnFields, rrn: string): Promise<void> {
  const [front, back] = splitRrn(rrn);
  await tabOnceTo(page, fields.front, '주민등록번호 앞자리');
  await page.keyboard.type(front);
  await tabOnceTo(page, fields.back, '주민등록번호 뒷자리');
  await page.keyboard.type(back);
}

/** 약관동의 and 사용자 정보 입력 from the door's menus, keyboard only: ends on 본인인증. */
async function throughUserInfo(page: Page, door: Door, customer: Customer): Promise<void> {
  await test.step('약관동의 and 사용자 정보 입력 by keyboard', async () => {
    const terms = await startByKeyboard(page, door);
    await expect(terms.stepper.current).toHaveText('약관동의');
    await tabTo(page, terms.allTerms, { name: TERMS.all });
    await page.keyboard.press('Space');
    for (const name of Object.values(TERMS)) await expect(terms.checkbox(name)).toBeChecked();
    await activate(page, terms.nextButton, '다음');

    const userInfo = await new UserInfoPage(page).waitUntilShown();
    await typeInto(page, userInfo.userIdField, customer.userId, '사용자ID');
    await typeRrnByKeyboard(page, userInfo.rrn, customer.rrn);
    await activate(page, userInfo.nextButton, '다음');
  });
}

/** 본인인증 by ARS, keyboard only (the call is answered on the virtual phone): ends on 계좌/보안매체 인증. */
async function throughIdentity(page: Page, phone: VirtualPhone): Promise<void> {
  await test.step('본인인증 by keyboard', async () => {
    const identity = await new IdentityPage(page).waitUntilShown();
    await tabTo(page, identity.arsOption, { name: '전화인증(ARS)' });
    await page.keyboard.press('Space');
    await expect(identity.arsOption).toBeChecked();
    await activate(page, identity.requestButton, '인증요청');
    await expect(identity.countdown.root).toBeVisible();
    // The customer answers on their phone (the virtual phone), not in the browser.
    await phone.answerCall(await identity.arsCode());
  });
}

/** 계좌/보안매체 인증 by OTP and 고객정보 확인, keyboard only: ends on the cloud step. */
async function throughAccountAndDetails(page: Page, customer: Customer): Promise<void> {
  await test.step('계좌/보안매체 인증 and 고객정보 확인 by keyboard', async () => {
    const account = firstAccount(customer);
    const accountPage = await new AccountPage(page).waitUntilShown();
    await typeInto(page, accountPage.accountField, account.number, '출금계좌번호');
    await tabOnceTo(page, accountPage.accountPasswordField, '계좌비밀번호');
    await page.keyboard.type(account.password);
    await activate(page, accountPage.securityCardOrOtpButton, '보안카드/OTP로 인증하기');
    await typeInto(page, accountPage.otpField, otpCode(customer.media?.otp?.secret ?? ''), 'OTP 비밀번호');
    await activate(page, accountPage.confirmButton, '확인');

    const details = await new CustomerDetailsPage(page).waitUntilShown();
    await expect(details.emailField).toHaveValue(customer.email);
    await activate(page, details.nextButton, '다음');
  });
}

/** The cloud step and 비밀번호 설정, keyboard only (the SMS is sent from the virtual phone): ends on completion. */
async function throughCloudAndPassword(
  page: Page,
  customer: Customer,
  phone: VirtualPhone,
  pin: string,
): Promise<void> {
  await test.step('The cloud step and 비밀번호 설정 by keyboard', async () => {
    const cloud = await new CloudPage(page).waitUntilShown();
    await typeInto(page, cloud.nameField, customer.name, '이름');
    await tabOnceTo(page, cloud.phoneField, '휴대폰번호');
    await page.keyboard.type(customer.phone);
    await typeRrnByKeyboard(page, cloud.rrn, customer.rrn);
    await tabOnceTo(page, cloud.consent, '금융인증서비스 이용약관 동의');
    await page.keyboard.press('Space');
    await expect(cloud.consent).toBeChecked();
    await activate(page, cloud.requestButton, '인증요청');
    await phone.sendSms(await cloud.smsCode());

    const password = await new PasswordPage(page).waitUntilShown();
    await typeInto(page, password.pinField, pin, '비밀번호 6자리');
    await tabOnceTo(page, password.confirmationField, '비밀번호 확인');
    await page.keyboard.type(pin);
    await activate(page, password.confirmButton, '확인');
  });
}

test.describe('Keyboard only', { tag: '@a11y' }, () => {
  test(
    'completes the whole issuance from the front door with Tab, Enter and Space alone',
    { tag: ['@issue', '@ars', '@otp'] },
    async ({ page, door, customer, phone, testApi }) => {
      await labelTest({
        feature: FEATURES.completion,
        story: '키보드만으로 금융인증서 발급',
        severity: 'critical',
      });
      // A whole walk, like the full-walk specs: the longest thing a test does here.
      test.slow();
      await throughUserInfo(page, door, customer);
      await throughIdentity(page, phone);
      await throughAccountAndDetails(page, customer);
      const pin = makeCertificatePin();
      await throughCloudAndPassword(page, customer, phone, pin);

      const completion = await new CompletionPage(page).waitUntilShown();
      await expect(completion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
      await expect(completion.value('소유자')).toHaveText(customer.name);
      const certificates = await testApi.certificates(customer.rrn);
      expect(certificates.map(({ status, bank }) => ({ status, bank }))).toEqual([
        { status: 'active', bank: 'KB국민은행' },
      ]);
      await expect(completion.value('일련번호')).toHaveText(certificates[0]?.serial ?? '');
      await phone.waitForSms(new RegExp(`^\\[KB국민은행\\] ${customer.name}님 인증서 발급완료`));
    },
  );

  test.describe('After a refused submission the focus is on the first field to fix', () => {
    test(
      'a wrong 사용자ID/주민등록번호 pair focuses the emptied 주민등록번호 뒷자리',
      { tag: ['@negative'] },
      async ({ page, makeCustomer, issuanceFlow, testApi }) => {
        await labelTest({ feature: FEATURES.userInfo, story: '오류 후 포커스: 사용자 정보 불일치' });
        const [customer, other] = [await makeCustomer(), await makeCustomer()];
        await (await new CertCenterPage(page).goto()).startIssuance();
        const userInfo = await issuanceFlow.passTerms();

        await userInfo.fill({ userId: customer.userId, rrn: other.rrn });
        await activate(page, userInfo.nextButton, '다음');

        await expect(userInfo.alert.root).toHaveText('입력하신 정보가 일치하지 않습니다.');
        await expect(userInfo.rrn.back).toBeFocused();
        await expect(userInfo.rrn.back).toHaveValue('');
        await expect(userInfo.userIdField).toHaveValue(customer.userId);
        // Nothing was issued or locked for either person.
        expect(await testApi.certificates(customer.rrn)).toEqual([]);
      },
    );

    test(
      'a wrong 계좌비밀번호 focuses the emptied 계좌비밀번호 and counts one error',
      { tag: ['@negative'] },
      async ({ page, customer, fastPath, testApi }) => {
        await labelTest({ feature: FEATURES.account, story: '오류 후 포커스: 계좌비밀번호 불일치' });
        const account = firstAccount(customer);
        const accountPage = await fastPath.startAt(customer, 'account');

        await accountPage.enterAccount(account.number, account.password === '0000' ? '1111' : '0000');
        await activate(page, accountPage.securityCardOrOtpButton, '보안카드/OTP로 인증하기');

        await expect(accountPage.alert.root).toContainText('(오류 1회/3회)');
        await expect(accountPage.accountPasswordField).toBeFocused();
        await expect(accountPage.accountPasswordField).toHaveValue('');
        expect((await testApi.getCustomer(customer.userId)).counters.accountPassword).toBe(1);
      },
    );

    test(
      'a wrong OTP focuses the emptied OTP 비밀번호 and counts one error',
      { tag: ['@negative', '@otp'] },
      async ({ page, customer, fastPath, testApi }) => {
        await labelTest({ feature: FEATURES.account, story: '오류 후 포커스: OTP 불일치' });
        const account = firstAccount(customer);
        const accountPage = await fastPath.startAt(customer, 'account');
        await accountPage.enterAccount(account.number, account.password);
        await accountPage.chooseSecurityCardOrOtp();
        // Five 30-s steps away: outside the bank's window whatever the step boundary.
        await accountPage.enterOtp(otpCode(customer.media?.otp?.secret ?? '', { stepOffset: 5 }));
        await activate(page, accountPage.confirmButton, '확인');

        await expect(accountPage.alert.root).toContainText('(오류 1회/10회)');
        await expect(accountPage.otpField).toBeFocused();
        await expect(accountPage.otpField).toHaveValue('');
        expect((await testApi.getCustomer(customer.userId)).counters.otp).toBe(1);
      },
    );

    test(
      'a weak certificate PIN focuses the emptied 비밀번호 6자리',
      { tag: ['@negative'] },
      async ({ page, customer, fastPath, testApi }) => {
        await labelTest({ feature: FEATURES.certificateSetup, story: '오류 후 포커스: 취약한 비밀번호' });
        const password = await fastPath.startAt(customer, 'password');

        await password.setPassword('123456');
        await activate(page, password.confirmButton, '확인');

        await expect(password.alert.root).toHaveText('연속되거나 동일한 숫자는 사용할 수 없습니다.');
        await expect(password.pinField).toBeFocused();
        await expect(password.pinField).toHaveValue('');
        expect(await testApi.certificates(customer.rrn)).toEqual([]);
      },
    );
  });

  test(
    'the existing-certificate dialog starts on 재발급 진행 and keeps Tab inside it',
    { tag: ['@reissue'] },
    async ({ page, makeCustomer, issuanceFlow, testApi }) => {
      await labelTest({ feature: FEATURES.userInfo, story: '재발급 안내 대화상자의 포커스 가두기' });
      const customer = await makeCustomer({ certificate: {} });
      await (await new CertCenterPage(page).goto()).startIssuance();
      const userInfo = await issuanceFlow.passTerms();
      await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
      await activate(page, userInfo.nextButton, '다음');

      const dialog = userInfo.existingCertificate;
      await expect(dialog.root).toBeVisible();
      await expect(dialog.root).toContainText('이미 발급하신 금융인증서가 존재합니다.');
      const proceed = dialog.button('재발급 진행');
      const cancel = dialog.button('취소');
      await expect(proceed, 'focus starts on 재발급 진행').toBeFocused();

      // Tab and Shift+Tab cycle between the dialog's two buttons, never behind it.
      for (const expected of [cancel, proceed, cancel, proceed]) {
        await page.keyboard.press('Tab');
        await expect(expected).toBeFocused();
      }
      for (const expected of [cancel, proceed, cancel]) {
        await page.keyboard.press('Shift+Tab');
        await expect(expected).toBeFocused();
      }
      // Escape does not slip out of the choice either.
      await page.keyboard.press('Escape');
      await expect(dialog.root).toBeVisible();
      await expect(cancel).toBeFocused();
      // Nothing changed while the dialog was open: the old certificate is still the active one.
      const certificates = await testApi.certificates(customer.rrn);
      expect(certificates.map(({ status }) => status)).toEqual(['active']);

      await page.keyboard.press('Shift+Tab');
      await expect(proceed).toBeFocused();
      await page.keyboard.press('Enter');
      const identity = await new IdentityPage(page).waitUntilShown();
      await expect(identity.heading).toHaveText('금융인증서 재발급');
    },
  );
});
