/**
 * Demo customers for walking the bank by hand (`npm run bank`): one per branch of the spec, with fixed,
 * printed credentials. Every OTP is a 모바일OTP so its current code shows on the customer's phone page.
 */
import { BANK_NAME } from './rules.ts';
import { rrnCheckDigit } from './domain/rrn.ts';
import { addYearsKst } from './domain/validity.ts';
import type { BankContext } from './services/context.ts';
import { createCustomer, generateSecurityCard, type NewCustomer } from './services/customers.ts';
import { newOtpSecret } from './domain/otp.ts';

const DAY_MS = 86_400_000;
const CERTIFICATE_PIN = '284719';

interface DemoCustomer {
  what: string;
  seed: NewCustomer;
}

function rrn(first12: string): string {
  return first12 + rrnCheckDigit(first12);
}

function certificate(bank: string, status: 'active' | 'suspended', expiresInDays: number, now: number) {
  const expiresAt = new Date(now + expiresInDays * DAY_MS);
  return { bank, status, pin: CERTIFICATE_PIN, issuedAt: addYearsKst(expiresAt, -3).toISOString(), expiresAt: expiresAt.toISOString() };
}

function demoCustomers(ctx: BankContext): DemoCustomer[] {
  const now = ctx.now();
  const mobileOtp = () => ({ otp: { secret: newOtpSecret(), mobile: true } });
  const base = (n: number, name: string) => ({
    userId: `demo${String(n).padStart(4, '0')}`,
    loginPassword: 'demo1234!',
    name,
    rrn: rrn(`9${n % 10}0101${1 + (n % 2)}2345${n % 10}`.slice(0, 12)),
    phone: `010-0000-${String(n).padStart(4, '0')}`,
    accounts: [{ number: `123456-78-90${String(n).padStart(4, '0')}`, password: '1234' }],
  });
  return [
    { what: '모바일OTP holder: the plain issue', seed: { ...base(1, '김민준'), media: mobileOtp() } },
    { what: '보안카드 holder', seed: { ...base(2, '이서연'), media: { securityCard: generateSecurityCard(ctx) } } },
    { what: 'KB모바일인증서 holder (PIN 135790)', seed: { ...base(3, '박도윤'), media: { kbMobileCert: { pin: '135790' } } } },
    { what: 'no medium: 모바일OTP issuance', seed: { ...base(4, '최지우'), media: null } },
    {
      what: 'abroad: 해외출국 확인',
      seed: { ...base(5, '정하준'), media: mobileOtp(), abroad: { departedAt: '2026-10-01', returnedAt: null } },
    },
    {
      what: `active ${BANK_NAME} certificate: reissue`,
      seed: { ...base(6, '강서윤'), media: mobileOtp(), certificate: certificate(BANK_NAME, 'active', 400, now) },
    },
    {
      what: 'active 신한은행 certificate: reissue revokes it',
      seed: { ...base(7, '조시우'), media: mobileOtp(), certificate: certificate('신한은행', 'active', 400, now) },
    },
    {
      what: 'suspended certificate: blocked',
      seed: { ...base(8, '윤하은'), media: mobileOtp(), certificate: certificate(BANK_NAME, 'suspended', 400, now) },
    },
    {
      what: `renewal window (expires in 10 days, PIN ${CERTIFICATE_PIN})`,
      seed: { ...base(9, '김도윤'), media: mobileOtp(), certificate: certificate(BANK_NAME, 'active', 10, now) },
    },
  ];
}

/** Creates the demo customers and returns a table to print. */
export function seedDemoCustomers(ctx: BankContext, baseUrl: string): string {
  const lines = ['Demo customers (login password demo1234!, account password 1234):'];
  for (const { what, seed } of demoCustomers(ctx)) {
    const created = createCustomer(ctx, seed);
    if (!created.ok) continue;
    const c = created.customer;
    const front = c.rrn.slice(0, 6);
    lines.push(
      `  ${c.userId}  ${c.name}  ${front}-${c.rrn.slice(6)}  ${c.accounts[0]?.number}  phone ${baseUrl}phone/${c.phone}  — ${what}`,
    );
    const card = c.media?.securityCard;
    if (card) lines.push(`    보안카드: ${card.codes.map((code, i) => `${i + 1}:${code}`).join(' ')}`);
  }
  return lines.join('\n');
}
