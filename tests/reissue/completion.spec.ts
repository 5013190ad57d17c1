import { makeCertificatePin } from '../../fixtures/data/index.ts';
import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import {
  daysAfter,
  formatDay,
  koreaDate,
  koreaDay,
  koreaEarlyMorning,
  plusYears,
  validity,
} from '../issue/koreaDates.ts';
import { expectOneActiveKbCertificate, issuedSms, onlyCertificate, receivedSms } from '../issue/registry.ts';

// Spec §2 Completion and §4: completing a reissue revokes the old certificate everywhere (any bank),
// keeps its expiry and gives a new serial. The flow starts at 비밀번호 설정 by the fast path: the
// dialog that makes a flow a reissue is covered in existing-certificate.spec.ts.
test.describe('Reissue completion', { tag: ['@reissue'] }, () => {
  test('reissues at KB국민은행: new serial, old one revoked, expiry kept', async ({
    makeCustomer,
    fastPath,
    issuanceFlow,
    phoneOf,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.registry,
      story: 'Reissue of a KB certificate',
      severity: 'critical',
    });
    await verifies(
      'REQ-4-reissue-keeps-expiry',
      'REQ-4-one-active',
      'REQ-2-reissue-completion',
      'REQ-2-completion-sms',
      'REQ-8-korea-time',
    );
    // An expiry at 01:00 Korea time: its Korea date is a day after its UTC date.
    const customer = await makeCustomer({ certificate: { expiresAt: koreaEarlyMorning(500) } });
    const old = await onlyCertificate(testApi, customer);
    const dayBefore = koreaDate(Date.now());

    const password = await fastPath.startAt(customer, 'password', { reissue: true });
    await expect(password.heading).toHaveText('금융인증서 재발급');
    const pin = makeCertificatePin();
    const completion = await issuanceFlow.setPassword(pin);

    await expect(completion.heading).toHaveText('금융인증서 재발급이 완료되었습니다');
    const { active, others } = await expectOneActiveKbCertificate(testApi, customer);
    expect(active.serial).not.toBe(old.serial);
    expect(active.expiresAt, 'a reissue keeps the old expiry').toBe(old.expiresAt);
    expect([dayBefore, koreaDate(Date.now())]).toContain(koreaDate(active.issuedAt));
    expect(others).toEqual([{ ...old, status: 'revoked' }]);
    expect((await testApi.getCustomer(customer.userId)).certificate).toMatchObject({
      serial: active.serial,
      pin,
    });

    await expect(completion.value('일련번호')).toHaveText(active.serial);
    await expect(completion.value('소유자')).toHaveText(customer.name);
    await expect(completion.value('유효기간')).toHaveText(
      `${koreaDate(active.issuedAt)} ~ ${koreaDate(old.expiresAt)}`,
    );
    expect(await receivedSms(phoneOf(customer))).toEqual([issuedSms(customer.name)]);
  });

  test("revokes another bank's certificate everywhere when the reissue completes", async ({
    makeCustomer,
    fastPath,
    issuanceFlow,
    phoneOf,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.registry,
      story: "Reissue over another bank's certificate",
      severity: 'critical',
    });
    await verifies('REQ-4-one-active', 'REQ-2-reissue-completion');
    const customer = await makeCustomer({ certificate: { bank: '신한은행' } });
    const old = await onlyCertificate(testApi, customer);

    await fastPath.startAt(customer, 'password', { reissue: true });
    const completion = await issuanceFlow.setPassword(makeCertificatePin());

    await expect(completion.heading).toHaveText('금융인증서 재발급이 완료되었습니다');
    const { active, others } = await expectOneActiveKbCertificate(testApi, customer);
    expect(active.serial).not.toBe(old.serial);
    expect(others, 'the 신한은행 certificate is revoked').toEqual([{ ...old, status: 'revoked' }]);
    await expect(completion.value('일련번호')).toHaveText(active.serial);
    expect(await receivedSms(phoneOf(customer))).toEqual([issuedSms(customer.name)]);
  });

  test('issues a fresh 3-year certificate over an expired one', async ({
    makeCustomer,
    fastPath,
    issuanceFlow,
    phoneOf,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.registry,
      story: 'Expired certificate: new issue',
      severity: 'critical',
    });
    await verifies('REQ-4-expired-not-active', 'REQ-4-validity-3y');
    const customer = await makeCustomer({ certificate: { expiresAt: daysAfter(Date.now(), -2) } });
    const old = await onlyCertificate(testApi, customer);
    const dayBefore = koreaDate(Date.now());

    const password = await fastPath.startAt(customer, 'password');
    await expect(password.heading).toHaveText('금융인증서 발급');
    const completion = await issuanceFlow.setPassword(makeCertificatePin());

    await expect(completion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
    const { active, others } = await expectOneActiveKbCertificate(testApi, customer);
    const issuedOn = koreaDay(active.issuedAt);
    expect([dayBefore, koreaDate(Date.now())]).toContain(formatDay(issuedOn));
    expect(koreaDate(active.expiresAt), 'a new issue lasts 3 years').toBe(formatDay(plusYears(issuedOn, 3)));
    expect(others).toEqual([{ ...old, status: 'expired' }]);
    await expect(completion.value('유효기간')).toHaveText(validity(issuedOn, plusYears(issuedOn, 3)));
    await expect(completion.value('일련번호')).toHaveText(active.serial);
    expect(await receivedSms(phoneOf(customer))).toEqual([issuedSms(customer.name)]);
  });
});
