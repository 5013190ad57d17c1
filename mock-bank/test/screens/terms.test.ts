// 약관동의 (spec §2.1): the boxes, 전체 동의, and every (필수) box required.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MSG } from '../../src/messages.ts';
import { browser, makeBank, sessionOf } from '../support.ts';
import { alertOf, alerts, buttons, expectRedirect, labels, page, startAt } from './lateSteps.ts';

const TERMS_URL = '/fincert/issue/terms';
const REQUIRED = { service: 'on', privacy: 'on', uniqueId: 'on' } as const;

/** A browser with a new flow at 약관동의. */
async function atTerms() {
  const tb = makeBank();
  const b = browser(tb.app);
  await b.get('/fincert/issue');
  return { ...tb, b, flow: () => sessionOf(tb.bank, b)?.flow };
}

function isChecked(html: string, name: string): boolean {
  const input = new RegExp(`<input [^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  assert.ok(input, `a checkbox named ${name}`);
  return /\schecked(=|\s|\/|>)/.test(input);
}

describe('약관동의', () => {
  it('shows the five boxes with their exact labels, 전체 동의 toggling the rest, and 다음', async () => {
    const { b } = await atTerms();
    const { status, html } = await page(b.get(TERMS_URL));
    assert.equal(status, 200);
    assert.deepEqual(labels(html), [
      '전체 동의',
      '금융인증서 서비스 이용약관 (필수)',
      '개인(신용)정보 수집·이용 동의 (필수)',
      '고유식별정보 처리 동의 (필수)',
      '마케팅 정보 수신 동의 (선택)',
    ]);
    assert.match(html, /<input type="checkbox" [^>]*name="all"[^>]*data-check-all/);
    assert.equal(html.match(/data-check-all/g)?.length, 1);
    assert.deepEqual(buttons(html), ['다음']);
    assert.match(html, /<h1>금융인증서 발급<\/h1>/);
    assert.match(html, /<li [^>]*aria-current="step"[^>]*>약관동의<\/li>/);
    assert.match(html, /<form method="post" action="\/fincert\/issue\/terms" novalidate/);
    assert.deepEqual(alerts(html), []);
  });

  for (const missing of Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]) {
    it(`refuses without ${missing} (400, alert, boxes kept as typed)`, async () => {
      const { b, flow } = await atTerms();
      const { [missing]: _left, ...others } = REQUIRED;
      const { status, html } = await page(b.post(TERMS_URL, { ...others, marketing: 'on' }));
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.termsRequired);
      for (const name of Object.keys(others)) assert.ok(isChecked(html, name), `${name} stays ticked`);
      assert.ok(isChecked(html, 'marketing'));
      assert.ok(!isChecked(html, missing));
      assert.ok(!isChecked(html, 'all'));
      assert.equal(flow()?.step, 'terms');
    });
  }

  it('refuses an empty form and the optional box alone', async () => {
    const { b, flow } = await atTerms();
    assert.equal((await b.post(TERMS_URL)).status, 400);
    const marketing = await page(b.post(TERMS_URL, { marketing: 'on' }));
    assert.equal(marketing.status, 400);
    assert.equal(alertOf(marketing.html), MSG.termsRequired);
    assert.equal(flow()?.step, 'terms');
  });

  it('proceeds with every (필수) box and without the optional one', async () => {
    const { b, flow } = await atTerms();
    await expectRedirect(await b.post(TERMS_URL, REQUIRED), '/fincert/issue/user-info');
    assert.equal(flow()?.step, 'userInfo');
  });

  it('a ticked 전체 동의 counts as consent to every box (no JavaScript)', async () => {
    const { b, flow } = await atTerms();
    await expectRedirect(await b.post(TERMS_URL, { all: 'on' }), '/fincert/issue/user-info');
    assert.equal(flow()?.step, 'userInfo');
    const next = await page(b.get('/fincert/issue/user-info'));
    assert.equal(next.status, 200);
  });

  it('사용자 정보 입력 is refused before the terms are accepted', async () => {
    const { b } = await atTerms();
    await b.post(TERMS_URL, { service: 'on' });
    await expectRedirect(await b.get('/fincert/issue/user-info'), TERMS_URL);
    const { html } = await page(b.get(TERMS_URL));
    assert.equal(alertOf(html), MSG.stepRefused);
  });

  it('a step URL without any flow lands on 약관동의 of a new flow with the alert', async () => {
    const tb = makeBank();
    const b = browser(tb.app);
    await expectRedirect(await b.get('/fincert/issue/user-info'), TERMS_URL);
    assert.equal(sessionOf(tb.bank, b)?.flow?.step, 'terms');
    const { html } = await page(b.get(TERMS_URL));
    assert.equal(alertOf(html), MSG.stepRefused);
  });

  it('submitting 약관동의 again later resets progress to it', async () => {
    const { b, flow } = startAt('identity');
    await expectRedirect(await b.post(TERMS_URL, { all: 'on' }), '/fincert/issue/user-info');
    assert.equal(flow.step, 'userInfo');
    assert.equal(flow.userId, undefined);
    await expectRedirect(await b.get('/fincert/issue/identity'), '/fincert/issue/user-info');
  });
});
