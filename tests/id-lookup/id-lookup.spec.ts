import { expect, FEATURES, labelTest, test, VERIFICATION_SMS, verifies } from '../../fixtures/index.ts';
import { TermsPage, UserInfoPage } from '../../pages/index.ts';
import { FRESH_THREE_MINUTES, installPausedClock } from '../identity/helpers.ts';
import { agreeToTerms, identityOf, idLookupBeforeTerms, idLookupFromUserInfo } from './entry.ts';

// 아이디찾기 (spec §6): name, 주민등록번호 and phone → an SMS code → the user ID → back into the flow.
test.describe('아이디찾기: the user ID is found', { tag: ['@id-lookup', '@door'] }, () => {
  test("shows exactly this customer's ID among namesakes, and 이 아이디로 계속 returns to 사용자 정보 입력 with it filled in", async ({
    page,
    makeCustomer,
    frontDoor,
    phoneOf,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.idLookup,
      story: '아이디찾기 from 사용자 정보 입력',
      severity: 'critical',
    });
    await verifies('REQ-6-lookup-found');
    // Namesakes created before and after: a lookup by name alone would show one of them.
    const namesakeBefore = await makeCustomer();
    const customer = await makeCustomer({ name: namesakeBefore.name });
    const namesakeAfter = await makeCustomer({ name: namesakeBefore.name });
    // A paused page clock: the countdown shows exactly what the server gave, however busy the machine.
    await installPausedClock(page);
    const lookup = await idLookupFromUserInfo(page, frontDoor);

    await lookup.fill(identityOf(customer));
    await lookup.requestCode();

    await expect(lookup.codeField).toBeVisible();
    await expect(lookup.countdown.root).toHaveText(FRESH_THREE_MINUTES);
    const sms = await phoneOf(customer).waitForSms(/인증번호/);
    expect(sms).toMatch(VERIFICATION_SMS);
    expect((await testApi.phone(customer.phone)).sms.map((message) => message.text)).toEqual([sms]);
    for (const namesake of [namesakeBefore, namesakeAfter]) {
      expect((await testApi.phone(namesake.phone)).sms, `no SMS to namesake ${namesake.userId}`).toEqual([]);
    }

    await lookup.enterCode(VERIFICATION_SMS.exec(sms)?.[1] ?? '');
    await lookup.confirm();

    await expect(lookup.foundIdText).toHaveText(`고객님의 사용자ID는 ${customer.userId} 입니다`);
    for (const namesake of [namesakeBefore, namesakeAfter]) {
      await expect(page.getByRole('main')).not.toContainText(namesake.userId);
    }

    await lookup.continueWithId();

    const userInfo = new UserInfoPage(page);
    await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
    await expect(userInfo.userIdField).toHaveValue(customer.userId);
  });

  test('sends a customer who has not agreed to the terms yet through 약관동의 first, then to 사용자 정보 입력 with the ID filled in', async ({
    page,
    door,
    customer,
    frontDoor,
    phone,
  }) => {
    await labelTest({ feature: FEATURES.idLookup, story: '아이디찾기 before 약관동의', severity: 'normal' });
    await verifies('REQ-6-lookup-before-terms');
    const lookup = await idLookupBeforeTerms(door, page, frontDoor);

    await lookup.fill(identityOf(customer));
    await lookup.requestCode();
    await lookup.enterCode(await phone.latestCode());
    await lookup.confirm();
    await expect(lookup.foundIdText).toHaveText(`고객님의 사용자ID는 ${customer.userId} 입니다`);

    await lookup.continueWithId();

    const terms = new TermsPage(page);
    await expect(terms.stepper.current).toHaveText('약관동의');
    await expect(terms.allTerms).toBeVisible();
    const userInfo = await agreeToTerms(page);
    await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
    await expect(userInfo.userIdField).toHaveValue(customer.userId);
  });
});
