import { expect, FEATURES, labelTest, test, type CustomerOptions, verifies } from '../../fixtures/index.ts';
import { AccountPage } from '../../pages/index.ts';
import { callStates } from './helpers.ts';

// 본인인증 by 해외출국 확인 (spec §2.3): passes only with an open departure record (departed, not returned).
test.describe('본인인증 by 해외출국 확인', { tag: '@overseas' }, () => {
  test('passes a customer with an open departure record straight to 계좌/보안매체 인증', async ({
    page,
    makeCustomer,
    fastPath,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.identity, story: '해외출국 확인: departed', severity: 'critical' });
    await verifies('REQ-2.3-overseas-pass');
    const traveller = await makeCustomer({ abroad: 'departed' });
    const identity = await fastPath.startAt(traveller, 'identity');

    await identity.chooseOverseas();
    await identity.request();

    const account = new AccountPage(page);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(account.accountField).toBeVisible();
    await expect(account.alert.root).toHaveCount(0);
    // No call was needed: the phone never rang.
    expect(await callStates(testApi, traveller.phone)).toEqual([]);
  });

  const refused: { who: string; abroad: CustomerOptions['abroad'] }[] = [
    { who: 'who has come back', abroad: 'returned' },
    { who: 'with no departure record', abroad: null },
  ];
  for (const { who, abroad } of refused) {
    test(
      `refuses a customer ${who} and leaves 전화인증(ARS) usable`,
      { tag: ['@negative', '@ars'] },
      async ({ page, makeCustomer, fastPath, phoneOf, testApi }) => {
        await labelTest({
          feature: FEATURES.identity,
          story: `해외출국 확인: ${abroad ?? 'no record'}`,
          severity: 'normal',
        });
        await verifies('REQ-2.3-overseas-refused');
        const customer = await makeCustomer({ abroad });
        const identity = await fastPath.startAt(customer, 'identity');

        await identity.chooseOverseas();
        await identity.request();

        await expect(identity.alert.root).toHaveText('출국 기록이 확인되지 않습니다.');
        await expect(identity.stepper.current).toHaveText('본인인증');
        await expect(identity.arsOption).toBeEnabled();
        expect(await callStates(testApi, customer.phone)).toEqual([]);

        // ARS still works on the same screen.
        await identity.chooseArs();
        await identity.request();
        await phoneOf(customer).answerCall(await identity.arsCode());
        await expect(new AccountPage(page).stepper.current).toHaveText('계좌/보안매체 인증');
        expect(await callStates(testApi, customer.phone)).toEqual(['confirmed']);
      },
    );
  }
});
