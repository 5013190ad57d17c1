import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { makeCertificatePin } from '../../fixtures/data/index.ts';
import { StarBankingApp } from '../../pages/StarBankingApp.ts';
import { Stepper } from '../../pages/components/Stepper.ts';
import { TermsPage } from '../../pages/TermsPage.ts';
import { formatDay, koreaDate, koreaDay, plusYears, validity } from './koreaDates.ts';
import { expectOneActiveKbCertificate, issuedSms, receivedSms } from './registry.ts';

// The one expensive test of the suite per front door: every stage of a new issue, walked as a
// customer does (ARS call, then OTP), from the project's door to the completion screen.
test.describe('Issuance, full walk', { tag: ['@smoke', '@issue'] }, () => {
  test(
    'issues a 금융인증서 from the front door through every stage (ARS + OTP)',
    { tag: ['@ars', '@otp'] },
    async ({ door, customer, phone, issuanceFlow, testApi }) => {
      await labelTest({
        feature: FEATURES.completion,
        story: `New issue through the ${door === 'web' ? 'internet-banking' : 'KB스타뱅킹 app'} door`,
        severity: 'blocker',
      });
      await verifies(
        door === 'web' ? 'REQ-1-web-door' : 'REQ-1-app-door',
        'REQ-2-stepper',
        'REQ-2.3-ars-call',
        'REQ-2-completion-page',
        'REQ-2-completion-sms',
        'REQ-4-one-active',
        'REQ-4-validity-3y',
      );
      // Every stage, walked: triple time, as IssuanceFlow.walk() gives itself (the stages are called one by one here).
      test.slow();
      const dayBefore = koreaDate(Date.now());

      const terms = await issuanceFlow.start(door);
      await expect(terms.heading).toHaveText('금융인증서 발급');
      await expect(terms.stepper.current).toHaveText('약관동의');

      const userInfo = await issuanceFlow.passTerms();
      await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');

      const identity = await issuanceFlow.passUserInfo(customer);
      await expect(identity.heading).toHaveText('금융인증서 발급');
      await expect(identity.stepper.current).toHaveText('본인인증');

      const account = await issuanceFlow.passIdentity(customer, 'ars');
      await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');

      const details = await issuanceFlow.passAccount(customer, 'otp');
      await expect(details.ownHeading).toBeVisible();
      await expect(details.stepper.current).toHaveText('계좌/보안매체 인증');

      const cloud = await issuanceFlow.passDetails();
      await expect(cloud.stepper.current).toHaveText('인증서 설정');

      const password = await issuanceFlow.passCloud(customer);
      await expect(password.ownHeading).toBeVisible();
      await expect(password.stepper.current).toHaveText('인증서 설정');

      const pin = makeCertificatePin();
      const completion = await issuanceFlow.setPassword(pin);
      const dayAfter = koreaDate(Date.now());

      await expect(completion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
      await expect(new Stepper(completion.page).current).toHaveText('인증서 설정');

      // Registry: exactly one active certificate, at KB국민은행, issued today (Korea) for 3 years.
      const { active, others } = await expectOneActiveKbCertificate(testApi, customer);
      expect(others).toEqual([]);
      const issuedOn = koreaDay(active.issuedAt);
      const expiresOn = plusYears(issuedOn, 3);
      expect([dayBefore, dayAfter]).toContain(formatDay(issuedOn));
      expect(koreaDate(active.expiresAt), 'expiry: same month and day 3 years later').toBe(
        formatDay(expiresOn),
      );
      expect((await testApi.getCustomer(customer.userId)).certificate).toMatchObject({
        serial: active.serial,
        status: 'active',
        pin,
      });

      // Screen: every value of the description list.
      await expect(completion.value('인증서 종류')).toHaveText('금융인증서');
      await expect(completion.value('발급기관')).toHaveText('금융결제원');
      await expect(completion.value('소유자')).toHaveText(customer.name);
      await expect(completion.value('유효기간')).toHaveText(validity(issuedOn, expiresOn));
      await expect(completion.value('일련번호')).toHaveText(active.serial);

      expect(await receivedSms(phone)).toEqual([issuedSms(customer.name)]);
    },
  );
});

// The app's choice screen: KB국민인증서 is another product, so choosing it explains and starts nothing.
test.describe('KB스타뱅킹 certificate choice', { tag: ['@issue', '@door'] }, () => {
  // Only the app offers this choice: both projects open the app door (the desktop one in a desktop viewport).
  test.use({ door: 'app' });

  test('explains KB국민인증서 발급 instead of starting the 금융인증서 flow', async ({ page, frontDoor }) => {
    await labelTest({
      feature: FEATURES.frontDoors,
      story: 'KB국민인증서 발급 explains where each certificate works',
      severity: 'normal',
    });
    await verifies('REQ-1-app-door', 'REQ-1-app-kb-cert-info');
    const app = new StarBankingApp(page);
    await frontDoor.goto();
    await app.openIssuanceChoice();
    await expect(app.kbCertificateButton).toBeVisible();
    await expect(app.kbCertificateInfo).toBeHidden();

    await app.chooseKbCertificate();

    await expect(app.kbCertificateInfo).toBeVisible();
    await expect(app.kbCertificateInfo).toContainText(/KB국민인증서.*KB국민은행에서만/);
    for (const place of ['정부24', '홈택스', '청약홈', '모든 은행']) {
      await expect(app.kbCertificateInfo).toContainText(place);
    }
    // Still the choice screen: no flow, no stepper, no issuance heading.
    await expect(app.financialCertificateButton).toBeVisible();
    await expect(app.kbCertificateButton).toBeVisible();
    await expect(new Stepper(page).root).toHaveCount(0);
    await expect(new TermsPage(page).heading).toHaveCount(0);
  });
});
