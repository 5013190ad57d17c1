import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { daysAfter } from '../issue/koreaDates.ts';
import { submitRenewalIdentity } from './renewalSteps.ts';

// Spec §7: the renewal's identity step refuses a user ID / 주민등록번호 pair that does not match, before
// any PIN and whatever the window.
test.describe('Renewal identity', { tag: ['@renewal', '@negative'] }, () => {
  test("refuses another person's 주민등록번호 with the mismatch alert, asking no PIN", async ({
    page,
    makeCustomer,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.renewal, story: 'Identity mismatch', severity: 'critical' });
    await verifies('REQ-7-identity-mismatch');
    const customer = await makeCustomer({ certificate: { expiresAt: daysAfter(Date.now(), 10) } });
    const other = await makeCustomer();
    const before = await testApi.certificates(customer.rrn);

    const renewal = await submitRenewalIdentity(page, { ...customer, rrn: other.rrn });

    await expect(renewal.alert.root).toHaveText('입력하신 정보가 일치하지 않습니다.');
    await expect(renewal.userIdField).toHaveValue(customer.userId);
    await expect(renewal.pinField).toHaveCount(0);
    expect(await testApi.certificates(customer.rrn)).toEqual(before);
  });
});
