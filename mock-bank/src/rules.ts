/**
 * Every rule of the spec, one named constant each, so one place changes it.
 * (src) = from public material about the real service; (assumed) = our choice where none was found.
 */

export const BANK_NAME = 'KB국민은행';
export const CERTIFICATE_ISSUER = '금융결제원';
export const CERTIFICATE_KIND = '금융인증서';
export const KOREA_TIME_ZONE = 'Asia/Seoul';

/** (src) a new 금융인증서 is valid three years. */
export const CERTIFICATE_VALIDITY_YEARS = 3;
/** (src) renewal is allowed from 30 days before expiry until expiry. */
export const RENEWAL_WINDOW_DAYS = 30;
/** (src) the renewed expiry is the old expiry + 1 day + 3 years. */
export const RENEWAL_EXTRA_DAYS = 1;

/** (assumed) the 5th wrong user ID / 주민등록번호 pair discards the flow. */
export const USER_INFO_ERROR_LIMIT = 5;

/** Wrong tries per medium, counted per customer across flows. */
export const ERROR_LIMITS = {
  /** (src: one bank) */
  accountPassword: 3,
  /** (assumed) */
  securityCard: 5,
  /** (src: one bank) */
  otp: 10,
  /** (assumed) */
  kbMobileCert: 5,
} as const;
export type CountedMedium = keyof typeof ERROR_LIMITS;

/** (assumed) the 5th wrong certificate PIN at renewal locks the certificate. */
export const CERTIFICATE_PIN_ERROR_LIMIT = 5;

/** (assumed) a 보안카드 holds 35 codes of 4 digits. */
export const SECURITY_CARD_CODE_COUNT = 35;
export const SECURITY_CARD_CODE_LENGTH = 4;

/** (src) RFC 6238 TOTP as used by OTP devices: SHA-1, 6 digits, 30-s steps. */
export const OTP_DIGITS = 6;
export const OTP_PERIOD_SECONDS = 30;
export const OTP_ALGORITHM = 'SHA1';
/** Steps either side of the current one that are still accepted (previous, current, next). */
export const OTP_WINDOW_STEPS = 1;

/** (assumed) the ARS call, the cloud SMS code, the ID-lookup code and the 모바일OTP SMS code live 3 minutes. */
export const ARS_CODE_TTL_MS = 3 * 60_000;
export const CLOUD_SMS_CODE_TTL_MS = 3 * 60_000;
export const ID_LOOKUP_CODE_TTL_MS = 3 * 60_000;
export const MOBILE_OTP_CODE_TTL_MS = 3 * 60_000;
/** The server's own backstop deadline runs this much past the browser's countdown. */
export const SERVER_DEADLINE_GRACE_MS = 30_000;
/**
 * (assumed: the spec asks for at least once a second) how often a waiting page asks whether its code
 * was answered. A quarter second: the customer (and every test) sees the next screen that much sooner.
 */
export const POLL_INTERVAL_MS = 250;

export const ARS_CODE_LENGTH = 2;
export const CLOUD_SMS_CODE_LENGTH = 2;
export const SMS_CODE_LENGTH = 6;

/** (src) a certificate password is exactly 6 digits. */
export const CERTIFICATE_PIN_LENGTH = 6;
export const KB_MOBILE_CERT_PIN_LENGTH = 6;
/** (seed) `모바일OTP 비밀번호 6자리`. */
export const MOBILE_OTP_PIN_LENGTH = 6;
export const ACCOUNT_PASSWORD_LENGTH = 4;
/** (assumed) the longest address 고객정보 확인 accepts. */
export const ADDRESS_MAX_LENGTH = 200;

/** (assumed) 사용자ID: 6-12 letters and digits, starting with a letter. */
export const USER_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]{5,11}$/;
/** (src) mobile prefixes. */
export const MOBILE_PREFIXES = ['010', '011', '016', '017', '018', '019'] as const;

/** (src: python-stdnum) 주민등록번호 check-digit weights and place-of-birth maximum. */
export const RRN_CHECK_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
export const RRN_MAX_PLACE_CODE = 96;
/** (src) back halves that are placeholders, not numbers. */
export const RRN_PLACEHOLDER_BACK_HALVES = ['1000000', '2000000', '3000000', '4000000'] as const;

/** (spec §9) request bodies over this size are answered 413. */
export const MAX_BODY_BYTES = 64 * 1024;

export const SESSION_COOKIE = 'kbsid';

/** Messages the customer receives; (src) unless marked. */
export const SMS = {
  code: (code: string) => `[${BANK_NAME}] 인증번호 [${code}]`,
  issued: (name: string) => `[${BANK_NAME}] ${name}님 인증서 발급완료. 본인요청 아닐 시 신고요망`,
  /** (assumed) */
  renewed: (name: string) => `[${BANK_NAME}] ${name}님 인증서 갱신완료. 본인요청 아닐 시 신고요망`,
};
