import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BANK_NAME, CERTIFICATE_PIN_ERROR_LIMIT, SMS } from '../../src/rules.ts';
import { MSG } from '../../src/messages.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { phoneView } from '../../src/services/phone.ts';
import {
  certificatesOfPerson,
  seedCertificate,
  type SeededCertificate,
} from '../../src/services/registry.ts';
import { browser, makeBank } from '../support.ts';
import { alertOf, alerts, buttons, expectRedirect, labels, page, person, T0, valueOf } from './lateSteps.ts';

const DAY = 86_400_000;
const PIN = '284719';
const CUSTOMER = person({ userId: 'kbqa0193', name: '김민준' });
const RRN = CUSTOMER.rrn!;
const IDENTITY = { userId: 'kbqa0193', rrnFront: RRN.slice(0, 6), rrnBack: RRN.slice(6) };
const URL = { identity: '/renewal', pin: '/renewal/pin', complete: '/renewal/complete' };

function certificate(expiresAt: number, over: Partial<SeededCertificate> = {}): SeededCertificate {
  return {
    bank: BANK_NAME,
    status: 'active',
    pin: PIN,
    issuedAt: new Date(expiresAt - 3 * 365 * DAY).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
    ...over,
  };
}

/** A bank at T0 with the customer holding `cert` (or none), and a browser. */
function setUp(cert: SeededCertificate | null) {
  const clock = { now: T0 };
  const tb = makeBank({ now: () => clock.now });
  const created = createCustomer(tb.bank, { ...CUSTOMER, certificate: cert });
  assert.ok(created.ok);
  const certs = () => certificatesOfPerson(tb.bank, RRN);
  return { ...tb, clock, customer: created.customer, b: browser(tb.app), certs };
}

type Renewal = ReturnType<typeof setUp>;

async function submitIdentity(s: Renewal, over: Partial<typeof IDENTITY> = {}) {
  return page(s.b.post(URL.identity, { ...IDENTITY, ...over }));
}

async function reachPin(s: Renewal) {
  await expectRedirect(await s.b.post(URL.identity, IDENTITY), URL.pin);
}

describe('금융인증서 갱신: identity and the window', () => {
  it('shows heading, the three fields and 다음', async () => {
    const s = setUp(null);
    const { status, html } = await page(s.b.get(URL.identity));
    assert.equal(status, 200);
    assert.match(html, /<h1>금융인증서 갱신<\/h1>/);
    assert.deepEqual(labels(html), ['사용자ID', '주민등록번호 앞자리', '주민등록번호 뒷자리']);
    assert.match(html, /<input [^>]*name="rrnBack" type="password"/);
    assert.deepEqual(buttons(html), ['다음']);
  });

  it('refuses a certificate expiring in 31 days: 가입자 갱신 등록은 30일 전부터 허용됩니다.', async () => {
    const s = setUp(certificate(T0 + 31 * DAY));
    const { status, html } = await submitIdentity(s);
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.renewalTooEarly);
    assert.equal(valueOf(html, 'userId'), IDENTITY.userId);
    assert.equal(valueOf(html, 'rrnBack'), undefined);
  });

  it('refuses one millisecond before the window opens', async () => {
    const s = setUp(certificate(T0 + 30 * DAY + 1));
    assert.equal(alertOf((await submitIdentity(s)).html), MSG.renewalTooEarly);
  });

  it('opens the window exactly 30 days before expiry: 비밀번호 6자리 and 갱신', async () => {
    const s = setUp(certificate(T0 + 30 * DAY));
    await reachPin(s);
    const { status, html } = await page(s.b.get(URL.pin));
    assert.equal(status, 200);
    assert.deepEqual(labels(html), ['비밀번호 6자리']);
    assert.match(html, /<input [^>]*name="pin" type="password"/);
    assert.deepEqual(buttons(html), ['갱신']);
    assert.deepEqual(alerts(html), []);
  });

  it('is still open at the last moment before expiry', async () => {
    const s = setUp(certificate(T0 + 1));
    await reachPin(s);
  });

  it('refuses at expiry: 유효기간이 지난 인증서는 갱신할 수 없습니다.', async () => {
    for (const expiresAt of [T0, T0 - DAY]) {
      const s = setUp(certificate(expiresAt));
      const { status, html } = await submitIdentity(s);
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.renewalExpired);
    }
  });

  it('refuses without a certificate, or with only a revoked one: 갱신할 금융인증서가 없습니다.', async () => {
    for (const cert of [null, certificate(T0 + 10 * DAY, { status: 'revoked' })]) {
      const s = setUp(cert);
      const { status, html } = await submitIdentity(s);
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.renewalNone);
    }
  });

  it('blocks a suspended certificate with 409', async () => {
    const s = setUp(certificate(T0 + 10 * DAY, { status: 'suspended' }));
    const { status, html } = await submitIdentity(s);
    assert.equal(status, 409);
    assert.equal(alertOf(html), MSG.suspended);
  });

  it('refuses a locked certificate with 403, even inside the window', async () => {
    const s = setUp(certificate(T0 + 10 * DAY, { locked: true }));
    const { status, html } = await submitIdentity(s);
    assert.equal(status, 403);
    assert.equal(alertOf(html), MSG.certificateLocked);
  });

  it('judges the window on the customer’s clock', async () => {
    const s = setUp(certificate(T0 + 40 * DAY));
    assert.equal((await submitIdentity(s)).status, 400);
    s.customer.clockOffsetSeconds = (10 * DAY) / 1000;
    await reachPin(s);
  });

  it('answers 입력하신 정보가 일치하지 않습니다. for a wrong pair, before looking at any certificate', async () => {
    const s = setUp(certificate(T0 + 31 * DAY));
    assert.notEqual(IDENTITY.rrnBack, '2345678');
    for (const over of [{ userId: 'kbqa0194' }, { rrnFront: '850505' }, { rrnBack: '2345678' }]) {
      const { status, html } = await submitIdentity(s, over);
      assert.equal(status, 400, JSON.stringify(over));
      assert.equal(alertOf(html), MSG.mismatch, JSON.stringify(over));
    }
  });

  it('answers format problems with their own message', async () => {
    const s = setUp(certificate(T0 + 10 * DAY));
    const cases: [Partial<typeof IDENTITY>, string][] = [
      [{ userId: '1kbqa' }, MSG.userIdFormat],
      [{ rrnFront: '9001' }, MSG.rrnFormat],
      [{ rrnBack: '3000000' }, MSG.rrnInvalid],
    ];
    for (const [over, message] of cases) {
      const { status, html } = await submitIdentity(s, over);
      assert.equal(status, 400);
      assert.equal(alertOf(html), message);
    }
  });

  it('the PIN screen needs a passed identity step', async () => {
    const s = setUp(certificate(T0 + 10 * DAY));
    await expectRedirect(await s.b.get(URL.pin), URL.identity);
    await expectRedirect(await s.b.post(URL.pin, { pin: PIN }), URL.identity);
    await expectRedirect(await s.b.get(URL.complete), URL.identity);
  });
});

describe('금융인증서 갱신: the PIN', () => {
  it('counts wrong PINs: 비밀번호가 일치하지 않습니다. (오류 n회/5회)', async () => {
    const s = setUp(certificate(T0 + 10 * DAY));
    await reachPin(s);
    for (let n = 1; n < CERTIFICATE_PIN_ERROR_LIMIT; n += 1) {
      const { status, html } = await page(s.b.post(URL.pin, { pin: '000000' }));
      assert.equal(status, 400);
      assert.equal(alertOf(html), `비밀번호가 일치하지 않습니다. (오류 ${n}회/5회)`);
      assert.equal(valueOf(html, 'pin'), undefined, 'the PIN field is emptied');
    }
  });

  it('a malformed PIN is not counted', async () => {
    const s = setUp(certificate(T0 + 10 * DAY));
    await reachPin(s);
    const { status, html } = await page(s.b.post(URL.pin, { pin: '12345' }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.pinFormat);
    const next = await page(s.b.post(URL.pin, { pin: '000000' }));
    assert.equal(alertOf(next.html), MSG.certificatePinMismatch(1, CERTIFICATE_PIN_ERROR_LIMIT));
  });

  it('the 5th wrong PIN locks the certificate (403, 오류 횟수를 초과); it stays active and only reissue helps', async () => {
    const s = setUp(certificate(T0 + 10 * DAY));
    await reachPin(s);
    for (let n = 1; n < CERTIFICATE_PIN_ERROR_LIMIT; n += 1) await s.b.post(URL.pin, { pin: '000000' });
    const { status, html } = await page(s.b.post(URL.pin, { pin: '000000' }));
    assert.equal(status, 403);
    assert.match(alertOf(html), /오류 횟수를 초과/);
    const [cert] = s.certs();
    assert.equal(cert?.locked, true);
    assert.equal(cert?.status, 'active');
    // The right PIN no longer helps, and a new attempt is refused at once.
    await expectRedirect(await s.b.post(URL.pin, { pin: PIN }), URL.identity);
    const again = await submitIdentity(s);
    assert.equal(again.status, 403);
    assert.equal(alertOf(again.html), MSG.certificateLocked);
  });

  it('a right PIN resets the count', async () => {
    const s = setUp(certificate(T0 + 10 * DAY));
    await reachPin(s);
    for (let n = 1; n < CERTIFICATE_PIN_ERROR_LIMIT; n += 1) await s.b.post(URL.pin, { pin: '000000' });
    await expectRedirect(await s.b.post(URL.pin, { pin: PIN }), URL.complete);
    const [, renewed] = s.certs();
    assert.equal(renewed?.locked, false);
  });

  it('checks the window again at the PIN: the certificate expired meanwhile', async () => {
    const s = setUp(certificate(T0 + DAY));
    await reachPin(s);
    s.clock.now += DAY;
    const { status, html } = await page(s.b.post(URL.pin, { pin: PIN }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.renewalExpired);
    assert.equal(s.certs()[0]?.status, 'expired', 'nothing renewed');
  });

  it('starts over when the certificate was replaced after the identity step (a reissue meanwhile)', async () => {
    const s = setUp(certificate(T0 + 10 * DAY));
    await reachPin(s);
    const [old] = s.certs();
    s.bank.store.getCertificate(old!.serial)!.status = 'revoked';
    seedCertificate(s.bank, s.customer, certificate(T0 + 10 * DAY, { pin: '135790' }));
    await expectRedirect(await s.b.post(URL.pin, { pin: PIN }), URL.identity);
    assert.deepEqual(
      s.certs().map((c) => c.status),
      ['revoked', 'active'],
      'nothing renewed',
    );
  });

  it('renews: new serial, expiry = old + 1 day + 3 years (Korea time), old revoked, SMS, completion page', async () => {
    // Old expiry 2026-03-20 00:00 Korea time: renewed to 2029-03-21 00:00 Korea time.
    const oldExpiry = Date.UTC(2026, 2, 19, 15, 0, 0);
    const s = setUp(certificate(oldExpiry));
    const [old] = s.certs();
    await reachPin(s);
    await expectRedirect(await s.b.post(URL.pin, { pin: PIN }), URL.complete);

    const certs = s.certs();
    assert.equal(certs.length, 2);
    const renewed = certs.find((c) => c.serial !== old?.serial);
    assert.equal(certs.find((c) => c.serial === old?.serial)?.status, 'revoked');
    assert.equal(renewed?.status, 'active');
    assert.equal(renewed?.expiresAt, '2029-03-20T15:00:00.000Z');
    assert.equal(renewed?.issuedAt, new Date(T0).toISOString());

    const sms = phoneView(s.bank, s.customer.phone).sms;
    assert.deepEqual(sms.at(-1), {
      direction: 'in',
      text: SMS.renewed('김민준'),
      at: new Date(T0).toISOString(),
    });

    const { status, html } = await page(s.b.get(URL.complete));
    assert.equal(status, 200);
    assert.match(html, /<h1>금융인증서 갱신이 완료되었습니다<\/h1>/);
    assert.ok(html.includes('<dt>유효기간</dt><dd>2026.03.10 ~ 2029.03.21</dd>'), 'the new validity');
    assert.ok(html.includes(`<dt>일련번호</dt><dd>${renewed?.serial}</dd>`), 'the new serial');
    assert.ok(
      !s.logLines.some((l) => l.includes(PIN) || l.includes(RRN)),
      'no PIN or 주민등록번호 in the log',
    );

    // Submitting the PIN again goes to the completion page; renewing again is too early.
    await expectRedirect(await s.b.post(URL.pin, { pin: PIN }), URL.complete);
    assert.equal(alertOf((await submitIdentity(s)).html), MSG.renewalTooEarly);
  });
});
