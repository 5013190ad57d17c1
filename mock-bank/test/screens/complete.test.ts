import { STEP_URL } from '../support.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SMS } from '../../src/rules.ts';
import { phoneView } from '../../src/services/phone.ts';
import { expectRedirect, page, person, startAt, type Started } from './lateSteps.ts';

const PIN = '890123';

async function finish(s: Started): Promise<string> {
  await expectRedirect(await s.b.post(STEP_URL.password, { pin: PIN, pinConfirm: PIN }), STEP_URL.complete);
  const { status, html } = await page(s.b.get(STEP_URL.complete));
  assert.equal(status, 200);
  return html;
}

/** The `<dd>` that follows each `<dt>`. */
function descriptions(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** A certificate from another bank, active now (T0 is 2026-03-10). */
const OTHER_BANK_CERT = {
  bank: '신한은행',
  status: 'active',
  pin: '284719',
  issuedAt: '2024-05-20T01:00:00Z',
  expiresAt: '2027-05-20T01:00:00Z',
} as const;

describe('발급 완료', () => {
  it('shows the heading and the certificate: 종류, 발급기관, 소유자, 유효기간 (3 years), 일련번호', async () => {
    const s = startAt('password');
    const html = await finish(s);
    assert.match(html, /<h2>금융인증서 발급이 완료되었습니다<\/h2>/);
    const [cert] = s.bank.store.certificatesOf(s.customer.rrn);
    assert.deepEqual(descriptions(html), {
      '인증서 종류': '금융인증서',
      발급기관: '금융결제원',
      소유자: '김민준',
      유효기간: '2026.03.10 ~ 2029.03.10',
      일련번호: cert!.serial,
    });
  });

  it("the completion SMS is on the customer's phone before the completion page is served", async () => {
    const s = startAt('password');
    await expectRedirect(await s.b.post(STEP_URL.password, { pin: PIN, pinConfirm: PIN }), STEP_URL.complete);
    const texts = phoneView(s.bank, s.customer.phone).sms.map((m) => m.text);
    assert.deepEqual(texts, ['[KB국민은행] 김민준님 인증서 발급완료. 본인요청 아닐 시 신고요망']);
    assert.equal(texts[0], SMS.issued('김민준'));
  });

  it("a reissue revokes the old certificate everywhere (another bank's too), keeps its expiry, says 재발급", async () => {
    const s = startAt('password', person({ certificate: OTHER_BANK_CERT }), { reissue: true });
    const [old] = s.bank.store.certificatesOf(s.customer.rrn);
    const html = await finish(s);
    assert.match(html, /<h2>금융인증서 재발급이 완료되었습니다<\/h2>/);
    assert.match(html, /<h1>금융인증서 재발급<\/h1>/);
    assert.equal(old!.status, 'revoked');
    const active = s.bank.store.certificatesOf(s.customer.rrn).filter((c) => c.status === 'active');
    assert.equal(active.length, 1);
    assert.notEqual(active[0]!.serial, old!.serial);
    assert.equal(active[0]!.expiresAt, OTHER_BANK_CERT.expiresAt.replace('Z', '.000Z'));
    assert.equal(descriptions(html)['유효기간'], '2026.03.10 ~ 2027.05.20');
    // Same SMS text for a reissue.
    assert.equal(phoneView(s.bank, s.customer.phone).sms.at(-1)?.text, SMS.issued('김민준'));
  });

  it('is refused before the certificate was issued', async () => {
    const s = startAt('password');
    await expectRedirect(await s.b.get(STEP_URL.complete), STEP_URL.password);
  });

  it('stays the landing page of the finished flow', async () => {
    const s = startAt('password');
    await finish(s);
    await expectRedirect(
      await s.b.post(STEP_URL.details, { email: 'a@example.com', address: '서울' }),
      STEP_URL.complete,
    );
    assert.equal((await s.b.get(STEP_URL.complete)).status, 200);
  });
});
