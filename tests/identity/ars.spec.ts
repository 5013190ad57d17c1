import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import {
  answerShownCode,
  callStates,
  expectFreshCall,
  FRESH_THREE_MINUTES,
  holdRequests,
  installPausedClock,
  keypadStatus,
  jsonReads,
  otherTwoDigits,
  pageScriptsStarted,
  pauseClock,
} from './helpers.ts';

// 본인인증 by 전화인증(ARS) (spec §2.3, timers §3): every test starts AT 본인인증 through the fast path.
// Countdowns are read on a paused page clock, so a slow machine cannot make a fresh 3:00 look stale.
test.describe('본인인증 by 전화인증(ARS)', { tag: '@ars' }, () => {
  test('shows the masked phone, a two-digit code and a 3-minute countdown, and moves on to 계좌/보안매체 인증 once the code is keyed', async ({
    page,
    fastPath,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.identity, story: 'ARS: the right code', severity: 'critical' });
    await verifies('REQ-2.3-ars-masked-phone', 'REQ-2.3-ars-call', 'REQ-2.3-ars-one-call');
    await installPausedClock(page);
    const identity = await fastPath.startAt(customer, 'identity');
    await expect(identity.stepper.current).toHaveText('본인인증');
    // Nothing rings before 인증요청, so digits keyed now are refused.
    expect(await keypadStatus(testApi, customer.phone, '00')).toBe(409);

    await identity.chooseArs();
    await identity.request();

    const [prefix = '', middle = '', last4 = ''] = customer.phone.split('-');
    await expect(identity.maskedPhone).toHaveText(`${prefix}-****-${last4}`);
    await expect(page.getByRole('main')).not.toContainText(middle);
    // Nowhere in the page, hidden or not: neither the whole number nor its middle and last digits together.
    const html = await page.content();
    expect(html).not.toContain(customer.phone);
    expect(html).not.toContain(`${middle}${last4}`);
    await expect(identity.arsCodeOutput).toHaveText(/^\d{2}$/);
    await expect(identity.countdown.root).toHaveText(FRESH_THREE_MINUTES);
    expect(await callStates(testApi, customer.phone)).toEqual(['ringing']);

    // Time flows again: the page polls and moves on by itself once the call is confirmed.
    const account = await answerShownCode(identity, phone);

    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(account.accountField).toBeVisible();
    expect(await callStates(testApi, customer.phone)).toEqual(['confirmed']);
    // A confirmed call rings no more.
    expect(await keypadStatus(testApi, customer.phone, '00')).toBe(409);
  });

  test(
    'fails the call on wrong digits with 재요청, which rings a new call with a new code and countdown',
    { tag: '@negative' },
    async ({ page, fastPath, customer, phone, testApi }) => {
      await labelTest({
        feature: FEATURES.identity,
        story: 'ARS: wrong digits, then 재요청',
        severity: 'critical',
      });
      await verifies('REQ-2.3-ars-wrong-digits');
      await installPausedClock(page);
      const identity = await fastPath.startAt(customer, 'identity');
      const code = await identity.requestArsCall();

      await page.clock.resume();
      await phone.answerCall(otherTwoDigits(code));

      await expect(identity.alert.root).toHaveText('인증번호가 일치하지 않습니다.');
      await expect(identity.reRequestButton).toBeVisible();
      await expect(identity.arsCodeOutput).toBeHidden();
      await expect(identity.stepper.current).toHaveText('본인인증');
      expect(await callStates(testApi, customer.phone)).toEqual(['failed']);
      // The failed call takes no second try, not even the right code.
      expect(await keypadStatus(testApi, customer.phone, code)).toBe(409);

      await pauseClock(page);
      await identity.reRequest();

      // A new call rings; the failed one was answered already and stays failed (only a ringing call is expired).
      await expectFreshCall(identity, testApi, customer.phone, ['failed']);

      const account = await answerShownCode(identity, phone);
      await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
      expect(await callStates(testApi, customer.phone)).toEqual(['failed', 'confirmed']);
    },
  );

  test(
    'times out at 0:00 with 재요청, expires the call and refuses its code from then on',
    { tag: '@negative' },
    async ({ page, fastPath, customer, phone, testApi }) => {
      await labelTest({
        feature: FEATURES.identity,
        story: 'ARS: the countdown runs out',
        severity: 'critical',
      });
      await verifies('REQ-2.3-ars-timeout', 'REQ-3-countdown');
      await installPausedClock(page);
      const identity = await fastPath.startAt(customer, 'identity');
      const code = await identity.requestArsCall();
      await expect(identity.countdown.root).toHaveText(FRESH_THREE_MINUTES);
      await pageScriptsStarted(page);

      // Ten seconds before the end, the call still rings.
      await page.clock.fastForward('02:50');
      await expect(identity.countdown.root).toHaveText(/^0:(10|09)$/);
      await expect(identity.alert.root).toHaveCount(0);
      expect(await callStates(testApi, customer.phone)).toEqual(['ringing']);

      await page.clock.fastForward('00:11');

      await expect(identity.alert.root).toHaveText('인증 시간이 초과되었습니다.');
      await expect(identity.reRequestButton).toBeVisible();
      await expect(identity.arsCodeOutput).toBeHidden();
      await expect(identity.stepper.current).toHaveText('본인인증');
      expect(await callStates(testApi, customer.phone)).toEqual(['expired']);
      expect(await keypadStatus(testApi, customer.phone, code)).toBe(409);

      await identity.reRequest();

      await expectFreshCall(identity, testApi, customer.phone, ['expired']);
      const account = await answerShownCode(identity, phone);
      await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    },
  );

  test('expires the ringing call when 인증요청 is pressed again, and only the new call counts', async ({
    page,
    fastPath,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.identity, story: 'ARS: a new 인증요청', severity: 'normal' });
    await verifies('REQ-2.3-ars-one-call');
    await installPausedClock(page);
    const identity = await fastPath.startAt(customer, 'identity');
    await identity.chooseArs();
    await identity.request();
    await expect(identity.arsCodeOutput).toHaveText(/^\d{2}$/);
    expect(await callStates(testApi, customer.phone)).toEqual(['ringing']);

    await identity.chooseArs();
    await identity.request();

    await expect
      .poll(() => callStates(testApi, customer.phone), { message: 'the first call expired, a second rings' })
      .toEqual(['expired', 'ringing']);
    await expect(identity.arsCodeOutput).toHaveText(/^\d{2}$/);
    await expect(identity.countdown.root).toHaveText(FRESH_THREE_MINUTES);

    const account = await answerShownCode(identity, phone);
    await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
    expect(await callStates(testApi, customer.phone)).toEqual(['expired', 'confirmed']);
  });

  test(
    'expires the ringing call when 해외출국 확인 is requested instead',
    { tag: ['@overseas', '@negative'] },
    async ({ fastPath, customer, testApi }) => {
      await labelTest({
        feature: FEATURES.identity,
        story: 'ARS: switching to 해외출국 확인',
        severity: 'normal',
      });
      await verifies('REQ-2.3-ars-one-call', 'REQ-2.3-overseas-refused');
      const identity = await fastPath.startAt(customer, 'identity');
      const code = await identity.requestArsCall();

      // The default customer has no departure record.
      await identity.chooseOverseas();
      await identity.request();

      await expect(identity.alert.root).toHaveText('출국 기록이 확인되지 않습니다.');
      await expect(identity.arsCodeOutput).toBeHidden();
      expect(await callStates(testApi, customer.phone)).toEqual(['expired']);
      expect(await keypadStatus(testApi, customer.phone, code)).toBe(409);
    },
  );

  test(
    'keeps the 해외출국 refusal on screen when a poll of the ringing call is answered while the form is on its way',
    { tag: ['@overseas', '@negative'] },
    async ({ page, fastPath, customer }) => {
      await labelTest({
        feature: FEATURES.identity,
        story: 'ARS: switching to 해외출국 확인',
        severity: 'normal',
      });
      await verifies('REQ-2.3-overseas-refused');
      // Beyond the spec (which says only "the page polls"): the poll is the page's fetch, the only one that
      // reads JSON on this screen, and the form is the page's navigation POST; their URLs are the bank's own.
      await installPausedClock(page);
      const pollRead = await jsonReads(page);
      const identity = await fastPath.startAt(customer, 'identity');
      await identity.requestArsCall();
      await pageScriptsStarted(page);

      // The race a slow network makes (seen under load): the ringing page asks for the call's state,
      // the form expires the call, and the poll's answer "expired" arrives before the form's answer.
      const poll = await holdRequests(
        page,
        (request) => request.resourceType() === 'fetch' && request.method() === 'GET',
      );
      const form = await holdRequests(
        page,
        (request) => request.isNavigationRequest() && request.method() === 'POST',
      );
      await page.clock.runFor('00:01');
      const pollRoute = await poll.next();
      await identity.chooseOverseas();
      const clicked = identity.request();
      const formRoute = await form.next();
      const formAnswer = await formRoute.fetch(); // the bank has now expired the call
      await pollRoute.continue();
      await pollRead.next(); // the page acts on "expired" in this very task
      await formRoute.fulfill({ response: formAnswer });
      await clicked;

      await expect(identity.alert.root).toHaveText('출국 기록이 확인되지 않습니다.');
      await expect(identity.overseasOption).toBeChecked();
    },
  );

  test(
    'expires a call nobody answered on the server 30 s after its 3 minutes, even if the page never says so',
    { tag: '@negative' },
    async ({ page, fastPath, customer, testApi }) => {
      await labelTest({
        feature: FEATURES.timers,
        story: "ARS: the server's own deadline",
        severity: 'normal',
      });
      await verifies('REQ-3-server-deadline', 'REQ-9-test-clock');
      // Real time: the page's own 3:00 is far away, so whatever expires the call, the page did not.
      const expireReports: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/expire'))
          expireReports.push(request.url());
      });
      const identity = await fastPath.startAt(customer, 'identity');
      const code = await identity.requestArsCall();

      // 3:20 on the customer's clock: past the page's 3:00, still inside the server's 30-s grace.
      await testApi.setClock(customer.userId, 200);
      expect(await callStates(testApi, customer.phone)).toEqual(['ringing']);

      // 3:31: past the backstop.
      await testApi.setClock(customer.userId, 211);
      expect(await callStates(testApi, customer.phone)).toEqual(['expired']);
      expect(await keypadStatus(testApi, customer.phone, code)).toBe(409);

      // The page learns it from its poll.
      await expect(identity.alert.root).toHaveText('인증 시간이 초과되었습니다.');
      await expect(identity.reRequestButton).toBeVisible();
      await expect(identity.stepper.current).toHaveText('본인인증');
      expect(expireReports, 'the page never reported 0:00 itself').toEqual([]);
    },
  );
});
