import { MOBILE_PREFIXES, RRN_SHAPE_NAMES } from '../../fixtures/data/index.ts';
import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { IdentityPage } from '../../pages/index.ts';
import { callStates } from '../identity/helpers.ts';
import { agreeAndGoOn, startByLink } from '../negative/support.ts';

// Spec §8: a format requirement is verified with each of its shapes, not only the common one. (The
// account number's two forms: account/account-check.spec.ts.) Each customer here holds one shape;
// everything else about them is the usual generated data.
test.describe('Every shape of the data formats', { tag: ['@issue'] }, () => {
  for (const rrnShape of RRN_SHAPE_NAMES) {
    test(`takes a ${rrnShape} 주민등록번호 at 사용자 정보 입력`, async ({
      page,
      door,
      flowMap,
      makeCustomer,
    }) => {
      await labelTest({ feature: FEATURES.userInfo, story: `주민등록번호: ${rrnShape}`, severity: 'normal' });
      await verifies('REQ-8-rrn-shapes');
      const customer = await makeCustomer({ rrnShape });
      const userInfo = await agreeAndGoOn(await startByLink(page, flowMap, door));

      await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
      await userInfo.next();

      const identity = new IdentityPage(page);
      await expect(identity.stepper.current).toHaveText('본인인증');
      await expect(identity.alert.root).toHaveCount(0);
    });
  }

  for (const mobilePrefix of MOBILE_PREFIXES) {
    test(`calls a ${mobilePrefix} phone for ARS, showing only its last four digits`, async ({
      fastPath,
      makeCustomer,
      phoneOf,
      testApi,
    }) => {
      await labelTest({
        feature: FEATURES.identity,
        story: `휴대폰번호: ${mobilePrefix}`,
        severity: 'normal',
      });
      await verifies('REQ-8-mobile-prefixes', 'REQ-2.3-ars-masked-phone');
      const customer = await makeCustomer({ mobilePrefix });
      const [prefix, , last4] = customer.phone.split('-');
      expect(prefix).toBe(mobilePrefix);
      const identity = await fastPath.startAt(customer, 'identity');

      const code = await identity.requestArsCall();
      await expect(identity.maskedPhone).toHaveText(`${mobilePrefix}-****-${last4}`);
      await phoneOf(customer).answerCall(code);

      await expect(identity.stepper.current).toHaveText('계좌/보안매체 인증');
      expect(await callStates(testApi, customer.phone)).toEqual(['confirmed']);
    });
  }
});
