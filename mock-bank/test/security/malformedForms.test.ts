// Bad input on every HTML form (issue 6): missing fields, repeated fields, 1 MB values, broken
// encodings, a JSON body, unknown customers. Each is refused with a 4xx, the bank answers the next
// request, and nothing was half made: the flow did not move, no one logged in, the customer record and
// the registry are as before. (The test-support API has its own tables in test/api/*.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastPathStep } from '../../src/domain/flow.ts';
import { browser, sessionOf, STEP_URL } from '../support.ts';
import type { NewCustomer } from '../../src/services/customers.ts';
import { ACCOUNT, expectRedirect, person, startAt, T0, type Started } from '../screens/lateSteps.ts';

const ME = person();
const RIGHT_RRN = { rrnFront: ME.rrn!.slice(0, 6), rrnBack: ME.rrn!.slice(6) };

interface FormEndpoint {
  path: string;
  /** The step the flow is at when the form is sent. */
  at: FastPathStep;
  /** The form's fields, filled in rightly (the cases break them). */
  fields: Record<string, string>;
  /** Gets the screen to where the form is shown, when the step alone is not enough. */
  prepare?: (s: Started) => Promise<void>;
  /** Who the flow is for, when not the default customer. */
  customer?: NewCustomer;
  /** Any value is a right one (a ticked box, an SMS text): the cases that only garble values do not apply. */
  anyValue?: true;
}

/** The two first steps have no fast path: the browser opens the start link like a customer. */
async function newFlow(s: Started): Promise<void> {
  await expectRedirect(await s.b.get('/fincert/issue'), STEP_URL.terms);
}

/** A certificate in its renewal window (30 days before expiry, spec §3). */
const RENEWABLE = person({
  certificate: {
    bank: 'KB국민은행',
    status: 'active',
    pin: '284719',
    issuedAt: new Date(T0 - 1000 * 86_400_000).toISOString(),
    expiresAt: new Date(T0 + 10 * 86_400_000).toISOString(),
  },
});

const ENDPOINTS: FormEndpoint[] = [
  { path: '/login', at: 'identity', fields: { userId: ME.userId!, password: 'irrelevant' } },
  {
    path: STEP_URL.terms,
    at: 'identity',
    fields: { service: 'on', privacy: 'on', uniqueId: 'on' },
    prepare: newFlow,
    anyValue: true,
  },
  {
    path: STEP_URL.userInfo,
    at: 'identity',
    fields: { userId: ME.userId!, ...RIGHT_RRN },
    prepare: async (s) => {
      await newFlow(s);
      await expectRedirect(await s.b.post(STEP_URL.terms, { all: 'on' }), STEP_URL.userInfo);
    },
  },
  { path: STEP_URL.identity, at: 'identity', fields: { method: 'ars' } },
  {
    path: STEP_URL.account,
    at: 'account',
    fields: { accountNumber: ACCOUNT.number, accountPassword: ACCOUNT.password, medium: 'securityCardOtp' },
  },
  {
    path: `${STEP_URL.account}/medium`,
    at: 'account',
    fields: { otp: '000000' },
    prepare: async (s) => {
      const choose = {
        accountNumber: ACCOUNT.number,
        accountPassword: ACCOUNT.password,
        medium: 'securityCardOtp',
      };
      await expectRedirect(await s.b.post(STEP_URL.account, choose), STEP_URL.account);
    },
  },
  { path: STEP_URL.details, at: 'details', fields: { email: ME.email!, address: ME.address! } },
  {
    path: STEP_URL.cloud,
    at: 'cloud',
    fields: { name: ME.name!, phone: ME.phone!, ...RIGHT_RRN, cloudTerms: 'on' },
  },
  { path: STEP_URL.password, at: 'password', fields: { pin: '583926', pinConfirm: '583926' } },
  { path: '/id-lookup/code', at: 'identity', fields: { name: ME.name!, ...RIGHT_RRN, phone: ME.phone! } },
  { path: '/renewal', at: 'identity', fields: { userId: ME.userId!, ...RIGHT_RRN } },
  {
    path: '/renewal/pin',
    at: 'identity',
    fields: { pin: '284719' },
    customer: RENEWABLE,
    prepare: async (s) => {
      await expectRedirect(await s.b.post('/renewal', { userId: ME.userId!, ...RIGHT_RRN }), '/renewal/pin');
    },
  },
  {
    path: '/id-lookup/verify',
    at: 'identity',
    fields: { code: '123456' },
    prepare: async (s) => {
      const typed = { name: ME.name!, ...RIGHT_RRN, phone: ME.phone! };
      await expectRedirect(await s.b.post('/id-lookup/code', typed), '/id-lookup');
    },
  },
  {
    path: '/fincert/issue/mobile-otp',
    at: 'account',
    fields: { code: '123456', pin: '802461', pinConfirm: '802461' },
    customer: person({ media: null }),
    prepare: async (s) => {
      await expectRedirect(await s.b.post('/fincert/issue/mobile-otp/code'), '/fincert/issue/mobile-otp');
    },
  },
  { path: `/phone/${ME.phone}/keypad`, at: 'identity', fields: { digits: '12' } },
  { path: `/phone/${ME.phone}/sms`, at: 'cloud', fields: { text: '12' }, anyValue: true },
];

const ONE_MB = 'x'.repeat(1024 * 1024);
const FORM = 'application/x-www-form-urlencoded';

interface Malformed {
  why: string;
  body: (fields: Record<string, string>) => BodyInit;
  contentType: string;
  /** Only where the form names a customer (their ID, phone or 주민등록번호). */
  namesCustomer?: true;
  /** Garbles values but keeps every field there. */
  garblesValues?: true;
}

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const CASES: Malformed[] = [
  { why: 'no body at all', body: () => '', contentType: FORM },
  { why: 'only an unknown field', body: () => 'junk=1', contentType: FORM },
  {
    why: 'every field empty',
    body: (f) => encode(Object.fromEntries(Object.keys(f).map((k) => [k, '']))),
    contentType: FORM,
  },
  {
    why: 'every field given twice (an array, not a string)',
    garblesValues: true,
    body: (f) => `${encode(f)}&${encode(Object.fromEntries(Object.keys(f).map((k) => [k, 'other'])))}`,
    contentType: FORM,
  },
  {
    why: 'a 1 MB value in every field',
    body: (f) => encode(Object.fromEntries(Object.keys(f).map((k) => [k, ONE_MB]))),
    contentType: FORM,
  },
  {
    why: 'broken percent-encoding',
    garblesValues: true,
    body: (f) =>
      Object.keys(f)
        .map((k) => `${k}=%E0%A4%A`)
        .join('&'),
    contentType: FORM,
  },
  {
    why: 'bytes that are not UTF-8',
    garblesValues: true,
    body: (f) =>
      new Uint8Array([...new TextEncoder().encode(`${Object.keys(f)[0]}=`), 0xff, 0xfe, 0xc3, 0x28]),
    contentType: FORM,
  },
  { why: 'the fields as JSON', body: (f) => JSON.stringify(f), contentType: 'application/json' },
  {
    why: 'the fields as multipart with a file in each',
    body: (f) => {
      const data = new FormData();
      for (const k of Object.keys(f)) data.append(k, new Blob(['12']), 'f.txt');
      return data;
    },
    contentType: '',
  },
  {
    why: 'an unknown customer',
    body: (f) =>
      encode({
        ...f,
        ...('userId' in f ? { userId: 'nobody0001' } : {}),
        ...('rrnBack' in f ? { rrnBack: '2999999' } : {}),
        ...('phone' in f ? { phone: '010-9999-0000' } : {}),
      }),
    contentType: FORM,
    namesCustomer: true,
  },
];

/** What a malformed submission must leave untouched. */
function snapshot(s: Started) {
  const session = sessionOf(s.bank, s.b);
  return {
    step: session?.flow?.step,
    medium: session?.flow?.medium,
    loggedIn: session?.userId,
    customer: JSON.stringify(s.customer),
    certificates: JSON.stringify(s.bank.store.certificatesOf(s.customer.rrn)),
  };
}

describe('malformed form submissions', () => {
  for (const endpoint of ENDPOINTS) {
    const names = 'userId' in endpoint.fields || 'phone' in endpoint.fields;
    const cases = CASES.filter((x) => (!x.namesCustomer || names) && !(x.garblesValues && endpoint.anyValue));
    for (const c of cases) {
      it(`POST ${endpoint.path}: ${c.why} → 4xx, nothing changed, the bank still answers`, async () => {
        const s = startAt(endpoint.at, endpoint.customer);
        await endpoint.prepare?.(s);
        const before = snapshot(s);
        // The browser's session, with a body `browser().post` could not send.
        const headers: Record<string, string> = { cookie: s.b.cookie };
        if (c.contentType) headers['content-type'] = c.contentType;
        const res = await s.app.request(endpoint.path, {
          method: 'POST',
          body: c.body(endpoint.fields),
          headers,
        });
        const text = await res.text();
        assert.ok(res.status >= 400 && res.status < 500, `${res.status}: ${text.slice(0, 200)}`);
        assert.deepEqual(snapshot(s), before);
        assert.equal((await browser(s.app).get('/')).status, 200, 'the bank still answers');
      });
    }
  }
});
