// 사용자 정보 입력 (spec §2.2): format messages, the counted wrong pairs and the discarding 5th, and the
// registry check (reissue dialog, 효력정지 block, expired certificate).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Door } from '../../src/domain/flow.ts';
import { MSG } from '../../src/messages.ts';
import { USER_INFO_ERROR_LIMIT } from '../../src/rules.ts';
import { createCustomer, type NewCustomer } from '../../src/services/customers.ts';
import { seedCertificate, type SeededCertificate } from '../../src/services/registry.ts';
import { browser, makeBank, sessionOf } from '../support.ts';
import {
  alertOf,
  alerts,
  buttons,
  expectRedirect,
  labels,
  links,
  page,
  person,
  rrn,
  T0,
  valueOf,
} from './lateSteps.ts';

const URL = '/fincert/issue/user-info';
const CUSTOMER = person();
const RRN = CUSTOMER.rrn!;
const RIGHT = { userId: CUSTOMER.userId!, rrnFront: RRN.slice(0, 6), rrnBack: RRN.slice(6) };
/** Another well-formed 주민등록번호 with a valid check digit. */
const OTHER_RRN = rrn('850505234567');

/** Korea-time 2026-03-10 is T0: a certificate issued a year earlier is active, one that ended in January expired. */
const ACTIVE: SeededCertificate = {
  bank: 'KB국민은행',
  status: 'active',
  pin: '284719',
  issuedAt: '2025-01-05T00:00:00Z',
  expiresAt: '2028-01-05T00:00:00Z',
};

/** A bank (clock at T0) with the test customer, and a browser whose flow is at 사용자 정보 입력. */
async function atUserInfo(
  opts: { customer?: NewCustomer; door?: Door; certificate?: SeededCertificate } = {},
) {
  const tb = makeBank({ now: () => T0 });
  const created = createCustomer(tb.bank, opts.customer ?? CUSTOMER);
  assert.ok(created.ok);
  if (opts.certificate) seedCertificate(tb.bank, created.customer, opts.certificate);
  const b = browser(tb.app);
  await b.get(`/fincert/issue?door=${opts.door ?? 'web'}`);
  await expectRedirect(await b.post('/fincert/issue/terms', { all: 'on' }), URL);
  return { ...tb, b, customer: created.customer, flow: () => sessionOf(tb.bank, b)!.flow! };
}

function dialogOf(html: string): string | undefined {
  return /<dialog [^>]*>([\s\S]*?)<\/dialog>/.exec(html)?.[1];
}

/** The dialog's text as a screen reader reads it: tags removed. */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('사용자 정보 입력: the screen', () => {
  it('has the three fields, 아이디찾기 and 다음; the back half is masked', async () => {
    const { b } = await atUserInfo();
    const { status, html } = await page(b.get(URL));
    assert.equal(status, 200);
    assert.deepEqual(labels(html), ['사용자ID', '주민등록번호 앞자리', '주민등록번호 뒷자리']);
    assert.match(html, /<input [^>]*name="rrnBack" type="password"/);
    assert.match(html, /<a href="\/id-lookup">아이디찾기<\/a>/);
    assert.deepEqual(
      links(html).filter((l) => l === '아이디찾기'),
      ['아이디찾기'],
    );
    assert.deepEqual(buttons(html), ['다음']);
    assert.match(html, /<li [^>]*aria-current="step"[^>]*>사용자 정보 입력<\/li>/);
  });

  it('prefills 사용자ID from 아이디찾기', async () => {
    const { b, flow } = await atUserInfo();
    flow().prefillUserId = 'kbqa0193';
    const { html } = await page(b.get(URL));
    assert.equal(valueOf(html, 'userId'), 'kbqa0193');
  });
});

describe('사용자 정보 입력: wrong and malformed pairs', () => {
  it('a matching pair with no certificate goes on to 본인인증', async () => {
    const { b, flow } = await atUserInfo();
    await expectRedirect(await b.post(URL, RIGHT), '/fincert/issue/identity');
    assert.equal(flow().step, 'identity');
    assert.equal(flow().userId, CUSTOMER.userId);
    assert.equal(flow().reissue, false);
  });

  it('a wrong pair answers 400 with the alert, typed values kept, the back half cleared, and counts', async () => {
    const { b, flow } = await atUserInfo();
    const wrong = { ...RIGHT, rrnFront: OTHER_RRN.slice(0, 6), rrnBack: OTHER_RRN.slice(6) };
    const { status, html } = await page(b.post(URL, wrong));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.mismatch);
    assert.equal(valueOf(html, 'userId'), RIGHT.userId);
    assert.equal(valueOf(html, 'rrnFront'), wrong.rrnFront);
    assert.equal(valueOf(html, 'rrnBack'), undefined);
    assert.ok(!html.includes(wrong.rrnBack));
    assert.equal(flow().userInfoErrors, 1);
    assert.equal(flow().step, 'userInfo');
  });

  it('an unknown user ID with the right number is a wrong pair too', async () => {
    const { b, flow } = await atUserInfo();
    const { status, html } = await page(b.post(URL, { ...RIGHT, userId: 'someone99' }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.mismatch);
    assert.equal(flow().userInfoErrors, 1);
  });

  it(`the ${USER_INFO_ERROR_LIMIT}th wrong pair discards the flow: 약관동의 of a new one, same door, with the alert`, async () => {
    const { b, flow } = await atUserInfo({ door: 'app' });
    const first = flow();
    const wrong = { ...RIGHT, userId: 'someone99' };
    for (let i = 1; i < USER_INFO_ERROR_LIMIT; i++) {
      const { status, html } = await page(b.post(URL, wrong));
      assert.equal(status, 400, `try ${i}`);
      assert.equal(alertOf(html), MSG.mismatch);
    }
    await expectRedirect(await b.post(URL, wrong), '/fincert/issue/terms');
    const fresh = flow();
    assert.notEqual(fresh.id, first.id);
    assert.equal(fresh.step, 'terms');
    assert.equal(fresh.door, 'app');
    assert.equal(fresh.userInfoErrors, 0);
    const terms = await page(b.get('/fincert/issue/terms'));
    assert.equal(alertOf(terms.html), MSG.userInfoLimit);
    // The right pair cannot skip ahead: the new flow starts at 약관동의.
    await expectRedirect(await b.post(URL, RIGHT), '/fincert/issue/terms');
  });

  const malformed: [string, Record<string, string>, string][] = [
    ['an empty form', {}, MSG.userIdFormat],
    ['a user ID starting with a digit', { ...RIGHT, userId: '1kbqa0193' }, MSG.userIdFormat],
    ['a user ID too short', { ...RIGHT, userId: 'kb1' }, MSG.userIdFormat],
    ['a 5-digit front half', { ...RIGHT, rrnFront: '90010' }, MSG.rrnFormat],
    ['letters in the back half', { ...RIGHT, rrnBack: '12345ab' }, MSG.rrnFormat],
    ['an 8-digit back half', { ...RIGHT, rrnBack: '12345678' }, MSG.rrnFormat],
    ['an impossible date', { ...RIGHT, rrnFront: '901301' }, MSG.rrnInvalid],
    ['a placeholder back half', { ...RIGHT, rrnBack: '1000000' }, MSG.rrnInvalid],
  ];
  for (const [what, form, message] of malformed) {
    it(`${what}: 400 with its own message, not counted`, async () => {
      const { b, flow } = await atUserInfo();
      const { status, html } = await page(b.post(URL, form));
      assert.equal(status, 400);
      assert.equal(alertOf(html), message);
      assert.equal(flow().userInfoErrors, 0);
    });
  }

  it('malformed pairs never reach the limit; well-formed ones still count from zero', async () => {
    const { b, flow } = await atUserInfo();
    for (let i = 0; i < USER_INFO_ERROR_LIMIT * 2; i++) {
      assert.equal((await b.post(URL, { ...RIGHT, rrnFront: 'abc' })).status, 400);
    }
    assert.equal(flow().userInfoErrors, 0);
    for (let i = 1; i < USER_INFO_ERROR_LIMIT; i++) await b.post(URL, { ...RIGHT, userId: 'someone99' });
    assert.equal(flow().step, 'userInfo');
    await expectRedirect(await b.post(URL, RIGHT), '/fincert/issue/identity');
  });

  it('a bad check digit is accepted, with a warning that does not carry the number', async () => {
    const first12 = '900101123456';
    const good = rrn(first12);
    const bad = first12 + ((Number(good[12]) + 1) % 10);
    const { b, logLines } = await atUserInfo({ customer: person({ rrn: bad }) });
    await expectRedirect(
      await b.post(URL, { ...RIGHT, rrnFront: bad.slice(0, 6), rrnBack: bad.slice(6) }),
      '/fincert/issue/identity',
    );
    assert.ok(
      logLines.some((line) => /check ?digit/i.test(line)),
      'a warning is logged',
    );
    for (const line of logLines) {
      assert.ok(!line.includes(bad.slice(6)) && !line.includes(bad), `no number in ${line}`);
    }
  });
});

describe('사용자 정보 입력: the registry', () => {
  for (const [what, certificate] of [
    ['an active certificate of this bank', ACTIVE],
    ["another bank's active certificate", { ...ACTIVE, bank: '신한은행' }],
    ['a locked active certificate', { ...ACTIVE, locked: true }],
  ] as const) {
    it(`${what} opens the reissue dialog`, async () => {
      const { b, flow } = await atUserInfo({ certificate });
      const { status, html } = await page(b.post(URL, RIGHT));
      assert.equal(status, 200);
      const dialog = dialogOf(html);
      assert.ok(dialog, 'a dialog');
      assert.match(html, /<dialog [^>]*role="dialog"/);
      assert.ok(textOf(dialog).startsWith(MSG.existingCertificate));
      assert.ok(textOf(dialog).includes(certificate.bank));
      assert.deepEqual(buttons(dialog), ['재발급 진행', '취소']);
      assert.equal(flow().step, 'userInfo');
      assert.equal(flow().awaitingReissueChoice, true);
      // The choice is still pending: 본인인증 is refused.
      await expectRedirect(await b.get('/fincert/issue/identity'), URL);
      const again = await page(b.get(URL));
      assert.equal(alertOf(again.html), MSG.stepRefused);
      assert.ok(dialogOf(again.html), 'the dialog is shown again');
    });
  }

  it('재발급 진행 goes on to 본인인증 as a reissue', async () => {
    const { b, flow } = await atUserInfo({ certificate: ACTIVE });
    await b.post(URL, RIGHT);
    await expectRedirect(await b.post(`${URL}/reissue`), '/fincert/issue/identity');
    assert.equal(flow().reissue, true);
    assert.equal(flow().step, 'identity');
    assert.equal(flow().awaitingReissueChoice, undefined);
    const identity = await page(b.get('/fincert/issue/identity'));
    assert.equal(identity.status, 200);
    assert.match(identity.html, /<h1>금융인증서 재발급<\/h1>/);
  });

  it('재발급 진행 without a pending dialog is refused', async () => {
    const { b, flow } = await atUserInfo();
    await expectRedirect(await b.post(`${URL}/reissue`), URL);
    assert.equal(flow().reissue, false);
    assert.equal(alertOf((await page(b.get(URL))).html), MSG.stepRefused);
  });

  it('취소 goes back to 인증센터 with nothing changed', async () => {
    const { bank, b, flow, customer } = await atUserInfo({ certificate: ACTIVE });
    const before = JSON.stringify(bank.store.certificatesOf(customer.rrn));
    await b.post(URL, RIGHT);
    await expectRedirect(await b.post(`${URL}/cancel`), '/certcenter');
    assert.equal(JSON.stringify(bank.store.certificatesOf(customer.rrn)), before);
    assert.equal(flow().awaitingReissueChoice, undefined);
    assert.equal(flow().userId, undefined);
    assert.equal(flow().reissue, false);
    const back = await page(b.get(URL));
    assert.equal(dialogOf(back.html), undefined);
    await expectRedirect(await b.get('/fincert/issue/identity'), URL);
  });

  it('a suspended certificate blocks the flow with 409', async () => {
    const { b, flow } = await atUserInfo({ certificate: { ...ACTIVE, status: 'suspended' } });
    const { status, html } = await page(b.post(URL, RIGHT));
    assert.equal(status, 409);
    const alert = alertOf(html);
    assert.ok(alert.includes('현재 효력정지 상태입니다') && alert.includes('효력회복'), alert);
    assert.equal(dialogOf(html), undefined);
    assert.equal(flow().userId, undefined);
    assert.equal(flow().userInfoErrors, 0);
    await expectRedirect(await b.get('/fincert/issue/identity'), URL);
  });

  it('an expired certificate opens no dialog: a new issue follows', async () => {
    const expired = { ...ACTIVE, issuedAt: '2023-01-05T00:00:00Z', expiresAt: '2026-01-05T00:00:00Z' };
    const { b, flow } = await atUserInfo({ certificate: expired });
    const res = await b.post(URL, RIGHT);
    await expectRedirect(res, '/fincert/issue/identity');
    assert.equal(flow().reissue, false);
    assert.equal(flow().awaitingReissueChoice, undefined);
    const identity = await page(b.get('/fincert/issue/identity'));
    assert.match(identity.html, /<h1>금융인증서 발급<\/h1>/);
    assert.deepEqual(alerts(identity.html), []);
  });
});
