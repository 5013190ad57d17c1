import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import {
  formatDay,
  koreaDate,
  koreaDay,
  koreaEarlyMorning,
  plusDays,
  plusYears,
} from '../issue/koreaDates.ts';
import { expectOneActiveKbCertificate, onlyCertificate, receivedSms, renewedSms } from '../issue/registry.ts';
import { seededPin, submitRenewalIdentity } from './renewalSteps.ts';

// Spec §7 and §4: inside the window (30 days before expiry until expiry) the certificate PIN renews
// the certificate: a new serial, the old one revoked, new expiry = old expiry + 1 day + 3 years.
test.describe('Renewal', { tag: ['@renewal'] }, () => {
  test('renews a certificate expiring in 10 days: new serial, expiry + 1 day + 3 years, SMS', async ({
    page,
    makeCustomer,
    phoneOf,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.renewal, story: 'Renewal inside the window', severity: 'critical' });
    await verifies('REQ-7-renewed', 'REQ-4-renewal-expiry', 'REQ-1-certcenter-links', 'REQ-8-korea-time');
    // 01:00 in Korea: the Korea date is a day after the UTC date, so UTC arithmetic shows up.
    const customer = await makeCustomer({ certificate: { expiresAt: koreaEarlyMorning(10) } });
    const old = await onlyCertificate(testApi, customer);
    const dayBefore = koreaDate(Date.now());

    const renewal = await submitRenewalIdentity(page, customer, { via: 'certCenter' });
    await expect(renewal.pinField).toBeVisible();
    await renewal.enterPin(seededPin(customer));
    await renewal.renew();

    await expect(renewal.doneHeading).toBeVisible();
    const expectedExpiry = formatDay(plusYears(plusDays(koreaDay(old.expiresAt), 1), 3));
    const { active, others } = await expectOneActiveKbCertificate(testApi, customer);
    expect(active.serial).not.toBe(old.serial);
    expect(koreaDate(active.expiresAt), 'old expiry + 1 day + 3 years, Korea dates').toBe(expectedExpiry);
    expect([dayBefore, koreaDate(Date.now())]).toContain(koreaDate(active.issuedAt));
    expect(others).toEqual([{ ...old, status: 'revoked' }]);

    await expect(renewal.value('유효기간')).toHaveText(`${koreaDate(active.issuedAt)} ~ ${expectedExpiry}`);
    await expect(renewal.value('일련번호')).toHaveText(active.serial);
    await expect(renewal.value('소유자')).toHaveText(customer.name);
    expect(await receivedSms(phoneOf(customer))).toEqual([renewedSms(customer.name)]);
  });
});
