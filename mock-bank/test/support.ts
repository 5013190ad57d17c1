import { createApp, type AppOptions } from '../src/http/app.ts';
import { DEFAULT_FLOW_PREFIX, STEP_PATH } from '../src/http/issuance/guard.ts';
import type { FlowStep } from '../src/domain/flow.ts';
import { createContext, type BankContext } from '../src/services/context.ts';
import { SESSION_COOKIE } from '../src/rules.ts';
import { MemoryStore, type Session } from '../src/store.ts';

export const TEST_TOKEN = 'test-token-for-unit-tests';

/** Each step's URL on a bank whose flow lives under `prefix` (the default one unless a test moves it). */
export function stepUrls(prefix = DEFAULT_FLOW_PREFIX): Record<FlowStep, string> {
  return Object.fromEntries(
    Object.entries(STEP_PATH).map(([step, path]) => [step, `${prefix}${path}`]),
  ) as Record<FlowStep, string>;
}

export const STEP_URL = stepUrls();

/** A fresh bank (own store, silent log) and its Hono app, driven in-process with `app.request`. */
export function makeBank(
  overrides: Partial<BankContext> = {},
  appOptions: Pick<AppOptions, 'flowPrefix' | 'latency'> = {},
) {
  const logLines: string[] = [];
  const bank = createContext(new MemoryStore(), {
    log: (event, fields) => logLines.push(JSON.stringify({ event, ...fields })),
    ...overrides,
  });
  const app = createApp({ bank, testToken: TEST_TOKEN, ...appOptions });
  return { bank, app, logLines };
}

export type TestBank = ReturnType<typeof makeBank>;

/** A browser-like client: keeps the session cookie, sends forms, does not follow redirects. */
export function browser(app: TestBank['app']) {
  let cookie = '';
  async function send(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await app.request(path, { ...init, headers, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return res;
  }
  return {
    get: (path: string) => send(path),
    post: (path: string, fields: Record<string, string> = {}) =>
      send(path, { method: 'POST', body: new URLSearchParams(fields) }),
    setCookie: (value: string) => {
      cookie = value;
    },
    get cookie() {
      return cookie;
    },
  };
}

/** The test-support API with the right token. */
export function api(app: TestBank['app']) {
  const call = (method: string, path: string, body?: unknown) =>
    app.request(`/__test__${path}`, {
      method,
      headers: { 'x-test-token': TEST_TOKEN, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

/** The server-held session behind a browser's cookie, to look at (or set up) its flow. */
export function sessionOf(bank: BankContext, client: { cookie: string }): Session | undefined {
  const id = client.cookie.startsWith(`${SESSION_COOKIE}=`)
    ? client.cookie.slice(SESSION_COOKIE.length + 1)
    : '';
  return bank.store.getSession(id);
}
