// The same limit over a real socket: the client must get its 413, not a reset connection, and the
// server must keep answering on the same keep-alive connection afterwards.
import assert from 'node:assert/strict';
import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { MSG } from '../../src/messages.ts';
import { makeBank, TEST_TOKEN } from '../support.ts';

interface Answer {
  status: number;
  body: string;
  socketReused: boolean;
}

/** One HTTP/1.1 request; `chunks` are written one by one, so no Content-Length unless given. */
function send(
  port: number,
  agent: Agent,
  opts: { method: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent, method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), socketReused: req.reusedSocket }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    for (const chunk of opts.chunks ?? []) req.write(chunk);
    req.end();
  });
}

const MB = 1024 * 1024;

describe('bodyLimit over a real socket', () => {
  let server: ServerType;
  let port = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  before(async () => {
    const { app } = makeBank();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('1 MB with Content-Length → 413 JSON under /__test__, then the same connection answers again', async () => {
    const body = Buffer.from(JSON.stringify({ name: 'x'.repeat(MB) }));
    const big = await send(port, agent, {
      method: 'POST',
      path: '/__test__/customers',
      headers: { 'x-test-token': TEST_TOKEN, 'content-type': 'application/json', 'content-length': String(body.length) },
      chunks: [body],
    });
    assert.equal(big.status, 413);
    assert.match(JSON.parse(big.body).error, /body/);
    const next = await send(port, agent, {
      method: 'POST',
      path: '/__test__/customers',
      headers: { 'x-test-token': TEST_TOKEN, 'content-type': 'application/json' },
      chunks: [Buffer.from('{"userId":"sockuser01"}')],
    });
    assert.equal(next.status, 201, next.body);
    assert.equal(next.socketReused, true, 'the connection survived the 413');
  });

  it('1 MB chunked (no length) to a screen → 413 Korean text, and the server still answers', async () => {
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(MB / 64, 'a'));
    const big = await send(port, agent, {
      method: 'POST',
      path: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      chunks,
    });
    assert.equal(big.status, 413);
    assert.equal(big.body, MSG.tooLarge);
    const home = await send(port, agent, { method: 'GET', path: '/' });
    assert.equal(home.status, 200);
  });

  it('a form under the limit is still read by the screen', async () => {
    const body = Buffer.from(new URLSearchParams({ userId: 'sockuser01', password: 'wrong-password' }).toString());
    const res = await send(port, agent, {
      method: 'POST',
      path: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
      chunks: [body],
    });
    assert.equal(res.status, 400);
    assert.match(res.body, /value="sockuser01"/, 'the typed user ID is kept, so the form was read');
  });
});
