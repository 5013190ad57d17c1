import {
  expect,
  FEATURES,
  labelTest,
  otpCode,
  test,
  waitForFreshOtpStep,
  type Customer,
  verifies,
} from '../../fixtures/index.ts';
import type { AccountPage } from '../../pages/AccountPage.ts';
import { CustomerDetailsPage } from '../../pages/CustomerDetailsPage.ts';
import {
  answerWronglyTimes,
  expectLockedByOneMoreWrongAnswer,
  expectNotLockedAtLimitMinusOne,
  expectLockedInNewFlow,
  expectOnCustomerDetails,
  expectRegistryClean,
  expectRegistryTries,
  expectRightAnswerResets,
  expectWrongTryAlert,
  LIMITS,
  openSecurityCardOrOtp,
  OTP,
  otpSecretOf,
} from './support.ts';

// 계좌/보안매체 인증 with an OTP (spec §2.4): TOTP, previous/current/next 30-s step, 10 wrong tries lock.
const LIMIT = LIMITS.otp;

/** Opens the OTP screen and answers with the code of the 30-s step `stepOffset` steps from now. */
async function answerCodeOfStep(account: AccountPage, customer: Customer, stepOffset: number) {
  await openSecurityCardOrOtp(account, customer);
  // Far enough from a step boundary that the offset still holds when the bank checks the code.
  await waitForFreshOtpStep();
  await account.enterOtp(otpCode(otpSecretOf(customer), { stepOffset }));
  await account.confirm();
}

const NEIGHBOUR_STEPS = [
  { stepOffset: -1, which: 'previous' },
  { stepOffset: 1, which: 'next' },
] as const;

const FAR_STEPS = [
  { stepOffset: -2, which: 'two steps earlier' },
  { stepOffset: 2, which: 'two steps later' },
] as const;

// The default `customer` fixture holds an OTP and nothing else.
test.describe('OTP', { tag: '@otp' }, () => {
  test('passes with the current OTP code and moves on to 고객정보 확인', async ({
    customer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: 'OTP: current code', severity: 'critical' });
    await verifies('REQ-2.4-otp-window', 'REQ-2.4-medium-screen');
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    // 보안카드/OTP uses the OTP the customer holds: one `OTP 비밀번호` field, no card positions.
    await expect(account.otpField).toBeVisible();
    await expect(account.securityCard.frontField).toHaveCount(0);
    await expect(account.securityCardOrOtpButton).toHaveCount(0);
    await expect(account.kbMobileCertButton).toHaveCount(0);

    await OTP.answerRightly(account, customer);

    await expectOnCustomerDetails(account, customer);
    await expectRegistryClean(testApi, customer.userId);
  });

  test('counts one wrong code and empties the field', async ({ customer, fastPath, testApi }) => {
    await labelTest({ feature: FEATURES.account, story: 'OTP: wrong code', severity: 'normal' });
    await verifies('REQ-2.4-wrong-try-alert');
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);

    await OTP.answerWrongly(account, customer);

    await expectWrongTryAlert(account.alert, 1, LIMIT);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(account.otpField).toBeVisible();
    await expect(account.otpField).toHaveValue('');
    await expectRegistryTries(testApi, customer.userId, 'otp', { count: 1, locked: false });
  });

  for (const { stepOffset, which } of NEIGHBOUR_STEPS) {
    test(`accepts the code of the ${which} 30-second step`, async ({ customer, fastPath, testApi, page }) => {
      await labelTest({ feature: FEATURES.account, story: 'OTP: time window', severity: 'normal' });
      await verifies('REQ-2.4-otp-window');
      const account = await fastPath.startAt(customer, 'account');

      await answerCodeOfStep(account, customer, stepOffset);

      await expect(new CustomerDetailsPage(page).ownHeading).toBeVisible();
      await expectRegistryClean(testApi, customer.userId);
    });
  }

  for (const { stepOffset, which } of FAR_STEPS) {
    test(`refuses the code from ${which} as a wrong code`, async ({ customer, fastPath, testApi }) => {
      await labelTest({ feature: FEATURES.account, story: 'OTP: time window', severity: 'normal' });
      await verifies('REQ-2.4-otp-window');
      const account = await fastPath.startAt(customer, 'account');

      await answerCodeOfStep(account, customer, stepOffset);

      await expectWrongTryAlert(account.alert, 1, LIMIT);
      await expect(account.otpField).toHaveValue('');
      await expectRegistryTries(testApi, customer.userId, 'otp', { count: 1, locked: false });
    });
  }

  test('resets the wrong-code counter to 0 on a right code', async ({
    customer,
    fastPath,
    testApi,
    page,
  }) => {
    await labelTest({ feature: FEATURES.account, story: 'OTP: counter reset', severity: 'normal' });
    await verifies('REQ-2.4-right-answer-resets');
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    await answerWronglyTimes(account, customer, OTP, 2);
    await expectRegistryTries(testApi, customer.userId, 'otp', { count: 2, locked: false });

    await OTP.answerRightly(account, customer);

    await expect(new CustomerDetailsPage(page).ownHeading).toBeVisible();
    await expectRegistryTries(testApi, customer.userId, 'otp', { count: 0, locked: false });
  });

  test('is not locked after 9 wrong codes: the 10th try is still judged', async ({
    customer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: 'OTP: limit − 1', severity: 'critical' });
    await verifies('REQ-2.4-otp-limit', 'REQ-2.4-right-answer-resets');
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);

    await expectNotLockedAtLimitMinusOne(account, testApi, customer, OTP);
    await expectRightAnswerResets(account, testApi, customer, OTP);
  });

  test('locks the OTP at the 10th wrong code', async ({ customer, fastPath, testApi }) => {
    await labelTest({ feature: FEATURES.account, story: 'OTP: lock at the limit', severity: 'critical' });
    await verifies('REQ-2.4-otp-limit', 'REQ-2.4-lock-message', 'REQ-2.4-limits-across-flows');
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    await answerWronglyTimes(account, customer, OTP, LIMIT - 1);

    await expectLockedByOneMoreWrongAnswer(account, testApi, customer, OTP);
    // Locked for good: even the right code in a new flow is never asked for.
    await expectLockedInNewFlow(fastPath, testApi, customer, 'otp');
  });
});
