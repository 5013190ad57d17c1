import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import {
  answerWronglyTimes,
  expectLockedByOneMoreWrongAnswer,
  expectNotLockedAtLimitMinusOne,
  expectOnCustomerDetails,
  expectRegistryClean,
  expectRegistryTries,
  expectRightAnswerResets,
  expectWrongTryAlert,
  KB_MOBILE_CERT,
  LIMITS,
  openKbMobileCert,
} from './support.ts';

// 계좌/보안매체 인증 with KB모바일인증서 (spec §2.4): a 6-digit PIN, holders need no other medium, 5 wrong lock.
const LIMIT = LIMITS.kbMobileCert;

test.describe('KB모바일인증서', { tag: '@kb-mobile-cert' }, () => {
  test('lets a holder of no other medium pass with the PIN and move on to 고객정보 확인', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: 'KB모바일인증서: right PIN', severity: 'critical' });
    await verifies('REQ-2.4-kb-mobile-cert', 'REQ-2.4-medium-screen');
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await expect(account.kbMobileCertButton).toBeVisible();

    await openKbMobileCert(account, customer);
    await expect(account.kbMobileCertButton).toHaveCount(0);
    await expect(account.securityCardOrOtpButton).toHaveCount(0);
    await KB_MOBILE_CERT.answerRightly(account, customer);

    await expectOnCustomerDetails(account, customer);
    await expectRegistryClean(testApi, customer.userId);
  });

  test('counts one wrong PIN and empties the field', async ({ makeCustomer, fastPath, testApi }) => {
    await labelTest({ feature: FEATURES.account, story: 'KB모바일인증서: wrong PIN', severity: 'normal' });
    await verifies('REQ-2.4-wrong-try-alert');
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await openKbMobileCert(account, customer);

    await KB_MOBILE_CERT.answerWrongly(account, customer);

    await expectWrongTryAlert(account.alert, 1, LIMIT);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(account.kbMobileCertPinField).toBeVisible();
    await expect(account.kbMobileCertPinField).toHaveValue('');
    await expectRegistryTries(testApi, customer.userId, 'kbMobileCert', { count: 1, locked: false });
  });

  test('is not locked after 4 wrong PINs: the 5th try is still judged and a right PIN resets the count', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: 'KB모바일인증서: limit − 1', severity: 'critical' });
    await verifies('REQ-2.4-kb-mobile-cert-limit', 'REQ-2.4-right-answer-resets');
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await openKbMobileCert(account, customer);

    await expectNotLockedAtLimitMinusOne(account, testApi, customer, KB_MOBILE_CERT);
    await expectRightAnswerResets(account, testApi, customer, KB_MOBILE_CERT);
  });

  test('locks the KB모바일인증서 at the 5th wrong PIN', async ({ makeCustomer, fastPath, testApi }) => {
    await labelTest({
      feature: FEATURES.account,
      story: 'KB모바일인증서: lock at the limit',
      severity: 'critical',
    });
    await verifies('REQ-2.4-kb-mobile-cert-limit', 'REQ-2.4-lock-message');
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await openKbMobileCert(account, customer);
    await answerWronglyTimes(account, customer, KB_MOBILE_CERT, LIMIT - 1);

    await expectLockedByOneMoreWrongAnswer(account, testApi, customer, KB_MOBILE_CERT);
  });
});
