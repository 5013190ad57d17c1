import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { responseDelayMs } from '../../src/http/latency.ts';
import { api, makeBank } from '../support.ts';

describe('staging-like latency', () => {
  it('a delay is latency ± jitter, drawn uniformly: the draw spans the whole range', () => {
    const latency = { latencyMs: 300, jitterMs: 200 };
    assert.equal(responseDelayMs(latency, 0), 100);
    assert.equal(responseDelayMs(latency, 0.5), 300);
    assert.equal(responseDelayMs(latency, 0.999_999), 500);
    assert.equal(responseDelayMs({ latencyMs: 40, jitterMs: 0 }, 0.7), 40);
  });

  it('every response waits: a page, a missing page and the test-support API', async () => {
    const { app } = makeBank({}, { latency: { latencyMs: 80, jitterMs: 0 } });
    for (const send of [
      () => app.request('/'),
      () => app.request('/no-such-page'),
      () => api(app).get('/customers'),
    ]) {
      const started = performance.now();
      await send();
      const took = performance.now() - started;
      assert.ok(took >= 75, `answered after ${took.toFixed(0)} ms, before the 80 ms latency`);
    }
  });
});
