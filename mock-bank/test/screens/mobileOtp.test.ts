import { STEP_URL } from '../support.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MOBILE_OTP_CODE_TTL_MS, SERVER_DEADLINE_GRACE_MS, SMS } from '../../src/rules.ts';
import { otpCode } from '../../src/domain/otp.ts';
import { MSG } from '../../src/messages.ts';
import { phoneView } from '../../src/services/phone.ts';
import {
  ACCOUNT,
  alertOf,
  alerts,
  buttons,
  expectRedirect,
  labels,
  page,
  person,
  startAt,
  steppingRandom,
  valueOf,
  type Started,
} from './lateSteps.ts';

const URL = '/fincert/issue/mobile-otp';
const CODE_URL = `${URL}/code`;
const EXPIRE_URL = `${URL}/expire`;
const PIN = '802461';

const noMedium = () => person({ media: null });

/** The 6-digit code of the newest `[KB국민은행] 인증번호 [NNNNNN]` SMS on the customer's phone. */
function smsCode(s: Started): string {
  const sms = phoneView(s.bank, s.customer.phone).sms.filter((m) => m.direction === 'in');
  const match = /^\[KB국민은행\] 인증번호 \[(\d{6})\]$/.exec(sms.at(-1)?.text ?? '');
  assert.ok(match, `an SMS code arrived: ${JSON.stringify(sms)}`);
  return match[1]!;
}

async function requestCode(s: Started): Promise<string> {
  await expectRedirect(await s.b.post(CODE_URL), URL);
  return smsCode(s);
}

describe('모바일OTP 발급', () => {
  it('is only for a customer holding no medium: anyone else goes back to stage 4', async () => {
    const s = startAt('account');
    await expectRedirect(await s.b.get(URL), STEP_URL.account);
    await expectRedirect(await s.b.post(CODE_URL), STEP_URL.account);
    assert.equal(phoneView(s.bank, s.customer.phone).sms.length, 0, 'no SMS sent');
  });

  it('shows heading 모바일OTP 발급 and 인증번호 요청; the code form comes with the code', async () => {
    const s = startAt('account', noMedium());
    const first = await page(s.b.get(URL));
    assert.equal(first.status, 200);
    assert.match(first.html, /<h2>모바일OTP 발급<\/h2>/);
    assert.deepEqual(buttons(first.html), ['인증번호 요청']);
    assert.deepEqual(labels(first.html), []);

    await requestCode(s);
    const after = await page(s.b.get(URL));
    assert.deepEqual(labels(after.html), ['인증번호', '모바일OTP 비밀번호 6자리', '모바일OTP 비밀번호 확인']);
    assert.deepEqual(buttons(after.html), ['인증번호 요청', '발급']);
    assert.match(after.html, /role="timer" aria-label="남은 시간" data-remaining-ms="180000"/);
  });

  it('end to end: SMS code, PIN, 발급 → back on stage 4 with an OTP, which then passes', async () => {
    const s = startAt('account', noMedium());
    const code = await requestCode(s);
    assert.equal(phoneView(s.bank, s.customer.phone).sms.at(-1)?.text, SMS.code(code));

    await expectRedirect(await s.b.post(URL, { code, pin: PIN, pinConfirm: PIN }), STEP_URL.account);
    const otp = s.customer.media?.otp;
    assert.ok(otp, 'the customer holds an OTP now');
    assert.equal(otp.mobile, true);
    assert.equal(
      s.bank.store.getPhone(s.customer.phone)?.otpSecret,
      otp.secret,
      'the secret lives in the phone',
    );

    const stage4 = await page(s.b.get(STEP_URL.account));
    assert.match(stage4.html, new RegExp(MSG.mobileOtpIssued));
    assert.deepEqual(buttons(stage4.html), ['보안카드/OTP로 인증하기', 'KB모바일인증서로 인증하기']);

    await s.b.post(STEP_URL.account, {
      accountNumber: ACCOUNT.number,
      accountPassword: ACCOUNT.password,
      medium: 'securityCardOtp',
    });
    const medium = await page(s.b.get(STEP_URL.account));
    assert.deepEqual(labels(medium.html), ['OTP 비밀번호']);
    const res = await s.b.post(`${STEP_URL.account}/medium`, { otp: otpCode(otp.secret, s.clock.now) });
    await expectRedirect(res, STEP_URL.details);
  });

  it('a wrong code → 400 인증번호가 일치하지 않습니다, and the right one still works after', async () => {
    const s = startAt('account', noMedium());
    const code = await requestCode(s);
    const wrong = code === '000000' ? '000001' : '000000';
    const res = await page(s.b.post(URL, { code: wrong, pin: PIN, pinConfirm: PIN }));
    assert.equal(res.status, 400);
    assert.equal(alertOf(res.html), MSG.codeMismatch);
    assert.equal(valueOf(res.html, 'pin'), undefined);
    assert.equal(s.customer.media, null);
    await expectRedirect(await s.b.post(URL, { code, pin: PIN, pinConfirm: PIN }), STEP_URL.account);
  });

  it('a late code → 400 인증 시간이 초과되었습니다 (server backstop)', async () => {
    const s = startAt('account', noMedium());
    const code = await requestCode(s);
    s.clock.now += MOBILE_OTP_CODE_TTL_MS + SERVER_DEADLINE_GRACE_MS;
    const res = await page(s.b.post(URL, { code, pin: PIN, pinConfirm: PIN }));
    assert.equal(res.status, 400);
    assert.equal(alertOf(res.html), MSG.codeTimeout);
    assert.equal(s.customer.media, null);
  });

  it('the countdown at 0:00 expires the code (204); the page then says so, without a countdown', async () => {
    const s = startAt('account', noMedium());
    const code = await requestCode(s);
    assert.equal((await s.b.post(EXPIRE_URL)).status, 204);
    const shown = await page(s.b.get(URL));
    assert.equal(alertOf(shown.html), MSG.codeTimeout);
    assert.doesNotMatch(shown.html, /role="timer"/);
    const res = await page(s.b.post(URL, { code, pin: PIN, pinConfirm: PIN }));
    assert.equal(alertOf(res.html), MSG.codeTimeout);
  });

  it('a new 인증번호 요청 replaces the old code', async () => {
    const s = startAt('account', noMedium(), { bank: steppingRandom() });
    const first = await requestCode(s);
    const second = await requestCode(s);
    assert.notEqual(first, second);
    const res = await page(s.b.post(URL, { code: first, pin: PIN, pinConfirm: PIN }));
    assert.equal(res.status, 400);
    assert.equal(alertOf(res.html), MSG.codeMismatch, 'only the newest code counts');
    await expectRedirect(await s.b.post(URL, { code: second, pin: PIN, pinConfirm: PIN }), STEP_URL.account);
  });

  it('발급 before any code was requested → 400 asking for one', async () => {
    const s = startAt('account', noMedium());
    const res = await page(s.b.post(URL, { code: '123456', pin: PIN, pinConfirm: PIN }));
    assert.equal(res.status, 400);
    assert.equal(alertOf(res.html), MSG.codeNotRequested);
    assert.equal(s.customer.media, null);
  });

  for (const [why, pin, pinConfirm, message] of [
    ['a 5-digit PIN', '12345', '12345', MSG.digitsFormat('모바일OTP 비밀번호', 6)],
    ['a PIN with letters', '12a456', '12a456', MSG.digitsFormat('모바일OTP 비밀번호', 6)],
    ['a confirmation that differs', PIN, '802462', MSG.pinMismatch],
  ] as const) {
    it(`${why} → 400, nothing issued, the code kept, the PINs cleared`, async () => {
      const s = startAt('account', noMedium());
      const code = await requestCode(s);
      const res = await page(s.b.post(URL, { code, pin, pinConfirm }));
      assert.equal(res.status, 400);
      assert.equal(alertOf(res.html), message);
      assert.equal(alerts(res.html).length, 1);
      assert.equal(valueOf(res.html, 'code'), code);
      assert.equal(valueOf(res.html, 'pin'), undefined);
      assert.equal(valueOf(res.html, 'pinConfirm'), undefined);
      assert.equal(s.customer.media, null);
      // The code was not used up by the refused form.
      await expectRedirect(await s.b.post(URL, { code, pin: PIN, pinConfirm: PIN }), STEP_URL.account);
    });
  }
});
