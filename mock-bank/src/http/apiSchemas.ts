// The request bodies of the test-support API (spec §9). Formats are checked with the domain's own
// functions, so the API accepts exactly what the screens accept. Unknown fields are stripped (z.object).
import { z } from 'zod';
import {
  ACCOUNT_PASSWORD_LENGTH,
  BANK_NAME,
  CERTIFICATE_PIN_LENGTH,
  KB_MOBILE_CERT_PIN_LENGTH,
  SECURITY_CARD_CODE_COUNT,
  SECURITY_CARD_CODE_LENGTH,
} from '../rules.ts';
import { FAST_PATH_STEPS } from '../domain/flow.ts';
import { accountDigits, isDigits, isUserId, normalizeMobile } from '../domain/formats.ts';
import { isBase32Secret } from '../domain/otp.ts';
import { rrnProblem, type RrnProblem } from '../domain/rrn.ts';
import { kstDayStart } from '../domain/validity.ts';

/** A test clock further off than this is a mistake in the test, not a scenario. */
export const MAX_CLOCK_OFFSET_SECONDS = 20 * 366 * 86_400;
/** Bounds on free text, so a seeded record stays a record and an error never quotes a novel. */
const MAX_TEXT = 200;
const MAX_SECRET = 64;
const MAX_OTP_SECRET = 128;
const MAX_ACCOUNTS = 10;
const MAX_KEYPAD_DIGITS = 16;
const MAX_SMS_TEXT = 2000;

const digits = (length: number) =>
  z.string().refine((value) => isDigits(value, length), { error: `must be ${length} digits` });

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `at most ${max} characters` });

const RRN_PROBLEM: Record<RrnProblem, string> = {
  format: 'must be 13 digits, no hyphen',
  placeholder: 'is a placeholder number (back half 1000000-4000000)',
  gender: 'has an unknown gender digit (7th digit)',
  date: 'does not start with a real birth date',
  place: 'has a place-of-birth code over 96 (digits 8-9)',
};

/** 13 digits with a real date, gender digit and place code; a bad check digit is accepted (spec §8). */
export const rrnSchema = z.string().superRefine((value, ctx) => {
  const problem = rrnProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: RRN_PROBLEM[problem] });
});

const mobile = z
  .string()
  .max(MAX_TEXT)
  .transform((value, ctx) => {
    const phone = normalizeMobile(value);
    if (!phone) ctx.addIssue({ code: 'custom', message: 'must be a mobile number like 010-1234-5678' });
    return phone ?? z.NEVER;
  });

/** Stored as registered, with hyphens (types.ts): 6-2-6, or the legacy 3-2-4-3. */
function hyphenateAccount(d: string): string {
  return d.length === 14
    ? `${d.slice(0, 6)}-${d.slice(6, 8)}-${d.slice(8)}`
    : `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5, 9)}-${d.slice(9)}`;
}

const accountNumber = z
  .string()
  .max(MAX_TEXT)
  .transform((value, ctx) => {
    const d = accountDigits(value);
    if (!d) ctx.addIssue({ code: 'custom', message: 'must be a KB account number (6-2-6 or 3-2-4-3 digits)' });
    return d ? hyphenateAccount(d) : z.NEVER;
  });

/** `YYYY-MM-DD`, a real calendar day. */
const isoDay = z.string().refine((value) => kstDayStart(value) !== null, { error: 'must be a date YYYY-MM-DD' });

/** ISO 8601 with a zone (`Z` or `+09:00`): a bare local time would be ambiguous. */
const isoInstant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a zone, e.g. 2024-01-05T00:00:00Z' });

const mediaSchema = z.object({
  securityCard: z
    .object({
      codes: z
        .array(digits(SECURITY_CARD_CODE_LENGTH))
        .length(SECURITY_CARD_CODE_COUNT, { error: `must hold exactly ${SECURITY_CARD_CODE_COUNT} codes` }),
    })
    .nullish(),
  otp: z
    .object({
      secret: z.string().max(MAX_OTP_SECRET).refine(isBase32Secret, { error: 'must be a base32 secret of at least 10 bytes' }),
      mobile: z.boolean().optional(),
    })
    .nullish(),
  kbMobileCert: z.object({ pin: digits(KB_MOBILE_CERT_PIN_LENGTH) }).nullish(),
});

const abroadSchema = z
  .object({ departedAt: isoDay, returnedAt: isoDay.nullable().default(null) })
  .refine((a) => a.returnedAt === null || a.returnedAt >= a.departedAt, {
    error: 'must not be before departedAt',
    path: ['returnedAt'],
  });

const certificateSchema = z
  .object({
    bank: text(MAX_TEXT).default(BANK_NAME),
    status: z.enum(['active', 'suspended', 'revoked']),
    /** Left out: a valid PIN is generated (spec §9). */
    pin: digits(CERTIFICATE_PIN_LENGTH).optional(),
    issuedAt: isoInstant,
    expiresAt: isoInstant,
    locked: z.boolean().optional(),
  })
  .refine((cert) => Date.parse(cert.expiresAt) > Date.parse(cert.issuedAt), {
    error: 'must be after issuedAt',
    path: ['expiresAt'],
  });

/** POST /customers: every field optional (generated when left out); `media` left out = an OTP only. */
export const newCustomerSchema = z.object({
  userId: z.string().refine(isUserId, { error: 'must be 6-12 letters and digits, starting with a letter' }).optional(),
  loginPassword: z.string().min(1, { error: 'must not be empty' }).max(MAX_SECRET).optional(),
  name: text(MAX_TEXT).optional(),
  rrn: rrnSchema.optional(),
  phone: mobile.optional(),
  email: z.email({ error: 'must be an e-mail address' }).max(MAX_TEXT).optional(),
  address: text(MAX_TEXT).optional(),
  accounts: z
    .array(z.object({ number: accountNumber, password: digits(ACCOUNT_PASSWORD_LENGTH) }))
    .min(1, { error: 'must hold at least one account' })
    .max(MAX_ACCOUNTS)
    .optional(),
  media: mediaSchema.nullable().optional(),
  abroad: abroadSchema.nullable().optional(),
  certificate: certificateSchema.nullable().optional(),
});

export const clockSchema = z.object({
  offsetSeconds: z
    .number()
    .int({ error: 'must be a whole number of seconds' })
    .min(-MAX_CLOCK_OFFSET_SECONDS, { error: `must be within ±${MAX_CLOCK_OFFSET_SECONDS} seconds` })
    .max(MAX_CLOCK_OFFSET_SECONDS, { error: `must be within ±${MAX_CLOCK_OFFSET_SECONDS} seconds` }),
});

export const flowSchema = z.object({
  userId: z.string().min(1).max(MAX_TEXT),
  at: z.enum(FAST_PATH_STEPS),
  reissue: z.boolean().default(false),
  door: z.enum(['web', 'app']).default('web'),
});

export const keypadSchema = z.object({
  digits: z
    .string()
    .regex(new RegExp(`^\\d{1,${MAX_KEYPAD_DIGITS}}$`), { error: `must be 1-${MAX_KEYPAD_DIGITS} digits` }),
});

export const smsSchema = z.object({ text: z.string().min(1, { error: 'must not be empty' }).max(MAX_SMS_TEXT) });

export const certificatesQuerySchema = z.object({
  rrn: z.string().regex(/^\d{13}$/, { error: 'must be 13 digits, no hyphen' }),
});

/** A missing field says so, instead of zod's "expected string, received undefined" (or "invalid option"). */
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value') ? 'is required' : undefined;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; error: string };

/** Enough to fix a request; 35 bad 보안카드 codes need not be listed one by one. */
const MAX_REPORTED_PROBLEMS = 5;

/** Validates an input; the error names each wrong field (`accounts[0].password: must be 4 digits`). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { error: errorMap });
  if (result.success) return { ok: true, data: result.data };
  const problems = [...new Set(result.error.issues.map((issue) => `${fieldPath(issue.path) || 'body'}: ${issue.message}`))];
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).join('; ');
  return { ok: false, error: more > 0 ? `${shown}; and ${more} more` : shown };
}
