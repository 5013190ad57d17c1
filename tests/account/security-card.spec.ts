import { expect, FEATURES, labelTest, test, type Customer, verifies } from '../../fixtures/index.ts';
import type { AccountPage } from '../../pages/AccountPage.ts';
import { CustomerDetailsPage } from '../../pages/CustomerDetailsPage.ts';
import { holdRequests, pageScriptsStarted } from '../identity/helpers.ts';
import {
  answerWronglyTimes,
  expectLockedByOneMoreWrongAnswer,
  expectNotLockedAtLimitMinusOne,
  expectLockAlert,
  expectOnCustomerDetails,
  expectRegistryClean,
  expectRegistryTries,
  expectRightAnswerResets,
  expectWrongTryAlert,
  LIMITS,
  openSecurityCardOrOtp,
  SECURITY_CARD,
  submitOwnAccount,
} from './support.ts';

// 계좌/보안매체 인증 with a 보안카드 (spec §2.4): two asked halves, 5 wrong tries lock the card.
const LIMIT = LIMITS.securityCard;
const POSITION_LABEL = /^\[(\d{2})\]번 (앞|뒤) 2자리$/;

/** Reaches the lock through the UI: 5 wrong answers in this flow. */
async function lockCard(account: AccountPage, customer: Customer) {
  await openSecurityCardOrOtp(account, customer);
  await answerWronglyTimes(account, customer, SECURITY_CARD, LIMIT - 1);
  await SECURITY_CARD.answerWrongly(account, customer);
  await expectLockAlert(account.alert);
}

test.describe('보안카드', { tag: '@security-card' }, () => {
  test('passes with the two asked halves of the seeded card and moves on to 고객정보 확인', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '보안카드: right answer', severity: 'critical' });
    await verifies('REQ-2.4-security-card-positions', 'REQ-2.4-medium-screen');
    const customer = await makeCustomer({ media: ['securityCard'] });
    const account = await fastPath.startAt(customer, 'account');
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');

    await openSecurityCardOrOtp(account, customer);
    // The card screen asks two different positions, NN for the front half and MM for the back half.
    await expect(account.securityCard.frontField).toBeVisible();
    await expect(account.securityCard.backField).toBeVisible();
    const asked = await account.securityCard.positions();
    expect(asked.front).not.toBe(asked.back);
    for (const position of [asked.front, asked.back]) {
      expect(position).toBeGreaterThanOrEqual(1);
      expect(position).toBeLessThanOrEqual(35);
    }
    await expect(account.otpField).toHaveCount(0);

    await SECURITY_CARD.answerRightly(account, customer);

    const details = await expectOnCustomerDetails(account, customer);
    await expect(details.addressField).toHaveValue(customer.address);
    await expectRegistryClean(testApi, customer.userId);
  });

  test('counts one wrong answer, empties the fields and asks again', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '보안카드: wrong answer', severity: 'normal' });
    await verifies('REQ-2.4-wrong-try-alert', 'REQ-2.4-security-card-positions');
    const customer = await makeCustomer({ media: ['securityCard'] });
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);

    await SECURITY_CARD.answerWrongly(account, customer);

    await expectWrongTryAlert(account.alert, 1, LIMIT);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    // The same screen again, with two (possibly new) positions and nothing typed.
    await expect(account.securityCard.frontField).toHaveAccessibleName(POSITION_LABEL);
    await expect(account.securityCard.backField).toHaveAccessibleName(POSITION_LABEL);
    await expect(account.securityCard.frontField).toHaveValue('');
    await expect(account.securityCard.backField).toHaveValue('');
    const asked = await account.securityCard.positions();
    expect(asked.front).not.toBe(asked.back);
    await expectRegistryTries(testApi, customer.userId, 'securityCard', { count: 1, locked: false });
  });

  test('keeps what the customer types while the page script is still loading (a slow network)', async ({
    page,
    makeCustomer,
    fastPath,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '보안카드: slow network', severity: 'normal' });
    const customer = await makeCustomer({ media: ['securityCard'] });
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    // Beyond the spec: the screen has a script of its own (any script the page loads is held).
    const scripts = await holdRequests(page, (request) => request.resourceType() === 'script');
    await SECURITY_CARD.answerWrongly(account, customer);
    await expectWrongTryAlert(account.alert, 1, LIMIT);

    // The customer types before the script has arrived, and goes on typing once it has run.
    const { frontField, backField } = account.securityCard;
    await frontField.fill('12');
    await backField.click();
    await page.keyboard.type('3');
    await (await scripts.next()).continue();
    await pageScriptsStarted(page);
    await page.keyboard.type('4');

    await expect(frontField).toHaveValue('12');
    await expect(backField).toHaveValue('34');
  });

  test('resets the wrong-answer counter to 0 on a right answer', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '보안카드: counter reset', severity: 'normal' });
    await verifies('REQ-2.4-right-answer-resets');
    const customer = await makeCustomer({ media: ['securityCard'] });
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    await answerWronglyTimes(account, customer, SECURITY_CARD, 2);
    await expectRegistryTries(testApi, customer.userId, 'securityCard', { count: 2, locked: false });

    await SECURITY_CARD.answerRightly(account, customer);

    await expect(new CustomerDetailsPage(account.page).ownHeading).toBeVisible();
    await expectRegistryTries(testApi, customer.userId, 'securityCard', { count: 0, locked: false });
  });

  test('is not locked after 4 wrong answers: the 5th try is still judged', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '보안카드: limit − 1', severity: 'critical' });
    await verifies('REQ-2.4-security-card-limit', 'REQ-2.4-right-answer-resets');
    const customer = await makeCustomer({ media: ['securityCard'] });
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);

    await expectNotLockedAtLimitMinusOne(account, testApi, customer, SECURITY_CARD);
    // The 5th try is taken: the right answer passes.
    await expectRightAnswerResets(account, testApi, customer, SECURITY_CARD);
  });

  test('locks the 보안카드 at the 5th wrong answer', async ({ makeCustomer, fastPath, testApi }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '보안카드: lock at the limit',
      severity: 'critical',
    });
    await verifies('REQ-2.4-security-card-limit', 'REQ-2.4-lock-message');
    const customer = await makeCustomer({ media: ['securityCard'] });
    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    await answerWronglyTimes(account, customer, SECURITY_CARD, LIMIT - 1);

    await expectLockedByOneMoreWrongAnswer(account, testApi, customer, SECURITY_CARD);
  });

  test('counts wrong answers per customer across flows: 4 in one flow and 1 in the next lock the card', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '보안카드: count across flows',
      severity: 'critical',
    });
    await verifies('REQ-2.4-limits-across-flows', 'REQ-2.4-security-card-limit');
    const customer = await makeCustomer({ media: ['securityCard'] });
    const first = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(first, customer);
    await answerWronglyTimes(first, customer, SECURITY_CARD, LIMIT - 1);
    await expectRegistryTries(testApi, customer.userId, 'securityCard', { count: LIMIT - 1, locked: false });

    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    await expectLockedByOneMoreWrongAnswer(account, testApi, customer, SECURITY_CARD);
  });

  test('keeps the lock in a new flow: 보안카드/OTP로 인증하기 is refused and counts no error', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '보안카드: lock across flows',
      severity: 'critical',
    });
    await verifies('REQ-2.4-limits-across-flows', 'REQ-2.4-medium-not-held');
    const customer = await makeCustomer({ media: ['securityCard'] });
    await lockCard(await fastPath.startAt(customer, 'account'), customer);
    await expectRegistryTries(testApi, customer.userId, 'securityCard', { count: LIMIT, locked: true });

    const account = await fastPath.startAt(customer, 'account');
    await expect(account.alert.root).toHaveCount(0);
    await submitOwnAccount(account, customer, '보안카드/OTP');

    await expectLockAlert(account.alert);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expectRegistryTries(testApi, customer.userId, 'securityCard', { count: LIMIT, locked: true });
    await expect(account.securityCard.frontField).toHaveCount(0);
    await expect(account.confirmButton).toHaveCount(0);
    await expectRegistryTries(testApi, customer.userId, 'accountPassword', { count: 0, locked: false });
  });

  test('is unlocked by the test-support reset: a new flow passes with the card again', async ({
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '보안카드: reset-locks', severity: 'normal' });
    await verifies('REQ-9-reset-locks');
    const customer = await makeCustomer({ media: ['securityCard'] });
    await lockCard(await fastPath.startAt(customer, 'account'), customer);
    await expectRegistryTries(testApi, customer.userId, 'securityCard', { count: LIMIT, locked: true });

    await testApi.resetLocks(customer.userId);
    await expectRegistryClean(testApi, customer.userId);

    const account = await fastPath.startAt(customer, 'account');
    await openSecurityCardOrOtp(account, customer);
    await SECURITY_CARD.answerRightly(account, customer);
    await expect(new CustomerDetailsPage(account.page).ownHeading).toBeVisible();
    await expectRegistryClean(testApi, customer.userId);
  });
});
