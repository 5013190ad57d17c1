// Helpers shared by the test-support API tests (not a test file itself).
import assert from 'node:assert/strict';
import { rrnCheckDigit } from '../../src/domain/rrn.ts';
import { api, TEST_TOKEN, type TestBank } from '../support.ts';

export type App = TestBank['app'];

/** A well-formed 주민등록번호 with a valid check digit (test data is made with one, spec §8). */
export function rrn(first12: string): string {
  return first12 + rrnCheckDigit(first12);
}

/** 35 distinct-looking 4-digit codes: 0101, 0202, ... */
export function securityCardCodes(count = 35): string[] {
  return Array.from({ length: count }, (_, i) => String((i + 1) * 101 % 10_000).padStart(4, '0'));
}

export const OTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A request to the API with the right token and any raw body (broken JSON, huge strings...). */
export function rawApi(app: App, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return app.request(`/__test__${path}`, {
    method,
    headers: { 'x-test-token': TEST_TOKEN, 'content-type': 'application/json', ...headers },
    body,
  });
}

export interface CertificateRecord {
  serial: string;
  bank: string;
  status: string;
  locked: boolean;
  pin: string;
  issuedAt: string;
  expiresAt: string;
}

export interface CustomerRecord {
  userId: string;
  loginPassword: string;
  name: string;
  rrn: string;
  phone: string;
  email: string;
  address: string;
  accounts: { number: string; password: string }[];
  media: {
    securityCard: { codes: string[] } | null;
    otp: { secret: string; mobile?: boolean } | null;
    kbMobileCert: { pin: string } | null;
  } | null;
  abroad: { departedAt: string; returnedAt: string | null } | null;
  certificate: CertificateRecord | null;
  counters: Record<string, number>;
  locks: Record<string, boolean>;
  clockOffsetSeconds: number;
}

export async function createCustomer(app: App, body: Record<string, unknown> = {}): Promise<CustomerRecord> {
  const res = await api(app).post('/customers', body);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as CustomerRecord;
}

/** A 4xx with JSON `{ error }`; `mentions` is what the error must name (usually the field). */
export async function expectError(res: Response, status: number, mentions?: RegExp): Promise<string> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = JSON.parse(text) as { error?: unknown };
  assert.equal(typeof body.error, 'string', text);
  if (mentions) assert.match(body.error as string, mentions);
  return body.error as string;
}

/** 1 MB of one character: over MAX_BODY_BYTES once put in a body. */
export const ONE_MB = 'x'.repeat(1024 * 1024);
