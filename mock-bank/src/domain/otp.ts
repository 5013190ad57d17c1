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

/** RFC 6238: the previous, current and next 30-s step are accepted. Always real time. */
export function isValidOtp(secret: string, code: string, nowMs: number): boolean {
  if (!new RegExp(`^\\d{${OTP_DIGITS}}$`).test(code)) return false;
  return totp(secret).validate({ token: code, timestamp: nowMs, window: OTP_WINDOW_STEPS }) !== null;
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
