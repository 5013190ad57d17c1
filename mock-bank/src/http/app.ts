import { Hono, type Context } from 'hono';
import { TEST_ID_HEADER } from '../faults.ts';
import type { BankContext } from '../services/context.ts';
import type { AppEnv } from './env.ts';
import { frontDoors } from './frontDoors.tsx';
import { DEFAULT_FLOW_PREFIX } from './issuance/guard.ts';
import { issuance } from './issuance/index.ts';
import { delayResponses, type Latency } from './latency.ts';
import { lookup } from './lookup.tsx';
import { phonePage } from './phonePage.tsx';
import { renewal } from './renewal.tsx';
import { securityHeaders, staticFiles } from './security.ts';
import { sessions } from './session.ts';
import { testApi } from './testApi.ts';
import { bodyLimit } from './bodyLimit.ts';

export interface AppOptions {
  bank: BankContext;
  /** Unset: the test-support API is not mounted at all, so every /__test__ path is 404. */
  testToken?: string | undefined;
  /** Where the issuance flow is served (MOCK_BANK_FLOW_PREFIX); default DEFAULT_FLOW_PREFIX. */
  flowPrefix?: string;
  /** Staging-like delay of every response (MOCK_BANK_LATENCY_MS/JITTER_MS); left out or 0 = none. */
  latency?: Latency;
}

/** `{ test }` when the request names the suite's test that made it; nothing otherwise. */
function testIdOf(c: Context): { test?: string } {
  // Capped: the header comes from any client, and the log must not grow by what it sends.
  const test = c.req.header(TEST_ID_HEADER)?.slice(0, 64);
  return test ? { test } : {};
}

export function createApp({
  bank,
  testToken,
  flowPrefix = DEFAULT_FLOW_PREFIX,
  latency,
}: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Outermost, so the log's `ms` below is the bank's own time and every response waits, errors included.
  if (latency && latency.latencyMs > 0) app.use('*', delayResponses(latency));
  // First, so every fault point a request reaches (in any later middleware or route) is filed under its test.
  const { faultPoints } = bank;
  if (faultPoints) app.use('*', (c, next) => faultPoints.attribute(c.req.header(TEST_ID_HEADER), next));
  app.use('*', async (c, next) => {
    c.set('bank', bank);
    c.set('flowPrefix', flowPrefix);
    const started = Date.now();
    await next();
    // Method, path and status only: no query, no body, so no secret reaches the log. The suite's
    // test id (when sent) lets a failed test's report carry its own requests (fixtures/bankTrail.ts).
    bank.log('http', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      ...testIdOf(c),
    });
  });
  app.use('*', securityHeaders);
  app.use('*', bodyLimit);
  app.route('/static', staticFiles);
  if (testToken) app.route('/__test__', testApi(testToken));
  app.use('*', sessions);
  app.route('/', frontDoors);
  app.route(flowPrefix, issuance);
  app.route('/', lookup);
  app.route('/', renewal);
  app.route('/', phonePage);
  app.onError((err, c) => {
    bank.log('error', { path: c.req.path, name: err.name, ...testIdOf(c) });
    return c.text('일시적인 오류가 발생했습니다.', 500);
  });
  return app;
}
