import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARS_CODE_LENGTH,
  ARS_CODE_TTL_MS,
  CLOUD_SMS_CODE_LENGTH,
  CLOUD_SMS_CODE_TTL_MS,
} from '../../src/rules.ts';
import { MSG } from '../../src/messages.ts';
import { otpCode } from '../../src/domain/otp.ts';
import { getChallenge, startChallenge } from '../../src/services/challenges.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { deliverSms, phoneOf, phoneView, smsFromPhone } from '../../src/services/phone.ts';
import { browser, makeBank } from '../support.ts';
import {
  alertOf,
  alerts,
  buttons,
  expectRedirect,
  labels,
  OTP_SECRET,
  page,
  person,
  T0,
  valueOf,
} from './lateSteps.ts';

const PHONE = '010-1234-5678';
const URL = `/phone/${PHONE}`;

function setUp() {
  const clock = { now: T0 };
  const tb = makeBank({ now: () => clock.now });
  const created = createCustomer(tb.bank, person({ phone: PHONE }));
  assert.ok(created.ok);
  const ars = () =>
    startChallenge(tb.bank, 'ars', created.customer, { ttlMs: ARS_CODE_TTL_MS, codeLength: ARS_CODE_LENGTH });
  const cloud = () =>
    startChallenge(tb.bank, 'cloudSms', created.customer, {
      ttlMs: CLOUD_SMS_CODE_TTL_MS,
      codeLength: CLOUD_SMS_CODE_LENGTH,
    });
  return { ...tb, clock, customer: created.customer, b: browser(tb.app), ars, cloud };
}

/** The log entries' visible text, top to bottom. */
function entries(html: string): string[] {
  return [...html.matchAll(/<li class="phone-entry[^"]*">(.*?)<\/li>/gs)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function otherDigits(code: string): string {
  return code
    .split('')
    .map((d) => String((Number(d) + 1) % 10))
    .join('');
}

describe('가상 휴대폰 page', () => {
  it('shows the phone as its heading, 키패드 입력 / 누르기 and 문자 내용 / 보내기', async () => {
    const s = setUp();
    const { status, html } = await page(s.b.get(URL));
    assert.equal(status, 200);
    assert.match(html, /<h1>010-1234-5678<\/h1>/);
    assert.deepEqual(labels(html), ['키패드 입력', '문자 내용']);
    assert.deepEqual(buttons(html), ['누르기', '보내기']);
    assert.deepEqual(alerts(html), []);
    assert.ok(html.includes('아직 받은 문자나 전화가 없습니다.'));
  });

  it('answers 404 for a number no customer has', async () => {
    const s = setUp();
    for (const path of ['/phone/010-9999-0000', '/phone/not-a-phone']) {
      assert.equal((await s.b.get(path)).status, 404, path);
      assert.equal((await s.b.post(`${path}/keypad`, { digits: '12' })).status, 404, path);
      assert.equal((await s.b.post(`${path}/sms`, { text: '12' })).status, 404, path);
    }
  });

  it('accepts the number without hyphens', async () => {
    const s = setUp();
    const { status, html } = await page(s.b.get('/phone/01012345678'));
    assert.equal(status, 200);
    assert.match(html, /<h1>010-1234-5678<\/h1>/);
  });

  it('lists messages and calls newest first, with direction, call state and Korea time', async () => {
    const s = setUp();
    deliverSms(s.bank, PHONE, '[KB국민은행] 인증번호 [123456]');
    s.clock.now += 60_000;
    smsFromPhone(s.bank, PHONE, '47');
    s.clock.now += 60_000;
    s.ars();
    const { html } = await page(s.b.get(URL));
    assert.deepEqual(entries(html), [
      'ARS 전화 · 수신 중 · 2026.03.10 12:02:00',
      '보낸 문자 · 2026.03.10 12:01:00 47',
      '받은 문자 · 2026.03.10 12:00:00 [KB국민은행] 인증번호 [123456]',
    ]);
  });

  it('says prominently while a call rings, and not after', async () => {
    const s = setUp();
    s.ars();
    const ringing = await page(s.b.get(URL));
    assert.ok(ringing.html.includes(`<p role="status" class="notice">${MSG.phoneRinging}</p>`));
    s.clock.now += ARS_CODE_TTL_MS + 60_000;
    const after = await page(s.b.get(URL));
    assert.ok(!after.html.includes(MSG.phoneRinging));
    assert.deepEqual(entries(after.html), ['ARS 전화 · 시간 초과 · 2026.03.10 12:00:00']);
  });

  it('the keypad answers the ringing ARS call: right digits confirm it', async () => {
    const s = setUp();
    const call = s.ars();
    await expectRedirect(await s.b.post(`${URL}/keypad`, { digits: call.code }), URL);
    assert.equal(getChallenge(s.bank, call.id)?.state, 'confirmed');
    assert.deepEqual(entries((await page(s.b.get(URL))).html), [
      'ARS 전화 · 인증 완료 · 2026.03.10 12:00:00',
    ]);
  });

  it('the keypad with wrong digits fails the call', async () => {
    const s = setUp();
    const call = s.ars();
    await expectRedirect(await s.b.post(`${URL}/keypad`, { digits: otherDigits(call.code) }), URL);
    assert.equal(getChallenge(s.bank, call.id)?.state, 'failed');
    assert.deepEqual(entries((await page(s.b.get(URL))).html), [
      'ARS 전화 · 인증 실패 · 2026.03.10 12:00:00',
    ]);
  });

  it('the keypad without a ringing call answers 409 with an alert', async () => {
    const s = setUp();
    const { status, html } = await page(s.b.post(`${URL}/keypad`, { digits: '12' }));
    assert.equal(status, 409);
    assert.equal(alertOf(html), MSG.noRingingCall);
    // A call already answered does not ring any more.
    const call = s.ars();
    await s.b.post(`${URL}/keypad`, { digits: call.code });
    assert.equal((await s.b.post(`${URL}/keypad`, { digits: call.code })).status, 409);
  });

  it('the keypad takes 1 to 10 digits only', async () => {
    const s = setUp();
    const call = s.ars();
    for (const digits of ['', 'ab', '1 2', '12345678901']) {
      const { status, html } = await page(s.b.post(`${URL}/keypad`, { digits }));
      assert.equal(status, 400, JSON.stringify(digits));
      assert.equal(alertOf(html), MSG.keypadFormat(10));
    }
    assert.equal(
      getChallenge(s.bank, call.id)?.state,
      'waiting',
      'a malformed entry does not answer the call',
    );
    await expectRedirect(await s.b.post(`${URL}/keypad`, { digits: '1234567890' }), URL);
  });

  it('sending an SMS answers the waiting cloud code (spaces trimmed) and shows as 보낸 문자', async () => {
    const s = setUp();
    const code = s.cloud();
    await expectRedirect(await s.b.post(`${URL}/sms`, { text: ` ${code.code} ` }), URL);
    assert.equal(getChallenge(s.bank, code.id)?.state, 'confirmed');
    assert.deepEqual(
      phoneView(s.bank, PHONE).sms.map((m) => [m.direction, m.text]),
      [['out', code.code]],
    );
  });

  it('an SMS with other digits fails the cloud code; one with no code waiting is just sent', async () => {
    const s = setUp();
    const code = s.cloud();
    await expectRedirect(await s.b.post(`${URL}/sms`, { text: otherDigits(code.code) }), URL);
    assert.equal(getChallenge(s.bank, code.id)?.state, 'failed');
    await expectRedirect(await s.b.post(`${URL}/sms`, { text: '안녕하세요' }), URL);
    assert.equal(phoneView(s.bank, PHONE).sms.length, 2);
  });

  it('the SMS text must be 1 to 200 characters; the typed text stays', async () => {
    const s = setUp();
    const code = s.cloud();
    for (const text of ['', '   ', 'x'.repeat(201)]) {
      const { status, html } = await page(s.b.post(`${URL}/sms`, { text }));
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.smsTextFormat(200));
      assert.equal(valueOf(html, 'text') ?? '', text);
    }
    assert.equal(getChallenge(s.bank, code.id)?.state, 'waiting');
    assert.deepEqual(phoneView(s.bank, PHONE).sms, []);
  });

  it('escapes what the messages say', async () => {
    const s = setUp();
    await s.b.post(`${URL}/sms`, { text: '<script>alert(1)</script>' });
    const { html } = await page(s.b.get(URL));
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('shows the current 모바일OTP code when the phone holds a 모바일OTP, on real time', async () => {
    const s = setUp();
    assert.ok(!(await page(s.b.get(URL))).html.includes('모바일OTP'));
    phoneOf(s.bank, PHONE).otpSecret = OTP_SECRET;
    s.customer.clockOffsetSeconds = 3600; // the test clock must not move OTP codes
    const { html } = await page(s.b.get(URL));
    const code = otpCode(OTP_SECRET, T0);
    assert.match(html, new RegExp(`<output [^>]*role="status" aria-labelledby="[^"]+">${code}</output>`));
    assert.match(html, />모바일OTP<\/label>/);
  });

  it('its poll says confirmed (reload) once something new arrived, waiting before', async () => {
    const s = setUp();
    const { html } = await page(s.b.get(URL));
    const statusUrl = /data-poll-url="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    assert.ok(statusUrl?.startsWith(`${URL}/status?seen=`), 'the page polls its status');
    assert.match(html, new RegExp(`data-next-url="${URL}"`));
    const poll = async () => (await (await s.b.get(statusUrl)).json()) as { state: string };
    assert.deepEqual(await poll(), { state: 'waiting' });
    s.ars();
    assert.deepEqual(await poll(), { state: 'confirmed' });
    const unknown = await s.b.get('/phone/010-9999-0000/status?seen=0-');
    assert.equal(unknown.status, 404);
  });

  it('a call changing state changes the poll answer too', async () => {
    const s = setUp();
    const call = s.ars();
    const { html } = await page(s.b.get(URL));
    const statusUrl = /data-poll-url="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    assert.deepEqual(await (await s.b.get(statusUrl)).json(), { state: 'waiting' });
    await s.b.post(`${URL}/keypad`, { digits: call.code });
    assert.deepEqual(await (await s.b.get(statusUrl)).json(), { state: 'confirmed' });
  });

  it('leaves the session alone (the flow’s tab shares it)', async () => {
    const s = setUp();
    await s.b.get('/');
    const id = s.b.cookie.split('=')[1]!;
    const session = s.bank.store.getSession(id)!;
    session.flash = 'flow alert';
    session.notice = 'flow notice';
    await s.b.get(URL);
    await s.b.post(`${URL}/keypad`, { digits: '12' });
    assert.equal(session.flash, 'flow alert');
    assert.equal(session.notice, 'flow notice');
  });
});
