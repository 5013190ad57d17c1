import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { daysAfter } from '../issue/koreaDates.ts';
import { seededPin, submitRenewalIdentity, wrongPin } from './renewalSteps.ts';

// Spec §7 and §4: a wrong certificate PIN at renewal counts (오류 n회/5회); the 5th locks the
// certificate (locked: true, still active), and only a reissue helps.
test.describe('Renewal PIN', { tag: ['@renewal', '@negative'] }, () => {
  test('counts a wrong PIN as 오류 1회/5회 and renews nothing', async ({ page, makeCustomer, testApi }) => {
    await labelTest({ feature: FEATURES.renewal, story: 'Wrong certificate PIN', severity: 'critical' });
    await verifies('REQ-7-wrong-pin');
    const customer = await makeCustomer({ certificate: { expiresAt: daysAfter(Date.now(), 10) } });
    const before = await testApi.certificates(customer.rrn);

    const renewal = await submitRenewalIdentity(page, customer);
    await renewal.enterPin(wrongPin(seededPin(customer)));
    await renewal.renew();

    await expect(renewal.alert.root).toHaveText('비밀번호가 일치하지 않습니다. (오류 1회/5회)');
    await expect(renewal.pinField).toBeVisible();
    await expect(renewal.pinField).toBeEmpty();
    await expect(renewal.doneHeading).toHaveCount(0);
    expect(await testApi.certificates(customer.rrn)).toEqual(before);
    expect(before).toMatchObject([{ status: 'active', locked: false }]);
  });

  test('locks the certificate at the 5th wrong PIN, not before; it stays active', async ({
    page,
    makeCustomer,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.renewal, story: 'Certificate PIN lock', severity: 'critical' });
    await verifies('REQ-4-pin-lock', 'REQ-7-wrong-pin');
    const customer = await makeCustomer({ certificate: { expiresAt: daysAfter(Date.now(), 10) } });
    const [seeded] = await testApi.certificates(customer.rrn);
    const wrong = wrongPin(seededPin(customer));

    const renewal = await submitRenewalIdentity(page, customer);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await renewal.enterPin(wrong);
      await renewal.renew();
      await expect(renewal.alert.root).toHaveText(`비밀번호가 일치하지 않습니다. (오류 ${attempt}회/5회)`);
    }
    expect(await testApi.certificates(customer.rrn), 'the limit minus one does not lock').toEqual([
      { ...seeded, locked: false },
    ]);

    await renewal.enterPin(wrong);
    await renewal.renew();

    await expect(renewal.alert.root).toContainText('오류 횟수를 초과');
    await expect(renewal.pinField).toHaveCount(0);
    await expect(renewal.doneHeading).toHaveCount(0);
    expect(await testApi.certificates(customer.rrn)).toEqual([{ ...seeded, status: 'active', locked: true }]);
    expect((await testApi.getCustomer(customer.userId)).certificate).toMatchObject({
      serial: seeded?.serial,
      status: 'active',
      locked: true,
    });
  });
});
