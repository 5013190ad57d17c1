// 본인인증 (spec §2.3): the ARS call (masked phone, code, countdown, polling, failed and expired calls,
// 재요청) and 해외출국 확인.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MSG } from '../../src/messages.ts';
import { ARS_CODE_LENGTH, ARS_CODE_TTL_MS, SERVER_DEADLINE_GRACE_MS } from '../../src/rules.ts';
import { getChallenge } from '../../src/services/challenges.ts';
import { keypad, phoneView } from '../../src/services/phone.ts';
import { browser } from '../support.ts';
import {
  alertOf,
  alerts,
  buttons,
  expectRedirect,
  labels,
  page,
  person,
  startAt,
  type Started,
} from './lateSteps.ts';

const URL = '/fincert/issue/identity';
const STATUS = `${URL}/status`;
const EXPIRE = `${URL}/expire`;
const RETRY = `${URL}/retry`;
const ACCOUNT = '/fincert/issue/account';

/** The code of the flow's current call, as the screen shows it. */
function callOf(s: Started) {
  const call = getChallenge(s.bank, s.flow.identityChallengeId);
  assert.ok(call, 'the flow has a call');
  return call;
}

async function requestArs(s: Started) {
  await expectRedirect(await s.b.post(URL, { method: 'ars' }), URL);
  return callOf(s);
}

async function pollState(s: Started, b = s.b): Promise<string> {
  const res = await b.get(STATUS);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return ((await res.json()) as { state: string }).state;
}

function isChecked(html: string, value: string): boolean {
  const input = new RegExp(`<input [^>]*name="method" value="${value}"[^>]*>`).exec(html)?.[0];
  assert.ok(input, `a radio ${value}`);
  return /\schecked(=|\s|\/|>)/.test(input);
}

describe('본인인증: the screen', () => {
  it('offers 전화인증(ARS) and 해외출국 확인 with 인증요청, nothing chosen', async () => {
    const s = startAt('identity');
    const { status, html } = await page(s.b.get(URL));
    assert.equal(status, 200);
    assert.deepEqual(labels(html), ['전화인증(ARS)', '해외출국 확인']);
    assert.match(html, /<input type="radio" [^>]*name="method" value="ars"/);
    assert.deepEqual(buttons(html), ['인증요청']);
    assert.ok(!isChecked(html, 'ars') && !isChecked(html, 'overseas'));
    assert.match(html, /<li [^>]*aria-current="step"[^>]*>본인인증<\/li>/);
    assert.doesNotMatch(html, /role="timer"/);
  });

  it('no method chosen: 400 with the alert', async () => {
    const s = startAt('identity');
    for (const form of [{}, { method: 'fax' }] as Record<string, string>[]) {
      const { status, html } = await page(s.b.post(URL, form));
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.chooseIdentityMethod);
    }
    assert.equal(s.flow.step, 'identity');
  });

  it('later steps are refused while 본인인증 is not done', async () => {
    const s = startAt('identity');
    await expectRedirect(await s.b.get(ACCOUNT), URL);
    assert.equal(alertOf((await page(s.b.get(URL))).html), MSG.stepRefused);
  });
});

describe('본인인증: ARS', () => {
  it('rings the phone and shows the masked number, the code, a 3-minute countdown and the poller', async () => {
    const s = startAt('identity');
    const call = await requestArs(s);
    assert.match(call.code, new RegExp(`^\\d{${ARS_CODE_LENGTH}}$`));
    assert.deepEqual(
      phoneView(s.bank, s.customer.phone).calls.map((c) => c.state),
      ['ringing'],
    );

    const { status, html } = await page(s.b.get(URL));
    assert.equal(status, 200);
    assert.ok(html.includes('010-****-5678'));
    assert.ok(!html.includes('1234-5678'));
    assert.match(
      html,
      new RegExp(
        `<label id="([^"]+)"[^>]*>ARS 인증번호</label><output [^>]*role="status" aria-labelledby="\\1">${call.code}</output>`,
      ),
    );
    assert.match(
      html,
      new RegExp(
        `role="timer" aria-label="남은 시간" data-remaining-ms="${ARS_CODE_TTL_MS}" data-expire-url="${EXPIRE}">3:00<`,
      ),
    );
    assert.match(html, new RegExp(`data-poll-url="${STATUS}" data-next-url="${ACCOUNT}"`));
    assert.ok(isChecked(html, 'ars'));
    assert.deepEqual(alerts(html), []);
    assert.equal(await pollState(s), 'waiting');
    assert.equal(s.flow.step, 'identity');
  });

  it('the right digits keyed on the phone confirm the call; the poll moves the flow to stage 4', async () => {
    const s = startAt('identity');
    const call = await requestArs(s);
    assert.equal(keypad(s.bank, s.customer.phone, call.code), 'confirmed');
    assert.equal(await pollState(s), 'confirmed');
    assert.equal(s.flow.step, 'account');
    const account = await s.b.get(ACCOUNT);
    assert.equal(account.status, 200);
  });

  it('a confirmed call moves on at the next page load too (no JavaScript)', async () => {
    const s = startAt('identity');
    const call = await requestArs(s);
    keypad(s.bank, s.customer.phone, call.code);
    await expectRedirect(await s.b.get(URL), ACCOUNT);
    assert.equal(s.flow.step, 'account');
  });

  it('wrong digits fail the call: alert 인증번호가 일치하지 않습니다 and 재요청, which rings again', async () => {
    const s = startAt('identity');
    const call = await requestArs(s);
    const wrong = call.code === '00' ? '11' : '00';
    assert.equal(keypad(s.bank, s.customer.phone, wrong), 'failed');
    assert.equal(await pollState(s), 'failed');
    assert.equal(s.flow.step, 'identity');

    const { status, html } = await page(s.b.get(URL));
    assert.equal(status, 200);
    assert.equal(alertOf(html), MSG.codeMismatch);
    assert.ok(buttons(html).includes('재요청'));
    assert.doesNotMatch(html, /role="timer"/);
    await expectRedirect(await s.b.get(ACCOUNT), URL);
    const refused = await page(s.b.get(URL));
    assert.equal(alertOf(refused.html), MSG.stepRefused);
    assert.ok(buttons(refused.html).includes('재요청'));

    await expectRedirect(await s.b.post(RETRY), URL);
    const second = callOf(s);
    assert.notEqual(second.id, call.id);
    assert.equal(second.state, 'waiting');
    const again = await page(s.b.get(URL));
    assert.deepEqual(alerts(again.html), []);
    assert.match(again.html, /role="timer"/);
  });

  it('the countdown reaching 0:00 expires the call: alert 인증 시간이 초과되었습니다 and 재요청', async () => {
    const s = startAt('identity');
    const call = await requestArs(s);
    const res = await s.b.post(EXPIRE);
    assert.equal(res.status, 204);
    assert.equal(await pollState(s), 'expired');
    assert.equal(keypad(s.bank, s.customer.phone, call.code), 'noCall');

    const { html } = await page(s.b.get(URL));
    assert.equal(alertOf(html), MSG.codeTimeout);
    assert.ok(buttons(html).includes('재요청'));
    await expectRedirect(await s.b.get(ACCOUNT), URL);
  });

  it('the server expires an unanswered call on its own 30 s after 0:00', async () => {
    const s = startAt('identity');
    await requestArs(s);
    s.clock.now += ARS_CODE_TTL_MS;
    assert.equal(await pollState(s), 'waiting');
    s.clock.now += SERVER_DEADLINE_GRACE_MS;
    assert.equal(await pollState(s), 'expired');
    assert.equal(alertOf((await page(s.b.get(URL))).html), MSG.codeTimeout);
  });

  it('a new 인증요청 expires the ringing call', async () => {
    const s = startAt('identity');
    const first = await requestArs(s);
    const second = await requestArs(s);
    assert.notEqual(second.id, first.id);
    assert.equal(first.state, 'expired');
    assert.deepEqual(
      phoneView(s.bank, s.customer.phone).calls.map((c) => c.state),
      ['expired', 'ringing'],
    );
    // Only the new call's code is accepted.
    assert.equal(keypad(s.bank, s.customer.phone, second.code), 'confirmed');
  });

  it('the poll and the expiry of another browser do not touch this flow', async () => {
    const s = startAt('identity');
    await requestArs(s);
    const stranger = browser(s.app);
    assert.equal(await pollState(s, stranger), 'expired');
    assert.equal((await stranger.post(EXPIRE)).status, 204);
    assert.equal(await pollState(s), 'waiting');
  });
});

describe('본인인증: 해외출국 확인', () => {
  it('passes straight to stage 4 with an open departure record', async () => {
    const s = startAt('identity', person({ abroad: { departedAt: '2026-03-01', returnedAt: null } }));
    await expectRedirect(await s.b.post(URL, { method: 'overseas' }), ACCOUNT);
    assert.equal(s.flow.step, 'account');
  });

  for (const [what, abroad] of [
    ['no departure record', null],
    ['a departure already returned from', { departedAt: '2026-02-01', returnedAt: '2026-02-20' }],
  ] as const) {
    it(`${what}: 400 with the alert, and ARS stays available`, async () => {
      const s = startAt('identity', person({ abroad }));
      const { status, html } = await page(s.b.post(URL, { method: 'overseas' }));
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.noDeparture);
      assert.ok(labels(html).includes('전화인증(ARS)'));
      assert.ok(isChecked(html, 'overseas'));
      assert.equal(s.flow.step, 'identity');
      await expectRedirect(await s.b.get(ACCOUNT), URL);

      const call = await requestArs(s);
      keypad(s.bank, s.customer.phone, call.code);
      assert.equal(await pollState(s), 'confirmed');
      assert.equal(s.flow.step, 'account');
    });
  }

  it('choosing 해외출국 확인 ends a ringing call', async () => {
    const s = startAt('identity', person({ abroad: { departedAt: '2026-03-01', returnedAt: null } }));
    const call = await requestArs(s);
    await expectRedirect(await s.b.post(URL, { method: 'overseas' }), ACCOUNT);
    assert.equal(call.state, 'expired');
  });
});
