import { makeCertificatePin } from '../../fixtures/data/index.ts';
import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { koreaDate, offsetTo } from './koreaDates.ts';
import { expectOneActiveKbCertificate } from './registry.ts';

// Spec §4 and §8: a new certificate expires on the same Korea month and day three years later
// (29 Feb → 28 Feb), and screens show Korea dates whatever the instant's UTC date. The customer's
// test clock (spec §9) puts "now" on the awkward day; the flow starts at 비밀번호 설정 by the fast path.
// Expected dates are written out, not computed, so they cannot share a bug with the bank or koreaDates.ts.
const CASES = [
  {
    title: 'a 29 Feb issue expires on 28 Feb three years later',
    story: 'Issued on a leap day',
    issuedAt: '2028-02-29T12:00:00+09:00',
    issuedOn: '2028.02.29',
    expiresOn: '2031.02.28',
    requirements: ['REQ-4-leap-day', 'REQ-4-validity-3y'],
  },
  {
    title: 'an issue before 09:00 Korea time shows the Korea dates, not the UTC day before',
    story: 'Issued before 09:00 Korea time',
    issuedAt: '2027-03-10T07:30:00+09:00',
    issuedOn: '2027.03.10',
    expiresOn: '2030.03.10',
    requirements: ['REQ-8-korea-time', 'REQ-4-validity-3y'],
  },
  {
    // Both at once: the UTC date is 28 Feb, so a UTC-day bug and a leap-day bug each show.
    title: 'a 29 Feb issue before 09:00 Korea time keeps 29 Feb and expires on 28 Feb',
    story: 'Issued on a leap day before 09:00 Korea time',
    issuedAt: '2028-02-29T07:30:00+09:00',
    issuedOn: '2028.02.29',
    expiresOn: '2031.02.28',
    requirements: ['REQ-4-leap-day', 'REQ-8-korea-time'],
  },
] as const;

test.describe('Validity dates of a new certificate', { tag: ['@issue'] }, () => {
  for (const { title, story, issuedAt, issuedOn, expiresOn, requirements } of CASES) {
    test(title, async ({ makeCustomer, fastPath, issuanceFlow, testApi }) => {
      await labelTest({ feature: FEATURES.registry, story, severity: 'critical' });
      await verifies(...requirements, 'REQ-9-test-clock');
      const customer = await makeCustomer();
      // The test runs for seconds, the chosen instants are hours from a date change.
      await testApi.setClock(customer.userId, offsetTo(issuedAt));

      await fastPath.startAt(customer, 'password');
      const completion = await issuanceFlow.setPassword(makeCertificatePin());

      await expect(completion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
      await expect(completion.value('유효기간')).toHaveText(`${issuedOn} ~ ${expiresOn}`);
      const { active } = await expectOneActiveKbCertificate(testApi, customer);
      expect(koreaDate(active.issuedAt), 'registry: issue date in Korea time').toBe(issuedOn);
      expect(koreaDate(active.expiresAt), 'registry: expiry date in Korea time').toBe(expiresOn);
    });
  }
});
