// Helpers for the tests of the later issuance screens (not a test file itself): a flow already at a
// step, a test clock, and small readers of the HTML the screens answer.
import assert from 'node:assert/strict';
import { SESSION_COOKIE } from '../../src/rules.ts';
import { flowAt, type FastPathStep, type Flow } from '../../src/domain/flow.ts';
import { rrnCheckDigit } from '../../src/domain/rrn.ts';
import type { Customer } from '../../src/domain/types.ts';
import { newSession } from '../../src/http/session.ts';
import type { BankContext } from '../../src/services/context.ts';
import { createCustomer, type NewCustomer } from '../../src/services/customers.ts';
import { browser, makeBank, type TestBank } from '../support.ts';

/** A fixed instant (Korea time 2026-03-10 12:00), moved only by the tests. */
export const T0 = Date.UTC(2026, 2, 10, 3, 0, 0);

/** 35 codes whose halves are easy to tell apart: 0101, 0202, ... */
export const CARD_CODES = Array.from({ length: 35 }, (_, i) =>
  String(((i + 1) * 101) % 10_000).padStart(4, '0'),
);
export const OTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const ACCOUNT = { number: '123456-78-901234', password: '1234' };

export function rrn(first12: string): string {
  return first12 + rrnCheckDigit(first12);
}

/** A customer with fixed, known details; `over` replaces any of them. */
export function person(over: NewCustomer = {}): NewCustomer {
  return {
    userId: 'kbqa0193',
    name: '김민준',
    rrn: rrn('900101123456'),
    phone: '010-1234-5678',
    email: 'minjun@example.com',
    address: '서울특별시 영등포구 국제금융로8길 26',
    accounts: [ACCOUNT],
    media: { otp: { secret: OTP_SECRET } },
    ...over,
  };
}

/** Deterministic randomness whose draws keep changing (new card positions, new codes on each request). */
export function steppingRandom(): Partial<BankContext> {
  let seq = 0;
  return { randomInt: (n: number) => (seq++ * 7) % n };
}

export interface Started extends TestBank {
  customer: Customer;
  clock: { now: number };
  /** A browser whose session holds a flow at the step asked for. */
  b: ReturnType<typeof browser>;
  flow: Flow;
  /** Another browser, with a new flow of the same customer at `at`. */
  newFlow(at: FastPathStep, reissue?: boolean): { b: ReturnType<typeof browser>; flow: Flow };
}

/** A bank with one customer and a browser whose flow is already at `at` (as the test-support fast path). */
export function startAt(
  at: FastPathStep,
  customer: NewCustomer = person(),
  opts: { reissue?: boolean; bank?: Partial<BankContext> } = {},
): Started {
  const clock = { now: T0 };
  const tb = makeBank({ now: () => clock.now, ...opts.bank });
  const created = createCustomer(tb.bank, customer);
  assert.ok(created.ok, 'the test customer is created');
  const newFlow = (step: FastPathStep, reissue = opts.reissue ?? false) => {
    const b = browser(tb.app);
    const session = newSession(tb.bank);
    session.flow = flowAt(tb.bank.newId(), 'web', created.customer.userId, step, reissue);
    b.setCookie(`${SESSION_COOKIE}=${session.id}`);
    return { b, flow: session.flow };
  };
  return { ...tb, customer: created.customer, clock, ...newFlow(at), newFlow };
}

/** Where a redirect points (path only). */
export function location(res: Response): string {
  return new URL(res.headers.get('location') ?? '', 'http://bank.test').pathname;
}

export async function expectRedirect(res: Response, path: string): Promise<void> {
  assert.equal(
    res.status,
    303,
    `expected a redirect to ${path}, got ${res.status}: ${await res.clone().text()}`,
  );
  assert.equal(location(res), path);
}

/** The text of every `role="alert"` element. */
export function alerts(html: string): string[] {
  return [...html.matchAll(/<[a-z]+ role="alert"[^>]*>([^<]*)</g)].map((m) => m[1]!);
}

/** The page's single alert (fails on none or more than one). */
export function alertOf(html: string): string {
  const found = alerts(html);
  assert.equal(found.length, 1, `expected one alert, found ${JSON.stringify(found)}`);
  return found[0]!;
}

export function labels(html: string): string[] {
  return [...html.matchAll(/<label [^>]*>([^<]*)<\/label>/g)].map((m) => m[1]!);
}

export function buttons(html: string): string[] {
  return [...html.matchAll(/<button [^>]*>([^<]*)<\/button>/g)].map((m) => m[1]!.trim());
}

export function links(html: string): string[] {
  return [...html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.trim());
}

/** The `value` of the input named `name`, or undefined when it has none. */
export function valueOf(html: string, name: string): string | undefined {
  const input = new RegExp(`<input [^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  assert.ok(input, `the page has an input named ${name}`);
  return /value="([^"]*)"/.exec(input)?.[1];
}

/** Answers a POST and reads the page: status plus body. */
export async function page(res: Response | Promise<Response>): Promise<{ status: number; html: string }> {
  const r = await res;
  return { status: r.status, html: await r.text() };
}
