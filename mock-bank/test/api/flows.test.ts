import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SESSION_COOKIE } from '../../src/rules.ts';
import { FAST_PATH_STEPS, FLOW_STEPS } from '../../src/domain/flow.ts';
import { api, browser, makeBank, STEP_URL } from '../support.ts';
import { createCustomer, expectError, ONE_MB, rawApi, type App } from './fixtures.ts';

interface FastPath {
  cookie: { name: string; value: string };
  url: string;
}

async function fastPath(app: App, body: Record<string, unknown>): Promise<FastPath> {
  const res = await api(app).post('/flows', body);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as FastPath;
}

function browserWith(app: App, { cookie }: FastPath) {
  const b = browser(app);
  b.setCookie(`${cookie.name}=${cookie.value}`);
  return b;
}

describe('POST /__test__/flows', () => {
  for (const at of FAST_PATH_STEPS) {
    it(`at ${at}: the cookie opens ${STEP_URL[at]} (200) but not a later step`, async () => {
      const { app } = makeBank();
      const c = await createCustomer(app, { userId: 'flowuser01' });
      const flow = await fastPath(app, { userId: c.userId, at });
      assert.equal(flow.cookie.name, SESSION_COOKIE);
      assert.ok(flow.cookie.value.length >= 16, 'an unguessable session id');
      assert.equal(flow.url, STEP_URL[at]);

      const b = browserWith(app, flow);
      const page = await b.get(flow.url);
      assert.equal(page.status, 200, `${flow.url} answered ${page.status}`);
      assert.match(await page.text(), /금융인증서 발급/);

      const later = FLOW_STEPS[FLOW_STEPS.indexOf(at) + 1]!;
      const refused = await b.get(STEP_URL[later]);
      assert.equal(refused.status, 303, `${STEP_URL[later]} must be refused`);
      assert.equal(new URL(refused.headers.get('location')!, 'http://x').pathname, STEP_URL[at]);
    });
  }

  it('reissue: true makes the flow a reissue (heading 금융인증서 재발급)', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, {
      certificate: { status: 'active', pin: '284719', issuedAt: '2025-01-01T00:00:00Z', expiresAt: '2028-01-01T00:00:00Z' },
    });
    const flow = await fastPath(app, { userId: c.userId, at: 'password', reissue: true });
    const page = await browserWith(app, flow).get(flow.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /금융인증서 재발급/);
  });

  it('each call makes its own session: two flows do not share a cookie', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app);
    const a = await fastPath(app, { userId: c.userId, at: 'identity' });
    const b = await fastPath(app, { userId: c.userId, at: 'identity' });
    assert.notEqual(a.cookie.value, b.cookie.value);
  });

  it('a made-up cookie opens nothing', async () => {
    const { app } = makeBank();
    await createCustomer(app);
    const b = browser(app);
    b.setCookie(`${SESSION_COOKIE}=made-up-session-id`);
    const res = await b.get(STEP_URL.account);
    assert.equal(res.status, 303);
  });
});

describe('POST /__test__/flows: bad input', () => {
  const cases: { why: string; body: string; status: number; mentions: RegExp }[] = [
    { why: 'unknown customer', body: '{"userId":"nobody0001","at":"account"}', status: 404, mentions: /userId/ },
    { why: 'userId missing', body: '{"at":"account"}', status: 400, mentions: /userId: is required/ },
    { why: 'userId a number', body: '{"userId":5,"at":"account"}', status: 400, mentions: /userId/ },
    { why: 'at missing', body: '{"userId":"flowuser01"}', status: 400, mentions: /at: is required/ },
    { why: 'at terms (not a fast-path step)', body: '{"userId":"flowuser01","at":"terms"}', status: 400, mentions: /at/ },
    { why: 'at complete', body: '{"userId":"flowuser01","at":"complete"}', status: 400, mentions: /at/ },
    { why: 'reissue a string', body: '{"userId":"flowuser01","at":"account","reissue":"yes"}', status: 400, mentions: /reissue/ },
    { why: 'door tablet', body: '{"userId":"flowuser01","at":"account","door":"tablet"}', status: 400, mentions: /door/ },
    { why: 'broken JSON', body: '{"userId":"flowuser01",', status: 400, mentions: /JSON/ },
    { why: 'no body', body: '', status: 400, mentions: /userId/ },
    { why: 'a 1 MB userId', body: JSON.stringify({ userId: ONE_MB, at: 'account' }), status: 413, mentions: /body/ },
  ];
  for (const { why, body, status, mentions } of cases) {
    it(`${why} → ${status}, and no session is made`, async () => {
      const { app, bank } = makeBank();
      await createCustomer(app, { userId: 'flowuser01' });
      let sessions = 0;
      const put = bank.store.putSession.bind(bank.store);
      bank.store.putSession = (session) => {
        sessions += 1;
        put(session);
      };
      await expectError(await rawApi(app, 'POST', '/flows', body), status, mentions);
      assert.equal(sessions, 0);
      // Still answering, and the good call works.
      await fastPath(app, { userId: 'flowuser01', at: 'account' });
      assert.ok(sessions > 0);
    });
  }
});
