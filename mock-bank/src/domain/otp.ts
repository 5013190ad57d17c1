import { Secret, TOTP } from 'otpauth';
import { OTP_ALGORITHM, OTP_DIGITS, OTP_PERIOD_SECONDS, OTP_WINDOW_STEPS } from '../rules.ts';

function totp(secret: string): TOTP {
  return new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: OTP_ALGORITHM,
    digits: OTP_DIGITS,
    period: OTP_PERIOD_SECONDS,
  });
}

/** How many 30-s steps before and after the current one a code may come from. */
export interface OtpWindow {
  before: number;
  after: number;
}

/** The spec's window: the previous, current and next step. */
export const OTP_WINDOW: OtpWindow = { before: OTP_WINDOW_STEPS, after: OTP_WINDOW_STEPS };

/** RFC 6238 within `window` (the spec's unless a caller says otherwise). Always real time. */
export function isValidOtp(
  secret: string,
  code: string,
  nowMs: number,
  window: OtpWindow = OTP_WINDOW,
): boolean {
  if (!new RegExp(`^\\d{${OTP_DIGITS}}$`).test(code)) return false;
  // otpauth searches symmetrically and answers the step's distance: −1 = previous, +1 = next.
  const search = Math.max(window.before, window.after);
  const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: search });
  return delta !== null && delta >= -window.before && delta <= window.after;
}

export function otpCode(secret: string, nowMs: number): string {
  return totp(secret).generate({ timestamp: nowMs });
}

export function newOtpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function isBase32Secret(value: string): boolean {
  try {
    return /^[A-Z2-7]+=*$/i.test(value) && Secret.fromBase32(value).bytes.length >= 10;
  } catch {
    return false;
  }
}
