import { STEP_URL } from '../support.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MSG } from '../../src/messages.ts';
import { alertOf, buttons, expectRedirect, labels, page, startAt, valueOf } from './lateSteps.ts';

const URL = STEP_URL.password;

describe('비밀번호 설정', () => {
  it('shows heading 비밀번호 설정, 비밀번호 6자리 and 비밀번호 확인 (masked) and 확인', async () => {
    const s = startAt('password');
    const { status, html } = await page(s.b.get(URL));
    assert.equal(status, 200);
    assert.match(html, /<h2>비밀번호 설정<\/h2>/);
    assert.deepEqual(labels(html), ['비밀번호 6자리', '비밀번호 확인']);
    assert.match(html, /name="pin" type="password"/);
    assert.match(html, /name="pinConfirm" type="password"/);
    assert.deepEqual(buttons(html), ['확인']);
    assert.match(html, /<li class="current" aria-current="step">인증서 설정<\/li>/);
  });

  // Checks run in the order format, weak, mismatch (spec §2.5).
  const refused: [pin: string, confirmation: string, message: string][] = [
    ['111111', '111111', MSG.pinWeak],
    ['123456', '123456', MSG.pinWeak],
    ['654321', '654321', MSG.pinWeak],
    ['012345', '012345', MSG.pinWeak],
    ['12345', '12345', MSG.pinFormat],
    ['1234567', '1234567', MSG.pinFormat],
    ['12a456', '12a456', MSG.pinFormat],
    ['', '', MSG.pinFormat],
    ['12345', '99999', MSG.pinFormat],
    ['123456', '802461', MSG.pinWeak],
    ['890124', '890123', MSG.pinMismatch],
  ];
  for (const [pin, confirmation, message] of refused) {
    it(`${JSON.stringify(pin)} / ${JSON.stringify(confirmation)} → 400 ${message}, both fields cleared`, async () => {
      const s = startAt('password');
      const { status, html } = await page(s.b.post(URL, { pin, pinConfirm: confirmation }));
      assert.equal(status, 400);
      assert.equal(alertOf(html), message);
      assert.equal(valueOf(html, 'pin'), undefined);
      assert.equal(valueOf(html, 'pinConfirm'), undefined);
      assert.equal(s.bank.store.certificatesOf(s.customer.rrn).length, 0, 'nothing issued');
      assert.equal(s.flow.step, 'password');
    });
  }

  for (const pin of ['890123', '802461', '112233']) {
    it(`${pin} is allowed: the certificate is issued and the completion page follows`, async () => {
      const s = startAt('password');
      await expectRedirect(await s.b.post(URL, { pin, pinConfirm: pin }), STEP_URL.complete);
      const [cert] = s.bank.store.certificatesOf(s.customer.rrn);
      assert.ok(cert);
      assert.equal(cert.pin, pin);
      assert.equal(cert.status, 'active');
      assert.equal(s.flow.issuedSerial, cert.serial);
      assert.equal(s.flow.step, 'complete');
    });
  }

  it('after completion every step submission goes to the completion page, and nothing is issued twice', async () => {
    const s = startAt('password');
    await s.b.post(URL, { pin: '890123', pinConfirm: '890123' });
    await expectRedirect(await s.b.post(URL, { pin: '802461', pinConfirm: '802461' }), STEP_URL.complete);
    await expectRedirect(await s.b.post(STEP_URL.cloud, {}), STEP_URL.complete);
    await expectRedirect(await s.b.post(STEP_URL.account, {}), STEP_URL.complete);
    await expectRedirect(await s.b.get(URL), STEP_URL.complete);
    assert.equal(s.bank.store.certificatesOf(s.customer.rrn).length, 1);
  });

  it('is refused until the cloud code was confirmed', async () => {
    const s = startAt('cloud');
    await expectRedirect(await s.b.get(URL), STEP_URL.cloud);
    await expectRedirect(await s.b.post(URL, { pin: '890123', pinConfirm: '890123' }), STEP_URL.cloud);
    assert.equal(s.bank.store.certificatesOf(s.customer.rrn).length, 0);
  });

  it('no PIN reaches the log', async () => {
    const s = startAt('password');
    await s.b.post(URL, { pin: '12345', pinConfirm: '12345' });
    await s.b.post(URL, { pin: '890123', pinConfirm: '890123' });
    for (const line of s.logLines) {
      assert.doesNotMatch(line, /890123|12345/);
      assert.ok(!line.includes(s.customer.rrn));
    }
  });
});
