import { CERTIFICATE_PIN_LENGTH, SECURITY_CARD_CODE_COUNT } from '../rules.ts';
import { emptyCounters, noLocks } from '../domain/limits.ts';
import { newOtpSecret } from '../domain/otp.ts';
import { isWeakPin } from '../domain/pin.ts';
import { rrnCheckDigit, rrnProblem } from '../domain/rrn.ts';
import type { Account, Customer, DepartureRecord, Media } from '../domain/types.ts';
import { randomDigits, type BankContext } from './context.ts';
import { phoneOf } from './phone.ts';
import { seedCertificate, type SeededCertificate } from './registry.ts';

/** What the test-support API may give; everything left out is generated. */
export interface NewCustomer {
  userId?: string;
  loginPassword?: string;
  name?: string;
  rrn?: string;
  phone?: string;
  email?: string;
  address?: string;
  accounts?: Account[];
  /** Left out: an OTP only; null: no medium at all. */
  media?: Media | null;
  abroad?: DepartureRecord | null;
  /** `pin` left out: a valid one is generated. */
  certificate?: (Omit<SeededCertificate, 'pin'> & { pin?: string | undefined }) | null;
}

const FAMILY_NAMES = ['김', '이', '박', '최', '정', '강', '조', '윤'];
const GIVEN_NAMES = ['민준', '서연', '도윤', '지우', '하준', '서윤', '시우', '하은'];

function pick<T>(ctx: BankContext, list: readonly T[]): T {
  return list[ctx.randomInt(list.length)]!;
}

function generateRrn(ctx: BankContext): string {
  const yy = String(ctx.randomInt(80) + 10).padStart(2, '0');
  const mm = String(ctx.randomInt(12) + 1).padStart(2, '0');
  const dd = String(ctx.randomInt(28) + 1).padStart(2, '0');
  const first12 = `${yy}${mm}${dd}${1 + ctx.randomInt(2)}${String(ctx.randomInt(97)).padStart(2, '0')}${randomDigits(ctx, 3)}`;
  return first12 + rrnCheckDigit(first12);
}

function generateUnique(ctx: BankContext, make: () => string, taken: (value: string) => boolean): string {
  for (;;) {
    const value = make();
    if (!taken(value)) return value;
  }
}

/** A certificate PIN the 비밀번호 설정 screen would accept: never a weak one (spec §2.5). */
export function generateCertificatePin(ctx: BankContext): string {
  return generateUnique(ctx, () => randomDigits(ctx, CERTIFICATE_PIN_LENGTH), isWeakPin);
}

export function generateSecurityCard(ctx: BankContext): { codes: string[] } {
  return { codes: Array.from({ length: SECURITY_CARD_CODE_COUNT }, () => randomDigits(ctx, 4)) };
}

export type CreateResult = { ok: true; customer: Customer } | { ok: false; conflict: 'userId' | 'rrn' | 'phone' };

export function createCustomer(ctx: BankContext, input: NewCustomer): CreateResult {
  const { store } = ctx;
  if (input.userId && store.getCustomer(input.userId)) return { ok: false, conflict: 'userId' };
  if (input.rrn && store.findCustomerByRrn(input.rrn)) return { ok: false, conflict: 'rrn' };
  if (input.phone && store.findCustomerByPhone(input.phone)) return { ok: false, conflict: 'phone' };
  const customer: Customer = {
    userId: input.userId ?? generateUnique(ctx, () => `kbqa${randomDigits(ctx, 6)}`, (v) => !!store.getCustomer(v)),
    loginPassword: input.loginPassword ?? `pw${randomDigits(ctx, 8)}`,
    name: input.name ?? `${pick(ctx, FAMILY_NAMES)}${pick(ctx, GIVEN_NAMES)}`,
    // A draw can land on a placeholder (e.g. 100109-1000000 has a valid check digit): draw again.
    rrn: input.rrn ?? generateUnique(ctx, () => generateRrn(ctx), (v) => rrnProblem(v) !== null || !!store.findCustomerByRrn(v)),
    phone:
      input.phone ??
      generateUnique(ctx, () => `010-${randomDigits(ctx, 4)}-${randomDigits(ctx, 4)}`, (v) => !!store.findCustomerByPhone(v)),
    email: input.email ?? `customer${randomDigits(ctx, 6)}@example.com`,
    address: input.address ?? '서울특별시 영등포구 국제금융로8길 26',
    accounts: input.accounts ?? [
      { number: `${randomDigits(ctx, 6)}-${randomDigits(ctx, 2)}-${randomDigits(ctx, 6)}`, password: randomDigits(ctx, 4) },
    ],
    media: input.media === undefined ? { otp: { secret: newOtpSecret() } } : input.media,
    abroad: input.abroad ?? null,
    clockOffsetSeconds: 0,
    counters: emptyCounters(),
    locks: noLocks(),
  };
  store.putCustomer(customer);
  // A seeded 모바일OTP lives in the phone too, as one issued on the screens does (issueMobileOtp).
  if (customer.media?.otp?.mobile) phoneOf(ctx, customer.phone).otpSecret = customer.media.otp.secret;
  if (input.certificate) {
    seedCertificate(ctx, customer, { ...input.certificate, pin: input.certificate.pin ?? generateCertificatePin(ctx) });
  }
  ctx.log('customer.created', { userId: customer.userId });
  return { ok: true, customer };
}

/** Removes the customer, their phone, their codes and their certificates. */
export function deleteCustomer(ctx: BankContext, customer: Customer): void {
  ctx.store.deleteCertificatesOf(customer.rrn);
  ctx.store.deleteChallengesFor(customer.phone);
  ctx.store.deletePhone(customer.phone);
  ctx.store.deleteCustomer(customer.userId);
}

/** 모바일OTP issuance: the customer's only medium becomes an OTP whose secret lives in their phone. */
export function issueMobileOtp(ctx: BankContext, customer: Customer): void {
  const secret = newOtpSecret();
  customer.media = { otp: { secret, mobile: true } };
  ctx.store.putCustomer(customer);
  phoneOf(ctx, customer.phone).otpSecret = secret;
  ctx.log('mobileOtp.issued', { userId: customer.userId });
}
