import {
  expect,
  FEATURES,
  labelTest,
  test,
  type Medium,
  type SuiteFixtures,
  type TestApi,
  verifies,
} from '../../fixtures/index.ts';
import { makeAccount } from '../../fixtures/data/index.ts';
import type { AccountPage } from '../../pages/AccountPage.ts';
import {
  accountOf,
  expectLockAlert,
  expectLockedInNewFlow,
  expectRegistryClean,
  expectRegistryTries,
  expectWrongTryAlert,
  LIMITS,
  makeWrongTries,
  otherDigits,
  submitOwnAccount,
  type MediumChoice,
} from './support.ts';

// 계좌/보안매체 인증, the account check before any medium (spec §2.4): account number with or without
// hyphens, 계좌비밀번호 mismatches counted per customer (3 lock), media the customer does not hold.
const LIMIT = LIMITS.accountPassword;

test.describe('계좌비밀번호', { tag: '@negative' }, () => {
  test('counts a wrong account password as one error and asks again', async ({
    customer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '계좌비밀번호: mismatch', severity: 'normal' });
    await verifies('REQ-2.4-account-password-mismatch', 'REQ-2.4-wrong-try-alert');
    const { number, password } = accountOf(customer);
    const account = await fastPath.startAt(customer, 'account');

    await account.enterAccount(number, otherDigits(password));
    await account.chooseSecurityCardOrOtp();

    await expectWrongTryAlert(account.alert, 1, LIMIT);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    // The account form again: the typed number kept, the password cleared, no medium asked.
    await expect(account.accountField).toHaveValue(number);
    await expect(account.accountPasswordField).toHaveValue('');
    await expect(account.securityCardOrOtpButton).toBeVisible();
    await expect(account.otpField).toHaveCount(0);
    await expectRegistryTries(testApi, customer.userId, 'accountPassword', { count: 1, locked: false });
    await expectRegistryTries(testApi, customer.userId, 'otp', { count: 0, locked: false });
  });

  test('is not locked after 2 wrong passwords: the 3rd try is still judged and a right one resets the count', async ({
    customer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.account, story: '계좌비밀번호: limit − 1', severity: 'critical' });
    await verifies('REQ-2.4-account-password-limit', 'REQ-2.4-right-answer-resets');
    const { number, password } = accountOf(customer);
    const account = await fastPath.startAt(customer, 'account');

    await makeWrongTries(account, { times: LIMIT - 1, limit: LIMIT, what: '계좌비밀번호' }, async () => {
      await account.enterAccount(number, otherDigits(password));
      await account.chooseSecurityCardOrOtp();
    });

    await expectWrongTryAlert(account.alert, LIMIT - 1, LIMIT);
    await expect(account.alert.root).not.toContainText('오류 횟수를 초과');
    await expectRegistryTries(testApi, customer.userId, 'accountPassword', {
      count: LIMIT - 1,
      locked: false,
    });
    await submitOwnAccount(account, customer, '보안카드/OTP');
    await expect(account.otpField).toBeVisible();
    await expect(account.alert.root).toHaveCount(0);
    await expectRegistryTries(testApi, customer.userId, 'accountPassword', { count: 0, locked: false });
  });

  test('locks the account password at the 3rd wrong password, right one included from then on', async ({
    customer,
    fastPath,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '계좌비밀번호: lock at the limit',
      severity: 'critical',
    });
    await verifies('REQ-2.4-account-password-limit', 'REQ-2.4-lock-message', 'REQ-2.4-limits-across-flows');
    const { number, password } = accountOf(customer);
    const account = await fastPath.startAt(customer, 'account');
    await makeWrongTries(account, { times: LIMIT - 1, limit: LIMIT, what: '계좌비밀번호' }, async () => {
      await account.enterAccount(number, otherDigits(password));
      await account.chooseSecurityCardOrOtp();
    });

    await account.enterAccount(number, otherDigits(password));
    await account.chooseSecurityCardOrOtp();

    await expectLockAlert(account.alert);
    await expect(account.otpField).toHaveCount(0);
    await expectRegistryTries(testApi, customer.userId, 'accountPassword', { count: LIMIT, locked: true });
    // Locked: the right password is refused as well, in a new flow too, and counts nothing more.
    await expectLockedInNewFlow(fastPath, testApi, customer, 'accountPassword');
  });

  test("treats another customer's account as a mismatch of this customer", async ({
    customer,
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '계좌비밀번호: not own account',
      severity: 'critical',
    });
    await verifies('REQ-2.4-account-password-mismatch');
    const other = await makeCustomer();
    const { number, password } = accountOf(other);
    const account = await fastPath.startAt(customer, 'account');

    // The other customer's number with its own right password.
    await account.enterAccount(number, password);
    await account.chooseSecurityCardOrOtp();

    await expectWrongTryAlert(account.alert, 1, LIMIT);
    await expect(account.otpField).toHaveCount(0);
    await expectRegistryTries(testApi, customer.userId, 'accountPassword', { count: 1, locked: false });
    await expectRegistryClean(testApi, other.userId);
  });
});

type ChoiceFixtures = Pick<SuiteFixtures, 'makeCustomer' | 'fastPath'> & { testApi: TestApi };

/** A customer holding only `holds` chooses `choice`, a medium they do not hold, with their right account. */
async function chooseMediumNotHeld(
  { makeCustomer, fastPath }: ChoiceFixtures,
  holds: Medium,
  choice: MediumChoice,
) {
  await labelTest({ feature: FEATURES.account, story: '인증수단: not held', severity: 'normal' });
  await verifies('REQ-2.4-medium-not-held');
  const customer = await makeCustomer({ media: [holds] });
  const account = await fastPath.startAt(customer, 'account');
  await submitOwnAccount(account, customer, choice);
  return { customer, account };
}

/** Stage 4 again with the medium choice and no medium's fields; nothing counted (spec §2.4). */
async function expectChoiceAgainUncounted(account: AccountPage, testApi: TestApi, userId: string) {
  await expect(account.alert.root).not.toContainText('오류');
  await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
  await expect(account.securityCardOrOtpButton).toBeVisible();
  await expect(account.kbMobileCertButton).toBeVisible();
  await expect(account.confirmButton).toHaveCount(0);
  await expectRegistryClean(testApi, userId);
}

test.describe('인증수단 선택', { tag: '@negative' }, () => {
  test(
    'refuses KB모바일인증서 to a customer holding only an OTP and counts no error',
    { tag: '@kb-mobile-cert' },
    async ({ makeCustomer, fastPath, testApi }) => {
      const { customer, account } = await chooseMediumNotHeld(
        { makeCustomer, fastPath, testApi },
        'otp',
        'KB모바일인증서',
      );
      await expect(account.alert.root).toBeVisible();
      await expectChoiceAgainUncounted(account, testApi, customer.userId);
    },
  );

  test(
    'refuses 보안카드/OTP to a customer holding only a KB모바일인증서 and counts no error',
    { tag: ['@security-card', '@otp'] },
    async ({ makeCustomer, fastPath, testApi }) => {
      const { customer, account } = await chooseMediumNotHeld(
        { makeCustomer, fastPath, testApi },
        'kbMobileCert',
        '보안카드/OTP',
      );
      await expect(account.alert.root).toBeVisible();
      await expectChoiceAgainUncounted(account, testApi, customer.userId);
    },
  );
});

const ACCOUNT_FORMS = [
  { how: 'with hyphens', typed: (number: string) => number },
  { how: 'without hyphens', typed: (number: string) => number.replace(/-/g, '') },
];
/** Each form of a KB account number (spec §8), as the customer's account. */
const ACCOUNT_SHAPES = [
  { shape: 'current', pattern: /^\d{6}-\d{2}-\d{6}$/ },
  { shape: 'legacy', pattern: /^\d{3}-\d{2}-\d{4}-\d{3}$/ },
] as const;

test.describe('출금계좌번호', () => {
  for (const { shape, pattern } of ACCOUNT_SHAPES) {
    for (const { how, typed } of ACCOUNT_FORMS) {
      test(`accepts the ${shape} account number typed ${how}`, async ({
        makeCustomer,
        fastPath,
        testApi,
      }) => {
        await labelTest({ feature: FEATURES.account, story: '출금계좌번호: format', severity: 'normal' });
        await verifies('REQ-2.4-account-hyphens', 'REQ-8-account-formats');
        const customer = await makeCustomer({ accounts: [makeAccount(shape)] });
        const { number, password } = accountOf(customer);
        expect(number).toMatch(pattern);
        const account = await fastPath.startAt(customer, 'account');

        await account.enterAccount(typed(number), password);
        await account.chooseSecurityCardOrOtp();

        // The account check passed: the medium's screen, no alert, nothing counted.
        await expect(account.otpField).toBeVisible();
        await expect(account.alert.root).toHaveCount(0);
        await expectRegistryClean(testApi, customer.userId);
      });
    }
  }
});
