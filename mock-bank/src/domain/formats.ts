import { MOBILE_PREFIXES, USER_ID_PATTERN } from '../rules.ts';

const ACCOUNT_SHAPES = [/^\d{6}-\d{2}-\d{6}$/, /^\d{14}$/, /^\d{3}-\d{2}-\d{4}-\d{3}$/, /^\d{12}$/];

/** Digits of a KB account number typed with or without hyphens (6-2-6 or legacy 3-2-4-3), else null. */
export function accountDigits(input: string): string | null {
  const value = input.trim();
  return ACCOUNT_SHAPES.some((shape) => shape.test(value)) ? value.replace(/-/g, '') : null;
}

export function isAccountNumber(input: string): boolean {
  return accountDigits(input) !== null;
}

/** A mobile number as `010-NNNN-NNNN` (011, 016-019 may have a 3-digit middle), or null. */
export function normalizeMobile(input: string): string | null {
  const m = /^(01\d)-?(\d{3,4})-?(\d{4})$/.exec(input.trim());
  if (!m || !(MOBILE_PREFIXES as readonly string[]).includes(m[1]!)) return null;
  if (m[1] === '010' && m[2]!.length !== 4) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** `010-****-1234`: only the last four digits show, however the number was stored. */
export function maskMobile(phone: string): string {
  const normal = normalizeMobile(phone);
  if (!normal) return `${'*'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-4)}`;
  const [prefix, middle = '', last = ''] = normal.split('-');
  return `${prefix}-${'*'.repeat(middle.length)}-${last}`;
}

export function isUserId(input: string): boolean {
  return USER_ID_PATTERN.test(input);
}

export function isDigits(input: string, length: number): boolean {
  return input.length === length && /^\d+$/.test(input);
}
