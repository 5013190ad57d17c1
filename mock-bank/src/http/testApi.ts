// The test-support API (spec §9): the suite seeds customers, reads phones and the registry, moves a
// customer's clock and jumps into a flow through it. Mounted at /__test__ only when a token is set.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { SESSION_COOKIE } from '../rules.ts';
import { currentCertificate } from '../domain/certificates.ts';
import { flowAt } from '../domain/flow.ts';
import { normalizeMobile } from '../domain/formats.ts';
import { resetLocks } from '../domain/limits.ts';
import type { Customer, Media } from '../domain/types.ts';
import { customerNow, setClockOffset } from '../services/clock.ts';
import type { BankContext } from '../services/context.ts';
import { createCustomer, deleteCustomer } from '../services/customers.ts';
import { keypad, phoneView, smsFromPhone } from '../services/phone.ts';
import { certificatesOfPerson, certificateView } from '../services/registry.ts';
import {
  certificatesQuerySchema,
  clockSchema,
  flowSchema,
  keypadSchema,
  newCustomerSchema,
  parseInput,
  smsSchema,
  type Parsed,
} from './apiSchemas.ts';
import type { AppEnv } from './env.ts';
import { flowUrl, STEP_PATH } from './issuance/guard.ts';
import { newSession } from './session.ts';

export const TEST_TOKEN_HEADER = 'x-test-token';

type ApiContext = Context<AppEnv>;

function fail(c: ApiContext, status: ContentfulStatusCode, error: string): Response {
  return c.json({ error }, status);
}

/** Hashing first gives timingSafeEqual two equal-length buffers, so not even the length leaks. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function requireToken(token: string): MiddlewareHandler<AppEnv> {
  const expected = digest(token);
  return async (c, next) => {
    const given = c.req.header(TEST_TOKEN_HEADER);
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return fail(c, 401, `missing or wrong ${TEST_TOKEN_HEADER} header`);
    }
    await next();
  };
}

/** The JSON body checked against `schema`; an empty body reads as `{}` (e.g. reset-locks). */
async function readBody<S extends z.ZodType>(c: ApiContext, schema: S): Promise<Parsed<z.output<S>>> {
  const text = await c.req.text();
  if (text.trim() === '') return parseInput(schema, {});
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: 'body: malformed JSON' };
  }
  return parseInput(schema, body);
}

/** Every medium key shown, `null` when not held, so the suite need not tell absent from null. */
function mediaView(media: Media | null) {
  if (!media) return null;
  return { securityCard: media.securityCard ?? null, otp: media.otp ?? null, kbMobileCert: media.kbMobileCert ?? null };
}

/** The whole record, secrets included (spec §9): the newest certificate not revoked, judged on their clock. */
function customerRecord(bank: BankContext, customer: Customer) {
  const cert = currentCertificate(bank.store.certificatesOf(customer.rrn));
  return {
    userId: customer.userId,
    loginPassword: customer.loginPassword,
    name: customer.name,
    rrn: customer.rrn,
    phone: customer.phone,
    email: customer.email,
    address: customer.address,
    accounts: customer.accounts,
    media: mediaView(customer.media),
    abroad: customer.abroad,
    certificate: cert ? { ...certificateView(cert, customerNow(bank, customer)), pin: cert.pin } : null,
    counters: customer.counters,
    locks: customer.locks,
    clockOffsetSeconds: customer.clockOffsetSeconds,
  };
}

type Found<T> = { ok: true; value: T } | { ok: false; response: Response };

function customerOf(c: ApiContext): Found<Customer> {
  const customer = c.get('bank').store.getCustomer(c.req.param('userId') ?? '');
  return customer ? { ok: true, value: customer } : { ok: false, response: fail(c, 404, 'userId: no such customer') };
}

/** A phone number some customer holds, in its registered form. */
function registeredPhone(c: ApiContext): Found<string> {
  const phone = normalizeMobile(c.req.param('phone') ?? '');
  if (!phone) return { ok: false, response: fail(c, 400, 'phone: must be a mobile number like 010-1234-5678') };
  if (!c.get('bank').store.findCustomerByPhone(phone)) {
    return { ok: false, response: fail(c, 404, 'phone: no customer has this phone') };
  }
  return { ok: true, value: phone };
}

export function testApi(token: string): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use('*', requireToken(token));

  api.post('/customers', async (c) => {
    const input = await readBody(c, newCustomerSchema);
    if (!input.ok) return fail(c, 400, input.error);
    const bank = c.get('bank');
    const created = createCustomer(bank, input.data);
    if (!created.ok) return fail(c, 409, `${created.conflict}: already taken`);
    return c.json(customerRecord(bank, created.customer), 201);
  });

  // Every customer the bank holds now, demo ones included: a run checks it left nothing behind.
  api.get('/customers', (c) => {
    const userIds = c.get('bank').store.customerIds();
    return c.json({ count: userIds.length, userIds });
  });

  api.get('/customers/:userId', (c) => {
    const found = customerOf(c);
    return found.ok ? c.json(customerRecord(c.get('bank'), found.value)) : found.response;
  });

  api.delete('/customers/:userId', (c) => {
    const found = customerOf(c);
    if (!found.ok) return found.response;
    deleteCustomer(c.get('bank'), found.value);
    c.get('bank').log('customer.deleted', { userId: found.value.userId });
    return c.body(null, 204);
  });

  // Medium counters and locks only: a locked certificate PIN is not a medium, only reissue helps (spec §4).
  api.post('/customers/:userId/reset-locks', (c) => {
    const found = customerOf(c);
    if (!found.ok) return found.response;
    const bank = c.get('bank');
    resetLocks(found.value);
    bank.store.putCustomer(found.value);
    bank.log('customer.locksReset', { userId: found.value.userId });
    return c.json(customerRecord(bank, found.value));
  });

  api.post('/customers/:userId/clock', async (c) => {
    const found = customerOf(c);
    if (!found.ok) return found.response;
    const input = await readBody(c, clockSchema);
    if (!input.ok) return fail(c, 400, input.error);
    const bank = c.get('bank');
    setClockOffset(found.value, input.data.offsetSeconds);
    bank.store.putCustomer(found.value);
    bank.log('customer.clockSet', { userId: found.value.userId, offsetSeconds: input.data.offsetSeconds });
    return c.json(customerRecord(bank, found.value));
  });

  // The fast path: a server session whose flow is already past every step before `at`.
  api.post('/flows', async (c) => {
    const input = await readBody(c, flowSchema);
    if (!input.ok) return fail(c, 400, input.error);
    const { userId, at, reissue, door } = input.data;
    const bank = c.get('bank');
    if (!bank.store.getCustomer(userId)) return fail(c, 404, 'userId: no such customer');
    const session = newSession(bank);
    session.flow = flowAt(bank.newId(), door, userId, at, reissue);
    bank.store.putSession(session);
    bank.log('flow.fastPath', { userId, step: at, reissue });
    return c.json({ cookie: { name: SESSION_COOKIE, value: session.id }, url: flowUrl(c, STEP_PATH[at]) }, 201);
  });

  api.get('/phones/:phone', (c) => {
    const phone = registeredPhone(c);
    return phone.ok ? c.json(phoneView(c.get('bank'), phone.value)) : phone.response;
  });

  api.post('/phones/:phone/keypad', async (c) => {
    const phone = registeredPhone(c);
    if (!phone.ok) return phone.response;
    const input = await readBody(c, keypadSchema);
    if (!input.ok) return fail(c, 400, input.error);
    const state = keypad(c.get('bank'), phone.value, input.data.digits);
    if (state === 'noCall') return fail(c, 409, 'phone: no ringing call to key digits into');
    return c.json({ state });
  });

  api.post('/phones/:phone/sms', async (c) => {
    const phone = registeredPhone(c);
    if (!phone.ok) return phone.response;
    const input = await readBody(c, smsSchema);
    if (!input.ok) return fail(c, 400, input.error);
    return c.json({ outcome: smsFromPhone(c.get('bank'), phone.value, input.data.text) });
  });

  api.get('/certificates', (c) => {
    const query = parseInput(certificatesQuerySchema, c.req.query());
    if (!query.ok) return fail(c, 400, query.error);
    return c.json(certificatesOfPerson(c.get('bank'), query.data.rrn));
  });

  // Which fault points each e2e test reached (faults.ts FaultPoints), for e2e:faults' test selection.
  api.get('/fault-points', (c) => {
    const points = c.get('bank').faultPoints;
    if (!points) return fail(c, 404, 'fault points are not recorded (MOCK_BANK_RECORD_FAULT_POINTS=1)');
    return c.json(points.toJSON());
  });

  // A sub-app's notFound is not used once mounted, so the catch-all answers JSON itself.
  api.all('*', (c) => fail(c, 404, `no test-support endpoint ${c.req.method} ${c.req.path}`));
  api.onError((err, c) => {
    c.get('bank').log('error', { path: c.req.path, name: err.name });
    return fail(c, 500, 'internal error');
  });
  return api;
}
