import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ID_LOOKUP_CODE_TTL_MS,
  SERVER_DEADLINE_GRACE_MS,
  SESSION_COOKIE,
  SMS_CODE_LENGTH,
} from '../../src/rules.ts';
import { MSG } from '../../src/messages.ts';
import { newFlow } from '../../src/domain/flow.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { phoneView } from '../../src/services/phone.ts';
import type { Session } from '../../src/store.ts';
import { browser, makeBank, STEP_URL } from '../support.ts';
import { alertOf, alerts, buttons, expectRedirect, labels, page, person, T0, valueOf } from './lateSteps.ts';

const PAGE = '/id-lookup';
const CUSTOMER = person({ userId: 'kbqa0193', name: '김민준', phone: '010-1234-5678' });
const RRN = CUSTOMER.rrn!;
const TYPED = { name: '김민준', rrnFront: RRN.slice(0, 6), rrnBack: RRN.slice(6), phone: '010-1234-5678' };

function setUp() {
  const clock = { now: T0 };
  const tb = makeBank({ now: () => clock.now });
  assert.ok(createCustomer(tb.bank, CUSTOMER).ok);
  const b = browser(tb.app);
  const session = (): Session => {
    const id = b.cookie.slice(`${SESSION_COOKIE}=`.length);
    const found = tb.bank.store.getSession(id);
    assert.ok(found, 'the browser has a session');
    return found;
  };
  /** The code of the newest `[KB국민은행] 인증번호 [NNNNNN]` the phone received. */
  const smsCode = (): string => {
    const texts = phoneView(tb.bank, TYPED.phone).sms.map((m) => m.text);
    const code = /^\[KB국민은행\] 인증번호 \[(\d+)\]$/.exec(texts.at(-1) ?? '')?.[1];
    assert.ok(code, `the phone received a code, got ${JSON.stringify(texts)}`);
    return code;
  };
  return { ...tb, clock, b, session, smsCode };
}

type Lookup = ReturnType<typeof setUp>;

/** Requests a code with the customer's details and returns it. */
async function requestCode(s: Lookup): Promise<string> {
  await expectRedirect(await s.b.post(`${PAGE}/code`, TYPED), PAGE);
  return s.smsCode();
}

/** Walks the lookup up to the result screen. */
async function findId(s: Lookup): Promise<void> {
  const code = await requestCode(s);
  await expectRedirect(await s.b.post(`${PAGE}/verify`, { code }), PAGE);
}

/** A wrong code: the right one with its last digit changed. */
function wrong(code: string): string {
  return code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
}

describe('아이디찾기', () => {
  it('shows the request form: heading, the four fields and 인증번호 요청', async () => {
    const s = setUp();
    const { status, html } = await page(s.b.get(PAGE));
    assert.equal(status, 200);
    assert.match(html, /<h1>아이디찾기<\/h1>/);
    assert.deepEqual(labels(html), ['이름', '주민등록번호 앞자리', '주민등록번호 뒷자리', '휴대폰번호']);
    assert.match(html, /<input [^>]*name="rrnBack" type="password"/);
    assert.deepEqual(buttons(html), ['인증번호 요청']);
    assert.deepEqual(alerts(html), []);
  });

  it('sends a 6-digit code by SMS and shows 인증번호, 확인 and a 3-minute countdown', async () => {
    const s = setUp();
    const code = await requestCode(s);
    assert.equal(code.length, SMS_CODE_LENGTH);
    const { status, html } = await page(s.b.get(PAGE));
    assert.equal(status, 200);
    assert.ok(labels(html).includes('인증번호'));
    assert.deepEqual(buttons(html), ['인증번호 요청', '확인']);
    assert.match(
      html,
      /role="timer" aria-label="남은 시간" data-remaining-ms="180000" data-expire-url="\/id-lookup\/expire">3:00</,
    );
    // Typed values come back, the 주민등록번호 back half never does.
    assert.equal(valueOf(html, 'name'), TYPED.name);
    assert.equal(valueOf(html, 'phone'), TYPED.phone);
    assert.equal(valueOf(html, 'rrnBack'), undefined);
    assert.ok(
      !html.includes(TYPED.rrnBack) && !html.includes(code),
      'neither the back half nor the code is on the page',
    );
    assert.ok(!s.logLines.some((l) => l.includes(RRN.slice(6)) || l.includes(code)), 'no secret in the log');
  });

  it('shows the user ID once the right code is typed', async () => {
    const s = setUp();
    await findId(s);
    const { status, html } = await page(s.b.get(PAGE));
    assert.equal(status, 200);
    assert.ok(html.includes('<p class="lookup-result">고객님의 사용자ID는 kbqa0193 입니다</p>'));
    assert.deepEqual(buttons(html), ['이 아이디로 계속']);
  });

  it('이 아이디로 계속 without a flow starts one at 약관동의 with the ID to fill in', async () => {
    const s = setUp();
    await findId(s);
    await expectRedirect(await s.b.post(`${PAGE}/continue`), STEP_URL.terms);
    const flow = s.session().flow;
    assert.equal(flow?.step, 'terms');
    assert.equal(flow?.prefillUserId, 'kbqa0193');
    assert.equal(s.session().lookup, undefined, 'the lookup is over');
  });

  it('이 아이디로 계속 keeps a flow still at 약관동의 and goes there', async () => {
    const s = setUp();
    await s.b.get(PAGE);
    const flow = newFlow('flow-1', 'app');
    s.session().flow = flow;
    await findId(s);
    await expectRedirect(await s.b.post(`${PAGE}/continue`), STEP_URL.terms);
    assert.equal(s.session().flow, flow, 'the same flow');
    assert.equal(flow.prefillUserId, 'kbqa0193');
  });

  it('이 아이디로 계속 after 약관동의 goes back to 사용자 정보 입력 with the ID, earlier progress reset', async () => {
    const s = setUp();
    await s.b.get(PAGE);
    s.session().flow = {
      ...newFlow('flow-1', 'web'),
      step: 'identity',
      userId: 'kbqa0001',
      identityChallengeId: 'x',
    };
    await findId(s);
    await expectRedirect(await s.b.post(`${PAGE}/continue`), STEP_URL.userInfo);
    const flow = s.session().flow;
    assert.equal(flow?.id, 'flow-1');
    assert.equal(flow?.step, 'userInfo');
    assert.equal(flow?.userId, undefined);
    assert.equal(flow?.identityChallengeId, undefined);
    assert.equal(flow?.prefillUserId, 'kbqa0193');
  });

  it('이 아이디로 계속 before the code was confirmed does nothing', async () => {
    const s = setUp();
    await requestCode(s);
    await expectRedirect(await s.b.post(`${PAGE}/continue`), PAGE);
    assert.equal(s.session().flow, undefined);
  });

  it('answers 일치하는 고객 정보가 없습니다. when name, 주민등록번호 or phone do not match, and sends nothing', async () => {
    const s = setUp();
    for (const over of [
      { name: '이서연' },
      { phone: '010-9999-8888' },
      { rrnBack: RRN.slice(6, 12) + String((Number(RRN[12]) + 1) % 10) },
    ]) {
      const { status, html } = await page(s.b.post(`${PAGE}/code`, { ...TYPED, ...over }));
      assert.equal(status, 400, JSON.stringify(over));
      assert.equal(alertOf(html), MSG.noCustomer);
      assert.equal(valueOf(html, 'rrnBack'), undefined, 'the back half is cleared');
    }
    assert.deepEqual(phoneView(s.bank, TYPED.phone).sms, []);
    assert.equal(s.session().lookup, undefined);
  });

  it('answers format problems with 400 and what to fix, typed values kept', async () => {
    const s = setUp();
    const cases: [Partial<typeof TYPED>, string][] = [
      [{ name: ' ' }, MSG.nameRequired],
      [{ rrnFront: '90010' }, MSG.rrnFormat],
      [{ rrnBack: '1234a67' }, MSG.rrnFormat],
      [{ rrnBack: '1000000' }, MSG.rrnInvalid],
      [{ rrnFront: '901301' }, MSG.rrnInvalid],
      [{ phone: '02-123-4567' }, MSG.phoneFormat],
    ];
    for (const [over, message] of cases) {
      const { status, html } = await page(s.b.post(`${PAGE}/code`, { ...TYPED, ...over }));
      assert.equal(status, 400, JSON.stringify(over));
      assert.equal(alertOf(html), message, JSON.stringify(over));
      assert.equal(valueOf(html, 'phone'), over.phone ?? TYPED.phone);
    }
    assert.deepEqual(phoneView(s.bank, TYPED.phone).sms, []);
  });

  it('accepts the phone without hyphens', async () => {
    const s = setUp();
    await expectRedirect(await s.b.post(`${PAGE}/code`, { ...TYPED, phone: '01012345678' }), PAGE);
    s.smsCode();
  });

  it('a wrong code answers 인증번호가 일치하지 않습니다. and the right one still works', async () => {
    const s = setUp();
    const code = await requestCode(s);
    const { status, html } = await page(s.b.post(`${PAGE}/verify`, { code: wrong(code) }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.codeMismatch);
    assert.ok(labels(html).includes('인증번호'), 'the code can be typed again');
    assert.equal(valueOf(html, 'code'), undefined, 'the wrong code is cleared');
    await expectRedirect(await s.b.post(`${PAGE}/verify`, { code }), PAGE);
    assert.equal(s.session().lookup?.verified, true);
  });

  it('a code that is not 6 digits is a format problem, not a wrong try', async () => {
    const s = setUp();
    await requestCode(s);
    const { status, html } = await page(s.b.post(`${PAGE}/verify`, { code: '12a4' }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.digitsFormat('인증번호', SMS_CODE_LENGTH));
  });

  it('a late code (past the server deadline) answers 인증 시간이 초과되었습니다. and offers 인증번호 요청 again', async () => {
    const s = setUp();
    const code = await requestCode(s);
    s.clock.now += ID_LOOKUP_CODE_TTL_MS + SERVER_DEADLINE_GRACE_MS;
    const { status, html } = await page(s.b.post(`${PAGE}/verify`, { code }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.codeTimeout);
    assert.ok(buttons(html).includes('인증번호 요청'));
    assert.ok(!html.includes('role="timer"'), 'no countdown for a dead code');
    // A new request sends a new code that works.
    s.clock.now += 1000;
    const again = await requestCode(s);
    await expectRedirect(await s.b.post(`${PAGE}/verify`, { code: again }), PAGE);
  });

  it('still accepts the code just before the server deadline', async () => {
    const s = setUp();
    const code = await requestCode(s);
    s.clock.now += ID_LOOKUP_CODE_TTL_MS + SERVER_DEADLINE_GRACE_MS - 1;
    await expectRedirect(await s.b.post(`${PAGE}/verify`, { code }), PAGE);
  });

  it('the countdown’s expire call (204) makes the code late at once', async () => {
    const s = setUp();
    const code = await requestCode(s);
    const expired = await s.b.post(`${PAGE}/expire`);
    assert.equal(expired.status, 204);
    const shown = await page(s.b.get(PAGE));
    assert.equal(alertOf(shown.html), MSG.codeTimeout);
    const { status, html } = await page(s.b.post(`${PAGE}/verify`, { code }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.codeTimeout);
  });

  it('the lookup follows the customer’s clock', async () => {
    const s = setUp();
    const code = await requestCode(s);
    s.bank.store.getCustomer('kbqa0193')!.clockOffsetSeconds =
      (ID_LOOKUP_CODE_TTL_MS + SERVER_DEADLINE_GRACE_MS) / 1000;
    const { status, html } = await page(s.b.post(`${PAGE}/verify`, { code }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.codeTimeout);
  });

  it('verify and expire without a lookup change nothing', async () => {
    const s = setUp();
    await expectRedirect(await s.b.post(`${PAGE}/verify`, { code: '123456' }), PAGE);
    assert.equal((await s.b.post(`${PAGE}/expire`)).status, 204);
  });
});
