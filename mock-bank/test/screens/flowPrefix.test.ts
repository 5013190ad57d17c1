// MOCK_BANK_FLOW_PREFIX: the flow's step URLs are not part of the contract, so a bank may serve them
// anywhere. Every link, form action, poll, redirect and fast-path URL of the flow must follow the prefix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAST_PATH_STEPS } from '../../src/domain/flow.ts';
import { DEFAULT_FLOW_PREFIX } from '../../src/http/issuance/guard.ts';
import { api, browser, makeBank, stepUrls } from '../support.ts';
import { createCustomer, type App } from '../api/fixtures.ts';

const PREFIX = '/issue-v2';
const STEP = stepUrls(PREFIX);
/** The URLs outside the flow a flow screen may point at (front doors, 아이디찾기, static files). */
const OUTSIDE_THE_FLOW = /^\/($|static\/|certcenter$|id-lookup$|renewal$|app(\/|$)|login$|logout$|phone\/)/;

/** Every path on this bank a page points at: links, form actions, and the data-*-url attributes app.js follows. */
function urlsOf(html: string): string[] {
  return [...html.matchAll(/\b(?:href|action|data-[a-z-]*url)="(\/[^"]*)"/g)].map((m) => m[1]!);
}

function assertAllInFlowOrOutside(html: string, where: string) {
  assert.ok(!html.includes(DEFAULT_FLOW_PREFIX), `${where} still names ${DEFAULT_FLOW_PREFIX}`);
  for (const url of urlsOf(html)) {
    const path = new URL(url, 'http://bank.invalid').pathname;
    assert.ok(path.startsWith(`${PREFIX}`) || OUTSIDE_THE_FLOW.test(path), `${where} points at ${url}`);
  }
}

async function fastPathBrowser(app: App, userId: string, at: string) {
  const res = await api(app).post('/flows', { userId, at });
  const flow = (await res.json()) as { cookie: { name: string; value: string }; url: string };
  const b = browser(app);
  b.setCookie(`${flow.cookie.name}=${flow.cookie.value}`);
  return { b, url: flow.url };
}

describe('MOCK_BANK_FLOW_PREFIX', () => {
  it('the front doors start the flow under the prefix, which redirects to its 약관동의', async () => {
    const { app } = makeBank({}, { flowPrefix: PREFIX });
    const b = browser(app);
    assert.match(await (await b.get('/certcenter')).text(), /href="\/issue-v2">금융인증서 발급\/재발급/);
    assert.match(await (await b.get('/app/fincert')).text(), /action="\/issue-v2"/);
    const start = await b.get(PREFIX);
    assert.equal(start.status, 303);
    assert.equal(start.headers.get('location'), STEP.terms);
    const terms = await b.get(STEP.terms);
    assert.equal(terms.status, 200);
    assertAllInFlowOrOutside(await terms.text(), 'terms');
    const agreed = await b.post(STEP.terms, { all: 'on' });
    assert.equal(agreed.headers.get('location'), STEP.userInfo);
  });

  it('the default path is not served any more', async () => {
    const { app } = makeBank({}, { flowPrefix: PREFIX });
    for (const path of [DEFAULT_FLOW_PREFIX, `${DEFAULT_FLOW_PREFIX}/terms`]) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });

  for (const at of FAST_PATH_STEPS) {
    it(`the fast path's url at ${at}, and every URL on that screen, are under the prefix`, async () => {
      const { app } = makeBank({}, { flowPrefix: PREFIX });
      const c = await createCustomer(app);
      const { b, url } = await fastPathBrowser(app, c.userId, at);
      assert.equal(url, STEP[at]);
      const page = await b.get(url);
      assert.equal(page.status, 200);
      assertAllInFlowOrOutside(await page.text(), at);
    });
  }

  it('the ARS wait polls, expires and moves on under the prefix; a refused step redirects under it', async () => {
    const { app } = makeBank({}, { flowPrefix: PREFIX });
    const c = await createCustomer(app);
    const { b } = await fastPathBrowser(app, c.userId, 'identity');
    const asked = await b.post(STEP.identity, { method: 'ars' });
    assert.equal(asked.headers.get('location'), STEP.identity);
    const waiting = await (await b.get(STEP.identity)).text();
    assert.match(waiting, /data-poll-url="\/issue-v2\/identity\/status"/);
    assertAllInFlowOrOutside(waiting, 'the ARS wait');
    const refused = await b.get(STEP.password);
    assert.equal(refused.headers.get('location'), STEP.identity);
  });

  it('a customer without a medium is sent to 모바일OTP 발급 under the prefix', async () => {
    const { app } = makeBank({}, { flowPrefix: PREFIX });
    const c = await createCustomer(app, { media: null });
    const { b } = await fastPathBrowser(app, c.userId, 'account');
    const html = await (await b.get(STEP.account)).text();
    assert.match(html, /href="\/issue-v2\/mobile-otp"/);
    const otpPage = await b.get(`${PREFIX}/mobile-otp`);
    assert.equal(otpPage.status, 200);
    assertAllInFlowOrOutside(await otpPage.text(), 'mobile-otp');
  });
});
