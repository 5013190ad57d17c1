import { expect, FEATURES, labelTest, test, type Customer } from '../../fixtures/index.ts';
import type { AccountPage } from '../../pages/AccountPage.ts';
import { CustomerDetailsPage } from '../../pages/CustomerDetailsPage.ts';
import {
  expectLockAlert,
  expectRegistryClean,
  expectRegistryTries,
  expectWrongTryAlert,
  LIMITS,
  makeWrongTries,
  openKbMobileCert,
  otherDigits,
} from './support.ts';

// 계좌/보안매체 인증 with KB모바일인증서 (spec §2.4): a 6-digit PIN, holders need no other medium, 5 wrong lock.
const LIMIT = LIMITS.kbMobileCert;

function pinOf(customer: Customer): string {
  const pin = customer.media?.kbMobileCert?.pin;
  if (!pin) throw new Error(`Customer ${customer.userId} holds no KB모바일인증서`);
  return pin;
}

async function enterWrongPins(account: AccountPage, customer: Customer, times: number) {
  await makeWrongTries(account, { times, limit: LIMIT, what: 'KB모바일인증서 PIN' }, async () => {
    await account.enterKbMobileCertPin(otherDigits(pinOf(customer)));
    await account.confirm();
  });
}

test.describe('KB모바일인증서', { tag: '@kb-mobile-cert' }, () => {
  test('lets a holder of no other medium pass with the PIN and move on to 고객정보 확인', async ({
    makeCustomer,
    fastPath,
    testApi,
    page,
  }) => {
    await labelTest({ feature: FEATURES.account, story: 'KB모바일인증서: right PIN', severity: 'critical' });
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await expect(account.kbMobileCertButton).toBeVisible();

    await openKbMobileCert(account, customer);
    await expect(account.kbMobileCertButton).toHaveCount(0);
    await expect(account.securityCardOrOtpButton).toHaveCount(0);
    await account.enterKbMobileCertPin(pinOf(customer));
    await account.confirm();

    const details = new CustomerDetailsPage(page);
    await expect(details.ownHeading).toBeVisible();
    await expect(details.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(details.emailField).toHaveValue(customer.email);
    await expectRegistryClean(testApi, customer.userId);
  });

  test('counts one wrong PIN and empties the field', async ({ makeCustomer, fastPath, testApi }) => {
    await labelTest({ feature: FEATURES.account, story: 'KB모바일인증서: wrong PIN', severity: 'normal' });
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await openKbMobileCert(account, customer);

    await account.enterKbMobileCertPin(otherDigits(pinOf(customer)));
    await account.confirm();

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
    page,
  }) => {
    await labelTest({ feature: FEATURES.account, story: 'KB모바일인증서: limit − 1', severity: 'critical' });
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await openKbMobileCert(account, customer);

    await enterWrongPins(account, customer, LIMIT - 1);

    await expectWrongTryAlert(account.alert, LIMIT - 1, LIMIT);
    await expect(account.alert.root).not.toContainText('오류 횟수를 초과');
    await expectRegistryTries(testApi, customer.userId, 'kbMobileCert', { count: LIMIT - 1, locked: false });
    await account.enterKbMobileCertPin(pinOf(customer));
    await account.confirm();
    await expect(new CustomerDetailsPage(page).ownHeading).toBeVisible();
    await expectRegistryTries(testApi, customer.userId, 'kbMobileCert', { count: 0, locked: false });
  });

  test('locks the KB모바일인증서 at the 5th wrong PIN', async ({ makeCustomer, fastPath, testApi }) => {
    await labelTest({
      feature: FEATURES.account,
      story: 'KB모바일인증서: lock at the limit',
      severity: 'critical',
    });
    const customer = await makeCustomer({ media: ['kbMobileCert'] });
    const account = await fastPath.startAt(customer, 'account');
    await openKbMobileCert(account, customer);
    await enterWrongPins(account, customer, LIMIT - 1);

    await account.enterKbMobileCertPin(otherDigits(pinOf(customer)));
    await account.confirm();

    await expectLockAlert(account.alert);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expectRegistryTries(testApi, customer.userId, 'kbMobileCert', { count: LIMIT, locked: true });
  });
});
