import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { MAX_BODY_BYTES } from '../../src/rules.ts';
import { MSG } from '../../src/messages.ts';
import { bodyLimit } from '../../src/http/bodyLimit.ts';
import type { AppEnv } from '../../src/http/env.ts';
import { api, browser, makeBank } from '../support.ts';
import { createCustomer, ONE_MB } from './fixtures.ts';

/** The middleware alone, in front of handlers that read the body each in its own way. */
function probe() {
  const reached: string[] = [];
  const app = new Hono<AppEnv>();
  app.use('*', bodyLimit);
  app.post('/form', async (c) => {
    reached.push('form');
    return c.json(await c.req.parseBody());
  });
  app.post('/json', async (c) => {
    reached.push('json');
    return c.json(await c.req.json());
  });
  app.post('/__test__/bytes', async (c) => {
    reached.push('bytes');
    return c.json({ length: (await c.req.arrayBuffer()).byteLength });
  });
  app.post('/bytes', async (c) => {
    reached.push('bytes');
    return c.json({ length: new TextEncoder().encode(await c.req.text()).byteLength });
  });
  return { app, reached };
}

/** A body delivered in small chunks with no length announced (chunked transfer); `sent()` counts them. */
function streamed(totalBytes: number, chunkBytes = 4096) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(chunkBytes, totalBytes - sent);
      controller.enqueue(new Uint8Array(n).fill(0x61));
      sent += n;
    },
  });
  return { body, sent: () => sent };
}

const post = (app: Hono<AppEnv>, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('bodyLimit', () => {
  it('lets a form and a JSON body under the limit through, readable by the handler', async () => {
    const { app } = probe();
    const form = await post(app, '/form', new URLSearchParams({ userId: 'kbqa0193', name: '김민준' }));
    assert.equal(form.status, 200);
    assert.deepEqual(await form.json(), { userId: 'kbqa0193', name: '김민준' });
    const json = await post(app, '/json', JSON.stringify({ a: [1, 2, 3], b: '가' }), { 'content-type': 'application/json' });
    assert.equal(json.status, 200);
    assert.deepEqual(await json.json(), { a: [1, 2, 3], b: '가' });
  });

  it('counts bytes: exactly the limit passes, one byte more is 413 and the handler never runs', async () => {
    const { app, reached } = probe();
    const exact = await post(app, '/bytes', 'a'.repeat(MAX_BODY_BYTES));
    assert.equal(exact.status, 200);
    assert.deepEqual(await exact.json(), { length: MAX_BODY_BYTES });
    const over = await post(app, '/bytes', 'a'.repeat(MAX_BODY_BYTES + 1));
    assert.equal(over.status, 413);
    // Korean text is 3 bytes a character in UTF-8: fewer characters than the limit, more bytes.
    const korean = '가'.repeat(Math.ceil(MAX_BODY_BYTES / 3) + 1);
    assert.ok(korean.length < MAX_BODY_BYTES);
    assert.equal((await post(app, '/bytes', korean)).status, 413);
    assert.deepEqual(reached, ['bytes']);
  });

  it('reads a streamed body with no length to its end, then answers 413', async () => {
    const { app, reached } = probe();
    const huge = streamed(1024 * 1024);
    const res = await post(app, '/bytes', huge.body);
    assert.equal(res.status, 413);
    assert.equal(huge.sent(), 1024 * 1024, 'the whole body was read before answering');
    const ok = await post(app, '/__test__/bytes', streamed(MAX_BODY_BYTES, 1000).body);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { length: MAX_BODY_BYTES });
    assert.deepEqual(reached, ['bytes']);
  });

  it('answers JSON { error } under /__test__ and a short Korean text elsewhere', async () => {
    const { app } = probe();
    const apiRes = await post(app, '/__test__/bytes', ONE_MB);
    assert.equal(apiRes.status, 413);
    assert.match(apiRes.headers.get('content-type') ?? '', /application\/json/);
    assert.match(((await apiRes.json()) as { error: string }).error, /body/);
    const page = await post(app, '/form', ONE_MB);
    assert.equal(page.status, 413);
    assert.match(page.headers.get('content-type') ?? '', /text\/plain; charset=UTF-8/i);
    assert.equal(await page.text(), MSG.tooLarge);
  });

  it('leaves bodiless requests alone', async () => {
    const { app } = probe();
    app.get('/get', (c) => c.text('ok'));
    assert.equal(await (await app.request('/get')).text(), 'ok');
  });
});

describe('bodyLimit in the whole app', () => {
  it('a form POST under the limit still logs in; a 1 MB one is 413 and logs nobody in', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, { userId: 'bodyuser01', loginPassword: 'pw-bodyuser', name: '박서연' });
    const big = browser(app);
    const refused = await big.post('/login', { userId: c.userId, password: c.loginPassword, pad: ONE_MB });
    assert.equal(refused.status, 413);
    assert.equal(await refused.text(), MSG.tooLarge);
    assert.doesNotMatch(await (await big.get('/')).text(), /박서연/);

    const b = browser(app);
    const res = await b.post('/login', { userId: c.userId, password: c.loginPassword });
    assert.equal(res.status, 303, 'the form was read after bodyLimit');
    assert.match(await (await b.get('/')).text(), /박서연/);
  });

  it('a JSON POST under the limit still works through the API', async () => {
    const { app } = makeBank();
    const pad = 'x'.repeat(MAX_BODY_BYTES - 200);
    const res = await api(app).post('/customers', { userId: 'bodyuser02', pad });
    assert.equal(res.status, 201);
  });
});
