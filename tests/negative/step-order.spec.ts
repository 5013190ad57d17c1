import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import {
  AccountPage,
  CompletionPage,
  IdentityPage,
  PasswordPage,
  TermsPage,
  UserInfoPage,
} from '../../pages/index.ts';
import { agreeAndGoOn, issueWithPin, openByUrl, startByLink } from './support.ts';

/** Later steps than 약관동의, the next one included (an off-by-one guard would let it through). */
const AHEAD_OF_TERMS = ['userInfo', 'account', 'password', 'complete'] as const;

// The flow state (spec §2): the server holds each session's step; URLs cannot skip ahead, submitting
// an earlier step again resets progress, and after completion everything leads to the completion page.
test.describe('Flow state: the order of the steps', { tag: '@negative' }, () => {
  test('refuses every later step opened by URL from 약관동의, back at 약관동의 with an alert', async ({
    page,
    door,
    flowMap,
  }) => {
    await labelTest({ feature: FEATURES.terms, story: 'Skipping ahead by URL', severity: 'critical' });
    await verifies('REQ-2-step-order');
    const terms = await startByLink(page, flowMap, door);

    for (const screen of AHEAD_OF_TERMS) {
      await test.step(`${screen} is refused`, async () => {
        await openByUrl(page, flowMap, screen);
        await expect(page).toHaveURL(await flowMap.url('terms'));
        await expect(terms.stepper.current).toHaveText('약관동의');
        await expect(terms.alert.root).toBeVisible();
        await expect(terms.allTerms).toBeVisible();
      });
    }
    // The refusals moved nothing: the flow still goes on from 약관동의.
    const userInfo = await agreeAndGoOn(terms);
    await expect(userInfo.alert.root).toHaveCount(0);
  });

  for (const screen of ['userInfo', 'complete'] as const) {
    test(`starts a new flow at 약관동의, with an alert, when the ${screen} screen is opened without any flow`, async ({
      page,
      flowMap,
    }) => {
      await labelTest({ feature: FEATURES.terms, story: 'A step URL without a flow', severity: 'critical' });
      await verifies('REQ-2-no-flow-url');

      await openByUrl(page, flowMap, screen);

      const terms = new TermsPage(page);
      await expect(page).toHaveURL(await flowMap.url('terms'));
      await expect(terms.stepper.current).toHaveText('약관동의');
      await expect(terms.alert.root).toBeVisible();
      // A flow exists now: agreeing leads on to 사용자 정보 입력.
      await terms.agreeToAll();
      await terms.next();
      await expect(new UserInfoPage(page).stepper.current).toHaveText('사용자 정보 입력');
    });
  }

  test('keeps progress when 사용자 정보 입력 is only looked at, and makes 본인인증 due again once it is submitted', async ({
    page,
    fastPath,
    flowMap,
    customer,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.identity,
      story: 'Submitting an earlier step resets progress',
      severity: 'critical',
    });
    await verifies('REQ-2-resubmit-resets');
    // 본인인증 is done: the flow is at 계좌/보안매체 인증.
    await fastPath.startAt(customer, 'account');
    const userInfo = new UserInfoPage(page);
    const account = new AccountPage(page);

    await test.step('Looking back changes nothing', async () => {
      await openByUrl(page, flowMap, 'userInfo');
      await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
      await openByUrl(page, flowMap, 'account');
      await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
      await expect(account.accountField).toBeVisible();
      await expect(account.alert.root).toHaveCount(0);
    });

    await openByUrl(page, flowMap, 'userInfo');
    await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
    await userInfo.next();

    const identity = new IdentityPage(page);
    await expect(identity.stepper.current).toHaveText('본인인증');
    await expect(identity.arsOption).toBeVisible();

    await openByUrl(page, flowMap, 'account');
    await expect(page).toHaveURL(await flowMap.url('identity'));
    await expect(identity.stepper.current).toHaveText('본인인증');
    await expect(identity.alert.root).toBeVisible();
    await expect(account.accountField).toBeHidden();
    // Nothing was checked on the way back: no call rang, no counter moved.
    const state = await testApi.getCustomer(customer.userId);
    expect(Object.values(state.counters).filter((count) => count > 0)).toEqual([]);
    expect((await testApi.phone(customer.phone)).calls).toEqual([]);
  });

  test('shows the completion page for a step URL opened after completion', async ({
    page,
    fastPath,
    flowMap,
    customer,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.completion,
      story: 'Step URLs after completion',
      severity: 'critical',
    });
    await verifies('REQ-2-after-completion');
    const password = await fastPath.startAt(customer, 'password');
    const { completion, serial } = await issueWithPin(password, '246813');

    // An early, a middle and the last step before completion.
    for (const screen of ['terms', 'identity', 'password'] as const) {
      await test.step(`the ${screen} screen's URL shows the completion page`, async () => {
        await openByUrl(page, flowMap, screen);
        await expect(page).toHaveURL(await flowMap.url('complete'));
        await expect(completion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
        await expect(completion.value('일련번호')).toHaveText(serial);
      });
    }
    expect(await testApi.certificates(customer.rrn)).toEqual([
      expect.objectContaining({ serial, status: 'active' }),
    ]);
  });

  test('answers a PIN form left open in a second tab with the completion page, issuing nothing more', async ({
    page,
    fastPath,
    customer,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.completion,
      story: 'A step submitted after completion',
      severity: 'critical',
    });
    await verifies('REQ-2-after-completion');
    const password = await fastPath.startAt(customer, 'password');
    // The same session in a second tab, still showing 비밀번호 설정 (the URL the first tab shows).
    const staleTab = await page.context().newPage();
    const stalePassword = new PasswordPage(staleTab);
    await staleTab.goto(page.url());
    await stalePassword.waitUntilShown();

    const { serial } = await issueWithPin(password, '246813');

    await stalePassword.setPassword('975318');
    await stalePassword.confirm();

    const staleCompletion = new CompletionPage(staleTab);
    // The completion page the first tab shows.
    await expect(staleTab).toHaveURL(page.url());
    await expect(staleCompletion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
    await expect(staleCompletion.value('일련번호')).toHaveText(serial);
    // One certificate, with the first PIN: the stale form neither issued again nor changed it.
    expect(await testApi.certificates(customer.rrn)).toEqual([
      expect.objectContaining({ serial, status: 'active' }),
    ]);
    expect((await testApi.getCustomer(customer.userId)).certificate).toMatchObject({ serial, pin: '246813' });
    const issuedSms = (await testApi.phone(customer.phone)).sms.filter((message) =>
      /발급완료/.test(message.text),
    );
    expect(issuedSms).toHaveLength(1);
  });
});
