import {
  expect,
  FEATURES,
  labelTest,
  test,
  type Customer,
  type TestApi,
  verifies,
} from '../../fixtures/index.ts';
import type { RenewalPage } from '../../pages/RenewalPage.ts';
import {
  daysAfter,
  formatDay,
  koreaDate,
  koreaDay,
  koreaEarlyMorning,
  offsetTo,
  plusDays,
  plusYears,
} from '../issue/koreaDates.ts';
import { expectOneActiveKbCertificate } from '../issue/registry.ts';
import { seededPin, submitRenewalIdentity } from './renewalSteps.ts';

// Spec §7: the window (30 days before expiry until expiry) is checked at the identity step, before
// any PIN. The boundaries are placed with the customer's test clock (spec §9) 5 minutes either side,
// so the seconds a slow run takes cannot carry "now" across them: minute precision, not seconds.

const TOO_EARLY = '가입자 갱신 등록은 30일 전부터 허용됩니다.';
const EXPIRED = '유효기간이 지난 인증서는 갱신할 수 없습니다. 새로 발급해 주세요.';
const NONE = '갱신할 금융인증서가 없습니다.';
const MARGIN_MS = 5 * 60_000;

/** Still at the identity step, no PIN asked, and nothing changed in the registry. */
async function expectNoPinStep(renewal: RenewalPage, testApi: TestApi, customer: Customer, before: unknown) {
  await expect(renewal.userIdField).toBeVisible();
  await expect(renewal.pinField).toHaveCount(0);
  expect(await testApi.certificates(customer.rrn)).toEqual(before);
}

test.describe('Renewal window', { tag: ['@renewal'] }, () => {
  test(
    'refuses renewal 31 days before expiry, before asking for the PIN',
    { tag: ['@negative'] },
    async ({ page, makeCustomer, testApi }) => {
      await labelTest({ feature: FEATURES.renewal, story: 'Too early', severity: 'critical' });
      await verifies('REQ-7-too-early', 'REQ-4-renewal-window');
      const customer = await makeCustomer({ certificate: { expiresAt: daysAfter(Date.now(), 31) } });
      const before = await testApi.certificates(customer.rrn);

      const renewal = await submitRenewalIdentity(page, customer);

      await expect(renewal.alert.root).toHaveText(TOO_EARLY);
      await expectNoPinStep(renewal, testApi, customer, before);
    },
  );

  test(
    'refuses renewal 5 minutes before the window opens (30 days before expiry, minute precision)',
    { tag: ['@negative'] },
    async ({ page, makeCustomer, testApi }) => {
      await labelTest({
        feature: FEATURES.renewal,
        story: 'Window boundary: 30 days before expiry',
        severity: 'normal',
      });
      await verifies('REQ-4-renewal-window', 'REQ-7-too-early', 'REQ-9-test-clock');
      const expiresAt = koreaEarlyMorning(100);
      const customer = await makeCustomer({ certificate: { expiresAt } });
      await testApi.setClock(customer.userId, offsetTo(Date.parse(daysAfter(expiresAt, -30)) - MARGIN_MS));
      const before = await testApi.certificates(customer.rrn);

      const renewal = await submitRenewalIdentity(page, customer);

      await expect(renewal.alert.root).toHaveText(TOO_EARLY);
      await expectNoPinStep(renewal, testApi, customer, before);
    },
  );

  test('renews from exactly 30 days before expiry (now 5 minutes inside the window, minute precision)', async ({
    page,
    makeCustomer,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.renewal,
      story: 'Window boundary: 30 days before expiry',
      severity: 'critical',
    });
    await verifies('REQ-4-renewal-window', 'REQ-4-renewal-expiry', 'REQ-9-test-clock');
    const expiresAt = koreaEarlyMorning(100);
    const customer = await makeCustomer({ certificate: { expiresAt } });
    const customerNow = Date.parse(daysAfter(expiresAt, -30)) + MARGIN_MS;
    await testApi.setClock(customer.userId, offsetTo(customerNow));

    const renewal = await submitRenewalIdentity(page, customer);
    await expect(renewal.alert.root).toHaveCount(0);
    await expect(renewal.pinField).toBeVisible();
    await renewal.enterPin(seededPin(customer));
    await renewal.renew();

    await expect(renewal.doneHeading).toBeVisible();
    const expectedExpiry = formatDay(plusYears(plusDays(koreaDay(expiresAt), 1), 3));
    // Issued "today" on the customer's clock: 30 days before the old expiry.
    await expect(renewal.value('유효기간')).toHaveText(`${koreaDate(customerNow)} ~ ${expectedExpiry}`);
    const { active } = await expectOneActiveKbCertificate(testApi, customer);
    expect(koreaDate(active.expiresAt)).toBe(expectedExpiry);
  });

  test('still asks for the PIN 5 minutes before expiry (minute precision)', async ({
    page,
    makeCustomer,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.renewal, story: 'Window boundary: expiry', severity: 'normal' });
    await verifies('REQ-4-renewal-window');
    const expiresAt = koreaEarlyMorning(100);
    const customer = await makeCustomer({ certificate: { expiresAt } });
    await testApi.setClock(customer.userId, offsetTo(Date.parse(expiresAt) - MARGIN_MS));

    const renewal = await submitRenewalIdentity(page, customer);

    await expect(renewal.alert.root).toHaveCount(0);
    await expect(renewal.pinField).toBeVisible();
    await expect(renewal.renewButton).toBeVisible();
  });

  test(
    'refuses renewal 5 minutes after expiry and says to issue a new one (minute precision)',
    { tag: ['@negative'] },
    async ({ page, makeCustomer, testApi }) => {
      await labelTest({ feature: FEATURES.renewal, story: 'Expired certificate', severity: 'critical' });
      await verifies('REQ-7-expired', 'REQ-4-expired-not-active');
      const expiresAt = koreaEarlyMorning(100);
      const customer = await makeCustomer({ certificate: { expiresAt } });
      await testApi.setClock(customer.userId, offsetTo(Date.parse(expiresAt) + MARGIN_MS));
      const before = await testApi.certificates(customer.rrn);
      expect(before).toMatchObject([{ status: 'expired' }]);

      const renewal = await submitRenewalIdentity(page, customer);

      await expect(renewal.alert.root).toHaveText(EXPIRED);
      await expectNoPinStep(renewal, testApi, customer, before);
    },
  );

  test(
    'refuses renewal to a customer without a certificate',
    { tag: ['@negative'] },
    async ({ page, makeCustomer, testApi }) => {
      await labelTest({ feature: FEATURES.renewal, story: 'No certificate', severity: 'normal' });
      await verifies('REQ-7-no-certificate');
      const customer = await makeCustomer();

      const renewal = await submitRenewalIdentity(page, customer);

      await expect(renewal.alert.root).toHaveText(NONE);
      await expectNoPinStep(renewal, testApi, customer, []);
    },
  );
});
