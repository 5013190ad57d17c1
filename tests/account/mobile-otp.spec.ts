import { makeCertificatePin } from '../../fixtures/data/pins.ts';
import {
  expect,
  FEATURES,
  labelTest,
  otpCode,
  test,
  VERIFICATION_SMS,
  verifies,
} from '../../fixtures/index.ts';
import { CustomerDetailsPage } from '../../pages/CustomerDetailsPage.ts';
import { expectRegistryClean, openSecurityCardOrOtp, otherDigits } from './support.ts';

// 계좌/보안매체 인증 for a customer holding no medium (spec §2.4): 모바일OTP 발급 by SMS code, then OTP.
test.describe('모바일OTP 발급', { tag: '@mobile-otp' }, () => {
  test('offers 모바일OTP 발급 instead of the medium buttons to a customer with no medium', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '모바일OTP: no medium', severity: 'normal' });
    await verifies('REQ-2.4-mobile-otp-issue');
    const customer = await makeCustomer({ media: [] });

    const account = await fastPath.startAt(customer, 'account');

    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(account.mobileOtpLink).toBeVisible();
    await expect(account.securityCardOrOtpButton).toHaveCount(0);
    await expect(account.kbMobileCertButton).toHaveCount(0);
    expect((await testApi.getCustomer(customer.userId)).media).toBeNull();
  });

  test('issues a 모바일OTP by SMS code, back on stage 4, and passes with a code from its secret', async ({
    makeCustomer,
    fastPath,
    testApi,
    phoneOf,
    page,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '모바일OTP: issue and use', severity: 'critical' });
    await verifies('REQ-2.4-mobile-otp-issue');
    const customer = await makeCustomer({ media: [] });
    const phone = phoneOf(customer);
    const account = await fastPath.startAt(customer, 'account');

    const issuance = await account.openMobileOtpIssuance();
    await expect(issuance.ownHeading).toBeVisible();
    const before = await phone.mark();
    await issuance.requestCode();
    // `[KB국민은행] 인증번호 [NNNNNN]`, exactly.
    expect(await phone.waitForSms(VERIFICATION_SMS, { after: before })).toMatch(VERIFICATION_SMS);
    await issuance.enterCode(await phone.latestCode({ after: before }));
    await issuance.setPassword(makeCertificatePin());
    await issuance.issue();

    // Back on 계좌/보안매체 인증, now with the medium choice instead of the issuance link.
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(account.accountField).toBeVisible();
    await expect(account.securityCardOrOtpButton).toBeVisible();
    await expect(account.mobileOtpLink).toHaveCount(0);
    await expect
      .poll(async () => (await testApi.getCustomer(customer.userId)).media?.otp, {
        message: 'registry: a 모바일OTP (mobile: true) with a secret',
      })
      .toEqual({ secret: expect.stringMatching(/^[A-Z2-7]+=*$/), mobile: true });
    const holder = await testApi.getCustomer(customer.userId);
    const secret = holder.media?.otp?.secret ?? '';

    await openSecurityCardOrOtp(account, holder);
    await account.enterOtp(otpCode(secret));
    await account.confirm();

    const details = new CustomerDetailsPage(page);
    await expect(details.ownHeading).toBeVisible();
    await expect(details.stepper.current).toHaveText('계좌/보안매체 인증');
    await expectRegistryClean(testApi, customer.userId);
  });

  test('refuses a wrong SMS code and issues no 모바일OTP', async ({
    makeCustomer,
    fastPath,
    testApi,
    phoneOf,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '모바일OTP: wrong SMS code', severity: 'normal' });
    await verifies('REQ-2.4-mobile-otp-wrong-code');
    const customer = await makeCustomer({ media: [] });
    const phone = phoneOf(customer);
    const account = await fastPath.startAt(customer, 'account');
    const issuance = await account.openMobileOtpIssuance();
    const before = await phone.mark();
    await issuance.requestCode();
    const code = await phone.latestCode({ after: before });

    await issuance.enterCode(otherDigits(code));
    await issuance.setPassword(makeCertificatePin());
    await issuance.issue();

    await expect(issuance.alert.root).toHaveText('인증번호가 일치하지 않습니다.');
    await expect(issuance.ownHeading).toBeVisible();
    await expect(account.securityCardOrOtpButton).toHaveCount(0);
    expect((await testApi.getCustomer(customer.userId)).media).toBeNull();
  });
});
