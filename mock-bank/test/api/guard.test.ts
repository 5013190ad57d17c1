import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../src/http/app.ts';
import { createContext } from '../../src/services/context.ts';
import { MemoryStore } from '../../src/store.ts';
import { api, makeBank, TEST_TOKEN } from '../support.ts';
import { expectError } from './fixtures.ts';

/** One request of every endpoint, so the guard is checked on each of them. */
const ENDPOINTS: [string, string, unknown?][] = [
  ['POST', '/customers', {}],
  ['GET', '/customers'],
  ['GET', '/customers/guarded01'],
  ['DELETE', '/customers/guarded01'],
  ['POST', '/customers/guarded01/reset-locks'],
  ['POST', '/customers/guarded01/clock', { offsetSeconds: 1 }],
  ['POST', '/flows', { userId: 'guarded01', at: 'account' }],
  ['GET', '/phones/010-1234-5678'],
  ['POST', '/phones/010-1234-5678/keypad', { digits: '12' }],
  ['POST', '/phones/010-1234-5678/sms', { text: '12' }],
  ['GET', '/certificates?rrn=9001011234568'],
  ['GET', '/no-such-endpoint'],
];

function send(app: ReturnType<typeof makeBank>['app'], method: string, path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers['x-test-token'] = token;
  return app.request(`/__test__${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe('test-support API guard', () => {
  const wrongTokens: [string, string | undefined][] = [
    ['no token', undefined],
    ['an empty token', ''],
    ['a wrong token of the same length', TEST_TOKEN.replace(/.$/, (ch) => (ch === 'x' ? 'y' : 'x'))],
    ['a prefix of the token', TEST_TOKEN.slice(0, -1)],
    ['the token and more', `${TEST_TOKEN}x`],
  ];
  for (const [why, token] of wrongTokens) {
    it(`${why} → 401 JSON on every endpoint, and nothing happens`, async () => {
      const { app, bank } = makeBank();
      for (const [method, path, body] of ENDPOINTS) {
        await expectError(await send(app, method, path, body, token), 401, /x-test-token/);
      }
      assert.equal(bank.store.getCustomer('guarded01'), undefined);
      const res = await api(app).post('/customers', { userId: 'guarded01' });
      assert.equal(res.status, 201, 'the right token still works');
    });
  }

  it('the right token passes; an unknown endpoint is then a JSON 404', async () => {
    const { app } = makeBank();
    assert.equal((await send(app, 'POST', '/customers', {}, TEST_TOKEN)).status, 201);
    await expectError(await send(app, 'GET', '/no-such-endpoint', undefined, TEST_TOKEN), 404);
    await expectError(await send(app, 'PUT', '/customers', {}, TEST_TOKEN), 404);
  });

  it('without a configured token the API is not there: 404 for every /__test__ path, even with a token', async () => {
    const store = new MemoryStore();
    const bank = createContext(store, { log: () => {} });
    const app = createApp({ bank });
    for (const [method, path, body] of [...ENDPOINTS, ['GET', ''] as [string, string]]) {
      for (const token of [undefined, TEST_TOKEN]) {
        const res = await send(app, method, path, body, token);
        assert.equal(res.status, 404, `${method} /__test__${path}`);
      }
    }
    assert.equal(store.getCustomer('guarded01'), undefined);
    assert.equal(store.findCustomerByPhone('010-1234-5678'), undefined);
    assert.equal((await app.request('/')).status, 200, 'the bank itself still answers');
  });
});
