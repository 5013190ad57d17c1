import { STEP_URL } from '../support.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOUD_SMS_CODE_TTL_MS, SERVER_DEADLINE_GRACE_MS } from '../../src/rules.ts';
import { MSG } from '../../src/messages.ts';
import { smsFromPhone } from '../../src/services/phone.ts';
import {
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

const URL = STEP_URL.cloud;
const STATUS_URL = `${URL}/status`;
const EXPIRE_URL = `${URL}/expire`;
const RETRY_URL = `${URL}/retry`;

const me = person();
const RIGHT = {
  name: me.name!,
  phone: me.phone!,
  rrnFront: me.rrn!.slice(0, 6),
  rrnBack: me.rrn!.slice(6),
  cloudTerms: 'on',
};

async function status(s: Started): Promise<string> {
  const res = await s.b.get(STATUS_URL);
  assert.equal(res.status, 200);
  return ((await res.json()) as { state: string }).state;
}

/** Sends the right details and returns the two-digit code the page shows. */
async function requestCode(s: Started): Promise<string> {
  await expectRedirect(await s.b.post(URL, RIGHT), URL);
  const { html } = await page(s.b.get(URL));
  const code = /<output [^>]*role="status"[^>]*>(\d{2})<\/output>/.exec(html)?.[1];
  assert.ok(code, 'the page shows a two-digit code');
  return code;
}

describe('인증서 설정: the cloud details', () => {
  it('shows 이름, 휴대폰번호, 주민등록번호 앞자리/뒷자리 (masked), the terms box and 인증요청', async () => {
    const s = startAt('cloud');
    const { status: code, html } = await page(s.b.get(URL));
    assert.equal(code, 200);
    assert.deepEqual(labels(html), [
      '이름',
      '휴대폰번호',
      '주민등록번호 앞자리',
      '주민등록번호 뒷자리',
      '금융인증서비스 이용약관 동의',
    ]);
    assert.match(html, /name="rrnBack" type="password"/);
    assert.match(html, /type="checkbox"[^>]*name="cloudTerms"/);
    assert.deepEqual(buttons(html), ['인증요청']);
    assert.match(html, /<li class="current" aria-current="step">인증서 설정<\/li>/);
  });

  for (const [why, over, message] of [
    ['an empty name', { name: ' ' }, MSG.nameRequired],
    ['a malformed phone', { phone: '02-123-4567' }, MSG.phoneFormat],
    ['a 5-digit front half', { rrnFront: '90010' }, MSG.rrnFormat],
    ['a placeholder back half', { rrnBack: '1000000' }, MSG.rrnInvalid],
    ['the terms unchecked', { cloudTerms: '' }, MSG.cloudTermsRequired],
    ['another name', { name: '이서연' }, MSG.mismatch],
    ['another phone', { phone: '010-9999-5678' }, MSG.mismatch],
    ['another 주민등록번호', { rrnBack: '2234567' }, MSG.mismatch],
  ] as const) {
    it(`${why} → 400 ${message}; values kept, the back half cleared, no code`, async () => {
      const s = startAt('cloud');
      const fields: Record<string, string> = { ...RIGHT, ...over };
      const { status: code, html } = await page(s.b.post(URL, fields));
      assert.equal(code, 400);
      assert.equal(alertOf(html), message);
      assert.equal(valueOf(html, 'name') ?? '', fields.name!.trim());
      assert.equal(valueOf(html, 'rrnFront'), fields.rrnFront);
      assert.equal(valueOf(html, 'rrnBack'), undefined);
      assert.equal(s.flow.cloudChallengeId, undefined);
    });
  }

  it('a phone typed without hyphens matches', async () => {
    const s = startAt('cloud');
    await expectRedirect(await s.b.post(URL, { ...RIGHT, phone: '01012345678' }), URL);
    assert.ok(s.flow.cloudChallengeId);
  });
});

describe('인증서 설정: the SMS code', () => {
  it('waiting: SMS 인증번호 (2 digits), a 3-minute 남은 시간, the poller, the masked phone', async () => {
    const s = startAt('cloud');
    await requestCode(s);
    const { html } = await page(s.b.get(URL));
    assert.match(
      html,
      /<label id="[^"]+" for="[^"]+">SMS 인증번호<\/label><output [^>]*role="status" aria-labelledby="[^"]+">\d{2}</,
    );
    assert.match(html, /role="timer" aria-label="남은 시간" data-remaining-ms="180000"/);
    assert.match(
      html,
      /data-poll-url="\/fincert\/issue\/cloud\/status" data-next-url="\/fincert\/issue\/password"/,
    );
    assert.match(html, /010-\*\*\*\*-5678/);
    assert.match(html, /문자/);
    assert.equal(alerts(html).length, 0);
    assert.equal(await status(s), 'waiting');
  });

  it('the right SMS from the phone (spaces trimmed) confirms: the poll says so and 비밀번호 설정 opens', async () => {
    const s = startAt('cloud');
    const code = await requestCode(s);
    await expectRedirect(await s.b.get(STEP_URL.password), URL);
    assert.equal(smsFromPhone(s.bank, s.customer.phone, ` ${code} `), 'confirmed');
    assert.equal(await status(s), 'confirmed');
    assert.equal((await s.b.get(STEP_URL.password)).status, 200);
  });

  it('without the poll, the cloud page itself moves on once confirmed', async () => {
    const s = startAt('cloud');
    const code = await requestCode(s);
    smsFromPhone(s.bank, s.customer.phone, code);
    await expectRedirect(await s.b.get(URL), STEP_URL.password);
    assert.equal(s.flow.step, 'password');
  });

  it('wrong digits fail the code: alert 인증번호가 일치하지 않습니다 and 재요청, which sends a new code', async () => {
    const s = startAt('cloud', person(), { bank: steppingRandom() });
    const code = await requestCode(s);
    const wrong = code === '00' ? '01' : '00';
    assert.equal(smsFromPhone(s.bank, s.customer.phone, wrong), 'failed');
    assert.equal(await status(s), 'failed');
    const failed = await page(s.b.get(URL));
    assert.equal(alertOf(failed.html), MSG.codeMismatch);
    assert.deepEqual(buttons(failed.html), ['재요청']);
    assert.doesNotMatch(failed.html, /role="timer"/);
    await expectRedirect(await s.b.get(STEP_URL.password), URL);

    await expectRedirect(await s.b.post(RETRY_URL), URL);
    assert.equal(await status(s), 'waiting');
    const again = await page(s.b.get(URL));
    const second = /role="status"[^>]*>(\d{2})</.exec(again.html)?.[1];
    assert.ok(second && second !== code, 'a new code, without typing the details again');
    assert.equal(smsFromPhone(s.bank, s.customer.phone, second), 'confirmed');
  });

  it('expire (the countdown at 0:00) → 204; then 인증 시간이 초과되었습니다 and 재요청; a late SMS does nothing', async () => {
    const s = startAt('cloud');
    const code = await requestCode(s);
    assert.equal((await s.b.post(EXPIRE_URL)).status, 204);
    assert.equal(await status(s), 'expired');
    const expired = await page(s.b.get(URL));
    assert.equal(alertOf(expired.html), MSG.codeTimeout);
    assert.deepEqual(buttons(expired.html), ['재요청']);
    assert.equal(smsFromPhone(s.bank, s.customer.phone, code), 'noCode');
    await expectRedirect(await s.b.get(STEP_URL.password), URL);
  });

  it("the server's own deadline (3 min + 30 s on the customer's clock) expires an unanswered code", async () => {
    const s = startAt('cloud');
    const code = await requestCode(s);
    s.clock.now += CLOUD_SMS_CODE_TTL_MS + SERVER_DEADLINE_GRACE_MS - 1000;
    assert.equal(await status(s), 'waiting');
    s.clock.now += 1000;
    assert.equal(await status(s), 'expired');
    assert.equal(smsFromPhone(s.bank, s.customer.phone, code), 'noCode');
  });

  it('details sent again (back button) drop the waiting code, even when refused', async () => {
    const s = startAt('cloud');
    const code = await requestCode(s);
    const refused = await page(s.b.post(URL, { ...RIGHT, name: '이서연' }));
    assert.equal(refused.status, 400);
    assert.equal(smsFromPhone(s.bank, s.customer.phone, code), 'noCode');
    const { html } = await page(s.b.get(URL));
    assert.deepEqual(buttons(html), ['인증요청'], 'the details form again');
  });

  it('expire and status without a flow answer harmlessly', async () => {
    const s = startAt('cloud');
    const fresh = s.newFlow('cloud');
    assert.equal((await fresh.b.post(EXPIRE_URL)).status, 204);
    assert.equal(await status({ ...s, b: fresh.b }), 'expired');
  });
});
