import { expect, FEATURES, labelTest, test, type Customer, verifies } from '../../fixtures/index.ts';
import type { IdLookupIdentity } from '../../pages/index.ts';
import { FRESH_THREE_MINUTES, installPausedClock, pageScriptsStarted } from '../identity/helpers.ts';
import { identityOf, idLookupFromCertCenter, otherSixDigits } from './entry.ts';

/** A name that is not `name`. */
function otherName(name: string): string {
  return name === '홍길동' ? '임꺽정' : '홍길동';
}

// 아이디찾기 (spec §6) refusals: no match, a wrong code, a late code. The lookup is outside the flow, so
// every test opens it the cheapest way, 인증센터's link; the app door's way in is covered by id-lookup.spec.ts.
test.describe('아이디찾기: refusals', { tag: ['@id-lookup', '@negative'] }, () => {
  const mismatches: {
    field: string;
    typed: (customer: Customer, namesake: Customer) => IdLookupIdentity;
  }[] = [
    { field: '이름', typed: (customer) => ({ ...identityOf(customer), name: otherName(customer.name) }) },
    // A namesake's 주민등록번호: the person exists and has this name, but not this phone.
    {
      field: '주민등록번호',
      typed: (customer, namesake) => ({ ...identityOf(customer), rrn: namesake.rrn }),
    },
    // A namesake's phone: name and 주민등록번호 are right, the phone is another customer's.
    {
      field: '휴대폰번호',
      typed: (customer, namesake) => ({ ...identityOf(customer), phone: namesake.phone }),
    },
  ];
  for (const { field, typed } of mismatches) {
    test(`finds no customer when the ${field} does not match, and sends no SMS`, async ({
      page,
      customer,
      makeCustomer,
      testApi,
    }) => {
      await labelTest({ feature: FEATURES.idLookup, story: `No match: ${field}`, severity: 'normal' });
      await verifies('REQ-6-lookup-no-match');
      const namesake = await makeCustomer({ name: customer.name });
      const lookup = await idLookupFromCertCenter(page);

      await lookup.fill(typed(customer, namesake));
      await lookup.requestCode();

      await expect(lookup.alert.root).toHaveText('일치하는 고객 정보가 없습니다.');
      await expect(lookup.codeField).toHaveCount(0);
      await expect(lookup.foundIdText).toHaveCount(0);
      for (const someone of [customer, namesake]) {
        expect((await testApi.phone(someone.phone)).sms, `no SMS to ${someone.userId}`).toEqual([]);
      }
    });
  }

  test('refuses a wrong code and shows no ID', async ({ page, customer, phone }) => {
    await labelTest({ feature: FEATURES.idLookup, story: 'Wrong code', severity: 'normal' });
    await verifies('REQ-6-lookup-wrong-code', 'REQ-1-certcenter-links');
    const lookup = await idLookupFromCertCenter(page);
    await lookup.fill(identityOf(customer));
    await lookup.requestCode();
    const code = await phone.latestCode();

    await lookup.enterCode(otherSixDigits(code));
    await lookup.confirm();

    await expect(lookup.alert.root).toHaveText('인증번호가 일치하지 않습니다.');
    await expect(lookup.foundIdText).toHaveCount(0);
    await expect(lookup.continueButton).toHaveCount(0);
    await expect(lookup.codeField).toBeVisible();
  });

  test('times out at 0:00 and refuses the right code afterwards', async ({ page, customer, phone }) => {
    await labelTest({ feature: FEATURES.idLookup, story: 'Late code (countdown)', severity: 'normal' });
    await verifies('REQ-6-lookup-late-code', 'REQ-3-countdown');
    await installPausedClock(page);
    const lookup = await idLookupFromCertCenter(page);
    await lookup.fill(identityOf(customer));
    await lookup.requestCode();
    const code = await phone.latestCode();
    await expect(lookup.countdown.root).toHaveText(FRESH_THREE_MINUTES);
    await pageScriptsStarted(page);

    await page.clock.fastForward('03:01');

    await expect(lookup.alert.root).toHaveText('인증 시간이 초과되었습니다.');
    await expect(lookup.countdown.root).toHaveCount(0);

    await lookup.enterCode(code);
    // The timeout alert is already showing: wait for the answer page itself before judging it.
    await Promise.all([page.waitForEvent('load'), lookup.confirm()]);

    await expect(lookup.alert.root).toHaveText('인증 시간이 초과되었습니다.');
    await expect(lookup.foundIdText).toHaveCount(0);
    await expect(lookup.continueButton).toHaveCount(0);
  });

  test("refuses a code past the server's own deadline even if the page never reported 0:00", async ({
    page,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.timers,
      story: "아이디찾기: the server's own deadline",
      severity: 'normal',
    });
    await verifies('REQ-6-lookup-late-code', 'REQ-3-server-deadline', 'REQ-9-test-clock');
    const expireReports: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/expire')) expireReports.push(request.url());
    });
    const lookup = await idLookupFromCertCenter(page);
    await lookup.fill(identityOf(customer));
    await lookup.requestCode();
    const code = await phone.latestCode();

    // 3:31 on the customer's clock: past the 3 minutes and the server's 30-s grace.
    await testApi.setClock(customer.userId, 211);
    await lookup.enterCode(code);
    await lookup.confirm();

    await expect(lookup.alert.root).toHaveText('인증 시간이 초과되었습니다.');
    await expect(lookup.foundIdText).toHaveCount(0);
    expect(expireReports, 'the page never reported 0:00 itself').toEqual([]);
  });
});
